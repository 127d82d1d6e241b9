// Demo-data test setup: the nine demo accounts and a DemoContext to hand to a seed step.
import type { Staff } from '../../src/models/index.js';
import { DEMO_ACCOUNT_KEYS, type DemoAccountKey, type DemoContext } from '../../src/seed/demo/context.js';
import type { SmallEstate } from './estate.js';
import { staff } from './factories.js';

/** The position each demo account holds (reception@demo.local is a 客户接待员, …). */
export const DEMO_ACCOUNT_POSITIONS: Record<DemoAccountKey, string> = {
  reception: 'receptionist',
  coordinator: 'coordinator',
  cashier: 'cashier',
  cashier2: 'cashier',
  assistant: 'assistant',
  director: 'director',
  engineer: 'engineering_supervisor',
  garage: 'garage_keeper',
  it: 'system_admin',
};

/** Fresh staff for the nine demo accounts, made in DEMO_ACCOUNT_KEYS's order; the `given` ones are used as they are. */
export async function demoAccounts(
  given: Partial<Record<DemoAccountKey, Staff>> = {},
): Promise<Record<DemoAccountKey, Staff>> {
  const accounts = {} as Record<DemoAccountKey, Staff>;
  for (const key of DEMO_ACCOUNT_KEYS) accounts[key] = given[key] ?? (await staff(DEMO_ACCOUNT_POSITIONS[key]));
  return accounts;
}

/** A context for demo steps at scale 1, with nothing made yet but what `fields` gives (staff: none, unless given). */
export function demoContext(fields: Pick<DemoContext, 'rng' | 'now'> & Partial<DemoContext>): DemoContext {
  return {
    scale: 1,
    staff: {} as DemoContext['staff'],
    otherStaff: [],
    departments: {},
    positions: {},
    communities: [],
    buildings: [],
    units: [],
    owners: [],
    progress: () => undefined,
    ...fields,
  };
}

/** The context fields for a small estate: its community, building, units and owners. */
export function estateContext(
  estate: SmallEstate,
): Pick<DemoContext, 'communities' | 'buildings' | 'units' | 'owners'> {
  return { communities: [estate.community], buildings: [estate.building], units: estate.units, owners: estate.owners };
}
