// Owners in arrears: the overdue, not fully paid bills summed per owner, in a couple of GROUP BY queries.
import { Op, type Transaction } from 'sequelize';
import { Bill, sequelize } from '../models/index.js';

export interface OwnerArrears {
  ownerId: number;
  /** The unit owing the most, shown with the owner. */
  unitId: number;
  /** Unpaid total of the overdue bills, in fen. */
  arrearsAmount: number;
  /** Distinct overdue billing periods. */
  monthsInArrears: number;
}

/**
 * Owners in arrears on `asOf` (YYYY-MM-DD): bills unpaid or partly paid whose due date has passed, summed per
 * owner, with the number of distinct periods (months) overdue; only those at least `minMonths` months behind.
 * Largest arrears first.
 */
export async function ownersInArrears(
  asOf: string,
  transaction?: Transaction,
  minMonths = 1,
  ownerIds?: number[],
): Promise<OwnerArrears[]> {
  // `ownerIds` narrows the question to some owners (a page of the owner list).
  const where = {
    status: { [Op.in]: ['unpaid', 'partial'] },
    dueDate: { [Op.lt]: asOf },
    ownerId: ownerIds ? { [Op.in]: ownerIds } : { [Op.ne]: null },
  };
  const owed = sequelize.fn('SUM', sequelize.literal('"amount" - "paidAmount"'));
  const months = sequelize.fn('COUNT', sequelize.fn('DISTINCT', sequelize.col('period')));
  const perOwner = (await Bill.findAll({
    attributes: ['ownerId', [owed, 'arrears'], [months, 'months']],
    where,
    group: ['ownerId'],
    having: minMonths > 1 ? sequelize.where(months, { [Op.gte]: minMonths }) : undefined,
    raw: true,
    transaction,
  })) as unknown as Array<{ ownerId: number; arrears: string | number; months: string | number }>;
  const perUnit = (await Bill.findAll({
    attributes: ['ownerId', 'unitId', [owed, 'arrears']],
    where,
    group: ['ownerId', 'unitId'],
    raw: true,
    transaction,
  })) as unknown as Array<{ ownerId: number; unitId: number; arrears: string | number }>;
  const mainUnit = new Map<number, { unitId: number; arrears: number }>();
  for (const row of perUnit) {
    const current = mainUnit.get(row.ownerId);
    const arrears = Number(row.arrears);
    if (!current || arrears > current.arrears || (arrears === current.arrears && row.unitId < current.unitId))
      mainUnit.set(row.ownerId, { unitId: row.unitId, arrears });
  }
  return perOwner
    .map((row) => ({
      ownerId: Number(row.ownerId),
      unitId: mainUnit.get(row.ownerId)!.unitId,
      arrearsAmount: Number(row.arrears),
      monthsInArrears: Number(row.months),
    }))
    .filter((row) => row.arrearsAmount > 0 && row.monthsInArrears >= minMonths)
    .sort((a, b) => b.arrearsAmount - a.arrearsAmount || a.ownerId - b.ownerId);
}
