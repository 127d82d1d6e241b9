// The director's JSON API for a rule's history and for moving rules between installations (mounted under
// /api/authority): versions, diffs, rollbacks of a rule or a whole change set, export and import. Errors and bodies
// are handled as the rule-change API handles them.
import { Router } from 'express';
import { rollbackChangeSet, rollbackRule, ruleDiff, ruleVersions } from '../domain/rule-history.js';
import { exportRules, importRules } from '../domain/rule-transfer.js';
import { jsonBody, query, route, signedIn } from './rule-changes.js';

export function ruleHistoryRouter(): Router {
  const router = Router();
  const body = [signedIn, jsonBody()];

  router.get(
    '/rules/:id/versions',
    route(async (req, res) => res.json(await ruleVersions(req.actor!, req.params.id))),
  );

  router.get(
    '/rules/:id/diff',
    route(async (req, res) =>
      res.json(await ruleDiff(req.actor!, req.params.id, query(req, 'from'), query(req, 'to'))),
    ),
  );

  router.post(
    '/rules/:id/rollback',
    ...body,
    route(async (req, res) =>
      res.json(await rollbackRule(req.actor!, req.params.id, req.body?.version, req.body?.note)),
    ),
  );

  router.post(
    '/change-sets/:id/rollback',
    ...body,
    route(async (req, res) => res.json(await rollbackChangeSet(req.actor!, req.params.id, req.body?.note))),
  );

  router.get(
    '/export',
    route(async (req, res) => {
      const document = await exportRules(req.actor!);
      const day = document.exportedAt.slice(0, 10);
      res.attachment(`authority-rules-${day}.json`).json(document);
    }),
  );

  router.post(
    '/import',
    ...body,
    route(async (req, res) => res.json(await importRules(req.actor!, req.body))),
  );

  return router;
}
