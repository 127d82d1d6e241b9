// The director's JSON API for safe rule changes (mounted under /api/authority): drafts, publishing, what-if and the
// matrix. Every endpoint is a catalogued action decided by the rules; bodies are JSON only.
import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { ValidationError } from 'sequelize';
import { AppError, ForbiddenByRule } from '../errors.js';
import { createAuthorityTest, mayOnTests, setAuthorityTestEnabled, testResults } from '../domain/authority-tests.js';
import { matrixFor, matrixWorkbook } from '../domain/authority-matrix.js';
import { checkChanges } from '../domain/rule-checks.js';
import { liveRules, pendingChanges } from '../domain/rule-changes.js';
import { discardDrafts, pendingDrafts, proposeDraft } from '../domain/rule-drafts.js';
import { ChangesRefused, publishDrafts } from '../domain/rule-publishing.js';
import { actionAndPositionChoices, whatIf, whatIfChoices } from '../domain/what-if.js';
import { authorize } from '../domain/authorize.js';

const MAX_BODY = '1mb';

/** A JSON body, or 415 for anything else (the admin's forms never post here). */
export function jsonBody() {
  const parse = express.json({ limit: MAX_BODY, strict: true });
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.is('application/json'))
      return res
        .status(415)
        .json({ error: 'unsupported_media_type', message: '请以 JSON 提交（Content-Type: application/json）' });
    parse(req, res, (error?: unknown) => {
      if (error) return res.status(400).json({ error: 'bad_json', message: '请求内容不是正确的 JSON' });
      next();
    });
  };
}

/** The error as the API answers it: refusals with their reasons, bad input with every problem. */
function answerError(error: unknown, res: Response, next: NextFunction) {
  if (error instanceof ChangesRefused)
    return res.status(422).json({ error: 'refused', errors: error.errors, warnings: error.warnings });
  if (error instanceof ForbiddenByRule)
    return res.status(403).json({ error: 'forbidden', message: error.message, decision: error.decision });
  if (error instanceof ValidationError)
    return res.status(422).json({ error: 'validation_failed', errors: error.errors.map((item) => item.message) });
  if (error instanceof AppError) {
    const errors = Object.keys(error.details).length > 0 ? Object.values(error.details) : [error.message];
    return res.status(error.status).json({ error: error.code, message: error.message, errors });
  }
  return next(error);
}

type Handler = (req: Request, res: Response) => Promise<unknown>;
export const route =
  (handler: Handler) =>
  async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    if (!req.actor) {
      res.status(401).json({ error: 'unauthenticated', message: '请先登录' });
      return;
    }
    try {
      await handler(req, res);
    } catch (error) {
      answerError(error, res, next);
    }
  };

export const signedIn = (req: Request, res: Response, next: NextFunction) => {
  if (!req.actor) return res.status(401).json({ error: 'unauthenticated', message: '请先登录' });
  next();
};

export const query = (req: Request, name: string): string | undefined =>
  typeof req.query[name] === 'string' ? (req.query[name] as string) : undefined;

export function ruleChangesRouter(): Router {
  const router = Router();
  const body = [signedIn, jsonBody()];

  router.get(
    '/matrix',
    route(async (req, res) => res.json(await matrixFor(req.actor!, { draft: query(req, 'draft') === '1' }))),
  );

  router.get(
    '/matrix.xlsx',
    route(async (req, res) => {
      const draft = query(req, 'draft') === '1';
      const file = await matrixWorkbook(req.actor!, { draft });
      const name = encodeURIComponent(`岗位权限矩阵${draft ? '（含草稿）' : ''}.xlsx`);
      res
        .set('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .set('Content-Disposition', `attachment; filename="authority-matrix.xlsx"; filename*=UTF-8''${name}`)
        .send(file);
    }),
  );

  router.get(
    '/what-if/choices',
    route(async (req, res) => res.json(await whatIfChoices(req.actor!))),
  );

  router.get(
    '/what-if',
    route(async (req, res) =>
      res.json(
        await whatIf(req.actor!, {
          staffId: query(req, 'staffId'),
          positionCode: query(req, 'positionCode'),
          action: query(req, 'action'),
          recordId: query(req, 'recordId'),
          facts: query(req, 'facts'),
        }),
      ),
    ),
  );

  router.get(
    '/drafts',
    route(async (req, res) => {
      authorize(req.actor, 'AuthorityRule.list');
      const drafts = await pendingDrafts(req.actor!);
      const report = await checkChanges(await liveRules(), await pendingChanges());
      res.json({ drafts, checks: { errors: report.errors, warnings: report.warnings, tests: report.tests } });
    }),
  );

  router.post(
    '/drafts',
    ...body,
    route(async (req, res) => {
      const draft = await proposeDraft(req.actor!, req.body ?? {});
      res.status(201).json({ id: draft.id, kind: draft.kind, ruleId: draft.ruleId ?? null });
    }),
  );

  router.post(
    '/drafts/discard',
    ...body,
    route(async (req, res) => res.json({ discarded: await discardDrafts(req.actor!) })),
  );

  router.post(
    '/publish',
    ...body,
    route(async (req, res) => res.json(await publishDrafts(req.actor!, req.body?.note))),
  );

  // The page shows 新建, 启用/停用 and 修改 only to whom the rules let do them.
  router.get(
    '/tests',
    route(async (req, res) => res.json({ tests: await testResults(req.actor!), may: mayOnTests(req.actor!) })),
  );

  // What the 「从真实记录新建测试」 form offers: the actions under their resources, and the positions.
  router.get(
    '/tests/choices',
    route(async (req, res) => {
      authorize(req.actor, 'AuthorityTest.new');
      res.json(await actionAndPositionChoices());
    }),
  );

  router.post(
    '/tests/:id/enabled',
    ...body,
    route(async (req, res) => {
      const test = await setAuthorityTestEnabled(req.actor!, req.params.id, req.body);
      res.json({ id: test.id, enabled: test.enabled });
    }),
  );

  router.post(
    '/tests',
    ...body,
    route(async (req, res) => {
      const test = await createAuthorityTest(req.actor!, req.body ?? {});
      res.status(201).json({ id: test.id, recordFacts: test.recordFacts });
    }),
  );

  return router;
}
