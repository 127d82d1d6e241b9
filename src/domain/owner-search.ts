// 我的工作台的搜索: owners and rooms by name, phone (or its tail) or room number, each a record the person may open,
// landing on the owner's or the room's file.
import { Op, literal } from 'sequelize';
import { Owner, Unit, sequelize } from '../models/index.js';
import { isPostgres } from '../db.js';
import type { Actor } from '../rules/actor.js';
import { groupBy, readerOf } from './file-reader.js';
import type { SearchAnswer, SearchResult } from './owner-file-shape.js';

/** A search longer than this is no name, phone or room number. */
export const SEARCH_MAX = 40;
const SEARCH_ROWS = 10;

const phoneTail = (phone: string | null | undefined) => (phone ? `尾号 ${phone.slice(-4)}` : '未登记电话');

/**
 * Owners and rooms by name, phone (or its tail) or room number, as far as the person may read them: owners only for
 * whoever may list owners, rooms for whoever may list rooms, each a record they may open.
 */
export async function searchOwnersAndUnits(actor: Actor | null, typed: unknown): Promise<SearchAnswer> {
  const raw = typeof typed === 'string' ? typed.trim() : '';
  // LIKE's wildcards are no part of a name, phone or room number.
  const query = raw.replace(/[%_\\]/g, '');
  if (typeof typed !== 'string' || query === '')
    return { query: raw, results: [], message: '请输入业主姓名、电话（或尾号）或房号' };
  if (raw.length > SEARCH_MAX)
    return { query: raw.slice(0, SEARCH_MAX), results: [], message: `搜索内容太长：最多 ${SEARCH_MAX} 个字` };
  if (!actor) return { query, results: [], message: '请先登录' };
  const reader = readerOf(actor);
  const like = isPostgres ? Op.iLike : Op.like;
  const pattern = `%${query}%`;
  const escaped = sequelize.escape(pattern);
  const likeSql = isPostgres ? 'ILIKE' : 'LIKE';
  const results: SearchResult[] = [];

  if (reader.mayList('Unit')) {
    const units = await Unit.findAll({
      where: {
        [Op.or]: [
          { label: { [like]: pattern } },
          { number: { [like]: pattern } },
          {
            ownerId: {
              [Op.in]: literal(
                `(SELECT "id" FROM "Owner" WHERE "name" ${likeSql} ${escaped} OR "phone" ${likeSql} ${escaped})`,
              ),
            },
          },
        ],
      },
      order: [['label', 'ASC']],
      limit: SEARCH_ROWS * 2,
    });
    const owners = new Map(
      (
        await Owner.findAll({
          attributes: ['id', 'name'],
          where: { id: [...new Set(units.map((u) => u.ownerId).filter((id): id is number => id !== null))] },
        })
      ).map((o) => [o.id, o.name]),
    );
    for (const unit of units) {
      const href = reader.href('Unit', unit);
      if (!href || results.length >= SEARCH_ROWS) continue;
      const owner = unit.ownerId ? owners.get(unit.ownerId) : null;
      results.push({ kind: 'unit', id: unit.id, href, title: unit.label, detail: owner ? `业主 ${owner}` : '无业主' });
    }
  }

  if (reader.mayList('Owner')) {
    const owners = await Owner.findAll({
      where: {
        [Op.or]: [
          { name: { [like]: pattern } },
          { phone: { [like]: pattern } },
          { altPhone: { [like]: pattern } },
          {
            id: {
              [Op.in]: literal(
                `(SELECT "ownerId" FROM "Unit" WHERE "ownerId" IS NOT NULL AND ("label" ${likeSql} ${escaped} OR "number" ${likeSql} ${escaped}))`,
              ),
            },
          },
        ],
      },
      order: [
        ['name', 'ASC'],
        ['id', 'ASC'],
      ],
      limit: SEARCH_ROWS * 2,
    });
    const rooms = groupBy(
      await Unit.findAll({ attributes: ['id', 'label', 'ownerId'], where: { ownerId: owners.map((o) => o.id) } }),
      (u) => u.ownerId,
    );
    let shown = 0;
    for (const owner of owners) {
      const href = reader.href('Owner', owner);
      if (!href || shown >= SEARCH_ROWS) continue;
      shown += 1;
      const labels = (rooms.get(owner.id) ?? []).map((u) => u.label);
      results.push({
        kind: 'owner',
        id: owner.id,
        href,
        title: owner.name,
        detail: [labels.length ? labels.join('、') : '无房屋', phoneTail(owner.phone)].join(' · '),
      });
    }
  }
  // A room number asked for rooms first; a name or a phone for the person first.
  const lower = query.toLowerCase();
  const roomAsked = results.some((r) => r.kind === 'unit' && r.title.toLowerCase().includes(lower));
  if (!roomAsked) results.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'owner' ? -1 : 1));
  return { query, results, message: results.length ? null : `没有找到与「${query}」相符的业主或房屋` };
}
