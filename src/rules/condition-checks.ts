// Each condition of the rules behind a decision, with whether it passed and the value it met — for the what-if of
// a rule change. Every check runs the same compiled code that enforces the rule, so a preview cannot disagree
// with what the office then meets.
import type { Actor } from './actor.js';
import { compileConditions, type RuleFacts } from './compile.js';
import { leavesOf } from './condition-tree.js';
import { explainConditions, factValueText } from './explain.js';
import { resolvePath } from './facts.js';
import { toFacts } from './rule-facts.js';
import type { RuleSet } from './rule-set.js';

export interface ConditionCheck {
  rule: { id: number | string; name: string };
  effect: 'allow' | 'deny';
  /** The condition in plain Chinese: 记录状态 为「在押」. */
  text: string;
  passed: boolean;
  /** The value the condition met (the fact at its path). */
  actual: unknown;
  /** The same in words: 「在押」, 「客户服务收费员」, （空）. */
  actualText: string;
}

/** The value a comparison reads: json-rules-engine applies a path only to a non-null object. */
function actualValue(facts: RuleFacts, fact: unknown, path: unknown): unknown {
  const value = (facts as unknown as Record<string, unknown>)[String(fact)];
  if (typeof path !== 'string' || path === '' || value === null || typeof value !== 'object') return value;
  return resolvePath(value, path);
}

export function conditionChecks(
  rules: RuleSet,
  actor: Actor,
  action: string,
  record: Record<string, unknown> | null | undefined,
  at: Date = new Date(),
): ConditionCheck[] {
  const entry = rules.rulesOf(action);
  if (!entry) return [];
  const facts = toFacts(actor, action, record, at);
  const resources = [action.split('.')[0]];
  return [...entry.denies, ...entry.allows].flatMap((rule) =>
    leavesOf(rule.conditions).map(({ leaf }) => {
      let passed: boolean;
      try {
        passed = compileConditions({ all: [leaf] })(facts);
      } catch {
        passed = false;
      }
      return {
        rule: { id: rule.ref.id, name: rule.ref.name },
        effect: rule.effect,
        text: explainConditions({ all: [leaf] }, { resources }),
        passed,
        actual: actualValue(facts, leaf.fact, leaf.path) ?? null,
        actualText: factValueText(leaf.fact, leaf.path, actualValue(facts, leaf.fact, leaf.path), resources),
      };
    }),
  );
}
