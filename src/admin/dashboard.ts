// 我的工作台: for the signed-in person, the queues they can act on. Each queue states which records wait in it (its
// state); which of those are this person's is the authority core's answer on each record, as the admin decides per row,
// so a condition or a deny rule the director adds changes the count the same way it changes the buttons.
import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import type { CurrentAdmin } from 'adminjs';
import { sequelize } from '../db.js';
import { decide } from '../rules/decide.js';
import { FACTS } from '../rules/facts.js';
import type { Actor } from '../rules/actor.js';
import { actorOf } from './access.js';
import { overdueTicketWhere } from '../models/ticket.js';
import { shanghaiDay, shanghaiMoment } from '../lib/shanghai.js';
import { formatFen } from '../lib/money.js';
import { firstDirectorAppointment, passwordSetByOthers } from '../domain/accounts.js';
import { searchOwnersAndUnits } from '../domain/owner-search.js';

interface Queue {
  label: string;
  resource: string;
  /** A record counts when the person may take this action on it. */
  action: string;
  /** The records waiting in the queue, whoever's turn it is: the rules say which are the person's. */
  where: (now: Date) => WhereOptions;
  /** The same condition as the list filter the tile links to. */
  filter: Record<string, string>;
}

/** A queue of records in one state: the state is both the condition and the list's filter. */
const inState = (label: string, resource: string, action: string, state: Record<string, string>): Queue => ({
  label,
  resource,
  action,
  where: () => ({ ...state }),
  filter: state,
});

const QUEUES: Queue[] = [
  inState('待派工的报事', 'Ticket', 'Ticket.dispatch', { status: 'reported' }),
  inState('本部门待处理的派工', 'Ticket', 'Ticket.complete', { status: 'dispatched' }),
  inState('待回访', 'Ticket', 'Ticket.returnVisit', { status: 'completed' }),
  inState('待主管审核', 'Ticket', 'Ticket.supervisorApprove', { status: 'visited' }),
  inState('待归档', 'Ticket', 'Ticket.archive', { status: 'approved' }),
  {
    label: '逾期未完成的报事',
    resource: 'Ticket',
    action: 'Ticket.list',
    where: (now) => overdueTicketWhere(now),
    filter: { overdue: 'true' },
  },
  inState('待工程审核的装修申请', 'RenovationApplication', 'RenovationApplication.review', { status: 'submitted' }),
  inState('待核批的装修申请', 'RenovationApplication', 'RenovationApplication.approve', { status: 'reviewed' }),
  inState('待验收的装修', 'RenovationApplication', 'RenovationApplication.inspect', { status: 'approved' }),
  inState('可退还的装修押金', 'RenovationDeposit', 'RenovationDeposit.refund', {
    status: 'held',
    inspectionResult: 'passed',
  }),
  inState('待决定的催缴计划', 'DunningPlan', 'DunningPlan.start', { status: 'draft' }),
  inState('待核对的现金日报', 'CashReport', 'CashReport.reconcile', { status: 'submitted' }),
  inState('待审核的车位租赁', 'ParkingRental', 'ParkingRental.review', { status: 'pending' }),
  inState('待校核的会所收费', 'ClubhouseCharge', 'ClubhouseCharge.verify', { status: 'pending' }),
  {
    label: '待核定岗位的员工',
    resource: 'Staff',
    action: 'Staff.assignPosition',
    where: () => ({ proposedPositionId: { [Op.ne]: null } }),
    filter: { pendingPosition: 'true' },
  },
  // The rule studio: what an import of job descriptions left for 管理处主任 to look at.
  {
    label: '待审核的导入权限草稿',
    resource: 'RuleDraft',
    action: 'RuleDraft.accept',
    where: () => ({ status: 'pending', needsReview: true }),
    filter: { status: 'pending', needsReview: 'true' },
  },
  {
    label: '依据条款已变动、待复核的规则',
    resource: 'AuthorityRule',
    action: 'AuthorityRule.reviewClause',
    where: () => ({ clauseNotice: { [Op.and]: [{ [Op.ne]: null }, { [Op.ne]: '' }] } }),
    filter: { clauseChanged: 'true' },
  },
  {
    label: '已锁定的账号',
    resource: 'Staff',
    action: 'Staff.unlock',
    where: () => ({ lockedAt: { [Op.ne]: null }, enabled: true }),
    filter: { locked: 'true' },
  },
];

// A queue is work waiting, normally dozens of records; its candidates are read in batches and each is decided (a
// compiled decision costs microseconds, the rows cost more). Past COUNT_CAP candidates the desk stops and shows the
// count so far with a "+" — "at least this many" — rather than let one huge backlog slow every sign-in; the list the
// tile links to has the exact figure.
const BATCH = 500;
export const COUNT_CAP = 5000;

/**
 * The columns the rules may read on this model's rows: the record facts that are its attributes (facts copied from
 * a parent are columns of the row too). A fact the model computes (Staff's virtual `status`) may read any column,
 * so such a model is read whole.
 */
function factColumns(model: ModelStatic<Model>): string[] | undefined {
  const attributes = model.getAttributes() as Record<string, { type?: { key?: string } }>;
  const facts = Object.keys(FACTS.record).filter((name) => name in attributes);
  if (facts.some((name) => attributes[name].type?.key === 'VIRTUAL')) return undefined;
  return [...new Set(['id', ...facts])];
}

/** How many of the queue's records the person may take its action on; `more` when the cap cut the count short. */
async function countAllowed(
  actor: Actor,
  queue: Queue,
  model: ModelStatic<Model>,
  now: Date,
  cap: number,
): Promise<{ count: number; more: boolean }> {
  const attributes = factColumns(model);
  const after = (id: number): WhereOptions => ({ [Op.and]: [queue.where(now), { id: { [Op.gt]: id } }] });
  let count = 0;
  let seen = 0;
  let lastId = 0;
  while (seen < cap) {
    const limit = Math.min(BATCH, cap - seen);
    const rows = await model.findAll({ where: after(lastId), attributes, order: [['id', 'ASC']], limit });
    // toJSON is what the admin's rows are made of: virtual facts included, secrets left out.
    for (const row of rows)
      if (decide(actor, queue.action, row.toJSON() as Record<string, unknown>).allowed) count += 1;
    seen += rows.length;
    if (rows.length < limit) return { count, more: false };
    lastId = Number(rows[rows.length - 1].get('id'));
  }
  const beyond = await model.findOne({ where: after(lastId), attributes: ['id'] });
  return { count, more: beyond !== null };
}

function listHref(resource: string, filter: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [`filters.${k}`, v]));
  return `/admin/resources/${resource}?${query.toString()}`;
}

export interface Tile {
  label: string;
  /** Records the person may act on; with `more`, the count up to COUNT_CAP candidates (at least this many). */
  count: number;
  more: boolean;
  href: string;
}

/**
 * GET /admin/api/dashboard: the desk; with `?q=` the desk's search box instead — owners and rooms by name, phone or room
 * number, among those the person may read (domain/owner-file.ts).
 */
export async function desk(request: { query?: Record<string, unknown> }, currentAdmin: CurrentAdmin | undefined) {
  if (request.query && Object.hasOwn(request.query, 'q'))
    return { search: await searchOwnersAndUnits(actorOf(currentAdmin), request.query.q) };
  return dashboardData(currentAdmin);
}

export async function dashboardData(currentAdmin: CurrentAdmin | undefined, now = new Date(), cap = COUNT_CAP) {
  const actor = actorOf(currentAdmin);
  if (!actor)
    return { greeting: '请先登录', position: '', tiles: [] as Tile[], figures: [], today: '', notices: [] as string[] };
  const tiles: Tile[] = [];
  for (const queue of QUEUES) {
    const model = sequelize.models[queue.resource];
    if (!model) continue;
    const { count, more } = await countAllowed(actor, queue, model, now, cap);
    // A tile is a queue with something in it for this person: none of its records theirs (as far as the desk
    // counts), no tile.
    if (count === 0) continue;
    tiles.push({ label: queue.label, count, more, href: listHref(queue.resource, queue.filter) });
  }
  const today = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'full' }).format(now);
  return {
    greeting: `您好，${actor.name}`,
    position: actor.positionName ?? '',
    // The search box finds owners and rooms: only for whoever may read one or the other.
    mayFind: decide(actor, 'Owner.list').allowed || decide(actor, 'Unit.list').allowed,
    tiles,
    figures: await officeFigures(actor, now),
    today,
    notices: await notices(actor),
  };
}

const moment = (at: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(at);

/** What the person should know about their own account: a password someone else set, an appointment by IT. */
async function notices(actor: Actor): Promise<string[]> {
  const found: string[] = [];
  const reset = await passwordSetByOthers(actor.id);
  if (reset)
    found.push(
      `您的登录密码已由${reset.by}于 ${moment(reset.at)} 修改。如非本人要求，请立即联系管理处主任并核查操作日志。`,
    );
  const appointed = await firstDirectorAppointment(actor.id);
  if (appointed)
    found.push(
      `您的管理处主任岗位由系统管理员于 ${moment(appointed.at)} 任命（当时系统中没有在岗的管理处主任）：${appointed.note}。如非本人所知，请立即核查员工岗位与操作日志。`,
    );
  return found;
}

/** Today's office figures, each shown only to someone who may read what it counts. */
async function officeFigures(actor: Actor, now: Date): Promise<{ label: string; value: string; href?: string }[]> {
  const day = shanghaiDay(now);
  const since = shanghaiMoment(day, 0);
  const figures: { label: string; value: string; href?: string }[] = [];
  const { Ticket, Payment } = sequelize.models;
  if (decide(actor, 'Ticket.list').allowed) {
    figures.push({
      label: '今日新报事',
      value: String(await Ticket.count({ where: { reportedAt: { [Op.gte]: since } } })),
      href: listHref('Ticket', { 'reportedAt~~from': day }),
    });
    figures.push({
      label: '逾期未完成',
      value: String(await Ticket.count({ where: overdueTicketWhere(now) })),
      href: listHref('Ticket', { overdue: 'true' }),
    });
  }
  if (decide(actor, 'Payment.list').allowed) {
    const where = { status: 'valid', paidAt: { [Op.gte]: since }, kind: { [Op.ne]: 'deposit_refund' } };
    const [count, sum] = await Promise.all([Payment.count({ where }), Payment.sum('amount', { where })]);
    figures.push({
      label: '今日收款',
      value: `${count} 笔 · ${formatFen(Number(sum ?? 0))}`,
      href: listHref('Payment', { 'paidAt~~from': day }),
    });
  }
  return figures;
}
