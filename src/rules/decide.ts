// decide(actor, action, record) — the one synchronous question every admin action asks.
// Guard clauses in a fixed order: no actor → disabled → unknown action → system administrator (the built-in restore,
// else only staff and departments) → the rules.
import type { Actor } from './actor.js';
import { actionLabel, isCatalogued } from './catalogue.js';
import type { Decision } from './decision.js';
import type { RuleSet } from './rule-set.js';
import { ruleSet } from './store.js';

export type RecordFacts = Record<string, unknown>;

/** Resources the system administrator manages; every other action is hard-denied to that account. */
const ADMINISTRATION_RESOURCES = new Set(['Staff', 'Department', 'Position', 'PositionClause']);

/** Accounts, departments and positions — not the office's business. */
export const isAdministrationAction = (action: string) => ADMINISTRATION_RESOURCES.has(action.split('.')[0]);

/** Approving a position gives business authority: never the administrator's, whatever a rule says. */
const ASSIGN_POSITION = 'Staff.assignPosition';

/**
 * The one rule action the system administrator may take, built in so that no edit of the rules can take it away:
 * giving 管理处主任 back the rule that lets them manage rules.
 */
export const RESTORE_ACTION = 'AuthorityRule.restore';
const RESTORE_RULE = { id: 'system-admin-restore', name: '系统管理员恢复主任的规则管理权', clause: '系统内置' };

const deny = (
  reason: string,
  effect: Decision['effect'] = 'default-deny',
  rules: Decision['rules'] = [],
): Decision => ({ allowed: false, effect, rules, reason });

export function decide(actor: Actor | null | undefined, action: string, record?: RecordFacts): Decision {
  return decideWith(ruleSet(), actor, action, record);
}

/**
 * What the system itself decides for the system administrator, whatever the rules say: the restore is theirs, the
 * approval of positions and the office's business are not. Null for anyone else, and for administration actions.
 */
export function systemAdministratorDecision(actor: { isSystemAdmin: boolean }, action: string): Decision | null {
  if (!actor.isSystemAdmin) return null;
  if (action === RESTORE_ACTION) {
    return { allowed: true, effect: 'allow', rules: [RESTORE_RULE], reason: `系统内置：${RESTORE_RULE.name}` };
  }
  if (action === ASSIGN_POSITION) {
    return deny('系统管理员只能提出岗位，岗位须由管理处主任核定', 'deny', [
      { id: 'system-admin', name: '系统管理员不核定岗位', clause: '系统内置' },
    ]);
  }
  if (!isAdministrationAction(action)) {
    return deny(`系统管理员只管理账号与部门，不能执行业务操作「${actionLabel(action)}」`, 'deny', [
      { id: 'system-admin', name: '系统管理员不办理业务', clause: '系统内置' },
    ]);
  }
  return null;
}

/** decide() under the given rules — the live ones, or the drafts a director is about to publish. */
export function decideWith(
  rules: RuleSet,
  actor: Actor | null | undefined,
  action: string,
  record?: RecordFacts,
): Decision {
  try {
    if (!actor) return deny('未登录，请先登录');
    if (!actor.enabled) return deny('该账号已停用');
    if (!isCatalogued(action)) return deny(`未知的操作「${action}」`);
    const builtIn = systemAdministratorDecision(actor, action);
    if (builtIn) return builtIn;
    return rules.decide(actor, action, record);
  } catch {
    return deny('权限判断出错，已按拒绝处理');
  }
}
