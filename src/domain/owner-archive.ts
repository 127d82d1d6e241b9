// 业主档案 upkeep (协调员 职责1: 定期进行业主档案清理, 确保其完整性): which files are due for their periodic
// review and what each file still lacks.
import { Op, literal, type WhereOptions } from 'sequelize';
import { addDays } from '../lib/shanghai.js';

/** A file is reviewed at least once a year. */
export const REVIEW_EVERY_DAYS = 365;

/** The files due for review on `today` ('YYYY-MM-DD'): never reviewed, or last reviewed a year ago or more. */
export function reviewDueWhere(today: string): WhereOptions {
  return { [Op.or]: [{ lastReviewedOn: null }, { lastReviewedOn: { [Op.lte]: addDays(today, -REVIEW_EVERY_DAYS) } }] };
}

export function isReviewDue(lastReviewedOn: string | null | undefined, today: string): boolean {
  return !lastReviewedOn || lastReviewedOn <= addDays(today, -REVIEW_EVERY_DAYS);
}

/** What a file lacks, in the words the list shows: 电话, 房屋, 入住日期. */
export function archiveGaps(owner: { phone?: string | null; moveInDate?: string | null }, unitCount: number): string[] {
  const gaps: string[] = [];
  if (!owner.phone) gaps.push('电话');
  if (unitCount === 0) gaps.push('房屋');
  if (!owner.moveInDate) gaps.push('入住日期');
  return gaps;
}

/** The same as a query condition: no phone, no move-in date, or no unit. */
export function incompleteOwnerWhere(): WhereOptions {
  return {
    [Op.or]: [
      { phone: null },
      { phone: '' },
      { moveInDate: null },
      { id: { [Op.notIn]: literal('(SELECT "ownerId" FROM "Unit" WHERE "ownerId" IS NOT NULL)') } },
    ],
  };
}
