// 结转未完成事项: what a monthly plan did not finish (todo, doing) moves into the same person's plan for the next
// month (made when missing), in week 1, each copy pointing back at the item it came from.
import { Op, type Transaction } from 'sequelize';
import { Staff, WorkPlan, WorkPlanItem } from '../models/index.js';
import { addMonths, monthLabel } from '../lib/shanghai.js';
import { transitionTo } from './transition.js';

const UNFINISHED = ['todo', 'doing'];

/** "王芳 2026年12月工作计划". */
export function workPlanTitle(staffName: string, month: string): string {
  return `${staffName} ${monthLabel(month)}工作计划`;
}

export const WORK_PLAN_NOTE = '五周滚动计划：按周安排，月末未完成的事项转入下月。';

/** The same person's plan for the month after, made when there is none yet. */
async function nextMonthPlan(plan: WorkPlan, transaction: Transaction): Promise<WorkPlan> {
  const month = addMonths(plan.month, 1);
  const existing = await WorkPlan.findOne({ where: { staffId: plan.staffId, month }, transaction });
  if (existing) return existing;
  const owner = await Staff.findByPk(plan.staffId, { attributes: ['id', 'name'], transaction });
  return WorkPlan.create(
    { staffId: plan.staffId, month, title: workPlanTitle(owner?.name ?? '', month), note: WORK_PLAN_NOTE },
    { transaction },
  );
}

export const carryForwardWorkPlan = transitionTo({
  action: 'WorkPlan.carryForward',
  model: WorkPlan,
  check: async (plan, transaction) =>
    (await WorkPlanItem.count({ where: { planId: plan.id, status: UNFINISHED }, transaction })) > 0
      ? null
      : '本月计划没有未完成的事项可结转',
  // The plan itself keeps its values: the step writes its items.
  changes: () => ({}),
  after: async (plan, transaction) => {
    const items = await WorkPlanItem.findAll({
      where: { planId: plan.id, status: UNFINISHED },
      order: [
        ['week', 'ASC'],
        ['id', 'ASC'],
      ],
      transaction,
    });
    const next = await nextMonthPlan(plan, transaction);
    await WorkPlanItem.update(
      { status: 'carried' },
      { where: { id: { [Op.in]: items.map((i) => i.id) } }, transaction },
    );
    await WorkPlanItem.bulkCreate(
      items.map((item) => ({
        planId: next.id,
        week: 1,
        content: item.content,
        status: 'todo' as const,
        carriedFromId: item.id,
      })),
      { transaction, validate: true },
    );
  },
});
