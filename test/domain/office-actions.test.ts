import { expect } from 'chai';
import { Op } from 'sequelize';
import {
  AuditLog,
  Bill,
  BillingRun,
  Owner,
  ParkingRental,
  Survey,
  SurveyQuestion,
  SurveyResponse,
  WorkPlan,
  WorkPlanItem,
  billingKeyFor,
  managementFeeFen,
} from '../../src/models/index.js';
import { generateMonthlyBills } from '../../src/domain/billing-run.js';
import { workPlanTitle } from '../../src/domain/work-plans.js';
import { addMonths, monthLabel, shanghaiDay, shanghaiMonth } from '../../src/lib/shanghai.js';
import { loadActor } from '../../src/auth/actor.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { parkingSpace } from '../support/parking.js';

const actionsOf = (body: { record: { recordActions: { name: string }[] } }) =>
  body.record.recordActions.map((a) => a.name);

/**
 * Billing periods of their own, one per test so runs never meet: through HTTP the period must lie within a year
 * ahead of this month, so these are 6–9 months ahead (no other test bills them; not yet overdue, so nobody's
 * arrears change).
 */
let periodCounter = 5;
const freshPeriod = () => addMonths(shanghaiMonth(new Date()), ++periodCounter);

async function estateWithRental(period: string) {
  const estate = await smallEstate(3, { vacant: 1 });
  const rental = await ParkingRental.create({
    registeredById: (await staff('garage_keeper')).id,
    ownerId: estate.owners[0].id,
    unitId: estate.units[0].id,
    renterName: estate.owners[0].name,
    renterPhone: '13800138001',
    plateNumber: '粤B12345',
    spaceId: (await parkingSpace({ code: 'B2-018' })).id,
    startDate: `${period}-10`,
    endDate: `${period}-28`,
    monthlyRent: 45_000,
    status: 'approved',
    reviewedById: (await staff('cashier')).id,
    reviewedAt: new Date(),
  } as never);
  const pending = await ParkingRental.create({
    registeredById: (await staff('garage_keeper')).id,
    unitId: estate.units[1].id,
    renterName: '李强',
    renterPhone: '13800138002',
    plateNumber: '粤B54321',
    spaceId: (await parkingSpace({ code: 'B2-019' })).id,
    startDate: `${period}-01`,
    endDate: `${period}-28`,
    monthlyRent: 40_000,
  } as never);
  return { ...estate, rental, pending };
}

const billsOf = (unitIds: number[], period: string) =>
  Bill.findAll({ where: { unitId: unitIds, period }, order: [['id', 'ASC']] });

describe('生成月度账单 (Bill.generate)', () => {
  it('客户服务收费员 may: one management bill per owned unit and one per approved rental, audited', async () => {
    const period = freshPeriod();
    const { units, rental } = await estateWithRental(period);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const { body } = await client.actOnResource('Bill', 'generate', { period });
    expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
    const run = await BillingRun.findOne({ where: { period, staffId: cashier.id } });
    expect(body.notice.message).to.equal(
      `${monthLabel(period)}账单已生成：物业管理费 ${run!.managementCount} 张、车位租金 1 张；已存在 0 张未重复生成（账单生成记录 #${run!.id}）`,
    );

    const bills = await billsOf(
      units.map((u) => u.id),
      period,
    );
    const management = bills.filter((b) => b.feeKind === 'management');
    expect(management.map((b) => b.unitId)).to.deep.equal([units[0].id, units[1].id]);
    for (const [i, bill] of management.entries()) {
      expect(bill).to.include({
        ownerId: units[i].ownerId,
        amount: managementFeeFen(units[i].area),
        paidAmount: 0,
        status: 'unpaid',
        dueDate: `${period}-20`,
        billingKey: billingKeyFor('management', units[i].id, period),
      });
      expect(bill.description).to.equal(`${monthLabel(period)}物业管理费（${units[i].label}）`);
    }
    const parking = bills.filter((b) => b.feeKind === 'parking');
    expect(parking).to.have.length(1);
    expect(parking[0]).to.include({
      unitId: units[0].id,
      amount: 45_000,
      billingKey: billingKeyFor('parking', rental.id, period),
    });
    expect(parking[0].description).to.contain('B2-018 粤B12345');

    const audit = await AuditLog.findOne({
      where: { action: 'Bill.generate', resource: 'BillingRun', recordId: String(run!.id) },
    });
    expect(audit?.staffId).to.equal(cashier.id);
    expect(audit?.note).to.equal(body.notice.message);
  });

  it('客户接待员 may not: refused with the reason, no bill is made', async () => {
    const period = freshPeriod();
    const { units } = await estateWithRental(period);
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const { body } = await client.actOnResource('Bill', 'generate', { period });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.match(/规则|没有任何规则/);
    expect(
      await billsOf(
        units.map((u) => u.id),
        period,
      ),
    ).to.have.length(0);
    expect(await Bill.count({ where: { period } })).to.equal(0);
    expect(await BillingRun.count({ where: { period } })).to.equal(0);
  });

  it('a second run for the same month creates no second bill', async () => {
    const period = freshPeriod();
    const { units } = await estateWithRental(period);
    const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    await client.actOnResource('Bill', 'generate', { period });
    const first = await Bill.count({ where: { period } });
    const { body } = await client.actOnResource('Bill', 'generate', { period });
    expect(body.notice.type).to.equal('success');
    expect(body.notice.message)
      .to.contain('物业管理费 0 张、车位租金 0 张')
      .and.contain(`已存在 ${first} 张未重复生成`);
    expect(await Bill.count({ where: { period } })).to.equal(first);
    expect(
      await billsOf(
        units.map((u) => u.id),
        period,
      ),
    ).to.have.length(3);
  });

  it('two runs of one month at once make each bill once', async () => {
    const period = freshPeriod();
    const { units } = await estateWithRental(period);
    const cashier = await loadActor((await staff('cashier')).id);
    const messages = await Promise.all([
      generateMonthlyBills(cashier, { period }),
      generateMonthlyBills(cashier, { period }),
    ]);
    expect(messages.filter((m) => m.includes('物业管理费 0 张、车位租金 0 张'))).to.have.length(1);
    expect(
      await billsOf(
        units.map((u) => u.id),
        period,
      ),
    ).to.have.length(3);
    const keys = (await Bill.findAll({ where: { period }, attributes: ['billingKey'] })).map((b) => b.billingKey);
    expect(new Set(keys).size).to.equal(keys.length);
  });

  it('a bad period is refused on the field, in Chinese', async () => {
    const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const { body } = await client.actOnResource('Bill', 'generate', { period: '2041-13' });
    expect(body.record.errors.period.message).to.equal('账期格式应为 YYYY-MM，例如 2026-11');
    expect(await Bill.count({ where: { period: '2041-13' } })).to.equal(0);
  });

  it('left blank, the period is the current month in Asia/Shanghai', async () => {
    const cashier = await loadActor((await staff('cashier')).id);
    // 2042-06-30T17:00Z is already 1 July in Shanghai.
    const message = await generateMonthlyBills(cashier, { period: '' }, new Date('2042-06-30T17:00:00Z'));
    expect(message).to.match(/^2042年7月账单已生成/);
    expect(await Bill.count({ where: { period: '2042-07' } })).to.be.greaterThan(0);
    expect(await Bill.count({ where: { period: '2042-06' } })).to.equal(0);
  });

  it('opening the action (GET) makes no bill', async () => {
    const before = await Bill.count();
    const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const response = await client.openResourceAction('Bill', 'generate');
    expect(response.status).to.equal(200);
    expect(await Bill.count()).to.equal(before);
  });
});

async function surveyWithAnswers(status: 'draft' | 'running' | 'closed') {
  const assistant = await staff('assistant');
  const survey = await Survey.create({
    title: '2041年第一季度业主满意度调查',
    ownerStaffId: assistant.id,
    status,
    startedAt: status === 'draft' ? null : new Date(),
  } as never);
  const attitude = await SurveyQuestion.create({ surveyId: survey.id, number: 1, text: '服务态度', kind: 'score' });
  const cleaning = await SurveyQuestion.create({ surveyId: survey.id, number: 2, text: '保洁质量', kind: 'score' });
  const advice = await SurveyQuestion.create({ surveyId: survey.id, number: 3, text: '意见与建议', kind: 'text' });
  const answered: Array<[number, Record<string, number | string | null>]> = [
    [5, { [attitude.id]: 5, [cleaning.id]: 4, [advice.id]: '前台很热情' }],
    [4, { [attitude.id]: 4, [cleaning.id]: 3 }],
    [2, { [attitude.id]: 3, [cleaning.id]: null, [advice.id]: '' }],
  ];
  if (status !== 'draft') {
    for (const [overallScore, answers] of answered) {
      await SurveyResponse.create({
        surveyId: survey.id,
        respondentName: '王建国',
        collectedById: assistant.id,
        overallScore,
        answers,
      } as never);
    }
  }
  return survey;
}

describe('调查分析报告 (Survey.report)', () => {
  for (const position of ['assistant', 'coordinator']) {
    it(`${position === 'assistant' ? '客户服务助理' : '客户服务协调员'} may: the report is written onto the survey, audited`, async () => {
      const survey = await surveyWithAnswers(position === 'assistant' ? 'running' : 'closed');
      const member = await staff(position);
      const client = await signedInClient(member.email, TEST_PASSWORD);
      const shown = await client.show('Survey', survey.id);
      expect(actionsOf(shown.body)).to.include('report');
      const { body } = await client.act('Survey', survey.id, 'report');
      expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
      await survey.reload();
      const report = survey.reportSummary ?? '';
      expect(report).to.contain('有效答卷：3 份');
      expect(report).to.contain('总体满意度平均分：3.7 分（满分 5 分）');
      expect(report).to.contain('满意率（总体评分 4 分及以上）：66.7%（2 份）');
      expect(report).to.contain('1. 服务态度：4.0 分（3 人作答）');
      expect(report).to.contain('2. 保洁质量：3.5 分（2 人作答）');
      expect(report).to.contain('3. 意见与建议：1 条意见');
      expect(body.record.params.reportSummary).to.equal(report);
      const audit = await AuditLog.findOne({ where: { action: 'Survey.report', recordId: String(survey.id) } });
      expect(audit?.staffId).to.equal(member.id);
    });
  }

  it('客户服务收费员 may not: refused with the reason, no report', async () => {
    const survey = await surveyWithAnswers('running');
    const client = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const { body } = await client.act('Survey', survey.id, 'report');
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.match(/规则|没有任何规则/);
    await survey.reload();
    expect(survey.reportSummary).to.equal(null);
  });

  it('a draft survey has nothing to analyse', async () => {
    const survey = await surveyWithAnswers('draft');
    const client = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    const { body } = await client.act('Survey', survey.id, 'report');
    expect(body.notice.type).to.equal('error');
    expect(body.notice.message).to.equal('调查尚未开始，没有可分析的答卷');
    await survey.reload();
    expect(survey.reportSummary).to.equal(null);
  });

  it('a running survey without answers has nothing to analyse yet', async () => {
    const survey = await Survey.create({
      title: '刚开始的调查',
      ownerStaffId: (await staff('assistant')).id,
      status: 'running',
      startedAt: new Date(),
    } as never);
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const { body } = await client.act('Survey', survey.id, 'report');
    expect(body.notice.message).to.equal('调查还没有收回答卷，没有可分析的内容');
    await survey.reload();
    expect(survey.reportSummary).to.equal(null);
  });

  it('opening the action (GET) writes no report', async () => {
    const survey = await surveyWithAnswers('running');
    const client = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    const { body } = await client.open('Survey', survey.id, 'report');
    expect(String(body.record.id)).to.equal(String(survey.id));
    await survey.reload();
    expect(survey.reportSummary).to.equal(null);
  });
});

async function planOf(staffId: number, month: string) {
  const plan = await WorkPlan.create({ staffId, month, title: `${month} 工作计划` });
  // One after another, so the items' ids follow their order (the test compares by id).
  const items: WorkPlanItem[] = [];
  for (const [i, status] of (['todo', 'doing', 'done'] as const).entries()) {
    items.push(
      await WorkPlanItem.create({
        planId: plan.id,
        week: i + 3,
        content: `第${i + 1}项工作：${status}`,
        status,
      } as never),
    );
  }
  return { plan, items };
}

describe('结转未完成事项 (WorkPlan.carryForward)', () => {
  it('客户接待员 may carry their own plan: unfinished items move into next month, week 1', async () => {
    const member = await staff('receptionist');
    const { plan, items } = await planOf(member.id, '2041-12');
    const client = await signedInClient(member.email, TEST_PASSWORD);
    const shown = await client.show('WorkPlan', plan.id);
    expect(actionsOf(shown.body)).to.include('carryForward');
    const { body } = await client.act('WorkPlan', plan.id, 'carryForward');
    expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');

    await Promise.all(items.map((i) => i.reload()));
    expect(items.map((i) => i.status)).to.deep.equal(['carried', 'carried', 'done']);
    const next = await WorkPlan.findOne({ where: { staffId: member.id, month: '2042-01' } });
    expect(next?.title).to.equal(workPlanTitle(member.name, '2042-01'));
    const copies = await WorkPlanItem.findAll({ where: { planId: next!.id }, order: [['carriedFromId', 'ASC']] });
    expect(copies.map((c) => [c.carriedFromId, c.content, c.status, c.week, c.planStaffId])).to.deep.equal([
      [items[0].id, items[0].content, 'todo', 1, member.id],
      [items[1].id, items[1].content, 'todo', 1, member.id],
    ]);
    const audit = await AuditLog.findOne({ where: { action: 'WorkPlan.carryForward', recordId: String(plan.id) } });
    expect(audit?.staffId).to.equal(member.id);

    const again = await client.act('WorkPlan', plan.id, 'carryForward');
    expect(again.body.notice.message).to.equal('本月计划没有未完成的事项可结转');
    expect(await WorkPlanItem.count({ where: { planId: next!.id } })).to.equal(2);
  });

  it("the items join next month's plan when there is one already", async () => {
    const member = await staff('cashier');
    const { plan } = await planOf(member.id, '2041-06');
    const next = await WorkPlan.create({ staffId: member.id, month: '2041-07', title: '七月计划' });
    await WorkPlanItem.create({ planId: next.id, week: 2, content: '核对现金日报表' } as never);
    const client = await signedInClient(member.email, TEST_PASSWORD);
    const { body } = await client.act('WorkPlan', plan.id, 'carryForward');
    expect(body.notice.type).to.equal('success');
    expect(await WorkPlan.count({ where: { staffId: member.id, month: '2041-07' } })).to.equal(1);
    expect(await WorkPlanItem.count({ where: { planId: next.id, carriedFromId: { [Op.ne]: null } } })).to.equal(2);
  });

  it("someone else's plan may not be carried: refused with the reason, nothing changes", async () => {
    const owner = await staff('receptionist');
    const { plan, items } = await planOf(owner.id, '2041-09');
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const { body } = await client.act('WorkPlan', plan.id, 'carryForward');
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.match(/规则|没有任何规则/);
    await Promise.all(items.map((i) => i.reload()));
    expect(items.map((i) => i.status)).to.deep.equal(['todo', 'doing', 'done']);
    expect(await WorkPlan.count({ where: { staffId: owner.id, month: '2041-10' } })).to.equal(0);
  });

  it('opening the action (GET) carries nothing', async () => {
    const member = await staff('assistant');
    const { plan, items } = await planOf(member.id, '2041-03');
    const client = await signedInClient(member.email, TEST_PASSWORD);
    await client.open('WorkPlan', plan.id, 'carryForward');
    await Promise.all(items.map((i) => i.reload()));
    expect(items.map((i) => i.status)).to.deep.equal(['todo', 'doing', 'done']);
    expect(await WorkPlan.count({ where: { staffId: member.id, month: '2041-04' } })).to.equal(0);
  });
});

describe('档案清理 (Owner.review)', () => {
  it('客户服务协调员 may: the owner is dated reviewed today (Shanghai), the note goes into the audit log', async () => {
    const { owners } = await smallEstate(1);
    const member = await staff('coordinator');
    const client = await signedInClient(member.email, TEST_PASSWORD);
    const shown = await client.show('Owner', owners[0].id);
    expect(actionsOf(shown.body)).to.include('review');
    const { body } = await client.act('Owner', owners[0].id, 'review', { note: '电话核实，联系方式无误' });
    expect(body.notice.type, JSON.stringify(body.notice)).to.equal('success');
    await owners[0].reload();
    expect(owners[0].lastReviewedOn).to.equal(shanghaiDay(new Date()));
    const audit = await AuditLog.findOne({ where: { action: 'Owner.review', recordId: String(owners[0].id) } });
    expect(audit?.staffId).to.equal(member.id);
    expect(audit?.note).to.contain('电话核实，联系方式无误');
  });

  for (const position of ['receptionist', 'cashier']) {
    it(`${position === 'receptionist' ? '客户接待员' : '客户服务收费员'} may not: refused with the reason, nothing changes`, async () => {
      const { owners } = await smallEstate(1);
      const client = await signedInClient((await staff(position)).email, TEST_PASSWORD);
      const { body } = await client.act('Owner', owners[0].id, 'review', { note: '核对' });
      expect(body.record.baseError.type).to.equal('ForbiddenError');
      expect(body.record.baseError.message).to.match(/规则|没有任何规则/);
      await owners[0].reload();
      expect(owners[0].lastReviewedOn).to.equal(null);
    });
  }

  it('an owner who has not moved in yet is not reviewed before the move-in day', async () => {
    const { owners } = await smallEstate(1);
    await owners[0].update({ moveInDate: '2099-01-01' });
    const client = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    const { body } = await client.act('Owner', owners[0].id, 'review');
    expect(body.notice.message).to.equal('该业主的入住日期是 2099-01-01，入住后才能核对档案');
    await owners[0].reload();
    expect(owners[0].lastReviewedOn).to.equal(null);
  });

  it('opening the action (GET) changes nothing', async () => {
    const { owners } = await smallEstate(1);
    const client = await signedInClient((await staff('assistant')).email, TEST_PASSWORD);
    await client.open('Owner', owners[0].id, 'review');
    await owners[0].reload();
    expect(owners[0].lastReviewedOn).to.equal(null);
    expect(await Owner.count({ where: { id: owners[0].id, lastReviewedOn: { [Op.ne]: null } } })).to.equal(0);
  });
});
