// 装修押金 (src/domain/deposits.ts): the cashier collects an approved renovation's deposit, then refunds it — in full
// or less a deduction — once the inspection passed, or forfeits it when the inspection failed.
import { expect } from 'chai';
import { AuthorityRule, Payment, RenovationDeposit } from '../../src/models/index.js';
import { refundDeposit } from '../../src/domain/deposits.js';
import { loadActor } from '../../src/auth/actor.js';
import { signedInClient } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { heldDeposit, renovationApplication } from '../support/records.js';
import { seedDefaultRules } from '../../src/rules/seed.js';
import { expectRefused } from '../support/refusals.js';
import { publishInAdmin, restoreRulesAndTests, setAsideAllowTests } from '../support/rule-changes.js';

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

/** A held deposit of `amount` fen whose renovation was inspected with `result`. */
const inspectedDeposit = (result: 'passed' | 'failed', amount = 300_000): Promise<RenovationDeposit> =>
  heldDeposit({ amount, inspection: result });

const actionsOf = (record: { recordActions: { name: string }[] }) => record.recordActions.map((a) => a.name);

describe('退押金 and 没收押金 (RenovationDeposit.refund / .forfeit)', () => {
  after(() => seedDefaultRules());

  it('收费员 may refund a deposit whose inspection passed: in full when no deduction is given, with exactly one refund receipt', async () => {
    const deposit = await inspectedDeposit('passed', 300_000);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const shown = await client.show('RenovationDeposit', deposit.id);
    expect(actionsOf(shown.body.record)).to.include('refund').and.not.include('forfeit');
    const { body } = await client.act('RenovationDeposit', deposit.id, 'refund');
    expect(body.notice).to.deep.include({ type: 'success', message: '已退还押金 ¥3,000.00' });
    await deposit.reload();
    expect(deposit).to.include({ status: 'refunded', refundedAmount: 300_000, deduction: 0, refundedById: cashier.id });
    const refunds = await Payment.findAll({ where: { depositId: deposit.id, kind: 'deposit_refund' } });
    expect(refunds).to.have.length(1);
    expect(refunds[0]).to.include({ amount: 300_000, status: 'valid', cashierId: cashier.id });
    expect(deposit.refundPaymentId).to.equal(refunds[0].id);
  });

  it('a refund with a deduction pays back the rest: refunded + deducted = deposit', async () => {
    const deposit = await inspectedDeposit('passed', 200_000);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    await client.act('RenovationDeposit', deposit.id, 'refund', {
      deduction: 35_050,
      method: 'transfer',
      note: '损坏公共走廊墙面',
    });
    await deposit.reload();
    expect(deposit.refundedAmount + deposit.deduction).to.equal(200_000);
    expect(deposit.deduction).to.equal(35_050);
    const [refund] = await Payment.findAll({ where: { depositId: deposit.id, kind: 'deposit_refund' } });
    expect(refund).to.include({ amount: 164_950, method: 'transfer' });
  });

  it('客户接待员 sees no refund button and a hand-made request is refused with the reason, changing nothing', async () => {
    const deposit = await inspectedDeposit('passed');
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const list = await client.show('RenovationDeposit', deposit.id);
    expect(list.body.record.baseError?.type, 'the front desk does not even read deposits').to.equal('ForbiddenError');
    const { body } = await client.act('RenovationDeposit', deposit.id, 'refund');
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.equal('没有任何规则允许客户接待员执行「退押金（装修押金）」');
    await deposit.reload();
    expect(deposit.status).to.equal('held');
    expect(await Payment.count({ where: { depositId: deposit.id, kind: 'deposit_refund' } })).to.equal(0);
  });

  it('opening the refund action (GET) changes nothing', async () => {
    const deposit = await inspectedDeposit('passed');
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    await client.open('RenovationDeposit', deposit.id, 'refund', { deduction: 0 });
    await deposit.reload();
    expect(deposit.status).to.equal('held');
  });

  it('refuses a deduction above the deposit, a negative one, and a second refund, in Chinese', async () => {
    const deposit = await inspectedDeposit('passed', 100_000);
    const cashier = await staff('cashier');
    const client = await signedInClient(cashier.email, TEST_PASSWORD);
    const above = await client.act('RenovationDeposit', deposit.id, 'refund', { deduction: 100_001 });
    expect(above.body.record.errors.deduction.message).to.equal('不能超过押金 ¥1,000.00');
    const negative = await client.act('RenovationDeposit', deposit.id, 'refund', { deduction: -1 });
    expect(negative.body.record.errors.deduction.message).to.equal('扣款金额不能为负数');
    await client.act('RenovationDeposit', deposit.id, 'refund');
    // From a stale page the rule refuses first (the deposit is no longer held); the use case refuses on its own too.
    const again = await client.act('RenovationDeposit', deposit.id, 'refund');
    expect(again.body.record.baseError.message).to.include('不符合条件（装修押金状态 为「在押」');
    const actor = await loadActor(cashier.id);
    await expectRefused(() => refundDeposit(actor, deposit.id, {}), Error, '该押金已退还，不能重复退还');
    expect(await Payment.count({ where: { depositId: deposit.id, kind: 'deposit_refund' } })).to.equal(1);
  });

  it('many simultaneous refunds of one deposit: refunded once, one refund receipt', async () => {
    const deposit = await inspectedDeposit('passed', 250_000);
    const cashier = await staff('cashier');
    const clients = await Promise.all(Array.from({ length: 4 }, () => signedInClient(cashier.email, TEST_PASSWORD)));
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => clients[i % 4].act('RenovationDeposit', deposit.id, 'refund')),
    );
    expect(results.filter((r) => r.body.notice?.type === 'success')).to.have.length(1);
    expect(await Payment.count({ where: { depositId: deposit.id, kind: 'deposit_refund' } })).to.equal(1);
    await deposit.reload();
    expect(deposit).to.include({ status: 'refunded', refundedAmount: 250_000 });
  });

  it('a deposit whose inspection failed cannot be refunded, and 收费员 may forfeit it; 客户服务助理 may not', async () => {
    const deposit = await inspectedDeposit('failed');
    const cashier = await staff('cashier');
    const assistant = await staff('assistant');
    const cashierClient = await signedInClient(cashier.email, TEST_PASSWORD);
    const assistantClient = await signedInClient(assistant.email, TEST_PASSWORD);
    const refund = await cashierClient.act('RenovationDeposit', deposit.id, 'refund');
    expect(refund.body.record.baseError.type).to.equal('ForbiddenError');
    expect(refund.body.record.baseError.message).to.include('不符合条件');
    const byAssistant = await assistantClient.act('RenovationDeposit', deposit.id, 'forfeit');
    expect(byAssistant.body.record.baseError.type).to.equal('ForbiddenError');
    const forfeit = await cashierClient.act('RenovationDeposit', deposit.id, 'forfeit', { note: '擅自拆改承重墙' });
    expect(forfeit.body.notice.type).to.equal('success');
    await deposit.reload();
    expect(deposit).to.include({ status: 'forfeited', forfeitedById: cashier.id, refundPaymentId: null });
  });

  it("when 管理处主任 disables the refund rule, the cashier's refund button is gone at the next page load", async () => {
    const deposit = await inspectedDeposit('passed');
    const cashier = await staff('cashier');
    const director = await staff('director');
    const cashierClient = await signedInClient(cashier.email, TEST_PASSWORD);
    const directorClient = await signedInClient(director.email, TEST_PASSWORD);
    const before = await cashierClient.show('RenovationDeposit', deposit.id);
    expect(actionsOf(before.body.record)).to.include('refund');
    const rule = (await AuthorityRule.findOne({ where: { name: '退还装修押金' } }))!;
    let setAside: number[] = [];
    try {
      await directorClient.edit('AuthorityRule', rule.id, { enabled: 'false' });
      const drafted = await cashierClient.show('RenovationDeposit', deposit.id);
      expect(actionsOf(drafted.body.record), 'a draft changes nothing').to.include('refund');
      setAside = await setAsideAllowTests(directorClient, 'RenovationDeposit.refund');
      const published = await publishInAdmin(directorClient, '暂停退押金');
      expect(published.body.notice.type, published.body.notice.message).to.equal('success');
      const after = await cashierClient.show('RenovationDeposit', deposit.id);
      expect(actionsOf(after.body.record)).to.not.include('refund');
    } finally {
      await restoreRulesAndTests(setAside);
    }
  });
});
