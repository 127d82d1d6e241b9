// GET <admin>/attachments/ArchiveDocument/:id — the document's attachment, to whoever may read that document
// (ArchiveDocument.show decided on the record, and logged like every other invoked action).
import fs from 'node:fs/promises';
import { Router, type Response } from 'express';
import { ArchiveDocument } from '../models/index.js';
import { decide } from '../rules/decide.js';
import { logDecision } from '../rules/decision-log.js';
import { attachmentFile } from '../domain/attachments.js';

const refuse = (res: Response, status: number, message: string) =>
  res.status(status).type('text/plain; charset=utf-8').send(message);

export function attachmentRouter(): Router {
  const router = Router();
  router.get('/ArchiveDocument/:id', async (req, res, next) => {
    try {
      if (!req.actor) return refuse(res, 401, '请先登录');
      const id = /^\d+$/.test(req.params.id) ? Number(req.params.id) : null;
      const row = id === null ? null : await ArchiveDocument.findByPk(id);
      if (!row) return refuse(res, 404, '资料不存在');
      const decision = decide(req.actor, 'ArchiveDocument.show', row.toJSON() as Record<string, unknown>);
      await logDecision(req.actor, 'ArchiveDocument.show', row.id, decision);
      if (!decision.allowed) return refuse(res, 403, `无权下载该附件：${decision.reason}`);
      const file = attachmentFile(row.attachmentPath);
      const found = file
        ? await fs.stat(file).then(
            (s) => s.isFile(),
            () => false,
          )
        : false;
      if (!file || !found) return refuse(res, 404, '该资料没有附件，或附件文件已不存在');
      const name = row.attachmentName || `附件${row.id}${file.slice(file.lastIndexOf('.'))}`;
      // res.download writes Content-Disposition with both filename (ASCII fallback) and filename* (RFC 5987, UTF-8).
      res.download(
        file,
        name,
        {
          headers: {
            'Content-Type': row.attachmentMime || 'application/octet-stream',
            'X-Content-Type-Options': 'nosniff',
            'Cache-Control': 'private, no-store',
          },
        },
        (error) => {
          if (error && !res.headersSent) next(error);
        },
      );
    } catch (error) {
      next(error);
    }
  });
  return router;
}
