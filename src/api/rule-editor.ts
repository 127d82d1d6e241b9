// The rule editor's two questions to the server (mounted under /api/authority): what may go into a rule, and how
// a rule as typed reads and what is wrong with it. Saving goes through the admin's new/edit actions (a draft).
import { Router } from 'express';
import { editorCatalogue, previewRule } from '../domain/rule-editor.js';
import { jsonBody, route, signedIn } from './rule-changes.js';

export function ruleEditorRouter(): Router {
  const router = Router();
  router.get(
    '/editor',
    route(async (req, res) => res.json(await editorCatalogue(req.actor!))),
  );
  router.post(
    '/editor/preview',
    signedIn,
    jsonBody(),
    route(async (req, res) => res.json(previewRule(req.actor!, req.body?.rule))),
  );
  return router;
}
