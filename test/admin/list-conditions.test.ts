import { expect } from 'chai';
import { Owner, Ticket, Unit } from '../../src/models/index.js';
import { overdueTicketWhere } from '../../src/models/ticket.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { bill, ticket } from '../support/records.js';
import { signedInClient } from '../support/http.js';
import { smallEstate } from '../support/estate.js';
import { addDays, shanghaiDay } from '../../src/lib/shanghai.js';

const HOUR = 3_600_000;
const ids = (body: { records: { id: string | number }[] }) => body.records.map((r) => Number(r.id));

/** A ticket due `hoursFromNow` hours from now (before now when negative). */
const ticketDue = (hoursFromNow: number, status: 'reported' | 'dispatched' | 'completed' = 'reported') =>
  ticket(status, { dueAt: new Date(Date.now() + hoursFromNow * HOUR) });

describe('list conditions: overdue tickets, owners due for review or incomplete, pickers that find by phone or room', () => {
  it('the ticket list filters and marks overdue tickets: open and past due, never a completed one', async () => {
    const late = await ticketDue(-5, 'dispatched');
    const onTime = await ticketDue(+5);
    const doneLate = await ticketDue(-5, 'completed');
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const overdue = await client.list('Ticket', { overdue: true }, { perPage: 500 });
    expect(ids(overdue)).to.include(late.id).and.not.include(onTime.id).and.not.include(doneLate.id);
    expect(overdue.records.every((r: { params: { overdue: boolean } }) => r.params.overdue === true)).to.equal(true);
    expect(overdue.meta.total).to.equal(await Ticket.count({ where: overdueTicketWhere(new Date()) }));
    const notOverdue = await client.list('Ticket', { overdue: false }, { perPage: 500 });
    expect(ids(notOverdue)).to.include(onTime.id).and.include(doneLate.id).and.not.include(late.id);
    const combined = await client.list('Ticket', { overdue: true, status: 'dispatched' }, { perPage: 500 });
    expect(ids(combined)).to.include(late.id);
    expect(combined.records.every((r: { params: { status: string } }) => r.params.status === 'dispatched')).to.equal(
      true,
    );
  });

  it('owners: 待清理 (never reviewed, or a year ago) and 档案缺项 (phone, unit, move-in date) are shown and filtered', async () => {
    const today = shanghaiDay(new Date());
    const { owners } = await smallEstate(1);
    const housed = await owners[0].update({ moveInDate: '2020-05-01', lastReviewedOn: addDays(today, -30) });
    const stale = await Owner.create({
      name: '孙志强',
      phone: '13911112222',
      moveInDate: '2019-03-01',
      lastReviewedOn: addDays(today, -400),
    } as never);
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const due = await client.list('Owner', { reviewDue: true }, { perPage: 500 });
    expect(ids(due)).to.include(stale.id).and.not.include(housed.id);
    const incomplete = await client.list('Owner', { incomplete: true }, { perPage: 500 });
    expect(ids(incomplete)).to.include(stale.id).and.not.include(housed.id);
    const shown = (await client.show('Owner', stale.id)).body.record.params;
    expect(shown).to.include({ archiveGaps: '缺房屋', reviewDue: true });
    const complete = (await client.show('Owner', housed.id)).body.record.params;
    expect(complete).to.include({ archiveGaps: '完整', reviewDue: false });
  });

  it("an owner's overdue arrears and months in arrears show on the list and the record", async () => {
    const { owners, units } = await smallEstate(1);
    await bill(units[0], { period: '2026-08', amount: 25_000 });
    await bill(units[0], { period: '2026-09', amount: 25_000, paidAmount: 10_000 });
    await bill(units[0], { period: '2026-10', amount: 25_000, paidAmount: 25_000 });
    await bill(units[0], { period: '2099-01', amount: 25_000 });
    const client = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    const shown = (await client.show('Owner', owners[0].id)).body.record.params;
    expect(shown).to.include({ arrearsAmount: 40_000, monthsInArrears: 2 });
  });

  it('the owner picker finds an owner by phone or room number, the unit picker a unit by its owner', async () => {
    const { owners, units } = await smallEstate(2);
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const search = async (resource: string, query: string) => ids(await client.search(resource, query));
    expect(await search('Owner', owners[1].phone!))
      .to.include(owners[1].id)
      .and.not.include(owners[0].id);
    expect(await search('Owner', units[0].label))
      .to.include(owners[0].id)
      .and.not.include(owners[1].id);
    expect(await search('Owner', owners[0].name)).to.include(owners[0].id);
    const owned = await Unit.findAll({ where: { ownerId: owners[1].id } });
    expect(await search('Unit', owners[1].name)).to.include.members(owned.map((u) => u.id));
    // A quote in the search is text, not SQL.
    expect(await search('Owner', `' OR 1=1 --`)).to.deep.equal([]);
  });

  it("my desk links the overdue count to the overdue filter and shows today's figures to those who may read them", async () => {
    const reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const desk = await reception.desk();
    const tile = desk.tiles.find((t: { label: string }) => t.label === '逾期未完成的报事');
    expect(tile.href).to.equal('/admin/resources/Ticket?filters.overdue=true');
    expect(desk.figures.map((f: { label: string }) => f.label)).to.deep.equal(['今日新报事', '逾期未完成']);
    const cashier = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const figures = (await cashier.desk()).figures.map((f: { label: string }) => f.label);
    expect(figures).to.include('今日收款');
    const garage = await signedInClient((await staff('garage_keeper')).email, TEST_PASSWORD);
    expect((await garage.desk()).figures).to.deep.equal([]);
  });
});

describe('text filters match what was typed, dots and brackets included', () => {
  it('finds a staff member by their whole email, and a 权限测试 by its action code', async () => {
    const member = await staff('cashier');
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const byEmail = await director.list('Staff', { email: member.email });
    expect(byEmail.records.map((r: { id: string }) => Number(r.id))).to.deep.equal([member.id]);
    const byAction = await director.list('AuthorityTest', { action: 'RenovationDeposit.refund' });
    expect(byAction.meta.total).to.be.greaterThan(0);
    for (const record of byAction.records) expect(record.params.action).to.equal('退押金（装修押金）');
  });
});
