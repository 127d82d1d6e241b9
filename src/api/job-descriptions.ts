// 导入岗位职务说明书 (mounted under /api/job-descriptions), decided as `Position.import`:
//   POST /preview   multipart: `file` (.docx .xlsx .txt .md, ≤ 5 MB) or `text` (pasted, with an optional `name`)
//                   → the ImportPreview (src/seed/jd/preview.ts); nothing is written
//   POST /import    the same document again, with the preview's `digest` and `supervisors` (JSON: position name →
//                   position id or null) → the ImportOutcome; 409 when the preview no longer holds
// Errors answer { error: "<Chinese message>", code }: 401 without a session, 403 refused, 413 too large, 422 a
// document that cannot be read or holds no position, 409 a stale preview.
import fsp from 'node:fs/promises';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { AppError, ForbiddenByRule, ValidationFailed } from '../errors.js';
import { authorize } from '../domain/authorize.js';
import type { ReceivedFile } from '../domain/attachments.js';
import { parseBodies, type BodyLimits } from '../http/body.js';
import { confirmJobDescriptionImport } from '../seed/jd/import-confirm.js';
import { buildImportPreview } from '../seed/jd/import-preview.js';
import { readJobDescriptionFile, readJobDescriptionText } from '../seed/jd/read.js';
import { MAX_DOCUMENT_BYTES, type SourceDocument } from '../seed/jd/source.js';

const PASTED = '粘贴的文本';
const tooLarge = (message: string) => new AppError('document_too_large', message, 413);
const MAX_NAME = 100;

/** The document a request sends: its file, or its pasted text. */
async function documentOf(req: Request): Promise<SourceDocument> {
  const { fields, files } = req as Request & { fields: Record<string, string | null>; files: Record<string, unknown> };
  const file = files.file as ReceivedFile | undefined;
  if (file && !(file.name === '' && file.size === 0)) {
    const name = file.name || '未命名文件';
    if (file.truncated || file.size > MAX_DOCUMENT_BYTES) throw tooLarge(`文件「${name}」超过 5 MB 的上限`);
    return readJobDescriptionFile(name, await fsp.readFile(file.path));
  }
  const text = fields.text ?? '';
  if (text.trim() === '') throw new ValidationFailed('请选择要导入的文件，或粘贴岗位职务说明书的文字', {});
  const name = (fields.name ?? '').trim().slice(0, MAX_NAME) || PASTED;
  if (Buffer.byteLength(text, 'utf8') > MAX_DOCUMENT_BYTES) throw tooLarge(`「${name}」超过 5 MB 的上限`);
  return readJobDescriptionText(text, name);
}

function answerError(error: unknown, res: Response, next: NextFunction) {
  if (error instanceof ForbiddenByRule) return res.status(403).json({ error: error.message, code: 'forbidden' });
  if (error instanceof AppError) return res.status(error.status).json({ error: error.message, code: error.code });
  return next(error);
}

type Handler = (req: Request, res: Response) => Promise<unknown>;
const route =
  (handler: Handler) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    try {
      await handler(req, res);
    } catch (error) {
      answerError(error, res, next);
    }
  };

/** Refuses before the body is read: no session, or not allowed to import. */
function mayImport(req: Request, res: Response, next: NextFunction) {
  if (!req.actor) return res.status(401).json({ error: '请先登录', code: 'unauthenticated' });
  try {
    authorize(req.actor, 'Position.import');
  } catch (error) {
    return answerError(error, res, next);
  }
  next();
}

export function jobDescriptionsRouter(limits: Pick<BodyLimits, 'tempRoot'>): Router {
  const router = Router();
  // Files a little over the limit are still read far enough to be refused by name.
  const body = parseBodies({ tempRoot: limits.tempRoot, maxFileBytes: 4 * MAX_DOCUMENT_BYTES }, () => true);
  router.post(
    '/preview',
    mayImport,
    body,
    route(async (req, res) => res.json((await buildImportPreview(await documentOf(req))).preview)),
  );
  router.post(
    '/import',
    mayImport,
    body,
    route(async (req, res) => {
      const { fields } = req as Request & { fields: Record<string, string | null> };
      const digest = fields.digest ?? '';
      if (digest === '') throw new ValidationFailed('缺少预览的校验码：请先预览，再确认导入', {});
      const { outcome } = await confirmJobDescriptionImport(req.actor!, await documentOf(req), {
        digest,
        supervisors: fields.supervisors ?? undefined,
      });
      res.json(outcome);
    }),
  );
  return router;
}
