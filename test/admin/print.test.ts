// The print pages (收据, 现金日报表, 派工单): decided like showing the record, through HTTP as the browser opens them.
import { expect } from 'chai';
import { CashReport, DecisionLog, Payment, WorkOrder } from '../../src/models/index.js';
import { loadActor } from '../../src/auth/actor.js';
import { collectFromOwner, recordPayment } from '../../src/domain/payments.js';
import { reconcileCashReport, submitCashReport, voidPayment } from '../../src/domain/cash-reports.js';
import { refundDeposit } from '../../src/domain/deposits.js';
import { chineseAmount } from '../../src/lib/chinese-amount.js';
import { formatFen } from '../../src/lib/money.js';
import { shanghaiDay } from '../../src/lib/shanghai.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { bill, heldDeposit, ticket } from '../support/records.js';
import { smallEstate } from '../support/estate.js';

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);
const clientOf = async (member: { email: string }) => signedInClient(member.email, TEST_PASSWORD);
const cashierActor = async () => {
  const member = await staff('cashier');
  return { member, actor: (await loadActor(member.id))! };
};

async function page(session: Client | null, path: string) {
  const answer = await send(session, 'GET', path);
  return { ...answer, html: answer.text };
}

/** The text of a page without its markup, for "the page says …" checks. */
const textOf = (html: string) => html.replace(/<[^>]*>/g, ' ').replace(/\s+/g, ' ');

/** A fresh owner's two unpaid bills (物业管理费 of two months), paid on one receipt by a fresh cashier. */
async function feeReceipt(by?: Awaited<ReturnType<typeof cashierActor>>) {
  const { units, owners } = await smallEstate(1);
  const unit = units[0];
  const older = await bill(unit, { period: '2026-09', amount: 25_046 });
  const newer = await bill(unit, { period: '2026-10', amount: 25_046 });
  const { member, actor } = by ?? (await cashierActor());
  const receipt = await collectFromOwner(actor, owners[0].id, {
    billIds: `${older.id},${newer.id}`,
    amount: 50_092,
    method: 'wechat',
  });
  return { receipt, cashier: member, actor, unit, bills: [older, newer], owner: owners[0] };
}

describe('print pages', () => {
  describe('收据 GET /admin/print/Payment/<id>', () => {
    it('收费员 may print a receipt: number, payer, room, the bills it settles, the amount in figures and in capitals, method, cashier', async () => {
      const { receipt, cashier, unit, bills, owner } = await feeReceipt();
      const answer = await page(await clientOf(cashier), `/admin/print/Payment/${receipt.id}`);
      expect(answer.status).to.equal(200);
      expect(answer.headers.get('content-type')).to.match(/^text\/html/);
      expect(answer.headers.get('content-security-policy')).to.contain("default-src 'self'");
      const text = textOf(answer.html);
      expect(text).to.contain('收款收据');
      expect(text).to.contain('客户中心 · 翠湖花园物业管理处');
      expect(text).to.contain(receipt.receiptNumber);
      expect(text).to.contain(owner.name);
      expect(text).to.contain(unit.label);
      for (const b of bills) expect(text).to.contain(b.description);
      expect(text).to.contain('2026年9月').and.to.contain('2026年10月').and.to.contain('物业管理费');
      expect(text).to.contain('¥500.92');
      expect(text).to.contain('人民币伍佰元玖角贰分');
      expect(chineseAmount(50_092)).to.equal('伍佰元玖角贰分');
      expect(text).to.contain('微信');
      expect(text).to.contain(cashier.name);
      expect(text).to.contain('收款人（签章）').and.to.contain('交款人（签字）');
      expect(text).to.not.contain('作废');
      const logged = await DecisionLog.findOne({
        where: { action: 'Payment.show', recordId: String(receipt.id), staffId: cashier.id },
      });
      expect(logged?.allowed).to.equal(true);
    });

    it('车库管理员 may not print a receipt: 403 with the reason, and nothing of the receipt is shown', async () => {
      const { receipt } = await feeReceipt();
      const garage = await staff('garage_keeper');
      const answer = await page(await clientOf(garage), `/admin/print/Payment/${receipt.id}`);
      expect(answer.status).to.equal(403);
      expect(answer.html).to.contain('您没有权限打印该收据');
      expect(answer.html).to.not.contain(receipt.receiptNumber);
      expect(answer.html).to.not.contain(receipt.payerName);
      const logged = await DecisionLog.findOne({
        where: { action: 'Payment.show', recordId: String(receipt.id), staffId: garage.id },
      });
      expect(logged?.allowed).to.equal(false);
    });

    it('answers 401 without a session, and 404 for an unknown or malformed id', async () => {
      const { receipt } = await feeReceipt();
      const anonymous = await page(null, `/admin/print/Payment/${receipt.id}`);
      expect(anonymous.status).to.equal(401);
      expect(anonymous.html).to.contain('请先登录').and.to.not.contain(receipt.receiptNumber);
      const cashier = await client('cashier');
      expect((await page(cashier, '/admin/print/Payment/999999999')).status).to.equal(404);
      expect((await page(cashier, '/admin/print/Payment/abc')).status).to.equal(404);
      expect((await page(cashier, '/admin/print/Staff/1')).status).to.equal(404);
    });

    it('a voided receipt prints with 作废 across it and its void reason', async () => {
      const { receipt, cashier, actor } = await feeReceipt();
      await voidPayment(actor, receipt.id, { voidReason: '收错月份，重开收据' });
      const answer = await page(await clientOf(cashier), `/admin/print/Payment/${receipt.id}`);
      expect(answer.status).to.equal(200);
      expect(answer.html).to.match(/<div class="watermark"[^>]*>作废<\/div>/);
      expect(textOf(answer.html)).to.contain('本收据已作废').and.to.contain('收错月份，重开收据');
    });

    it('a deposit refund prints as a 退款收据 with the refunded amount in capitals', async () => {
      const deposit = await heldDeposit({ amount: 300_000, inspection: 'passed' });
      const { member, actor } = await cashierActor();
      await refundDeposit(actor, deposit.id, { deduction: 50_050, method: 'transfer' });
      await deposit.reload();
      const refund = (await Payment.findByPk(deposit.refundPaymentId!))!;
      const answer = await page(await clientOf(member), `/admin/print/Payment/${refund.id}`);
      expect(answer.status).to.equal(200);
      const text = textOf(answer.html);
      expect(text).to.contain('退款收据').and.to.contain('领款人').and.to.contain('退款金额');
      expect(text).to.contain(formatFen(249_950)).and.to.contain('人民币贰仟肆佰玖拾玖元伍角整');
      expect(text).to.contain(`扣款 ${formatFen(50_050)}`);
    });

    it("escapes a payer's name: markup in it prints as text", async () => {
      const { member, actor } = await cashierActor();
      const receipt = await recordPayment(actor, {
        kind: 'other',
        method: 'cash',
        amount: 1_005,
        payerName: '<script>alert("x")</script><img src=x onerror=alert(1)>',
      });
      const answer = await page(await clientOf(member), `/admin/print/Payment/${receipt.id}`);
      expect(answer.status).to.equal(200);
      expect(answer.html).to.not.contain('<script>alert');
      expect(answer.html).to.not.contain('<img src=x');
      expect(answer.html).to.contain(
        '&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;',
      );
      expect(textOf(answer.html)).to.contain('人民币壹拾元零伍分');
    });
  });

  describe('现金日报表 GET /admin/print/CashReport/<id>', () => {
    it("收费员 may print a day: its receipts, voided ones marked and not counted, totals equal to the report's own, and the checker", async () => {
      const by = await cashierActor();
      const opened = await CashReport.create({ cashierId: by.member.id, reportDate: shanghaiDay(new Date()) });
      const { receipt, cashier, actor } = await feeReceipt(by);
      const cash = await recordPayment(actor, { kind: 'other', method: 'cash', amount: 12_000, payerName: '李四' });
      const wrong = await recordPayment(actor, { kind: 'other', method: 'cash', amount: 7_700, payerName: '张三' });
      await voidPayment(actor, wrong.id, { voidReason: '金额写错' });
      const reportId = opened.id;
      expect(receipt.cashReportId).to.equal(reportId);
      await submitCashReport(actor, reportId, {});
      const checker = await cashierActor();
      await reconcileCashReport(checker.actor, reportId, {});
      const report = (await CashReport.findByPk(reportId))!;

      const answer = await page(await clientOf(cashier), `/admin/print/CashReport/${reportId}`);
      expect(answer.status).to.equal(200);
      const text = textOf(answer.html);
      expect(text).to.contain('现金日报表').and.to.contain(report.reportDate).and.to.contain(cashier.name);
      for (const r of [receipt, cash, wrong]) expect(text).to.contain(r.receiptNumber);
      expect(text).to.contain('作废（不计入合计）：金额写错');
      // The totals printed are the report's stored totals.
      expect(report.totalAmount).to.equal(50_092 + 12_000);
      const grand = /class="money grand-total">\s*([^<]*?)\s*</.exec(answer.html)?.[1];
      expect(grand).to.equal(formatFen(report.totalAmount));
      const method = (code: string) => {
        const row = new RegExp(`<tr data-method="${code}">([\\s\\S]*?)</tr>`).exec(answer.html)?.[1] ?? '';
        return [...row.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((cell) => cell[1].trim());
      };
      expect(method('cash')).to.deep.equal(['现金', '1', formatFen(report.cashAmount)]);
      expect(method('wechat')).to.deep.equal(['微信', '1', formatFen(report.wechatAmount)]);
      expect(method('card')).to.deep.equal(['刷卡', '0', formatFen(0)]);
      expect(text).to.contain(`有效收据 ${report.receiptCount} 张`);
      expect(text).to.contain('已核对').and.to.contain(checker.member.name);
    });

    it('车库管理员 may not print a cash report, nor 接待员', async () => {
      const by = await cashierActor();
      const opened = await CashReport.create({ cashierId: by.member.id, reportDate: shanghaiDay(new Date()) });
      const { receipt } = await feeReceipt(by);
      expect(receipt.cashReportId).to.equal(opened.id);
      for (const code of ['garage_keeper', 'receptionist']) {
        const answer = await page(await client(code), `/admin/print/CashReport/${receipt.cashReportId}`);
        expect(answer.status, code).to.equal(403);
        expect(answer.html).to.contain('您没有权限打印该现金日报表').and.to.not.contain(receipt.receiptNumber);
      }
    });
  });

  describe('派工单 GET /admin/print/WorkOrder/<id>', () => {
    it('接待员 may print a work order for the handling department, with empty lines for the handler', async () => {
      const { units } = await smallEstate(1);
      const dispatched = await ticket('dispatched', {
        unit: units[0],
        description: '主卫地漏返水，<b>请带疏通工具</b>',
      });
      const order = (await WorkOrder.findOne({ where: { ticketId: dispatched.id } }))!;
      await order.update({ note: '业主下午在家' });
      const answer = await page(await client('receptionist'), `/admin/print/WorkOrder/${order.id}`);
      expect(answer.status).to.equal(200);
      const text = textOf(answer.html);
      expect(text).to.contain('派工单').and.to.contain(order.number).and.to.contain(dispatched.number);
      expect(answer.html).to.match(/<strong class="department">工程部<\/strong>/);
      expect(text).to.contain('王建国').and.to.contain('13800138000').and.to.contain(units[0].label);
      expect(text).to.contain('维修').and.to.contain('卫生间漏水').and.to.contain('业主下午在家');
      expect(answer.html).to.contain('&lt;b&gt;请带疏通工具&lt;/b&gt;');
      expect(text).to.contain('处理情况').and.to.contain('完成时间').and.to.contain('业主签字');
    });

    it('车库管理员 may not print a work order', async () => {
      const dispatched = await ticket('dispatched');
      const order = (await WorkOrder.findOne({ where: { ticketId: dispatched.id } }))!;
      const answer = await page(await client('garage_keeper'), `/admin/print/WorkOrder/${order.id}`);
      expect(answer.status).to.equal(403);
      expect(answer.html).to.contain('您没有权限打印该派工单').and.to.not.contain(order.number);
    });
  });

  describe('the 打印 button', () => {
    it('is on a record exactly when its print page answers: the cashier sees it on the receipt and in the list row', async () => {
      const { receipt, cashier } = await feeReceipt();
      const session = await clientOf(cashier);
      const shown = await session.show('Payment', receipt.id);
      const names = (shown.body.record.recordActions as Array<{ name: string }>).map((a) => a.name);
      expect(names).to.include('print');
      const list = await session.list('Payment', { receiptNumber: receipt.receiptNumber });
      const row = list.records.find((r: { id: string }) => String(r.id) === String(receipt.id));
      expect(row.recordActions.map((a: { name: string }) => a.name)).to.include('print');
      const opened = await session.open('Payment', receipt.id, 'print');
      expect(opened.status).to.equal(200);
      expect(String(opened.body.record.id)).to.equal(String(receipt.id));
      expect((await page(session, `/admin/print/Payment/${receipt.id}`)).status).to.equal(200);
    });

    it('is refused with the reason to whoever may not read the record, as the page is', async () => {
      const { receipt } = await feeReceipt();
      const garage = await client('garage_keeper');
      const opened = await garage.open('Payment', receipt.id, 'print');
      expect(opened.body.record?.baseError?.type ?? opened.body.notice?.type).to.match(/ForbiddenError|error/);
      expect(JSON.stringify(opened.body)).to.not.contain(receipt.payerName);
      expect((await page(garage, `/admin/print/Payment/${receipt.id}`)).status).to.equal(403);
    });

    it('is on a work order for the front desk', async () => {
      const dispatched = await ticket('dispatched');
      const order = (await WorkOrder.findOne({ where: { ticketId: dispatched.id } }))!;
      const shown = await (await client('receptionist')).show('WorkOrder', order.id);
      const names = (shown.body.record.recordActions as Array<{ name: string }>).map((a) => a.name);
      expect(names).to.include('print');
    });
  });
});
