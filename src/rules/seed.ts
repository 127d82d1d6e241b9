// Seeds the document's default authorities as AuthorityRule rows. Re-running adds what is missing and updates
// a default the director has not edited; a rule the director edited is never overwritten.
// Seeds their 权限测试 (AuthorityTest) too: the missing ones are added, an existing one is never touched.
import type { Transaction } from 'sequelize';
import { AuthorityRule, AuthorityTest } from '../models/index.js';
import { defaultRuleDefinitions, type RuleDefinition } from './default-rules.js';
import { defaultTests, runDefaultTest } from './default-tests.js';
import { RuleSet } from './rule-set.js';
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

export interface TestSeedReport {
  created: number;
  /** Added switched off: they fail on the rules in force (the director changed that authority on purpose). */
  createdDisabled: number;
  /** Already there by name, kept as they are (the director may have changed them). */
  kept: number;
}

/** The rules stored now, read inside the transaction (the loaded RuleSet only follows a commit). */
async function storedRules(transaction: Transaction | undefined): Promise<RuleSet> {
  const rows = await AuthorityRule.findAll({ order: [['id', 'ASC']], transaction });
  return new RuleSet(
    rows.map((rule) => ({
      id: rule.id,
      name: rule.name,
      actions: rule.actions,
      effect: rule.effect,
      conditions: rule.conditions,
      priority: rule.priority,
      enabled: rule.enabled,
      clause: rule.clause,
      version: rule.version,
    })),
  );
}

/**
 * Adds the default 权限测试 that are missing by name. One that fails on the rules in force is added switched off, so
 * that it does not stop the director's next change from being published; it stays in the list for them to decide.
 */
export async function seedDefaultTests(options: { transaction?: Transaction } = {}): Promise<TestSeedReport> {
  const { transaction } = options;
  const report: TestSeedReport = { created: 0, createdDisabled: 0, kept: 0 };
  const tests = defaultTests();
  const existing = new Set(
    (await AuthorityTest.findAll({ attributes: ['name'], where: { name: tests.map((t) => t.name) }, transaction })).map(
      (test) => test.name,
    ),
  );
  const missing = tests.filter((test) => !existing.has(test.name));
  report.kept = tests.length - missing.length;
  if (missing.length === 0) return report;
  const rules = await storedRules(transaction);
  const rows = missing.map((test) => {
    const { name, positionCode, action, recordFacts, actorFacts, expect, clause } = test;
    return {
      name,
      positionCode,
      action,
      recordFacts,
      actorFacts,
      expect,
      clause,
      enabled: runDefaultTest(rules, test).passed,
    };
  });
  await AuthorityTest.bulkCreate(rows, { transaction, validate: true });
  report.created = rows.filter((row) => row.enabled).length;
  report.createdDisabled = rows.length - report.created;
  return report;
}
