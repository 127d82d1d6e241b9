// 按欠费生成催缴对象: a draft plan takes in every owner at least N months in arrears who is not on it yet, in one
// transaction, from a few set-based queries (the arrears are grouped in SQL, targets written in chunks).
import { Op } from 'sequelize';
import { DunningPlan, DunningTarget, Owner, Unit, unitLabelled } from '../models/index.js';
import { refuse } from './input.js';
import { transitionTo } from './transition.js';
import { ownersInArrears, type OwnerArrears } from './dunning-arrears.js';
import { formatFen } from '../lib/money.js';
import { shanghaiDay } from '../lib/shanghai.js';

const CHUNK = 500;
const MAX_MONTHS = 120;

interface FillSummary {
  minMonths: number;
  added: number;
  addedArrears: number;
  alreadyListed: number;
}

function fillSummaryText(summary: FillSummary): string {
  return `已加入 ${summary.added} 位欠费 ≥ ${summary.minMonths} 个月的业主（合计欠费 ${formatFen(summary.addedArrears)}）；已在计划中的 ${summary.alreadyListed} 位未重复加入`;
}

/** 最少欠费月数 from the form: left out, the plan's own; else a whole number of months from 1 to 120. */
function parseMinMonths(value: unknown, planDefault: number): number {
  const text = String(value ?? '').trim();
  if (text === '') return planDefault;
  const fail = (message: string) => refuse('minMonthsInArrears', message);
  if (!/^[-+]?\d+$/.test(text)) fail('最少欠费月数必须是整数');
  const months = Number(text);
  if (months < 1) fail('最少欠费月数至少为 1');
  if (months > MAX_MONTHS) fail(`最少欠费月数不能超过 ${MAX_MONTHS}`);
  return months;
}

/** A plan's target row for an owner in arrears, named "owner · unit" here so the model's hook looks nobody up again. */
export function targetRow(
  planId: number,
  arrears: OwnerArrears,
  ownerName: string | undefined,
  unitLabel: string | undefined,
) {
  return {
    planId,
    ownerId: arrears.ownerId,
    unitId: arrears.unitId,
    label: unitLabelled(ownerName ?? `业主${arrears.ownerId}`, unitLabel),
    arrearsAmount: arrears.arrearsAmount,
    monthsInArrears: arrears.monthsInArrears,
  };
}

export const fillDunningTargets = transitionTo({
  action: 'DunningPlan.fillTargets',
  model: DunningPlan,
  from: ['draft'],
  changes: (row, _actor, input) => ({
    minMonthsInArrears: parseMinMonths(input.minMonthsInArrears, row.minMonthsInArrears),
  }),
  after: async (row, transaction, step) => {
    const minMonths = row.minMonthsInArrears;
    const eligible = await ownersInArrears(shanghaiDay(step.now), transaction, minMonths);
    const listed = new Set(
      (await DunningTarget.findAll({ attributes: ['ownerId'], where: { planId: row.id }, raw: true, transaction })).map(
        (t) => Number(t.ownerId),
      ),
    );
    const fresh = eligible.filter((a) => !listed.has(a.ownerId));

    for (let i = 0; i < fresh.length; i += CHUNK) {
      const chunk = fresh.slice(i, i + CHUNK);
      const owners = await Owner.findAll({
        attributes: ['id', 'name'],
        where: { id: { [Op.in]: chunk.map((a) => a.ownerId) } },
        transaction,
      });
      const units = await Unit.findAll({
        attributes: ['id', 'label'],
        where: { id: { [Op.in]: [...new Set(chunk.map((a) => a.unitId))] } },
        transaction,
      });
      const ownerName = new Map(owners.map((o) => [o.id, o.name]));
      const unitLabel = new Map(units.map((u) => [u.id, u.label]));
      await DunningTarget.bulkCreate(
        chunk.map((a) => targetRow(row.id, a, ownerName.get(a.ownerId), unitLabel.get(a.unitId))),
        { transaction, validate: true },
      );
    }

    const summary: FillSummary = {
      minMonths,
      added: fresh.length,
      addedArrears: fresh.reduce((sum, a) => sum + a.arrearsAmount, 0),
      alreadyListed: eligible.length - fresh.length,
    };
    return fillSummaryText(summary);
  },
});
