// DecisionLog: every invoked action, executed or refused, with the deciding rules and their versions.
// (The checks that only draw a page's buttons are not logged.)
import { DecisionLog } from '../models/index.js';
import { logger } from '../logger.js';
import type { Actor } from './actor.js';
import type { Decision } from './decision.js';
import { ruleSet } from './store.js';

export async function logDecision(
  actor: Actor | null,
  action: string,
  recordId: string | number | null | undefined,
  decision: Decision,
): Promise<void> {
  const rules = ruleSet();
  const ruleVersions = Object.fromEntries(
    decision.rules.map((rule) => [String(rule.id), rules.versionOf(rule.id) ?? null]),
  );
  try {
    await DecisionLog.create({
      staffId: actor?.id ?? null,
      action,
      resource: action.split('.')[0],
      recordId: recordId === null || recordId === undefined ? null : String(recordId),
      allowed: decision.allowed,
      effect: decision.effect,
      rules: decision.rules.map(({ id, name, clause }) => ({ id, name, clause })),
      ruleVersions,
      reason: decision.reason,
    });
  } catch (error) {
    // The action's own outcome does not depend on its log line; a failure is reported, not raised.
    logger.error(`decision log failed for ${action}`, error);
  }
}
