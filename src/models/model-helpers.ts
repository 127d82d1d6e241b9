// Helpers the front-desk models share: daily sequential numbers, and validation hooks that see the whole row.
import { Op, QueryTypes, type Model, type ModelStatic, type Transaction, type WhereOptions } from 'sequelize';
import { shanghaiDayKey } from '../lib/shanghai.js';

/** The transaction a save() runs in, as seen by a validate hook (typed as ValidationOptions, but save passes its own options). */
export function txOf(options: unknown): Transaction | undefined {
  return (options as { transaction?: Transaction | null } | undefined)?.transaction ?? undefined;
}

/** A daily sequential number such as "BS20261127-0001" (prefix, Shanghai day, 4-digit sequence). */
export function formatDailyNumber(prefix: string, at: Date, seq: number): string {
  return `${prefix}${shanghaiDayKey(at)}-${String(seq).padStart(4, '0')}`;
}

/**
 * The next free daily number of a model's `number` column. The unique index is the final guard: two clerks
 * registering in the same instant may collide, and the loser retries.
 */
export async function nextDailyNumber(
  model: ModelStatic<Model>,
  prefix: string,
  at: Date,
  transaction?: Transaction | null,
): Promise<string> {
  const dayPrefix = `${prefix}${shanghaiDayKey(at)}-`;
  const last = (await model.findOne({
    attributes: ['number'],
    where: { number: { [Op.like]: `${dayPrefix}%` } },
    order: [['number', 'DESC']],
    transaction: transaction ?? undefined,
    raw: true,
  })) as { number?: string } | null;
  const lastSeq = last?.number ? Number.parseInt(last.number.slice(dayPrefix.length), 10) || 0 : 0;
  return formatDailyNumber(prefix, at, lastSeq + 1);
}

/** True while Model.update() validates a partial build of only the changed values. */
export function isPartialUpdate(options: unknown): boolean {
  const o = (options ?? {}) as { type?: unknown; where?: unknown };
  return o.type === QueryTypes.BULKUPDATE && !!o.where;
}

/**
 * Model.update() validates a fresh build holding only the changed values and the model's defaults, so a
 * row-level rule (dates in order) would compare the new value with a default instead of the stored one. Fill the
 * build with the stored row first; only the changed values are written afterwards. AdminJS's edit no longer gets
 * here (admin/adapter.ts saves the stored instance), but the row rules are the model's: they hold for any
 * Model.update() that validates (the model tests check it), not only for the admin's path.
 */
export async function withStoredRow(instance: Model, options: unknown): Promise<void> {
  if (!isPartialUpdate(options)) return;
  const { skip, where } = options as { skip?: string[]; where: WhereOptions };
  if (!Array.isArray(skip)) return;
  const model = instance.constructor as ModelStatic<Model>;
  const rows = await model.findAll({ where, limit: 2, transaction: txOf(options), raw: true });
  if (rows.length !== 1) return;
  const stored = rows[0] as unknown as Record<string, unknown>;
  const values = (instance as unknown as { dataValues: Record<string, unknown> }).dataValues;
  for (const attribute of skip) values[attribute] = stored[attribute];
}
