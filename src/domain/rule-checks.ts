// The checks a rule change passes before it goes live, run on the rules as they would be: every rule valid and
// naming things that exist, nobody locked out of the rules, every enabled 权限测试 still answered as expected.
// Errors refuse the publish; warnings (document clauses left without an enabled rule) are shown and let it through.
import { DataTypes, type Transaction } from 'sequelize';
import {
  AuthorityTest,
  Department,
  Position,
  PositionClause,
  Staff,
  sequelize,
  type AuthorityRule,
} from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { runAuthorityTest, failureText } from '../rules/authority-tests.js';
import { parseCitations } from '../rules/clause-citations.js';
import { leavesOf } from '../rules/condition-tree.js';
import { decideWith } from '../rules/decide.js';
import { RuleSet, type StoredRule } from '../rules/rule-set.js';
import { closest } from '../rules/suggest.js';
import { validateRuleInput } from '../rules/validate.js';
import { activeActors } from './actors.js';
import { testSubjects } from './authority-tests.js';
import { applyChanges, type RuleChange } from './rule-changes.js';

export interface CheckReport {
  /** What refuses the publish, in Chinese. */
  errors: string[];
  /** What the director should know but may publish anyway. */
  warnings: string[];
  /** The rules as they would be. */
  rules: RuleSet;
  /** How many 权限测试 ran, and how many failed. */
  tests: { run: number; failed: number };
}

/** Actions that keep the rules in someone's hands: manage them (new or edit) and publish. */
const MANAGE = ['AuthorityRule.new', 'AuthorityRule.edit'];
const PUBLISH = 'AuthorityRule.publish';

/** Record fields that hold a staff member's id. */
const STAFF_FIELDS = new Set(['staffId', 'cashierId', 'visitorId', 'planStaffId', 'registeredById', 'createdById']);

interface Known {
  positionCodes: Map<string, string>;
  positionNames: Set<string>;
  positionIds: Set<number>;
  staffIds: Set<number>;
  departmentIds: Set<number>;
}

async function known(transaction?: Transaction): Promise<Known> {
  const positions = await Position.findAll({ attributes: ['id', 'code', 'name'], transaction });
  const staff = await Staff.findAll({ attributes: ['id'], transaction });
  const departments = await Department.findAll({ attributes: ['id'], transaction });
  return {
    positionCodes: new Map(positions.filter((p) => p.code).map((p) => [p.code as string, p.name])),
    positionNames: new Set(positions.map((p) => p.name)),
    positionIds: new Set(positions.map((p) => p.id)),
    staffIds: new Set(staff.map((s) => s.id)),
    departmentIds: new Set(departments.map((d) => d.id)),
  };
}

/** The stored codes a record field may hold on any of these resources (its ENUM values), or null when unknown. */
function statesOf(resources: string[], field: string): string[] | null {
  const values = resources.flatMap((resource) => {
    const model = Object.hasOwn(sequelize.models, resource) ? sequelize.models[resource] : undefined;
    const attribute = model?.getAttributes()[field];
    const type = attribute?.type as { key?: string; values?: string[] } | undefined;
    return type?.key === DataTypes.ENUM.key ? (type.values ?? []) : [];
  });
  return values.length > 0 ? [...new Set(values)] : null;
}

/** What a rule's literal values name that does not exist: 岗位代码「cashierr」不存在，是不是「cashier」？ */
function missingThings(rule: StoredRule, things: Known): string[] {
  const problems: string[] = [];
  const resources = [...new Set((rule.actions ?? []).map((action) => String(action).split('.')[0]))];
  for (const { leaf } of leavesOf(rule.conditions)) {
    const value = leaf.value;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) continue; // another fact
    const values = Array.isArray(value) ? value : [value];
    const path = typeof leaf.path === 'string' ? leaf.path.replace(/^\$\./, '') : '';
    const where = `${String(leaf.fact)}.${path}`;
    for (const item of values) {
      if (typeof item === 'number' && item <= 0) continue; // the "is filled in" guard (> 0)
      if (leaf.fact === 'actor' && path === 'positionCode' && typeof item === 'string') {
        if (things.positionCodes.has(item)) continue;
        const near = closest(item, [...things.positionCodes.keys()]);
        problems.push(
          `岗位代码「${item}」不存在${near ? `，是不是「${near}」（${things.positionCodes.get(near)}）？` : ''}`,
        );
      } else if (leaf.fact === 'actor' && path === 'positionName' && typeof item === 'string') {
        if (!things.positionNames.has(item)) problems.push(`岗位「${item}」不存在`);
      } else if (typeof item === 'number' && (path === 'departmentId' || path === 'supervisesDepartmentIds')) {
        if (!things.departmentIds.has(item)) problems.push(`${where} 的部门 ${item} 不存在`);
      } else if (typeof item === 'number' && (STAFF_FIELDS.has(path) || (leaf.fact === 'actor' && path === 'id'))) {
        if (!things.staffIds.has(item)) problems.push(`${where} 的员工 ${item} 不存在`);
      } else if (typeof item === 'number' && path === 'proposedPositionId') {
        if (!things.positionIds.has(item)) problems.push(`${where} 的岗位 ${item} 不存在`);
      } else if (leaf.fact === 'record' && typeof item === 'string') {
        const states = statesOf(resources, path);
        if (states && !states.includes(item)) {
          const near = closest(item, states);
          problems.push(
            `${where} 的值「${item}」不是这些记录会有的值（可用：${states.join('、')}）${near ? `，是不是「${near}」？` : ''}`,
          );
        }
      }
    }
  }
  return problems.map((problem) => `规则「${rule.name}」：${problem}`);
}

/** Changes that no longer apply: the rule is gone, or changed since the draft was made. */
function staleChanges(live: readonly AuthorityRule[], changes: readonly RuleChange[]): string[] {
  const byId = new Map(live.map((rule) => [rule.id, rule]));
  return changes.flatMap((change) => {
    if (change.ruleId === null) return [];
    const rule = byId.get(change.ruleId);
    if (!rule) return [`规则 ${change.ruleId} 已不存在，这份草稿无法发布，请放弃它`];
    if (change.baseVersion !== null && rule.version !== change.baseVersion)
      return [
        `规则「${rule.name}」在起草后已被修改（现为第 ${rule.version} 版，草稿基于第 ${change.baseVersion} 版），请放弃这份草稿后重新修改`,
      ];
    return [];
  });
}

function lockedOut(rules: RuleSet, staff: readonly Actor[]): boolean {
  return !staff.some(
    (actor) =>
      !actor.isSystemAdmin &&
      MANAGE.some((action) => decideWith(rules, actor, action, {}).allowed) &&
      decideWith(rules, actor, PUBLISH, {}).allowed,
  );
}

async function failingTests(rules: RuleSet, transaction?: Transaction) {
  const tests = await AuthorityTest.findAll({ where: { enabled: true }, order: [['id', 'ASC']], transaction });
  const subjects = await testSubjects(tests, transaction);
  const failures: string[] = [];
  for (const test of tests) {
    const actor = subjects.get(test.id);
    if (!actor) {
      failures.push(`权限测试「${test.name}」的员工 ${test.staffId} 不存在`);
      continue;
    }
    const result = runAuthorityTest(rules, actor, test.get({ plain: true }));
    if (!result.passed) failures.push(failureText(result));
  }
  return { run: tests.length, failures };
}

/** The document's 职权 clauses that no enabled rule cites, as "客户接待员 职权3：…". */
async function uncoveredClauses(rules: readonly StoredRule[], transaction?: Transaction): Promise<string[]> {
  const clauses = await PositionClause.findAll({
    where: { kind: 'authority' },
    include: [{ model: Position, as: 'position', attributes: ['name'] }],
    order: [
      ['positionId', 'ASC'],
      ['number', 'ASC'],
    ],
    transaction,
  });
  const cited = new Set(
    rules
      .filter((rule) => rule.enabled !== false)
      .flatMap((rule) => parseCitations(rule.clause))
      .filter((c) => c.kind === 'authority')
      .map((c) => `${c.position}#${c.number}`),
  );
  return clauses
    .map((clause) => ({ clause, position: (clause as PositionClause & { position?: Position }).position?.name }))
    .filter(({ clause, position }) => position && !cited.has(`${position}#${clause.number}`))
    .map(({ clause, position }) => `${position} 职权${clause.number}：${clause.text}`);
}

/** Runs every check on the live rules with the changes applied. */
export async function checkChanges(
  live: readonly AuthorityRule[],
  changes: readonly RuleChange[],
  transaction?: Transaction,
): Promise<CheckReport> {
  const errors: string[] = [...staleChanges(live, changes)];
  const proposed = applyChanges(live, changes);
  const changedIds = new Set(changes.map((change) => change.ruleId));
  const things = await known(transaction);
  for (const change of changes) {
    if (!change.proposed) continue;
    const validation = validateRuleInput(change.proposed);
    const name = String(change.proposed.name ?? change.ruleId);
    if (!validation.ok) errors.push(...Object.values(validation.errors).map((e) => `规则「${name}」：${e}`));
  }
  const rules = new RuleSet(proposed);
  errors.push(...rules.problems.map((p) => `规则「${p.ruleName}」：${p.message}`));
  for (const rule of proposed) {
    if (rule.enabled === false) continue;
    if (changedIds.has(Number(rule.id)) || Number(rule.id) < 0) errors.push(...missingThings(rule, things));
  }
  if (lockedOut(rules, await activeActors())) {
    errors.push('发布后将没有任何在职员工既能管理权限规则、又能发布规则变更（规则将无人能改），已拒绝发布');
  }
  const tests = await failingTests(rules, transaction);
  errors.push(...tests.failures);

  const before = new Set(
    await uncoveredClauses(
      live.map((rule) => ({ ...rule.get({ plain: true }) }) as StoredRule),
      transaction,
    ),
  );
  const after = await uncoveredClauses(proposed, transaction);
  const warnings = after
    .filter((clause) => !before.has(clause))
    .map((clause) => `这次变更后，职权条款不再有启用的规则：${clause}`);
  if (after.length > 0) warnings.push(`文件中共有 ${after.length} 条职权条款没有启用的规则`);
  return { errors: [...new Set(errors)], warnings, rules, tests: { run: tests.run, failed: tests.failures.length } };
}
