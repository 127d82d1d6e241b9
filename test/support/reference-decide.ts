// The test oracle for the default rules: an independent, hand-written reading of the default-authority table
// (src/rules/default-authorities.ts), as the product decided before the authorities became stored rules.
// test/rules/rule-set.test.ts proves the stored default rules decide exactly like it.
import type { Actor } from '../../src/rules/actor.js';
import { actionLabel, isCatalogued } from '../../src/rules/catalogue.js';
import type { Decision, DecidingRule } from '../../src/rules/decision.js';
import {
  DEFAULT_AUTHORITIES,
  DEPARTMENT_AUTHORITIES,
  type RecordCondition,
} from '../../src/rules/default-authorities.js';

export type RecordFacts = Record<string, unknown>;

/** Resources the system administrator manages; every other action is hard-denied to that account. */
const ADMINISTRATION_RESOURCES = new Set(['Staff', 'Department', 'Position', 'PositionClause']);

interface CompiledRule extends DecidingRule {
  positions: Set<string> | null;
  when?: RecordCondition;
}

const rulesByAction = new Map<string, CompiledRule[]>();
function index(rule: CompiledRule, actions: string[]) {
  for (const action of actions) {
    const list = rulesByAction.get(action) ?? [];
    list.push(rule);
    rulesByAction.set(action, list);
  }
}
DEFAULT_AUTHORITIES.forEach((a, i) =>
  index(
    { id: `default-${i + 1}`, name: a.name, clause: a.clause, positions: new Set(a.positions), when: a.when },
    a.actions,
  ),
);
DEPARTMENT_AUTHORITIES.forEach((a, i) =>
  index({ id: `department-${i + 1}`, name: a.name, clause: a.clause, positions: null, when: a.when }, a.actions),
);

/** json-rules-engine's greaterThan 0: a number, or text that reads as a positive number. */
const isPresentId = (v: unknown) => (typeof v === 'number' ? v > 0 : typeof v === 'string' && Number.parseFloat(v) > 0);
const sameId = (a: unknown, b: unknown) => a !== null && a !== undefined && a !== '' && String(a) === String(b);

function matches(when: RecordCondition | undefined, actor: Actor, record: RecordFacts | undefined): boolean {
  if (!when) return true;
  const r = record ?? {};
  if (when.status && !when.status.includes(String(r.status))) return false;
  if (when.ownField && !sameId(r[when.ownField], actor.id)) return false;
  if (when.notOwnField && (r[when.notOwnField] === undefined || sameId(r[when.notOwnField], actor.id))) return false;
  if (
    when.supervisedDepartmentField &&
    !actor.supervisesDepartmentIds.some((d) => sameId(r[when.supervisedDepartmentField!], d))
  )
    return false;
  if (when.memberDepartmentField && !sameId(r[when.memberDepartmentField], actor.departmentId)) return false;
  if (when.fieldIn && !when.fieldIn.values.map(String).includes(String(r[when.fieldIn.field]))) return false;
  if (when.presentField && !isPresentId(r[when.presentField])) return false;
  return true;
}

const deny = (reason: string, effect: Decision['effect'] = 'default-deny', rules: DecidingRule[] = []): Decision => ({
  allowed: false,
  effect,
  rules,
  reason,
});

export function referenceDecide(actor: Actor | null | undefined, action: string, record?: RecordFacts): Decision {
  try {
    if (!actor) return deny('未登录，请先登录');
    if (!actor.enabled) return deny('该账号已停用');
    if (!isCatalogued(action)) return deny(`未知的操作「${action}」`);
    const label = actionLabel(action);
    const resource = action.split('.')[0];
    if (actor.isSystemAdmin && action === 'AuthorityRule.restore') {
      const rule = { id: 'system-admin-restore', name: '系统管理员恢复主任的规则管理权', clause: '系统内置' };
      return { allowed: true, effect: 'allow', rules: [rule], reason: `系统内置：${rule.name}` };
    }
    if (actor.isSystemAdmin && !ADMINISTRATION_RESOURCES.has(resource)) {
      return deny(`系统管理员只管理账号与部门，不能执行业务操作「${label}」`, 'deny', [
        { id: 'system-admin', name: '系统管理员不办理业务', clause: '系统内置' },
      ]);
    }
    const candidates = rulesByAction.get(action) ?? [];
    const byPosition = candidates.filter(
      (rule) => rule.positions === null || (actor.positionCode !== null && rule.positions.has(actor.positionCode)),
    );
    const allowing = byPosition.filter((rule) => matches(rule.when, actor, record));
    if (allowing.length > 0) {
      const rules = allowing.map(({ id, name, clause }) => ({ id, name, clause }));
      return {
        allowed: true,
        effect: 'allow',
        rules,
        reason: `依据「${rules[0].name}」（${rules[0].clause}）允许${label}`,
      };
    }
    const who = actor.positionName ?? actor.name;
    if (byPosition.length > 0) {
      const rule = byPosition[0];
      return deny(`规则「${rule.name}」允许${who}${label}，但这条记录不符合条件（${describe(rule.when)}）`);
    }
    return deny(`没有任何规则允许${who}执行「${label}」`);
  } catch {
    return deny('权限判断出错，已按拒绝处理');
  }
}

function describe(when: RecordCondition | undefined): string {
  if (!when) return '无';
  const parts: string[] = [];
  if (when.status) parts.push(`状态须为 ${when.status.join(' 或 ')}`);
  if (when.ownField) parts.push('只能处理本人的记录');
  if (when.notOwnField) parts.push('只能处理他人的记录');
  if (when.supervisedDepartmentField) parts.push('须为处理部门的主管');
  if (when.memberDepartmentField) parts.push('须为处理部门的员工');
  if (when.fieldIn) parts.push(`${when.fieldIn.field} 须为 ${when.fieldIn.values.join(' 或 ')}`);
  if (when.presentField) parts.push(`须有 ${when.presentField}`);
  return parts.join('；');
}
