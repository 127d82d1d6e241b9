// A staff member's own settings, kept on their account so they follow them to another computer: the number of rows
// per list page (每页 10/20/50/100 条). Each person sets only their own; no rule decides it, as no one else's data
// or work is touched — the change is audited like any other.
import { Staff, LIST_PAGE_SIZES } from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { Unauthenticated, ValidationFailed } from '../errors.js';
import { audit } from './audit.js';
import { inTransaction } from './transaction.js';

export const DEFAULT_PAGE_SIZE = 10;
/** The most rows a list answers at once (AdminJS's own limit); larger or nonsensical sizes get the person's own. */
export const MAX_PAGE_SIZE = 500;

/** The page size this person chose, or the default. */
export async function pageSizeOf(staffId: number): Promise<number> {
  const row = await Staff.findByPk(staffId, { attributes: ['id', 'listPageSize'] });
  return row?.listPageSize ?? DEFAULT_PAGE_SIZE;
}

/**
 * The rows a list page shows: the page size asked for when it is a whole number from 1 to 500 (the page-size control
 * asks for 10/20/50/100, scripts and exports for more), else — none asked, or 0, 1000, 'abc' — the person's own.
 */
export function listPageSize(asked: unknown, own: number): number {
  const text = typeof asked === 'string' ? asked.trim() : typeof asked === 'number' ? String(asked) : '';
  if (!/^\d+$/.test(text)) return own;
  const size = Number(text);
  return size >= 1 && size <= MAX_PAGE_SIZE ? size : own;
}

/** 每页 N 条 remembered for the signed-in person; anything but 10/20/50/100 is refused in words, nothing written. */
export async function setPageSize(actor: Actor | null, value: unknown): Promise<number> {
  if (!actor) throw new Unauthenticated();
  const size = typeof value === 'number' || typeof value === 'string' ? Number(String(value).trim()) : NaN;
  if (!(LIST_PAGE_SIZES as readonly number[]).includes(size))
    throw new ValidationFailed(`每页条数只能是 ${LIST_PAGE_SIZES.join('、')}`, {
      pageSize: `每页条数只能是 ${LIST_PAGE_SIZES.join('、')}`,
    });
  return inTransaction(async (transaction) => {
    const row = await Staff.findByPk(actor.id, { transaction, lock: transaction.LOCK.UPDATE });
    if (!row) throw new Unauthenticated();
    const before = row.listPageSize ?? null;
    if (before === size) return size;
    await row.update({ listPageSize: size }, { transaction });
    await audit(
      {
        who: actor,
        action: 'Staff.edit',
        recordId: row.id,
        changes: { listPageSize: [before, size] },
        note: '本人设置每页条数',
      },
      transaction,
    );
    return size;
  });
}
