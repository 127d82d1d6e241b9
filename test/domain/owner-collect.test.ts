// 业主收款 (Owner.collect) through the path the admin UI uses, and the contract:
// POST /admin/api/resources/Owner/records/<ownerId>/collect with billIds (comma-separated), amount (fen) and method
// issues one receipt that settles those bills oldest period first; the notice carries the receipt number; a bill of
// another owner, a paid bill or an amount above what is due is refused with nothing written.
import { expect } from 'chai';
import { Op } from 'sequelize';
import {
  AuditLog,
  Bill,
  Payment,
  PaymentAllocation,
  sequelize,
  type Owner,
  type Staff,
  type Unit,
} from '../../src/models/index.js';
import { shanghaiYear } from '../../src/lib/shanghai.js';
import { signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { bill } from '../support/records.js';
import { moneyInvariantViolations } from '../support/money-invariants.js';

type Form = Record<string, string | number>;

/** An owner with three unpaid management bills (9月, 10月, 11月) of 250.00, 260.00 and 270.00 元, and a neighbour's. */
async function ownerInArrears() {
  const { units, owners } = await smallEstate(2);
  const [sep, oct, nov] = await Promise.all([
    bill(units[0], { period: '2026-09', amount: 25_000 }),
    bill(units[0], { period: '2026-10', amount: 26_000 }),
    bill(units[0], { period: '2026-11', amount: 27_000 }),
  ]);
  const neighbours = await bill(units[1], { period: '2026-10', amount: 30_000 });
  return { owner: owners[0], unit: units[0], other: { owner: owners[1], unit: units[1] }, sep, oct, nov, neighbours };
}

const collect = (client: Client, owner: Owner, form: Form) => client.act('Owner', owner.id, 'collect', form);
const ids = (...bills: Bill[]) => bills.map((b) => b.id).join(',');

/**
 * The money invariants on what a test touched: the bills of its room, the receipts and cash reports of its cashiers
 * (other tests' rows are theirs; the numbering of the year is checked where a test draws numbers).
 */
const violations = (unit: Unit, cashiers: Staff[]) =>
  moneyInvariantViolations(sequelize, { unitIds: [unit.id], cashierIds: cashiers.map((c) => c.id), years: [] });

/** Everything a refused collect must leave untouched. */
async function snapshot(bills: Bill[]) {
  const rows = await Bill.findAll({ where: { id: bills.map((b) => b.id) }, order: [['id', 'ASC']] });
  return {
    payments: await Payment.count(),
    allocations: await PaymentAllocation.count(),
    audit: await AuditLog.count({ where: { action: 'Owner.collect' } }),
    bills: rows.map((b) => [b.id, b.paidAmount, b.status]),
  };
}

let cashier: Staff;
let client: Client;
before(async () => {
  cashier = await staff('cashier');
  client = await signedInClient(cashier.email, TEST_PASSWORD);
});

describe('业主收款 (Owner.collect): one receipt for several bills', () => {
  it('收费员 may collect three months in one receipt: oldest first, one receipt number in the notice, each bill paid, the receipt the sum of its allocations', async () => {
    const { owner, unit, sep, oct, nov } = await ownerInArrears();
    const { status, body } = await collect(client, owner, {
      billIds: ids(nov, sep, oct),
      amount: 78_000,
      method: 'wechat',
    });
    expect(status).to.equal(200);
    expect(body.notice.type).to.equal('success');
    const number = /收据号 (SK\d{4}-\d{6})/.exec(body.notice.message)?.[1];
    expect(number, body.notice.message).to.be.a('string');
    expect(body.notice.message).to.equal(`已收款 ¥780.00，收据号 ${number}（3 张账单）`);

    const receipt = (await Payment.findOne({ where: { receiptNumber: number! } }))!;
    expect(receipt).to.include({
      kind: 'fee',
      method: 'wechat',
      amount: 78_000,
      status: 'valid',
      ownerId: owner.id,
      unitId: unit.id,
      payerName: owner.name,
      cashierId: cashier.id,
      billId: null,
    });
    expect(body.redirectUrl).to.equal(`/admin/resources/Payment/records/${receipt.id}/show`);
    const allocations = await PaymentAllocation.findAll({ where: { paymentId: receipt.id }, order: [['id', 'ASC']] });
    expect(allocations.map((a) => [a.billId, a.amount])).to.deep.equal([
      [sep.id, 25_000],
      [oct.id, 26_000],
      [nov.id, 27_000],
    ]);
    for (const b of [sep, oct, nov]) {
      await b.reload();
      expect(b).to.include({ paidAmount: b.amount, status: 'paid' });
    }
    const line = (await AuditLog.findOne({ where: { action: 'Owner.collect', recordId: String(receipt.id) } }))!;
    expect(line.staffId).to.equal(cashier.id);
    expect(line.note).to.include(number!).and.include('2026年9月物业管理费');
    expect(await violations(unit, [cashier])).to.deep.equal([]);
  });

  it('a smaller amount settles the oldest bills first and the last one partly, whatever order the ids come in', async () => {
    const { owner, sep, oct, nov } = await ownerInArrears();
    const { body } = await collect(client, owner, { billIds: ids(nov, oct, sep), amount: 60_000, method: 'cash' });
    expect(body.notice.type, body.notice.message).to.equal('success');
    await Promise.all([sep.reload(), oct.reload(), nov.reload()]);
    expect([sep, oct, nov].map((b) => [b.paidAmount, b.status])).to.deep.equal([
      [25_000, 'paid'],
      [26_000, 'paid'],
      [9_000, 'partial'],
    ]);
    // The rest of November is a second receipt on the same bill.
    const again = await collect(client, owner, { billIds: String(nov.id), amount: 18_000, method: 'card' });
    expect(again.body.notice.type, again.body.notice.message).to.equal('success');
    await nov.reload();
    expect(nov).to.include({ paidAmount: 27_000, status: 'paid' });
    expect(await PaymentAllocation.count({ where: { billId: nov.id } })).to.equal(2);
  });

  it('cash: the money handed over and the change are in the notice', async () => {
    const { owner, sep, oct } = await ownerInArrears();
    const { body } = await collect(client, owner, {
      billIds: ids(sep, oct),
      amount: 51_000,
      method: 'cash',
      tendered: 60_000,
    });
    expect(body.notice.message).to.match(
      /^已收款 ¥510\.00，收据号 SK\d{4}-\d{6}（2 张账单）；实收 ¥600\.00，找零 ¥90\.00$/,
    );
  });

  it("opening 收款 (GET) lists the owner's bills still owing, oldest first, with what each still owes, and writes nothing", async () => {
    const { owner, sep, oct, nov, neighbours } = await ownerInArrears();
    await collect(client, owner, { billIds: ids(sep), amount: 10_000, method: 'cash' });
    const before = await snapshot([sep, oct, nov]);
    const { body } = await client.open('Owner', owner.id, 'collect', { billIds: String(oct.id) });
    const listed = JSON.parse(body.record.params.collectable) as Array<{ id: number; due: number; status: string }>;
    expect(listed.map((b) => [b.id, b.due, b.status])).to.deep.equal([
      [sep.id, 15_000, 'partial'],
      [oct.id, 26_000, 'unpaid'],
      [nov.id, 27_000, 'unpaid'],
    ]);
    expect(listed.map((b) => b.id)).to.not.include(neighbours.id);
    expect(await snapshot([sep, oct, nov])).to.deep.equal(before);
  });

  it('客户接待员 may not collect: refused with the reason, nothing written', async () => {
    const { owner, sep, oct } = await ownerInArrears();
    const reception = await staff('receptionist');
    const theirs = await signedInClient(reception.email, TEST_PASSWORD);
    const before = await snapshot([sep, oct]);
    const { body } = await collect(theirs, owner, { billIds: ids(sep, oct), amount: 51_000, method: 'cash' });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.include('收款');
    expect(await snapshot([sep, oct])).to.deep.equal(before);
    const shown = await theirs.show('Owner', owner.id);
    expect(shown.body.record.recordActions.map((a: { name: string }) => a.name)).to.not.include('collect');
    const mine = await client.show('Owner', owner.id);
    expect(mine.body.record.recordActions.map((a: { name: string }) => a.name)).to.include('collect');
  });

  describe('refuses, in Chinese, with nothing written', () => {
    type Fixture = Awaited<ReturnType<typeof ownerInArrears>>;
    const cases: Array<[string, (f: Fixture) => Promise<Form> | Form, string, string]> = [
      [
        'a bill of another owner',
        (f) => ({ billIds: ids(f.sep, f.neighbours), amount: 55_000, method: 'cash' }),
        'billIds',
        '不是业主',
      ],
      [
        'a bill already paid',
        async (f) => {
          await collect(client, f.owner, { billIds: ids(f.sep), amount: 25_000, method: 'cash' });
          return { billIds: ids(f.sep, f.oct), amount: 51_000, method: 'cash' };
        },
        'billIds',
        '已缴清，不能重复收款',
      ],
      [
        'an amount above what the bills owe',
        (f) => ({ billIds: ids(f.sep, f.oct), amount: 51_001, method: 'cash' }),
        'amount',
        '不能超过所选账单的未缴合计 ¥510.00',
      ],
      ['a zero amount', (f) => ({ billIds: ids(f.sep), amount: 0, method: 'cash' }), 'amount', '收款金额必须大于零'],
      [
        'a negative amount',
        (f) => ({ billIds: ids(f.sep), amount: -5, method: 'cash' }),
        'amount',
        '收款金额必须大于零',
      ],
      [
        'an amount that is not a number of fen',
        (f) => ({ billIds: ids(f.sep), amount: '250.00', method: 'cash' }),
        'amount',
        '收款金额必须是以分为单位的整数',
      ],
      [
        'an unknown method',
        (f) => ({ billIds: ids(f.sep), amount: 100, method: 'bitcoin' }),
        'method',
        '收款方式不正确：bitcoin',
      ],
      ['no method', (f) => ({ billIds: ids(f.sep), amount: 100 }), 'method', '请选择收款方式'],
      ['no bills', () => ({ billIds: '', amount: 100, method: 'cash' }), 'billIds', '请选择要缴费的账单'],
      [
        'a bill id that is not a number',
        (f) => ({ billIds: `${f.sep.id},abc`, amount: 100, method: 'cash' }),
        'billIds',
        '账单编号不正确：abc',
      ],
      [
        'an unknown bill',
        (f) => ({ billIds: `${f.sep.id},2000000000`, amount: 100, method: 'cash' }),
        'billIds',
        '账单不存在：编号 2000000000',
      ],
      [
        'an amount that does not reach every bill ticked',
        (f) => ({ billIds: ids(f.sep, f.oct), amount: 25_000, method: 'cash' }),
        'billIds',
        '分不到金额',
      ],
      [
        'less cash handed over than the amount',
        (f) => ({ billIds: ids(f.sep), amount: 25_000, method: 'cash', tendered: 20_000 }),
        'tendered',
        '实收现金不足：还差 ¥50.00',
      ],
    ];
    for (const [label, form, field, message] of cases) {
      it(label, async () => {
        const fixture = await ownerInArrears();
        const fields = await form(fixture);
        const all = [fixture.sep, fixture.oct, fixture.nov, fixture.neighbours];
        const before = await snapshot(all);
        const { status, body } = await collect(client, fixture.owner, fields);
        expect(status).to.equal(200);
        expect(body.notice.type, JSON.stringify(body.notice)).to.equal('error');
        expect(body.record.errors[field]?.message, JSON.stringify(body.record.errors)).to.include(message);
        expect(body.notice.message).to.match(/[\u4e00-\u9fff]/);
        expect(await snapshot(all)).to.deep.equal(before);
      });
    }
  });
});

describe('业主收款 at the same time (several instances, one database)', () => {
  it('two collects of the same bills at once: exactly one receipt, the other refused in Chinese, nothing half-written', async () => {
    const { owner, unit, sep, oct, nov } = await ownerInArrears();
    const year = shanghaiYear(new Date());
    const lastBefore = Number(await Payment.max('receiptSequence', { where: { receiptYear: year } })) || 0;
    const otherCashier = await staff('cashier');
    const other = await signedInClient(otherCashier.email, TEST_PASSWORD);
    const results = await Promise.all(
      [client, other].map((c) => collect(c, owner, { billIds: ids(sep, oct, nov), amount: 78_000, method: 'cash' })),
    );
    const outcomes = results.map((r) => r.body.notice?.type);
    expect(outcomes.sort()).to.deep.equal(['error', 'success']);
    const refused = results.find((r) => r.body.notice?.type === 'error')!;
    expect(refused.body.notice.message).to.match(/已缴清，不能重复收款|刚被其他收款更新/);
    const receipts = await Payment.findAll({ where: { ownerId: owner.id } });
    expect(receipts).to.have.length(1);
    expect(await PaymentAllocation.count({ where: { billId: [sep.id, oct.id, nov.id] } })).to.equal(3);
    for (const b of [sep, oct, nov]) {
      await b.reload();
      expect(b).to.include({ paidAmount: b.amount, status: 'paid' });
    }
    // One number drawn, none skipped.
    expect(Number(await Payment.max('receiptSequence', { where: { receiptYear: year } }))).to.equal(lastBefore + 1);
    expect(await violations(unit, [cashier, otherCashier])).to.deep.equal([]);
  });

  it('many collects and 收款收据 over overlapping bills at once: each bill settled at most what it owes, every receipt its allocations', async () => {
    const { owner, unit, sep, oct, nov } = await ownerInArrears();
    const cashiers = await Promise.all(Array.from({ length: 3 }, () => staff('cashier')));
    const clients = await Promise.all(cashiers.map((c) => signedInClient(c.email, TEST_PASSWORD)));
    const forms: Array<[Client, 'collect' | 'new', Form]> = [
      [clients[0], 'collect', { billIds: ids(sep, oct), amount: 51_000, method: 'cash' }],
      [clients[1], 'collect', { billIds: ids(oct, nov), amount: 53_000, method: 'wechat' }],
      [clients[2], 'collect', { billIds: ids(sep, oct, nov), amount: 60_000, method: 'card' }],
      [clients[0], 'new', { billId: nov.id, amount: 27_000, method: 'alipay' }],
      [clients[1], 'collect', { billIds: ids(nov), amount: 10_000, method: 'cash' }],
      [clients[2], 'new', { billId: sep.id, amount: 25_000, method: 'cash' }],
    ];
    const results = await Promise.all(
      forms.map(([c, how, form]) => (how === 'collect' ? collect(c, owner, form) : c.create('Payment', form))),
    );
    expect(results.every((r) => r.status === 200)).to.equal(true);
    const succeeded = results.filter((r) => r.body.notice?.type === 'success').length;
    expect(succeeded).to.be.at.least(1);
    expect(await Payment.count({ where: { ownerId: owner.id } })).to.equal(succeeded);
    for (const b of [sep, oct, nov]) {
      await b.reload();
      expect(b.paidAmount).to.be.at.most(b.amount);
    }
    expect(await violations(unit, cashiers)).to.deep.equal([]);
    for (const r of results.filter((x) => x.body.notice?.type === 'error'))
      expect(r.body.notice.message).to.match(/[\u4e00-\u9fff]/);
  });
});

describe('作废 a receipt of several bills', () => {
  it('gives each bill back what the receipt paid on it, in one step: a bill partly paid before stays partly paid', async () => {
    const { owner, unit, sep, oct, nov } = await ownerInArrears();
    await collect(client, owner, { billIds: ids(sep), amount: 5_000, method: 'cash' });
    const { body } = await collect(client, owner, { billIds: ids(sep, oct, nov), amount: 60_000, method: 'wechat' });
    const receipt = (await Payment.findOne({
      where: { receiptNumber: /收据号 (\S+)（/.exec(body.notice.message)![1] },
    }))!;
    await Promise.all([sep.reload(), oct.reload(), nov.reload()]);
    expect([sep, oct, nov].map((b) => b.status)).to.deep.equal(['paid', 'paid', 'partial']);
    const voided = await client.act('Payment', receipt.id, 'void', { voidReason: '收款方式选错，作废重开' });
    expect(voided.body.notice.type, voided.body.notice.message).to.equal('success');
    await Promise.all([sep.reload(), oct.reload(), nov.reload(), receipt.reload()]);
    expect(receipt.status).to.equal('voided');
    expect([sep, oct, nov].map((b) => [b.paidAmount, b.status])).to.deep.equal([
      [5_000, 'partial'],
      [0, 'unpaid'],
      [0, 'unpaid'],
    ]);
    // The allocations stay with the voided receipt: it shows what it had paid, and counts nothing.
    expect(await PaymentAllocation.count({ where: { paymentId: receipt.id } })).to.equal(3);
    expect(await violations(unit, [cashier])).to.deep.equal([]);
    const shown = await client.show('Payment', receipt.id);
    const lines = JSON.parse(shown.body.record.params.allocations) as Array<{
      id: number;
      amount: number;
      valid: boolean;
    }>;
    expect(lines.map((l) => [l.id, l.amount, l.valid])).to.deep.equal([
      [sep.id, 20_000, false],
      [oct.id, 26_000, false],
      [nov.id, 14_000, false],
    ]);
  });
});

describe("收款 from a room's and a bill's page", () => {
  const actionsOf = (body: { record: { recordActions: Array<{ name: string }> } }) =>
    body.record.recordActions.map((a) => a.name);

  it("收费员 may take 收款 on a bill still owing: it opens the owner's 收款 with that bill ticked; a paid bill has none", async () => {
    const { owner, sep, oct } = await ownerInArrears();
    expect(actionsOf((await client.show('Bill', sep.id)).body)).to.include('collect');
    const { body } = await client.open('Bill', sep.id, 'collect');
    expect(body.redirectUrl).to.equal(`/admin/resources/Owner/records/${owner.id}/collect?billIds=${sep.id}`);
    await collect(client, owner, { billIds: ids(oct), amount: 26_000, method: 'cash' });
    expect(actionsOf((await client.show('Bill', oct.id)).body)).to.not.include('collect');
    const shown = await client.show('Bill', oct.id);
    const receipts = JSON.parse(shown.body.record.params.receipts) as Array<{ title: string; amount: number }>;
    expect(receipts.map((r) => r.amount)).to.deep.equal([26_000]);
    expect(receipts[0].title).to.match(/^SK\d{4}-\d{6}$/);
  });

  it("收费员 may take 收款 on a room: it opens its owner's 收款 with the room's bills ticked", async () => {
    const { owner, unit } = await ownerInArrears();
    expect(actionsOf((await client.show('Unit', unit.id)).body)).to.include('collect');
    const { body } = await client.open('Unit', unit.id, 'collect');
    expect(body.redirectUrl).to.equal(`/admin/resources/Owner/records/${owner.id}/collect?unitId=${unit.id}`);
  });

  it('a vacant room has no owner to collect from: said in words', async () => {
    const { units } = await smallEstate(1, { vacant: 1 });
    const { body } = await client.open('Unit', units[0].id, 'collect');
    expect(body.notice.type).to.equal('error');
    expect(body.notice.message).to.include('没有业主');
  });

  it('客户接待员 may not: no 收款 on a bill or a room, and opening it is refused', async () => {
    const { sep, unit } = await ownerInArrears();
    const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    expect(actionsOf((await reception.show('Bill', sep.id)).body)).to.not.include('collect');
    expect(actionsOf((await reception.show('Unit', unit.id)).body)).to.not.include('collect');
    const { body } = await reception.open('Bill', sep.id, 'collect');
    expect(body.record?.baseError?.type ?? body.notice?.type).to.match(/ForbiddenError|error/);
    expect(body.redirectUrl ?? '').to.not.include('/collect');
  });
});

describe('收款收据 (Payment.new) is the one-bill collect', () => {
  it('settles its bill through one allocation and names the bill, its owner and room, whatever the form said', async () => {
    const { owner, unit, other, sep } = await ownerInArrears();
    const { body } = await client.create('Payment', {
      billId: sep.id,
      amount: 10_000,
      method: 'cash',
      ownerId: other.owner.id,
      unitId: other.unit.id,
    });
    expect(body.notice.type, body.notice.message).to.equal('success');
    const receipt = (await Payment.findOne({ where: { billId: sep.id } }))!;
    expect(receipt).to.include({ ownerId: owner.id, unitId: unit.id, amount: 10_000 });
    const [allocation] = await PaymentAllocation.findAll({ where: { paymentId: receipt.id } });
    expect(allocation).to.include({ billId: sep.id, amount: 10_000 });
  });

  it('its bill picker offers only bills still owing, oldest period first', async () => {
    const { unit, sep, oct, nov } = await ownerInArrears();
    await client.create('Payment', { billId: oct.id, amount: 26_000, method: 'cash' });
    await client.create('Payment', { billId: nov.id, amount: 1_000, method: 'cash' });
    const { body } = await client.json(
      'GET',
      `/admin/api/resources/Bill/actions/search/${encodeURIComponent(unit.label)}?filters.open=true&sortBy=period&direction=asc`,
    );
    const offered = (body.records as Array<{ id: string; params: { period: string; status: string } }>).map((r) => [
      Number(r.id),
      r.params.period,
      r.params.status,
    ]);
    expect(offered).to.deep.equal([
      [sep.id, '2026-09', 'unpaid'],
      [nov.id, '2026-11', 'partial'],
    ]);
    expect(await Bill.count({ where: { id: [sep.id, oct.id, nov.id], status: { [Op.ne]: 'unpaid' } } })).to.equal(2);
  });
});
