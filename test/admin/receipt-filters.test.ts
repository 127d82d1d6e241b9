// The receipts list filtered the way the cashier looks for a receipt, through the admin API the list page uses:
// 业主, 房屋 (any room whose bill the receipt settles, through its allocations or an old receipt's one bill), 交款人,
// 收款方式 and 收款日期 (whole days in Shanghai).
import { expect } from 'chai';
import { Owner, PaymentAllocation, Payment } from '../../src/models/index.js';
import { shanghaiMoment } from '../../src/lib/shanghai.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { bill } from '../support/records.js';
import { smallEstate } from '../support/estate.js';
import { signedInClient, type Client } from '../support/http.js';

type Listed = { records: { id: string }[] };
const ids = (body: Listed) => body.records.map((r) => Number(r.id));
const tag = () => Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);

describe('receipts filter by owner, room, payer, method and day', () => {
  let cashier: Client;
  before(async () => {
    cashier = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
  });

  /** Two rooms of one owner and a neighbour's, with receipts made through 收款 as the cashier makes them. */
  async function receipts() {
    const { units, owners } = await smallEstate(3);
    await units[1].update({ ownerId: owners[0].id });
    const payer = `交款人${tag()}`;
    const [a1, a2, b1, c1] = await Promise.all([
      bill(units[0], { period: '2026-09', amount: 10_000 }),
      bill(units[1], { period: '2026-09', amount: 20_000, ownerId: owners[0].id }),
      bill(units[0], { period: '2026-10', amount: 30_000 }),
      bill(units[2], { period: '2026-09', amount: 40_000 }),
    ]);
    const collect = async (owner: Owner, billIds: number[], amount: number, method: string, payerName: string) => {
      const { body } = await cashier.act('Owner', owner.id, 'collect', {
        billIds: billIds.join(','),
        amount,
        method,
        payerName,
      });
      expect(body.notice?.type, JSON.stringify(body.notice)).to.equal('success');
      return (await Payment.findOne({ where: { payerName }, order: [['id', 'DESC']] }))!;
    };
    // One receipt of two rooms' bills (through its allocations), one of the first room only, one of the neighbour.
    const both = await collect(owners[0], [a1.id, a2.id], 30_000, 'cash', payer);
    const first = await collect(owners[0], [b1.id], 30_000, 'wechat', `${payer}家属`);
    const neighbour = await collect(owners[2], [c1.id], 40_000, 'cash', `邻居${tag()}`);
    return { units, owners, payer, both, first, neighbour };
  }

  it('房屋 finds every receipt that settles a bill of the room, 业主 the owner’s, 交款人 and 收款方式 theirs', async () => {
    const { units, owners, payer, both, first, neighbour } = await receipts();
    const list = async (filters: Record<string, string | number>) =>
      ids(await cashier.list('Payment', filters, { perPage: 100 }));
    expect((await list({ unitId: units[1].id })).sort()).to.deep.equal([both.id]);
    expect((await list({ unitId: units[0].id })).sort()).to.deep.equal([both.id, first.id].sort());
    expect(await list({ unitId: units[2].id })).to.deep.equal([neighbour.id]);
    expect((await list({ ownerId: owners[0].id })).sort()).to.deep.equal([both.id, first.id].sort());
    expect((await list({ payerName: payer })).sort()).to.deep.equal([both.id, first.id].sort());
    expect(await list({ payerName: payer, method: 'wechat' })).to.deep.equal([first.id]);
    expect(await list({ unitId: units[0].id, method: 'cash' })).to.deep.equal([both.id]);
    expect(await list({ unitId: 'abc' })).to.deep.equal([]);
  });

  it('房屋 also finds an old one-bill receipt through its bill', async () => {
    const { units, first } = await receipts();
    // As receipts were before 收据分摊 (migration 0013): the bill on the receipt, no allocation.
    await PaymentAllocation.destroy({ where: { paymentId: first.id } });
    await first.update({ billId: (await bill(units[0], { period: '2026-11', amount: 100 })).id, unitId: null });
    const listed = ids(await cashier.list('Payment', { unitId: units[0].id }, { perPage: 100 }));
    expect(listed).to.include(first.id);
  });

  it('收款日期 takes whole Shanghai days: a receipt at 00:30 in Shanghai is on that day, not the one before', async () => {
    const { both, first, neighbour } = await receipts();
    await both.update({ paidAt: shanghaiMoment('2031-03-05', 0, 30) });
    await first.update({ paidAt: shanghaiMoment('2031-03-04', 23, 50) });
    await neighbour.update({ paidAt: shanghaiMoment('2031-03-06', 0, 0) });
    const on = async (range: { from?: string; to?: string }) => {
      const filters = Object.fromEntries(Object.entries(range).map(([k, v]) => [`paidDay~~${k}`, v]));
      return ids(await cashier.list('Payment', filters, { perPage: 100 })).filter((id) =>
        [both.id, first.id, neighbour.id].includes(id),
      );
    };
    expect(await on({ from: '2031-03-05', to: '2031-03-05' })).to.deep.equal([both.id]);
    expect((await on({ from: '2031-03-04', to: '2031-03-05' })).sort()).to.deep.equal([both.id, first.id].sort());
    expect(await on({ from: '2031-03-06' })).to.deep.equal([neighbour.id]);
    expect((await on({ to: '2031-03-04' })).sort())
      .to.include(first.id)
      .and.not.include(both.id);
    // A day that is no day is no filter.
    expect((await on({ from: '2031-13-45' })).length).to.equal(3);
  });
});
