// Seeds the document's default authorities as AuthorityRule rows. Re-running adds what is missing and updates
// a default the director has not edited; a rule the director edited is never overwritten.
import type { Transaction } from 'sequelize';
import { AuthorityRule } from '../models/index.js';
import { defaultRuleDefinitions, type RuleDefinition } from './default-rules.js';
import './rule-writes.js';

/** The rule that lets 管理处主任 manage rules: built in, restorable, never deletable. */
export const RULE_MANAGEMENT_RULE = '管理权限规则';

export interface RuleSeedReport {
  created: number;
  updated: number;
  unchanged: number;
  keptEdited: number;
}

const RULE_FIELDS = ['description', 'actions', 'effect', 'priority', 'enabled', 'clause', 'conditions'] as const;

function differs(rule: AuthorityRule, definition: RuleDefinition): boolean {
  return RULE_FIELDS.some((field) => JSON.stringify(rule.get(field)) !== JSON.stringify(definition[field]));
}

/** The row a default rule is stored as (the seed writes it; the administrator's restore puts it back). */
export function ruleValues(definition: RuleDefinition) {
  const { name, description, actions, effect, priority, enabled, clause, conditions } = definition;
  return {
    name,
    description,
    actions,
    effect,
    priority,
    enabled,
    clause,
    conditions,
    builtIn: name === RULE_MANAGEMENT_RULE,
  };
}

export async function seedDefaultRules(options: { transaction?: Transaction } = {}): Promise<RuleSeedReport> {
  const { transaction } = options;
  const report: RuleSeedReport = { created: 0, updated: 0, unchanged: 0, keptEdited: 0 };
  for (const definition of defaultRuleDefinitions()) {
    const values = ruleValues(definition);
    const existing = await AuthorityRule.findOne({ where: { name: definition.name }, transaction });
    if (!existing) {
      await AuthorityRule.create({ ...values, version: 1 }, { transaction });
      report.created++;
    } else if (existing.editedByDirector) {
      report.keptEdited++;
    } else if (differs(existing, definition)) {
      await existing.update(values, { transaction });
      report.updated++;
    } else {
      report.unchanged++;
    }
  }
  return report;
}
