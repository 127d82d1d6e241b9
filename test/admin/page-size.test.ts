// 每页 N 条 remembered per person: the choice is stored on the signed-in person's account (POST
// /api/preferences/page-size), and every list asked without a size — on any computer — shows that many rows; another
// person's lists keep their own size; sizes that make no sense fall back to the person's own.
import { expect } from 'chai';
import { AuditLog, Staff } from '../../src/models/index.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { ticket } from '../support/records.js';
import { send, signedInClient, type Client } from '../support/http.js';

const choose = (client: Client | null, pageSize: unknown) =>
  send(client, 'POST', '/api/preferences/page-size', JSON.stringify({ pageSize }), {
    'content-type': 'application/json',
  });
const perPageOf = async (client: Client, query: Record<string, string | number> = {}) => {
  const body = await client.list('Ticket', {}, query);
  expect(body.records, JSON.stringify(body).slice(0, 200)).to.be.an('array');
  expect(body.records.length).to.be.at.most(body.meta.perPage);
  return body.meta.perPage as number;
};

describe('page size remembered per person (每页 N 条)', () => {
  before(async () => {
    // Enough tickets that a page of 20 is full.
    for (let i = 0; i < 25; i++) await ticket('reported');
  });

  it('a receptionist’s choice of 20 is used by every list she opens without a size, on another computer too', async () => {
    const member = await staff('receptionist');
    const client = await signedInClient(member.email, TEST_PASSWORD);
    expect(await perPageOf(client)).to.equal(10);
    const answer = await choose(client, 20);
    expect(answer.status).to.equal(200);
    expect(answer.json).to.deep.equal({ pageSize: 20, message: '已设为每页 20 条' });
    expect((await Staff.findByPk(member.id))!.listPageSize).to.equal(20);
    const body = await client.list('Ticket');
    expect(body.meta.perPage).to.equal(20);
    expect(body.records).to.have.length(20);
    // Signed in elsewhere: the setting is on the account, not in the browser.
    const elsewhere = await signedInClient(member.email, TEST_PASSWORD);
    expect(await perPageOf(elsewhere)).to.equal(20);
    expect((await send(elsewhere, 'GET', '/api/preferences')).json).to.deep.equal({
      pageSize: 20,
      pageSizes: [10, 20, 50, 100],
    });
    // A size in the address still wins for that page.
    expect(await perPageOf(client, { perPage: 50 })).to.equal(50);
    const line = await AuditLog.findOne({
      where: { staffId: member.id, action: 'Staff.edit' },
      order: [['id', 'DESC']],
    });
    expect(line?.changes).to.deep.equal({ listPageSize: [null, 20] });
  });

  it('one person’s choice does not change another’s lists', async () => {
    const first = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const second = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    expect((await choose(first, 100)).status).to.equal(200);
    expect(await perPageOf(first)).to.equal(100);
    expect(await perPageOf(second)).to.equal(10);
  });

  it('a list asked with 0, 1000, abc or -5 rows shows the person’s own size, without an error', async () => {
    const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    await choose(client, 50);
    for (const perPage of ['0', '1000', 'abc', '-5', '2.5', ''])
      expect(await perPageOf(client, { perPage }), perPage).to.equal(50);
    const stranger = await signedInClient((await staff('coordinator')).email, TEST_PASSWORD);
    expect(await perPageOf(stranger, { perPage: 'abc' })).to.equal(10);
  });

  it('a size other than 10/20/50/100 is refused in words and nothing is written', async () => {
    const member = await staff('cashier');
    const client = await signedInClient(member.email, TEST_PASSWORD);
    await choose(client, 20);
    const lines = await AuditLog.count({ where: { staffId: member.id } });
    for (const bad of [0, 1000, 'abc', 7, null, [20], { size: 20 }]) {
      const answer = await choose(client, bad);
      expect(answer.status, JSON.stringify(bad)).to.equal(422);
      expect(answer.json.message).to.equal('每页条数只能是 10、20、50、100');
    }
    expect((await Staff.findByPk(member.id))!.listPageSize).to.equal(20);
    expect(await AuditLog.count({ where: { staffId: member.id } })).to.equal(lines);
  });

  it('nobody signed in cannot read or set a page size', async () => {
    expect((await choose(null, 20)).status).to.equal(401);
    expect((await send(null, 'GET', '/api/preferences')).status).to.equal(401);
  });
});
