// What every response and every state-changing request goes through: the security headers, the same-origin check,
// and the admin's pages served with the fonts of this application instead of a foreign font service.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * AdminJS's page template writes inline scripts (the page state) and its components inline styles, hence
 * 'unsafe-inline' for both; everything else comes from this application only.
 */
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'unsafe-inline'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(): RequestHandler {
  return (_req, res, next) => {
    res.set({
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'same-origin',
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Resource-Policy': 'same-origin',
      'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
    });
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The host (name:port) an Origin or Referer names; null for `null`, garbage or another scheme. */
function hostOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Refuses a state-changing request whose Origin (or, without one, Referer) names another site. A request with
 * neither (a script, curl) is judged by its session as any other; the session cookie is SameSite=Strict besides.
 */
export function sameOriginOnly(): RequestHandler {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    const referer = req.headers.referer;
    const claimed = origin !== undefined ? origin : referer;
    if (claimed === undefined) return next();
    const own = String(req.get('host') ?? '').toLowerCase();
    if (hostOf(claimed) === own && own !== '') return next();
    res.set('Connection', 'close').status(403).json({ error: 'cross_site', message: '拒绝来自其他网站的请求' });
  };
}

const require = createRequire(import.meta.url);
/** The folder of the Roboto font files (the admin's font) shipped as an npm package. */
export const ROBOTO_DIR = path.dirname(require.resolve('@fontsource/roboto/400.css'));
export const FONTS_PATH = '/assets/fonts/roboto';

const GOOGLE_FONTS = /<link[^>]+href="https:\/\/fonts\.googleapis\.com\/[^"]*"[^>]*>/g;
const LOCAL_FONTS = ['300', '400', '500', '700']
  .map((weight) => `<link rel="stylesheet" href="${FONTS_PATH}/${weight}.css" type="text/css">`)
  .join('');

/** AdminJS's page templates link a font from a foreign service (slow or blocked in mainland China): link ours instead. */
function withLocalFonts(html: string): string {
  return html.replace(GOOGLE_FONTS, LOCAL_FONTS);
}

/** Rewrites the admin's HTML pages as they are sent (AdminJS renders them itself). */
export function localFonts(): RequestHandler {
  return (_req, res, next) => {
    const send = res.send.bind(res);
    res.send = (body?: unknown) =>
      send(typeof body === 'string' && body.includes('fonts.googleapis.com') ? withLocalFonts(body) : body);
    next();
  };
}
