// Builds the Express app (admin, decision API, health) and starts/stops it; tests call these in-process.
import type { Server } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import AdminJSExpress from '@adminjs/express';
import { config, projectRoot } from './config.js';
import { databaseWritable, sequelize } from './db.js';
import { logger } from './logger.js';
import { buildAdmin, ROOT_PATH } from './admin/admin.js';
import { loadActor } from './auth/actor.js';
import { signInRouter } from './auth/routes.js';
import { createSessionStore, sessionOptions } from './auth/session.js';
import { parseBodies } from './http/body.js';
import { FONTS_PATH, ROBOTO_DIR, localFonts, sameOriginOnly, securityHeaders } from './http/security.js';
import { MAX_ATTACHMENT_BYTES } from './domain/attachments.js';
import { authorityRouter } from './api/authority.js';
import { preferencesRouter } from './api/preferences.js';
import { reportsRouter } from './api/reports.js';
import { jobDescriptionsRouter } from './api/job-descriptions.js';
import { reportPrintRouter } from './admin/reports/report-print.js';
import { rememberedPageSize } from './admin/page-size.js';
import { attachmentRouter } from './admin/attachment-download.js';
import { printRouter } from './admin/print/routes.js';
import { reportBriefRouter } from './admin/print/report-brief.js';
import { exportRouter } from './admin/export.js';
import type { Actor } from './rules/actor.js';
import { loadRules, startRuleRefresh, stopRuleRefresh } from './rules/store.js';

declare module 'express-session' {
  interface SessionData {
    adminUser?: { id: number; email: string; title: string };
  }
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace Express {
    interface Request {
      actor?: Actor;
    }
  }
}

/** Reloads the signed-in staff member on every request; a disabled or deleted account loses its session at once. */
async function attachActor(req: Request, _res: Response, next: NextFunction) {
  try {
    const sessionStaff = req.session?.adminUser;
    if (!sessionStaff) return next();
    const actor = await loadActor(Number(sessionStaff.id));
    if (!actor || !actor.enabled) {
      delete req.session.adminUser;
      return next();
    }
    req.actor = actor;
    // Not enumerable: AdminJS hands currentAdmin to the decisions, but it is never stored or sent to the browser.
    Object.defineProperty(sessionStaff, 'actor', { value: actor, enumerable: false, configurable: true });
    next();
  } catch (error) {
    next(error);
  }
}

/** AdminJS's own scripts, styles and icons: the sign-in page needs them before anyone has signed in. */
const PUBLIC_ADMIN_PATH = /^\/frontend\/assets\//;

/**
 * In front of the admin: nobody reaches an admin route — or gets a body parsed — without a session. A read is sent
 * to the sign-in page (AdminJS's pages and its API client expect that redirect, and take the person there); a form
 * post or any other request is answered 401 before its body is read.
 */
function requireSignIn(loginPath: string) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (req.actor) return next();
    if ((req.method === 'GET' || req.method === 'HEAD') && PUBLIC_ADMIN_PATH.test(req.path)) return next();
    if (req.method === 'GET') return res.redirect(302, loginPath);
    res.set('Connection', 'close').status(401).json({ error: 'unauthenticated', message: '请先登录' });
  };
}

/**
 * AdminJS's older picker route (`/api/resources/<id>/search/<query>`) prints a deprecation notice on every call, so
 * every keystroke of a script or older client filled the log: it is served by the search action the pickers use.
 */
const LEGACY_SEARCH = /^\/api\/resources\/([^/?]+)\/search(?=[/?]|$)/;
function legacySearchAsAction(req: Request, _res: Response, next: NextFunction) {
  req.url = req.url.replace(LEGACY_SEARCH, '/api/resources/$1/actions/search');
  next();
}

/** The only requests that may carry a file: the new and edit forms of a resource with an attachment. */
const ATTACHMENT_FORMS = /^\/api\/resources\/ArchiveDocument\/(actions\/new|records\/\d+\/edit)$/;

export async function createApp() {
  // In development AdminJS bundles the product's components on the first page load and then reuses the file,
  // even when the components changed since: start from a fresh bundle.
  if (config.nodeEnv !== 'production') fs.rmSync(path.join(config.adminBundleDir, 'bundle.js'), { force: true });
  const app = express();
  app.disable('x-powered-by');
  if (config.nodeEnv === 'production') app.set('trust proxy', 1);
  app.use(securityHeaders());
  const store = createSessionStore();
  const sessions = session(sessionOptions(store));
  const bodyLimits = { tempRoot: path.join(config.uploadDir, 'incoming'), maxFileBytes: MAX_ATTACHMENT_BYTES };

  // Healthy means the database can be written (checked without writing a row), not merely reached.
  app.get('/health', async (_req, res) => {
    if (await databaseWritable()) res.json({ status: 'ok', database: sequelize.getDialect() });
    else res.status(503).json({ status: 'unavailable' });
  });
  app.use('/assets', express.static(path.join(projectRoot, 'src', 'admin', 'assets'), { maxAge: '1d' }));
  app.use(FONTS_PATH, express.static(ROBOTO_DIR, { maxAge: '7d', index: false }));
  app.get('/', (_req, res) => res.redirect(ROOT_PATH));

  app.use(sessions, attachActor, sameOriginOnly(), localFonts());
  app.use('/api/authority', authorityRouter());
  app.use('/api/preferences', preferencesRouter());
  app.use('/api/reports', reportsRouter());
  app.use('/api/job-descriptions', jobDescriptionsRouter(bodyLimits));
  app.use(`${ROOT_PATH}/attachments`, attachmentRouter());
  app.use(`${ROOT_PATH}/print/Report`, reportBriefRouter());
  app.use(`${ROOT_PATH}/print/Report`, reportPrintRouter());
  app.use(`${ROOT_PATH}/print`, printRouter());

  const admin = buildAdmin();
  app.use(`${ROOT_PATH}/export`, exportRouter(admin));
  app.use(
    signInRouter({
      rootPath: ROOT_PATH,
      loginPath: admin.options.loginPath,
      logoutPath: admin.options.logoutPath,
      render: (errorMessage) => admin.renderLogin({ action: admin.options.loginPath, errorMessage }),
      limits: bodyLimits,
    }),
  );
  app.use(
    ROOT_PATH,
    requireSignIn(admin.options.loginPath),
    parseBodies(bodyLimits, (req) => req.method === 'POST' && ATTACHMENT_FORMS.test(req.path)),
  );
  app.use(ROOT_PATH, legacySearchAsAction, rememberedPageSize, AdminJSExpress.buildRouter(admin));

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    logger.error('request failed', error);
    if (res.headersSent) return;
    res.status(500).json({ error: 'internal_error', message: '服务器内部错误' });
  });
  return app;
}

export interface RunningServer {
  server: Server;
  port: number;
  url: string;
  stop(): Promise<void>;
}

export async function startServer(port = config.port): Promise<RunningServer> {
  await loadRules();
  startRuleRefresh();
  const app = await createApp();
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(port, () => resolve(s));
  });
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    port: actualPort,
    url: `http://localhost:${actualPort}`,
    stop: () =>
      new Promise((resolve, reject) => {
        stopRuleRefresh();
        server.close((e) => (e ? reject(e) : resolve()));
      }),
  };
}
