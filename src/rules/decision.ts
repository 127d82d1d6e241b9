export type Effect = 'allow' | 'deny' | 'default-deny';

export interface DecidingRule {
  id: number | string;
  name: string;
  clause: string;
}

/** The brief's decision shape, shared by the admin UI and GET /api/authority/decide. */
export interface Decision {
  allowed: boolean;
  effect: Effect;
  rules: DecidingRule[];
  reason: string;
}
