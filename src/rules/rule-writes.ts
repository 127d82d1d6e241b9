// No path stores a bad rule: every write of an AuthorityRule — the admin's forms, the seed, the restore, a script —
// checks its actions and conditions against the catalogues (validate.ts). The rules register these validators on
// the model when they are loaded (store.ts and seed.ts import this module), so the model need not know the rules.
import type { ModelAttributeColumnOptions } from 'sequelize';
import { AuthorityRule, AuthorityTest } from '../models/index.js';
import { actionLabel, isCatalogued } from './catalogue.js';
import { actionsProblem, conditionsProblem } from './validate.js';

function addValidator(
  field: 'actions' | 'conditions',
  name: string,
  check: (this: { effect?: string }, value: unknown) => void,
): void {
  const attribute = AuthorityRule.getAttributes()[field] as ModelAttributeColumnOptions;
  if (attribute.validate?.[name]) return;
  attribute.validate = { ...(attribute.validate ?? {}), [name]: check };
  // Public in Sequelize 6 but missing from its types.
  (AuthorityRule as unknown as { refreshAttributes(): void }).refreshAttributes();
}

/** Catalogued `Resource.action` names, distinct, at least one. */
addValidator('actions', 'actionList', (value) => {
  const problem = actionsProblem(value);
  if (problem) throw new Error(problem);
});

/**
 * Catalogued facts and paths, json-rules-engine's default operators, values that fit, the engine accepts it, and
 * an allow rule names at least one condition (an allow without one would let everyone in).
 */
addValidator('conditions', 'ruleConditions', function (value) {
  const problem = conditionsProblem(value, this?.effect ?? 'allow');
  if (problem) throw new Error(problem);
});

/** A 权限测试 names a catalogued action (its label reads in the test list and in a failing publish). */
const testAction = AuthorityTest.getAttributes().action as ModelAttributeColumnOptions;
if (!testAction.validate?.catalogued) {
  testAction.validate = {
    ...(testAction.validate ?? {}),
    catalogued(value: unknown) {
      if (typeof value !== 'string' || !isCatalogued(value) || actionLabel(value) === value)
        throw new Error(`操作「${String(value)}」不在动作目录中，如 RenovationDeposit.refund`);
    },
  };
  (AuthorityTest as unknown as { refreshAttributes(): void }).refreshAttributes();
}
