// 业主 / 房屋 360°: everything the front desk asks about an owner or a room on one page — rooms, bills with the arrears,
// receipts (through their allocations too), tickets, return visits, parking, renovations and deposits, dunning, and
// correspondence. Each section only for someone who may read its list (Resource.list, as the lists decide), each row a
// link only where they may open that record (Resource.show on the row). A handful of queries per page, never per row.
import { Op, type WhereOptions } from 'sequelize';
import {
  Bill,
  Correspondence,
  DunningPlan,
  DunningRecord,
  DunningTarget,
  Owner,
  ParkingRental,
  ParkingSpace,
  Payment,
  PaymentAllocation,
  RenovationApplication,
  RenovationDeposit,
  ReturnVisit,
  Ticket,
  Unit,
} from '../models/index.js';
import { NotFound } from '../errors.js';
import { formatFen } from '../lib/money.js';
import { monthLabel, shanghaiDay } from '../lib/shanghai.js';
import type { Actor } from '../rules/actor.js';
import { authorize } from './authorize.js';
import { ADMIN, groupBy, readerOf, type Reader } from './file-reader.js';
import type { Arrears, FileAction, FileRow, FileSection, PropertyFile, RoomFile } from './owner-file-shape.js';
import { isRecordId } from './input.js';
import { dunningZh } from '../vocabulary/dunning.js';
import { feesZh } from '../vocabulary/fees.js';
import { frontDeskZh } from '../vocabulary/front-desk.js';
import { propertyZh } from '../vocabulary/property.js';
import { renovationZh } from '../vocabulary/renovation.js';

/** Rows shown per section; the rest are one click away in the filtered list. */
export const FILE_ROWS = 5;
/** Open bills are all shown (what is owed is what the desk is asked), up to this many. */
const OPEN_BILL_ROWS = 24;

const WORDS = { ...propertyZh, ...frontDeskZh, ...feesZh, ...renovationZh, ...dunningZh } as Record<
  string,
  { properties?: Record<string, string> }
>;

/** A stored code in the office's words (账单 status paid → 已缴清). */
function word(resource: string, field: string, code: unknown): string {
  if (code === null || code === undefined || code === '') return '—';
  return WORDS[resource]?.properties?.[`${field}.${String(code)}`] ?? '（其他）';
}

/** 1,146.32 元 */
export const yuan = (fen: number) => `${formatFen(fen).replace('¥', '')} 元`;

const DAY = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
});
const MOMENT = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hour12: false,
});

/** A stored day ('2026-11-03') or moment as staff in Shanghai read it: 2026年11月3日 (14:05). */
function when(value: unknown, withTime = false): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const [y, m, d] = value.split('-').map(Number);
    return `${y}年${m}月${d}日`;
  }
  const at = value instanceof Date ? value : new Date(String(value));
  if (Number.isNaN(at.getTime())) return '—';
  return (withTime ? MOMENT : DAY).format(at);
}

const listHref = (resource: string, filters: Record<string, string | number>) =>
  `${ADMIN}/${resource}?${new URLSearchParams(Object.entries(filters).map(([k, v]) => [`filters.${k}`, String(v)]))}`;

function section(
  key: string,
  title: string,
  columns: string[],
  rows: FileRow[],
  total: number,
  moreHref: string | null,
  empty: string,
  summary?: string,
): FileSection {
  return { key, title, columns, rows, total, moreHref: total > rows.length ? moreHref : null, summary, empty };
}

function arrearsOf(bills: Bill[], today: string): Arrears {
  let amount = 0;
  let owing = 0;
  const periods = new Set<string>();
  for (const bill of bills) {
    if (bill.status === 'paid') continue;
    const due = bill.amount - bill.paidAmount;
    owing += due;
    if (String(bill.dueDate) < today && due > 0) {
      amount += due;
      periods.add(bill.period);
    }
  }
  const text =
    owing === 0
      ? '无欠费'
      : amount > 0
        ? `逾期欠费 ${yuan(amount)}（${periods.size} 个月），未缴合计 ${yuan(owing)}`
        : `未缴合计 ${yuan(owing)}（均未到缴费期限）`;
  return { amount, months: periods.size, owing, text };
}

/** What one query per section reads for a set of rooms (and, on an owner's page, only that owner's bills). */
interface RoomData {
  bills: Map<number, Bill[]>;
  receipts: Map<number, Payment[]>;
  tickets: Map<number, Ticket[]>;
  visits: Map<number, (ReturnVisit & { unitId: number; ticketNumber: string })[]>;
  rentals: Map<number, ParkingRental[]>;
  spaces: Map<number, string>;
  applications: Map<number, RenovationApplication[]>;
  deposits: Map<number, RenovationDeposit[]>;
  targets: Map<number, DunningTarget[]>;
  records: Map<number, DunningRecord[]>;
  plans: Map<number, DunningPlan>;
}

async function readRooms(reader: Reader, unitIds: number[], ownerId: number | null): Promise<RoomData> {
  const data: RoomData = {
    bills: new Map(),
    receipts: new Map(),
    tickets: new Map(),
    visits: new Map(),
    rentals: new Map(),
    spaces: new Map(),
    applications: new Map(),
    deposits: new Map(),
    targets: new Map(),
    records: new Map(),
    plans: new Map(),
  };
  if (unitIds.length === 0) return data;
  const unitId = { [Op.in]: unitIds };
  const jobs: Promise<void>[] = [];
  if (reader.mayList('Bill')) {
    const where: WhereOptions = ownerId === null ? { unitId } : { unitId, ownerId };
    jobs.push(
      Bill.findAll({
        where,
        order: [
          ['period', 'DESC'],
          ['id', 'DESC'],
        ],
      }).then((bills) => {
        data.bills = groupBy(bills, (b) => b.unitId);
      }),
    );
  }
  if (reader.mayList('Payment')) {
    jobs.push(
      (async () => {
        // A receipt belongs to a room when it names it or settles one of its bills (收据分摊).
        const allocated = (await PaymentAllocation.findAll({
          attributes: ['paymentId'],
          include: [{ model: Bill, as: 'bill', attributes: ['unitId'], where: { unitId } }],
        })) as (PaymentAllocation & { bill: Bill })[];
        const payments = await Payment.findAll({
          where: {
            [Op.or]: [{ unitId }, { id: { [Op.in]: [...new Set(allocated.map((a) => a.paymentId))] } }],
            ...(ownerId === null ? {} : { ownerId }),
          },
          order: [
            ['paidAt', 'DESC'],
            ['id', 'DESC'],
          ],
        });
        const roomsOf = new Map<number, Set<number>>();
        for (const a of allocated) roomsOf.set(a.paymentId, (roomsOf.get(a.paymentId) ?? new Set()).add(a.bill.unitId));
        for (const payment of payments) {
          const rooms = roomsOf.get(payment.id) ?? new Set<number>();
          if (payment.unitId && unitIds.includes(payment.unitId)) rooms.add(payment.unitId);
          for (const room of rooms) data.receipts.set(room, [...(data.receipts.get(room) ?? []), payment]);
        }
      })(),
    );
  }
  if (reader.mayList('Ticket')) {
    jobs.push(
      Ticket.findAll({
        where: { unitId },
        order: [
          ['reportedAt', 'DESC'],
          ['id', 'DESC'],
        ],
      }).then((tickets) => {
        data.tickets = groupBy(tickets, (t) => t.unitId);
      }),
    );
  }
  if (reader.mayList('ReturnVisit')) {
    jobs.push(
      ReturnVisit.findAll({
        include: [{ model: Ticket, as: 'ticket', attributes: ['id', 'unitId', 'number'], where: { unitId } }],
        order: [
          ['visitedAt', 'DESC'],
          ['id', 'DESC'],
        ],
      }).then((visits) => {
        const shaped = visits.map((visit) => {
          const ticket = (visit as ReturnVisit & { ticket: Ticket }).ticket;
          return Object.assign(visit, { unitId: ticket.unitId!, ticketNumber: ticket.number });
        });
        data.visits = groupBy(shaped, (v) => v.unitId);
      }),
    );
  }
  if (reader.mayList('ParkingRental')) {
    jobs.push(
      ParkingRental.findAll({
        where: { unitId },
        order: [
          ['startDate', 'DESC'],
          ['id', 'DESC'],
        ],
      }).then(async (rentals) => {
        data.rentals = groupBy(rentals, (r) => r.unitId);
        const spaces = await ParkingSpace.findAll({
          attributes: ['id', 'code'],
          where: { id: [...new Set(rentals.map((r) => r.spaceId))] },
        });
        data.spaces = new Map(spaces.map((s) => [s.id, s.code]));
      }),
    );
  }
  if (reader.mayList('RenovationApplication')) {
    jobs.push(
      RenovationApplication.findAll({
        where: { unitId },
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
      }).then((applications) => {
        data.applications = groupBy(applications, (a) => a.unitId);
      }),
    );
  }
  if (reader.mayList('RenovationDeposit')) {
    jobs.push(
      RenovationDeposit.findAll({
        where: { unitId },
        order: [
          ['createdAt', 'DESC'],
          ['id', 'DESC'],
        ],
      }).then((deposits) => {
        data.deposits = groupBy(deposits, (d) => d.unitId);
      }),
    );
  }
  const dunningTargets = reader.mayList('DunningTarget');
  const dunningRecords = reader.mayList('DunningRecord');
  if (dunningTargets || dunningRecords) {
    jobs.push(
      (async () => {
        const targets = await DunningTarget.findAll({ where: { unitId }, order: [['id', 'DESC']] });
        const plans = await DunningPlan.findAll({ where: { id: [...new Set(targets.map((t) => t.planId))] } });
        data.plans = new Map(plans.map((p) => [p.id, p]));
        if (dunningTargets) data.targets = groupBy(targets, (t) => t.unitId);
        if (dunningRecords) {
          const roomOf = new Map(targets.map((t) => [t.id, t.unitId]));
          const records = await DunningRecord.findAll({
            where: { targetId: { [Op.in]: targets.map((t) => t.id) } },
            order: [
              ['contactedAt', 'DESC'],
              ['id', 'DESC'],
            ],
          });
          data.records = groupBy(records, (r) => (r.targetId ? roomOf.get(r.targetId) : null));
        }
      })(),
    );
  }
  await Promise.all(jobs);
  return data;
}

function roomSections(reader: Reader, data: RoomData, unit: Unit, ownerId: number | null, today: string) {
  const sections: FileSection[] = [];
  if (reader.mayList('Bill')) {
    const bills = data.bills.get(unit.id) ?? [];
    const open = bills.filter((b) => b.status !== 'paid').reverse();
    const recent = bills.filter((b) => b.status === 'paid').slice(0, 3);
    const rows = [...open.slice(0, OPEN_BILL_ROWS), ...recent].map((b) => ({
      id: b.id,
      href: reader.href('Bill', b),
      cells: [
        monthLabel(b.period),
        b.description,
        yuan(b.amount),
        yuan(b.paidAmount),
        word('Bill', 'status', b.status),
        when(b.dueDate),
      ],
      tone: b.status !== 'paid' && String(b.dueDate) < today ? ('warning' as const) : undefined,
    }));
    sections.push(
      section(
        'bills',
        '账单',
        ['账期', '账单说明', '应收金额', '已收金额', '状态', '缴费期限'],
        rows,
        bills.length,
        listHref('Bill', { unitId: unit.id }),
        '没有账单',
        arrearsOf(bills, today).text,
      ),
    );
  }
  if (reader.mayList('Payment')) {
    const receipts = data.receipts.get(unit.id) ?? [];
    sections.push(
      section(
        'receipts',
        '收款收据',
        ['收据号', '收款时间', '交款人', '收款类别', '收款方式', '金额', '状态'],
        receipts.slice(0, FILE_ROWS).map((p) => ({
          id: p.id,
          href: reader.href('Payment', p),
          cells: [
            p.receiptNumber,
            when(p.paidAt, true),
            p.payerName,
            word('Payment', 'kind', p.kind),
            word('Payment', 'method', p.method),
            yuan(p.amount),
            word('Payment', 'status', p.status),
          ],
          tone: p.status === 'voided' ? ('muted' as const) : undefined,
        })),
        receipts.length,
        listHref('Payment', { unitId: unit.id }),
        '没有收款记录',
      ),
    );
  }
  if (reader.mayList('Ticket')) {
    const tickets = data.tickets.get(unit.id) ?? [];
    const open = tickets.filter((t) => !['archived', 'cancelled'].includes(t.status)).length;
    sections.push(
      section(
        'tickets',
        '报事',
        ['报事单号', '报事时间', '类别', '报事内容', '报事人', '状态'],
        tickets.slice(0, FILE_ROWS).map((t) => ({
          id: t.id,
          href: reader.href('Ticket', t),
          cells: [
            t.number,
            when(t.reportedAt, true),
            word('Ticket', 'category', t.category),
            t.title,
            t.reporterName,
            word('Ticket', 'status', t.status),
          ],
          tone: t.status === 'cancelled' ? ('muted' as const) : undefined,
        })),
        tickets.length,
        listHref('Ticket', { unitId: unit.id }),
        '没有报事',
        tickets.length ? `共 ${tickets.length} 单，未归档 ${open} 单` : undefined,
      ),
    );
  }
  if (reader.mayList('ReturnVisit')) {
    const visits = data.visits.get(unit.id) ?? [];
    sections.push(
      section(
        'returnVisits',
        '回访',
        ['报事单号', '回访时间', '回访方式', '满意度', '业主意见'],
        visits.slice(0, FILE_ROWS).map((v) => ({
          id: v.id,
          href: reader.href('ReturnVisit', v),
          cells: [
            v.ticketNumber + (v.isSpotCheck ? '（抽查）' : ''),
            when(v.visitedAt, true),
            word('ReturnVisit', 'method', v.method),
            `${v.satisfaction} 分`,
            v.feedback ?? '—',
          ],
        })),
        visits.length,
        null,
        '没有回访',
      ),
    );
  }
  if (reader.mayList('ParkingRental')) {
    const rentals = data.rentals.get(unit.id) ?? [];
    sections.push(
      section(
        'parking',
        '车位租赁',
        ['车位', '车牌号', '租用人', '起止日期', '月租金', '状态'],
        rentals.slice(0, FILE_ROWS).map((r) => ({
          id: r.id,
          href: reader.href('ParkingRental', r),
          cells: [
            data.spaces.get(r.spaceId) ?? '—',
            r.plateNumber,
            r.renterName,
            `${when(r.startDate)} 至 ${when(r.endDate)}`,
            yuan(r.monthlyRent),
            word('ParkingRental', 'status', r.status),
          ],
        })),
        rentals.length,
        ownerId !== null ? listHref('ParkingRental', { ownerId }) : null,
        '没有车位租赁',
      ),
    );
  }
  if (reader.mayList('RenovationApplication')) {
    const applications = data.applications.get(unit.id) ?? [];
    sections.push(
      section(
        'renovations',
        '装修申请',
        ['申请编号', '装修内容', '施工单位', '工期', '状态', '验收结果'],
        applications.slice(0, FILE_ROWS).map((a) => ({
          id: a.id,
          href: reader.href('RenovationApplication', a),
          cells: [
            a.number,
            a.scope,
            a.contractor,
            `${when(a.startDate)} 至 ${when(a.endDate)}`,
            word('RenovationApplication', 'status', a.status),
            a.inspectionResult ? word('RenovationApplication', 'inspectionResult', a.inspectionResult) : '—',
          ],
        })),
        applications.length,
        listHref('RenovationApplication', { unitId: unit.id }),
        '没有装修申请',
      ),
    );
  }
  if (reader.mayList('RenovationDeposit')) {
    const deposits = data.deposits.get(unit.id) ?? [];
    sections.push(
      section(
        'deposits',
        '装修押金',
        ['押金编号', '押金金额', '已退金额', '扣除金额', '状态'],
        deposits.slice(0, FILE_ROWS).map((d) => ({
          id: d.id,
          href: reader.href('RenovationDeposit', d),
          cells: [
            d.number,
            yuan(d.amount),
            yuan(d.refundedAmount),
            yuan(d.deduction),
            word('RenovationDeposit', 'status', d.status),
          ],
        })),
        deposits.length,
        listHref('RenovationDeposit', { unitId: unit.id }),
        '没有装修押金',
      ),
    );
  }
  if (reader.mayList('DunningTarget')) {
    const targets = data.targets.get(unit.id) ?? [];
    sections.push(
      section(
        'dunningTargets',
        '催缴计划',
        ['催缴计划', '计划状态', '列入时欠费', '欠费月数'],
        targets.slice(0, FILE_ROWS).map((t) => {
          const plan = data.plans.get(t.planId);
          return {
            id: t.id,
            href: reader.href('DunningTarget', t),
            cells: [
              plan?.title ?? '—',
              word('DunningPlan', 'status', plan?.status),
              yuan(t.arrearsAmount),
              `${t.monthsInArrears} 个月`,
            ],
          };
        }),
        targets.length,
        ownerId !== null ? listHref('DunningTarget', { ownerId }) : null,
        '没有列入催缴计划',
      ),
    );
  }
  if (reader.mayList('DunningRecord')) {
    const records = data.records.get(unit.id) ?? [];
    sections.push(
      section(
        'dunningRecords',
        '催缴联系',
        ['联系时间', '联系方式', '结果', '承诺缴费日', '说明'],
        records.slice(0, FILE_ROWS).map((r) => ({
          id: r.id,
          href: reader.href('DunningRecord', r),
          cells: [
            when(r.contactedAt, true),
            word('DunningRecord', 'method', r.method),
            word('DunningRecord', 'result', r.result),
            when(r.promisedDate),
            r.note ?? '—',
          ],
        })),
        records.length,
        ownerId !== null ? listHref('DunningRecord', { ownerId }) : null,
        '没有催缴联系记录',
      ),
    );
  }
  return sections;
}

/** The ways in from a room: 收款, 报事登记, 装修申请, 催缴记录 — each only for whoever the rules let take it. */
function roomActions(
  reader: Reader,
  data: RoomData,
  unit: Unit,
  ownerId: number | null,
  arrears: Arrears | null,
): FileAction[] {
  const actions: FileAction[] = [];
  const query = new URLSearchParams({ unitId: String(unit.id), ...(ownerId ? { ownerId: String(ownerId) } : {}) });
  if (ownerId && (arrears === null || arrears.owing > 0) && reader.may('Unit.collect', unit))
    actions.push({ label: '收款', href: `${ADMIN}/Unit/records/${unit.id}/collect` });
  if (reader.may('Ticket.new')) actions.push({ label: '报事登记', href: `${ADMIN}/Ticket/actions/new?${query}` });
  if (ownerId && reader.may('RenovationApplication.new'))
    actions.push({ label: '装修申请', href: `${ADMIN}/RenovationApplication/actions/new?${query}` });
  // A contact about arrears is recorded against the room's place in a plan being carried out.
  const target = (data.targets.get(unit.id) ?? []).find((t) => data.plans.get(t.planId)?.status === 'started');
  if (target && reader.may('DunningRecord.new')) {
    const dunning = new URLSearchParams({
      planId: String(target.planId),
      targetId: String(target.id),
      ownerId: String(target.ownerId),
    });
    actions.push({ label: '催缴记录', href: `${ADMIN}/DunningRecord/actions/new?${dunning}` });
  }
  return actions;
}

async function correspondenceSection(reader: Reader, ownerId: number): Promise<FileSection | null> {
  if (!reader.mayList('Correspondence')) return null;
  const rows = await Correspondence.findAll({
    where: { ownerId },
    order: [
      ['occurredOn', 'DESC'],
      ['id', 'DESC'],
    ],
  });
  return section(
    'correspondence',
    '函件与电话',
    ['日期', '类别', '往来', '对方', '事由'],
    rows.slice(0, FILE_ROWS).map((c) => ({
      id: c.id,
      href: reader.href('Correspondence', c),
      cells: [
        when(c.occurredOn),
        word('Correspondence', 'kind', c.kind),
        word('Correspondence', 'direction', c.direction),
        c.party,
        c.subject,
      ],
    })),
    rows.length,
    listHref('Correspondence', { ownerId }),
    '没有函件或电话记录',
  );
}

async function roomFiles(reader: Reader, units: Unit[], owners: Map<number, Owner>, ownerId: number | null) {
  const today = shanghaiDay(new Date());
  const data = await readRooms(
    reader,
    units.map((u) => u.id),
    ownerId,
  );
  return units.map((unit): RoomFile => {
    const owner = unit.ownerId ? owners.get(unit.ownerId) : undefined;
    const arrears = reader.mayList('Bill') ? arrearsOf(data.bills.get(unit.id) ?? [], today) : null;
    return {
      id: unit.id,
      label: unit.label,
      href: reader.href('Unit', unit),
      area: `${unit.area} 平方米`,
      owner: owner ? { id: owner.id, name: owner.name, href: reader.href('Owner', owner) } : null,
      arrears,
      sections: roomSections(reader, data, unit, ownerId ?? unit.ownerId ?? null, today),
      actions: roomActions(reader, data, unit, unit.ownerId ?? null, arrears),
    };
  });
}

function totalArrears(rooms: RoomFile[]): Arrears | null {
  if (rooms.some((room) => room.arrears === null)) return null;
  const amount = rooms.reduce((sum, r) => sum + r.arrears!.amount, 0);
  const owing = rooms.reduce((sum, r) => sum + r.arrears!.owing, 0);
  const months = Math.max(0, ...rooms.map((r) => r.arrears!.months));
  const text =
    owing === 0
      ? '无欠费'
      : amount > 0
        ? `逾期欠费 ${yuan(amount)}（最多 ${months} 个月），未缴合计 ${yuan(owing)}`
        : `未缴合计 ${yuan(owing)}（均未到缴费期限）`;
  return { amount, months, owing, text };
}

const recordId = (id: unknown): number => {
  if (!isRecordId(id)) throw new NotFound('没有这条记录');
  return Number(id);
};

/** The owner's page: their rooms, each with its file, and what is the owner's own (dunning contacts, correspondence). */
export async function ownerFile(actor: Actor | null, id: unknown): Promise<PropertyFile> {
  const owner = await Owner.findByPk(recordId(id));
  if (!owner) throw new NotFound('业主不存在');
  const reader = readerOf(authorize(actor, 'Owner.show', owner));
  let rooms: RoomFile[] | null = null;
  if (reader.mayList('Unit')) {
    const units = await Unit.findAll({ where: { ownerId: owner.id }, order: [['label', 'ASC']] });
    rooms = await roomFiles(reader, units, new Map([[owner.id, owner]]), owner.id);
  }
  const correspondence = await correspondenceSection(reader, owner.id);
  const actions: FileAction[] = [];
  if (reader.may('Ticket.new'))
    actions.push({ label: '报事登记', href: `${ADMIN}/Ticket/actions/new?ownerId=${owner.id}` });
  if (reader.may('Correspondence.new'))
    actions.push({ label: '登记函件/电话', href: `${ADMIN}/Correspondence/actions/new?ownerId=${owner.id}` });
  return {
    kind: 'owner',
    id: owner.id,
    title: owner.name,
    arrears: rooms && reader.mayList('Bill') ? totalArrears(rooms) : null,
    rooms,
    sections: correspondence ? [correspondence] : [],
    actions,
  };
}

/** The room's page: its file, its owner, and the owner's correspondence. */
export async function unitFile(actor: Actor | null, id: unknown): Promise<PropertyFile> {
  const unit = await Unit.findByPk(recordId(id));
  if (!unit) throw new NotFound('房屋不存在');
  const reader = readerOf(authorize(actor, 'Unit.show', unit));
  const owner = unit.ownerId && reader.mayList('Owner') ? await Owner.findByPk(unit.ownerId) : null;
  const [room] = await roomFiles(reader, [unit], new Map(owner ? [[owner.id, owner]] : []), null);
  const correspondence = owner ? await correspondenceSection(reader, owner.id) : null;
  return {
    kind: 'unit',
    id: unit.id,
    title: unit.label,
    arrears: room.arrears,
    rooms: [room],
    sections: correspondence ? [correspondence] : [],
    actions: [],
  };
}
