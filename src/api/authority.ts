// GET /api/authority/decide?action=<Resource.action>&recordId=<id> — the same decision the admin UI makes.
import { Router } from 'express';
import { sequelize } from '../db.js';
import { decide } from '../rules/decide.js';
import { RESOURCES } from '../rules/catalogue.js';
import { isRecordId } from '../domain/input.js';
import { ruleChangesRouter } from './rule-changes.js';
import { ruleHistoryRouter } from './rule-history.js';
import { ruleEditorRouter } from './rule-editor.js';

export function authorityRouter(): Router {
  const router = Router();
  router.get('/decide', async (req, res, next) => {
    try {
      if (!req.actor) return res.status(401).json({ error: 'unauthenticated', message: '请先登录' });
      const action = typeof req.query.action === 'string' ? req.query.action : '';
      const recordId =
        req.query.recordId === undefined ? undefined : typeof req.query.recordId === 'string' ? req.query.recordId : '';
      let record: Record<string, unknown> | undefined;
      if (recordId !== undefined) {
        // Only a catalogued resource names a model: `constructor.list` must not reach Object's own properties.
        const resource = action.split('.')[0];
        const model =
          (RESOURCES as readonly string[]).includes(resource) &&
          Object.prototype.hasOwnProperty.call(sequelize.models, resource)
            ? sequelize.models[resource]
            : undefined;
        const row = model && isRecordId(recordId) ? await model.findByPk(Number(recordId)) : null;
        if (!row) return res.status(404).json({ error: 'not_found', message: '记录不存在' });
        record = row.toJSON() as Record<string, unknown>;
      }
      return res.json(decide(req.actor, action, record));
    } catch (error) {
      next(error);
    }
  });
  router.use(ruleChangesRouter());
  router.use(ruleHistoryRouter());
  router.use(ruleEditorRouter());
  return router;
}
