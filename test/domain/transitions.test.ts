import { expect } from 'chai';
import type { Model } from 'sequelize';
import {
  AuditLog,
  ClubhouseCharge,
  DunningPlan,
  DunningTarget,
  Notice,
  ParkingRental,
  Survey,
} from '../../src/models/index.js';
import { publishNotice, startDunningPlan } from '../../src/domain/office-transitions.js';
import { loadActor } from '../../src/auth/actor.js';
import { signedInClient } from '../support/http.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { heldDeposit, renovationApplication, ticket } from '../support/records.js';
import { expectRefused } from '../support/refusals.js';
import { parkingSpace } from '../support/parking.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';

const someone = () => staff('receptionist');

async function planWithTarget(status: 'draft' | 'started') {
  const { owners } = await smallEstate(1);
  const plan = await DunningPlan.create({
    title: '2026年11月物业费催缴',
    status,
    createdById: (await staff('coordinator')).id,
  } as never);
  await DunningTarget.create({
    planId: plan.id,
    ownerId: owners[0].id,
    arrearsAmount: 93_078,
    monthsInArrears: 2,
  } as never);
  return plan;
}

interface Case {
  resource: string;
  action: string;
  may: string;
  mayNot: string;
  make: () => Promise<Model>;
  fields?: Record<string, string>;
  becomes: string;
}

const CASES: Case[] = [
  {
    resource: 'Ticket',
    action: 'archive',
    may: 'receptionist',
    mayNot: 'coordinator',
    becomes: 'archived',
    make: () => ticket('approved'),
  },
  {
    resource: 'Ticket',
    action: 'cancel',
    may: 'coordinator',
    mayNot: 'cashier',
    becomes: 'cancelled',
    fields: { cancelReason: '业主已自行修好' },
    make: () => ticket('reported'),
  },
  {
    resource: 'RenovationApplication',
    action: 'review',
    may: 'engineering_supervisor',
    mayNot: 'assistant',
    becomes: 'reviewed',
    fields: { reviewOpinion: '不涉及承重结构，同意施工' },
    make: () => renovationApplication('submitted'),
  },
  {
    resource: 'RenovationApplication',
    action: 'approve',
    may: 'assistant',
    mayNot: 'engineering_supervisor',
    becomes: 'approved',
    make: () => renovationApplication('reviewed'),
  },
  {
    resource: 'RenovationApplication',
    action: 'reject',
    may: 'assistant',
    mayNot: 'receptionist',
    becomes: 'rejected',
    fields: { decisionNote: '施工时间与邻户冲突' },
    make: () => renovationApplication('reviewed'),
  },
  {
    resource: 'RenovationApplication',
    action: 'inspect',
    may: 'engineering_supervisor',
    mayNot: 'cashier',
    becomes: 'inspected',
    fields: { inspectionResult: 'passed' },
    make: () => renovationApplication('approved'),
  },
  {
    resource: 'Notice',
    action: 'publish',
    may: 'receptionist',
    mayNot: 'cashier',
    becomes: 'published',
    make: async () =>
      Notice.create({
        title: '停水通知',
        content: '12月3日9:00—17:00 3栋停水检修',
        authorId: (await someone()).id,
      } as never),
  },
  {
    resource: 'Notice',
    action: 'withdraw',
    may: 'assistant',
    mayNot: 'coordinator',
    becomes: 'withdrawn',
    make: async () =>
      Notice.create({
        title: '电梯年检',
        content: '5栋电梯年检暂停使用',
        authorId: (await someone()).id,
        status: 'published',
        publishedAt: new Date(),
      } as never),
  },
  {
    resource: 'ClubhouseCharge',
    action: 'verify',
    may: 'cashier',
    mayNot: 'receptionist',
    becomes: 'verified',
    make: async () =>
      ClubhouseCharge.create({
        item: '游泳',
        customerName: '王伟',
        chargeDate: '2026-11-20',
        quantity: 2,
        unitPrice: 3000,
        amount: 6000,
        recordedById: (await someone()).id,
      } as never),
  },
  {
    resource: 'ParkingRental',
    action: 'review',
    may: 'cashier',
    mayNot: 'garage_keeper',
    becomes: 'approved',
    fields: { decision: 'approved' },
    make: async () =>
      ParkingRental.create({
        registeredById: (await staff('garage_keeper')).id,
        renterName: '李强',
        renterPhone: '13800138001',
        plateNumber: '粤B12345',
        spaceId: (await parkingSpace()).id,
        startDate: '2026-12-01',
        endDate: '2027-11-30',
        monthlyRent: 45_000,
      } as never),
  },
  {
    resource: 'DunningPlan',
    action: 'start',
    may: 'cashier',
    mayNot: 'coordinator',
    becomes: 'started',
    make: () => planWithTarget('draft'),
  },
  {
    resource: 'DunningPlan',
    action: 'close',
    may: 'assistant',
    mayNot: 'receptionist',
    becomes: 'closed',
    make: () => planWithTarget('started'),
  },
  {
    resource: 'Survey',
    action: 'start',
    may: 'assistant',
    mayNot: 'coordinator',
    becomes: 'running',
    make: async () =>
      Survey.create({ title: '2026年第四季度满意度调查', ownerStaffId: (await staff('assistant')).id } as never),
  },
  {
    resource: 'Survey',
    action: 'close',
    may: 'assistant',
    mayNot: 'cashier',
    becomes: 'closed',
    make: async () =>
      Survey.create({
        title: '2026年第三季度满意度调查',
        ownerStaffId: (await staff('assistant')).id,
        status: 'running',
        startedAt: new Date(),
      } as never),
  },
];

describe('workflow actions that move a record to its next state', () => {
  for (const c of CASES) {
    it(`${POSITION_NAMES[c.may]} may ${c.resource}.${c.action}: the record becomes ${c.becomes}, audited`, async () => {
      const row = await c.make();
      const member = await staff(c.may);
      const client = await signedInClient(member.email, TEST_PASSWORD);
      const shown = await client.show(c.resource, String(row.get('id')));
      expect(shown.body.record.recordActions.map((a: { name: string }) => a.name)).to.include(c.action);
      const { body } = await client.act(c.resource, String(row.get('id')), c.action, c.fields ?? {});
      expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
      await row.reload();
      expect(row.get('status')).to.equal(c.becomes);
      const audit = await AuditLog.findOne({
        where: { resource: c.resource, recordId: String(row.get('id')), action: `${c.resource}.${c.action}` },
      });
      expect(audit?.staffId).to.equal(member.id);
    });

    it(`${POSITION_NAMES[c.mayNot]} may not ${c.resource}.${c.action}: refused with the reason, nothing changes`, async () => {
      const row = await c.make();
      const before = row.get('status');
      const member = await staff(c.mayNot);
      const client = await signedInClient(member.email, TEST_PASSWORD);
      const { body } = await client.act(c.resource, String(row.get('id')), c.action, c.fields ?? {});
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      expect(body.record.baseError.message).to.match(/规则|没有任何规则/);
      await row.reload();
      expect(row.get('status')).to.equal(before);
    });
  }

  it('a record in the wrong state is refused by the use case, whoever asks', async () => {
    const notice = await Notice.create({
      title: '已发布的通知',
      content: '内容',
      authorId: (await someone()).id,
      status: 'published',
      publishedAt: new Date(),
    } as never);
    const reception = await loadActor((await staff('receptionist')).id);
    await expectRefused(
      () => publishNotice(reception, notice.id, {}),
      Error,
      '这条记录当前的状态不能发布（通知/告示）',
    );
  });

  it('a dunning plan without targets cannot be started', async () => {
    const plan = await DunningPlan.create({ title: '空计划', createdById: (await staff('coordinator')).id } as never);
    const cashier = await loadActor((await staff('cashier')).id);
    await expectRefused(() => startDunningPlan(cashier, plan.id, {}), Error, '催缴计划至少要有一个催缴对象才能开始');
    await plan.reload();
    expect(plan.status).to.equal('draft');
  });

  it('rejecting a parking rental needs a reason, in Chinese on the field', async () => {
    const rental = await ParkingRental.create({
      registeredById: (await staff('garage_keeper')).id,
      renterName: '赵敏',
      renterPhone: '13700137000',
      plateNumber: '粤B88888',
      spaceId: (await parkingSpace()).id,
      startDate: '2026-12-01',
      endDate: '2027-05-31',
      monthlyRent: 40_000,
    } as never);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const { body } = await client.act('ParkingRental', rental.id, 'review', { decision: 'rejected' });
    expect(body.record.errors.reviewNote.message).to.equal('不通过时请写明原因');
    await rental.reload();
    expect(rental.status).to.equal('pending');
  });
});

describe('the supervisor of the handling department approves a visited ticket', () => {
  it('工程部主管 may approve a ticket 工程部 handled; 客户服务助理 may not', async () => {
    const engineering = await department('工程部');
    const supervisor = await staff('engineering_supervisor', { supervises: engineering });
    const row = await ticket('visited');
    const assistantClient = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    const refused = await assistantClient.act('Ticket', row.id, 'supervisorApprove');
    expect(refused.body.record.baseError.type).to.equal('ForbiddenError');
    const client = await signedInClient(supervisor.email, TEST_PASSWORD);
    const { body } = await client.act('Ticket', row.id, 'supervisorApprove');
    expect(body.notice.type).to.equal('success');
    await row.reload();
    expect(row).to.include({ status: 'approved', approvedById: supervisor.id });
  });

  it('an inspection result is carried onto the held deposit, so the refund rule can read it', async () => {
    const app = await renovationApplication('approved');
    const deposit = await heldDeposit({ application: app, amount: 200_000 });
    const engineer = await staff('engineering_supervisor');
    const client = await signedInClient(engineer.email, TEST_PASSWORD);
    await client.act('RenovationApplication', app.id, 'inspect', {
      inspectionResult: 'failed',
      inspectionNote: '擅自改动燃气管道',
    });
    await deposit.reload();
    expect(deposit.inspectionResult).to.equal('failed');
  });
});

describe('a record offers only the workflow actions its state allows', () => {
  it('a draft notice offers 发布 but not 撤回; a published one the other way round', async () => {
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const draft = await Notice.create({ title: '草稿通知', content: '内容', authorId: reception.id } as never);
    const published = await Notice.create({
      title: '已发布通知',
      content: '内容',
      authorId: reception.id,
      status: 'published',
      publishedAt: new Date(),
    } as never);
    const actions = async (id: number) =>
      (await client.show('Notice', id)).body.record.recordActions.map((a: { name: string }) => a.name);
    expect(await actions(draft.id))
      .to.include('publish')
      .and.not.include('withdraw');
    expect(await actions(published.id))
      .to.include('withdraw')
      .and.not.include('publish');
  });
});
