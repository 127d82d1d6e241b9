// The sign-in page, signing in and signing out. The session id is regenerated on sign-in and the session destroyed
// on sign-out, so an id planted in a browser before sign-in is worth nothing after it (session fixation).
import { Router, type Request, type Response } from 'express';
import { config } from '../config.js';
import { logger } from '../logger.js';
import { readBody, BodyError, type BodyLimits } from '../http/body.js';
import { signIn } from './authenticate.js';
import { DEVICE_COOKIE, DEVICE_COOKIE_DAYS, rememberDevice } from './device.js';
import { SESSION_COOKIE } from './session.js';

export interface SignInPages {
  /** Where the admin lives (/admin), its sign-in and sign-out paths. */
  rootPath: string;
  loginPath: string;
  logoutPath: string;
  /** The sign-in page with a message key of the admin's locale (invalidCredentials …), or none. */
  render: (errorMessage: string | null) => Promise<string>;
  limits: BodyLimits;
}

/** The locale's message key for each refusal; an unknown email and a wrong password read the same. */
const MESSAGES = {
  invalid: 'invalidCredentials',
  disabled: 'accountDisabled',
  locked: 'accountLocked',
  throttled: 'tooManyRequests',
} as const;
const STATUS = { invalid: 401, disabled: 403, locked: 403, throttled: 429 } as const;

const regenerate = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.regenerate((e) => (e ? reject(e) : resolve())));
const save = (req: Request) =>
  new Promise<void>((resolve, reject) => req.session.save((e) => (e ? reject(e) : resolve())));
const destroy = (req: Request) =>
  new Promise<void>((resolve) => (req.session ? req.session.destroy(() => resolve()) : resolve()));

export function signInRouter(pages: SignInPages): Router {
  const router = Router();
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    secure: config.nodeEnv === 'production',
    path: pages.loginPath,
  };

  router.get(pages.loginPath, async (_req, res, next) => {
    try {
      res.type('html').send(await pages.render(null));
    } catch (error) {
      next(error);
    }
  });

  router.post(pages.loginPath, async (req: Request, res: Response, next) => {
    try {
      let fields: Record<string, string | null>;
      try {
        ({ fields } = await readBody(req, false, pages.limits, () => undefined));
      } catch (error) {
        if (!(error instanceof BodyError)) throw error;
        return res
          .status(error.status)
          .type('html')
          .send(await pages.render('invalidCredentials'));
      }
      const result = await signIn({
        email: fields.email,
        password: fields.password,
        address: req.ip ?? 'unknown',
        deviceCookie: cookieValue(req, DEVICE_COOKIE),
      });
      if (!result.ok) {
        if (result.reason === 'throttled') res.set('Retry-After', String(result.retryAfterSeconds));
        return res
          .status(STATUS[result.reason])
          .type('html')
          .send(await pages.render(MESSAGES[result.reason]));
      }
      await regenerate(req);
      req.session.adminUser = result.staff;
      await save(req);
      res.cookie(DEVICE_COOKIE, rememberDevice(cookieValue(req, DEVICE_COOKIE), result.staff.id), {
        ...cookieOptions,
        maxAge: DEVICE_COOKIE_DAYS * 86_400_000,
      });
      res.redirect(302, pages.rootPath);
    } catch (error) {
      next(error);
    }
  });

  const signOut = async (req: Request, res: Response) => {
    await destroy(req).catch((error) => logger.warn('signing out: the session could not be removed', error));
    res.clearCookie(SESSION_COOKIE, { path: '/' });
    res.redirect(302, pages.loginPath);
  };
  router.get(pages.logoutPath, signOut);
  router.post(pages.logoutPath, signOut);
  return router;
}

/** One cookie of the request (no cookie-parser in this app). */
function cookieValue(req: Request, name: string): string | undefined {
  for (const part of String(req.headers.cookie ?? '').split(';')) {
    const index = part.indexOf('=');
    if (index > 0 && part.slice(0, index).trim() === name) {
      try {
        return decodeURIComponent(part.slice(index + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}
