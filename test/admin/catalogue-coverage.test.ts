// Every action the admin offers is decided under its catalogued name; a name missing from the catalogue would be
// refused to everyone without a word (decide: 未知的操作), so a new action must be catalogued before it ships.
import { expect } from 'chai';
import type { Model, ModelStatic } from 'sequelize';
import { allResources } from '../../src/admin/admin.js';
import { isCatalogued } from '../../src/rules/catalogue.js';
import { BUILT_IN, cataloguedName } from '../../src/admin/access.js';

/** `Resource.action` for every action of every admin resource, except those a resource switches off for everyone. */
function offeredActions(): string[] {
  const offered: string[] = [];
  for (const entry of allResources()) {
    const resourceId = (entry.resource as ModelStatic<Model>).name;
    const actions = (entry.options?.actions ?? {}) as Record<string, { isAccessible?: unknown } | undefined>;
    for (const name of new Set([...Object.keys(BUILT_IN), ...Object.keys(actions)])) {
      if (actions[name]?.isAccessible === false) continue;
      offered.push(cataloguedName(resourceId, name));
    }
  }
  return offered;
}

describe('the action catalogue covers the admin', () => {
  it('every action of every admin resource is in the action catalogue', () => {
    const offered = offeredActions();
    // The walk reaches both kinds: AdminJS's built-ins and the resources' own workflow actions.
    expect(offered).to.include.members([
      'Ticket.list',
      'Ticket.show',
      'RenovationDeposit.refund',
      'BillingRun.undo',
      'DunningPlan.fillTargets',
    ]);
    expect(offered.filter((action) => !isCatalogued(action))).to.deep.equal([]);
  });
});
