// Every workflow step built on transitionTo refuses a record in any state it does not start from, whoever asks,
// in Chinese, and changes nothing. The steps are found from the modules, so a new one is covered by this test.
import { expect } from 'chai';
import type { Model, ModelStatic } from 'sequelize';
import {
  BillingRun,
  CashReport,
  ClubhouseCharge,
  DunningPlan,
  Notice,
  ParkingRental,
  Payment,
  Survey,
  BILLING_RUN_STATUSES,
  CASH_REPORT_STATUSES,
  CLUBHOUSE_CHARGE_STATUSES,
  DUNNING_PLAN_STATUSES,
  NOTICE_STATUSES,
  PARKING_RENTAL_STATUSES,
  PAYMENT_STATUSES,
  RENOVATION_STATUSES,
  SURVEY_STATUSES,
  TICKET_STATUSES,
  type RenovationStatus,
  type TicketStatus,
} from '../../src/models/index.js';
import { ValidationFailed } from '../../src/errors.js';
import { loadActor } from '../../src/auth/actor.js';
import type { Actor } from '../../src/rules/actor.js';
import { staff } from '../support/factories.js';
import { renovationApplication, ticket } from '../support/records.js';
import { expectRefused } from '../support/refusals.js';
import { parkingSpace } from '../support/parking.js';
import * as ticketTransitions from '../../src/domain/ticket-transitions.js';
import * as ticketWork from '../../src/domain/ticket-work.js';
import * as officeTransitions from '../../src/domain/office-transitions.js';
import * as renovationTransitions from '../../src/domain/renovation-transitions.js';
import * as cashReports from '../../src/domain/cash-reports.js';
import * as billingRuns from '../../src/domain/billing-run.js';

type Step = ((actor: Actor | null, id: number, input: Record<string, unknown>) => Promise<Model>) & {
  transition: { action: string; model: ModelStatic<Model>; from?: readonly string[] };
};

const steps: Step[] = [
  ticketTransitions,
  ticketWork,
  officeTransitions,
  renovationTransitions,
  cashReports,
  billingRuns,
]
  .flatMap((module) => Object.values(module))
  .filter(
    (value): value is Step =>
      typeof value === 'function' && 'transition' in value && Array.isArray((value as Step).transition.from),
  );

const HOUR = 3_600_000;
const ago = (hours: number) => new Date(Date.now() - hours * HOUR);

/**
 * A record of each model in any state: tickets and applications as the shared factories make them, the others written
 * without model validation, since only the state matters here.
 */
const MAKERS: Record<string, { statuses: readonly string[]; make: (status: string) => Promise<Model> }> = {
  Ticket: { statuses: TICKET_STATUSES, make: (status) => ticket(status as TicketStatus) },
  RenovationApplication: {
    statuses: RENOVATION_STATUSES,
    make: (status) => renovationApplication(status as RenovationStatus),
  },
  Notice: {
    statuses: NOTICE_STATUSES,
    make: async (status) =>
      Notice.create(
        { title: '状态测试', content: '内容', status, authorId: (await staff('receptionist')).id } as never,
        { validate: false },
      ),
  },
  ClubhouseCharge: {
    statuses: CLUBHOUSE_CHARGE_STATUSES,
    make: async (status) =>
      ClubhouseCharge.create(
        {
          item: '游泳',
          customerName: '王伟',
          chargeDate: '2026-11-20',
          quantity: 1,
          unitPrice: 3000,
          amount: 3000,
          status,
          recordedById: (await staff('cashier')).id,
        } as never,
        { validate: false },
      ),
  },
  ParkingRental: {
    statuses: PARKING_RENTAL_STATUSES,
    make: async (status) =>
      ParkingRental.create(
        {
          registeredById: (await staff('garage_keeper')).id,
          renterName: '李强',
          renterPhone: '13800138001',
          plateNumber: '粤B12345',
          spaceId: (await parkingSpace()).id,
          startDate: '2026-12-01',
          endDate: '2027-11-30',
          monthlyRent: 45_000,
          status,
        } as never,
        { validate: false },
      ),
  },
  DunningPlan: {
    statuses: DUNNING_PLAN_STATUSES,
    make: async (status) =>
      DunningPlan.create({ title: '状态测试', status, createdById: (await staff('coordinator')).id } as never, {
        validate: false,
      }),
  },
  Survey: {
    statuses: SURVEY_STATUSES,
    make: async (status) =>
      Survey.create({ title: '状态测试', status, ownerStaffId: (await staff('assistant')).id } as never, {
        validate: false,
      }),
  },
  Payment: {
    statuses: PAYMENT_STATUSES,
    make: async (status) =>
      Payment.create(
        {
          kind: 'other',
          method: 'cash',
          amount: 1_000,
          payerName: '王伟',
          cashierId: (await staff('cashier')).id,
          status,
        } as never,
        { validate: false },
      ),
  },
  BillingRun: {
    statuses: BILLING_RUN_STATUSES,
    make: async (status) => {
      const by = await staff('cashier');
      return BillingRun.create(
        {
          title: '状态测试',
          period: '2043-06',
          staffId: by.id,
          ranAt: ago(2),
          status,
          undoneById: status === 'undone' ? by.id : null,
          undoneAt: status === 'undone' ? ago(1) : null,
        } as never,
        { validate: false },
      );
    },
  },
  CashReport: {
    statuses: CASH_REPORT_STATUSES,
    make: async (status) =>
      CashReport.create(
        { title: '状态测试', cashierId: (await staff('cashier')).id, reportDate: '2026-11-02', status } as never,
        { validate: false },
      ),
  },
};

describe('every workflow step refuses the wrong state, whoever asks, and changes nothing', () => {
  it('finds the steps to check', () => {
    expect(steps.map((s) => s.transition.action)).to.include.members([
      'Ticket.dispatch',
      'Ticket.sendBack',
      'RenovationApplication.inspect',
      'CashReport.reconcile',
    ]);
    expect(steps.length).to.be.at.least(20);
  });

  it('refuses each step on every state it does not start from', async function () {
    this.timeout(120_000);
    const director = (await loadActor((await staff('director')).id))!;
    let checked = 0;
    for (const step of steps) {
      const { action, model, from } = step.transition;
      const maker = MAKERS[model.name];
      expect(maker, `a maker for ${model.name}`).to.exist;
      for (const status of maker.statuses.filter((s) => !from!.includes(s))) {
        const row = await (await maker.make(status)).reload();
        const before = JSON.stringify(row.get({ plain: true }));
        await expectRefused(
          () => step(director, Number(row.get('id')), {}),
          ValidationFailed,
          /^这条记录当前的状态不能/,
          `${action} on ${status}`,
        );
        await row.reload();
        expect(JSON.stringify(row.get({ plain: true })), `${action} on ${status} changed the record`).to.equal(before);
        checked++;
      }
    }
    expect(checked).to.be.at.least(60);
  });
});
