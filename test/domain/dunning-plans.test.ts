import { expect } from 'chai';
import { AuditLog, Bill, DunningPlan, DunningTarget } from '../../src/models/index.js';
import { fillDunningTargets } from '../../src/domain/dunning-targets.js';
import { startDunningPlan } from '../../src/domain/office-transitions.js';
import { recordPayment } from '../../src/domain/payments.js';
import { addDays, shanghaiDay } from '../../src/lib/shanghai.js';
import { loadActor } from '../../src/auth/actor.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate, type SmallEstate } from '../support/estate.js';
import { bill } from '../support/records.js';
import { expectRefused } from '../support/refusals.js';

const FEE = 25_046;
const NOTICE = /^已加入 (\d+) 位欠费 ≥ (\d+) 个月的业主（合计欠费 ¥[\d,]+\.\d{2}）；已在计划中的 (\d+) 位未重复加入$/;

interface Estate extends SmallEstate {
  /** Owner 0's bill of 2025-01, paid in the collection-rate test. */
  firstBill: Bill;
}

/**
 * Five owners: 0 owes three months (3 × FEE); 1 owes two months, one of them with a parking bill partly paid
 * (FEE + 35 000 + FEE); 2 owes one month; 3 has paid up and has a bill not yet due; 4's bills are not yet due.
 */
async function estateInArrears(): Promise<Estate> {
  // Every flat 89.45 m², so each month's management fee is FEE.
  const estate = await smallEstate(5, { areaStep: 0 });
  const today = shanghaiDay(new Date());
  const [flat0, flat1, flat2, flat3, flat4] = estate.units;
  const firstBill = await bill(flat0, { period: '2025-01' });
  await bill(flat0, { period: '2025-02' });
  await bill(flat0, { period: '2025-03' });
  await bill(flat1, { period: '2025-01' });
  await bill(flat1, { period: '2025-01', feeKind: 'parking', amount: 45_000, paidAmount: 10_000 });
  await bill(flat1, { period: '2025-02' });
  await bill(flat2, { period: '2025-03' });
  await bill(flat3, { period: '2025-01', paidAmount: FEE });
  await bill(flat3, { period: '2025-02', paidAmount: FEE });
  await bill(flat3, { period: '2025-03', dueDate: addDays(today, 5) });
  await bill(flat4, { period: '2025-04', dueDate: addDays(today, 1) });
  await bill(flat4, { period: '2025-05', dueDate: addDays(today, 30) });
  return { ...estate, firstBill };
}

let planCounter = 0;
async function plan(status: 'draft' | 'started' = 'draft', minMonthsInArrears = 1): Promise<DunningPlan> {
  planCounter += 1;
  const started = status === 'started' ? { startedAt: new Date(), startedById: (await staff('cashier')).id } : {};
  return DunningPlan.create({
    title: `回收率测试计划${planCounter}-${Date.now().toString(36)}`,
    status,
    minMonthsInArrears,
    createdById: (await staff('coordinator')).id,
    ...started,
  } as never);
}

const targetsOf = (planId: number) => DunningTarget.findAll({ where: { planId }, order: [['id', 'ASC']] });
const fill = (
  client: Awaited<ReturnType<typeof signedInClient>>,
  planId: number,
  fields: Record<string, string> = {},
) => client.act('DunningPlan', planId, 'fillTargets', fields);

describe('按欠费生成催缴对象 (DunningPlan.fillTargets)', () => {
  let estate: Estate;
  before(async () => {
    estate = await estateInArrears();
  });
  const ownerIds = () => estate.owners.map((o) => o.id);

  it('客户服务协调员 may on a draft plan: every owner at least N months behind, with the arrears, months and unit; audited', async () => {
    const draft = await plan('draft', 1);
    const coordinator = await staff('coordinator');
    const client = await signedInClient(coordinator.email, TEST_PASSWORD);
    const shown = await client.show('DunningPlan', draft.id);
    expect(shown.body.record.recordActions.map((a: { name: string }) => a.name)).to.include('fillTargets');

    const { body } = await fill(client, draft.id, { minMonthsInArrears: '2' });
    expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
    const [, added, months, skipped] = NOTICE.exec(body.notice.message) ?? expect.fail(body.notice.message);
    expect(months).to.equal('2');
    expect(skipped).to.equal('0');

    const targets = await targetsOf(draft.id);
    expect(targets).to.have.length(Number(added));
    const mine = targets
      .filter((t) => ownerIds().includes(t.ownerId))
      .sort((a, b) => ownerIds().indexOf(a.ownerId) - ownerIds().indexOf(b.ownerId));
    expect(
      mine.map((t) => ({
        ownerId: t.ownerId,
        unitId: t.unitId,
        arrearsAmount: t.arrearsAmount,
        monthsInArrears: t.monthsInArrears,
      })),
    ).to.deep.equal([
      { ownerId: estate.owners[0].id, unitId: estate.units[0].id, arrearsAmount: 3 * FEE, monthsInArrears: 3 },
      { ownerId: estate.owners[1].id, unitId: estate.units[1].id, arrearsAmount: 2 * FEE + 35_000, monthsInArrears: 2 },
    ]);
    expect(mine[0].label).to.equal(`${estate.owners[0].name} · ${estate.units[0].label}`);
    for (const t of targets) expect(t.monthsInArrears).to.be.at.least(2);
    await draft.reload();
    expect(draft).to.include({ minMonthsInArrears: 2, status: 'draft' });
    const audit = await AuditLog.findOne({ where: { action: 'DunningPlan.fillTargets', recordId: String(draft.id) } });
    expect(audit?.staffId).to.equal(coordinator.id);
    expect(audit?.note).to.equal(`按欠费生成催缴对象（催缴计划）：${body.notice.message}`);

    const again = await fill(client, draft.id, { minMonthsInArrears: '2' });
    expect(again.body.notice.message).to.match(NOTICE);
    expect(again.body.notice.message).to.match(new RegExp(`^已加入 0 位.*已在计划中的 ${added} 位未重复加入$`));
    expect(await targetsOf(draft.id)).to.have.length(Number(added));
  });

  it('left out, N is the plan’s own; an owner already on the plan keeps their target and is counted as such', async () => {
    const draft = await plan('draft', 3);
    await DunningTarget.create({
      planId: draft.id,
      ownerId: estate.owners[0].id,
      arrearsAmount: 1,
      monthsInArrears: 3,
    } as never);
    const client = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    const { body } = await fill(client, draft.id);
    const [, added, months, skipped] = NOTICE.exec(body.notice.message) ?? expect.fail(JSON.stringify(body.notice));
    expect([months, skipped]).to.deep.equal(['3', '1']);
    const targets = await targetsOf(draft.id);
    expect(targets).to.have.length(Number(added) + 1);
    expect(
      targets.filter((t) => ownerIds().includes(t.ownerId)).map((t) => [t.ownerId, t.arrearsAmount]),
    ).to.deep.equal([[estate.owners[0].id, 1]]);
  });

  it('客户服务收费员 may not: refused with the reason, nothing added', async () => {
    const draft = await plan('draft', 1);
    const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const { body } = await fill(client, draft.id, { minMonthsInArrears: '2' });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.match(/规则|没有任何规则/);
    expect(await targetsOf(draft.id)).to.have.length(0);
    await draft.reload();
    expect(draft.minMonthsInArrears).to.equal(1);
  });

  it('a started plan is refused by its state, whoever asks; nothing added', async () => {
    const started = await plan('started', 1);
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const { body } = await fill(client, started.id, { minMonthsInArrears: '1' });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    const coordinator = await loadActor((await staff('coordinator')).id);
    await expectRefused(
      () => fillDunningTargets(coordinator, started.id, { minMonthsInArrears: '1' }),
      Error,
      '这条记录当前的状态不能按欠费生成催缴对象（催缴计划）',
    );
    expect(await targetsOf(started.id)).to.have.length(0);
  });

  for (const [value, message] of [
    ['0', '最少欠费月数至少为 1'],
    ['-1', '最少欠费月数至少为 1'],
    ['abc', '最少欠费月数必须是整数'],
    ['1.5', '最少欠费月数必须是整数'],
    ['121', '最少欠费月数不能超过 120'],
  ]) {
    it(`N = "${value}" is refused on the field: ${message}`, async () => {
      const draft = await plan('draft', 2);
      const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
      const { body } = await fill(client, draft.id, { minMonthsInArrears: value });
      expect(body.record.errors.minMonthsInArrears.message).to.equal(message);
      expect(await targetsOf(draft.id)).to.have.length(0);
      await draft.reload();
      expect(draft.minMonthsInArrears).to.equal(2);
    });
  }
});

describe('回收率 of a dunning plan', () => {
  it('shows on the list and the record: targets, total, recovered since the start and the rate; "—" before the start', async () => {
    const estate = await estateInArrears();
    const started = await plan('started');
    const draft = await plan('draft');
    for (const p of [started, draft]) {
      await DunningTarget.create({
        planId: p.id,
        ownerId: estate.owners[0].id,
        unitId: estate.units[0].id,
        arrearsAmount: 3 * FEE,
        monthsInArrears: 3,
      } as never);
      await DunningTarget.create({
        planId: p.id,
        ownerId: estate.owners[1].id,
        unitId: estate.units[1].id,
        arrearsAmount: 2 * FEE + 35_000,
        monthsInArrears: 2,
      } as never);
    }
    const cashier = await loadActor((await staff('cashier')).id);
    await recordPayment(cashier, { kind: 'fee', method: 'wechat', amount: String(FEE), billId: estate.firstBill.id });

    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const listed = async (title: string) => {
      const body = await client.list('DunningPlan', { title });
      expect(body.records, title).to.have.length(1);
      return body.records[0].params;
    };
    const total = 5 * FEE + 35_000;
    expect(await listed(started.title)).to.include({
      targetCount: 2,
      arrearsTotal: total,
      recoveredAmount: FEE,
      collectionRate: '15.6%',
    });
    expect(await listed(draft.title)).to.include({
      targetCount: 2,
      arrearsTotal: total,
      recoveredAmount: 0,
      collectionRate: '—',
    });
    const shown = await client.show('DunningPlan', started.id);
    expect(shown.body.record.params).to.include({ targetCount: 2, recoveredAmount: FEE, collectionRate: '15.6%' });

    const empty = await plan('started');
    expect(await listed(empty.title)).to.include({
      targetCount: 0,
      arrearsTotal: 0,
      recoveredAmount: 0,
      collectionRate: '—',
    });
  });

  it('a plan filled and started through the use cases counts what was paid on its targets’ old bills', async () => {
    const estate = await estateInArrears();
    const draft = await plan('draft');
    const coordinator = await loadActor((await staff('coordinator')).id);
    await fillDunningTargets(coordinator, draft.id, { minMonthsInArrears: '2' });
    await startDunningPlan(await loadActor((await staff('cashier')).id), draft.id, {});
    const targets = await targetsOf(draft.id);
    const total = targets.reduce((sum, t) => sum + t.arrearsAmount, 0);
    await recordPayment(await loadActor((await staff('cashier')).id), {
      kind: 'fee',
      method: 'cash',
      amount: String(FEE),
      billId: estate.firstBill.id,
    });

    const client = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    const { body } = await client.show('DunningPlan', draft.id);
    expect(body.record.params).to.include({ targetCount: targets.length, arrearsTotal: total, recoveredAmount: FEE });
    expect(body.record.params.collectionRate).to.equal(`${(Math.round((FEE * 1000) / total) / 10).toFixed(1)}%`);
  });
});
