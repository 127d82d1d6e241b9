// Request bodies of the admin, read by the product instead of @adminjs/express's own parser (which it skips once a
// body is marked parsed): only after the session guard, with sizes capped, field names checked, JSON flattened to
// form fields, and files accepted only on the routes that take them — written into a temporary folder of this
// request that is removed when the request ends, accepted or not.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import busboy from 'busboy';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ReceivedFile } from '../domain/attachments.js';

/** Everything but files: a form is small. */
const MAX_FORM_BYTES = 2 * 1024 * 1024;
const MAX_FIELDS = 1000;
const MAX_KEY_LENGTH = 200;

export interface BodyLimits {
  /** Where each request's temporary folder is made. */
  tempRoot: string;
  /** The largest file a route takes; a larger one is kept only up to this size and flagged as truncated. */
  maxFileBytes: number;
}

export interface ParsedBody {
  fields: Record<string, string | null>;
  files: Record<string, ReceivedFile>;
}

/** A refused body: answered with `status` and the Chinese message, before anything else runs. */
export class BodyError extends Error {
  constructor(
    public readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

// Keys that would reach Object.prototype once the flat form is unflattened, or shadow its methods.
const RESERVED_KEYS = new Set([...Object.getOwnPropertyNames(Object.prototype), 'prototype']);

function checkKey(key: string): void {
  if (key === '' || key.length > MAX_KEY_LENGTH) throw new BodyError(400, '请求中有无效的字段名');
  for (const segment of key.split('.')) {
    if (RESERVED_KEYS.has(segment)) throw new BodyError(400, `请求中含有不允许的字段名「${segment}」`);
  }
}

/** A JSON body as the flat form fields AdminJS reads (`answers.12`), with every value text, so it can carry no file. */
function flattenJson(value: unknown, prefix: string, into: Record<string, string | null>): void {
  if (value === null || value === undefined) {
    if (prefix) into[prefix] = null;
    return;
  }
  if (typeof value === 'object') {
    const entries = Array.isArray(value)
      ? value.map((v, i) => [String(i), v] as const)
      : Object.entries(value as Record<string, unknown>);
    for (const [key, inner] of entries) flattenJson(inner, prefix ? `${prefix}.${key}` : key, into);
    return;
  }
  if (!prefix) throw new BodyError(400, '请求内容必须是表单字段');
  into[prefix] = String(value);
}

function readAll(req: Request, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        reject(new BodyError(413, '请求内容过大'));
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', () => reject(new BodyError(400, '请求未完整发送')));
  });
}

function urlencoded(text: string): Record<string, string | null> {
  const fields: Record<string, string | null> = {};
  const params = new URLSearchParams(text);
  let count = 0;
  for (const [key, value] of params) {
    if (++count > MAX_FIELDS) throw new BodyError(413, '表单字段过多');
    fields[key] = value;
  }
  return fields;
}

function json(text: string): Record<string, string | null> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new BodyError(400, '请求内容不是有效的 JSON');
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
    throw new BodyError(400, '请求内容必须是 JSON 对象');
  const fields: Record<string, string | null> = {};
  flattenJson(parsed, '', fields);
  if (Object.keys(fields).length > MAX_FIELDS) throw new BodyError(413, '表单字段过多');
  return fields;
}

/** A multipart body; files are written into `folder` when `acceptFiles`, otherwise a file part refuses the request. */
function multipart(
  req: Request,
  acceptFiles: boolean,
  folder: () => Promise<string>,
  limits: BodyLimits,
): Promise<ParsedBody> {
  return new Promise((resolve, reject) => {
    let parser: busboy.Busboy;
    try {
      parser = busboy({
        headers: req.headers,
        defParamCharset: 'utf8',
        limits: {
          fieldSize: MAX_FORM_BYTES,
          fields: MAX_FIELDS,
          files: acceptFiles ? 1 : 0,
          fileSize: limits.maxFileBytes + 1,
          parts: MAX_FIELDS + 1,
        },
      });
    } catch {
      reject(new BodyError(400, '表单格式不正确（缺少 multipart 分隔符）'));
      return;
    }
    const fields: Record<string, string | null> = {};
    const files: Record<string, ReceivedFile> = {};
    const writes: Promise<void>[] = [];
    let failure: BodyError | null = null;
    const fail = (error: BodyError) => {
      failure ??= error;
    };
    parser.on('field', (name, value, info) => {
      if (info.valueTruncated) fail(new BodyError(413, '表单字段过长'));
      fields[name] = value;
    });
    parser.on('file', (name, stream, info) => {
      writes.push(
        (async () => {
          const target = path.join(await folder(), randomUUID());
          const out = fs.createWriteStream(target, { flags: 'wx' });
          let size = 0;
          stream.on('data', (chunk: Buffer) => {
            size += chunk.length;
          });
          await new Promise<void>((done, broken) => {
            stream.pipe(out);
            out.on('finish', () => done());
            out.on('error', broken);
            stream.on('error', broken);
          });
          files[name] = new ReceivedFile(
            target,
            info.filename ?? '',
            size,
            (stream as { truncated?: boolean }).truncated === true,
          );
        })(),
      );
    });
    parser.on('filesLimit', () => fail(new BodyError(400, acceptFiles ? '一次只能上传一个文件' : '此处不能上传文件')));
    parser.on('fieldsLimit', () => fail(new BodyError(413, '表单字段过多')));
    parser.on('partsLimit', () => fail(new BodyError(413, '表单字段过多')));
    parser.on('error', () => fail(new BodyError(400, '表单格式不正确')));
    parser.on('close', () => {
      Promise.all(writes).then(
        () => (failure ? reject(failure) : resolve({ fields, files })),
        () => reject(failure ?? new BodyError(400, '上传的文件未能保存')),
      );
    });
    req.on('error', () => fail(new BodyError(400, '请求未完整发送')));
    req.pipe(parser);
  });
}

function mediaType(req: Request): string {
  return String(req.headers['content-type'] ?? '')
    .split(';')[0]
    .trim()
    .toLowerCase();
}

const hasBody = (req: Request) =>
  Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;

/**
 * Reads the body of `req`. A file part is accepted only when `acceptFiles`; the files go into a fresh folder under
 * limits.tempRoot that `cleanup` removes. Throws BodyError for a body it refuses.
 */
export async function readBody(
  req: Request,
  acceptFiles: boolean,
  limits: BodyLimits,
  cleanup: (folder: string) => void,
): Promise<ParsedBody> {
  if (!hasBody(req)) return { fields: {}, files: {} };
  const declared = Number(req.headers['content-length'] ?? 0);
  const cap = acceptFiles ? limits.maxFileBytes + MAX_FORM_BYTES : MAX_FORM_BYTES;
  if (declared > cap)
    throw new BodyError(
      413,
      acceptFiles ? `请求内容过大：附件不能超过 ${Math.round(limits.maxFileBytes / 1024 / 1024)} MB` : '请求内容过大',
    );
  const type = mediaType(req);
  let body: ParsedBody;
  if (type === 'multipart/form-data') {
    let folder: Promise<string> | null = null;
    const makeFolder = () => {
      folder ??= fsp
        .mkdir(limits.tempRoot, { recursive: true })
        .then(() => fsp.mkdtemp(path.join(limits.tempRoot, 'req-')))
        .then((made) => {
          cleanup(made);
          return made;
        });
      return folder;
    };
    body = await multipart(req, acceptFiles, makeFolder, limits);
  } else if (type === 'application/x-www-form-urlencoded') {
    body = { fields: urlencoded((await readAll(req, MAX_FORM_BYTES)).toString('utf8')), files: {} };
  } else if (type === 'application/json') {
    body = { fields: json((await readAll(req, MAX_FORM_BYTES)).toString('utf8')), files: {} };
  } else {
    throw new BodyError(415, '不支持的请求格式：只接受表单（urlencoded、multipart）或 JSON');
  }
  for (const key of [...Object.keys(body.fields), ...Object.keys(body.files)]) checkKey(key);
  return body;
}

/**
 * Middleware: parses the body once (GET and friends have none) and hands it to AdminJS the way express-formidable
 * would (req.fields, req.files, and the flag that makes @adminjs/express skip its own parser). `takesFiles` says
 * which requests may carry a file. A refused body is answered 4xx in Chinese; temporary files are removed when the
 * response is finished or the connection closes.
 */
export function parseBodies(limits: BodyLimits, takesFiles: (req: Request) => boolean): RequestHandler {
  return async (req: Request, res: Response, next: NextFunction) => {
    const target = req as Request & { fields?: unknown; files?: unknown; express_formidable?: { parsed: boolean } };
    if (target.express_formidable?.parsed) return next();
    if (req.method === 'GET' || req.method === 'HEAD') {
      Object.assign(target, { fields: {}, files: {}, express_formidable: { parsed: true } });
      return next();
    }
    const folders: string[] = [];
    res.on('close', () => {
      for (const folder of folders) fsp.rm(folder, { recursive: true, force: true }).catch(() => undefined);
    });
    try {
      const body = await readBody(req, takesFiles(req), limits, (folder) => folders.push(folder));
      Object.assign(target, { fields: body.fields, files: body.files, express_formidable: { parsed: true } });
      next();
    } catch (error) {
      if (!(error instanceof BodyError)) return next(error);
      // The rest of a refused body is not read; the connection is closed after the answer.
      res.set('Connection', 'close').status(error.status).json({ error: 'bad_request', message: error.message });
    }
  };
}
