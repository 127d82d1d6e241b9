import { expect } from 'chai';
import { Op } from 'sequelize';
import {
  ARCHIVE_DOC_TYPES,
  ArchiveDocument,
  Survey,
  SurveyQuestion,
  SurveyResponse,
  WorkPlan,
  WorkPlanItem,
  type Staff,
} from '../../src/models/index.js';
import type { DemoContext } from '../../src/seed/demo/context.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { seedOfficeDemo } from '../../src/seed/demo/office.js';
import { demoAccounts, demoContext } from '../support/demo.js';
import { staff } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

async function surveyWithQuestions(organiser: Staff) {
  const survey = await Survey.create({
    title: '测试满意度调查',
    ownerStaffId: organiser.id,
    status: 'running',
    startedAt: new Date(),
  });
  const scoreQ = await SurveyQuestion.create({ surveyId: survey.id, number: 1, text: '服务态度', kind: 'score' });
  const textQ = await SurveyQuestion.create({ surveyId: survey.id, number: 2, text: '意见建议', kind: 'text' });
  return { survey, scoreQ, textQ };
}

describe('office models', () => {
  let assistant: Staff;
  before(async () => {
    assistant = await staff('assistant');
  });

  describe('SurveyResponse', () => {
    it('refuses an answer scored 6 with a Chinese message and writes nothing', async () => {
      const { survey, scoreQ } = await surveyWithQuestions(assistant);
      await expectRefused(
        () =>
          SurveyResponse.create({
            surveyId: survey.id,
            respondentName: '王芳',
            collectedById: assistant.id,
            answers: { [scoreQ.id]: 6 },
            overallScore: 4,
          }),
        '评分必须是 1 到 5 的整数',
      );
      await expectRefused(
        () =>
          SurveyResponse.create({
            surveyId: survey.id,
            respondentName: '王芳',
            collectedById: assistant.id,
            answers: { [scoreQ.id]: 4.5 },
            overallScore: 4,
          }),
        '评分必须是 1 到 5 的整数',
      );
      await expectRefused(
        () =>
          SurveyResponse.create({
            surveyId: survey.id,
            respondentName: '王芳',
            collectedById: assistant.id,
            answers: { [scoreQ.id]: 5 },
            overallScore: 0,
          }),
        '总体满意度必须是 1 到 5 的整数',
      );
      expect(await SurveyResponse.count({ where: { surveyId: survey.id } })).to.equal(0);
    });

    it('refuses a bulk insert holding one bad score, writing none of the rows', async () => {
      const { survey, scoreQ } = await surveyWithQuestions(assistant);
      const good = {
        surveyId: survey.id,
        respondentName: '李强',
        collectedById: assistant.id,
        answers: { [scoreQ.id]: 5 },
        overallScore: 5,
      };
      const refused = await expectRefused(
        () => SurveyResponse.bulkCreate([good, { ...good, answers: { [scoreQ.id]: 6 } }], { validate: true }),
        Error,
      );
      expect(JSON.stringify(refused)).to.contain('评分必须是 1 到 5 的整数');
      expect(await SurveyResponse.count({ where: { surveyId: survey.id } })).to.equal(0);
    });

    it('refuses text for a score question and an answer to a question of another survey', async () => {
      const { survey, scoreQ } = await surveyWithQuestions(assistant);
      const other = await surveyWithQuestions(assistant);
      await expectRefused(
        () =>
          SurveyResponse.create({
            surveyId: survey.id,
            respondentName: '张伟',
            collectedById: assistant.id,
            answers: { [scoreQ.id]: '很好' },
            overallScore: 5,
          }),
        '第 1 题是评分题，请填 1 到 5 的整数',
      );
      await expectRefused(
        () =>
          SurveyResponse.create({
            surveyId: survey.id,
            respondentName: '张伟',
            collectedById: assistant.id,
            answers: { [other.scoreQ.id]: 5 },
            overallScore: 5,
          }),
        `题目 ${other.scoreQ.id} 不属于该调查`,
      );
      expect(await SurveyResponse.count({ where: { surveyId: survey.id } })).to.equal(0);
    });

    it('takes answers typed as JSON text and reads them back as an object', async () => {
      const { survey, scoreQ, textQ } = await surveyWithQuestions(assistant);
      const created = await SurveyResponse.create({
        surveyId: survey.id,
        respondentName: '陈静',
        collectedById: assistant.id,
        answers: `{"${scoreQ.id}": 4, "${textQ.id}": "快递柜不够用"}` as never,
        overallScore: 4,
      });
      const reloaded = await SurveyResponse.findByPk(created.id);
      expect(reloaded!.answers).to.deep.equal({ [scoreQ.id]: 4, [textQ.id]: '快递柜不够用' });
      await expectRefused(
        () => reloaded!.update({ answers: 'not json' as never }),
        '答卷内容必须是 JSON 对象，如 {"12": 5, "13": "服务很好"}',
      );
      expect((await SurveyResponse.findByPk(created.id))!.answers).to.deep.equal({
        [scoreQ.id]: 4,
        [textQ.id]: '快递柜不够用',
      });
    });
  });

  describe('Survey', () => {
    it('refuses a planned end before the planned start', async () => {
      const before = await Survey.count();
      await expectRefused(
        () =>
          Survey.create({
            title: '日期颠倒的调查',
            ownerStaffId: assistant.id,
            plannedStart: '2026-05-10',
            plannedEnd: '2026-05-01',
          }),
        '计划结束日期不能早于计划开始日期',
      );
      expect(await Survey.count()).to.equal(before);
    });

    it('copies its status onto its questions, and keeps them in step when it starts', async () => {
      const survey = await Survey.create({ title: '状态同步测试', ownerStaffId: assistant.id });
      const question = await SurveyQuestion.create({ surveyId: survey.id, number: 1, text: '总体满意度' });
      expect(question.surveyStatus).to.equal('draft');
      await survey.update({ status: 'running', startedAt: new Date() });
      expect((await question.reload()).surveyStatus).to.equal('running');
      await Survey.update({ status: 'closed', closedAt: new Date() }, { where: { id: survey.id } });
      expect((await question.reload()).surveyStatus).to.equal('closed');
    });

    it('refuses a second question with the same number in one survey', async () => {
      const survey = await Survey.create({ title: '题号重复测试', ownerStaffId: assistant.id });
      await SurveyQuestion.create({ surveyId: survey.id, number: 1, text: '第一题' });
      await expectRefused(
        () => SurveyQuestion.create({ surveyId: survey.id, number: 1, text: '重复的第一题' }),
        '该调查已有这个题号',
      );
      expect(await SurveyQuestion.count({ where: { surveyId: survey.id } })).to.equal(1);
    });
  });

  describe('WorkPlan and its items', () => {
    it('refuses month 2026-13 and a second plan for the same month', async () => {
      const owner = await staff('receptionist');
      await expectRefused(
        () => WorkPlan.create({ staffId: owner.id, month: '2026-13', title: '月份错误的计划' }),
        '月份格式应为 YYYY-MM（如 2026-05）',
      );
      await expectRefused(
        () => WorkPlan.create({ staffId: owner.id, month: '2026-5', title: '月份错误的计划' }),
        '月份格式应为 YYYY-MM（如 2026-05）',
      );
      expect(await WorkPlan.count({ where: { staffId: owner.id } })).to.equal(0);
      await WorkPlan.create({ staffId: owner.id, month: '2026-05', title: '五月计划' });
      await expectRefused(
        () => WorkPlan.create({ staffId: owner.id, month: '2026-05', title: '又一个五月计划' }),
        '该员工这个月已有工作计划',
      );
      expect(await WorkPlan.count({ where: { staffId: owner.id } })).to.equal(1);
    });

    it('refuses week 6 and writes nothing', async () => {
      const owner = await staff('cashier');
      const plan = await WorkPlan.create({ staffId: owner.id, month: '2026-06', title: '六月计划' });
      await expectRefused(
        () => WorkPlanItem.create({ planId: plan.id, week: 6, content: '第六周不存在' }),
        '周次必须是 1 到 5 的整数',
      );
      await expectRefused(
        () => WorkPlanItem.create({ planId: plan.id, week: 2, content: '未知状态', status: 'paused' as never }),
        '状态不正确',
      );
      expect(await WorkPlanItem.count({ where: { planId: plan.id } })).to.equal(0);
    });

    it("copies the plan's owner onto each item, also in bulk", async () => {
      const owner = await staff('coordinator');
      const plan = await WorkPlan.create({ staffId: owner.id, month: '2026-07', title: '七月计划' });
      const single = await WorkPlanItem.create({ planId: plan.id, week: 1, content: '业主档案清理' });
      expect(single.planStaffId).to.equal(owner.id);
      await WorkPlanItem.bulkCreate([{ planId: plan.id, week: 2, content: '培训记录整理' }], { validate: true });
      const items = await WorkPlanItem.findAll({ where: { planId: plan.id } });
      expect(items.map((i) => i.planStaffId)).to.deep.equal([owner.id, owner.id]);
    });
  });

  describe('ArchiveDocument', () => {
    it('refuses an unknown document type and writes nothing', async () => {
      const keeper = await staff('coordinator');
      await expectRefused(
        () => ArchiveDocument.create({ title: '神秘资料', docType: 'secret' as never, keeperId: keeper.id }),
        '资料类别不正确',
      );
      await expectRefused(
        () => ArchiveDocument.create({ title: '无类别资料', docType: null as never, keeperId: keeper.id }),
        '资料类别不能为空',
      );
      await expectRefused(
        () =>
          ArchiveDocument.create({ title: '负大小附件', docType: 'minutes', keeperId: keeper.id, attachmentSize: -1 }),
        '附件大小不能为负数',
      );
      expect(await ArchiveDocument.count({ where: { keeperId: keeper.id } })).to.equal(0);
    });
  });

  describe('demo data', () => {
    let ctx: DemoContext;
    let accountIds: number[];

    before(async function () {
      this.timeout(60_000);
      const accounts = await demoAccounts();
      accountIds = Object.values(accounts).map((s) => s.id);
      ctx = demoContext({ rng: new Rng(7), now: new Date('2026-11-27T10:00:00+08:00'), staff: accounts });
      await seedOfficeDemo(ctx);
    });

    it('makes at least two surveys in every status, answers only for running and closed ones', async () => {
      const surveys = await Survey.findAll({ where: { ownerStaffId: ctx.staff.assistant.id } });
      for (const status of ['draft', 'running', 'closed']) {
        expect(surveys.filter((s) => s.status === status).length, status).to.be.at.least(2);
      }
      for (const survey of surveys) {
        const responses = await SurveyResponse.count({ where: { surveyId: survey.id } });
        if (survey.status === 'draft') expect(responses, survey.title).to.equal(0);
        else expect(responses, survey.title).to.be.at.least(5);
        expect(await SurveyQuestion.count({ where: { surveyId: survey.id } }), survey.title).to.be.at.least(4);
      }
      const closed = surveys.filter((s) => s.status === 'closed');
      expect(closed.every((s) => s.reportSummary && s.closedAt && s.startedAt)).to.equal(true);
      // The later closed survey compares itself with the earlier one.
      expect(closed.some((s) => s.reportSummary!.includes('与上期（'))).to.equal(true);
    });

    it('has the answers collected by the assistant and the coordinator', async () => {
      const surveyIds = (
        await Survey.findAll({ where: { ownerStaffId: ctx.staff.assistant.id }, attributes: ['id'] })
      ).map((s) => s.id);
      const collectors = await SurveyResponse.findAll({
        where: { surveyId: surveyIds },
        attributes: ['collectedById'],
        group: ['collectedById'],
      });
      expect(collectors.map((r) => r.collectedById).sort()).to.deep.equal(
        [ctx.staff.assistant.id, ctx.staff.coordinator.id].sort(),
      );
    });

    it('gives the front four and the director plans for last month and this month with items in every status', async () => {
      const planners = [
        ctx.staff.reception,
        ctx.staff.coordinator,
        ctx.staff.cashier,
        ctx.staff.cashier2,
        ctx.staff.assistant,
        ctx.staff.director,
      ];
      const plans = await WorkPlan.findAll({ where: { staffId: planners.map((s) => s.id) } });
      expect(plans.length).to.equal(12);
      expect([...new Set(plans.map((p) => p.month))].sort()).to.deep.equal(['2026-10', '2026-11']);
      const items = await WorkPlanItem.findAll({ where: { planId: plans.map((p) => p.id) } });
      for (const status of ['todo', 'doing', 'done', 'carried']) {
        expect(items.filter((i) => i.status === status).length, status).to.be.at.least(2);
      }
      const lastMonthPlanIds = new Set(plans.filter((p) => p.month === '2026-10').map((p) => p.id));
      const carried = items.filter((i) => i.status === 'carried');
      expect(carried.every((i) => lastMonthPlanIds.has(i.planId))).to.equal(true);
      // Every carried item went on into this month's plan of the same person.
      const carriedIn = items.filter((i) => i.carriedFromId !== null);
      expect(carriedIn.map((i) => i.carriedFromId).sort()).to.deep.equal(carried.map((i) => i.id).sort());
      for (const item of carriedIn) {
        const from = carried.find((c) => c.id === item.carriedFromId)!;
        expect(item.planStaffId).to.equal(from.planStaffId);
        expect(lastMonthPlanIds.has(item.planId)).to.equal(false);
      }
    });

    it('files documents of every type with the right keepers', async () => {
      const documents = await ArchiveDocument.findAll({ where: { keeperId: { [Op.in]: accountIds } } });
      for (const docType of ARCHIVE_DOC_TYPES) {
        expect(documents.filter((d) => d.docType === docType).length, docType).to.be.at.least(2);
      }
      const financeKeepers = new Set(documents.filter((d) => d.docType === 'finance').map((d) => d.keeperId));
      expect([...financeKeepers].sort()).to.deep.equal([ctx.staff.cashier.id, ctx.staff.cashier2.id].sort());
    });

    it('tops up on a second run without duplicating surveys or plans', async function () {
      this.timeout(60_000);
      const surveysBefore = await Survey.count({ where: { ownerStaffId: ctx.staff.assistant.id } });
      const plansBefore = await WorkPlan.count({ where: { staffId: accountIds } });
      const responsesBefore = await SurveyResponse.count({ where: { collectedById: accountIds } });
      await seedOfficeDemo({ ...ctx, rng: new Rng(8) });
      expect(await Survey.count({ where: { ownerStaffId: ctx.staff.assistant.id } })).to.equal(surveysBefore);
      expect(await WorkPlan.count({ where: { staffId: accountIds } })).to.equal(plansBefore);
      expect(await SurveyResponse.count({ where: { collectedById: accountIds } })).to.be.greaterThan(responsesBefore);
    });
  });
});
