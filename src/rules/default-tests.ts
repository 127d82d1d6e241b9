// The document's 权限测试: for every default rule, a case that must be allowed and one that must be refused, made from
// the default authorities (who, which actions, on which records) and checked against the default rules as they are
// made. Seeded beside the rules, so a change set that takes a default authority away — or gives it to a position the
// document does not — is refused at publishing until the director changes the case on purpose.
import type { JsonValue } from '../models/json-field.js';
import { POSITION_NAMES } from '../vocabulary/positions.js';
import { dunningZh } from '../vocabulary/dunning.js';
import { feesZh } from '../vocabulary/fees.js';
import { frontDeskZh } from '../vocabulary/front-desk.js';
import { governanceZh } from '../vocabulary/governance.js';
import { officeZh } from '../vocabulary/office.js';
import { organisationZh } from '../vocabulary/organisation.js';
import { propertyZh } from '../vocabulary/property.js';
import { renovationZh } from '../vocabulary/renovation.js';
import { failureText, positionHolder, runAuthorityTest, type AuthorityTestCase } from './authority-tests.js';
import { resourceLabel, BUILT_IN_ACTIONS, WORKFLOW_ACTIONS, actionLabel, type BuiltInAction } from './catalogue.js';
import { systemAdministratorDecision } from './decide.js';
import { DEFAULT_AUTHORITIES, DEPARTMENT_AUTHORITIES, type RecordCondition } from './default-authorities.js';
import { defaultRuleDefinitions, type RuleDefinition } from './default-rules.js';
import { RuleSet } from './rule-set.js';

type Facts = { [key: string]: JsonValue };

/** A default case, ready to be stored as an AuthorityTest row. */
export interface DefaultTestCase extends AuthorityTestCase {
  name: string;
  positionCode: string;
  action: string;
  recordFacts: Facts;
  actorFacts: Facts | null;
  expect: 'allow' | 'deny';
  clause: string;
  /** The default rule the case stands for. */
  rule: string;
}

/** A default rule that gets no case of one kind, and why. */
export interface DefaultTestException {
  rule: string;
  expect: 'allow' | 'deny';
  reason: string;
}

/**
 * Default rules left without a case of one kind. Empty: every default rule has both. A rule listed here that does get
 * the case fails the generation too, so the list cannot go stale.
 */
export const DEFAULT_TEST_EXCEPTIONS: readonly DefaultTestException[] = [];

// The ids a case assumes: the person is staff member 7 of department 3; 8 and 4 are someone and somewhere else.
const ACTOR_ID = 7;
const SOMEONE_ELSE = 8;
const DEPARTMENT = 3;
const OTHER_DEPARTMENT = 4;
/** Any positive id, for a field that only has to be filled in (a proposed position …). */
const SOME_ID = 5;

/**
 * The positions asked to be refused a rule's actions: the front desk, the cashier, then the rest of the office (the
 * system administrator only for actions the rules decide for that account).
 */
const REFUSAL_TIERS: readonly (readonly string[])[] = [
  ['receptionist', 'coordinator', 'assistant'],
  ['cashier'],
  ['engineering_supervisor', 'garage_keeper', 'director', 'technician', 'guard', 'cleaner', 'system_admin'],
];
const ALL_POSITIONS = REFUSAL_TIERS.flat();

type Translations = Record<string, { properties?: Record<string, string> }>;
const TRANSLATIONS: Translations = Object.assign(
  {},
  organisationZh,
  propertyZh,
  frontDeskZh,
  feesZh,
  renovationZh,
  dunningZh,
  officeZh,
  governanceZh,
) as Translations;

const propertiesOf = (resource: string) => TRANSLATIONS[resource]?.properties ?? {};
const fieldLabel = (resource: string, field: string) => propertiesOf(resource)[field] ?? field;

/** The values the vocabulary names for a field of a resource ('status' of RenovationDeposit: held, refunded …). */
function knownValues(resource: string, field: string): { value: string; label: string }[] {
  const prefix = `${field}.`;
  return Object.entries(propertiesOf(resource))
    .filter(([key]) => key.startsWith(prefix))
    .map(([key, label]) => ({ value: key.slice(prefix.length), label }));
}

/** The action's verb in a sentence: 退押金, 新建报事单, 查看员工列表. */
const verb = (action: string) => WORKFLOW_ACTIONS[action] ?? actionLabel(action);

/** The action on a record described in words: 编辑他人的工作计划, 退押金：状态为「已退还」的装修押金. */
function verbOn(action: string, record: string): string {
  const builtIn = action.split('.')[1];
  if (!(action in WORKFLOW_ACTIONS) && Object.hasOwn(BUILT_IN_ACTIONS, builtIn))
    return BUILT_IN_ACTIONS[builtIn as BuiltInAction](record);
  return `${verb(action)}：${record}`;
}

interface Authority {
  name: string;
  actions: string[];
  positions?: string[];
  when?: RecordCondition;
  clause: string;
}

/** A record and a person that meet the authority's record condition. */
function meeting(when: RecordCondition | undefined): { record: Facts; actor: Facts } {
  const record: Facts = {};
  const actor: Facts = {};
  if (!when) return { record, actor };
  if (when.status) record.status = when.status[0];
  if (when.ownField) {
    record[when.ownField] = ACTOR_ID;
    actor.id = ACTOR_ID;
  }
  if (when.notOwnField) {
    record[when.notOwnField] = SOMEONE_ELSE;
    actor.id = ACTOR_ID;
  }
  if (when.supervisedDepartmentField) {
    record[when.supervisedDepartmentField] = DEPARTMENT;
    actor.supervisesDepartmentIds = [DEPARTMENT];
  }
  if (when.memberDepartmentField) {
    record[when.memberDepartmentField] = DEPARTMENT;
    actor.departmentId = DEPARTMENT;
  }
  if (when.fieldIn) record[when.fieldIn.field] = when.fieldIn.values[0];
  if (when.presentField) record[when.presentField] = SOME_ID;
  return { record, actor };
}

/**
 * The same record changed in one respect so that it no longer meets the condition, each with what makes it
 * different in words — whose or which department's it is first, then its state, then its other fields.
 */
function missing(when: RecordCondition | undefined, resource: string, record: Facts): { record: Facts; how: string }[] {
  if (!when) return [];
  const thing = resourceLabel(resource);
  const variants: { record: Facts; how: string }[] = [];
  const change = (field: string, value: JsonValue | undefined, how: string) => {
    const changed = { ...record };
    if (value === undefined) delete changed[field];
    else changed[field] = value;
    variants.push({ record: changed, how });
  };
  if (when.ownField) change(when.ownField, SOMEONE_ELSE, `他人的${thing}`);
  if (when.notOwnField) change(when.notOwnField, ACTOR_ID, `本人的${thing}`);
  if (when.memberDepartmentField) change(when.memberDepartmentField, OTHER_DEPARTMENT, `其他部门的${thing}`);
  if (when.supervisedDepartmentField)
    change(when.supervisedDepartmentField, OTHER_DEPARTMENT, `非本人主管部门的${thing}`);
  const otherValues = (field: string, values: readonly unknown[]) =>
    knownValues(resource, field).filter(({ value }) => !values.includes(value));
  if (when.status) {
    for (const { value, label } of otherValues('status', when.status))
      change('status', value, `${fieldLabel(resource, 'status')}为「${label}」的${thing}`);
  }
  if (when.fieldIn) {
    const { field, values } = when.fieldIn;
    for (const { value, label } of otherValues(field, values))
      change(field, value, `${fieldLabel(resource, field)}为「${label}」的${thing}`);
  }
  if (when.presentField)
    change(when.presentField, undefined, `未填${fieldLabel(resource, when.presentField)}的${thing}`);
  return variants;
}

/** Workflow actions first (the rule's characteristic ones), then the rest as the rule lists them. */
const inOrder = (actions: readonly string[]) => [
  ...actions.filter((action) => action in WORKFLOW_ACTIONS),
  ...actions.filter((action) => !(action in WORKFLOW_ACTIONS)),
];

/** Who a rule without positions is for: the handling department's staff, or its supervisor. */
function holdersOf(authority: Authority): string[] {
  if (authority.positions) return authority.positions;
  const first = authority.when?.supervisedDepartmentField ? 'engineering_supervisor' : 'technician';
  return [first, ...ALL_POSITIONS.filter((code) => code !== first)];
}

/** The system administrator is asked only what the rules decide for that account, not the built-in answers. */
const rulesDecideFor = (code: string, action: string) =>
  code !== 'system_admin' || systemAdministratorDecision({ isSystemAdmin: true }, action) === null;

/** The default rules as the admin would load them from a freshly seeded database. */
export function defaultRuleSet(definitions: readonly RuleDefinition[] = defaultRuleDefinitions()): RuleSet {
  return new RuleSet(definitions.map((definition, i) => ({ ...definition, id: i + 1, version: 1 })));
}

/** Runs a case as a position holder with the facts it gives, against the rules. */
export function runDefaultTest(rules: RuleSet, test: AuthorityTestCase & { positionCode: string }) {
  const actor = positionHolder(test.positionCode, POSITION_NAMES[test.positionCode] ?? null, test.actorFacts);
  return runAuthorityTest(rules, actor, test);
}

interface Draft {
  positionCode: string;
  action: string;
  recordFacts: Facts;
  actorFacts: Facts;
  expect: 'allow' | 'deny';
  /** What is different about the record, for a refusal that is about the record rather than the position. */
  how?: string;
}

/** The cases of one rule; either may be missing (the caller decides whether that is allowed). */
function casesOf(
  authority: Authority,
  definition: RuleDefinition,
  rules: RuleSet,
): { allowed?: DefaultTestCase; refused?: DefaultTestCase } {
  const { record, actor } = meeting(authority.when);
  const holders = holdersOf(authority);
  const citesRule = (draft: Draft, only: boolean) => {
    const { passed, decision } = runDefaultTest(rules, { name: '', ...draft });
    const names = decision.rules.map((rule) => rule.name);
    return passed && names.includes(definition.name) && (!only || names.length === 1);
  };
  const holds = (draft: Draft) => runDefaultTest(rules, { name: '', ...draft }).passed;
  const draft = (
    positionCode: string,
    action: string,
    expect: 'allow' | 'deny',
    changed?: { record: Facts; how: string },
  ) =>
    ({
      positionCode,
      action,
      recordFacts: changed?.record ?? record,
      actorFacts: actor,
      expect,
      how: changed?.how,
    }) as Draft;

  // The case of the rule's own effect: someone it is for, on a record that meets it — decided by this rule, alone if
  // possible, so that taking the rule away changes the answer.
  const own = definition.effect === 'allow' ? 'allow' : 'deny';
  const other = own === 'allow' ? 'deny' : 'allow';
  const byRule = (action: string): Draft | undefined => {
    for (const only of [true, false]) {
      for (const code of holders) {
        if (!rulesDecideFor(code, action)) continue;
        const candidate = draft(code, action, own);
        if (citesRule(candidate, only)) return candidate;
      }
    }
    return undefined;
  };

  // The opposite case: another position on the same record, or the same person on a record that does not meet the
  // rule. Both cases take the same action: the one whose opposite case comes earliest in the order below.
  const rulePositions = new Set(authority.positions ?? ALL_POSITIONS);
  const opposite = (action: string, holder: Draft): { rank: number; draft: Draft } | undefined => {
    const byPosition = (tier: number) => {
      for (const code of REFUSAL_TIERS[tier]) {
        if (rulePositions.has(code) || !rulesDecideFor(code, action)) continue;
        const candidate = draft(code, action, other);
        if (holds(candidate)) return candidate;
      }
      return undefined;
    };
    const byRecord = () => {
      for (const changed of missing(authority.when, action.split('.')[0], record)) {
        const candidate = draft(holder.positionCode, action, other, changed);
        if (holds(candidate)) return candidate;
      }
      return undefined;
    };
    // The front desk, the cashier, the record, the rest of the office: a record the rule does not cover says more
    // than someone from another department who was never meant to.
    const order = [() => byPosition(0), () => byPosition(1), byRecord, () => byPosition(2)];
    for (const [rank, find] of order.entries()) {
      const found = find();
      if (found) return { rank, draft: found };
    }
    return undefined;
  };

  let chosen: { own?: Draft; opposite?: Draft; rank: number } = { rank: Infinity };
  for (const action of inOrder(authority.actions)) {
    const mine = byRule(action);
    if (!mine) continue;
    const found = opposite(action, mine);
    if (!chosen.own) chosen = { own: mine, rank: Infinity };
    if (found && found.rank < chosen.rank) chosen = { own: mine, opposite: found.draft, rank: found.rank };
  }

  const named = (d: Draft | undefined): DefaultTestCase | undefined => {
    if (!d) return undefined;
    const who = POSITION_NAMES[d.positionCode] ?? d.positionCode;
    const may = d.expect === 'allow' ? '可以' : '不能';
    const what = d.how ? verbOn(d.action, d.how) : verb(d.action);
    return {
      name: `${who}${may}${what}（${definition.name}）`,
      positionCode: d.positionCode,
      action: d.action,
      recordFacts: d.recordFacts,
      actorFacts: Object.keys(d.actorFacts).length > 0 ? d.actorFacts : null,
      expect: d.expect,
      clause: definition.clause,
      enabled: true,
      rule: definition.name,
    };
  };
  const cases = [named(chosen.own), named(chosen.opposite)];
  return {
    allowed: cases.find((c) => c?.expect === 'allow'),
    refused: cases.find((c) => c?.expect === 'deny'),
  };
}

/** AuthorityTest.name's length. */
const NAME_LIMIT = 100;

/**
 * Every default rule's allowed and refused case, each checked against the default rules. Throws when a rule gets
 * no case of a kind that DEFAULT_TEST_EXCEPTIONS does not excuse, when an exception is not needed, or when two cases
 * would share a name.
 */
export function defaultTests(definitions: readonly RuleDefinition[] = defaultRuleDefinitions()): DefaultTestCase[] {
  const rules = defaultRuleSet(definitions);
  const authorities = new Map<string, Authority>(
    [...DEFAULT_AUTHORITIES, ...DEPARTMENT_AUTHORITIES].map((authority) => [authority.name, authority]),
  );
  const problems: string[] = [];
  const excused = (rule: string, expect: 'allow' | 'deny') =>
    DEFAULT_TEST_EXCEPTIONS.some((e) => e.rule === rule && e.expect === expect);
  const tests: DefaultTestCase[] = [];
  for (const definition of definitions) {
    const authority: Authority = authorities.get(definition.name) ?? definition;
    const cases = casesOf(authority, definition, rules);
    for (const expect of ['allow', 'deny'] as const) {
      const found = expect === 'allow' ? cases.allowed : cases.refused;
      const kind = expect === 'allow' ? '允许' : '拒绝';
      if (found && excused(definition.name, expect))
        problems.push(`「${definition.name}」有${kind}的用例，不必再列为例外`);
      else if (found) tests.push(found);
      else if (!excused(definition.name, expect)) problems.push(`「${definition.name}」找不到${kind}的用例`);
    }
  }
  const seen = new Set<string>();
  for (const test of tests) {
    if (seen.has(test.name)) problems.push(`用例名称重复：${test.name}`);
    if (test.name.length > NAME_LIMIT) problems.push(`用例名称超过 ${NAME_LIMIT} 个字：${test.name}`);
    seen.add(test.name);
    const result = runDefaultTest(rules, test);
    if (!result.passed) problems.push(failureText(result));
  }
  if (problems.length > 0) throw new Error(`默认权限测试无法生成：\n${problems.join('\n')}`);
  return tests;
}
