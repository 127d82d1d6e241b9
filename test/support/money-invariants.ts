// The money invariants, checked in SQL on any database (the test run's, or a file the seed CLI wrote): each bill's paid
// amount is the sum of the allocations of its valid receipts and its status follows; a receipt of bills is the sum of
// its allocations, all to bills of one owner; each cash report's totals are its receipts'; receipt numbers run
// 1 … N in each year without gaps. Each broken one comes back as a sentence.
import { QueryTypes, type Sequelize } from 'sequelize';
import { billStatusFor } from '../../src/models/index.js';
import { computeCashReportTotals, type CashReportTotals } from '../../src/domain/cash-report-totals.js';

export interface InvariantScope {
  /** Only the bills of these units (else every bill). */
  unitIds?: number[];
  /** Only the receipts and cash reports of these cashiers (else all). */
  cashierIds?: number[];
  /** Only these receipt years for the numbering (else every year; none for an empty list). */
  years?: number[];
}

const list = (ids: readonly number[]) => ids.map((id) => Number(id)).join(', ') || 'NULL';

export async function moneyInvariantViolations(db: Sequelize, scope: InvariantScope = {}): Promise<string[]> {
  const problems: string[] = [];
  const select = <T extends object>(sql: string) => db.query<T>(sql, { type: QueryTypes.SELECT });

  const billWhere = scope.unitIds ? `WHERE b."unitId" IN (${list(scope.unitIds)})` : '';
  const bills = await select<{ id: number; amount: number; paidAmount: number; status: string; allocated: number }>(
    `SELECT b."id", b."amount", b."paidAmount", b."status",
            COALESCE(SUM(CASE WHEN p."status" = 'valid' THEN a."amount" ELSE 0 END), 0) AS "allocated"
       FROM "Bill" b
       LEFT JOIN "PaymentAllocation" a ON a."billId" = b."id"
       LEFT JOIN "Payment" p ON p."id" = a."paymentId"
       ${billWhere}
      GROUP BY b."id", b."amount", b."paidAmount", b."status"`,
  );
  for (const bill of bills) {
    if (Number(bill.paidAmount) !== Number(bill.allocated))
      problems.push(`账单 ${bill.id}: 已收 ${bill.paidAmount}，有效收据分摊合计 ${bill.allocated}`);
    if (bill.status !== billStatusFor(Number(bill.amount), Number(bill.paidAmount)))
      problems.push(`账单 ${bill.id}: 状态 ${bill.status} 与已收 ${bill.paidAmount} / 应收 ${bill.amount} 不符`);
  }

  const paymentWhere = scope.cashierIds ? `WHERE p."cashierId" IN (${list(scope.cashierIds)})` : '';
  const receipts = await select<{
    id: number;
    kind: string;
    amount: number;
    billId: number | null;
    allocated: number;
    allocations: number;
    owners: number;
    namesOwnBill: number;
  }>(
    `SELECT p."id", p."kind", p."amount", p."billId",
            COALESCE(SUM(a."amount"), 0) AS "allocated", COUNT(a."id") AS "allocations",
            COUNT(DISTINCT b."ownerId") AS "owners",
            SUM(CASE WHEN a."billId" = p."billId" THEN 1 ELSE 0 END) AS "namesOwnBill"
       FROM "Payment" p
       LEFT JOIN "PaymentAllocation" a ON a."paymentId" = p."id"
       LEFT JOIN "Bill" b ON b."id" = a."billId"
       ${paymentWhere}
      GROUP BY p."id", p."kind", p."amount", p."billId"`,
  );
  for (const receipt of receipts) {
    const allocations = Number(receipt.allocations);
    if (allocations > 0 && Number(receipt.amount) !== Number(receipt.allocated))
      problems.push(`收据 ${receipt.id}: 金额 ${receipt.amount}，分摊合计 ${receipt.allocated}`);
    if (allocations > 0 && (receipt.kind === 'deposit' || receipt.kind === 'deposit_refund'))
      problems.push(`收据 ${receipt.id}: 押金收据不应分摊到账单`);
    if (Number(receipt.owners) > 1) problems.push(`收据 ${receipt.id}: 分摊到 ${receipt.owners} 位业主的账单`);
    if (receipt.billId !== null && Number(receipt.namesOwnBill) !== 1)
      problems.push(`收据 ${receipt.id}: 账单 ${receipt.billId} 没有对应的分摊`);
    if (receipt.billId !== null && allocations !== 1)
      problems.push(`收据 ${receipt.id}: 指明了一张账单，却分摊到 ${allocations} 张`);
  }

  const reportWhere = scope.cashierIds ? `WHERE "cashierId" IN (${list(scope.cashierIds)})` : '';
  const reports = await select<CashReportTotals & { id: number }>(`SELECT * FROM "CashReport" ${reportWhere}`);
  const onReports = await select<{
    cashReportId: number;
    kind: string;
    method: string;
    amount: number;
    status: string;
  }>(
    `SELECT "cashReportId", "kind", "method", "amount", "status" FROM "Payment"
      WHERE "cashReportId" IN (SELECT "id" FROM "CashReport" ${reportWhere})`,
  );
  for (const report of reports) {
    const totals = computeCashReportTotals(onReports.filter((p) => Number(p.cashReportId) === Number(report.id)));
    for (const [field, value] of Object.entries(totals))
      if (Number(report[field as keyof CashReportTotals]) !== value)
        problems.push(`日报表 ${report.id}: ${field} 为 ${report[field as keyof CashReportTotals]}，收据合计 ${value}`);
  }

  const yearWhere = scope.years ? `WHERE "receiptYear" IN (${list(scope.years)})` : '';
  const years = await select<{ receiptYear: number; count: number; first: number; last: number }>(
    `SELECT "receiptYear", COUNT(*) AS "count", MIN("receiptSequence") AS "first", MAX("receiptSequence") AS "last"
       FROM "Payment" ${yearWhere} GROUP BY "receiptYear"`,
  );
  for (const year of years) {
    if (Number(year.first) !== 1 || Number(year.last) !== Number(year.count))
      problems.push(`${year.receiptYear} 年的收据号不连续：${year.count} 张，序号 ${year.first}–${year.last}`);
  }
  return problems;
}
