// 我的工作台: each tile counts the queue's records the person may take its action on, decided per record by the
// authority core — so a condition or a deny rule the director adds changes the count exactly as it changes the buttons.
import { expect } from 'chai';
import { Op } from 'sequelize';
import { AuthorityRule, RenovationDeposit, Staff, Ticket } from '../../src/models/index.js';
import { dashboardData } from '../../src/admin/dashboard.js';
import { loadActor } from '../../src/auth/actor.js';
import { loadRules } from '../../src/rules/store.js';
import { department, position, staff } from '../support/factories.js';
import { heldDeposit, ticket } from '../support/records.js';

let counter = 0;

async function desk(member: Staff, cap?: number) {
  return dashboardData({ actor: await loadActor(member.id) } as never, new Date(), cap);
}

const tile = async (member: Staff, label: string, cap?: number) =>
  (await desk(member, cap)).tiles.find((t) => t.label === label);

/** A held deposit whose renovation passed inspection: one the cashier may refund. */
const refundableDeposit = (amount: number) => heldDeposit({ amount, inspection: 'passed' });

/** Runs `check` with a deny rule on RenovationDeposit.refund in force, then takes the rule away again. */
async function withDenyRule(record: Record<string, unknown>, check: () => Promise<void>) {
  counter += 1;
  const rule = await AuthorityRule.create({
    name: `测试：工作台拒绝规则${counter}`,
    actions: ['RenovationDeposit.refund'],
    effect: 'deny',
    priority: 1,
    enabled: true,
    clause: '测试',
    conditions: { all: [record] },
  } as never);
  await loadRules();
  try {
    await check();
  } finally {
    await rule.destroy();
    await loadRules();
  }
}

describe('我的工作台 counts, record by record, what the person may act on', () => {
  it('收费员: a deny rule on some deposits takes exactly those out of 可退还的装修押金', async () => {
    const cashier = await staff('cashier');
    const deposits = [
      await refundableDeposit(300_000),
      await refundableDeposit(300_000),
      await refundableDeposit(300_000),
    ];
    const before = (await tile(cashier, '可退还的装修押金'))!;
    expect(before.count).to.be.at.least(3);
    expect(before.href).to.equal(
      '/admin/resources/RenovationDeposit?filters.status=held&filters.inspectionResult=passed',
    );
    await withDenyRule(
      { fact: 'record', path: 'id', operator: 'in', value: [deposits[0].id, deposits[2].id] },
      async () => {
        expect((await tile(cashier, '可退还的装修押金'))!.count).to.equal(before.count - 2);
      },
    );
    expect((await tile(cashier, '可退还的装修押金'))!.count).to.equal(before.count);
  });

  it('收费员: a condition on the amount counts only the deposits it leaves to them', async () => {
    const cashier = await staff('cashier');
    await refundableDeposit(100_000);
    const large = await refundableDeposit(8_000_000);
    const before = (await tile(cashier, '可退还的装修押金'))!.count;
    const largeOnes = (
      await RenovationDeposit.findAll({ where: { status: 'held', inspectionResult: 'passed' } })
    ).filter((d) => d.amount >= 5_000_000);
    expect(largeOnes.map((d) => d.id)).to.include(large.id);
    await withDenyRule(
      { fact: 'record', path: 'amount', operator: 'greaterThanInclusive', value: 5_000_000 },
      async () => {
        expect((await tile(cashier, '可退还的装修押金'))!.count).to.equal(before - largeOnes.length);
      },
    );
  });

  it('a position that may refund no deposit sees no 可退还的装修押金 tile; nor does a cashier a deny rule keeps from every one', async () => {
    await refundableDeposit(200_000);
    for (const code of ['receptionist', 'garage_keeper', 'engineering_supervisor']) {
      expect(await tile(await staff(code), '可退还的装修押金'), code).to.equal(undefined);
    }
    const cashier = await staff('cashier');
    expect(await tile(cashier, '可退还的装修押金')).to.not.equal(undefined);
    await withDenyRule({ fact: 'actor', path: 'id', operator: 'equal', value: cashier.id }, async () => {
      expect(await tile(cashier, '可退还的装修押金')).to.equal(undefined);
      // Another cashier keeps theirs.
      expect(await tile(await staff('cashier'), '可退还的装修押金')).to.not.equal(undefined);
    });
  });

  it('接待员 counts every reported ticket as 待派工, linked to the list of reported tickets, as before', async () => {
    await ticket('reported');
    const reception = await staff('receptionist');
    const dispatch = (await tile(reception, '待派工的报事'))!;
    expect(dispatch.count).to.equal(await Ticket.count({ where: { status: 'reported' } }));
    expect(dispatch.more).to.equal(false);
    expect(dispatch.href).to.equal('/admin/resources/Ticket?filters.status=reported');
    // The 今日 figures stay.
    expect((await desk(reception)).figures.map((f) => f.label)).to.deep.equal(['今日新报事', '逾期未完成']);
  });

  it("工程部 staff count the dispatched tickets of their own department, not another's", async () => {
    const engineering = await department('工程部');
    await ticket('dispatched');
    await ticket('dispatched', { departmentId: (await department('保洁部')).id });
    const technician = await staff('technician');
    expect(technician.departmentId).to.equal(engineering.id);
    const own = (await tile(technician, '本部门待处理的派工'))!;
    expect(own.count).to.equal(await Ticket.count({ where: { status: 'dispatched', departmentId: engineering.id } }));
    expect(own.count).to.be.below(await Ticket.count({ where: { status: 'dispatched' } }));
  });

  it('管理处主任 counts the accounts waiting for a position; 系统管理员 the locked accounts (the account status the rule reads)', async () => {
    const cashierPosition = await position('cashier');
    const stamp = Date.now().toString(36);
    await Staff.create({
      name: '待核定员工',
      email: `dash-proposed-${stamp}@test.local`,
      passwordHash: 'x',
      proposedPositionId: cashierPosition.id,
    } as never);
    await Staff.create({
      name: '被锁定员工',
      email: `dash-locked-${stamp}@test.local`,
      passwordHash: 'x',
      lockedAt: new Date(),
      lockReason: '测试',
    } as never);
    const pending = (await tile(await staff('director'), '待核定岗位的员工'))!;
    expect(pending.count).to.equal(await Staff.count({ where: { proposedPositionId: { [Op.ne]: null } } }));
    expect(pending.href).to.equal('/admin/resources/Staff?filters.pendingPosition=true');
    const locked = (await tile(await staff('system_admin'), '已锁定的账号'))!;
    const lockedRows = (await Staff.findAll()).filter((s) => s.status === 'locked');
    expect(locked.count).to.equal(lockedRows.length);
    expect(locked.href).to.equal('/admin/resources/Staff?filters.locked=true');
    // Neither sees the other's queue.
    expect(await tile(await staff('system_admin'), '待核定岗位的员工')).to.equal(undefined);
    expect(await tile(await staff('cashier'), '已锁定的账号')).to.equal(undefined);
  });

  it('past its cap the desk shows how many it counted, marked as "at least"', async () => {
    await ticket('reported');
    await ticket('reported');
    const reception = await staff('receptionist');
    const total = await Ticket.count({ where: { status: 'reported' } });
    const capped = (await tile(reception, '待派工的报事', total - 1))!;
    expect([capped.count, capped.more]).to.deep.equal([total - 1, true]);
    const exact = (await tile(reception, '待派工的报事', total))!;
    expect([exact.count, exact.more]).to.deep.equal([total, false]);
  });
});
