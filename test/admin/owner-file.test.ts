// 业主 / 房屋 360° through the admin API, as the owner's and the room's pages load them (params.file of the show
// action), and the search box of 我的工作台 (GET /admin/api/dashboard?q=…).
import { expect } from 'chai';
import {
  Correspondence,
  DunningPlan,
  DunningRecord,
  DunningTarget,
  ReturnVisit,
  type Bill,
  type Owner,
  type Ticket,
  type Unit,
} from '../../src/models/index.js';
import { signedInClient, send, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate, type SmallEstate } from '../support/estate.js';
import { bill, ticket } from '../support/records.js';

type Row = { id: number; href: string | null; cells: string[] };
type Section = { key: string; title: string; rows: Row[]; total: number; summary?: string; moreHref: string | null };
type Room = {
  id: number;
  label: string;
  arrears: { amount: number; months: number; owing: number; text: string } | null;
  sections: Section[];
  actions: { label: string; href: string }[];
};
type File = {
  kind: string;
  arrears: Room['arrears'];
  rooms: Room[] | null;
  sections: Section[];
  actions: { label: string; href: string }[];
};

const clients = new Map<string, Client>();
async function as(code: string): Promise<Client> {
  if (!clients.has(code)) clients.set(code, await signedInClient((await staff(code)).email, TEST_PASSWORD));
  return clients.get(code)!;
}

async function fileOf(client: Client, resource: 'Owner' | 'Unit', id: number): Promise<File> {
  const { status, body } = await client.show(resource, id);
  expect(status).to.equal(200);
  expect(body.record.params.file, JSON.stringify(body).slice(0, 300)).to.be.a('string');
  return JSON.parse(body.record.params.file) as File;
}

const keys = (sections: Section[]) => sections.map((s) => s.key);
const sectionOf = (room: Room, key: string) => room.sections.find((s) => s.key === key);

/**
 * An owner with two rooms. Room A: 8月 250.00 unpaid and 9月 250.00 partly paid (100.00), both overdue, 10月 paid, and
 * a bill of 2099 not yet due; a ticket reported, one archived with its return visit; a dunning plan names the room,
 * with one contact. Room B: one overdue bill of 300.00. The owner has a letter on file.
 */
let estate: SmallEstate;
let owner: Owner;
let roomA: Unit;
let roomB: Unit;
let bills: Record<string, Bill>;
let tickets: Ticket[];
let receiptNumber: string;

before(async () => {
  estate = await smallEstate(3);
  owner = estate.owners[0];
  roomA = estate.units[0];
  roomB = await estate.units[1].update({ ownerId: owner.id, number: '1204', label: `${estate.units[1].label}1204` });
  bills = {
    aug: await bill(roomA, { period: '2026-08', amount: 25_000 }),
    sep: await bill(roomA, { period: '2026-09', amount: 25_000, paidAmount: 10_000 }),
    oct: await bill(roomA, { period: '2026-10', amount: 25_000, paidAmount: 25_000 }),
    future: await bill(roomA, { period: '2099-01', amount: 25_000, dueDate: '2099-02-20' }),
    roomB: await bill(roomB, { period: '2026-08', amount: 30_000 }),
  };
  tickets = [await ticket('reported', { unit: roomA }), await ticket('archived', { unit: roomA })];
  const visitor = await staff('receptionist');
  await ReturnVisit.create({ ticketId: tickets[1].id, visitorId: visitor.id, method: 'phone', satisfaction: 5 });
  await Correspondence.create({
    kind: 'letter',
    direction: 'incoming',
    party: owner.name,
    subject: '关于电梯噪音的来信',
    handlerId: visitor.id,
    occurredOn: '2026-11-02',
    ownerId: owner.id,
  });
  const plan = await DunningPlan.create({ title: '测试催缴计划', status: 'started' } as never);
  const target = await DunningTarget.create({
    planId: plan.id,
    ownerId: owner.id,
    unitId: roomA.id,
    arrearsAmount: 40_000,
    monthsInArrears: 2,
  } as never);
  await DunningRecord.create({
    planId: plan.id,
    targetId: target.id,
    ownerId: owner.id,
    staffId: visitor.id,
    contactedAt: new Date(),
    method: 'phone',
    result: 'promised',
    promisedDate: '2026-12-20',
  } as never);
  // One receipt settles a bill of each room (收据分摊): it belongs to both rooms' files.
  const { body } = await (
    await as('cashier')
  ).act('Owner', owner.id, 'collect', {
    billIds: `${bills.aug.id},${bills.roomB.id}`,
    amount: 55_000,
    method: 'wechat',
  });
  expect(body.notice?.type, JSON.stringify(body.notice)).to.equal('success');
  receiptNumber = /收据号 (SK\d{4}-\d{6})/.exec(body.notice.message)![1];
});

describe('业主 / 房屋 360°: the whole file on the owner’s and the room’s page', () => {
  it("the owner's page lists both rooms, each with its bills, arrears, receipts (through allocations), tickets and visits", async () => {
    const file = await fileOf(await as('cashier'), 'Owner', owner.id);
    expect(file.kind).to.equal('owner');
    expect(file.rooms!.map((r) => r.id)).to.have.members([roomA.id, roomB.id]);
    const a = file.rooms!.find((r) => r.id === roomA.id)!;
    const b = file.rooms!.find((r) => r.id === roomB.id)!;
    // Room A: 8月 paid by the receipt; 9月 owes 150.00 overdue; 2099 owes 250.00, not yet due.
    expect(a.arrears).to.include({ amount: 15_000, months: 1, owing: 40_000 });
    expect(a.arrears!.text).to.equal('逾期欠费 150.00 元（1 个月），未缴合计 400.00 元');
    expect(b.arrears).to.include({ amount: 0, months: 0, owing: 0 });
    expect(file.arrears).to.include({ amount: 15_000, owing: 40_000 });
    const aBills = sectionOf(a, 'bills')!;
    expect(aBills.total).to.equal(4);
    // Open bills first, oldest first, then the recently paid; each row a link to the bill, in words and yuan.
    expect(aBills.rows.map((r) => r.id)).to.deep.equal([bills.sep.id, bills.future.id, bills.oct.id, bills.aug.id]);
    expect(aBills.rows[0].cells).to.include.members(['2026年9月', '250.00 元', '100.00 元', '部分缴纳']);
    expect(aBills.rows[0].href).to.equal(`/admin/resources/Bill/records/${bills.sep.id}/show`);
    for (const room of [a, b]) {
      const receipts = sectionOf(room, 'receipts')!;
      expect(receipts.rows.map((r) => r.cells[0])).to.deep.equal([receiptNumber]);
      expect(receipts.rows[0].cells).to.include.members(['550.00 元', '微信', '有效']);
    }
    const aTickets = sectionOf(a, 'tickets')!;
    expect(aTickets.rows.map((r) => r.id)).to.have.members(tickets.map((t) => t.id));
    expect(aTickets.rows.map((r) => r.cells[5])).to.have.members(['已登记', '已归档']);
    expect(aTickets.summary).to.equal('共 2 单，未归档 1 单');
    expect(sectionOf(a, 'dunningTargets')!.rows[0].cells).to.deep.equal([
      '测试催缴计划',
      '催缴中',
      '400.00 元',
      '2 个月',
    ]);
    expect(sectionOf(a, 'dunningRecords')!.rows[0].cells.slice(1, 4)).to.deep.equal([
      '电话',
      '承诺缴费',
      '2026年12月20日',
    ]);
    expect(sectionOf(b, 'tickets')!.total).to.equal(0);
    // The page's ways in: the room's 收款 and its 报事登记 with the room and owner filled in.
    expect(a.actions.map((x) => x.label)).to.include.members(['收款', '报事登记']);
    expect(a.actions.find((x) => x.label === '报事登记')!.href).to.equal(
      `/admin/resources/Ticket/actions/new?unitId=${roomA.id}&ownerId=${owner.id}`,
    );
    expect(b.actions.map((x) => x.label)).not.to.include('收款');
    // Room A is in a plan being carried out: its 催缴记录 opens on that plan and target.
    expect(a.actions.find((x) => x.label === '催缴记录')!.href).to.match(
      new RegExp(`/admin/resources/DunningRecord/actions/new\\?planId=\\d+&targetId=\\d+&ownerId=${owner.id}$`),
    );
    expect(b.actions.map((x) => x.label)).not.to.include('催缴记录');
  });

  it("the room's page carries the same file for that room, and the owner's correspondence", async () => {
    const file = await fileOf(await as('receptionist'), 'Unit', roomA.id);
    expect(file.kind).to.equal('unit');
    expect(file.rooms).to.have.length(1);
    const [room] = file.rooms!;
    expect(room.arrears).to.include({ amount: 15_000, months: 1 });
    expect(sectionOf(room, 'returnVisits')!.rows[0].cells).to.include.members(['电话回访', '5 分']);
    expect(keys(file.sections)).to.deep.equal(['correspondence']);
    expect(file.sections[0].rows[0].cells).to.include.members(['2026年11月2日', '信函', '收到', '关于电梯噪音的来信']);
  });

  it('客户接待员 may read bills and tickets but not receipts, parking or deposits: those sections are not in the file', async () => {
    const [room] = (await fileOf(await as('receptionist'), 'Unit', roomA.id)).rooms!;
    expect(keys(room.sections)).to.include.members(['bills', 'tickets', 'returnVisits', 'renovations']);
    expect(keys(room.sections)).not.to.include.members(['receipts']);
    expect(keys(room.sections)).to.not.include('parking').and.not.include('deposits');
    expect(room.actions.map((x) => x.label))
      .to.include('报事登记')
      .and.not.include('收款');
  });

  it('收费员 may read receipts and deposits, not return visits or correspondence', async () => {
    const file = await fileOf(await as('cashier'), 'Unit', roomA.id);
    expect(keys(file.rooms![0].sections)).to.include.members(['bills', 'receipts', 'parking', 'deposits']);
    expect(keys(file.rooms![0].sections)).to.not.include('returnVisits');
    expect(file.sections).to.deep.equal([]);
  });

  it('车库管理员 may not read bills or tickets: no such sections, no arrears, no 报事登记', async () => {
    const file = await fileOf(await as('garage_keeper'), 'Owner', owner.id);
    const room = file.rooms!.find((r) => r.id === roomA.id)!;
    expect(keys(room.sections)).to.deep.equal(['parking']);
    expect(room.arrears).to.equal(null);
    expect(file.arrears).to.equal(null);
    expect(room.actions).to.deep.equal([]);
    expect(JSON.stringify(file)).not.to.include(receiptNumber).and.not.include(tickets[0].number);
  });

  it('an unknown or malformed record id answers not found, never a server error, and carries no file', async () => {
    const client = await as('receptionist');
    for (const id of ['99999999', 'abc', '-1', '1.5']) {
      for (const resource of ['Owner', 'Unit']) {
        const response = await client.request('GET', `/admin/api/resources/${resource}/records/${id}/show`);
        expect(response.status, `${resource} ${id}`).to.be.below(500);
        expect(await response.text()).not.to.include('"file"');
      }
    }
  });
});

describe('我的工作台: one search box finds owners and rooms', () => {
  async function search(client: Client, q: string | string[]) {
    const query = (Array.isArray(q) ? q : [q]).map((v) => `q=${encodeURIComponent(v)}`).join('&');
    const { status, body } = await client.json('GET', `/admin/api/dashboard?${query}`);
    expect(status).to.equal(200);
    return body.search as {
      results: { kind: string; id: number; href: string; title: string; detail: string }[];
      message: string | null;
    };
  }
  const found = (answer: Awaited<ReturnType<typeof search>>, kind: string) =>
    answer.results.filter((r) => r.kind === kind).map((r) => r.id);

  it('finds by room number: the room, and its owner with every room and the phone tail', async () => {
    const answer = await search(await as('receptionist'), '1204');
    expect(found(answer, 'unit')).to.include(roomB.id);
    expect(answer.results[0].kind).to.equal('unit');
    const room = answer.results.find((r) => r.kind === 'unit' && r.id === roomB.id)!;
    expect(room).to.include({
      title: roomB.label,
      detail: `业主 ${owner.name}`,
      href: `/admin/resources/Unit/records/${roomB.id}/show`,
    });
    const byLabel = await search(await as('receptionist'), roomB.label);
    const person = byLabel.results.find((r) => r.kind === 'owner' && r.id === owner.id)!;
    expect(person.detail).to.equal(`${[roomA.label, roomB.label].sort().join('、')} · 尾号 ${owner.phone!.slice(-4)}`);
  });

  it('finds an owner by name, by whole phone and by its tail, and the rooms of that owner', async () => {
    const client = await as('receptionist');
    expect(found(await search(client, owner.name), 'owner')).to.include(owner.id);
    expect(found(await search(client, owner.phone!), 'owner')).to.deep.equal([owner.id]);
    const tail = await search(client, owner.phone!.slice(-8));
    expect(found(tail, 'owner')).to.deep.equal([owner.id]);
    expect(found(tail, 'unit')).to.have.members([roomA.id, roomB.id]);
    // A phone asks for the person: the owner comes before the rooms.
    expect(tail.results[0]).to.include({ kind: 'owner', id: owner.id });
  });

  it('returns nothing the person may not read: the system administrator finds no owner and no room', async () => {
    const answer = await search(await as('system_admin'), owner.phone!);
    expect(answer.results).to.deep.equal([]);
    expect(answer.message).to.equal(`没有找到与「${owner.phone}」相符的业主或房屋`);
  });

  it('empty, blank, over-long, repeated or wildcard-only queries answer a sentence in Chinese, never a server error', async () => {
    const client = await as('receptionist');
    for (const q of ['', '   ', '%%', '__']) {
      const answer = await search(client, q);
      expect(answer).to.deep.equal({ query: q.trim(), results: [], message: '请输入业主姓名、电话（或尾号）或房号' });
    }
    expect((await search(client, '1'.repeat(41))).message).to.equal('搜索内容太长：最多 40 个字');
    expect((await search(client, ['1204', '1205'])).message).to.equal('请输入业主姓名、电话（或尾号）或房号');
    expect((await search(client, 'xyz不存在的人')).results).to.deep.equal([]);
  });

  it('the box is on the desk of whoever may read owners or rooms, not on IT’s; the desk itself is unchanged', async () => {
    const reception = await (await as('receptionist')).desk();
    expect(reception).to.include({ mayFind: true }).and.to.have.property('tiles');
    expect(reception).not.to.have.property('search');
    expect(await (await as('system_admin')).desk()).to.include({ mayFind: false });
  });

  it('nobody signed in gets no search', async () => {
    const response = await send(null, 'GET', '/admin/api/dashboard?q=1204');
    expect(response.status).to.not.equal(200);
  });
});
