// 我的工作台: for the signed-in person, the queues they can act on — counted only where the authority core
// allows them the queue's action on such a record.
import { Op, type WhereOptions } from 'sequelize';
import type { CurrentAdmin } from 'adminjs';
import { sequelize } from '../db.js';
import { decide } from '../rules/decide.js';
import type { Actor } from '../rules/actor.js';
import { actorOf } from './access.js';
import { overdueTicketWhere } from '../models/ticket.js';
import { shanghaiDay, shanghaiMoment } from '../domain/shanghai.js';
import { formatFen } from '../domain/money.js';
import { firstDirectorAppointment, passwordSetByOthers } from '../domain/accounts.js';

interface Queue {
  label: string;
  resource: string;
  action: string;
  where: (actor: Actor, now: Date) => WhereOptions;
  /** Facts of a typical record of the queue, for the decision. */
  sample: (actor: Actor) => Record<string, unknown>;
  filter: Record<string, string>;
}

const QUEUES: Queue[] = [
  { label: '待派工的报事', resource: 'Ticket', action: 'Ticket.dispatch', where: () => ({ status: 'reported' }), sample: () => ({ status: 'reported' }), filter: { status: 'reported' } },
  { label: '本部门待处理的派工', resource: 'Ticket', action: 'Ticket.complete', where: (a) => ({ status: 'dispatched', departmentId: a.departmentId ?? -1 }), sample: (a) => ({ status: 'dispatched', departmentId: a.departmentId }), filter: { status: 'dispatched' } },
  { label: '待回访', resource: 'Ticket', action: 'Ticket.returnVisit', where: () => ({ status: 'completed' }), sample: () => ({ status: 'completed' }), filter: { status: 'completed' } },
  { label: '待主管审核', resource: 'Ticket', action: 'Ticket.supervisorApprove', where: (a) => ({ status: 'visited', departmentId: { [Op.in]: a.supervisesDepartmentIds } }), sample: (a) => ({ status: 'visited', departmentId: a.supervisesDepartmentIds[0] }), filter: { status: 'visited' } },
  { label: '待归档', resource: 'Ticket', action: 'Ticket.archive', where: () => ({ status: 'approved' }), sample: () => ({ status: 'approved' }), filter: { status: 'approved' } },
  { label: '逾期未完成的报事', resource: 'Ticket', action: 'Ticket.list', where: (_a, now) => overdueTicketWhere(now), sample: () => ({}), filter: { overdue: 'true' } },
  { label: '待工程审核的装修申请', resource: 'RenovationApplication', action: 'RenovationApplication.review', where: () => ({ status: 'submitted' }), sample: () => ({ status: 'submitted' }), filter: { status: 'submitted' } },
  { label: '待核批的装修申请', resource: 'RenovationApplication', action: 'RenovationApplication.approve', where: () => ({ status: 'reviewed' }), sample: () => ({ status: 'reviewed' }), filter: { status: 'reviewed' } },
  { label: '待验收的装修', resource: 'RenovationApplication', action: 'RenovationApplication.inspect', where: () => ({ status: 'approved' }), sample: () => ({ status: 'approved' }), filter: { status: 'approved' } },
  { label: '可退还的装修押金', resource: 'RenovationDeposit', action: 'RenovationDeposit.refund', where: () => ({ status: 'held', inspectionResult: 'passed' }), sample: () => ({ status: 'held', inspectionResult: 'passed' }), filter: { status: 'held', inspectionResult: 'passed' } },
  { label: '待决定的催缴计划', resource: 'DunningPlan', action: 'DunningPlan.start', where: () => ({ status: 'draft' }), sample: () => ({ status: 'draft' }), filter: { status: 'draft' } },
  { label: '待核对的现金日报', resource: 'CashReport', action: 'CashReport.reconcile', where: (a) => ({ status: 'submitted', cashierId: { [Op.ne]: a.id } }), sample: () => ({ status: 'submitted', cashierId: Number.MAX_SAFE_INTEGER }), filter: { status: 'submitted' } },
  { label: '待审核的车位租赁', resource: 'ParkingRental', action: 'ParkingRental.review', where: () => ({ status: 'pending' }), sample: () => ({ status: 'pending' }), filter: { status: 'pending' } },
  { label: '待校核的会所收费', resource: 'ClubhouseCharge', action: 'ClubhouseCharge.verify', where: () => ({ status: 'pending' }), sample: () => ({ status: 'pending' }), filter: { status: 'pending' } },
  { label: '待核定岗位的员工', resource: 'Staff', action: 'Staff.assignPosition', where: () => ({ proposedPositionId: { [Op.ne]: null } }), sample: () => ({ proposedPositionId: 1 }), filter: { pendingPosition: 'true' } },
  { label: '已锁定的账号', resource: 'Staff', action: 'Staff.unlock', where: () => ({ lockedAt: { [Op.ne]: null }, enabled: true }), sample: () => ({ status: 'locked' }), filter: { locked: 'true' } },
];

function listHref(resource: string, filter: Record<string, string>): string {
  const query = new URLSearchParams(Object.entries(filter).map(([k, v]) => [`filters.${k}`, v]));
  return `/admin/resources/${resource}?${query.toString()}`;
}

export async function dashboardData(currentAdmin: CurrentAdmin | undefined, now = new Date()) {
  const actor = actorOf(currentAdmin);
  if (!actor) return { greeting: '请先登录', position: '', tiles: [], figures: [], today: '', notices: [] as string[] };
  const tiles = [];
  for (const queue of QUEUES) {
    const model = sequelize.models[queue.resource];
    if (!model || !decide(actor, queue.action, queue.sample(actor)).allowed) continue;
    tiles.push({ label: queue.label, count: await model.count({ where: queue.where(actor, now) }), href: listHref(queue.resource, queue.filter) });
  }
  const today = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'full' }).format(now);
  return { greeting: `您好，${actor.name}`, position: actor.positionName ?? '', tiles, figures: await officeFigures(actor, now), today, notices: await notices(actor) };
}

const moment = (at: Date) => new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'short' }).format(at);

/** What the person should know about their own account: a password someone else set, an appointment by IT. */
async function notices(actor: Actor): Promise<string[]> {
  const found: string[] = [];
  const reset = await passwordSetByOthers(actor.id);
  if (reset) found.push(`您的登录密码已由${reset.by}于 ${moment(reset.at)} 修改。如非本人要求，请立即联系管理处主任并核查操作日志。`);
  const appointed = await firstDirectorAppointment(actor.id);
  if (appointed) found.push(`您的管理处主任岗位由系统管理员于 ${moment(appointed.at)} 任命（当时系统中没有在岗的管理处主任）：${appointed.note}。如非本人所知，请立即核查员工岗位与操作日志。`);
  return found;
}

/** Today's office figures, each shown only to someone who may read what it counts. */
async function officeFigures(actor: Actor, now: Date): Promise<{ label: string; value: string; href?: string }[]> {
  const day = shanghaiDay(now);
  const since = shanghaiMoment(day, 0);
  const figures: { label: string; value: string; href?: string }[] = [];
  const { Ticket, Payment } = sequelize.models;
  if (decide(actor, 'Ticket.list').allowed) {
    figures.push({ label: '今日新报事', value: String(await Ticket.count({ where: { reportedAt: { [Op.gte]: since } } })), href: listHref('Ticket', { 'reportedAt~~from': day }) });
    figures.push({ label: '逾期未完成', value: String(await Ticket.count({ where: overdueTicketWhere(now) })), href: listHref('Ticket', { overdue: 'true' }) });
  }
  if (decide(actor, 'Payment.list').allowed) {
    const where = { status: 'valid', paidAt: { [Op.gte]: since }, kind: { [Op.ne]: 'deposit_refund' } };
    const [count, sum] = await Promise.all([Payment.count({ where }), Payment.sum('amount', { where })]);
    figures.push({ label: '今日收款', value: `${count} 笔 · ${formatFen(Number(sum ?? 0))}`, href: listHref('Payment', { 'paidAt~~from': day }) });
  }
  return figures;
}
