// Reading job-description files into source documents: Word, Excel, text and Markdown made here (or, for GBK text,
// a small committed file), read back block by block; and every file that must be refused, refused in Chinese.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { expect } from 'chai';
import * as docx from 'docx';
import ExcelJS from 'exceljs';
import { projectRoot } from '../../src/config.js';
import { JobDescriptionFormatError } from '../../src/seed/jd/parse.js';
import {
  JobDescriptionTooLarge,
  decodeText,
  readJobDescriptionFile,
  readJobDescriptionText,
} from '../../src/seed/jd/read.js';
import { listZipEntries, readZipEntry } from '../../src/seed/jd/read-zip.js';
import { MAX_DOCUMENT_BYTES, type SourceBlock } from '../../src/seed/jd/source.js';

const FIXTURES = path.join(projectRoot, 'test/fixtures/jd');
const {
  AlignmentType,
  Document,
  FootnoteReferenceRun,
  HeadingLevel,
  ImageRun,
  LevelFormat,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  VerticalMergeType,
} = docx;

// A 1×1 PNG: a picture in the document, which the reader leaves out.
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64',
);

const paragraph = (text: string, where: string): SourceBlock => ({ kind: 'paragraph', text, where });
const cell = (text: string, where: string, merged = false) => (merged ? { text, where, merged } : { text, where });

function numbered(text: string, level = 0) {
  return new Paragraph({ text, numbering: { reference: 'duties', level } });
}

function plainCell(...texts: string[]) {
  return new TableCell({ children: texts.map((text) => new Paragraph(text)) });
}

/** A Word document as an office writes one: heading, text, numbered and bulleted lists, a merged table. */
async function wordDocument(): Promise<Buffer> {
  const document = new Document({
    numbering: {
      config: [
        {
          reference: 'duties',
          levels: [
            { level: 0, format: LevelFormat.DECIMAL, text: '%1.', alignment: AlignmentType.LEFT },
            { level: 1, format: LevelFormat.DECIMAL, text: '%2)', alignment: AlignmentType.LEFT },
          ],
        },
      ],
    },
    footnotes: { 1: { children: [new Paragraph('本说明书每年修订一次')] } },
    sections: [
      {
        children: [
          new Paragraph({ text: '客戶服務部經理崗位職責', heading: HeadingLevel.HEADING_1 }),
          new Paragraph({
            children: [
              new TextRun('岗位名称：客户服务收费员'),
              new FootnoteReferenceRun(1),
              new TextRun({ text: '所属部门：客户中心', break: 1 }),
            ],
          }),
          new Paragraph({ text: '' }),
          new Paragraph({
            children: [new ImageRun({ type: 'png', data: PIXEL, transformation: { width: 1, height: 1 } })],
          }),
          new Paragraph({ children: [new TextRun({ text: '职责：', bold: true })] }),
          numbered('收取管理费'),
          numbered('核对日报', 1),
          numbered('开具收据', 1),
          numbered('催缴欠费'),
          new Paragraph({ text: '星号要点', bullet: { level: 0 } }),
          new Table({
            rows: [
              new TableRow({ children: [new TableCell({ columnSpan: 3, children: [new Paragraph('岗位说明书')] })] }),
              new TableRow({
                children: [
                  new TableCell({ verticalMerge: VerticalMergeType.RESTART, children: [new Paragraph('職權')] }),
                  plainCell('1'),
                  plainCell('審核裝修押金退還', '報主任批准'),
                ],
              }),
              new TableRow({
                children: [
                  new TableCell({ verticalMerge: VerticalMergeType.CONTINUE, children: [] }),
                  plainCell('2'),
                  new TableCell({
                    children: [
                      new Table({ rows: [new TableRow({ children: [plainCell('学历'), plainCell('大专')] })] }),
                    ],
                  }),
                ],
              }),
              new TableRow({
                children: [
                  plainCell('资格要求'),
                  new TableCell({ columnSpan: 2, children: [numbered('大专以上学历'), numbered('一年以上经验')] }),
                ],
              }),
            ],
          }),
          new Paragraph('实施者签字：'),
        ],
      },
    ],
  });
  return Packer.toBuffer(document);
}

/** A zip of the given entries, stored uncompressed (enough for a hand-made package). */
function storedZip(entries: Array<{ name: string; data: Buffer }>): Buffer {
  const locals: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const { name, data } of entries) {
    const fileName = Buffer.from(name, 'utf8');
    const crc = zlib.crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(fileName.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(fileName.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, fileName, data);
    directory.push(central, fileName);
    offset += 30 + fileName.length + data.length;
  }
  const size = directory.reduce((sum, part) => sum + part.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, ...directory, end]);
}

/**
 * Wall time and this process's CPU time of a read. The suite runs on a shared machine, where others' work stretches
 * the wall time; the CPU time is what the read itself costs.
 */
async function timed<T>(read: () => Promise<T>): Promise<{ result: T; wall: number; cpu: number }> {
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const result = await read();
  const used = process.cpuUsage(cpuBefore);
  return { result, wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

async function refusal(fileName: string, bytes: Buffer): Promise<JobDescriptionFormatError> {
  try {
    await readJobDescriptionFile(fileName, bytes);
  } catch (error) {
    expect(error).to.be.instanceOf(JobDescriptionFormatError);
    return error as JobDescriptionFormatError;
  }
  throw new Error(`${fileName} was read, not refused`);
}

describe('reading job-description files', () => {
  describe('Word (.docx)', () => {
    it('reads headings, paragraphs, numbered and bulleted lists and a merged table in document order', async () => {
      const read = await readJobDescriptionFile('收费员.docx', await wordDocument());
      expect(read.fileName).to.equal('收费员.docx');
      expect(read.format).to.equal('docx');
      expect(read.blocks).to.deep.equal([
        paragraph('客戶服務部經理崗位職責', '第1段'),
        // A line break splits a paragraph into lines; the footnote's mark is left out.
        paragraph('岗位名称：客户服务收费员', '第2段'),
        paragraph('所属部门：客户中心', '第2段'),
        paragraph('职责：', '第3段'),
        // Word's automatic numbering, lost in mammoth's HTML, written back.
        paragraph('1、收取管理费', '第4段'),
        paragraph('（1）核对日报', '第5段'),
        paragraph('（2）开具收据', '第6段'),
        paragraph('2、催缴欠费', '第7段'),
        paragraph('• 星号要点', '第8段'),
        {
          kind: 'table',
          where: '表格1',
          rows: [
            [
              cell('岗位说明书', '表格1 第1行第1列'),
              cell('岗位说明书', '表格1 第1行第2列', true),
              cell('岗位说明书', '表格1 第1行第3列', true),
            ],
            [
              cell('職權', '表格1 第2行第1列'),
              cell('1', '表格1 第2行第2列'),
              cell('審核裝修押金退還\n報主任批准', '表格1 第2行第3列'),
            ],
            [
              cell('職權', '表格1 第3行第1列', true),
              cell('2', '表格1 第3行第2列'),
              cell('学历 大专', '表格1 第3行第3列'),
            ],
            // A numbered list in a cell: its items numbered, one line each.
            [
              cell('资格要求', '表格1 第4行第1列'),
              cell('1、大专以上学历\n2、一年以上经验', '表格1 第4行第2列'),
              cell('1、大专以上学历\n2、一年以上经验', '表格1 第4行第3列', true),
            ],
          ],
        },
        paragraph('实施者签字：', '第9段'),
      ]);
    });

    it('a Word document without any text is empty', async () => {
      const blank = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph('')] }] }));
      const error = await refusal('空白.docx', blank);
      expect(error.message).to.equal('文件「空白.docx」是空的：没有任何文字');
      expect(error.status).to.equal(422);
    });

    it('reads a 50-page document well within a second or two', async () => {
      const children: Array<InstanceType<typeof Paragraph> | InstanceType<typeof Table>> = [];
      for (let page = 1; page <= 50; page += 1) {
        children.push(new Paragraph({ text: `第${page}个岗位的职务说明书`, heading: HeadingLevel.HEADING_2 }));
        for (let n = 1; n <= 12; n += 1)
          children.push(numbered(`负责第${n}项工作，按时完成并向主管汇报结果。`.repeat(2)));
        children.push(
          new Table({
            rows: Array.from(
              { length: 8 },
              (_, r) => new TableRow({ children: [plainCell(`项目${r + 1}`), plainCell('内容'.repeat(20))] }),
            ),
          }),
        );
      }
      const bytes = await Packer.toBuffer(
        new Document({
          numbering: {
            config: [{ reference: 'duties', levels: [{ level: 0, format: LevelFormat.DECIMAL, text: '%1.' }] }],
          },
          sections: [{ children }],
        }),
      );
      const { result: read, wall, cpu } = await timed(() => readJobDescriptionFile('五十页.docx', bytes));
      console.log(
        `      50 页 Word（${(bytes.length / 1024).toFixed(0)} KB）读取：耗时 ${wall.toFixed(0)} ms，CPU ${cpu.toFixed(0)} ms，${read.blocks.length} 块`,
      );
      expect(read.blocks).to.have.length(50 * 14);
      expect(cpu).to.be.below(2000);
    });
  });

  describe('Excel (.xlsx)', () => {
    async function workbook(): Promise<Buffer> {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('岗位');
      // Column A and row 1 stay empty; row 5 too: trimmed, while the cells keep their addresses.
      sheet.getCell('B2').value = '岗位名称';
      sheet.getCell('C2').value = '客户服务收费员';
      sheet.mergeCells('C2:D2');
      sheet.getCell('B3').value = '职责';
      sheet.mergeCells('B3:B4');
      sheet.getCell('C3').value = '1、收取管理费\n2、开具收据';
      sheet.getCell('D3').value = { richText: [{ text: '每日' }, { text: '核对', font: { bold: true } }] };
      sheet.getCell('C4').value = { formula: '1+2', result: 3 };
      sheet.getCell('B6').value = '编写日期';
      sheet.getCell('C6').value = new Date(Date.UTC(2024, 2, 5));
      const hidden = book.addWorksheet('旧版', { state: 'hidden' });
      hidden.getCell('A1').value = '不应读到';
      const second = book.addWorksheet('说明');
      second.getCell('A1').value = '直接主管：客户中心主任';
      book.addWorksheet('空表');
      return Buffer.from(await book.xlsx.writeBuffer());
    }

    it('reads every visible sheet with text as a table, merged ranges expanded, line breaks kept', async () => {
      const read = await readJobDescriptionFile('岗位.XLSX', await workbook());
      expect(read.format).to.equal('xlsx');
      expect(read.blocks).to.deep.equal([
        {
          kind: 'table',
          where: '工作表「岗位」',
          rows: [
            [
              cell('岗位名称', '工作表「岗位」B2'),
              cell('客户服务收费员', '工作表「岗位」C2'),
              cell('客户服务收费员', '工作表「岗位」D2', true),
            ],
            [
              cell('职责', '工作表「岗位」B3'),
              cell('1、收取管理费\n2、开具收据', '工作表「岗位」C3'),
              cell('每日核对', '工作表「岗位」D3'),
            ],
            [cell('职责', '工作表「岗位」B4', true), cell('3', '工作表「岗位」C4'), cell('', '工作表「岗位」D4')],
            [
              cell('编写日期', '工作表「岗位」B6'),
              cell('2024-03-05', '工作表「岗位」C6'),
              cell('', '工作表「岗位」D6'),
            ],
          ],
        },
        { kind: 'table', where: '工作表「说明」', rows: [[cell('直接主管：客户中心主任', '工作表「说明」A1')]] },
      ]);
    });

    it('a workbook without any text is empty', async () => {
      const book = new ExcelJS.Workbook();
      book.addWorksheet('Sheet1');
      const error = await refusal('空.xlsx', Buffer.from(await book.xlsx.writeBuffer()));
      expect(error.message).to.equal('文件「空.xlsx」是空的：没有任何文字');
    });
  });

  describe('text (.txt) and its encodings', () => {
    const GBK_BLOCKS = [
      paragraph('岗位名称：客户服务收费员', '第1行'),
      paragraph('所属部门：客户中心', '第2行'),
      paragraph('职责：', '第4行'),
      paragraph('1、收取管理费、水电费', '第5行'),
      paragraph('2、开具收据并核对日报', '第6行'),
    ];
    const TEXT =
      '岗位名称：客户服务收费员\r\n所属部门：客户中心\r\n\r\n职责：\r\n1、收取管理费、水电费\r\n2、开具收据并核对日报\r\n';

    it('reads GBK text (Windows line ends), counting blank lines in 第N行', async () => {
      const bytes = fs.readFileSync(path.join(FIXTURES, 'gbk.txt'));
      expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).to.throw();
      const read = await readJobDescriptionFile('收费员.txt', bytes);
      expect(read.format).to.equal('txt');
      expect(read.blocks).to.deep.equal(GBK_BLOCKS);
    });

    it('reads UTF-8 with and without a BOM, and UTF-16 LE and BE by their BOM', async () => {
      const utf16be = Buffer.from(TEXT, 'utf16le').swap16();
      const files = {
        'utf8.txt': Buffer.from(TEXT, 'utf8'),
        'bom.txt': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT, 'utf8')]),
        'utf16le.txt': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]),
        'utf16be.txt': Buffer.concat([Buffer.from([0xfe, 0xff]), utf16be]),
        'old-mac.txt': Buffer.from(TEXT.replace(/\r\n/g, '\r'), 'utf8'),
      };
      for (const [name, bytes] of Object.entries(files)) {
        const read = await readJobDescriptionFile(name, bytes);
        expect(read.blocks, name).to.deep.equal(GBK_BLOCKS);
        expect(decodeText(bytes, name).startsWith('岗位名称'), name).to.equal(true);
      }
    });

    it('refuses bytes that are neither UTF-8 nor GB18030 text', async () => {
      const binary = Buffer.from([0x00, 0x01, 0x02, 0x50, 0x4b, 0x03, 0x04, 0xff, 0x00, 0x80]);
      const error = await refusal('岗位.txt', binary);
      expect(error.message).to.equal(
        '文件「岗位.txt」无法读取：它不是文本文件，或者编码既不是 UTF-8 也不是 GBK/GB18030；请用记事本另存为 UTF-8 后再导入',
      );
      expect(() => decodeText(Buffer.from([0x81, 0x30]), '截断.txt')).to.throw(JobDescriptionFormatError, '截断.txt');
    });

    it('reads 5 MB of text well within a second or two', async () => {
      const line = '1、负责收取管理费、水电费等各项费用，开具收据，每日核对并上报日报表。\r\n';
      const bytes = Buffer.from(line.repeat(Math.floor(MAX_DOCUMENT_BYTES / Buffer.byteLength(line))), 'utf8');
      const { result: read, wall, cpu } = await timed(() => readJobDescriptionFile('大文件.txt', bytes));
      console.log(
        `      ${(bytes.length / 1024 / 1024).toFixed(1)} MB 文本读取：耗时 ${wall.toFixed(0)} ms，CPU ${cpu.toFixed(0)} ms，${read.blocks.length} 行`,
      );
      expect(cpu).to.be.below(2000);
      const markdown = await readJobDescriptionFile('大文件.md', bytes);
      expect(markdown.blocks).to.have.length(read.blocks.length);
    });
  });

  describe('Markdown (.md)', () => {
    it('takes the markup off, keeps list markers, and reads a pipe table as a table', async () => {
      const text = [
        '# 客户服务收费员岗位职责',
        '',
        '> **所属部门**：[客户中心](https://example.com/centre)',
        '',
        '## 职责 ##',
        '* 收取*各项*费用',
        '- 开具 __收据__',
        '1. 核对`日报`',
        '---',
        '| 项目 | 要求 |',
        '|:---|---:|',
        '| 学历 | 大专以上 |',
        '| 经验 | 一年<br>以上 | 多余 |',
        '',
        '![签字](sign.png)',
      ].join('\n');
      const read = await readJobDescriptionFile('收费员.md', Buffer.from(text, 'utf8'));
      expect(read.format).to.equal('md');
      expect(read.blocks).to.deep.equal([
        paragraph('客户服务收费员岗位职责', '第1行'),
        paragraph('所属部门：客户中心', '第3行'),
        paragraph('职责', '第5行'),
        paragraph('* 收取各项费用', '第6行'),
        paragraph('- 开具 收据', '第7行'),
        paragraph('1. 核对日报', '第8行'),
        {
          kind: 'table',
          where: '第10行起的表格1',
          rows: [
            [cell('项目', '第10行第1列'), cell('要求', '第10行第2列'), cell('', '第10行第3列')],
            [cell('学历', '第12行第1列'), cell('大专以上', '第12行第2列'), cell('', '第12行第3列')],
            [cell('经验', '第13行第1列'), cell('一年\n以上', '第13行第2列'), cell('多余', '第13行第3列')],
          ],
        },
      ]);
    });
  });

  describe('pasted text', () => {
    it('is read as text, line by line; a line of only spaces and invisible characters is blank', () => {
      const read = readJobDescriptionText('\uFEFF岗位名称：收费员\r\n\u200b\u00a0\r\n  * 收取费用\u200b  \n');
      expect(read).to.deep.equal({
        fileName: '粘贴的文本',
        format: 'text',
        blocks: [paragraph('岗位名称：收费员', '第1行'), paragraph('* 收取费用', '第3行')],
      });
    });

    it('nothing but blank lines is empty', () => {
      expect(() => readJobDescriptionText(' \n\u3000\n')).to.throw(
        JobDescriptionFormatError,
        '「粘贴的文本」是空的：没有任何文字',
      );
    });
  });

  describe('files that are refused, in Chinese, naming the file', () => {
    it('a file over 5 MB, before anything is read', async () => {
      const error = await refusal('大.docx', Buffer.alloc(MAX_DOCUMENT_BYTES + 1));
      expect(error.message).to.equal('文件「大.docx」有 5.1 MB，超过 5 MB 的上限');
      expect(error.status).to.equal(413);
      expect(error.code).to.equal('document_too_large');
      const large = await refusal('大.txt', Buffer.alloc(Math.round(6.3 * 1024 * 1024), 0x41));
      expect(large.message).to.equal('文件「大.txt」有 6.3 MB，超过 5 MB 的上限');
      expect(large).to.be.instanceOf(JobDescriptionTooLarge);
      // Exactly 5 MB is read (and these NUL bytes are then refused as not text).
      expect(await refusal('正好.txt', Buffer.alloc(MAX_DOCUMENT_BYTES, 0x00))).to.not.be.instanceOf(
        JobDescriptionTooLarge,
      );
    });

    it('an empty file, and one of only blank lines', async () => {
      for (const name of ['空.txt', '空.docx', '空.xlsx', '空.md']) {
        const error = await refusal(name, Buffer.alloc(0));
        expect(error.message).to.equal(`文件「${name}」是空的：没有任何文字`);
        expect(error.status).to.equal(422);
      }
      expect((await refusal('空行.txt', Buffer.from(' \r\n\t\r\n'))).message).to.equal(
        '文件「空行.txt」是空的：没有任何文字',
      );
    });

    it('an encrypted Word or Excel file, or an old .doc/.xls renamed (an OLE compound file)', async () => {
      const compound = Buffer.concat([Buffer.from('D0CF11E0A1B11AE1', 'hex'), Buffer.alloc(504)]);
      for (const name of ['加密.docx', '加密.xlsx']) {
        expect((await refusal(name, compound)).message).to.equal(
          `文件「${name}」已加密（设置了打开密码）或是旧版 Office 格式，无法读取：请去掉密码或另存为 .docx/.xlsx 后再导入`,
        );
      }
    });

    it('bytes that are not a Word or Excel package', async () => {
      const random = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256));
      expect((await refusal('乱码.docx', random)).message).to.equal(
        '文件「乱码.docx」无法读取：不是有效的 Word 文件（.docx）',
      );
      expect((await refusal('乱码.xlsx', random)).message).to.equal(
        '文件「乱码.xlsx」无法读取：不是有效的 Excel 文件（.xlsx）',
      );
      // A zip that starts right but is cut short.
      const word = await wordDocument();
      expect((await refusal('截断.docx', word.subarray(0, 2000))).message).to.equal(
        '文件「截断.docx」无法读取：不是有效的 Word 文件（.docx）',
      );
      // A Word package named .xlsx, and the other way round.
      expect((await refusal('其实是Word.xlsx', word)).message).to.equal(
        '文件「其实是Word.xlsx」无法读取：不是有效的 Excel 文件（.xlsx）',
      );
      const book = new ExcelJS.Workbook();
      book.addWorksheet('岗位').getCell('A1').value = '岗位名称';
      expect((await refusal('其实是Excel.docx', Buffer.from(await book.xlsx.writeBuffer()))).message).to.equal(
        '文件「其实是Excel.docx」无法读取：不是有效的 Word 文件（.docx）',
      );
    });

    it('a workbook whose merged ranges would cover millions of cells (a few kilobytes that would never finish)', async () => {
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('岗位');
      sheet.getCell('A1').value = '岗位名称';
      sheet.mergeCells('A1:B2');
      const bytes = Buffer.from(await book.xlsx.writeBuffer());
      const entries = listZipEntries(bytes)!.map((entry) => {
        const data = readZipEntry(bytes, entry, 10_000_000)!;
        if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(entry.name)) return { name: entry.name, data };
        const xml = data.toString('utf8');
        expect(xml).to.contain('<mergeCell ref="A1:B2"/>');
        return {
          name: entry.name,
          data: Buffer.from(xml.replace('<mergeCell ref="A1:B2"/>', '<mergeCell ref="A1:XFD1048576"/>'), 'utf8'),
        };
      });
      // The same package with its merge intact reads: the zip written here is sound.
      const sound = storedZip(
        entries.map((e) => ({ ...e, data: Buffer.from(e.data.toString('utf8').replace('A1:XFD1048576', 'A1:B2')) })),
      );
      expect((await readJobDescriptionFile('正常.xlsx', sound)).blocks).to.have.length(1);
      const bomb = storedZip(entries);
      expect(bomb.length).to.be.below(20_000);
      const { result: error, cpu } = await timed(() => refusal('合并.xlsx', bomb));
      expect(error.message).to.equal(
        '文件「合并.xlsx」无法读取：内容过大（解压后超过 100 MB 或合并单元格过多），不像是岗位职务说明书',
      );
      expect(cpu).to.be.below(1000);
    });

    it('tables that would expand to more than 200,000 cells, in any format', async () => {
      const message = (name: string) =>
        `文件「${name}」无法读取：表格展开后超过 200,000 个单元格，不像是岗位职务说明书`;
      const book = new ExcelJS.Workbook();
      const sheet = book.addWorksheet('岗位');
      for (let r = 1; r <= 20; r += 1) sheet.getCell(`A${r}`).value = `第${r}行`;
      sheet.getCell('XFD1').value = '最后一列';
      expect((await refusal('宽表.xlsx', Buffer.from(await book.xlsx.writeBuffer()))).message).to.equal(
        message('宽表.xlsx'),
      );

      const markdown = `${'|'.repeat(300_000)}\n|-|-|\n${'| a |\n'.repeat(10)}`;
      expect((await refusal('宽表.md', Buffer.from(markdown))).message).to.equal(message('宽表.md'));

      const rows = Array.from(
        { length: 250 },
        () => new TableRow({ children: [new TableCell({ columnSpan: 1000, children: [new Paragraph('宽')] })] }),
      );
      const word = await Packer.toBuffer(new Document({ sections: [{ children: [new Table({ rows })] }] }));
      expect((await refusal('宽表.docx', word)).message).to.equal(message('宽表.docx'));
    });

    it('a type it does not read', async () => {
      for (const name of ['岗位说明.pdf', '岗位说明.doc', '岗位说明.xls', '岗位说明.html', '岗位说明']) {
        expect((await refusal(name, Buffer.from('岗位名称：收费员'))).message).to.equal(
          `文件「${name}」的格式不支持：请上传 .docx、.xlsx、.txt 或 .md 文件（旧版 .doc、.xls 请先另存为 .docx、.xlsx）`,
        );
      }
    });
  });
});
