// 现金日报表 (A4 portrait): one cashier's day — its receipts (voided ones marked and counted nothing), the totals per
// method and the net total as the report's own page shows them (cashReportDetail, i.e. computeCashReportTotals of its
// receipts), its state, and who checked it and when.
import { Bill, CashReport, Payment, PaymentAllocation, Staff, Unit } from '../../models/index.js';
import { cashReportDetail } from '../../domain/cash-report-detail.js';
import { monthLabel } from '../../lib/shanghai.js';
import { feesZh } from '../../vocabulary/fees.js';
import { field, html, OFFICE_NAME, page, shanghaiMinute, signatures, yuan } from './html.js';

const reportWords = feesZh.CashReport.properties as Record<string, string>;
const billWords = feesZh.Bill.properties as Record<string, string>;

/** Per receipt: the room(s) and the item(s) it paid (物业管理费 2026年11月 …), from its bills where it has some. */
async function receiptContext(paymentIds: number[]) {
  const payments = await Payment.findAll({
    where: { id: paymentIds },
    attributes: ['id', 'unitId', 'billId'],
  });
  const allocations = await PaymentAllocation.findAll({
    where: { paymentId: paymentIds },
    attributes: ['paymentId', 'billId'],
  });
  const billIds = new Set<number>(allocations.map((a) => a.billId));
  for (const p of payments) if (p.billId) billIds.add(p.billId);
  const bills = billIds.size
    ? await Bill.findAll({ where: { id: [...billIds] }, attributes: ['id', 'unitId', 'period', 'feeKind'] })
    : [];
  const unitIds = new Set<number>(bills.map((b) => b.unitId));
  for (const p of payments) if (p.unitId) unitIds.add(p.unitId);
  const units = unitIds.size ? await Unit.findAll({ where: { id: [...unitIds] }, attributes: ['id', 'label'] }) : [];
  const unitLabel = new Map(units.map((u) => [u.id, u.label]));
  const billById = new Map(bills.map((b) => [b.id, b]));
  const billsOf = new Map<number, Bill[]>();
  for (const a of allocations) {
    const bill = billById.get(a.billId);
    if (bill) billsOf.set(a.paymentId, [...(billsOf.get(a.paymentId) ?? []), bill]);
  }
  const context = new Map<number, { unit: string; item: string }>();
  for (const p of payments) {
    const paid = billsOf.get(p.id) ?? (p.billId && billById.get(p.billId) ? [billById.get(p.billId)!] : []);
    paid.sort((a, b) => a.period.localeCompare(b.period));
    const rooms = p.unitId
      ? [unitLabel.get(p.unitId) ?? '']
      : [...new Set(paid.map((b) => unitLabel.get(b.unitId) ?? ''))];
    const items = paid.map((b) => `${billWords[`feeKind.${b.feeKind}`] ?? ''} ${monthLabel(b.period)}`);
    context.set(p.id, { unit: rooms.filter(Boolean).join('、'), item: items.join('、') });
  }
  return context;
}

export async function cashReportPage(report: CashReport): Promise<string> {
  const [detail, cashier, reconciledBy] = await Promise.all([
    cashReportDetail(report.id),
    Staff.findByPk(report.cashierId, { attributes: ['id', 'name'] }),
    report.reconciledById ? Staff.findByPk(report.reconciledById, { attributes: ['id', 'name'] }) : null,
  ]);
  const context = await receiptContext(detail.receipts.map((r) => r.id));
  const status = reportWords[`status.${report.status}`] ?? '';
  const stored = Number(report.totalAmount);
  const body = html`<header class="document-head">
      <div class="office">${OFFICE_NAME}</div>
      <h1>现金日报表</h1>
      <div class="number">${report.title}</div>
    </header>
    <section class="fields">
      ${field('收款人', cashier?.name ?? '')} ${field('报表日期', report.reportDate)} ${field('状态', status)}
      ${field('提交时间', shanghaiMinute(report.submittedAt) || '—')}
    </section>
    <table class="lines receipts">
      <thead>
        <tr>
          <th>收据号</th>
          <th>收款时间</th>
          <th>交款人</th>
          <th>房屋</th>
          <th>收费项目</th>
          <th>收款方式</th>
          <th class="money">金额</th>
          <th>状态</th>
        </tr>
      </thead>
      <tbody>
        ${
          detail.receipts.length
            ? detail.receipts.map((r) => {
                const more = context.get(r.id);
                return html`<tr class="${r.valid ? '' : 'voided-row'}">
                  <td>${r.receiptNumber}</td>
                  <td>${r.paidAt}</td>
                  <td>${r.payerName}</td>
                  <td class="wrap">${more?.unit || '—'}</td>
                  <td class="wrap">${more?.item || r.kind}</td>
                  <td>${r.method}</td>
                  <td class="money">${r.isRefund ? `−${yuan(r.amount)}` : yuan(r.amount)}</td>
                  <td class="wrap">
                    ${r.valid ? (r.isRefund ? '退款' : r.status) : html`作废（不计入合计）${r.voidReason ? `：${r.voidReason}` : ''}`}
                  </td>
                </tr>`;
              })
            : html`<tr>
                <td colspan="8" class="empty">当日没有收据</td>
              </tr>`
        }
      </tbody>
    </table>
    <table class="lines totals">
      <thead>
        <tr>
          <th>收款方式</th>
          <th class="count">张数</th>
          <th class="money">金额</th>
        </tr>
      </thead>
      <tbody>
        ${detail.methods.map(
          (m) =>
            html`<tr data-method="${m.method}">
              <td>${m.label}</td>
              <td class="count">${m.count}</td>
              <td class="money">${yuan(m.amount)}</td>
            </tr>`,
        )}
        <tr data-method="refund">
          <td>退款（支出）</td>
          <td class="count">${detail.refund.count}</td>
          <td class="money">${detail.refund.amount ? `−${yuan(detail.refund.amount)}` : yuan(0)}</td>
        </tr>
      </tbody>
      <tfoot>
        <tr class="total">
          <th>合计（净额，有效收据 ${detail.receiptCount} 张）</th>
          <td></td>
          <td class="money grand-total">${yuan(detail.totalAmount)}</td>
        </tr>
      </tfoot>
    </table>
    ${stored !== detail.totalAmount ? html`<p class="warning">注意：报表记录的合计 ${yuan(stored)} 与收据合计不一致，请核对。</p>` : ''}
    ${detail.pendingCount ? html`<p class="note">另有 ${detail.pendingCount} 张当日收据尚未计入本报表（提交时计入）。</p>` : ''}
    <section class="fields">
      ${field('核对人', reconciledBy?.name ?? '—')} ${field('核对时间', shanghaiMinute(report.reconciledAt) || '—')}
      ${report.note ? field('备注', report.note, true) : ''}
    </section>
    <footer class="document-foot">${signatures('收款人（签字）', '核对人（签字）', '财务（签字）')}</footer>`;
  return page({ title: `现金日报表 ${report.reportDate}`, paper: 'a4-portrait', body });
}
