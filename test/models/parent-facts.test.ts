import { expect } from 'chai';
import { Survey, SurveyQuestion, WorkPlan, WorkPlanItem, type Staff } from '../../src/models/index.js';
import { staff } from '../support/factories.js';

// The rules see only the row, so a plan item carries its plan's owner and a question its survey's status. Moving the
// row to another parent must write the new fact with it, whichever way the row is saved.
describe("a row moved to another parent carries the new parent's fact", () => {
  let owner: Staff;
  let other: Staff;
  let month = 0;
  const plans = async () => {
    month += 1;
    const period = `2031-${String(month).padStart(2, '0')}`;
    const mine = await WorkPlan.create({ staffId: owner.id, month: period, title: '我的计划' });
    const theirs = await WorkPlan.create({ staffId: other.id, month: period, title: '他人的计划' });
    const item = await WorkPlanItem.create({ planId: mine.id, week: 1, content: '整理报事单' } as never);
    expect(item.planStaffId).to.equal(owner.id);
    return { theirs, item };
  };
  const stored = async (item: WorkPlanItem) => (await WorkPlanItem.findByPk(item.id))!;

  before(async () => {
    owner = await staff('coordinator');
    other = await staff('receptionist');
  });

  it("a plan item moved by save() is written with the new plan's owner", async () => {
    const { theirs, item } = await plans();
    item.planId = theirs.id;
    await item.save();
    expect(await stored(item)).to.include({ planId: theirs.id, planStaffId: other.id });
  });

  it("a plan item moved by save() without validation, or naming only planId, is written with the new plan's owner", async () => {
    const first = await plans();
    first.item.planId = first.theirs.id;
    await first.item.save({ validate: false });
    expect(await stored(first.item)).to.include({ planId: first.theirs.id, planStaffId: other.id });

    const second = await plans();
    second.item.planId = second.theirs.id;
    await second.item.save({ fields: ['planId'] });
    expect(await stored(second.item)).to.include({ planId: second.theirs.id, planStaffId: other.id });
  });

  it("a plan item moved by Model.update() is written with the new plan's owner, with or without individual hooks", async () => {
    const first = await plans();
    await WorkPlanItem.update({ planId: first.theirs.id }, { where: { id: first.item.id } });
    expect(await stored(first.item)).to.include({ planId: first.theirs.id, planStaffId: other.id });

    const second = await plans();
    await WorkPlanItem.update({ planId: second.theirs.id }, { where: { id: second.item.id }, individualHooks: true });
    expect(await stored(second.item)).to.include({ planId: second.theirs.id, planStaffId: other.id });
  });

  it('an update that leaves the plan alone leaves the copied owner alone', async () => {
    const { item } = await plans();
    await WorkPlanItem.update({ week: 2 }, { where: { id: item.id } });
    item.content = '整理十二月报事单';
    await item.save();
    expect(await stored(item)).to.include({ week: 2, content: '整理十二月报事单', planStaffId: owner.id });
  });

  it("a question moved into a running survey by save() or Model.update() is written with that survey's status", async () => {
    const draft = await Survey.create({ title: '草拟中的调查', ownerStaffId: owner.id });
    const running = await Survey.create({
      title: '进行中的调查',
      ownerStaffId: owner.id,
      status: 'running',
      startedAt: new Date(),
    });
    const saved = await SurveyQuestion.create({ surveyId: draft.id, number: 1, text: '服务态度' });
    const updated = await SurveyQuestion.create({ surveyId: draft.id, number: 2, text: '环境卫生' });
    expect(saved.surveyStatus).to.equal('draft');

    saved.surveyId = running.id;
    await saved.save();
    await SurveyQuestion.update({ surveyId: running.id }, { where: { id: updated.id } });
    for (const question of [saved, updated]) {
      expect((await SurveyQuestion.findByPk(question.id))!).to.include({
        surveyId: running.id,
        surveyStatus: 'running',
      });
    }
  });
});
