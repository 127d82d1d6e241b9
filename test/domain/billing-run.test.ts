// 账单生成记录 and 撤销本次账单生成 (BillingRun.undo): the period a run accepts, what it records, and undoing it —
// once, only while nothing points at its bills — through the use case and the admin API.
import { expect } from 'chai';
import { AuditLog, Bill, BillingRun, DunningPlan, DunningTarget, Payment, type Unit } from '../../src/models/index.js';
import { generateMonthlyBills, undoBillingRun } from '../../src/domain/billing-run.js';
import { recordPayment } from '../../src/domain/payments.js';
import { voidPayment } from '../../src/domain/cash-reports.js';
import { addMonths, monthLabel, shanghaiMonth } from '../../src/lib/shanghai.js';
import { ValidationFailed } from '../../src/errors.js';
import { loadActor } from '../../src/auth/actor.js';
import type { Actor } from '../../src/rules/actor.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { expectRefused } from '../support/refusals.js';

/**
 * Runs here are told their "now" (December 2042), so their periods (2040-01 on) are in range and belong to this file
 * alone. A run bills every owned unit of the database: each test undoes its run, or leaves only future bills.
 */
const NOW = new Date('2042-12-10T04:00:00Z');
let month = 0;
const freshPeriod = () => addMonths('2040-01', month++);

const actionsOf = (record: { recordActions: { name: string }[] }) => record.recordActions.map((a) => a.name);

let units: Unit[];
let cashier: Actor;

/** A billing run of a fresh period by `by` (the cashier unless told), and the bills it made. */
async function run(by: Actor = cashier, period = freshPeriod()): Promise<{ run: BillingRun; bills: Bill[] }> {
  await generateMonthlyBills(by, { period }, NOW);
  const made = await BillingRun.findOne({ where: { period }, order: [['id', 'DESC']] });
  return { run: made!, bills: await Bill.findAll({ where: { billingRunId: made!.id }, order: [['id', 'ASC']] }) };
}

/** Everything an undo would touch, to compare before and after a refusal. */
async function snapshot(target: BillingRun) {
  const row = await BillingRun.findByPk(target.id, { raw: true });
  const bills = await Bill.findAll({ where: { billingRunId: target.id }, order: [['id', 'ASC']], raw: true });
  const audits = await AuditLog.count({ where: { action: 'BillingRun.undo', recordId: String(target.id) } });
  return JSON.stringify({ row, bills, audits });
}

describe('账单生成记录 (BillingRun)', () => {
  before(async () => {
    ({ units } = await smallEstate(3, { vacant: 1 }));
    cashier = (await loadActor((await staff('cashier')).id))!;
  });

  describe('the period of a run', () => {
    it('a period out of range (0000-01, more than 3 years back, more than a year ahead) is refused on the field and nothing is written', async () => {
      const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const bills = await Bill.count();
      const runs = await BillingRun.count();
      const { body } = await client.actOnResource('Bill', 'generate', { period: '0000-01' });
      const current = shanghaiMonth(new Date());
      const range = `账期须在 ${monthLabel(addMonths(current, -36))} 至 ${monthLabel(addMonths(current, 12))} 之间`;
      expect(body.record.errors.period.message).to.equal(range);
      expect(body.notice?.type).to.not.equal('success');
      for (const period of ['2039-11', '2044-01', '9999-12']) {
        const refused = await expectRefused(
          () => generateMonthlyBills(cashier, { period }, NOW),
          ValidationFailed,
          undefined,
          period,
        );
        expect(refused.details.period).to.equal('账期须在 2039年12月 至 2043年12月 之间');
      }
      expect(await Bill.count()).to.equal(bills);
      expect(await BillingRun.count()).to.equal(runs);
    });

    it('malformed periods (month 00 or 13, short years, other text) are refused with the format message and nothing is written', async () => {
      const bills = await Bill.count();
      const runs = await BillingRun.count();
      for (const period of ['2043-00', '2043-13', '43-01', '2043-1', '2043/01', '二〇四三年一月', '2043-01-01']) {
        const refused = await expectRefused(
          () => generateMonthlyBills(cashier, { period }, NOW),
          ValidationFailed,
          undefined,
          period,
        );
        expect(refused.details.period, period).to.equal('账期格式应为 YYYY-MM，例如 2026-11');
      }
      expect(await Bill.count()).to.equal(bills);
      expect(await BillingRun.count()).to.equal(runs);
    });

    it('the first and last months of the range are accepted', async () => {
      for (const period of ['2039-12', '2043-12']) {
        const { run: made } = await run(cashier, period);
        expect(made.status, period).to.equal('done');
        await undoBillingRun(cashier, made.id, {}, NOW);
      }
    });
  });

  describe('recording a run', () => {
    it('records who ran it, when and what it made, and each bill it made points at it', async () => {
      const period = freshPeriod();
      const message = await generateMonthlyBills(cashier, { period }, NOW);
      const made = (await BillingRun.findOne({ where: { period } }))!;
      const bills = await Bill.findAll({ where: { period } });
      expect(made).to.include({
        period,
        staffId: cashier.id,
        status: 'done',
        skippedCount: 0,
        undoneById: null,
        undoneAt: null,
      });
      expect(made.ranAt.getTime()).to.equal(NOW.getTime());
      expect(made.managementCount)
        .to.equal(bills.filter((b) => b.feeKind === 'management').length)
        .and.be.at.least(2);
      expect(made.parkingCount).to.equal(bills.filter((b) => b.feeKind === 'parking').length);
      expect(bills.every((b) => b.billingRunId === made.id)).to.equal(true);
      expect(bills.map((b) => b.unitId))
        .to.include.members([units[0].id, units[1].id])
        .and.not.include(units[2].id);
      expect(made.title).to.equal(`${monthLabel(period)}账单（2042-12-10 ${cashier.name}）`);
      expect(message).to.contain(`账单生成记录 #${made.id}`);
      const audit = await AuditLog.findOne({
        where: { action: 'Bill.generate', resource: 'BillingRun', recordId: String(made.id) },
      });
      expect(audit?.note).to.equal(message);

      const again = await generateMonthlyBills(cashier, { period }, NOW);
      const second = (await BillingRun.findOne({ where: { period }, order: [['id', 'DESC']] }))!;
      expect(second.id).to.not.equal(made.id);
      expect(second).to.include({ managementCount: 0, parkingCount: 0, skippedCount: bills.length });
      expect(again).to.contain(`已存在 ${bills.length} 张未重复生成`);
      expect(await Bill.count({ where: { billingRunId: second.id } })).to.equal(0);
      await undoBillingRun(cashier, made.id, {}, NOW);
    });
  });

  describe('撤销本次账单生成 (BillingRun.undo)', () => {
    it('客户服务收费员 may undo a run none of whose bills has a receipt: its bills are deleted, the run is marked undone, an audit line says so', async () => {
      const { run: made, bills } = await run();
      const member = await staff('cashier');
      const client = await signedInClient(member.email, TEST_PASSWORD);
      const shown = await client.show('BillingRun', made.id);
      expect(actionsOf(shown.body.record)).to.include('undo').and.not.include.members(['edit', 'delete']);

      const { body } = await client.act('BillingRun', made.id, 'undo');
      const management = bills.filter((b) => b.feeKind === 'management').length;
      const message = `已删除${monthLabel(made.period)}账单 ${bills.length} 张（物业管理费 ${management} 张、车位租金 ${bills.length - management} 张）`;
      expect(body.notice).to.deep.include({ type: 'success', message });
      expect(await Bill.count({ where: { id: bills.map((b) => b.id) } })).to.equal(0);
      await made.reload();
      expect(made).to.include({ status: 'undone', undoneById: member.id });
      expect(made.undoneAt).to.be.instanceOf(Date);
      const audit = await AuditLog.findOne({
        where: { action: 'BillingRun.undo', resource: 'BillingRun', recordId: String(made.id) },
      });
      expect(audit?.staffId).to.equal(member.id);
      expect(audit?.note).to.equal(`撤销本次账单生成（账单生成记录）：${message}`);
      expect(audit?.changes).to.deep.include({ status: ['done', 'undone'] });

      // The month can be billed again: the same bills come back, pointing at the new run.
      const { run: redo, bills: again } = await run(cashier, made.period);
      expect(again.map((b) => b.billingKey)).to.deep.equal(bills.map((b) => b.billingKey));
      expect(redo.skippedCount).to.equal(0);
      await undoBillingRun(cashier, redo.id, {}, NOW);
    });

    for (const code of ['assistant', 'receptionist'] as const) {
      const name = code === 'assistant' ? '客户服务助理' : '客户接待员';
      it(`${name} may not undo a run: refused with a ForbiddenError, nothing changes`, async () => {
        const { run: made } = await run();
        const before = await snapshot(made);
        const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
        const { body } = await client.act('BillingRun', made.id, 'undo');
        expect(body.record.baseError.type).to.equal('ForbiddenError');
        expect(body.record.baseError.message).to.equal(
          `没有任何规则允许${name}执行「撤销本次账单生成（账单生成记录）」`,
        );
        expect(await snapshot(made)).to.equal(before);
        await undoBillingRun(cashier, made.id, {}, NOW);
      });
    }

    it('is refused while one bill of the run has a receipt, valid or voided, and nothing changes', async () => {
      const { run: made, bills } = await run();
      const receipt = await recordPayment(cashier, { billId: bills[0].id, amount: 1_000, method: 'cash' });
      const before = await snapshot(made);
      const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const { body } = await client.act('BillingRun', made.id, 'undo');
      expect(body.record.baseError.message).to.equal('本次生成的账单已开出收据 1 张（含已作废的收据），不能撤销');
      expect(body.notice?.type).to.not.equal('success');
      expect(await snapshot(made)).to.equal(before);

      await voidPayment(cashier, receipt.id, { voidReason: '收错账单' });
      const voided = await snapshot(made);
      // A voided receipt still points at the bill.
      await expectRefused(
        () => undoBillingRun(cashier, made.id, {}, NOW),
        ValidationFailed,
        '本次生成的账单已开出收据 1 张（含已作废的收据），不能撤销',
      );
      expect(await snapshot(made)).to.equal(voided);
      expect(await Payment.count({ where: { billId: bills[0].id } })).to.equal(1);
    });

    it('is refused once a dunning target was drawn up on its overdue bills, and nothing changes', async () => {
      // A past month, so the run's bills are overdue today. The run bills every owned unit of the database, and other
      // files' plans may list some of their owners too: the run's bills are removed directly at the end.
      const past = new Date('2026-02-10T04:00:00Z');
      const period = '2026-01';
      await generateMonthlyBills(cashier, { period }, past);
      const made = (await BillingRun.findOne({ where: { period }, order: [['id', 'DESC']] }))!;
      const bill = (await Bill.findOne({
        where: { billingRunId: made.id, unitId: units[0].id, feeKind: 'management' },
      }))!;
      const plan = await DunningPlan.create({
        title: '撤销测试催缴计划',
        createdById: (await staff('coordinator')).id,
      });
      const target = await DunningTarget.create({
        planId: plan.id,
        ownerId: bill.ownerId!,
        unitId: bill.unitId,
        arrearsAmount: bill.amount,
        monthsInArrears: 1,
      });
      try {
        const before = await snapshot(made);
        // The target counts the run's bills.
        await expectRefused(
          () => undoBillingRun(cashier, made.id, {}),
          ValidationFailed,
          /^本次生成的账单逾期后已计入 \d+ 个催缴对象的欠费，不能撤销$/,
        );
        expect(await snapshot(made)).to.equal(before);
      } finally {
        await target.destroy();
        await plan.destroy();
        await Bill.destroy({ where: { billingRunId: made.id } });
      }
    });

    it('happens once: a second undo is refused, by the use case and through the admin, and changes nothing', async () => {
      const { run: made } = await run();
      await undoBillingRun(cashier, made.id, {}, NOW);
      const before = await snapshot(made);
      await expectRefused(
        () => undoBillingRun(cashier, made.id, {}, NOW),
        ValidationFailed,
        '这条记录当前的状态不能撤销本次账单生成（账单生成记录）',
      );
      const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const shown = await client.show('BillingRun', made.id);
      expect(actionsOf(shown.body.record)).to.not.include('undo');
      const { body } = await client.act('BillingRun', made.id, 'undo');
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      expect(body.record.baseError.message).to.include('不符合条件');
      expect(await snapshot(made)).to.equal(before);
      expect(await AuditLog.count({ where: { action: 'BillingRun.undo', recordId: String(made.id) } })).to.equal(1);
    });

    it('two undos at once: one deletes the bills, the other is refused', async () => {
      const { run: made, bills } = await run();
      const results = await Promise.allSettled([
        undoBillingRun(cashier, made.id, {}, NOW),
        undoBillingRun(cashier, made.id, {}, NOW),
      ]);
      expect(results.filter((r) => r.status === 'fulfilled')).to.have.length(1);
      const refused = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
      expect(refused.reason).to.be.instanceOf(ValidationFailed);
      expect(await Bill.count({ where: { id: bills.map((b) => b.id) } })).to.equal(0);
      expect(await AuditLog.count({ where: { action: 'BillingRun.undo', recordId: String(made.id) } })).to.equal(1);
    });

    it('an undo and a payment on one of its bills at once: exactly one of them goes through', async () => {
      const { run: made, bills } = await run();
      const [undo, payment] = await Promise.allSettled([
        undoBillingRun(cashier, made.id, {}, NOW),
        recordPayment(cashier, { billId: bills[0].id, amount: 1_000, method: 'cash' }),
      ]);
      expect(
        [undo.status, payment.status].filter((s) => s === 'fulfilled'),
        JSON.stringify([undo, payment]),
      ).to.have.length(1);
      await made.reload();
      if (undo.status === 'fulfilled') {
        expect(made.status).to.equal('undone');
        expect(await Bill.count({ where: { billingRunId: made.id } })).to.equal(0);
        expect(await Payment.count({ where: { billId: bills[0].id } })).to.equal(0);
      } else {
        expect(made.status).to.equal('done');
        expect(await Bill.count({ where: { billingRunId: made.id } })).to.equal(bills.length);
        expect((await Bill.findByPk(bills[0].id))!.paidAmount).to.equal(1_000);
      }
    });

    it('opening the action (GET) changes nothing', async () => {
      const { run: made } = await run();
      const before = await snapshot(made);
      const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const response = await client.open('BillingRun', made.id, 'undo');
      expect(response.status).to.equal(200);
      expect(await snapshot(made)).to.equal(before);
      await undoBillingRun(cashier, made.id, {}, NOW);
    });
  });

  describe('reading runs', () => {
    for (const [code, name] of [
      ['cashier', '客户服务收费员'],
      ['assistant', '客户服务助理'],
      ['director', '管理处主任'],
    ] as const) {
      it(`${name} may list and show billing runs${code === 'cashier' ? ', with 撤销 on a run still done' : ', without 撤销'}`, async () => {
        const { run: made } = await run();
        const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
        const list = await client.list('BillingRun', {}, { perPage: 500 });
        const row = (list.records as { id: string; recordActions: { name: string }[] }[]).find(
          (r) => String(r.id) === String(made.id),
        );
        expect(row, 'the run is listed').to.exist;
        expect(actionsOf(row!).includes('undo')).to.equal(code === 'cashier');
        expect(actionsOf(row!)).to.not.include.members(['edit', 'delete']);
        const shown = await client.show('BillingRun', made.id);
        expect(shown.body.record.params.period).to.equal(made.period);
        await undoBillingRun(cashier, made.id, {}, NOW);
      });
    }

    for (const [code, name] of [
      ['receptionist', '客户接待员'],
      ['coordinator', '客户服务协调员'],
    ] as const) {
      it(`${name} may not list billing runs`, async () => {
        const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
        const list = await client.list('BillingRun');
        expect(list.record?.baseError?.type).to.equal('ForbiddenError');
        expect(list.records ?? []).to.have.length(0);
      });
    }

    it('nobody may create, edit or delete a run through the built-in forms, not even the cashier', async () => {
      const { run: made } = await run();
      const before = await snapshot(made);
      const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const runs = await BillingRun.count();
      await client.create('BillingRun', {
        period: made.period,
        staffId: cashier.id,
        ranAt: NOW.toISOString(),
      });
      await client.edit('BillingRun', made.id, { status: 'undone' });
      await client.act('BillingRun', made.id, 'delete');
      expect(await BillingRun.count()).to.equal(runs);
      expect(await snapshot(made)).to.equal(before);
      await undoBillingRun(cashier, made.id, {}, NOW);
    });
  });
});
