import { expect } from 'chai';
import type { ActionContext, ActionRequest } from 'adminjs';
import {
  ArchiveDocument,
  AuthorityRule,
  DunningPlan,
  DunningRecord,
  DunningTarget,
  Survey,
  SurveyQuestion,
  SurveyResponse,
  WorkPlan,
  WorkPlanItem,
  type Staff,
} from '../../src/models/index.js';
import { dunningResources } from '../../src/admin/resources/dunning.js';
import { officeResources } from '../../src/admin/resources/office.js';
import { Resource } from '../../src/admin/adapter.js';
import { refreshRules } from '../../src/rules/store.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { expectRefused } from '../support/refusals.js';

async function plan(status: 'draft' | 'started' | 'closed') {
  const { owners, units } = await smallEstate(2);
  const row = await DunningPlan.create({
    title: `催缴计划（${status}）`,
    status,
    createdById: (await staff('coordinator')).id,
  } as never);
  const target = await DunningTarget.create({
    planId: row.id,
    ownerId: owners[0].id,
    unitId: units[0].id,
    arrearsAmount: 50_000,
    monthsInArrears: 1,
  } as never);
  return { plan: row, target, ownerId: owners[0].id, spareOwnerId: owners[1].id };
}

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);

describe('records made under another record are checked against it', () => {
  it('催缴对象 can be added, changed and removed while the plan is a draft, not once it has started', async () => {
    const coordinator = await client('coordinator');
    const draft = await plan('draft');
    const added = await coordinator.create('DunningTarget', {
      planId: draft.plan.id,
      ownerId: draft.spareOwnerId,
      note: '补充',
    });
    expect(added.body.notice.type, JSON.stringify(added.body)).to.equal('success');

    const started = await plan('started');
    const before = await DunningTarget.count({ where: { planId: started.plan.id } });
    const refused = await coordinator.create('DunningTarget', {
      planId: started.plan.id,
      ownerId: started.spareOwnerId,
    });
    expect(refused.body.record.errors.planId.message).to.equal('催缴计划已经开始，催缴对象不能再增减或修改');
    const edit = await coordinator.edit('DunningTarget', started.target.id, { note: '改' });
    expect(edit.body.record.errors.planId.message).to.equal('催缴计划已经开始，催缴对象不能再增减或修改');
    const removed = await coordinator.act('DunningTarget', started.target.id, 'delete');
    expect(removed.body.notice.type).to.equal('error');
    expect(await DunningTarget.count({ where: { planId: started.plan.id } })).to.equal(before);
    await started.target.reload();
    expect(started.target.note).to.equal(null);
  });

  it('催缴记录 are made only on a started plan', async () => {
    const reception = await client('receptionist');
    const contact = (planId: number, ownerId: number) =>
      reception.create('DunningRecord', {
        planId,
        ownerId,
        method: 'phone',
        result: 'promised',
        promisedDate: '2099-12-10',
        contactedAt: new Date().toISOString(),
      });
    const started = await plan('started');
    const made = await contact(started.plan.id, started.ownerId);
    expect(made.body.notice.type, JSON.stringify(made.body)).to.equal('success');
    for (const [status, message] of [
      ['draft', '催缴计划尚未开始（等待收费员决定催缴），还不能记录催缴'],
      ['closed', '催缴计划已经结束，不能再记录催缴'],
    ] as const) {
      const other = await plan(status);
      const refused = await contact(other.plan.id, other.ownerId);
      expect(refused.body.record.errors.planId.message).to.equal(message);
      expect(await DunningRecord.count({ where: { planId: other.plan.id } })).to.equal(0);
    }
  });

  it('work plan items go into one’s own plan only', async () => {
    const me = await staff('coordinator');
    const other = await staff('coordinator');
    const mine = await WorkPlan.create({ staffId: me.id, month: '2026-12', title: '我的计划' } as never);
    const theirs = await WorkPlan.create({ staffId: other.id, month: '2026-12', title: '他人的计划' } as never);
    const session = await signedInClient(me.email, TEST_PASSWORD);
    const ok = await session.create('WorkPlanItem', { planId: mine.id, week: 1, content: '整理十二月报事单' });
    expect(ok.body.notice.type, JSON.stringify(ok.body)).to.equal('success');
    const refused = await session.create('WorkPlanItem', { planId: theirs.id, week: 1, content: '替别人安排' });
    expect(refused.body.record.errors.planId.message).to.equal('只能在本人的工作计划中添加事项');
    expect(await WorkPlanItem.count({ where: { planId: theirs.id } })).to.equal(0);
  });

  it("a question added on the form carries its survey's state, so the assistant may go on editing it while the survey is a draft", async () => {
    const assistant = await staff('assistant');
    const survey = await Survey.create({ title: '表单新增问题的调查', ownerStaffId: assistant.id } as never);
    const session = await signedInClient(assistant.email, TEST_PASSWORD);
    const added = await session.create('SurveyQuestion', {
      surveyId: survey.id,
      number: 1,
      text: '您对保洁服务是否满意？',
      kind: 'score',
    });
    expect(added.body.notice.type, JSON.stringify(added.body.record?.errors)).to.equal('success');
    const question = (await SurveyQuestion.findOne({ where: { surveyId: survey.id } }))!;
    expect(question.surveyStatus).to.equal('draft');
    const edited = await session.edit('SurveyQuestion', question.id, { text: '您对小区保洁服务是否满意？' });
    expect(edited.body.notice.type, JSON.stringify(edited.body.record?.baseError)).to.equal('success');
  });

  it('a new document must be of a kind its author may keep: the coordinator files no finance documents, the cashier nothing else', async () => {
    const coordinator = await client('coordinator');
    const cashier = await client('cashier');
    const file = (session: Awaited<ReturnType<typeof client>>, docType: string, title: string) =>
      session.create('ArchiveDocument', { docType, title, archivedOn: '2026-11-27' });
    expect((await file(coordinator, 'minutes', '十一月例会纪要')).body.notice.type).to.equal('success');
    expect((await file(cashier, 'finance', '十一月收费日报汇总')).body.notice.type).to.equal('success');
    const refused = await file(coordinator, 'finance', '协调员误建的财务资料');
    expect(refused.body.record.baseError.type).to.equal('ForbiddenError');
    expect(refused.body.record.baseError.message).to.match(/^新建资料归档只限本人可以编辑的记录：/);
    expect((await file(cashier, 'training', '收费员误建的培训记录')).body.record.baseError.type).to.equal(
      'ForbiddenError',
    );
    expect(
      await ArchiveDocument.count({ where: { title: ['协调员误建的财务资料', '收费员误建的培训记录'] } }),
    ).to.equal(0);
  });

  it('an edit cannot move a work plan item into someone else’s plan; moving it between one’s own plans is fine', async () => {
    const me = await staff('coordinator');
    const other = await staff('coordinator');
    const mine = await WorkPlan.create({ staffId: me.id, month: '2027-01', title: '我的一月计划' });
    const mineToo = await WorkPlan.create({ staffId: me.id, month: '2027-02', title: '我的二月计划' });
    const theirs = await WorkPlan.create({ staffId: other.id, month: '2027-01', title: '他人的一月计划' });
    const item = await WorkPlanItem.create({ planId: mine.id, week: 1, content: '整理一月报事单' } as never);
    const session = await signedInClient(me.email, TEST_PASSWORD);

    const refused = await session.edit('WorkPlanItem', item.id, { planId: theirs.id, content: '挪到别人的计划' });
    expect(refused.body.record.errors.planId.message).to.equal('只能在本人的工作计划中添加事项');
    expect((await WorkPlanItem.findByPk(item.id))!).to.include({
      planId: mine.id,
      planStaffId: me.id,
      content: '整理一月报事单',
    });

    const moved = await session.edit('WorkPlanItem', item.id, { planId: mineToo.id });
    expect(moved.body.notice.type, JSON.stringify(moved.body.record?.errors)).to.equal('success');
    expect((await WorkPlanItem.findByPk(item.id))!).to.include({ planId: mineToo.id, planStaffId: me.id });
  });

  it('a dunning contact sent as planId.0 is not recorded on a draft plan: the form’s parent is read as it would be stored', async () => {
    const reception = await client('receptionist');
    const draft = await plan('draft');
    const refused = await reception.create('DunningRecord', {
      'planId.0': draft.plan.id,
      'planId.x': draft.plan.id,
      ownerId: draft.ownerId,
      method: 'phone',
      result: 'paid',
      contactedAt: new Date().toISOString(),
    });
    expect(refused.body.notice.type).to.equal('error');
    expect(refused.body.record.errors).to.have.property('planId');
    expect(await DunningRecord.count({ where: { planId: draft.plan.id } })).to.equal(0);

    // A JSON body can send the parent as an object under the exact key: refused before any lookup.
    const before = (
      dunningResources.find((r) => r.resource === DunningRecord)!.options!.actions!.new as {
        before: Array<(r: ActionRequest, c: ActionContext) => Promise<ActionRequest>>;
      }
    ).before;
    const actor = await staff('receptionist');
    const context = {
      currentAdmin: { email: actor.email, actor: { id: actor.id } },
      resource: { id: () => 'DunningRecord', property: () => null },
    } as unknown as ActionContext;
    let request = {
      method: 'post',
      payload: { planId: { 0: String(draft.plan.id) }, result: 'paid' },
      params: {},
    } as unknown as ActionRequest;
    const stepRefused = await expectRefused(async () => {
      for (const step of before) request = await step(request, context);
    }, Error);
    expect(
      (stepRefused as { propertyErrors?: Record<string, { message: string }> }).propertyErrors?.planId?.message,
    ).to.equal('催缴计划只能是一条记录');
  });

  it('only a JSON column takes sub-keys: answers.<question> passes the form limit, surveyId.0 and respondentName.x do not', async () => {
    const coordinator = await staff('coordinator');
    const running = await Survey.create({
      title: '答卷子键测试',
      ownerStaffId: coordinator.id,
      status: 'running',
      startedAt: new Date(),
    });
    const draft = await Survey.create({ title: '答卷子键测试（草拟）', ownerStaffId: coordinator.id });
    const question = await SurveyQuestion.create({ surveyId: running.id, number: 1, text: '意见建议', kind: 'text' });
    const session = await signedInClient(coordinator.email, TEST_PASSWORD);
    const made = await session.create('SurveyResponse', {
      surveyId: running.id,
      'surveyId.0': draft.id,
      respondentName: '王芳',
      overallScore: 5,
      answers: JSON.stringify({ [question.id]: '保洁很及时' }),
    });
    expect(made.body.notice.type, JSON.stringify(made.body.record?.errors)).to.equal('success');
    const response = (await SurveyResponse.findOne({ where: { respondentName: '王芳', surveyId: running.id } }))!;
    expect(response.answers).to.deep.equal({ [question.id]: '保洁很及时' });
    expect(await SurveyResponse.count({ where: { surveyId: draft.id } })).to.equal(0);

    const limit = (
      officeResources.find((r) => r.resource === SurveyResponse)!.options!.actions!.new as {
        before: Array<(r: ActionRequest, c: ActionContext) => Promise<ActionRequest>>;
      }
    ).before[0];
    const context = {
      currentAdmin: { email: coordinator.email, actor: { id: coordinator.id } },
      resource: new Resource(SurveyResponse as never),
    } as unknown as ActionContext;
    const limited = await limit(
      {
        method: 'post',
        payload: { [`answers.${question.id}`]: '5', 'surveyId.0': '7', 'respondentName.x': '李', surveyId: '3' },
        params: {},
      } as unknown as ActionRequest,
      context,
    );
    expect(limited.payload).to.deep.equal({
      [`answers.${question.id}`]: '5',
      surveyId: '3',
      collectedById: coordinator.id,
    });
  });

  it('an archive document edited into a kind its author may not keep is refused with the reason, and nothing changes', async () => {
    const [coordinatorStaff, cashierStaff] = [await staff('coordinator'), await staff('cashier')];
    const coordinator = await signedInClient(coordinatorStaff.email, TEST_PASSWORD);
    const cashier = await signedInClient(cashierStaff.email, TEST_PASSWORD);
    const training = await ArchiveDocument.create({
      title: '十二月消防培训记录',
      docType: 'training',
      docDate: '2026-12-01',
      keeperId: coordinatorStaff.id,
    });
    const finance = await ArchiveDocument.create({
      title: '十二月收费汇总',
      docType: 'finance',
      docDate: '2026-12-01',
      keeperId: cashierStaff.id,
    });

    const refused = await coordinator.edit('ArchiveDocument', training.id, {
      docType: 'finance',
      title: '改成财务资料',
    });
    expect(refused.body.record.baseError.type).to.equal('ForbiddenError');
    expect(refused.body.record.baseError.message).to.match(/^编辑资料归档后须仍是本人可以编辑的记录：/);
    expect((await ArchiveDocument.findByPk(training.id))!).to.include({
      docType: 'training',
      title: '十二月消防培训记录',
    });
    const cashierRefused = await cashier.edit('ArchiveDocument', finance.id, { docType: 'training' });
    expect(cashierRefused.body.record.baseError.type).to.equal('ForbiddenError');
    expect((await ArchiveDocument.findByPk(finance.id))!.docType).to.equal('finance');

    const kept = await coordinator.edit('ArchiveDocument', training.id, {
      docType: 'minutes',
      title: '十二月例会纪要',
    });
    expect(kept.body.notice.type, JSON.stringify(kept.body.record?.baseError)).to.equal('success');
    expect((await ArchiveDocument.findByPk(training.id))!).to.include({ docType: 'minutes', title: '十二月例会纪要' });
  });

  describe('questions change only while their survey is a draft, responses only while it runs', () => {
    let assistant: Staff;
    let session: Awaited<ReturnType<typeof client>>;
    const surveys: Record<'draft' | 'running' | 'closed', Survey> = {} as never;
    const TEST_RULE = 'test: 助理删除题目、修改答卷';

    before(async () => {
      assistant = await staff('assistant');
      session = await signedInClient(assistant.email, TEST_PASSWORD);
      for (const status of ['draft', 'running', 'closed'] as const) {
        surveys[status] = await Survey.create({
          title: `题目与答卷（${status}）`,
          ownerStaffId: assistant.id,
          status,
          startedAt: status === 'draft' ? null : new Date(),
        });
      }
      // No default rule deletes questions or edits responses; a director could add one, and the survey's state still holds.
      await AuthorityRule.create({
        name: TEST_RULE,
        actions: ['SurveyQuestion.delete', 'SurveyResponse.edit'],
        effect: 'allow',
        priority: 1,
        enabled: true,
        clause: '测试',
        conditions: { all: [{ fact: 'actor', path: 'id', operator: 'equal', value: assistant.id }] },
      } as never);
      await refreshRules();
    });

    after(async () => {
      await AuthorityRule.destroy({ where: { name: TEST_RULE } });
      await refreshRules();
    });

    const question = (surveyId: number, number: number) =>
      SurveyQuestion.create({ surveyId, number, text: `第 ${number} 题` });
    const responseTo = (surveyId: number) =>
      SurveyResponse.create({
        surveyId,
        respondentName: '李强',
        collectedById: assistant.id,
        answers: {},
        overallScore: 4,
      });

    it('助理 may add, change and remove a question of a draft survey', async () => {
      const added = await session.create('SurveyQuestion', { surveyId: surveys.draft.id, number: 1, text: '服务态度' });
      expect(added.body.notice.type, JSON.stringify(added.body.record?.errors)).to.equal('success');
      const row = (await SurveyQuestion.findOne({ where: { surveyId: surveys.draft.id, number: 1 } }))!;
      const edited = await session.edit('SurveyQuestion', row.id, { text: '工作人员服务态度' });
      expect(edited.body.notice.type).to.equal('success');
      const removed = await session.act('SurveyQuestion', row.id, 'delete');
      expect(removed.body.notice.type, JSON.stringify(removed.body)).to.equal('success');
      expect(await SurveyQuestion.findByPk(row.id)).to.equal(null);
    });

    it('助理 may not add a question to a running or closed survey', async () => {
      for (const [status, message] of [
        ['running', '调查已经开始，题目不能再增删或修改'],
        ['closed', '调查已经结束，题目不能再增删或修改'],
      ] as const) {
        const refused = await session.create('SurveyQuestion', {
          surveyId: surveys[status].id,
          number: 9,
          text: '补加的题目',
        });
        expect(refused.body.record.errors.surveyId.message).to.equal(message);
        expect(await SurveyQuestion.count({ where: { surveyId: surveys[status].id } })).to.equal(0);
      }
    });

    it('助理 may not move a draft question into a running survey, nor remove a question of a running survey', async () => {
      const draftQuestion = await question(surveys.draft.id, 20);
      const moved = await session.edit('SurveyQuestion', draftQuestion.id, { surveyId: surveys.running.id });
      expect(moved.body.record.errors.surveyId.message).to.equal('调查已经开始，题目不能再增删或修改');
      expect((await SurveyQuestion.findByPk(draftQuestion.id))!).to.include({
        surveyId: surveys.draft.id,
        surveyStatus: 'draft',
      });

      const runningQuestion = await question(surveys.running.id, 21);
      const removed = await session.act('SurveyQuestion', runningQuestion.id, 'delete');
      expect(removed.body.notice.type).to.equal('error');
      expect(await SurveyQuestion.findByPk(runningQuestion.id)).not.to.equal(null);
      const edited = await session.edit('SurveyQuestion', runningQuestion.id, { text: '改题' });
      expect(edited.body.record.baseError?.type ?? edited.body.record.errors?.surveyId?.message).to.be.oneOf([
        'ForbiddenError',
        '调查已经开始，题目不能再增删或修改',
      ]);
      expect((await SurveyQuestion.findByPk(runningQuestion.id))!.text).to.equal('第 21 题');
    });

    it('助理 may enter and correct a response of a running survey', async () => {
      const made = await session.create('SurveyResponse', {
        surveyId: surveys.running.id,
        respondentName: '赵敏',
        overallScore: 5,
      });
      expect(made.body.notice.type, JSON.stringify(made.body.record?.errors)).to.equal('success');
      const response = await responseTo(surveys.running.id);
      const corrected = await session.edit('SurveyResponse', response.id, { overallScore: 3 });
      expect(corrected.body.notice.type, JSON.stringify(corrected.body.record?.errors)).to.equal('success');
      expect((await SurveyResponse.findByPk(response.id))!.overallScore).to.equal(3);
    });

    it('助理 may not enter a response to a draft or closed survey, nor move one there, nor correct one of a closed survey', async () => {
      for (const [status, message] of [
        ['draft', '调查尚未开始，还不能录入答卷'],
        ['closed', '调查已经结束，不能再录入或修改答卷'],
      ] as const) {
        const refused = await session.create('SurveyResponse', {
          surveyId: surveys[status].id,
          respondentName: '钱多',
          overallScore: 5,
        });
        expect(refused.body.record.errors.surveyId.message).to.equal(message);
        expect(await SurveyResponse.count({ where: { surveyId: surveys[status].id } })).to.equal(0);
      }
      const response = await responseTo(surveys.running.id);
      const moved = await session.edit('SurveyResponse', response.id, { surveyId: surveys.closed.id });
      expect(moved.body.record.errors.surveyId.message).to.equal('调查已经结束，不能再录入或修改答卷');
      expect((await SurveyResponse.findByPk(response.id))!.surveyId).to.equal(surveys.running.id);

      const closedResponse = await responseTo(surveys.closed.id);
      const corrected = await session.edit('SurveyResponse', closedResponse.id, { overallScore: 1 });
      expect(corrected.body.record.errors.surveyId.message).to.equal('调查已经结束，不能再录入或修改答卷');
      expect((await SurveyResponse.findByPk(closedResponse.id))!.overallScore).to.equal(4);
    });
  });
});
