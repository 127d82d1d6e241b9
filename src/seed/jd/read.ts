// Reads an uploaded job-description file (or pasted text) into a SourceDocument, faithfully: paragraphs and tables
// in document order, each saying where it is. No label or layout is recognised here (parse.ts does that).
// Every failure is a JobDescriptionFormatError whose Chinese message names the file; nothing else happens.
import path from 'node:path';
import { JobDescriptionFormatError } from './parse.js';
import { docxBlocks, docxHtml } from './read-docx.js';
import { MAX_TABLE_CELLS, TooManyCells } from './read-limits.js';
import { markdownBlocks, textBlocks } from './read-text.js';
import { loadWorkbook, xlsxBlocks } from './read-xlsx.js';
import { listZipEntries, readZipEntry, type ZipEntry } from './read-zip.js';
import { MAX_DOCUMENT_BYTES, type SourceBlock, type SourceDocument, type SourceFormat } from './source.js';

export const PASTED_TEXT = '粘贴的文本';

/** A file over the size limit: 413 and the code the import API gives an upload too large. */
export class JobDescriptionTooLarge extends JobDescriptionFormatError {
  override readonly status = 413;
  override readonly code = 'document_too_large';
}

const EXTENSIONS: Record<string, Exclude<SourceFormat, 'text'>> = {
  '.docx': 'docx',
  '.xlsx': 'xlsx',
  '.txt': 'txt',
  '.text': 'txt',
  '.md': 'md',
  '.markdown': 'md',
};

// A package expands to at most this much (its central directory's figures): far above any real job description,
// far below what would exhaust the server's memory.
const MAX_UNPACKED_BYTES = 100 * 1024 * 1024;

// A workbook's merged ranges cover at most this many cells in all: the reader makes a cell for each, so one range
// "A1:XFD1048576" in a file of a few kilobytes would never finish. A job description merges a few dozen.
const MAX_MERGED_CELLS = 100_000;

// Office files that are not zip packages: a password-protected .docx/.xlsx (Word wraps the encrypted package in an
// OLE compound file) and the old .doc/.xls formats share this signature.
const COMPOUND_FILE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

const PACKAGES = {
  docx: { kind: 'Word', folder: 'word/' },
  xlsx: { kind: 'Excel', folder: 'xl/' },
} as const;

/** A size in MB to one decimal, rounded up where rounding would show the limit itself ("5.0 MB 超过 5 MB"). */
function megabytes(bytes: number): string {
  const mb = bytes / 1024 / 1024;
  const rounded = Math.round(mb * 10) / 10;
  return (rounded * 1024 * 1024 <= MAX_DOCUMENT_BYTES ? Math.ceil(mb * 10) / 10 : rounded).toFixed(1);
}

const invalidPackage = (fileName: string, format: 'docx' | 'xlsx') =>
  `文件「${fileName}」无法读取：不是有效的 ${PACKAGES[format].kind} 文件（.${format}）`;

const unsupported = (fileName: string) =>
  new JobDescriptionFormatError(
    `文件「${fileName}」的格式不支持：请上传 .docx、.xlsx、.txt 或 .md 文件（旧版 .doc、.xls 请先另存为 .docx、.xlsx）`,
  );

const empty = (fileName: string, format: SourceFormat) =>
  new JobDescriptionFormatError(
    format === 'text' ? `「${fileName}」是空的：没有任何文字` : `文件「${fileName}」是空的：没有任何文字`,
  );

const unreadableText = (fileName: string) =>
  new JobDescriptionFormatError(
    `文件「${fileName}」无法读取：它不是文本文件，或者编码既不是 UTF-8 也不是 GBK/GB18030；请用记事本另存为 UTF-8 后再导入`,
  );

/** Allowed in text besides printable characters: tab, line feed, vertical tab, form feed, carriage return. */
// eslint-disable-next-line no-control-regex
const NOT_TEXT = /[\u0000-\u0008\u000E-\u001F\u007F\uFFFD]/;

/**
 * The text of a .txt or .md file: a UTF-8 BOM dropped; UTF-16 (LE or BE) by its BOM; otherwise UTF-8 if the bytes
 * are valid UTF-8, else GB18030 (which covers GBK and GB2312). Text that still holds replacement or control
 * characters is not text: refused. Line ends are left to the readers (they take "\r\n", "\r" and "\n").
 */
export function decodeText(bytes: Buffer, fileName: string): string {
  let text: string;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    text = new TextDecoder('utf-8').decode(bytes.subarray(3));
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = new TextDecoder('utf-16le').decode(bytes.subarray(2));
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = new TextDecoder('utf-16be').decode(bytes.subarray(2));
  } else {
    try {
      text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    } catch {
      text = new TextDecoder('gb18030').decode(bytes);
    }
  }
  if (NOT_TEXT.test(text)) throw unreadableText(fileName);
  return text;
}

/** The document a reader makes; refused when it holds no text, or tables too large for any job description. */
function document(fileName: string, format: SourceFormat, read: () => SourceBlock[]): SourceDocument {
  let blocks: SourceBlock[];
  try {
    blocks = read();
  } catch (error) {
    if (!(error instanceof TooManyCells)) throw error;
    const name = format === 'text' ? `「${fileName}」` : `文件「${fileName}」`;
    throw new JobDescriptionFormatError(
      `${name}无法读取：表格展开后超过 ${MAX_TABLE_CELLS.toLocaleString('en-US')} 个单元格，不像是岗位职务说明书`,
    );
  }
  if (!blocks.length) throw empty(fileName, format);
  return { fileName, format, blocks };
}

/**
 * Pasted text (and the decoded text of a .txt file): every non-blank line a paragraph, "第N行" counting every line.
 */
export function readJobDescriptionText(text: string, fileName = PASTED_TEXT): SourceDocument {
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) {
    throw new JobDescriptionTooLarge(
      `「${fileName}」有 ${megabytes(Buffer.byteLength(text, 'utf8'))} MB，超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的上限`,
    );
  }
  // Control characters (a NUL would not even store in PostgreSQL) are not part of what a person pasted.
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/^\uFEFF/, '').replace(/[\u0000-\u0008\u000E-\u001F\u007F]/g, '');
  return document(fileName, 'text', () => textBlocks(clean));
}

/** Checks that the bytes are the zip package their name says (.docx: Word, .xlsx: Excel) before a reader opens them. */
function checkPackage(fileName: string, format: 'docx' | 'xlsx', bytes: Buffer): void {
  const { folder } = PACKAGES[format];
  if (bytes.subarray(0, COMPOUND_FILE.length).equals(COMPOUND_FILE)) {
    throw new JobDescriptionFormatError(
      `文件「${fileName}」已加密（设置了打开密码）或是旧版 Office 格式，无法读取：请去掉密码或另存为 .docx/.xlsx 后再导入`,
    );
  }
  const invalid = new JobDescriptionFormatError(invalidPackage(fileName, format));
  const entries = bytes.subarray(0, 2).toString('latin1') === 'PK' ? listZipEntries(bytes) : null;
  if (!entries || !entries.some((entry) => entry.name.startsWith(folder))) throw invalid;
  const unpacked = entries.reduce((sum, entry) => sum + entry.uncompressedSize, 0);
  const tooLarge = () =>
    new JobDescriptionFormatError(
      `文件「${fileName}」无法读取：内容过大（解压后超过 100 MB 或合并单元格过多），不像是岗位职务说明书`,
    );
  if (unpacked > MAX_UNPACKED_BYTES) throw tooLarge();
  if (format === 'xlsx' && mergedCells(bytes, entries) > MAX_MERGED_CELLS) throw tooLarge();
}

/** The cells covered by the merged ranges of every worksheet (<mergeCell ref="B3:B4"/>). */
function mergedCells(bytes: Buffer, entries: ZipEntry[]): number {
  let cells = 0;
  for (const entry of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(entry.name)) continue;
    // Unreadable here means unreadable for the reader too: it says so.
    const xml = readZipEntry(bytes, entry, MAX_UNPACKED_BYTES)?.toString('latin1') ?? '';
    for (const match of xml.matchAll(/<(?:\w+:)?mergeCell\s[^>]*?ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"/g)) {
      const width = Math.abs(columnNumber(match[3]) - columnNumber(match[1])) + 1;
      const height = Math.abs(Number(match[4]) - Number(match[2])) + 1;
      cells += width * height;
    }
  }
  return cells;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const letter of letters) n = n * 26 + letter.charCodeAt(0) - 64;
  return n;
}

export async function readJobDescriptionFile(fileName: string, bytes: Buffer): Promise<SourceDocument> {
  if (bytes.length > MAX_DOCUMENT_BYTES) {
    throw new JobDescriptionTooLarge(
      `文件「${fileName}」有 ${megabytes(bytes.length)} MB，超过 ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB 的上限`,
    );
  }
  const format = EXTENSIONS[path.extname(fileName.trim()).toLowerCase()];
  if (!format) throw unsupported(fileName);
  if (bytes.length === 0) throw empty(fileName, format);

  if (format === 'txt' || format === 'md') {
    const text = decodeText(bytes, fileName);
    return document(fileName, format, () => (format === 'md' ? markdownBlocks(text) : textBlocks(text)));
  }

  checkPackage(fileName, format, bytes);
  // A package the library cannot follow (a missing part, broken XML, a corrupt entry) is not a valid file.
  const invalid = () => {
    throw new JobDescriptionFormatError(invalidPackage(fileName, format));
  };
  if (format === 'docx') {
    const html = await docxHtml(bytes).catch(invalid);
    return document(fileName, format, () => docxBlocks(html));
  }
  const workbook = await loadWorkbook(bytes).catch(invalid);
  return document(fileName, format, () => xlsxBlocks(workbook));
}
