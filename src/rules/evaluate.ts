// What the rules of one action say about one set of facts — the pure core of every decision.
//
// Deny beats allow. Every rule is evaluated, as json-rules-engine runs them all, so a rule whose conditions throw
// (json-rules-engine would reject the run) makes the answer an error even when another rule already decided.
import type { RuleFacts } from './compile.js';
import type { ActionRules, CompiledRule } from './rule-index.js';

export type Outcome =
  /** The rules that passed, in evaluation order. */
  | { effect: 'deny' | 'allow'; rules: readonly CompiledRule[] }
  /** No rule passed: default deny. */
  | { effect: 'none' }
  | { effect: 'error'; rule: CompiledRule };

const NONE: Outcome = Object.freeze({ effect: 'none' });

/** Which rules decide; a lone rule answers with its shared `outcome`, so the common answer allocates nothing. */
export function evaluate(rules: ActionRules, facts: RuleFacts): Outcome {
  let list = rules.denies;
  let i = 0;
  try {
    let first: CompiledRule | null = null;
    let all: CompiledRule[] | null = null;
    for (; i < list.length; i++) {
      const rule = list[i];
      if (!rule.test(facts)) continue;
      if (first === null) first = rule;
      else (all ??= [first]).push(rule);
    }
    if (first !== null) return all ? { effect: 'deny', rules: all } : first.outcome;
    list = rules.allows;
    for (i = 0; i < list.length; i++) {
      const rule = list[i];
      if (!rule.test(facts)) continue;
      if (first === null) first = rule;
      else (all ??= [first]).push(rule);
    }
    if (first !== null) return all ? { effect: 'allow', rules: all } : first.outcome;
    return NONE;
  } catch {
    return { effect: 'error', rule: list[i] };
  }
}

/**
 * The same answer as evaluate(...).effect === 'allow', for list pages that only need yes or no: it stops at the
 * first deny (any later rule that throws would deny too) and builds no outcome.
 */
export function isAllowed(rules: ActionRules, facts: RuleFacts): boolean {
  try {
    const denies = rules.denies;
    for (let i = 0; i < denies.length; i++) if (denies[i].test(facts)) return false;
    let allowed = false;
    const allows = rules.allows;
    for (let i = 0; i < allows.length; i++) if (allows[i].test(facts)) allowed = true;
    return allowed;
  } catch {
    return false;
  }
}
