// Seeds the document's default authorities as AuthorityRule rows. Re-running adds what is missing and updates
// a default the director has not edited; a rule the director edited is never overwritten.
import type { Transaction } from 'sequelize';
import { AuthorityRule } from '../models/index.js';
import { defaultRuleDefinitions, type RuleDefinition } from './default-rules.js';

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

export async function seedDefaultRules(options: { transaction?: Transaction } = {}): Promise<RuleSeedReport> {
  const { transaction } = options;
  const report: RuleSeedReport = { created: 0, updated: 0, unchanged: 0, keptEdited: 0 };
  for (const definition of defaultRuleDefinitions()) {
    const values = {
      name: definition.name,
      description: definition.description,
      actions: definition.actions,
      effect: definition.effect,
      priority: definition.priority,
      enabled: definition.enabled,
      clause: definition.clause,
      conditions: definition.conditions,
      builtIn: definition.name === RULE_MANAGEMENT_RULE,
    };
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
