// The table of contents of a zip file (.docx and .xlsx are zip packages), read from its central directory without
// decompressing anything: enough to tell a Word package from an Excel one, a zip from random bytes, and to refuse a
// package that would expand to far more than any job description (a "zip bomb") before a reader inflates it. One
// entry can be inflated on its own, with a cap on what it may expand to.
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** As the central directory declares it. */
  uncompressedSize: number;
  compressedSize: number;
  method: number;
  localHeaderOffset: number;
}

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const END_RECORD_SIZE = 22;
const MAX_COMMENT = 0xffff;

/** The entries of a zip, or null when the bytes are not a readable zip. */
export function listZipEntries(bytes: Buffer): ZipEntry[] | null {
  if (bytes.length < END_RECORD_SIZE) return null;
  // The end record sits at the very end, followed only by an optional comment of up to 64 KB.
  let end = -1;
  const lowest = Math.max(0, bytes.length - END_RECORD_SIZE - MAX_COMMENT);
  for (let i = bytes.length - END_RECORD_SIZE; i >= lowest; i -= 1) {
    if (bytes.readUInt32LE(i) === END_OF_CENTRAL_DIRECTORY) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;

  const count = bytes.readUInt16LE(end + 10);
  const directoryOffset = bytes.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  let at = directoryOffset;
  for (let n = 0; n < count; n += 1) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== CENTRAL_DIRECTORY_ENTRY) return null;
    const method = bytes.readUInt16LE(at + 10);
    const compressedSize = bytes.readUInt32LE(at + 20);
    const uncompressedSize = bytes.readUInt32LE(at + 24);
    const localHeaderOffset = bytes.readUInt32LE(at + 42);
    const nameLength = bytes.readUInt16LE(at + 28);
    const extraLength = bytes.readUInt16LE(at + 30);
    const commentLength = bytes.readUInt16LE(at + 32);
    if (at + 46 + nameLength > bytes.length) return null;
    const name = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    entries.push({ name, uncompressedSize, compressedSize, method, localHeaderOffset });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const LOCAL_FILE_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;

/** An entry's contents, or null when it cannot be read or would expand beyond `maxBytes`. */
export function readZipEntry(bytes: Buffer, entry: ZipEntry, maxBytes: number): Buffer | null {
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || bytes.readUInt32LE(at) !== LOCAL_FILE_HEADER) return null;
  const start = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (data.length !== entry.compressedSize) return null;
  try {
    if (entry.method === STORED) return data.length <= maxBytes ? data : null;
    if (entry.method === DEFLATED) return zlib.inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch {
    // Corrupt, or larger than allowed.
  }
  return null;
}
