// The two sentences every use case says: authorize() before it writes, audit() once it has written; and a workflow
// step returns what it did with the row, for the notice.
import { expect } from 'chai';
import { AuditLog, BillingRun } from '../../src/models/index.js';
import { authorize } from '../../src/domain/authorize.js';
import { audit } from '../../src/domain/audit.js';
import { inTransaction } from '../../src/domain/transaction.js';
import { generateMonthlyBills, undoBillingRun } from '../../src/domain/billing-run.js';
import { ForbiddenByRule } from '../../src/errors.js';
import { loadActor } from '../../src/auth/actor.js';
import { staff } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';

describe('use-case helpers', () => {
  it('authorize returns the signed-in actor the rules allow', async () => {
    const cashier = (await loadActor((await staff('cashier')).id))!;
    expect(authorize(cashier, 'Payment.new')).to.equal(cashier);
  });

  it('authorize refuses with the decision’s reason: nobody signed in, or a position no rule allows', async () => {
    expect(() => authorize(null, 'Payment.new')).to.throw(ForbiddenByRule, '未登录，请先登录');
    const reception = (await loadActor((await staff('receptionist')).id))!;
    expect(() => authorize(reception, 'Payment.new')).to.throw(ForbiddenByRule, /没有任何规则允许客户接待员/);
  });

  it('audit files the line under the action’s resource unless told, with dates as ISO text, in the given transaction', async () => {
    const who = await staff('assistant');
    const at = new Date('2031-02-03T04:05:06Z');
    const line = await inTransaction((transaction) =>
      audit(
        { who, action: 'Notice.publish', recordId: 77, changes: { publishedAt: [null, at] }, note: '发布' },
        transaction,
      ),
    );
    const stored = (await AuditLog.findByPk(line.id))!;
    expect(stored).to.include({
      staffId: who.id,
      action: 'Notice.publish',
      resource: 'Notice',
      recordId: '77',
      note: '发布',
    });
    expect(stored.changes).to.deep.equal({ publishedAt: [null, at.toISOString()] });
    const failed = await inTransaction(async (transaction) => {
      await audit({ who, action: 'Notice.publish', recordId: 78, note: '随事务回滚' }, transaction);
      throw new Error('rolled back');
    }).catch((error: Error) => error.message);
    expect(failed).to.equal('rolled back');
    expect(await AuditLog.count({ where: { note: '随事务回滚' } })).to.equal(0);
    const elsewhere = await audit({ who: null, action: 'Bill.generate', resource: 'BillingRun', recordId: null });
    expect(elsewhere).to.include({ staffId: null, resource: 'BillingRun', recordId: null, note: null });
    expect(elsewhere.changes).to.deep.equal({});
  });

  it('a workflow step returns the row with what it did, as the audit note says it', async () => {
    await smallEstate(2);
    const cashier = (await loadActor((await staff('cashier')).id))!;
    const now = new Date('2046-06-10T04:00:00Z');
    await generateMonthlyBills(cashier, { period: '2046-05' }, now);
    const run = (await BillingRun.findOne({ where: { period: '2046-05' } }))!;
    const undone = await undoBillingRun(cashier, run.id, {}, now);
    expect(undone.status).to.equal('undone');
    expect(undone.outcome).to.match(/^已删除2046年5月账单 \d+ 张/);
    const line = await AuditLog.findOne({ where: { action: 'BillingRun.undo', recordId: String(run.id) } });
    expect(line?.note).to.equal(`撤销本次账单生成（账单生成记录）：${undone.outcome}`);
  });
});
