// GET /api/authority/decide?action=<Resource.action>&recordId=<id> — the same decision the admin UI makes.
import { Router } from 'express';
import { sequelize } from '../db.js';
import { decide } from '../rules/decide.js';

export function authorityRouter(): Router {
  const router = Router();
  router.get('/decide', async (req, res, next) => {
    try {
      if (!req.actor) return res.status(401).json({ error: 'unauthenticated', message: '请先登录' });
      const action = String(req.query.action ?? '');
      const recordId = req.query.recordId === undefined ? undefined : String(req.query.recordId);
      let record: Record<string, unknown> | undefined;
      if (recordId !== undefined) {
        const model = sequelize.models[action.split('.')[0]];
        const row = model && /^\d+$/.test(recordId) ? await model.findByPk(Number(recordId)) : null;
        if (!row) return res.status(404).json({ error: 'not_found', message: '记录不存在' });
        record = row.toJSON() as Record<string, unknown>;
      }
      return res.json(decide(req.actor, action, record));
    } catch (error) {
      next(error);
    }
  });
  return router;
}
