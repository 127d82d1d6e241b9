import { expect } from 'chai';
import { Payment, RenovationDeposit } from '../../src/models/index.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { renovationApplication } from '../support/records.js';

const collect = (client: Awaited<ReturnType<typeof signedInClient>>, fields: Record<string, string | number>) =>
  client.create('RenovationDeposit', fields);

describe('收押金 (RenovationDeposit.new through the admin)', () => {
  it('收费员 may collect the deposit of an approved application: one held deposit and exactly one deposit receipt', async () => {
    const app = await renovationApplication('approved');
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const { body } = await collect(client, { applicationId: app.id, amount: 300_000, method: 'transfer' });
    expect(body.notice.type).to.equal('success');
    const deposit = await RenovationDeposit.findOne({ where: { applicationId: app.id } });
    expect(deposit).to.include({ status: 'held', amount: 300_000, unitId: app.unitId, ownerId: app.ownerId });
    const receipts = await Payment.findAll({ where: { depositId: deposit!.id } });
    expect(receipts).to.have.length(1);
    expect(receipts[0]).to.include({
      kind: 'deposit',
      amount: 300_000,
      method: 'transfer',
      cashierId: cashier.id,
      status: 'valid',
    });
    expect(deposit!.receiptPaymentId).to.equal(receipts[0].id);
  });

  it('客户接待员 may not collect a deposit: refused with the reason, nothing written', async () => {
    const app = await renovationApplication('approved');
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const { body } = await collect(client, { applicationId: app.id, amount: 300_000 });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.include('装修押金');
    expect(await RenovationDeposit.count({ where: { applicationId: app.id } })).to.equal(0);
  });

  it('refuses an application that is not approved yet, a second collection and a negative amount, writing nothing', async () => {
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const reviewed = await renovationApplication('reviewed');
    const early = await collect(client, { applicationId: reviewed.id, amount: 300_000 });
    expect(early.body.notice.message).to.equal('只有已核批的装修申请才能收取押金');
    expect(await RenovationDeposit.count({ where: { applicationId: reviewed.id } })).to.equal(0);

    const approved = await renovationApplication('approved');
    const negative = await collect(client, { applicationId: approved.id, amount: -5 });
    expect(negative.body.record.errors.amount.message).to.equal('押金金额必须大于零');
    await collect(client, { applicationId: approved.id, amount: 200_000 });
    const before = await Payment.count();
    const twice = await collect(client, { applicationId: approved.id, amount: 200_000 });
    expect(twice.body.notice.message).to.match(/^该申请已收取押金（YJ\d{4}-\d{4}），不能重复收取$/);
    expect(await RenovationDeposit.count({ where: { applicationId: approved.id } })).to.equal(1);
    expect(await Payment.count()).to.equal(before);
  });

  it('many simultaneous collections for one application: one deposit, one receipt', async () => {
    const app = await renovationApplication('approved');
    const cashier = await staff('cashier');
    const clients = await Promise.all(Array.from({ length: 3 }, () => signedInClient(cashier.email, TEST_PASSWORD)));
    await Promise.all(
      Array.from({ length: 9 }, (_, i) => collect(clients[i % 3], { applicationId: app.id, amount: 100_000 })),
    );
    const deposits = await RenovationDeposit.findAll({ where: { applicationId: app.id } });
    expect(deposits).to.have.length(1);
    expect(await Payment.count({ where: { depositId: deposits[0].id } })).to.equal(1);
  });
});
