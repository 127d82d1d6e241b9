// Demo 装修: applications in every state, deposits collected for the approved ones (each with its receipt),
// then held, refunded (in full or less a deduction, each with one refund receipt) or forfeited.
import type { Transaction } from 'sequelize';
import { shanghaiDay, shanghaiYear } from '../../lib/shanghai.js';
import {
  Payment,
  RenovationApplication,
  RenovationDeposit,
  depositNumberFor,
  formatRenovationNumber,
  nextRenovationSequence,
  sequelize,
  type InspectionResult,
  type PaymentMethod,
  type RenovationStatus,
  type Staff,
  type Unit,
  numberReceipts,
} from '../../models/index.js';
import type { DemoContext } from './context.js';
import { bulkInsert, chunks } from './bulk.js';
import { contractorName, daysAgo, landline, mobile, type Rng } from './fake.js';

const DAY = 86_400_000;

type DepositOutcome = 'held' | 'refunded' | 'deducted' | 'forfeited';

/** One slice of the demo: where the application stands and what became of its deposit. */
interface Bucket {
  status: RenovationStatus;
  inspection?: InspectionResult;
  /** Absent: no deposit collected (yet). */
  deposit?: DepositOutcome;
  /** Submitted this many days ago, at most / at least. */
  fromDays: number;
  toDays: number;
}

const BUCKETS: Bucket[] = [
  { status: 'submitted', fromDays: 1, toDays: 4 },
  { status: 'reviewed', fromDays: 3, toDays: 9 },
  { status: 'rejected', fromDays: 10, toDays: 60 },
  // Approved, waiting for the cashier to collect the deposit.
  { status: 'approved', fromDays: 5, toDays: 10 },
  // Approved, deposit held, works under way: not inspected yet.
  { status: 'approved', deposit: 'held', fromDays: 12, toDays: 70 },
  { status: 'inspected', inspection: 'passed', deposit: 'held', fromDays: 110, toDays: 200 },
  { status: 'inspected', inspection: 'passed', deposit: 'refunded', fromDays: 110, toDays: 360 },
  { status: 'inspected', inspection: 'passed', deposit: 'deducted', fromDays: 110, toDays: 360 },
  { status: 'inspected', inspection: 'failed', deposit: 'held', fromDays: 110, toDays: 200 },
  { status: 'inspected', inspection: 'failed', deposit: 'forfeited', fromDays: 110, toDays: 360 },
];

const SCOPES: Array<{ text: string; deposit: number }> = [
  { text: '厨房、卫生间翻新：更换墙地砖，重做防水，更换洁具与橱柜', deposit: 300_000 },
  { text: '全屋水电改造，客厅吊顶及墙面乳胶漆翻新', deposit: 300_000 },
  { text: '客厅、卧室铺设木地板，更换室内门', deposit: 200_000 },
  { text: '整屋精装修：水电、泥瓦、木工、油漆及卫浴安装', deposit: 500_000 },
  { text: '阳台安装不锈钢防盗网（按小区统一样式），更换阳台推拉门', deposit: 200_000 },
  { text: '儿童房改造：拆除非承重轻质隔墙，新做衣柜与书桌', deposit: 300_000 },
  { text: '更换入户门及全屋窗户（保持外立面颜色不变）', deposit: 200_000 },
  { text: '卫生间改造：干湿分离，新增淋浴房，重做闭水试验', deposit: 300_000 },
];

const REVIEW_OK = [
  '方案不涉及承重结构，同意施工；空调外机按统一位置安装。',
  '水电改造须按图施工，隐蔽工程完工后报工程部检查。',
  '同意施工；卫生间防水完工后须做 48 小时闭水试验。',
  '施工时间限工作日 8:00—12:00、14:00—18:00，建筑垃圾袋装后运至指定地点。',
];
const REVIEW_BAD = [
  '方案拟拆除卧室与客厅间承重墙，不同意。',
  '阳台外扩将改变建筑外立面，不同意。',
  '拟将卫生间移至卧室上方，存在渗漏隐患，不同意。',
];
const DECISION_OK = ['同意装修，缴纳装修押金后办理施工证。', '按工程部意见施工，核批同意。'];
const DECISION_BAD = [
  '涉及拆改承重结构，违反《住宅室内装饰装修管理办法》，不予核批。',
  '改变外立面，不予核批，请修改方案后重新申请。',
  '施工单位资质证明不全，不予核批，补齐后重新申请。',
];
const INSPECTION_OK = ['水电隐蔽工程、防水试验合格，公共部位无损坏。', '验收合格，施工垃圾已清运。'];
const INSPECTION_BAD = [
  '擅自封闭阳台、改变外立面，限期整改未果。',
  '卫生间防水不合格，导致楼下天花渗水。',
  '私自改动燃气管道，存在安全隐患。',
];
const DEDUCTIONS: Array<{ fen: number; note: string }> = [
  { fen: 30_000, note: '施工期间电梯轿厢划伤，扣维修费 300.00 元。' },
  { fen: 50_000, note: '楼道墙面污损，扣清洁及修补费 500.00 元。' },
  { fen: 80_000, note: '单元门禁损坏，扣维修费 800.00 元。' },
];
const DEPOSIT_METHODS: PaymentMethod[] = ['cash', 'card', 'wechat', 'alipay', 'transfer'];

/** A moment `days` after `base`, at `hour` o'clock in Asia/Shanghai. */
function after(base: Date, days: number, hour: number): Date {
  return daysAgo(base, -days, hour);
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

interface Draft {
  bucket: Bucket;
  unit: Unit;
  ownerId: number;
  ownerName: string;
  application: Record<string, unknown> & { createdAt: Date };
  applicationId?: number;
  amount?: number;
  deduction?: number;
  deductionNote?: string;
  collectedAt?: Date;
  settledAt?: Date;
  settledBy?: Staff;
  receiptPaymentId?: number;
  refundPaymentId?: number;
}

export async function seedRenovationDemo(ctx: DemoContext): Promise<void> {
  const { rng, now, staff } = ctx;
  const ownerName = new Map(ctx.owners.map((o) => [o.id, o.name]));
  const units = shuffled(
    rng,
    ctx.units.filter((u) => u.ownerId != null && ownerName.has(u.ownerId)),
  );
  if (units.length === 0) {
    ctx.progress('装修：没有带业主的房屋，跳过');
    return;
  }
  const registrars = [staff.reception, staff.coordinator, staff.assistant];
  const perBucket = () => 2 * ctx.scale + rng.int(0, 1);

  // 1. Every application's story, in memory.
  const drafts: Draft[] = [];
  let unitIndex = 0;
  for (const bucket of BUCKETS) {
    const count = perBucket();
    for (let i = 0; i < count; i++) {
      const unit = units[unitIndex++ % units.length];
      drafts.push(story(rng, now, bucket, unit, ownerName.get(unit.ownerId!)!, rng.pick(registrars), staff));
    }
  }
  drafts.sort((a, b) => a.application.createdAt.getTime() - b.application.createdAt.getTime());

  await sequelize.transaction(async (transaction) => {
    // 2. Applications, numbered per year of submission after whatever is already there.
    const nextNumber = new Map<number, number>();
    for (const draft of drafts) {
      const year = shanghaiYear(draft.application.createdAt);
      const sequence = nextNumber.get(year) ?? (await nextRenovationSequence(year, transaction));
      nextNumber.set(year, sequence + 1);
      draft.application.number = formatRenovationNumber(year, sequence);
    }
    await bulkInsert(RenovationApplication, drafts.map((d) => d.application) as never[], {
      transaction,
      validate: true,
      each: (created, start) => created.forEach((row, j) => (drafts[start + j].applicationId = row.id)),
    });
    ctx.progress(`装修：${drafts.length} 份装修申请`);

    // 3. Receipts: one per collection and one per refund, numbered in time order after the year's last receipt.
    const withDeposit = drafts.filter((d) => d.bucket.deposit);
    type Receipt = { draft: Draft; role: 'receipt' | 'refund'; row: Record<string, unknown> & { paidAt: Date } };
    const receipts: Receipt[] = [];
    for (const draft of withDeposit) {
      receipts.push({
        draft,
        role: 'receipt',
        row: paymentRow(draft, 'deposit', draft.amount!, rng.pick(DEPOSIT_METHODS), staff.cashier, draft.collectedAt!),
      });
      const refunded = draft.amount! - (draft.deduction ?? 0);
      if (draft.bucket.deposit === 'refunded' || draft.bucket.deposit === 'deducted') {
        receipts.push({
          draft,
          role: 'refund',
          row: paymentRow(
            draft,
            'deposit_refund',
            refunded,
            rng.pick(['cash', 'transfer'] as const),
            draft.settledBy!,
            draft.settledAt!,
          ),
        });
      }
    }
    receipts.sort((a, b) => a.row.paidAt.getTime() - b.row.paidAt.getTime());
    await numberReceipts(
      receipts.map((r) => r.row),
      transaction,
    );
    await bulkInsert(Payment, receipts.map((r) => r.row) as never[], {
      transaction,
      validate: true,
      each: (created, start) =>
        created.forEach((row, j) => {
          const receipt = receipts[start + j];
          if (receipt.role === 'receipt') receipt.draft.receiptPaymentId = row.id;
          else receipt.draft.refundPaymentId = row.id;
        }),
    });

    // 4. Deposits in their final state, pointing at their receipts; then the receipts point back.
    const depositIdOfPayment = new Map<number, number>();
    await bulkInsert(RenovationDeposit, withDeposit.map((d) => depositRow(d)) as never[], {
      transaction,
      validate: true,
      each: (created, start) =>
        created.forEach((row, j) => {
          const draft = withDeposit[start + j];
          depositIdOfPayment.set(draft.receiptPaymentId!, row.id);
          if (draft.refundPaymentId) depositIdOfPayment.set(draft.refundPaymentId, row.id);
        }),
    });
    await linkPaymentsToDeposits(depositIdOfPayment, transaction);
    ctx.progress(`装修：${withDeposit.length} 笔装修押金，${receipts.length} 张押金收据/退款收据`);
  });
}

/** The dates, people and words of one application, according to its bucket. */
function story(
  rng: Rng,
  now: Date,
  bucket: Bucket,
  unit: Unit,
  ownerName: string,
  registrar: Staff,
  staff: DemoContext['staff'],
): Draft {
  const scope = rng.pick(SCOPES);
  const submittedAt = after(now, -rng.int(bucket.fromDays, bucket.toDays), rng.int(9, 16));
  const application: Draft['application'] = {
    unitId: unit.id,
    ownerId: unit.ownerId!,
    contractor: contractorName(rng),
    contractorPhone: rng.chance(0.7) ? mobile(rng) : landline(rng),
    scope: scope.text,
    status: bucket.status,
    registeredById: registrar.id,
    createdAt: submittedAt,
    updatedAt: submittedAt,
  };
  const draft: Draft = { bucket, unit, ownerId: unit.ownerId!, ownerName, application };
  let plannedStart = after(submittedAt, rng.int(7, 20), 8);

  if (bucket.status !== 'submitted') {
    const reviewedAt = after(submittedAt, rng.int(1, 2), rng.int(9, 17));
    Object.assign(application, {
      reviewOpinion: rng.pick(bucket.status === 'rejected' ? REVIEW_BAD : REVIEW_OK),
      reviewedById: staff.engineer.id,
      reviewedAt,
      updatedAt: reviewedAt,
    });
    if (bucket.status !== 'reviewed') {
      const decidedAt = after(reviewedAt, rng.int(1, 2), rng.int(9, 17));
      Object.assign(application, {
        decidedById: staff.assistant.id,
        decidedAt,
        decisionNote: rng.pick(bucket.status === 'rejected' ? DECISION_BAD : DECISION_OK),
        updatedAt: decidedAt,
      });
      if (bucket.deposit) {
        draft.collectedAt = after(decidedAt, rng.int(0, 2), rng.int(9, 17));
        draft.amount = scope.deposit;
        plannedStart = after(draft.collectedAt, rng.int(2, 7), 8);
      }
    }
  }
  const startDate = plannedStart;
  const endDate = new Date(startDate.getTime() + rng.int(20, 60) * DAY);
  application.startDate = shanghaiDay(startDate);
  application.endDate = shanghaiDay(endDate);

  if (bucket.status === 'inspected') {
    const inspectedAt = after(endDate, rng.int(1, 5), rng.int(9, 16));
    const passed = bucket.inspection === 'passed';
    Object.assign(application, {
      inspectionResult: bucket.inspection,
      inspectedById: staff.engineer.id,
      inspectedAt,
      inspectionNote: rng.pick(passed ? INSPECTION_OK : INSPECTION_BAD),
      updatedAt: inspectedAt,
    });
    if (bucket.deposit && bucket.deposit !== 'held') {
      draft.settledAt = after(inspectedAt, rng.int(1, 10), rng.int(9, 16));
      draft.settledBy = rng.pick([staff.cashier, staff.cashier2]);
    }
    if (bucket.deposit === 'deducted') {
      const deduction = rng.pick(DEDUCTIONS);
      draft.deduction = deduction.fen;
      draft.deductionNote = deduction.note;
    }
  }
  return draft;
}

function paymentRow(
  draft: Draft,
  kind: 'deposit' | 'deposit_refund',
  amount: number,
  method: PaymentMethod,
  cashier: Staff,
  paidAt: Date,
) {
  return {
    kind,
    method,
    amount,
    status: 'valid',
    billId: null,
    depositId: null,
    ownerId: draft.ownerId,
    unitId: draft.unit.id,
    payerName: draft.ownerName,
    cashierId: cashier.id,
    // The fees step's cash reports are built afterwards from every receipt.
    cashReportId: null,
    paidAt,
    createdAt: paidAt,
    updatedAt: paidAt,
  };
}

function depositRow(draft: Draft) {
  const { bucket } = draft;
  const outcome = bucket.deposit!;
  const refunded = outcome === 'refunded' || outcome === 'deducted';
  return {
    number: depositNumberFor(String(draft.application.number)),
    applicationId: draft.applicationId!,
    unitId: draft.unit.id,
    ownerId: draft.ownerId,
    amount: draft.amount!,
    status: refunded ? 'refunded' : outcome,
    inspectionResult: bucket.inspection ?? null,
    receiptPaymentId: draft.receiptPaymentId!,
    refundedAmount: refunded ? draft.amount! - (draft.deduction ?? 0) : 0,
    deduction: refunded ? (draft.deduction ?? 0) : 0,
    refundPaymentId: draft.refundPaymentId ?? null,
    refundedAt: refunded ? draft.settledAt! : null,
    refundedById: refunded ? draft.settledBy!.id : null,
    forfeitedAt: outcome === 'forfeited' ? draft.settledAt! : null,
    forfeitedById: outcome === 'forfeited' ? draft.settledBy!.id : null,
    note:
      outcome === 'deducted'
        ? draft.deductionNote!
        : outcome === 'forfeited'
          ? '验收不合格且逾期未整改，按装修管理协议没收押金。'
          : null,
    createdAt: draft.collectedAt!,
    updatedAt: draft.settledAt ?? draft.collectedAt!,
  };
}

/** Payment.depositId for many receipts at once: one UPDATE … CASE per chunk. */
async function linkPaymentsToDeposits(depositIdOfPayment: Map<number, number>, transaction: Transaction) {
  for (const slice of chunks([...depositIdOfPayment.entries()])) {
    const cases = slice
      .map(([paymentId, depositId]) => `WHEN ${Number(paymentId)} THEN ${Number(depositId)}`)
      .join(' ');
    const ids = slice.map(([paymentId]) => Number(paymentId)).join(',');
    await sequelize.query(`UPDATE "Payment" SET "depositId" = CASE "id" ${cases} END WHERE "id" IN (${ids})`, {
      transaction,
    });
  }
}
