// Builds the Express app (admin, decision API, health) and starts/stops it; tests call these in-process.
import type { Server } from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import express, { type NextFunction, type Request, type Response } from 'express';
import session from 'express-session';
import AdminJSExpress from '@adminjs/express';
import { config, projectRoot } from './config.js';
import { sequelize } from './db.js';
import { logger } from './logger.js';
import { buildAdmin, ROOT_PATH } from './admin/admin.js';
import { loadActor } from './auth/actor.js';
import { signIn } from './auth/authenticate.js';
import { createSessionStore, sessionOptions, SESSION_COOKIE } from './auth/session.js';
import { authorityRouter } from './api/authority.js';
import { attachmentRouter } from './admin/attachment-download.js';
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

export async function createApp() {
  // In development AdminJS bundles the product's components on the first page load and then reuses the file,
  // even when the components changed since: start from a fresh bundle.
  if (config.nodeEnv !== 'production') fs.rmSync(path.join(config.adminBundleDir, 'bundle.js'), { force: true });
  const app = express();
  app.disable('x-powered-by');
  if (config.nodeEnv === 'production') app.set('trust proxy', 1);
  const store = createSessionStore();
  const sessions = session(sessionOptions(store));

  app.get('/health', async (_req, res) => {
    try {
      await sequelize.authenticate();
      res.json({ status: 'ok', database: sequelize.getDialect() });
    } catch (error) {
      logger.error('health check failed', error);
      res.status(503).json({ status: 'unavailable' });
    }
  });
  app.use('/assets', express.static(path.join(projectRoot, 'src', 'admin', 'assets'), { maxAge: '1d' }));
  app.get('/', (_req, res) => res.redirect(ROOT_PATH));

  app.use(sessions, attachActor);
  app.use('/api/authority', authorityRouter());
  app.use(`${ROOT_PATH}/attachments`, attachmentRouter());

  const admin = buildAdmin();
  const adminRouter = AdminJSExpress.buildAuthenticatedRouter(
    admin,
    {
      cookieName: SESSION_COOKIE,
      cookiePassword: config.sessionSecret,
      authenticate: async (email: string, password: string, context?: { req: Request }) => {
        const result = await signIn(email, password, context?.req.ip ?? 'unknown');
        if (result.ok) return result.staff;
        if (result.reason === 'locked') throw new Error('accountLocked');
        if (result.reason === 'throttled') throw new Error('tooManyRequests');
        return null;
      },
    },
    null,
    sessionOptions(store),
  );
  app.use(admin.options.rootPath, adminRouter);

  app.use((error: Error, _req: Request, res: Response, _next: NextFunction) => {
    logger.error('request failed', error);
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
