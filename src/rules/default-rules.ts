// The document's default authorities (default-authorities.ts) as stored json-rules-engine rules: what the seed
// writes into AuthorityRule, and what RuleSet decides with until the director edits them.
import type { RuleConditions } from '../models/authority-rule.js';
import type { JsonValue } from '../models/json-field.js';
import {
  DEFAULT_AUTHORITIES,
  DEPARTMENT_AUTHORITIES,
  type DefaultAuthority,
  type RecordCondition,
} from './default-authorities.js';
import { explainRule } from './explain.js';

/** One rule as the seed stores it; re-seeding finds the rule it made by its name. */
export interface RuleDefinition {
  name: string;
  description: string;
  actions: string[];
  effect: 'allow' | 'deny';
  priority: number;
  enabled: boolean;
  clause: string;
  conditions: RuleConditions;
}

export type Leaf = { fact: string; path: string; operator: string; value: JsonValue };

/**
 * A record field holding a staff or department id is "present" when it is a positive number: json-rules-engine's
 * `equal` is ===, so without this guard a missing field would equal a missing actor id, and
 * `notEqual` would let a record with no such person pass as "someone else's".
 */
const present = (field: string): Leaf => ({ fact: 'record', path: field, operator: 'greaterThan', value: 0 });

/** The json-rules-engine leaves of a record condition, in a fixed order (also the import's drafted rules). */
export function recordConditionLeaves(when: RecordCondition | undefined): Leaf[] {
  if (!when) return [];
  const leaves: Leaf[] = [];
  if (when.status) leaves.push({ fact: 'record', path: 'status', operator: 'in', value: [...when.status] });
  if (when.ownField) {
    leaves.push(present(when.ownField), {
      fact: 'record',
      path: when.ownField,
      operator: 'equal',
      value: { fact: 'actor', path: 'id' },
    });
  }
  if (when.notOwnField) {
    leaves.push(present(when.notOwnField), {
      fact: 'record',
      path: when.notOwnField,
      operator: 'notEqual',
      value: { fact: 'actor', path: 'id' },
    });
  }
  if (when.supervisedDepartmentField) {
    leaves.push({
      fact: 'actor',
      path: 'supervisesDepartmentIds',
      operator: 'contains',
      value: { fact: 'record', path: when.supervisedDepartmentField },
    });
  }
  if (when.memberDepartmentField) {
    leaves.push(present(when.memberDepartmentField), {
      fact: 'record',
      path: when.memberDepartmentField,
      operator: 'equal',
      value: { fact: 'actor', path: 'departmentId' },
    });
  }
  if (when.fieldIn) {
    const { field, values } = when.fieldIn;
    // A yes/no field (a draft 待审核) is compared as the rule editor compares it: 为 是.
    if (values.length === 1 && typeof values[0] === 'boolean')
      leaves.push({ fact: 'record', path: field, operator: 'equal', value: values[0] });
    else leaves.push({ fact: 'record', path: field, operator: 'in', value: [...values] });
  }
  if (when.presentField) leaves.push(present(when.presentField));
  return leaves;
}

function definition(authority: Omit<DefaultAuthority, 'positions'> & { positions?: string[] }): RuleDefinition {
  const all: Leaf[] = [];
  if (authority.positions)
    all.push({ fact: 'actor', path: 'positionCode', operator: 'in', value: [...authority.positions] });
  all.push(...recordConditionLeaves(authority.when));
  // Described by the explainer, in the words the rule studio and refusals use (「在押」, not "held").
  const description = `${explainRule({ effect: 'allow', actions: authority.actions, conditions: { all } })}。`;
  return {
    name: authority.name,
    description,
    actions: [...authority.actions],
    effect: 'allow',
    priority: 1,
    enabled: true,
    clause: authority.clause,
    conditions: { all },
  };
}

/** The job description's default authorities as rule definitions (fresh objects on every call). */
export function defaultRuleDefinitions(): RuleDefinition[] {
  return [...DEFAULT_AUTHORITIES.map(definition), ...DEPARTMENT_AUTHORITIES.map(definition)];
}
