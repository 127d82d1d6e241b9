// 收据 (A5 landscape): one Payment as the cashier hands it over — its number, payer, room, the bills it settles (收据
// 分摊; a receipt from before allocations names its one bill in billId), the amount in figures and in capitals, method,
// cashier and day. A deposit refund prints as a 退款收据; a voided receipt carries 作废 across it and why.
import { Bill, Payment, PaymentAllocation, RenovationDeposit, Staff, Unit } from '../../models/index.js';
import { monthLabel } from '../../lib/shanghai.js';
import { feesZh } from '../../vocabulary/fees.js';
import { capitals, field, html, OFFICE_NAME, page, shanghaiMinute, signatures, yuan, type Html } from './html.js';

const paymentWords = feesZh.Payment.properties as Record<string, string>;
const billWords = feesZh.Bill.properties as Record<string, string>;
const word = (words: Record<string, string>, key: string) => words[key] ?? '';

interface Line {
  item: string;
  period: string;
  unit: string;
  description: string;
  /** Fen. */
  amount: number;
}

/** The bills the receipt settles, oldest period first, with what it paid on each. */
async function settledBills(payment: Payment): Promise<Line[]> {
  const allocations = await PaymentAllocation.findAll({ where: { paymentId: payment.id } });
  const shares = allocations.length
    ? allocations.map((a) => ({ billId: a.billId, amount: Number(a.amount) }))
    : payment.billId
      ? [{ billId: payment.billId, amount: Number(payment.amount) }]
      : [];
  if (!shares.length) return [];
  const bills = await Bill.findAll({ where: { id: shares.map((s) => s.billId) } });
  const units = await Unit.findAll({
    where: { id: [...new Set(bills.map((b) => b.unitId))] },
    attributes: ['id', 'label'],
  });
  const unitLabel = new Map(units.map((u) => [u.id, u.label]));
  const byId = new Map(bills.map((b) => [b.id, b]));
  return shares
    .map((share) => ({ share, bill: byId.get(share.billId) }))
    .filter((line): line is { share: { billId: number; amount: number }; bill: Bill } => Boolean(line.bill))
    .sort((a, b) => a.bill.period.localeCompare(b.bill.period) || a.bill.id - b.bill.id)
    .map(({ share, bill }) => ({
      item: word(billWords, `feeKind.${bill.feeKind}`),
      period: monthLabel(bill.period),
      unit: unitLabel.get(bill.unitId) ?? '',
      description: bill.description,
      amount: share.amount,
    }));
}

export async function receiptPage(payment: Payment): Promise<string> {
  const refund = payment.kind === 'deposit_refund';
  const voided = payment.status === 'voided';
  const [cashier, voidedBy, unit, deposit, bills] = await Promise.all([
    Staff.findByPk(payment.cashierId, { attributes: ['id', 'name'] }),
    payment.voidedById ? Staff.findByPk(payment.voidedById, { attributes: ['id', 'name'] }) : null,
    payment.unitId ? Unit.findByPk(payment.unitId, { attributes: ['id', 'label'] }) : null,
    payment.depositId ? RenovationDeposit.findByPk(payment.depositId) : null,
    settledBills(payment),
  ]);
  const amount = Number(payment.amount);
  const kind = word(paymentWords, `kind.${payment.kind}`);
  const rooms = unit?.label ?? [...new Set(bills.map((b) => b.unit).filter(Boolean))].join('、');

  const lines: Line[] = bills.length
    ? bills
    : [
        {
          item: kind,
          period: '',
          unit: rooms,
          description: deposit
            ? refund
              ? `装修押金 ${deposit.number} 退还（押金 ${yuan(Number(deposit.amount))}${Number(deposit.deduction) ? `，扣款 ${yuan(Number(deposit.deduction))}` : ''}）`
              : `装修押金 ${deposit.number}`
            : '',
          amount,
        },
      ];
  const title = refund ? '退款收据' : '收款收据';
  const who = refund ? '领款人' : '交款人';
  const staffWord = refund ? '经办人' : '收款人';

  const body: Html = html`<header class="document-head">
      <div class="office">${OFFICE_NAME}</div>
      <h1>${title}</h1>
      <div class="number">No. <strong class="receipt-number">${payment.receiptNumber}</strong></div>
    </header>
    <section class="fields">
      ${field(who, payment.payerName)} ${field(refund ? '退款时间' : '收款时间', shanghaiMinute(payment.paidAt))}
      ${field('房屋', rooms || '—', true)} ${field('收款类别', kind)}
      ${field(refund ? '退款方式' : '收款方式', word(paymentWords, `method.${payment.method}`))}
    </section>
    <table class="lines">
      <thead>
        <tr>
          <th>收费项目</th>
          <th>账期</th>
          <th>房屋</th>
          <th>说明</th>
          <th class="money">${refund ? '退款金额' : '金额'}</th>
        </tr>
      </thead>
      <tbody>
        ${lines.map(
          (line) =>
            html`<tr>
              <td>${line.item}</td>
              <td>${line.period || '—'}</td>
              <td>${line.unit || '—'}</td>
              <td>${line.description || '—'}</td>
              <td class="money">${yuan(line.amount)}</td>
            </tr>`,
        )}
      </tbody>
      <tfoot>
        <tr class="total">
          <th colspan="4">${refund ? '退款合计（小写）' : '合计（小写）'}</th>
          <td class="money amount-figures">${yuan(amount)}</td>
        </tr>
        <tr class="capitals">
          <th>${refund ? '退款金额（大写）' : '金额（大写）'}</th>
          <td colspan="4" class="amount-capitals">${capitals(amount)}</td>
        </tr>
      </tfoot>
    </table>
    ${
      voided
        ? html`<p class="void-note">
            本收据已作废（${shanghaiMinute(payment.voidedAt)}${voidedBy ? `，作废人 ${voidedBy.name}` : ''}）。作废原因：<span
              class="void-reason"
              >${payment.voidReason ?? ''}</span
            >
          </p>`
        : ''
    }
    <footer class="document-foot">
      ${field(staffWord, cashier?.name ?? '')} ${signatures(`${staffWord}（签章）`, `${who}（签字）`)}
    </footer>`;
  return page({
    title: `${title} ${payment.receiptNumber}`,
    paper: 'a5-landscape',
    body,
    watermark: voided ? '作废' : undefined,
  });
}
