// Every list page shows as many rows as the signed-in person chose (每页 10/20/50/100 条, remembered on their
// account), unless its address asks for a size: AdminJS's list action reads `perPage` from the query, so a list
// request without one — or with 0, 1000 or 'abc' — is given the person's own before AdminJS reads it.
import type { NextFunction, Request, Response } from 'express';
import { listPageSize, pageSizeOf } from '../domain/preferences.js';

const LIST = /^\/api\/resources\/[^/?]+\/actions\/list$/;

export async function rememberedPageSize(req: Request, _res: Response, next: NextFunction) {
  if (req.method !== 'GET' || !req.actor || !LIST.test(req.path)) return next();
  try {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const asked = query.perPage;
    // A size that fits is used as asked, without a look at the person's setting.
    if (asked !== undefined && listPageSize(asked, -1) !== -1) return next();
    req.query = { ...query, perPage: String(listPageSize(asked, await pageSizeOf(req.actor.id))) };
    next();
  } catch (error) {
    next(error);
  }
}
