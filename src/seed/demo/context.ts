import type { Building, Community, Department, Owner, Position, Staff, Unit } from '../../models/index.js';
import type { Rng } from './fake.js';

/** The demo accounts the README lists, by key (reception@demo.local → reception). */
export const DEMO_ACCOUNT_KEYS = [
  'reception',
  'coordinator',
  'cashier',
  'cashier2',
  'assistant',
  'director',
  'engineer',
  'garage',
  'it',
] as const;
export type DemoAccountKey = (typeof DEMO_ACCOUNT_KEYS)[number];

/**
 * What each demo-data step has made so far, handed to the next step. Steps run in order:
 * organisation → property → front desk → fees → renovation → dunning → office (surveys, plans, documents).
 */
export interface DemoContext {
  /** Volume multiplier (`--scale N`); 1 is the ordinary demo office. */
  scale: number;
  rng: Rng;
  /** The fixed "today" the demo data is built around. */
  now: Date;
  staff: Record<DemoAccountKey, Staff>;
  /** Extra staff (clerks of other departments), by department name. */
  otherStaff: Staff[];
  departments: Record<string, Department>;
  positions: Record<string, Position>;
  communities: Community[];
  buildings: Building[];
  units: Unit[];
  owners: Owner[];
  progress(message: string): void;
}
