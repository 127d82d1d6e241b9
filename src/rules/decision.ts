export type Effect = 'allow' | 'deny' | 'default-deny';

export interface DecidingRule {
  id: number | string;
  name: string;
  clause: string;
}

/** A decision as the admin UI and GET /api/authority/decide give it: allowed, effect, the deciding rules, the reason. */
export interface Decision {
  allowed: boolean;
  effect: Effect;
  rules: DecidingRule[];
  reason: string;
}
