// What a hostile client could try, each through the HTTP path it would use: forged attachments, secrets through list
// filters, prototype-named keys and malformed bodies, uploads before sign-in, whole rows behind references, headers,
// cross-site posts and foreign fonts.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { ArchiveDocument, ParkingRental, Staff, Ticket } from '../../src/models/index.js';
import { config } from '../../src/config.js';
import { Client, send, signedInClient, testServer } from '../support/http.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { parkingSpace } from '../support/parking.js';

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);
const incoming = () => path.join(config.uploadDir, 'incoming');

/** Every file left in the temporary upload folders. */
function leftovers(): string[] {
  if (!fs.existsSync(incoming())) return [];
  return (fs.readdirSync(incoming(), { recursive: true }) as string[]).filter((entry) =>
    fs.statSync(path.join(incoming(), entry)).isFile(),
  );
}

/** Folders are removed when the response is finished: give the event loop a moment. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

const postJson = (session: Client | null, url: string, body: unknown) =>
  send(session, 'POST', url, JSON.stringify(body), { 'content-type': 'application/json' });

function pdf(size = 1024) {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  return bytes;
}

describe('attachments are only ever files this request uploaded', () => {
  const bait = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bait-'));
    const file = path.join(dir, 'secret.txt');
    fs.writeFileSync(file, 'server secret 2026');
    return file;
  };

  it('a JSON body naming a server file as the attachment of a new document is refused; the file stays where it was', async () => {
    const coordinator = await client('coordinator');
    const file = bait();
    const response = await postJson(coordinator, '/admin/api/resources/ArchiveDocument/actions/new', {
      title: '伪造附件-新建',
      docType: 'training',
      attachment: { path: file, name: 'x.txt', size: 20 },
    });
    expect(response.status).to.equal(200);
    expect(response.json.record.errors.attachment.message).to.equal('附件只能通过上传文件提交');
    expect(fs.readFileSync(file, 'utf8')).to.equal('server secret 2026');
    expect(await ArchiveDocument.count({ where: { title: '伪造附件-新建' } })).to.equal(0);
  });

  it('the same on edit, and as urlencoded fields (attachment.path=…)', async () => {
    const coordinator = await client('coordinator');
    const created = await coordinator.json('POST', '/admin/api/resources/ArchiveDocument/actions/new', {
      title: '伪造附件-编辑',
      docType: 'minutes',
    });
    expect(created.body.notice.type).to.equal('success');
    const row = (await ArchiveDocument.findOne({ where: { title: '伪造附件-编辑' } }))!;
    const file = bait();
    const edit = await postJson(coordinator, `/admin/api/resources/ArchiveDocument/records/${row.id}/edit`, {
      title: '伪造附件-编辑',
      attachment: { path: file, name: 'x.txt', size: 20 },
    });
    expect(edit.json.record.errors.attachment.message).to.equal('附件只能通过上传文件提交');
    const form = await coordinator.json('POST', `/admin/api/resources/ArchiveDocument/records/${row.id}/edit`, {
      title: '伪造附件-编辑',
      'attachment.path': file,
      'attachment.size': 20,
      'attachment.name': 'x.txt',
    });
    expect(form.body.record.errors.attachment.message).to.equal('附件只能通过上传文件提交');
    await row.reload();
    expect(row.attachmentPath).to.equal(null);
    expect(fs.existsSync(file)).to.equal(true);
    const download = await coordinator.get(`/admin/attachments/ArchiveDocument/${row.id}`);
    expect(download.status).to.equal(404);
  });
});

describe('uploads are read only from signed-in people, only where a file belongs, and never left behind', () => {
  const multipart = (name = '签到表.pdf', bytes = pdf()) => {
    const form = new FormData();
    form.append('title', '上传卫生');
    form.append('docType', 'training');
    form.append('attachment', new Blob([new Uint8Array(bytes)], { type: 'application/pdf' }), name);
    return form;
  };

  it('an anonymous multipart POST is answered 401 before its body is read, and leaves no temporary file', async () => {
    const before = leftovers();
    const response = await send(null, 'POST', '/admin/api/resources/ArchiveDocument/actions/new', multipart());
    expect(response.status).to.equal(401);
    expect(response.json.message).to.equal('请先登录');
    await settle();
    expect(leftovers()).to.deep.equal(before);
  });

  it('a file sent to a form that takes none is refused with 400; an accepted upload leaves no temporary file either', async () => {
    const reception = await client('receptionist');
    const refused = await send(reception, 'POST', '/admin/api/resources/Ticket/actions/new', multipart());
    expect(refused.status).to.equal(400);
    expect(refused.json.message).to.equal('此处不能上传文件');
    const coordinator = await client('coordinator');
    const accepted = await send(coordinator, 'POST', '/admin/api/resources/ArchiveDocument/actions/new', multipart());
    expect(accepted.json.notice.type, accepted.text.slice(0, 300)).to.equal('success');
    await settle();
    expect(leftovers()).to.deep.equal([]);
  });

  it('a body announced larger than any form is refused with 413 before it is read', async () => {
    const coordinator = await client('coordinator');
    const server = await testServer();
    const response = await new Promise<number>((resolve, reject) => {
      const url = new URL(`${server.url}/admin/api/resources/ArchiveDocument/actions/new`);
      import('node:http').then(({ request }) => {
        const req = request(
          {
            host: url.hostname,
            port: url.port,
            path: url.pathname,
            method: 'POST',
            headers: {
              cookie: coordinator.cookieHeader(),
              'content-type': 'multipart/form-data; boundary=x',
              'content-length': String(200 * 1024 * 1024),
            },
          },
          (res) => {
            resolve(res.statusCode ?? 0);
            res.resume();
          },
        );
        req.on('error', reject);
        req.write('--x\r\n');
      });
    });
    expect(response).to.equal(413);
  });
});

describe('lists filter and sort only by what they show; secrets never leave the server', () => {
  it('a password-hash filter is ignored (no yes/no oracle), sorting by it falls back to the list order, and no record carries a hash', async () => {
    const director = await client('director');
    const all = await director.json('GET', '/admin/api/resources/Staff/actions/list?perPage=500');
    const matching = await director.json(
      'GET',
      `/admin/api/resources/Staff/actions/list?perPage=500&filters.passwordHash=${encodeURIComponent('$2')}`,
    );
    const nothing = await director.json(
      'GET',
      '/admin/api/resources/Staff/actions/list?perPage=500&filters.passwordHash=zzzzzzzz',
    );
    expect(matching.body.meta.total).to.equal(all.body.meta.total);
    expect(nothing.body.meta.total).to.equal(all.body.meta.total);
    const sorted = await director.json('GET', '/admin/api/resources/Staff/actions/list?sortBy=passwordHash');
    expect(sorted.body.meta.sortBy).to.not.equal('passwordHash');
    const searched = await director.json(
      'GET',
      `/admin/api/resources/Staff/actions/search?searchProperty=passwordHash&query=${encodeURIComponent('$2b')}`,
    );
    const unsearched = await director.json(
      'GET',
      '/admin/api/resources/Staff/actions/search?searchProperty=passwordHash&query=zzzz',
    );
    expect(searched.body.records.length).to.equal(unsearched.body.records.length);
    for (const record of [...all.body.records, ...searched.body.records])
      expect(record.params).to.not.have.any.keys('passwordHash');
  });

  it('an unknown filter name or sort direction is ignored, not a 500', async () => {
    const reception = await client('receptionist');
    const response = await reception.json(
      'GET',
      '/admin/api/resources/Ticket/actions/list?filters.noSuchField=1&sortBy=noSuch&direction=sideways',
    );
    expect(response.status).to.equal(200);
    expect(response.body.records).to.be.an('array');
  });

  it('a reference shows only its title to someone who may not read what it points at', async () => {
    const garage = await staff('garage_keeper');
    const space = await parkingSpace({ code: 'B1-901' });
    await ParkingRental.create({
      registeredById: garage.id,
      spaceId: space.id,
      plateNumber: '粤B90001',
      monthlyRent: 30_000,
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      renterName: '测试车主',
      renterPhone: '13800138901',
    } as never);
    const keeper = await signedInClient(garage.email, TEST_PASSWORD);
    const list = await keeper.json('GET', '/admin/api/resources/ParkingRental/actions/list?perPage=100');
    const mine = list.body.records.find((r: any) => r.params.spaceId === space.id);
    expect(mine, JSON.stringify(list.body).slice(0, 300)).to.not.equal(undefined);
    const registeredBy = mine.populated.registeredById;
    // The title names the person and their department (admin/titles.ts), no more.
    expect(registeredBy.title).to.equal(`${garage.name} · 保安部`);
    expect(registeredBy.params).to.deep.equal({ id: garage.id });

    const director = await client('director');
    const full = await director.json('GET', '/admin/api/resources/ParkingRental/actions/list?perPage=100');
    const seen = full.body.records.find((r: any) => r.params.spaceId === space.id);
    expect(seen.populated.registeredById.params.email).to.equal(garage.email);
    expect(seen.populated.registeredById.params).to.not.have.any.keys('passwordHash');
  });
});

describe('bad requests get a clear 4xx in Chinese, never a 500, and write nothing', () => {
  for (const [label, body, type] of [
    ['toString', 'toString=x&title=原型键', 'application/x-www-form-urlencoded'],
    ['valueOf', JSON.stringify({ valueOf: 'x', title: '原型键' }), 'application/json'],
    ['constructor', 'constructor=1&title=原型键', 'application/x-www-form-urlencoded'],
    ['__proto__', '__proto__.x=1&title=原型键', 'application/x-www-form-urlencoded'],
    ['__proto__ in JSON', '{"__proto__": {"x": 1}, "title": "原型键"}', 'application/json'],
  ] as const) {
    it(`a payload key named ${label} is refused with 400, for those who may act and those who may not`, async () => {
      for (const code of ['receptionist', 'garage_keeper']) {
        const session = await client(code);
        const before = await Ticket.count();
        const response = await send(session, 'POST', '/admin/api/resources/Ticket/actions/new', body, {
          'content-type': type,
        });
        expect(response.status, `${code}: ${response.text.slice(0, 200)}`).to.equal(400);
        expect(response.json.message).to.match(/不允许的字段名/);
        expect(await Ticket.count()).to.equal(before);
      }
    });
  }

  it('a workflow input the model refuses (a cancel reason longer than the column) is a field error, not a 500', async () => {
    const { ticket } = await import('../support/records.js');
    const reported = await ticket('reported');
    const reception = await client('receptionist');
    const answer = await reception.act('Ticket', reported.id, 'cancel', { cancelReason: '太长'.repeat(200) });
    expect(answer.status).to.equal(200);
    expect(answer.body.record.baseError.message).to.include('取消原因');
    await reported.reload();
    expect(reported.status).to.equal('reported');
  });

  it('malformed bodies: text/plain, truncated JSON, multipart without boundary', async () => {
    const reception = await client('receptionist');
    const url = '/admin/api/resources/Ticket/actions/new';
    const cases = [
      [{ 'content-type': 'text/plain' }, 'hello', 415],
      [{ 'content-type': 'application/json' }, '{"title": "半截', 400],
      [{ 'content-type': 'multipart/form-data' }, 'x', 400],
    ] as const;
    for (const [headers, body, status] of cases) {
      const response = await send(reception, 'POST', url, body, headers);
      expect(response.status, `${headers['content-type']}: ${response.text.slice(0, 200)}`).to.equal(status);
      expect(response.json.message).to.match(/[\u4e00-\u9fff]/);
    }
  });

  it('the decision API answers a prototype-named or unknown resource with 404, not a 500', async () => {
    const reception = await client('receptionist');
    for (const action of ['constructor.list', '__proto__.show', 'toString.list', 'NoSuch.list']) {
      const response = await reception.json(
        'GET',
        `/api/authority/decide?action=${encodeURIComponent(action)}&recordId=1`,
      );
      expect(response.status, action).to.equal(404);
    }
    const unknown = await reception.json('GET', '/api/authority/decide?action=constructor.list');
    expect(unknown.body).to.include({ allowed: false, effect: 'default-deny' });
    expect(
      (await reception.json('GET', '/api/authority/decide?action=Ticket.show&recordId=99999999999')).status,
    ).to.equal(404);
  });

  it('a reference to a row that does not exist is a field error, not a green "created" with nothing written', async () => {
    const reception = await client('receptionist');
    const { owners } = await smallEstate(1);
    const before = await Ticket.count();
    const response = await reception.json('POST', '/admin/api/resources/Ticket/actions/new', {
      title: '不存在的房屋',
      description: '测试',
      category: 'repair',
      channel: 'phone',
      ownerId: owners[0].id,
      unitId: 999999,
    });
    expect(response.body.notice.type, JSON.stringify(response.body).slice(0, 300)).to.equal('error');
    expect(response.body.record.errors.unitId.message).to.match(/关联的记录不存在/);
    expect(await Ticket.count()).to.equal(before);
  });

  it('a value of the wrong shape for a column (planId.0, an object for text) is refused on the field', async () => {
    const reception = await client('receptionist');
    const before = await Ticket.count();
    // AdminJS's form encoding turns this marker into {} — an object for a text column.
    const object = await reception.json('POST', '/admin/api/resources/Ticket/actions/new', {
      title: '__FORM_VALUE_EMPTY_OBJECT__',
      description: '测试',
      category: 'repair',
      channel: 'phone',
    });
    expect(object.body.record.errors.title.message).to.match(/格式不正确/);
    // Sub-keys of a scalar column never reach it.
    const nested = await postJson(reception, '/admin/api/resources/Ticket/actions/new', {
      title: { a: 1 },
      description: '测试',
      category: 'repair',
      channel: 'phone',
    });
    expect(nested.json.notice.type).to.equal('error');
    expect(await Ticket.count()).to.equal(before);
  });

  it('the refresh-token route of the admin library is gone: a signed-in POST no longer crashes the server', async () => {
    const reception = await client('receptionist');
    const response = await send(reception, 'POST', '/admin/refresh-token', undefined);
    expect(response.status).to.be.within(400, 499);
    expect((await fetch(`${(await testServer()).url}/health`)).status).to.equal(200);
  });
});

describe('headers, origin and fonts', () => {
  it('pages and API answers carry the security headers', async () => {
    const server = await testServer();
    for (const url of ['/admin/login', '/health']) {
      const response = await fetch(server.url + url);
      expect(response.headers.get('content-security-policy'), url).to.include("frame-ancestors 'none'");
      expect(response.headers.get('content-security-policy')).to.include("default-src 'self'");
      expect(response.headers.get('x-frame-options')).to.equal('DENY');
      expect(response.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(response.headers.get('referrer-policy')).to.equal('same-origin');
    }
    const reception = await client('receptionist');
    const api = await reception.get('/admin/api/resources/Ticket/actions/list');
    expect(api.headers.get('x-content-type-options')).to.equal('nosniff');
  });

  it('a state-changing request from another site (Origin, or Referer without one) is refused and writes nothing; one with neither is judged by its session', async () => {
    const reception = await client('receptionist');
    const { owners, units } = await smallEstate(1);
    const departmentId = (await department('工程部')).id;
    const form = new URLSearchParams({
      title: '跨站报事',
      description: '测试',
      category: 'repair',
      channel: 'phone',
      reporterName: '李秀英',
      reporterPhone: '13800138001',
      departmentId: String(departmentId),
      ownerId: String(owners[0].id),
      unitId: String(units[0].id),
    }).toString();
    const url = '/admin/api/resources/Ticket/actions/new';
    const type = { 'content-type': 'application/x-www-form-urlencoded' };
    const evil = await send(reception, 'POST', url, form, { ...type, origin: 'http://evil.example' });
    expect(evil.status).to.equal(403);
    expect(evil.json.message).to.equal('拒绝来自其他网站的请求');
    const nullOrigin = await send(reception, 'POST', url, form, { ...type, origin: 'null' });
    expect(nullOrigin.status).to.equal(403);
    const referer = await send(reception, 'POST', url, form, { ...type, referer: 'https://evil.example/page' });
    expect(referer.status).to.equal(403);
    expect(await Ticket.count({ where: { title: '跨站报事' } })).to.equal(0);
    const server = await testServer();
    const sameSite = await send(reception, 'POST', url, form, { ...type, origin: server.url });
    expect(sameSite.json.notice.type, sameSite.text.slice(0, 300)).to.equal('success');
    const script = await send(reception, 'POST', url, form, type);
    expect(script.json.notice.type).to.equal('success');
    expect(await Ticket.count({ where: { title: '跨站报事' } })).to.equal(2);
    const crossSignIn = await send(null, 'POST', '/admin/login', 'email=a%40b.c&password=x', {
      ...type,
      origin: 'http://evil.example',
    });
    expect(crossSignIn.status).to.equal(403);
  });

  it('the admin’s pages link their fonts from the application itself, and those fonts are served', async () => {
    const server = await testServer();
    const login = await (await fetch(`${server.url}/admin/login`)).text();
    expect(login).to.not.include('fonts.googleapis.com');
    const css = /href="(\/assets\/fonts\/roboto\/400\.css)"/.exec(login)?.[1];
    expect(css).to.be.a('string');
    const stylesheet = await fetch(server.url + css);
    expect(stylesheet.status).to.equal(200);
    expect(stylesheet.headers.get('content-type')).to.match(/text\/css/);
    const font = /url\(\.\/(files\/roboto-latin-400-normal\.woff2)\)/.exec(await stylesheet.text())?.[1];
    expect((await fetch(`${server.url}/assets/fonts/roboto/${font}`)).status).to.equal(200);
    const reception = await client('receptionist');
    expect(await (await reception.get('/admin')).text()).to.not.include('fonts.googleapis.com');
  });
});

describe('accounts', () => {
  it('no staff record sent to the browser carries the password hash', async () => {
    const director = await client('director');
    const someone = await Staff.findOne();
    const show = await director.json('GET', `/admin/api/resources/Staff/records/${someone!.id}/show`);
    expect(show.body.record.params).to.not.have.any.keys('passwordHash');
  });
});
