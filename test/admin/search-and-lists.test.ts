// Search that finds people, through the admin API the list pages and pickers use: the ticket list's 报事人/电话
// and the titles pickers and reference columns show (receipts: receipt-filters.test.ts).
import { expect } from 'chai';
import { Department, Staff } from '../../src/models/index.js';
import { sequelize } from '../../src/db.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { ticket } from '../support/records.js';
import { smallEstate } from '../support/estate.js';
import { signedInClient, type Client } from '../support/http.js';

type Listed = { records: { id: string; title: string; params: Record<string, any>; populated: Record<string, any> }[] };
const ids = (body: Listed) => body.records.map((r) => Number(r.id));
const tag = () => Date.now().toString(36) + Math.floor(Math.random() * 1e6).toString(36);

describe('the ticket list finds a caller by name or phone (报事人/电话)', () => {
  let reception: Client;
  before(async () => {
    reception = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
  });

  it("matches the caller's name and phone as registered, and the linked owner's name and phone", async () => {
    const { units, owners } = await smallEstate(1);
    const phone = `139${String(Date.now()).slice(-8)}`;
    const name = `来电人${tag()}`;
    const byCaller = await ticket('reported', { reporterName: name, reporterPhone: phone });
    const byOwner = await ticket('dispatched', { unit: units[0], reporterName: '物业前台代登记', reporterPhone: null });
    const other = await ticket('reported', { reporterName: '别人', reporterPhone: '13000000000' });

    const found = async (text: string) => ids(await reception.list('Ticket', { caller: text }, { perPage: 100 }));
    expect(await found(name)).to.deep.equal([byCaller.id]);
    expect(await found(phone.slice(-6))).to.deep.equal([byCaller.id]);
    expect(await found(owners[0].phone!)).to.deep.equal([byOwner.id]);
    expect(await found(`${owners[0].name}`))
      .to.include(byOwner.id)
      .and.not.include(other.id);
    // Other filters still narrow it.
    expect(ids(await reception.list('Ticket', { caller: name, status: 'dispatched' }))).to.deep.equal([]);
    expect(ids(await reception.list('Ticket', { caller: owners[0].phone!, status: 'dispatched' }))).to.deep.equal([
      byOwner.id,
    ]);
    // A quote is text, not SQL.
    expect(ids(await reception.list('Ticket', { caller: `' OR 1=1 --` }))).to.deep.equal([]);
  });
});

describe('pickers and references name the record well enough to choose the right one', () => {
  it('an owner reads 姓名 · 房号 · 手机尾号 in the picker, on its page and where a ticket references it', async () => {
    const { units, owners } = await smallEstate(2);
    await units[1].update({ ownerId: owners[0].id });
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const expected = `${owners[0].name} · ${units[0].label}、${units[1].label} · 尾号${owners[0].phone!.slice(-4)}`;

    const found = (await client.search('Owner', units[1].number)) as Listed;
    expect(found.records.find((r) => Number(r.id) === owners[0].id)?.title).to.equal(expected);
    expect((await client.show('Owner', owners[0].id)).body.record.title).to.equal(expected);
    const row = await ticket('reported', { unit: units[0] });
    const listed = (await client.list('Ticket', { number: row.number })) as Listed;
    expect(listed.records[0].populated.ownerId.title).to.equal(expected);
    expect(listed.records[0].populated.unitId.title).to.equal(`${units[0].label} · ${owners[0].name}`);
  });

  it('a room reads 小区 楼栋 房号 · 业主, a vacant one its address only', async () => {
    const { units, owners } = await smallEstate(2, { vacant: 1 });
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const found = (await client.search('Unit', units[0].label)) as Listed;
    expect(found.records.map((r) => r.title)).to.deep.equal([`${units[0].label} · ${owners[0].name}`]);
    expect((await client.show('Unit', units[1].id)).body.record.title).to.equal(units[1].label);
  });

  it('a staff member reads 姓名 · 部门 in the handler picker and on a work order', async () => {
    const member = await staff('technician');
    const engineering = await Department.findByPk(member.departmentId!);
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const found = (await client.search('Staff', member.name)) as Listed;
    expect(found.records.map((r) => r.title)).to.deep.equal([`${member.name} · ${engineering!.name}`]);
  });

  it('a reference the person may not read is reduced to its title, 姓名 · 部门, and an owner’s title holds no whole phone', async () => {
    const { units, owners } = await smallEstate(1);
    const row = await ticket('reported', { unit: units[0] });
    const registrar = await Staff.findByPk(row.registeredById!);
    // 工程部主管 reads tickets and owners, not the staff list: the registrar comes as a title.
    const client = await signedInClient((await staff('engineering_supervisor')).email, TEST_PASSWORD);
    const shown = (await client.show('Ticket', row.id)).body.record;
    expect(shown.populated.registeredById.title).to.equal(`${registrar!.name} · 客户中心`);
    expect(shown.populated.registeredById.params).to.deep.equal({ id: registrar!.id });
    expect(shown.populated.ownerId.title).to.include(`尾号${owners[0].phone!.slice(-4)}`);
    expect(shown.populated.ownerId.title).not.to.include(owners[0].phone!);
  });

  it('a list of 100 tickets names their owners, rooms and staff in a handful of queries, not one per row', async () => {
    const { units } = await smallEstate(4);
    for (let i = 0; i < 100; i++) await ticket('reported', { unit: units[i % 4], reporterName: `批量${i}` });
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const count = async () => {
      let queries = 0;
      // Every query Sequelize runs is logged through options.logging: counted here while the list loads.
      const options = (sequelize as unknown as { options: { logging: unknown } }).options;
      const logging = options.logging;
      options.logging = () => {
        queries += 1;
      };
      try {
        const body = (await client.list('Ticket', {}, { perPage: 100 })) as Listed;
        expect(body.records).to.have.length(100);
      } finally {
        options.logging = logging;
      }
      return queries;
    };
    const queries = await count();
    console.log(`      a list of 100 tickets: ${queries} queries`);
    expect(queries).to.be.greaterThan(2).and.below(40);
  });

  it('the staff list reads by department, then by name', async () => {
    const team = await department(`测试组${Date.now().toString(36)}`);
    const members = [];
    for (const name of ['王五', '李四', '张三', '李四'])
      members.push(await (await staff('technician', { departmentName: team.name })).update({ name }));
    const director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    const listed = (await director.list('Staff', { departmentId: team.id })) as Listed;
    const sorted = [...members].sort((a, b) => (a.name === b.name ? a.id - b.id : a.name < b.name ? -1 : 1));
    expect(listed.records.map((r) => Number(r.id))).to.deep.equal(sorted.map((m) => m.id));
  });
});
