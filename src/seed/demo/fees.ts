// Demo 收费管理: management-fee bills for the last months (area × 2.80 元/m²), paid service, parking, clubhouse and
// other bills; the two cashiers' receipts (all methods, sequential numbers per year, a few voided); parking rentals
// registered by the garage keeper; clubhouse charges. Many owners stay in arrears so dunning has targets.
// Each month's management and parking bills come from a recorded billing run (账单生成记录); next month's was run
// today ahead of time and has nothing paid on it, so it can still be undone; two mistaken runs were undone.
// seedCashReportsDemo runs last among the money steps and builds one 现金日报表 per cashier and day from every receipt.
import { Op, QueryTypes, type CreationAttributes } from 'sequelize';
import {
  Bill,
  BillingRun,
  CashReport,
  CashReportReview,
  ClubhouseCharge,
  Owner,
  ParkingRental,
  Payment,
  PaymentAllocation,
  Staff,
  Unit,
  sequelize,
  billStatusFor,
  billingKeyFor,
  billingRunTitle,
  managementFeeFen,
  type BillFeeKind,
  type CashReportStatus,
  type ParkingRentalStatus,
  type PaymentKind,
  type PaymentMethod,
  numberReceipts,
} from '../../models/index.js';
import {
  SERVICE_BILL_DUE_DAYS,
  managementBillRow,
  parkingBillRow,
  serviceBillDescription,
} from '../../domain/billing-run.js';
import { retotal } from '../../domain/payments.js';
import {
  addDays,
  addMonths,
  lastDayOfMonth,
  monthLabel,
  shanghaiDay,
  shanghaiMoment,
  shanghaiMonth,
} from '../../lib/shanghai.js';
import type { DemoContext } from './context.js';
import { CHUNK, bulkInsert, chunks } from './bulk.js';
import { seedParkingSpaces } from './parking.js';
import { mobile, personName, plateNumber, weighted } from './fake.js';

/** Billing months, the current one included. Modest on purpose: volume comes from units, not history. */
const MONTHS = 4;
/** Beyond the context's units (a sample at large scale) at most this many units are billed. */
const BILLED_UNIT_CAP = 30_000;
/** Days (today included) on which both cashiers take at least a few walk-in payments. */
const WALK_IN_DAYS = 6;

const METHOD_WEIGHTS: Array<[PaymentMethod, number]> = [
  ['wechat', 35],
  ['alipay', 20],
  ['cash', 20],
  ['card', 15],
  ['transfer', 10],
];
const VACANT_PAYER = '深圳市鹏城置业有限公司（空置房代缴）';

const SERVICES: Array<[string, number]> = [
  ['更换水龙头', 5000],
  ['疏通下水道', 8000],
  ['更换灯具', 6000],
  ['维修门锁', 12000],
  ['更换马桶配件', 9000],
  ['空调清洗', 15000],
  ['墙面修补', 20000],
  ['安装晾衣架', 18000],
  ['更换插座面板', 4000],
];
const CLUBHOUSE_BILLS: Array<[string, number]> = [
  ['会所年卡', 120000],
  ['会所游泳季卡', 60000],
  ['会所健身月卡', 20000],
];
const OTHER_BILLS: Array<[string, number]> = [
  ['装修垃圾清运费', 30000],
  ['二次供水加压费', 4500],
  ['门禁卡补办工本费', 2000],
];
const WALK_INS: Array<[PaymentKind, string, number]> = [
  ['other', '门禁卡工本费', 2000],
  ['other', '车辆出入卡工本费', 3000],
  ['other', '钥匙复制费', 1000],
  ['parking', '临时停车月票', 20000],
];
const CLUBHOUSE_PRICES: Array<[string, number]> = [
  ['游泳', 3000],
  ['健身', 2500],
  ['桌球', 4000],
  ['乒乓球', 2000],
  ['羽毛球', 6000],
  ['场地租用', 50000],
];
const VOID_REASONS = ['金额录入错误，作废重开', '交款人姓名写错，作废重开', '收款方式选错，作废重开', '重复开票，作废'];
/** A receipt of bills cannot have taken more than they owed: its wrong first copy had the method wrong. */
const BILL_VOID_REASON = '收款方式选错，作废重开';
const RENTAL_MIX: Array<[ParkingRentalStatus, number]> = [
  ['approved', 75],
  ['pending', 12],
  ['rejected', 13],
];
const REJECT_NOTES = [
  '该车位已租出，请另选车位',
  '车牌号与行驶证不符，请核实后重新登记',
  '业主物业费欠缴，缴清后再办理',
];

/** Rows are built valid; the model validators double-check them at ordinary sizes and are skipped for bulk volume. */
function validateRows(ctx: DemoContext): boolean {
  return ctx.scale <= 10;
}

// ---------------------------------------------------------------------------------------------------------------
// The plan, in memory

interface BilledUnit {
  id: number;
  label: string;
  area: number;
  ownerId: number | null;
  ownerName: string | null;
}

interface PlannedPayment {
  row: Omit<CreationAttributes<Payment>, 'receiptNumber' | 'receiptYear' | 'receiptSequence'>;
  /** The bills it settles and how much of it went to each (收据分摊); none for a receipt without a bill. */
  shares: Array<{ bill: PlannedBill; amount: number }>;
  order: number;
}

interface PlannedBill {
  row: CreationAttributes<Bill>;
  id?: number;
}

/** A billing run and the bills it made; an undone run's bills are gone (none planned). */
interface PlannedRun {
  period: string;
  staff: Staff;
  ranAt: Date;
  bills: PlannedBill[];
  counts?: { management: number; parking: number };
  undone?: { by: Staff; at: Date };
}

class FeesPlan {
  readonly bills: PlannedBill[] = [];
  readonly payments: PlannedPayment[] = [];
  readonly today: string;
  private methodTurn = 0;

  constructor(readonly ctx: DemoContext) {
    this.today = shanghaiDay(ctx.now);
  }

  get rng() {
    return this.ctx.rng;
  }

  cashierId(): number {
    return this.rng.chance(0.55) ? this.ctx.staff.cashier.id : this.ctx.staff.cashier2.id;
  }

  /** A moment during office hours of `day` that is not after "now". */
  moment(day: string): Date {
    const wanted = shanghaiMoment(day, this.rng.int(8, 17), this.rng.int(0, 59));
    if (wanted.getTime() <= this.ctx.now.getTime()) return wanted;
    const start = shanghaiMoment(day, 0, 0).getTime();
    return new Date(Math.max(start, this.ctx.now.getTime() - this.rng.int(1, 90) * 60_000));
  }

  /** A payment day `offset` days into `period`, or null when that day is still to come. */
  payDay(period: string, offset: number): string | null {
    const day = addDays(`${period}-01`, offset);
    return day <= this.today ? day : null;
  }

  addBill(row: CreationAttributes<Bill>): PlannedBill {
    const bill = { row: { ...row, paidAmount: 0, status: 'unpaid' as const } };
    this.bills.push(bill);
    return bill;
  }

  pay(
    bill: PlannedBill | null,
    amount: number,
    day: string,
    fields: {
      kind: PaymentKind;
      payerName: string;
      ownerId?: number | null;
      unitId?: number | null;
      method?: PaymentMethod;
      cashierId?: number;
    },
  ): PlannedPayment {
    const payment: PlannedPayment = {
      shares: bill ? [{ bill, amount }] : [],
      order: this.payments.length,
      row: {
        kind: fields.kind,
        method: fields.method ?? weighted(this.rng, METHOD_WEIGHTS),
        amount,
        status: 'valid',
        billId: null,
        ownerId: fields.ownerId ?? null,
        unitId: fields.unitId ?? null,
        payerName: fields.payerName,
        cashierId: fields.cashierId ?? this.cashierId(),
        paidAt: this.moment(day),
      },
    };
    if (bill) bill.row.paidAmount = (bill.row.paidAmount ?? 0) + amount;
    this.payments.push(payment);
    return payment;
  }

  /** Pays what is still owed on a bill, in one go or (now and then) in two instalments. */
  settle(bill: PlannedBill, day: string, payerName: string, kind: PaymentKind): void {
    const owed = bill.row.amount - (bill.row.paidAmount ?? 0);
    if (owed <= 0) return;
    const who = { kind, payerName, ownerId: bill.row.ownerId ?? null, unitId: bill.row.unitId };
    const later = addDays(day, this.rng.int(3, 12));
    if (owed >= 2000 && later <= this.today && this.rng.chance(0.08)) {
      const first = Math.round(owed / 2);
      this.pay(bill, first, day, who);
      this.pay(bill, owed - first, later, who);
    } else {
      this.pay(bill, owed, day, who);
    }
  }

  /** One receipt for what is still owed on several bills of one owner (an owner in arrears paying months at once). */
  settleTogether(bills: PlannedBill[], day: string, payerName: string): void {
    const owing = bills
      .map((bill) => ({ bill, amount: bill.row.amount - (bill.row.paidAmount ?? 0) }))
      .filter((share) => share.amount > 0);
    if (owing.length === 0) return;
    const [first] = owing;
    const payment = this.pay(
      first.bill,
      owing.reduce((sum, share) => sum + share.amount, 0),
      day,
      { kind: 'fee', payerName, ownerId: first.bill.row.ownerId ?? null, unitId: first.bill.row.unitId },
    );
    // pay() put the whole amount on the first bill: spread it over each, oldest period first.
    first.bill.row.paidAmount = (first.bill.row.paidAmount ?? 0) - payment.row.amount;
    payment.shares = owing;
    for (const share of owing) share.bill.row.paidAmount = (share.bill.row.paidAmount ?? 0) + share.amount;
  }

  /** The next method in turn, so the walk-ins of a small office still use every method. */
  nextMethod(): PaymentMethod {
    const methods: PaymentMethod[] = ['cash', 'card', 'wechat', 'alipay', 'transfer'];
    return methods[this.methodTurn++ % methods.length];
  }
}

// ---------------------------------------------------------------------------------------------------------------
// seedFeesDemo

async function billedUnits(ctx: DemoContext): Promise<BilledUnit[]> {
  const names = new Map(ctx.owners.map((o) => [o.id, o.name]));
  const units: Array<Pick<Unit, 'id' | 'label' | 'area' | 'ownerId'>> = [...ctx.units];
  if (ctx.scale > 1 && units.length > 0) {
    const want = Math.min(BILLED_UNIT_CAP, units.length * ctx.scale) - units.length;
    const lastId = Math.max(...units.map((u) => u.id));
    if (want > 0) {
      units.push(
        ...(await Unit.findAll({
          attributes: ['id', 'label', 'area', 'ownerId'],
          where: { id: { [Op.gt]: lastId } },
          order: [['id', 'ASC']],
          limit: want,
        })),
      );
    }
  }
  const missing = [...new Set(units.map((u) => u.ownerId).filter((id): id is number => id != null && !names.has(id)))];
  for (const ids of chunks(missing)) {
    for (const owner of await Owner.findAll({ attributes: ['id', 'name'], where: { id: ids } }))
      names.set(owner.id, owner.name);
  }
  return units.map((u) => ({
    id: u.id,
    label: u.label,
    area: Number(u.area),
    ownerId: u.ownerId ?? null,
    ownerName: u.ownerId ? (names.get(u.ownerId) ?? null) : null,
  }));
}

type Profile = 'prompt' | 'late' | 'chronic' | 'partial';
/** The first units get fixed profiles so even a tiny office has arrears, partial and paid bills. */
const FIXED_PROFILES: Profile[] = ['chronic', 'chronic', 'partial', 'partial', 'prompt', 'late', 'late'];
const PROFILE_WEIGHTS: Array<[Profile, number]> = [
  ['prompt', 60],
  ['late', 17],
  ['chronic', 13],
  ['partial', 10],
];

function managementBills(plan: FeesPlan, units: BilledUnit[], periods: string[]): void {
  const { rng } = plan;
  units.forEach((unit, index) => {
    const profile = FIXED_PROFILES[index] ?? weighted(rng, PROFILE_WEIGHTS);
    const payer = unit.ownerName ?? VACANT_PAYER;
    const amount = managementFeeFen(unit.area);
    // How many of the latest periods stay unpaid, by profile.
    const owing =
      profile === 'chronic'
        ? periods.length
        : profile === 'late'
          ? rng.int(2, Math.min(3, periods.length))
          : profile === 'partial'
            ? 2
            : 0;
    // A late payer settles the months they catch up on with one receipt, on the day they come in.
    const caughtUp: Array<{ bill: PlannedBill; day: string }> = [];
    periods.forEach((period, p) => {
      const bill = plan.addBill(managementBillRow(unit, period));
      const fromEnd = periods.length - p;
      if (fromEnd <= owing) {
        // The oldest owed month of a partial payer got half paid.
        if (profile === 'partial' && fromEnd === owing) {
          const day = plan.payDay(period, rng.int(5, 25));
          if (day)
            plan.pay(bill, Math.max(1, Math.round(amount / 2)), day, {
              kind: 'fee',
              payerName: payer,
              ownerId: unit.ownerId,
              unitId: unit.id,
            });
        }
        return;
      }
      const day = plan.payDay(period, profile === 'prompt' ? rng.int(0, 22) : rng.int(8, 45));
      if (day && profile === 'late') caughtUp.push({ bill, day });
      else if (day) plan.settle(bill, day, payer, 'fee');
    });
    if (caughtUp.length === 1) plan.settle(caughtUp[0].bill, caughtUp[0].day, payer, 'fee');
    else if (caughtUp.length > 1)
      plan.settleTogether(
        caughtUp.map((c) => c.bill),
        caughtUp[caughtUp.length - 1].day,
        payer,
      );
  });
}

function oneOffBills(
  plan: FeesPlan,
  units: BilledUnit[],
  periods: string[],
  kind: BillFeeKind,
  items: Array<[string, number]>,
  count: number,
  paidShare: number,
): void {
  const { rng } = plan;
  const owned = units.filter((u) => u.ownerId != null);
  if (owned.length === 0) return;
  for (let i = 0; i < count; i++) {
    const unit = rng.pick(owned);
    const period = rng.pick(periods);
    const [item, price] = rng.pick(items);
    const bill = plan.addBill({
      unitId: unit.id,
      ownerId: unit.ownerId,
      period,
      feeKind: kind,
      description: `${item}（${unit.label}，${monthLabel(period)}）`,
      amount: price,
      dueDate: lastDayOfMonth(period),
    });
    // The first two of each kind stay unpaid, the next two are paid; the rest by chance.
    const paid = i < 2 ? false : i < 4 ? true : rng.chance(paidShare);
    const day = paid ? plan.payDay(period, rng.int(0, 27)) : null;
    if (day) plan.settle(bill, day, unit.ownerName ?? VACANT_PAYER, kind === 'clubhouse' ? 'clubhouse' : 'fee');
  }
}

interface PaidService {
  id: number;
  number: string | null;
  feeAmount: number;
  completedAt: string | Date | null;
  unitId: number;
  ownerId: number | null;
}

/** Completed paid services (有偿服务) of the billed units that have no bill yet; none when the front desk made none. */
async function paidServicesWithoutBill(units: BilledUnit[]): Promise<PaidService[]> {
  const billed = new Set(units.map((u) => u.id));
  const limit = Math.max(1000, units.length);
  try {
    const rows = await sequelize.query<PaidService>(
      `SELECT w."id", w."number", w."feeAmount", w."completedAt", t."unitId", t."ownerId"
         FROM "WorkOrder" w JOIN "Ticket" t ON t."id" = w."ticketId"
        WHERE w."isPaidService" = :yes AND w."feeAmount" > 0 AND w."status" = 'done' AND t."unitId" IS NOT NULL
          AND NOT EXISTS (SELECT 1 FROM "Bill" b WHERE b."workOrderId" = w."id")
        ORDER BY w."id" LIMIT :limit`,
      { type: QueryTypes.SELECT, replacements: { yes: true, limit } },
    );
    return rows.filter((row) => billed.has(Number(row.unitId)));
  } catch {
    return [];
  }
}

function serviceBills(plan: FeesPlan, services: PaidService[], units: BilledUnit[]): void {
  const { rng } = plan;
  const names = new Map(units.map((u) => [u.id, u.ownerName]));
  services.forEach((service, i) => {
    const done = service.completedAt ? shanghaiDay(new Date(service.completedAt)) : plan.today;
    const period = done.slice(0, 7);
    const bill = plan.addBill({
      unitId: Number(service.unitId),
      ownerId: service.ownerId == null ? null : Number(service.ownerId),
      period,
      feeKind: 'service',
      description: serviceBillDescription(service.number ?? String(service.id)),
      amount: Number(service.feeAmount),
      dueDate: addDays(done, SERVICE_BILL_DUE_DAYS),
      workOrderId: Number(service.id),
      billingKey: billingKeyFor('service', Number(service.id), period),
    });
    if (i >= 2 && rng.chance(0.7)) {
      const day = addDays(done, rng.int(0, 6));
      if (day <= plan.today) plan.settle(bill, day, names.get(Number(service.unitId)) ?? '业主', 'fee');
    }
  });
}

/** A demo rental with its space's code, which its bills name. */
type DemoRental = ParkingRental & { spaceCode: string };

async function seedParkingRentals(plan: FeesPlan, units: BilledUnit[], periods: string[]): Promise<DemoRental[]> {
  const { ctx, rng, today } = plan;
  const owned = units.filter((u) => u.ownerId != null);
  const count = Math.max(8, Math.round(units.length * 0.06));
  const rows: CreationAttributes<ParkingRental>[] = [];
  for (let i = 0; i < count; i++) {
    // The first six give two of every state; the rest mostly approved.
    const status = i < 2 ? 'pending' : i < 4 ? 'rejected' : i < 6 ? 'approved' : weighted(rng, RENTAL_MIX);
    const unit = owned.length > 0 && rng.chance(0.85) ? rng.pick(owned) : null;
    const registeredDaysAgo =
      status === 'approved' ? rng.int(20, 330) : status === 'pending' ? rng.int(0, 4) : rng.int(5, 60);
    const registered = plan.moment(addDays(today, -registeredDaysAgo));
    const startDate = addDays(shanghaiDay(registered), rng.int(1, 7));
    const months = rng.pick([6, 12, 12, 12, 24]);
    const [y, m, d] = startDate.split('-').map(Number);
    const endDate = new Date(Date.UTC(y, m - 1 + months, d - 1)).toISOString().slice(0, 10);
    const reviewer = rng.chance(0.5) ? ctx.staff.cashier : ctx.staff.cashier2;
    const reviewedAt =
      status === 'pending'
        ? null
        : new Date(Math.min(registered.getTime() + rng.int(2, 30) * 3_600_000, ctx.now.getTime()));
    rows.push({
      registeredById: ctx.staff.garage.id,
      ownerId: unit?.ownerId ?? null,
      unitId: unit?.id ?? null,
      renterName: unit?.ownerName ?? personName(rng),
      renterPhone: mobile(rng),
      plateNumber: plateNumber(rng),
      spaceId: 0,
      startDate,
      endDate,
      monthlyRent: rng.pick([30000, 35000, 40000, 45000, 50000, 60000]),
      status,
      reviewedById: status === 'pending' ? null : reviewer.id,
      reviewedAt,
      reviewNote: status === 'rejected' ? rng.pick(REJECT_NOTES) : status === 'approved' ? '资料齐全，同意租赁' : null,
      createdAt: registered,
    });
  }
  // Each rental its own space of its room's community: no space is let twice.
  const spaces = await seedParkingSpaces(
    ctx,
    rows.map((row) => row.unitId ?? null),
  );
  rows.forEach((row, i) => (row.spaceId = spaces[i].id));
  const codes = new Map(spaces.map((space) => [space.id, space.code]));
  const rentals: DemoRental[] = [];
  await bulkInsert(ParkingRental, rows, {
    validate: validateRows(ctx),
    returning: true,
    each: (created) =>
      rentals.push(...created.map((rental) => Object.assign(rental, { spaceCode: codes.get(rental.spaceId) ?? '' }))),
  });

  // Approved rentals pay month by month: an owner's rent is billed to the unit, an outsider pays without a bill.
  const labels = new Map(units.map((u) => [u.id, u.label]));
  for (const rental of rentals) {
    if (rental.status !== 'approved') continue;
    const owes = rng.chance(0.2) ? rng.int(1, 2) : 0;
    periods.forEach((period, p) => {
      if (rental.startDate > lastDayOfMonth(period) || rental.endDate < `${period}-01`) return;
      const payDay = plan.payDay(period, rng.int(0, 15));
      const unpaid = periods.length - p <= owes;
      if (rental.unitId == null) {
        if (payDay && !unpaid)
          plan.pay(null, rental.monthlyRent, payDay, { kind: 'parking', payerName: rental.renterName });
        return;
      }
      const bill = plan.addBill(parkingBillRow(rental, labels.get(rental.unitId) ?? '', period));
      if (payDay && !unpaid) plan.settle(bill, payDay, rental.renterName, 'parking');
    });
  }
  return rentals;
}

/** What a billing run of `period` makes for these units and rentals (owned units only, as the real run). */
function runBills(
  plan: FeesPlan,
  units: BilledUnit[],
  rentals: DemoRental[],
  period: string,
): CreationAttributes<Bill>[] {
  const labels = new Map(units.map((u) => [u.id, u.label]));
  const management = units
    .filter((unit) => unit.ownerId != null && managementFeeFen(unit.area) > 0)
    .map((unit) => managementBillRow(unit, period));
  const parking = rentals
    .filter(
      (r) =>
        r.status === 'approved' &&
        r.unitId != null &&
        r.startDate <= lastDayOfMonth(period) &&
        r.endDate >= `${period}-01`,
    )
    .map((rental) => parkingBillRow(rental, labels.get(rental.unitId as number) ?? '', period));
  return [...management, ...parking];
}

/**
 * The billing runs behind the month bills: one per month on its first morning, the cashiers taking turns; next
 * month's, run today ahead of time with nothing paid yet (the cashier may undo it); and two mistaken runs that
 * were undone minutes later — one a month too far ahead, one of last month redone.
 */
function billingRuns(plan: FeesPlan, units: BilledUnit[], rentals: DemoRental[], periods: string[]): PlannedRun[] {
  const { ctx, rng } = plan;
  const { cashier, cashier2 } = ctx.staff;
  const monthly = new Map<string, PlannedRun>();
  periods.forEach((period, i) => {
    monthly.set(period, {
      period,
      staff: i % 2 === 0 ? cashier : cashier2,
      ranAt: clampNow(shanghaiMoment(`${period}-01`, 9, rng.int(0, 59)), ctx.now),
      bills: [],
    });
  });
  for (const bill of plan.bills) {
    if ((bill.row.feeKind === 'management' || bill.row.feeKind === 'parking') && bill.row.billingKey)
      monthly.get(bill.row.period)?.bills.push(bill);
  }
  const startOfToday = shanghaiMoment(plan.today, 0, 0).getTime();
  const earlierToday = (minutes: number) => new Date(Math.max(startOfToday, ctx.now.getTime() - minutes * 60_000));
  const next = addMonths(shanghaiMonth(ctx.now), 1);
  const ahead: PlannedRun = {
    period: next,
    staff: cashier2,
    ranAt: earlierToday(rng.int(20, 40)),
    bills: runBills(plan, units, rentals, next).map((row) => plan.addBill(row)),
  };

  const countsOf = (rows: CreationAttributes<Bill>[]) => ({
    management: rows.filter((r) => r.feeKind === 'management').length,
    parking: rows.filter((r) => r.feeKind === 'parking').length,
  });
  const tooFarAt = earlierToday(rng.int(60, 90));
  const tooFar: PlannedRun = {
    period: addMonths(next, 1),
    staff: cashier2,
    ranAt: tooFarAt,
    bills: [],
    counts: countsOf(runBills(plan, units, rentals, addMonths(next, 1))),
    undone: { by: cashier2, at: new Date(Math.min(tooFarAt.getTime() + 4 * 60_000, ctx.now.getTime())) },
  };
  const redone = periods.length >= 2 ? monthly.get(periods[periods.length - 2])! : null;
  const firstTry: PlannedRun[] = redone
    ? [
        {
          period: redone.period,
          staff: redone.staff,
          ranAt: new Date(redone.ranAt.getTime() - 30 * 60_000),
          bills: [],
          counts: countsOf(redone.bills.map((b) => b.row)),
          undone: { by: redone.staff, at: new Date(redone.ranAt.getTime() - 10 * 60_000) },
        },
      ]
    : [];
  return [...firstTry, ...monthly.values(), tooFar, ahead].sort((a, b) => a.ranAt.getTime() - b.ranAt.getTime());
}

/** Writes the runs in time order, and points each planned bill at its run. */
async function writeBillingRuns(ctx: DemoContext, runs: PlannedRun[]): Promise<void> {
  const rows: CreationAttributes<BillingRun>[] = runs.map((run) => {
    const counts = run.counts ?? {
      management: run.bills.filter((b) => b.row.feeKind === 'management').length,
      parking: run.bills.filter((b) => b.row.feeKind === 'parking').length,
    };
    return {
      title: billingRunTitle(run.period, run.ranAt, run.staff.name),
      period: run.period,
      staffId: run.staff.id,
      ranAt: run.ranAt,
      managementCount: counts.management,
      parkingCount: counts.parking,
      skippedCount: 0,
      status: run.undone ? 'undone' : 'done',
      undoneById: run.undone?.by.id ?? null,
      undoneAt: run.undone?.at ?? null,
      createdAt: run.ranAt,
      updatedAt: run.undone?.at ?? run.ranAt,
    };
  });
  const created = await sequelize.transaction((transaction) =>
    BillingRun.bulkCreate(rows, { transaction, validate: validateRows(ctx), returning: true }),
  );
  created.forEach((row, i) => runs[i].bills.forEach((bill) => (bill.row.billingRunId = row.id)));
}

function walkIns(plan: FeesPlan): void {
  const { ctx, rng, today } = plan;
  for (let d = WALK_IN_DAYS - 1; d >= 0; d--) {
    const day = addDays(today, -d);
    for (const cashier of [ctx.staff.cashier, ctx.staff.cashier2]) {
      for (let k = rng.int(1, 3); k > 0; k--) {
        const [kind, , amount] = rng.pick(WALK_INS);
        plan.pay(null, amount, day, {
          kind,
          payerName: personName(rng),
          method: plan.nextMethod(),
          cashierId: cashier.id,
        });
      }
    }
  }
}

/** Clubhouse lines of the last weeks: today's and yesterday's wait for 校核, older ones were verified and paid in. */
async function seedClubhouseCharges(plan: FeesPlan, units: BilledUnit[]): Promise<void> {
  const { ctx, rng, today } = plan;
  const owned = units.filter((u) => u.ownerId != null);
  const count = Math.max(8, Math.round(units.length * 0.1));
  const rows: CreationAttributes<ClubhouseCharge>[] = [];
  for (let i = 0; i < count; i++) {
    const daysBack = i < 2 ? 0 : i < 4 ? rng.int(2, 20) : rng.int(0, 20);
    const chargeDate = addDays(today, -daysBack);
    const [item, unitPrice] = rng.pick(CLUBHOUSE_PRICES);
    const quantity = item === '场地租用' ? 1 : rng.int(1, 4);
    const owner = owned.length > 0 && rng.chance(0.7) ? rng.pick(owned) : null;
    const verified = daysBack >= 2;
    const verifier = rng.chance(0.5) ? ctx.staff.cashier : ctx.staff.cashier2;
    const verifiedAt = verified ? plan.moment(addDays(chargeDate, 1)) : null;
    const customerName = owner?.ownerName ?? personName(rng);
    rows.push({
      item,
      customerName,
      ownerId: owner?.ownerId ?? null,
      chargeDate,
      quantity,
      unitPrice,
      amount: quantity * unitPrice,
      status: verified ? 'verified' : 'pending',
      recordedById: ctx.staff.reception.id,
      verifiedById: verified ? verifier.id : null,
      verifiedAt,
      note: item === '场地租用' ? rng.pick(['业主生日聚会', '业委会会议', '亲子活动']) : null,
      createdAt: plan.moment(chargeDate),
    });
    if (verified && verifiedAt) {
      plan.pay(null, quantity * unitPrice, shanghaiDay(verifiedAt), {
        kind: 'clubhouse',
        payerName: customerName,
        ownerId: owner?.ownerId ?? null,
        method: rng.pick(['cash', 'wechat', 'alipay'] as PaymentMethod[]),
        cashierId: verifier.id,
      });
    }
  }
  await bulkInsert(ClubhouseCharge, rows, { validate: validateRows(ctx) });
}

/** A few recent receipts were first written wrongly: the wrong one is voided by its cashier, then reissued. */
function voidedReceipts(plan: FeesPlan): void {
  const { rng, today } = plan;
  const recent = plan.payments.filter((p) => shanghaiDay(p.row.paidAt as Date) >= addDays(today, -3));
  const count = Math.min(recent.length, Math.max(2, Math.min(200, Math.round(plan.payments.length * 0.003))));
  const chosen = new Set<PlannedPayment>();
  // Each cashier has one in today's open report, so both can see a voided receipt where they can still void.
  for (const cashierId of [plan.ctx.staff.cashier.id, plan.ctx.staff.cashier2.id]) {
    const todays = recent.find((p) => p.row.cashierId === cashierId && shanghaiDay(p.row.paidAt as Date) === today);
    if (todays) chosen.add(todays);
  }
  while (chosen.size < count) chosen.add(rng.pick(recent));
  let i = 0;
  for (const good of chosen) {
    const paidAt = good.row.paidAt as Date;
    const wrongAt = new Date(
      Math.max(shanghaiMoment(shanghaiDay(paidAt), 0, 0).getTime(), paidAt.getTime() - 3 * 60_000),
    );
    // Settled the same bills as the good receipt (they owed that much then); voided, it counts nothing on them.
    const ofBills = good.shares.length > 0;
    const methods: PaymentMethod[] = ['cash', 'card', 'wechat', 'alipay', 'transfer'];
    plan.payments.push({
      shares: good.shares,
      // Numbered just before the receipt that replaced it.
      order: good.order - 0.5,
      row: {
        ...good.row,
        amount: ofBills ? good.row.amount : good.row.amount * 10,
        method: ofBills ? methods[(methods.indexOf(good.row.method) + 1) % methods.length] : good.row.method,
        paidAt: wrongAt,
        status: 'voided',
        voidedAt: new Date(Math.min(wrongAt.getTime() + 60_000, paidAt.getTime())),
        voidedById: good.row.cashierId,
        voidReason: ofBills ? BILL_VOID_REASON : VOID_REASONS[i++ % VOID_REASONS.length],
      },
    });
  }
}

export async function seedFeesDemo(ctx: DemoContext): Promise<void> {
  const plan = new FeesPlan(ctx);
  const periods = Array.from({ length: MONTHS }, (_, i) => addMonths(shanghaiMonth(ctx.now), -(MONTHS - 1 - i)));
  const units = await billedUnits(ctx);
  ctx.progress(`收费：${units.length} 套房屋、${periods.length} 个月的账单`);

  const rentals = await seedParkingRentals(plan, units, periods);
  managementBills(plan, units, periods);
  serviceBills(plan, await paidServicesWithoutBill(units), units);
  oneOffBills(plan, units, periods, 'service', SERVICES, Math.max(4, Math.round(units.length * 0.05)), 0.7);
  oneOffBills(plan, units, periods, 'clubhouse', CLUBHOUSE_BILLS, Math.max(4, Math.round(units.length * 0.02)), 0.6);
  oneOffBills(plan, units, periods, 'other', OTHER_BILLS, Math.max(4, Math.round(units.length * 0.02)), 0.6);
  await seedClubhouseCharges(plan, units);
  walkIns(plan);
  voidedReceipts(plan);
  const runs = billingRuns(plan, units, rentals, periods);

  for (const bill of plan.bills) bill.row.status = billStatusFor(bill.row.amount, bill.row.paidAmount ?? 0);
  await writeBillingRuns(ctx, runs);
  await bulkInsert(
    Bill,
    plan.bills.map((b) => b.row),
    {
      validate: validateRows(ctx),
      returning: true,
      each: (created, start) => {
        created.forEach((row, i) => (plan.bills[start + i].id = row.id));
        const written = start + created.length;
        if (written % 20_000 < CHUNK) ctx.progress(`收费：已写入账单 ${written} / ${plan.bills.length}`);
      },
    },
  );
  await writePayments(plan);
}

/**
 * Numbers every receipt in time order, sequential per Shanghai year after what the database already holds, and writes
 * its allocations (收据分摊): how much of it went to each bill. A receipt of one bill names it in billId too.
 */
async function writePayments(plan: FeesPlan): Promise<void> {
  const ordered = [...plan.payments].sort(
    (a, b) => (a.row.paidAt as Date).getTime() - (b.row.paidAt as Date).getTime() || a.order - b.order,
  );
  const rows: CreationAttributes<Payment>[] = await numberReceipts(
    ordered.map((payment) => ({
      ...payment.row,
      billId: payment.shares.length === 1 ? (payment.shares[0].bill.id ?? null) : null,
      paidAt: payment.row.paidAt as Date,
      createdAt: payment.row.paidAt,
    })),
  );
  const allocations: CreationAttributes<PaymentAllocation>[] = [];
  await bulkInsert(Payment, rows, {
    validate: validateRows(plan.ctx),
    returning: true,
    each: (created, start) => {
      created.forEach((receipt, i) => {
        for (const share of ordered[start + i].shares)
          allocations.push({
            paymentId: receipt.id,
            billId: share.bill.id!,
            amount: share.amount,
            createdAt: receipt.paidAt,
            updatedAt: receipt.paidAt,
          });
      });
      const written = start + created.length;
      if (written % 20_000 < CHUNK) plan.ctx.progress(`收费：已写入收据 ${written} / ${rows.length}`);
    },
  });
  await bulkInsert(PaymentAllocation, allocations, { validate: validateRows(plan.ctx) });
}

// ---------------------------------------------------------------------------------------------------------------
// seedCashReportsDemo

interface DayGroup {
  cashierId: number;
  day: string;
  paymentIds: number[];
}

/**
 * One 现金日报表 per (cashier, Shanghai day) over every receipt not yet in a report — fees, deposits and refunds
 * alike — with totals equal to its receipts. Today's reports are open; the two days before, submitted; the next
 * two older ones sent back by the other cashier with a difference (已退回, 有差异: one 短款, one 长款) for their
 * cashier to correct; older ones reconciled by the other cashier, each with its 核对无误 check, and the newest of them
 * after a difference found and corrected. A report that already exists for that cashier and day takes the new
 * receipts and has its totals recomputed.
 */
export async function seedCashReportsDemo(ctx: DemoContext): Promise<void> {
  const today = shanghaiDay(ctx.now);
  const groups = new Map<string, DayGroup>();
  let lastId = 0;
  for (;;) {
    const page = await Payment.findAll({
      attributes: ['id', 'cashierId', 'paidAt'],
      where: { cashReportId: null, id: { [Op.gt]: lastId } },
      order: [['id', 'ASC']],
      limit: 5000,
    });
    if (page.length === 0) break;
    for (const payment of page) {
      const day = shanghaiDay(new Date(payment.paidAt));
      const key = `${payment.cashierId}|${day}`;
      let group = groups.get(key);
      if (!group) groups.set(key, (group = { cashierId: payment.cashierId, day, paymentIds: [] }));
      group.paymentIds.push(payment.id);
    }
    lastId = page[page.length - 1].id;
  }
  if (groups.size === 0) return;

  const cashierIds = [...new Set([...groups.values()].map((g) => g.cashierId))];
  const names = new Map(
    (await Staff.findAll({ attributes: ['id', 'name'], where: { id: cashierIds } })).map((s) => [s.id, s.name]),
  );
  const existing = new Map(
    (
      await CashReport.findAll({
        where: { cashierId: cashierIds, reportDate: [...new Set([...groups.values()].map((g) => g.day))] },
      })
    ).map((r) => [`${r.cashierId}|${r.reportDate}`, r]),
  );

  const statuses = reportStatuses(
    [...groups.values()].filter((g) => !existing.has(`${g.cashierId}|${g.day}`)),
    today,
  );
  const { cashier, cashier2 } = ctx.staff;
  const otherCashier = (cashierId: number) => (cashierId === cashier.id ? cashier2.id : cashier.id);
  const rows: CreationAttributes<CashReport>[] = [];
  const fresh: DayGroup[] = [];
  for (const group of groups.values()) {
    const key = `${group.cashierId}|${group.day}`;
    if (existing.has(key)) continue;
    const status = statuses.get(group)!;
    const submittedAt =
      status === 'open' ? null : clampNow(shanghaiMoment(group.day, 17, ctx.rng.int(30, 59)), ctx.now);
    const reconciledAt =
      status === 'reconciled' && submittedAt
        ? new Date(
            Math.max(
              submittedAt.getTime(),
              clampNow(shanghaiMoment(addDays(group.day, 1), 9, ctx.rng.int(30, 59)), ctx.now).getTime(),
            ),
          )
        : null;
    rows.push({
      title: `${group.day} ${names.get(group.cashierId) ?? ''} 现金日报`.replace('  ', ' '),
      cashierId: group.cashierId,
      reportDate: group.day,
      status,
      submittedAt,
      reconciledById: status === 'reconciled' ? otherCashier(group.cashierId) : null,
      reconciledAt,
      note: status === 'reconciled' ? '收据与款项核对无误' : null,
      createdAt: shanghaiMoment(group.day, 8, 0),
    });
    fresh.push(group);
  }

  const reports = new Map<DayGroup, CashReport>();
  await bulkInsert(CashReport, rows, {
    validate: validateRows(ctx),
    returning: true,
    each: (created, start) => created.forEach((row, i) => reports.set(fresh[start + i], row)),
  });
  for (const group of groups.values()) {
    const report = existing.get(`${group.cashierId}|${group.day}`);
    if (report) reports.set(group, report);
  }

  let linked = 0;
  for (const [group, report] of reports) {
    await sequelize.transaction(async (transaction) => {
      for (const ids of chunks(group.paymentIds)) {
        await Payment.update(
          { cashReportId: report.id },
          { where: { id: ids }, transaction, hooks: false, validate: false },
        );
      }
      await retotal(report, transaction);
    });
    linked += group.paymentIds.length;
  }
  const reviews = await seedCashReportReviews(
    fresh.map((group) => reports.get(group)!),
    otherCashier,
    ctx.now,
  );
  ctx.progress(`现金日报表：${reports.size} 张，涵盖收据 ${linked} 张；核对记录 ${reviews} 条`);
}

/** What a reviewer found on the demo's days sent back, and on the one corrected before it was reconciled. */
const DEMO_DIFFERENCES: { differenceAmount: number; note: string }[] = [
  {
    differenceAmount: -5_000,
    note: '现金短款 50 元：钱箱比日报表少 50 元，请核查当天现金收据是否有金额录错的，作废重开。',
  },
  { differenceAmount: 2_000, note: '现金长款 20 元：有一笔现金收款未开收据，请补开收据后重新提交。' },
  { differenceAmount: 0, note: '合计相符，但一张微信收款开成了现金收据，请作废后按微信重开。' },
];

/**
 * The checks of the demo's reports: 有差异 on each day sent back (by the other cashier, the morning after it was
 * submitted), 核对无误 on each reconciled day; the newest reconciled day was first sent back, corrected and submitted
 * again before it was reconciled. Returns how many checks were written.
 */
async function seedCashReportReviews(
  reports: CashReport[],
  otherCashier: (cashierId: number) => number,
  now: Date,
): Promise<number> {
  const rows: CreationAttributes<CashReportReview>[] = [];
  const returned = reports.filter((r) => r.status === 'returned');
  returned.forEach((report, i) => {
    const { differenceAmount, note } = DEMO_DIFFERENCES[i % 2];
    const reviewedAt = clampNow(shanghaiMoment(addDays(report.reportDate, 1), 9, 10 + i), now);
    rows.push({
      cashReportId: report.id,
      reviewerId: otherCashier(report.cashierId),
      outcome: 'different',
      differenceAmount,
      note,
      reviewedAt,
    });
  });
  const reconciled = reports
    .filter((r) => r.status === 'reconciled' && r.reconciledById && r.reconciledAt)
    .sort((a, b) => (a.reportDate < b.reportDate ? 1 : a.reportDate > b.reportDate ? -1 : a.id - b.id));
  reconciled.forEach((report, i) => {
    const opened = shanghaiMoment(report.reportDate, 8, 0).getTime();
    if (i === 0 && report.submittedAt && report.submittedAt.getTime() > opened) {
      // Sent back between the day's first submission and the last one: an hour before it was submitted again.
      const reviewedAt = new Date(Math.max(opened, report.submittedAt.getTime() - 3_600_000));
      rows.push({
        cashReportId: report.id,
        reviewerId: report.reconciledById!,
        outcome: 'different',
        ...DEMO_DIFFERENCES[2],
        reviewedAt,
      });
    }
    rows.push({
      cashReportId: report.id,
      reviewerId: report.reconciledById!,
      outcome: 'matched',
      differenceAmount: 0,
      note: null,
      reviewedAt: report.reconciledAt!,
    });
  });
  await bulkInsert(CashReportReview, rows, { validate: true });
  return rows.length;
}

function clampNow(moment: Date, now: Date): Date {
  return moment.getTime() <= now.getTime() ? moment : now;
}

/**
 * Today's reports open; the two days before submitted; the next two sent back (returned); older ones reconciled — at
 * least two of each when possible.
 */
function reportStatuses(groups: DayGroup[], today: string): Map<DayGroup, CashReportStatus> {
  const result = new Map<DayGroup, CashReportStatus>();
  const older = groups
    .filter((g) => g.day < today)
    .sort((a, b) => (a.day < b.day ? 1 : a.day > b.day ? -1 : a.cashierId - b.cashierId));
  for (const g of groups) if (g.day >= today) result.set(g, 'open');
  const recentLimit = addDays(today, -2);
  let submitted = older.filter((g) => g.day >= recentLimit).length;
  submitted = Math.max(submitted, Math.min(2, older.length));
  submitted = Math.min(submitted, Math.max(Math.min(2, older.length), older.length - 2));
  const returned = Math.min(2, Math.max(0, older.length - submitted - 2));
  older.forEach((g, i) =>
    result.set(g, i < submitted ? 'submitted' : i < submitted + returned ? 'returned' : 'reconciled'),
  );
  return result;
}
