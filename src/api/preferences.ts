// The signed-in person's own settings (mounted under /api/preferences): GET answers them, POST /page-size remembers
// 每页 N 条 for every list. JSON bodies only; each person reads and writes only their own.
import { Router } from 'express';
import { LIST_PAGE_SIZES } from '../models/index.js';
import { pageSizeOf, setPageSize } from '../domain/preferences.js';
import { jsonBody, route } from './rule-changes.js';

export function preferencesRouter(): Router {
  const router = Router();
  router.get(
    '/',
    route(async (req, res) => {
      res.json({ pageSize: await pageSizeOf(req.actor!.id), pageSizes: LIST_PAGE_SIZES });
    }),
  );
  router.post(
    '/page-size',
    jsonBody(),
    route(async (req, res) => {
      const pageSize = await setPageSize(req.actor ?? null, (req.body as { pageSize?: unknown } | undefined)?.pageSize);
      res.json({ pageSize, message: `已设为每页 ${pageSize} 条` });
    }),
  );
  return router;
}
