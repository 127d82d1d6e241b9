// Attachments of archived documents, kept on the local disk under the upload folder: which files are accepted
// (size, extension and the file's first bytes), where they are stored, and how a stored path is found again.
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../config.js';
import { ValidationFailed } from '../errors.js';
import { shanghaiYear } from '../lib/shanghai.js';

export const MAX_ATTACHMENT_BYTES = 20 * 1024 * 1024;
const ATTACHMENT_TOO_LARGE = '附件不能超过 20 MB';
const ATTACHMENT_WRONG_TYPE = '附件类型只能是 PDF、Word、Excel、PowerPoint、图片、文本或 ZIP';
const ATTACHMENT_EMPTY = '附件是空文件';
export const ATTACHMENT_NOT_UPLOADED = '附件只能通过上传文件提交';

const PDF = [0x25, 0x50, 0x44, 0x46]; // %PDF
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff];
const ZIP = [0x50, 0x4b]; // PK: zip and the zip-based Office formats (docx, xlsx, pptx)
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]; // doc, xls, ppt before 2007

const startsWith = (head: Buffer, magic: number[]) =>
  head.length >= magic.length && magic.every((byte, i) => head[i] === byte);
const zipLike = (head: Buffer) =>
  startsWith(head, ZIP) && [0x03, 0x05, 0x07].includes(head[2]) && head[3] === head[2] + 1;
/** Text has no NUL bytes, unless it is UTF-16 (which starts with its byte-order mark). */
const textLike = (head: Buffer) =>
  startsWith(head, [0xff, 0xfe]) || startsWith(head, [0xfe, 0xff]) || !head.includes(0);

interface AttachmentKind {
  mime: string;
  looksRight: (head: Buffer) => boolean;
}

/** Accepted extensions, the type a download is served as, and what the file must start with. */
const ATTACHMENT_KINDS: Record<string, AttachmentKind> = {
  pdf: { mime: 'application/pdf', looksRight: (h) => startsWith(h, PDF) },
  doc: { mime: 'application/msword', looksRight: (h) => startsWith(h, OLE2) },
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', looksRight: zipLike },
  xls: { mime: 'application/vnd.ms-excel', looksRight: (h) => startsWith(h, OLE2) },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', looksRight: zipLike },
  ppt: { mime: 'application/vnd.ms-powerpoint', looksRight: (h) => startsWith(h, OLE2) },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', looksRight: zipLike },
  jpg: { mime: 'image/jpeg', looksRight: (h) => startsWith(h, JPEG) },
  jpeg: { mime: 'image/jpeg', looksRight: (h) => startsWith(h, JPEG) },
  png: { mime: 'image/png', looksRight: (h) => startsWith(h, PNG) },
  txt: { mime: 'text/plain', looksRight: textLike },
  zip: { mime: 'application/zip', looksRight: zipLike },
};

/**
 * A file this request's body parser wrote into its own temporary folder (src/http/body.ts), with the name it had on
 * the sender's computer. Only such a file is ever stored: text fields of a JSON or urlencoded body cannot make one.
 */
export class ReceivedFile {
  constructor(
    readonly path: string,
    readonly name: string,
    readonly size: number,
    /** The parser stopped writing at the size limit: the file was larger than any attachment may be. */
    readonly truncated = false,
  ) {}
}

/** What the record keeps about its stored attachment. */
export interface StoredAttachment {
  attachmentPath: string;
  attachmentName: string;
  attachmentSize: number;
  attachmentMime: string;
}

/** The original file name without any folder part a browser or a crafted request may send. */
function baseName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? '';
  return (
    base
      // eslint-disable-next-line no-control-regex -- control characters are exactly what is taken out
      .replace(/[\u0000-\u001f\u007f]/g, '')
      .trim()
      .slice(0, 255)
  );
}

const extensionOf = (name: string) => {
  const base = baseName(name);
  const dot = base.lastIndexOf('.');
  return dot > 0 ? base.slice(dot + 1).toLowerCase() : '';
};

async function headOf(file: string, bytes = 4096): Promise<Buffer> {
  const handle = await fs.open(file, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const { bytesRead } = await handle.read(buffer, 0, bytes, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

/** Null when the file may be filed; otherwise the reason it is refused. */
async function attachmentProblem(file: ReceivedFile): Promise<string | null> {
  if (file.truncated || file.size > MAX_ATTACHMENT_BYTES) return ATTACHMENT_TOO_LARGE;
  const kind = ATTACHMENT_KINDS[extensionOf(file.name)];
  if (!kind) return ATTACHMENT_WRONG_TYPE;
  if (file.size === 0) return ATTACHMENT_EMPTY;
  // The size the parser reports is checked against the disk too: it is what will be stored.
  const { size } = await fs.stat(file.path);
  if (size > MAX_ATTACHMENT_BYTES) return ATTACHMENT_TOO_LARGE;
  return kind.looksRight(await headOf(file.path)) ? null : ATTACHMENT_WRONG_TYPE;
}

/** The absolute path of a stored attachment; null for a path that would lead outside the upload folder. */
export function attachmentFile(relative: string | null | undefined): string | null {
  if (!relative) return null;
  const root = path.resolve(config.uploadDir);
  const absolute = path.resolve(root, relative);
  return absolute.startsWith(root + path.sep) ? absolute : null;
}

/**
 * Checks the uploaded file and moves it to <upload folder>/archive/<year>/<random id>.<ext>; the sender's file
 * name is kept only as a field. Refused: ValidationFailed on `field`, nothing stored. The temporary file is
 * removed either way.
 */
export async function storeAttachment(
  file: ReceivedFile,
  field = 'attachment',
  now = new Date(),
): Promise<StoredAttachment> {
  if (!(file instanceof ReceivedFile))
    throw new ValidationFailed(ATTACHMENT_NOT_UPLOADED, { [field]: ATTACHMENT_NOT_UPLOADED });
  try {
    const problem = await attachmentProblem(file);
    if (problem) throw new ValidationFailed(problem, { [field]: problem });
    const ext = extensionOf(file.name);
    const relative = path.posix.join('archive', String(shanghaiYear(now)), `${randomUUID()}.${ext}`);
    const target = attachmentFile(relative)!;
    await fs.mkdir(path.dirname(target), { recursive: true });
    try {
      await fs.rename(file.path, target);
    } catch (error) {
      // The temporary folder may be on another disk.
      if ((error as NodeJS.ErrnoException).code !== 'EXDEV') throw error;
      await fs.copyFile(file.path, target);
    }
    const { size } = await fs.stat(target);
    return {
      attachmentPath: relative,
      attachmentName: baseName(file.name),
      attachmentSize: size,
      attachmentMime: ATTACHMENT_KINDS[ext].mime,
    };
  } finally {
    await fs.rm(file.path, { force: true });
  }
}

/** Removes a stored attachment; a file already gone is not an error. */
export async function removeAttachment(relative: string | null | undefined): Promise<void> {
  const absolute = attachmentFile(relative);
  if (absolute) await fs.rm(absolute, { force: true });
}
