// Every state code the office's workflows can hold, read from the models' status fields, so that tests sampling
// records cannot fall behind a workflow that gains a state.
import { sequelize } from '../../src/db.js';
import { STAFF_STATUSES } from '../../src/models/index.js';

export function workflowStates(): string[] {
  const states = new Set<string>();
  for (const model of Object.values(sequelize.models)) {
    const status = model.getAttributes().status as { values?: readonly string[] } | undefined;
    for (const value of status?.values ?? []) states.add(value);
  }
  // A staff member's state is derived (enabled, lockedAt), not a stored choice field.
  for (const value of STAFF_STATUSES) states.add(value);
  return [...states];
}
