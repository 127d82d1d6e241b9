// 导出 Excel: GET /admin/export/<Resource>.xlsx?<the list's query> — the rows the list shows for that query, all its
// pages, in its order, with its columns under Chinese headers; decided as `<Resource>.export` and logged.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { AuthorityRule, DecisionLog } from '../../src/models/index.js';
import { loadRules } from '../../src/rules/store.js';
import { PassThrough } from 'node:stream';
import { exportFileName, writeListExport } from '../../src/admin/export.js';
import { buildAdmin } from '../../src/admin/admin.js';
import { loadActor } from '../../src/auth/actor.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { bill, ticket } from '../support/records.js';
import { smallEstate } from '../support/estate.js';
import { send, signedInClient, type Client } from '../support/http.js';

type Row = (string | number | Date | null)[];

/** The workbook's first sheet as rows of plain values (row 1 is the header). */
async function sheetRows(body: ArrayBuffer): Promise<{ rows: Row[]; formats: string[][] }> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(body);
  const sheet = book.worksheets[0];
  const rows: Row[] = [];
  const formats: string[][] = [];
  sheet.eachRow((row) => {
    const values = (row.values as Row).slice(1);
    rows.push(values.map((value) => (value === undefined ? null : value)));
    formats.push(values.map((_value, index) => row.getCell(index + 1).numFmt ?? ''));
  });
  return { rows, formats };
}

async function exported(client: Client | null, path: string) {
  const response = client ? await client.get(path) : await fetch((await testUrl()) + path, { redirect: 'manual' });
  return response;
}

async function testUrl() {
  const { testServer } = await import('../support/http.js');
  return (await testServer()).url;
}

/** Every page of a list, as the list page would walk them: the rows' params in order. */
async function allPages(client: Client, resource: string, query: Record<string, string | number>, perPage = 2) {
  const rows: Record<string, unknown>[] = [];
  for (let page = 1; ; page++) {
    const body = await client.list(resource, {}, { ...query, perPage, page });
    rows.push(...body.records.map((r: { params: Record<string, unknown> }) => r.params));
    if (page * perPage >= body.meta.total) return rows;
  }
}

const HOUR = 3_600_000;

describe('导出 Excel: every list leaves as an .xlsx of exactly its rows', () => {
  it('客户接待员 may export the ticket list: a workbook named 报事单-<time>.xlsx with the list’s Chinese headers', async () => {
    const { units } = await smallEstate(1);
    const mine = await ticket('reported', { unit: units[0] });
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const response = await receptionist.get(`/admin/export/Ticket.xlsx?filters.unitId=${units[0].id}`);
    expect(response.status).to.equal(200);
    expect(response.headers.get('content-type')).to.match(/spreadsheetml/);
    const disposition = response.headers.get('content-disposition') ?? '';
    expect(disposition).to.match(/^attachment; /);
    expect(decodeURIComponent(disposition.split("filename*=UTF-8''")[1])).to.match(/^报事单-\d{8}-\d{4}\.xlsx$/);
    const { rows } = await sheetRows(await response.arrayBuffer());
    expect(rows[0]).to.deep.equal([
      '报事单号',
      '报事类别',
      '报事内容',
      '房屋',
      '处理部门',
      '状态',
      '要求完成时间',
      '逾期',
    ]);
    expect(rows).to.have.length(2);
    expect(rows[1][0]).to.equal(mine.number);
    // Codes read as words: the category, the state, the room by its title, the department by its name, 是/否.
    expect(rows[1][1]).to.equal('维修');
    expect(rows[1][2]).to.equal('卫生间漏水');
    expect(String(rows[1][3])).to.contain(units[0].label);
    expect(rows[1][4]).to.equal('工程部');
    expect(rows[1][5]).to.equal('已登记');
    expect(rows[1][7]).to.equal('否');
    const logged = await DecisionLog.findOne({ where: { action: 'Ticket.export' }, order: [['id', 'DESC']] });
    expect(logged?.allowed).to.equal(true);
  });

  it('车库管理员 may not export the ticket list: 403 with the reason, no workbook, a decision-log line', async () => {
    const keeper = await staff('garage_keeper');
    const client = await signedInClient(keeper.email, TEST_PASSWORD);
    const before = await DecisionLog.count({ where: { action: 'Ticket.export', staffId: keeper.id } });
    const response = await client.get('/admin/export/Ticket.xlsx');
    expect(response.status).to.equal(403);
    expect(response.headers.get('content-type')).to.match(/json/);
    const body = (await response.json()) as { message: string };
    expect(body.message).to.match(/^您没有权限导出“报事单”列表：/);
    const lines = await DecisionLog.findAll({ where: { action: 'Ticket.export', staffId: keeper.id } });
    expect(lines).to.have.length(before + 1);
    expect(lines.at(-1)!.allowed).to.equal(false);
  });

  it('without a session the export answers 401 (JSON, not the sign-in page); an unknown list 404', async () => {
    const anonymous = await exported(null, '/admin/export/Ticket.xlsx');
    expect(anonymous.status).to.equal(401);
    expect(((await anonymous.json()) as { message: string }).message).to.equal('请先登录');
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    expect((await receptionist.get('/admin/export/Nothing.xlsx')).status).to.equal(404);
    expect((await receptionist.get('/admin/export/Ticket.csv')).status).to.equal(404);
    expect((await send(null, 'GET', '/admin/export/Nothing.xlsx')).status).to.equal(401);
  });

  it('a filtered, sorted list exports exactly the rows of all its pages, in the same order', async () => {
    const { units } = await smallEstate(1);
    const unit = units[0];
    const now = Date.now();
    // Matching: reported repairs of the room, due at different times; the others differ in state or category.
    for (let i = 0; i < 5; i++) await ticket('reported', { unit, dueAt: new Date(now + (i * 7 + 3) * HOUR) });
    await ticket('reported', { unit, category: 'complaint', dueAt: new Date(now + 5 * HOUR) });
    await ticket('dispatched', { unit, dueAt: new Date(now + 6 * HOUR) });
    await ticket('reported', { dueAt: new Date(now + 7 * HOUR) });
    const query = {
      'filters.status': 'reported',
      'filters.category': 'repair',
      'filters.unitId': unit.id,
      sortBy: 'dueAt',
      direction: 'desc',
    };
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const listed = await allPages(receptionist, 'Ticket', query);
    expect(listed).to.have.length(5);
    const search = new URLSearchParams(Object.entries(query).map(([k, v]) => [k, String(v)]));
    const response = await receptionist.get(`/admin/export/Ticket.xlsx?${search}`);
    expect(response.status).to.equal(200);
    const { rows } = await sheetRows(await response.arrayBuffer());
    expect(rows.slice(1).map((row) => row[0])).to.deep.equal(listed.map((params) => params.number));
    expect(rows.slice(1).every((row) => row[5] === '已登记')).to.equal(true);
  });

  it('read a few rows at a time, the export holds the same rows in the same order as the list’s pages', async () => {
    const { units } = await smallEstate(1);
    const now = Date.now();
    for (let i = 0; i < 7; i++) await ticket('reported', { unit: units[0], dueAt: new Date(now + (i % 3) * HOUR) });
    const query = { 'filters.unitId': String(units[0].id), sortBy: 'dueAt', direction: 'asc' };
    const member = await staff('receptionist');
    const client = await signedInClient(member.email, TEST_PASSWORD);
    const listed = await allPages(client, 'Ticket', query, 3);
    const chunks: Buffer[] = [];
    const out = new PassThrough();
    out.on('data', (chunk: Buffer) => chunks.push(chunk));
    const { rows: count } = await writeListExport(buildAdmin(), 'Ticket', query, (await loadActor(member.id))!, out, 2);
    expect(count).to.equal(7);
    const { rows } = await sheetRows(new Uint8Array(Buffer.concat(chunks)).buffer);
    expect(rows.slice(1).map((row) => row[0])).to.deep.equal(listed.map((params) => params.number));
  });

  it('a custom filter of the product (报事人/电话) means in the export what it means in the list', async () => {
    const { units } = await smallEstate(1);
    const caller = `来电人${Date.now().toString(36)}`;
    const theirs = await ticket('reported', { unit: units[0], reporterName: caller });
    await ticket('reported', { unit: units[0] });
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const listed = await allPages(receptionist, 'Ticket', { 'filters.caller': caller });
    expect(listed.map((p) => p.number)).to.deep.equal([theirs.number]);
    const response = await receptionist.get(`/admin/export/Ticket.xlsx?filters.caller=${encodeURIComponent(caller)}`);
    const { rows } = await sheetRows(await response.arrayBuffer());
    expect(rows.slice(1).map((row) => row[0])).to.deep.equal([theirs.number]);
  });

  it('money reads in yuan with two decimals, a time in Asia/Shanghai', async () => {
    const { units } = await smallEstate(1);
    await bill(units[0], { period: '2026-09', amount: 12_345, paidAmount: 5 });
    const cashier = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
    const bills = await cashier.get(`/admin/export/Bill.xlsx?filters.unitId=${units[0].id}`);
    expect(bills.status).to.equal(200);
    const { rows, formats } = await sheetRows(await bills.arrayBuffer());
    const header = rows[0];
    const amount = header.indexOf('应收金额') >= 0 ? header.indexOf('应收金额') : header.indexOf('金额');
    expect(amount, String(header)).to.be.at.least(0);
    expect(rows[1][amount]).to.equal(123.45);
    expect(formats[1][amount]).to.equal('0.00');
    expect(rows[1]).to.include(0.05);

    // Due at 16:30 UTC on 3 December = 00:30 on 4 December in Shanghai.
    const { units: rooms } = await smallEstate(1);
    await ticket('reported', { unit: rooms[0], dueAt: new Date('2026-12-03T16:30:00Z') });
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const tickets = await receptionist.get(`/admin/export/Ticket.xlsx?filters.unitId=${rooms[0].id}`);
    const sheet = await sheetRows(await tickets.arrayBuffer());
    const due = sheet.rows[1][6] as Date;
    expect(due).to.be.instanceOf(Date);
    expect(due.toISOString()).to.equal('2026-12-04T00:30:00.000Z');
    expect(sheet.formats[1][6]).to.equal('yyyy-mm-dd hh:mm');
  });

  it('a deny rule on 导出报事单列表 refuses the export while the list still answers', async () => {
    const receptionist = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
    const rule = await AuthorityRule.create({
      name: `测试：不许导出报事单${Date.now()}`,
      actions: ['Ticket.export'],
      effect: 'deny',
      priority: 1,
      enabled: true,
      clause: '测试',
      conditions: { all: [{ fact: 'actor', path: 'positionCode', operator: 'equal', value: 'receptionist' }] },
    } as never);
    await loadRules();
    try {
      const response = await receptionist.get('/admin/export/Ticket.xlsx');
      expect(response.status).to.equal(403);
      expect(((await response.json()) as { message: string }).message).to.contain('不许导出报事单');
      const list = await receptionist.list('Ticket');
      expect(list.records).to.be.an('array');
      expect(list.meta.total).to.be.greaterThan(0);
    } finally {
      await rule.destroy();
      await loadRules();
    }
    expect((await receptionist.get('/admin/export/Ticket.xlsx?filters.status=archived')).status).to.equal(200);
  });

  it('names the file by the list and the Shanghai time', () => {
    expect(exportFileName('Ticket', new Date('2026-12-03T16:05:00Z'))).to.equal('报事单-20261204-0005.xlsx');
  });
});
