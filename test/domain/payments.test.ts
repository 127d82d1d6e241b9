import { expect } from 'chai';
import { Bill, Payment } from '../../src/models/index.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { bill } from '../support/records.js';

/** An unpaid bill of `amount` fen on a fresh owner's flat. */
async function unpaidBill(amount = 25_000): Promise<Bill> {
  const { units } = await smallEstate(1);
  return bill(units[0], { amount });
}

const pay = (client: Awaited<ReturnType<typeof signedInClient>>, fields: Record<string, string | number>) =>
  client.create('Payment', fields);

describe('收款 (Payment.new through the admin)', () => {
  it('收费员 may take a partial then a final payment: the bill follows, receipts are numbered in sequence', async () => {
    const bill = await unpaidBill(25_000);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const first = await pay(client, { billId: bill.id, method: 'wechat', amount: 10_000 });
    expect(first.body.notice.type).to.equal('success');
    await bill.reload();
    expect(bill).to.include({ paidAmount: 10_000, status: 'partial' });
    const second = await pay(client, { billId: bill.id, method: 'cash', amount: 15_000 });
    expect(second.body.notice.message).to.match(/^已收款，收据号 SK\d{4}-\d{6}$/);
    await bill.reload();
    expect(bill).to.include({ paidAmount: 25_000, status: 'paid' });
    const receipts = await Payment.findAll({ where: { billId: bill.id }, order: [['id', 'ASC']] });
    expect(receipts.map((p) => p.cashierId)).to.deep.equal([cashier.id, cashier.id]);
    expect(receipts[1].receiptSequence).to.equal(receipts[0].receiptSequence + 1);
    expect(receipts[0].payerName).to.not.equal('');
  });

  it('客户接待员 may not take a payment: refused with the reason, nothing written', async () => {
    const bill = await unpaidBill();
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const { body } = await pay(client, { billId: bill.id, method: 'cash', amount: 1_000 });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.include('收款');
    expect(await Payment.count({ where: { billId: bill.id } })).to.equal(0);
    await bill.reload();
    expect(bill.paidAmount).to.equal(0);
  });

  for (const [label, fields, field, message] of [
    ['a negative amount', { amount: -100, method: 'cash' }, 'amount', '收款金额必须大于零'],
    ['a zero amount', { amount: 0, method: 'cash' }, 'amount', '收款金额必须大于零'],
    ['an amount that is not a number', { amount: 'abc', method: 'cash' }, 'amount', '收款金额必须是以分为单位的整数'],
    ['an unknown method', { amount: 100, method: 'bitcoin' }, 'method', '收款方式不正确：bitcoin'],
    ['an amount above what is owed', { amount: 25_001, method: 'cash' }, 'amount', '不能超过未缴金额 ¥250.00'],
    [
      'a deposit receipt (taken on the deposit screen)',
      { amount: 100, method: 'cash', kind: 'deposit' },
      'kind',
      '装修押金的收取与退还请在“装修押金”中办理',
    ],
  ] as const) {
    it(`refuses ${label} in Chinese and changes nothing`, async () => {
      const bill = await unpaidBill(25_000);
      const cashier = await staff('cashier');
      const client = await signedInClient(cashier.email, TEST_PASSWORD);
      const before = await Payment.count();
      const { body } = await pay(client, { billId: bill.id, ...fields });
      expect(body.record.errors[field].message).to.equal(message);
      expect(body.notice.type).to.equal('error');
      expect(await Payment.count()).to.equal(before);
      await bill.reload();
      expect(bill.paidAmount).to.equal(0);
    });
  }

  it('refuses a second payment on a bill already paid', async () => {
    const bill = await unpaidBill(5_000);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    await pay(client, { billId: bill.id, method: 'cash', amount: 5_000 });
    const { body } = await pay(client, { billId: bill.id, method: 'cash', amount: 5_000 });
    expect(body.notice.message).to.equal('该账单已缴清，不能重复收款');
    expect(await Payment.count({ where: { billId: bill.id } })).to.equal(1);
  });

  it('many simultaneous full payments of one bill: exactly one receipt, the bill paid once', async () => {
    const bill = await unpaidBill(8_000);
    const cashier = await staff('cashier');
    const clients = await Promise.all(Array.from({ length: 4 }, () => signedInClient(cashier.email, TEST_PASSWORD)));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        pay(clients[i % clients.length], { billId: bill.id, method: 'cash', amount: 8_000 }),
      ),
    );
    const succeeded = results.filter((r) => r.body.notice?.type === 'success');
    expect(succeeded).to.have.length(1);
    expect(results.every((r) => r.status === 200)).to.equal(true);
    expect(await Payment.count({ where: { billId: bill.id } })).to.equal(1);
    await bill.reload();
    expect(bill).to.include({ paidAmount: 8_000, status: 'paid' });
  });
});
