import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'chai';
import { ArchiveDocument } from '../../src/models/index.js';
import { config } from '../../src/config.js';
import { signedInClient, testServer, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const client = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);

const pdfBytes = (size = 2048) => {
  const bytes = Buffer.alloc(size, 0x20);
  bytes.write('%PDF-1.4\n', 0, 'latin1');
  bytes.write('\n%%EOF\n', size - 7, 'latin1');
  return bytes;
};

/** Every file under the upload folder, relative to it. */
function storedFiles(): string[] {
  if (!fs.existsSync(config.uploadDir)) return [];
  return (fs.readdirSync(config.uploadDir, { recursive: true }) as string[])
    .filter((entry) => fs.statSync(path.join(config.uploadDir, entry)).isFile())
    .map((entry) => entry.split(path.sep).join('/'))
    .sort();
}

/** Posts the admin form as the browser does when a file is attached: multipart, with the session cookie. */
async function postForm(
  session: Client,
  url: string,
  fields: Record<string, string | number>,
  file?: { name: string; bytes: Buffer; type?: string },
) {
  const server = await testServer();
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, String(value));
  if (file)
    form.append(
      'attachment',
      new Blob([new Uint8Array(file.bytes)], { type: file.type ?? 'application/octet-stream' }),
      file.name,
    );
  const response = await fetch(server.url + url, {
    method: 'POST',
    body: form,
    headers: { cookie: session.cookieHeader() },
  });
  return { status: response.status, body: (await response.json()) as any };
}

const newDocument = (
  session: Client,
  fields: Record<string, string | number>,
  file?: { name: string; bytes: Buffer; type?: string },
) => postForm(session, '/admin/api/resources/ArchiveDocument/actions/new', fields, file);

describe('资料归档 attachments', () => {
  it('the coordinator files a training record with a PDF: stored under the upload folder by a random name, downloaded as sent', async () => {
    const coordinator = await client('coordinator');
    const bytes = pdfBytes(5000);
    const name = '2026年11月消防培训签到表.pdf';
    const created = await newDocument(
      coordinator,
      {
        title: '十一月消防培训记录',
        docType: 'training',
        docDate: '2026-11-20',
        attachmentPath: '../../outside.pdf',
        attachmentName: '伪造.pdf',
      },
      { name, bytes, type: 'application/pdf' },
    );
    expect(created.body.notice.type, JSON.stringify(created.body)).to.equal('success');
    const row = await ArchiveDocument.findOne({ where: { title: '十一月消防培训记录' } });
    expect(row).to.not.equal(null);
    expect(row!.attachmentPath).to.match(/^archive\/\d{4}\/[0-9a-f-]{36}\.pdf$/);
    expect(row!.attachmentName).to.equal(name);
    expect(row!.attachmentSize).to.equal(5000);
    expect(row!.attachmentMime).to.equal('application/pdf');
    const stored = path.join(config.uploadDir, row!.attachmentPath!);
    expect(fs.readFileSync(stored).equals(bytes)).to.equal(true);

    const download = await coordinator.get(`/admin/attachments/ArchiveDocument/${row!.id}`);
    expect(download.status).to.equal(200);
    expect(download.headers.get('content-type')).to.equal('application/pdf');
    expect(download.headers.get('content-length')).to.equal('5000');
    const disposition = download.headers.get('content-disposition') ?? '';
    expect(disposition).to.match(/^attachment;/);
    expect(disposition).to.contain(`filename*=UTF-8''${encodeURIComponent(name)}`);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).to.equal(true);

    // The cashier reads documents too, and so may download.
    const cashier = await client('cashier');
    expect((await cashier.get(`/admin/attachments/ArchiveDocument/${row!.id}`)).status).to.equal(200);
  });

  it('a file over 20 MB, an .exe, or a .pdf that is not a PDF is refused on the field, and nothing is written', async () => {
    const coordinator = await client('coordinator');
    const before = storedFiles();
    const cases = [
      {
        title: '超大附件',
        file: { name: '扫描件.pdf', bytes: pdfBytes(21 * 1024 * 1024) },
        message: '附件不能超过 20 MB',
      },
      {
        title: '可执行附件',
        file: { name: 'setup.exe', bytes: Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1') },
        message: '附件类型只能是 PDF、Word、Excel、PowerPoint、图片、文本或 ZIP',
      },
      {
        title: '冒充的 PDF',
        file: { name: '会议记要.pdf', bytes: Buffer.from('MZ\x90\x00 this is a program', 'latin1') },
        message: '附件类型只能是 PDF、Word、Excel、PowerPoint、图片、文本或 ZIP',
      },
      {
        title: '冒充的 Word',
        file: { name: '会议记要.docx', bytes: Buffer.from('just some text, not a zip', 'utf8') },
        message: '附件类型只能是 PDF、Word、Excel、PowerPoint、图片、文本或 ZIP',
      },
    ];
    for (const { title, file, message } of cases) {
      const refused = await newDocument(coordinator, { title, docType: 'minutes', docDate: '2026-11-21' }, file);
      expect(
        refused.body.record?.errors?.attachment?.message,
        `${title}: ${JSON.stringify(refused.body).slice(0, 300)}`,
      ).to.equal(message);
      expect(await ArchiveDocument.count({ where: { title } }), title).to.equal(0);
    }
    expect(storedFiles()).to.deep.equal(before);
  });

  it('other accepted kinds: an Excel workbook (zip-based), a PNG and a text file', async () => {
    const coordinator = await client('coordinator');
    const files = [
      {
        name: 'ISO9002 内审检查表.xlsx',
        bytes: Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(100, 1)]),
        mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      },
      {
        name: '资料柜照片.PNG',
        bytes: Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 2)]),
        mime: 'image/png',
      },
      { name: '部门邮件.txt', bytes: Buffer.from('各位同事：本周五下午例会。', 'utf8'), mime: 'text/plain' },
    ];
    for (const file of files) {
      const created = await newDocument(coordinator, { title: `附件类型 ${file.name}`, docType: 'iso9002' }, file);
      expect(created.body.notice.type, JSON.stringify(created.body).slice(0, 300)).to.equal('success');
      const row = await ArchiveDocument.findOne({ where: { title: `附件类型 ${file.name}` } });
      expect(row!.attachmentMime).to.equal(file.mime);
      expect(fs.existsSync(path.join(config.uploadDir, row!.attachmentPath!))).to.equal(true);
    }
  });

  it('a record that is not saved leaves no file behind', async () => {
    const coordinator = await client('coordinator');
    const before = storedFiles();
    const invalid = await newDocument(
      coordinator,
      { title: '', docType: 'training' },
      { name: '签到表.pdf', bytes: pdfBytes() },
    );
    expect(invalid.body.notice.type).to.equal('error');
    expect(invalid.body.record.errors).to.have.property('title');
    expect(storedFiles()).to.deep.equal(before);
  });

  it('only someone who may read the document may download it; an unknown document or one without a file is 404', async () => {
    const coordinator = await client('coordinator');
    await newDocument(
      coordinator,
      { title: '车库管理员不可下载', docType: 'minutes' },
      { name: 'minutes.pdf', bytes: pdfBytes() },
    );
    const row = await ArchiveDocument.findOne({ where: { title: '车库管理员不可下载' } });
    const garage = await client('garage_keeper');
    const refused = await garage.get(`/admin/attachments/ArchiveDocument/${row!.id}`);
    expect(refused.status).to.equal(403);
    expect(await refused.text()).to.match(/^无权下载该附件：/);
    expect((await coordinator.get('/admin/attachments/ArchiveDocument/999999')).status).to.equal(404);
    expect((await coordinator.get('/admin/attachments/ArchiveDocument/..%2F..%2Fetc')).status).to.equal(404);
    const bare = await ArchiveDocument.create({
      title: '无附件的资料',
      docType: 'other',
      keeperId: (await staff('coordinator')).id,
    } as never);
    expect((await coordinator.get(`/admin/attachments/ArchiveDocument/${bare.id}`)).status).to.equal(404);
    const server = await testServer();
    expect((await fetch(`${server.url}/admin/attachments/ArchiveDocument/${row!.id}`)).status).to.equal(401);
  });

  it('replacing the file on edit removes the old one; an edit without a file keeps it', async () => {
    const coordinator = await client('coordinator');
    await newDocument(
      coordinator,
      { title: '十月例会记要', docType: 'minutes' },
      { name: '十月例会.pdf', bytes: pdfBytes(3000) },
    );
    const row = await ArchiveDocument.findOne({ where: { title: '十月例会记要' } });
    const first = path.join(config.uploadDir, row!.attachmentPath!);
    expect(fs.existsSync(first)).to.equal(true);

    const kept = await postForm(coordinator, `/admin/api/resources/ArchiveDocument/records/${row!.id}/edit`, {
      title: '十月例会记要',
      docType: 'minutes',
      location: '资料柜 A-3',
    });
    expect(kept.body.notice.type, JSON.stringify(kept.body).slice(0, 300)).to.equal('success');
    await row!.reload();
    expect(path.join(config.uploadDir, row!.attachmentPath!)).to.equal(first);
    expect(fs.existsSync(first)).to.equal(true);

    const refused = await postForm(
      coordinator,
      `/admin/api/resources/ArchiveDocument/records/${row!.id}/edit`,
      { title: '十月例会记要', docType: 'minutes' },
      { name: 'virus.exe', bytes: Buffer.from('MZ') },
    );
    expect(refused.body.record.errors.attachment.message).to.equal(
      '附件类型只能是 PDF、Word、Excel、PowerPoint、图片、文本或 ZIP',
    );
    expect(fs.existsSync(first)).to.equal(true);

    const replacement = Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(500, 7)]);
    const replaced = await postForm(
      coordinator,
      `/admin/api/resources/ArchiveDocument/records/${row!.id}/edit`,
      { title: '十月例会记要', docType: 'minutes' },
      { name: '十月例会（修订）.docx', bytes: replacement },
    );
    expect(replaced.body.notice.type, JSON.stringify(replaced.body).slice(0, 300)).to.equal('success');
    await row!.reload();
    expect(row!.attachmentName).to.equal('十月例会（修订）.docx');
    expect(row!.attachmentSize).to.equal(replacement.length);
    expect(row!.attachmentPath).to.match(/\.docx$/);
    expect(fs.existsSync(first)).to.equal(false);
    expect(fs.readFileSync(path.join(config.uploadDir, row!.attachmentPath!)).equals(replacement)).to.equal(true);
  });
});
