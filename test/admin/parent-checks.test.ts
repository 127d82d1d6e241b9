import { expect } from 'chai';
import { ArchiveDocument, DunningPlan, DunningRecord, DunningTarget, Survey, SurveyQuestion, WorkPlan, WorkPlanItem } from '../../src/models/index.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';

async function plan(status: 'draft' | 'started' | 'closed') {
  const { owners, units } = await smallEstate(2);
  const row = await DunningPlan.create({ title: `催缴计划（${status}）`, status, createdById: (await staff('coordinator')).id } as never);
  const target = await DunningTarget.create({ planId: row.id, ownerId: owners[0].id, unitId: units[0].id, arrearsAmount: 50_000, monthsInArrears: 1 } as never);
  return { plan: row, target, ownerId: owners[0].id, spareOwnerId: owners[1].id };
}

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);

describe('records made under another record are checked against it', () => {
  it('催缴对象 can be added, changed and removed while the plan is a draft, not once it has started', async () => {
    const coordinator = await client('coordinator');
    const draft = await plan('draft');
    const added = await coordinator.json('POST', '/admin/api/resources/DunningTarget/actions/new', { planId: draft.plan.id, ownerId: draft.spareOwnerId, note: '补充' });
    expect(added.body.notice.type, JSON.stringify(added.body)).to.equal('success');

    const started = await plan('started');
    const before = await DunningTarget.count({ where: { planId: started.plan.id } });
    const refused = await coordinator.json('POST', '/admin/api/resources/DunningTarget/actions/new', { planId: started.plan.id, ownerId: started.spareOwnerId });
    expect(refused.body.record.errors.planId.message).to.equal('催缴计划已经开始，催缴对象不能再增减或修改');
    const edit = await coordinator.json('POST', `/admin/api/resources/DunningTarget/records/${started.target.id}/edit`, { note: '改' });
    expect(edit.body.record.errors.planId.message).to.equal('催缴计划已经开始，催缴对象不能再增减或修改');
    const removed = await coordinator.json('POST', `/admin/api/resources/DunningTarget/records/${started.target.id}/delete`);
    expect(removed.body.notice.type).to.equal('error');
    expect(await DunningTarget.count({ where: { planId: started.plan.id } })).to.equal(before);
    await started.target.reload();
    expect(started.target.note).to.equal(null);
  });

  it('催缴记录 are made only on a started plan', async () => {
    const reception = await client('receptionist');
    const contact = (planId: number, ownerId: number) =>
      reception.json('POST', '/admin/api/resources/DunningRecord/actions/new', { planId, ownerId, method: 'phone', result: 'promised', promisedDate: '2099-12-10', contactedAt: new Date().toISOString() });
    const started = await plan('started');
    const made = await contact(started.plan.id, started.ownerId);
    expect(made.body.notice.type, JSON.stringify(made.body)).to.equal('success');
    for (const [status, message] of [['draft', '催缴计划尚未开始（等待收费员决定催缴），还不能记录催缴'], ['closed', '催缴计划已经结束，不能再记录催缴']] as const) {
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
    const ok = await session.json('POST', '/admin/api/resources/WorkPlanItem/actions/new', { planId: mine.id, week: 1, content: '整理十二月报事单' });
    expect(ok.body.notice.type, JSON.stringify(ok.body)).to.equal('success');
    const refused = await session.json('POST', '/admin/api/resources/WorkPlanItem/actions/new', { planId: theirs.id, week: 1, content: '替别人安排' });
    expect(refused.body.record.errors.planId.message).to.equal('只能在本人的工作计划中添加事项');
    expect(await WorkPlanItem.count({ where: { planId: theirs.id } })).to.equal(0);
  });

  it('a question added on the form carries its survey\'s state, so the assistant may go on editing it while the survey is a draft', async () => {
    const assistant = await staff('assistant');
    const survey = await Survey.create({ title: '表单新增问题的调查', ownerStaffId: assistant.id } as never);
    const session = await signedInClient(assistant.email, TEST_PASSWORD);
    const added = await session.json('POST', '/admin/api/resources/SurveyQuestion/actions/new', { surveyId: survey.id, number: 1, text: '您对保洁服务是否满意？', kind: 'score' });
    expect(added.body.notice.type, JSON.stringify(added.body.record?.errors)).to.equal('success');
    const question = (await SurveyQuestion.findOne({ where: { surveyId: survey.id } }))!;
    expect(question.surveyStatus).to.equal('draft');
    const edited = await session.json('POST', `/admin/api/resources/SurveyQuestion/records/${question.id}/edit`, { text: '您对小区保洁服务是否满意？' });
    expect(edited.body.notice.type, JSON.stringify(edited.body.record?.baseError)).to.equal('success');
  });

  it('a new document must be of a kind its author may keep: the coordinator files no finance documents, the cashier nothing else', async () => {
    const coordinator = await client('coordinator');
    const cashier = await client('cashier');
    const file = (session: Awaited<ReturnType<typeof client>>, docType: string, title: string) =>
      session.json('POST', '/admin/api/resources/ArchiveDocument/actions/new', { docType, title, archivedOn: '2026-11-27' });
    expect((await file(coordinator, 'minutes', '十一月例会纪要')).body.notice.type).to.equal('success');
    expect((await file(cashier, 'finance', '十一月收费日报汇总')).body.notice.type).to.equal('success');
    const refused = await file(coordinator, 'finance', '协调员误建的财务资料');
    expect(refused.body.record.baseError.type).to.equal('ForbiddenError');
    expect(refused.body.record.baseError.message).to.match(/^新建归档资料只限本人可以编辑的记录：/);
    expect((await file(cashier, 'training', '收费员误建的培训记录')).body.record.baseError.type).to.equal('ForbiddenError');
    expect(await ArchiveDocument.count({ where: { title: ['协调员误建的财务资料', '收费员误建的培训记录'] } })).to.equal(0);
  });
});
