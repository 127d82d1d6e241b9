// Moving the authority rules and their 权限测试 between installations (or keeping a copy): an export is one JSON
// document; an import of it makes drafts — the rules govern nobody until the director publishes them, with every
// publish check — while its tests take effect at once, since a test decides nothing for staff. A malformed document
// is refused whole, with every reason, before anything is written.
import { ValidationError, type Transaction } from 'sequelize';
import {
  AuthorityRule,
  AuthorityTest,
  Position,
  PositionClause,
  RuleDraft,
  Staff,
  type JsonValue,
} from '../models/index.js';
import { ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { isCatalogued } from '../rules/catalogue.js';
import { explainRule } from '../rules/explain.js';
import { POSITION_NAMES } from '../vocabulary/positions.js';
import { isPlainObject } from '../lib/objects.js';
import { audit } from './audit.js';
import { draftedRule } from './rule-drafts.js';
import { authorize } from './authorize.js';
import { checkChanges } from './rule-checks.js';
import { RULE_FIELDS, fieldsOf, liveRules, type RuleFields } from './rule-changes.js';
import { inTransaction } from './transaction.js';

export const TRANSFER_FORMAT = 'customer-centre-authority/1';

/** The fields of a 权限测试 a document carries (its id and who last changed it belong to one installation). */
export const TEST_FIELDS = [
  'name',
  'positionCode',
  'staffId',
  'action',
  'recordFacts',
  'actorFacts',
  'expect',
  'clause',
  'enabled',
] as const;
type TestField = (typeof TEST_FIELDS)[number];
type TestFields = { [K in TestField]?: JsonValue };

export type ExportedRule = RuleFields & { id: number; version: number };

export interface TransferDocument {
  format: typeof TRANSFER_FORMAT;
  exportedAt: string;
  rules: ExportedRule[];
  tests: TestFields[];
  /** On import: live rules the document does not name become removal drafts. */
  replace?: boolean;
}

/** Every rule (with its id and version) and every 权限测试, as one document. */
export async function exportRules(actor: Actor | null): Promise<TransferDocument> {
  authorize(actor, 'AuthorityRule.export');
  const rules = await liveRules();
  const tests = await AuthorityTest.findAll({ order: [['id', 'ASC']] });
  return {
    format: TRANSFER_FORMAT,
    exportedAt: new Date().toISOString(),
    rules: rules.map((rule) => ({ id: rule.id, version: rule.version, ...fieldsOf(rule) })),
    tests: tests.map(
      (test) => Object.fromEntries(TEST_FIELDS.map((field) => [field, test.get(field) ?? null])) as TestFields,
    ),
  };
}

export interface ImportResult {
  /** The drafts made or updated, to be published (or discarded) by the director. */
  drafts: number[];
  tests: { created: number; updated: number };
  /** What the director should know: built-in rules kept despite replace, tests the live rules fail. */
  warnings: string[];
}

const MAX_RULES = 2_000;
const MAX_TESTS = 5_000;
const DOCUMENT_KEYS = ['format', 'exportedAt', 'rules', 'tests', 'replace'];
const RULE_KEYS: readonly string[] = [...RULE_FIELDS, 'id', 'version'];

/** One JSON text for a value whatever the order of its keys, so equal rules compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isPlainObject(value))
    return `{${Object.keys(value)
      .sort()
      .filter((key) => value[key] !== undefined)
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  return JSON.stringify(value ?? null);
}

/** A rule's fields as a draft stores them (draftedRule, as proposeDraft makes them), or its problems. */
function normalised(
  fields: RuleFields,
): { rule: RuleFields; problems?: undefined } | { rule?: undefined; problems: string[] } {
  const drafted = draftedRule(fields);
  return drafted.ok ? { rule: drafted.rule } : { problems: Object.values(drafted.errors) };
}

const unknownKeys = (value: Record<string, unknown>, known: readonly string[]) =>
  Object.keys(value).filter((key) => !known.includes(key));

interface PlannedRule {
  kind: 'create' | 'change' | 'remove';
  rule: AuthorityRule | null;
  proposed: RuleFields | null;
}

interface PlannedTest {
  existing: AuthorityTest | null;
  values: TestFields;
}

/** Reads the document's rules into the drafts they make; every problem goes into `errors`. */
async function planRules(
  actor: Actor | null,
  rules: unknown[],
  replace: boolean,
  errors: string[],
  warnings: string[],
): Promise<PlannedRule[]> {
  const live = await liveRules();
  const byName = new Map(live.map((rule) => [rule.name, rule]));
  const clauseIds = new Set((await PositionClause.findAll({ attributes: ['id'] })).map((clause) => clause.id));
  const pending = await RuleDraft.findAll({ where: { status: 'pending' } });
  const plans: PlannedRule[] = [];
  const names = new Set<string>();
  rules.forEach((input, index) => {
    const where = `第 ${index + 1} 条规则`;
    if (!isPlainObject(input)) {
      errors.push(`${where}必须是 JSON 对象`);
      return;
    }
    const named = typeof input.name === 'string' && input.name.trim() ? `${where}「${input.name.trim()}」` : where;
    const extra = unknownKeys(input, RULE_KEYS);
    if (extra.length > 0) errors.push(`${named}：没有字段 ${extra.join('、')}（可用：${RULE_KEYS.join('、')}）`);
    const fields = Object.fromEntries(
      RULE_FIELDS.filter((field) => field in input).map((field) => [field, input[field]]),
    ) as RuleFields;
    const checked = normalised(fields);
    if (checked.problems) {
      errors.push(...checked.problems.map((problem) => `${named}：${problem}`));
      return;
    }
    const proposed = checked.rule;
    const name = String(proposed.name);
    if (names.has(name)) errors.push(`${named}：规则名称「${name}」在文件中出现了不止一次`);
    names.add(name);
    const clauseId = proposed.positionClauseId;
    if (typeof clauseId === 'number' && !clauseIds.has(clauseId))
      errors.push(`${named}：岗位条款 ${clauseId} 不存在（可删去 positionClauseId，条款文字仍在 clause 中）`);
    const rule = byName.get(name) ?? null;
    // A pending draft of another rule taking this name stands in the way; a pending new rule of this name is updated.
    const elsewhere = pending.find(
      (draft) =>
        (draft.proposed as RuleFields | null)?.name === name &&
        draft.ruleId !== null &&
        draft.ruleId !== (rule?.id ?? null),
    );
    if (elsewhere) errors.push(`${named}：规则名称「${name}」已用在另一份草稿（草稿 ${elsewhere.id}）`);
    if (!rule) {
      plans.push({ kind: 'create', rule: null, proposed });
      return;
    }
    const current = normalised(fieldsOf(rule));
    if (current.rule && canonical(current.rule) === canonical(proposed)) return;
    plans.push({ kind: 'change', rule, proposed });
  });
  if (replace) {
    for (const rule of live.filter((r) => !names.has(r.name))) {
      if (rule.builtIn) warnings.push(`系统内置的「${rule.name}」不能删除，已保留（文件中没有它）`);
      else plans.push({ kind: 'remove', rule, proposed: null });
    }
  }
  // The same authority the director needs to make each draft by hand.
  for (const plan of plans) {
    if (plan.kind === 'create') authorize(actor, 'AuthorityRule.new');
    else authorize(actor, plan.kind === 'change' ? 'AuthorityRule.edit' : 'AuthorityRule.delete', plan.rule!);
  }
  return plans;
}

const validationMessages = (error: unknown): string[] =>
  error instanceof ValidationError ? error.errors.map((e) => e.message) : [String((error as Error)?.message ?? error)];

/** Reads the document's tests into creates and updates by name; every problem goes into `errors`. */
async function planTests(actor: Actor | null, tests: unknown[], errors: string[]): Promise<PlannedTest[]> {
  const existing = new Map((await AuthorityTest.findAll()).map((test) => [test.name, test]));
  const codes = new Set((await Position.findAll({ attributes: ['code'] })).map((p) => p.code));
  const staffIds = new Set((await Staff.findAll({ attributes: ['id'] })).map((s) => s.id));
  const names = new Set<string>();
  const plans: PlannedTest[] = [];
  for (const [index, input] of tests.entries()) {
    const where = `第 ${index + 1} 个权限测试`;
    if (!isPlainObject(input)) {
      errors.push(`${where}必须是 JSON 对象`);
      continue;
    }
    const named = typeof input.name === 'string' && input.name.trim() ? `${where}「${input.name.trim()}」` : where;
    const extra = unknownKeys(input, TEST_FIELDS);
    if (extra.length > 0) errors.push(`${named}：没有字段 ${extra.join('、')}（可用：${TEST_FIELDS.join('、')}）`);
    const values = Object.fromEntries(
      TEST_FIELDS.filter((field) => field in input).map((field) => [field, input[field] ?? null]),
    ) as TestFields;
    if (typeof values.name === 'string') values.name = values.name.trim();
    // Left empty, these take the model's defaults (switched on, no record facts).
    for (const field of ['enabled', 'recordFacts'] as const) if (values[field] === null) delete values[field];
    const problems: string[] = [];
    try {
      await AuthorityTest.build(values as never).validate();
    } catch (error) {
      problems.push(...validationMessages(error));
    }
    if (typeof values.action === 'string' && !isCatalogued(values.action))
      problems.push(`操作「${values.action}」不在动作目录中`);
    if (
      typeof values.positionCode === 'string' &&
      values.positionCode &&
      !codes.has(values.positionCode) &&
      !Object.hasOwn(POSITION_NAMES, values.positionCode)
    )
      problems.push(`岗位代码「${values.positionCode}」不存在`);
    if (values.staffId !== null && values.staffId !== undefined && !staffIds.has(Number(values.staffId)))
      problems.push(`员工 ${String(values.staffId)} 不存在`);
    const name = String(values.name ?? '');
    if (name && names.has(name)) problems.push(`测试名称「${name}」在文件中出现了不止一次`);
    names.add(name);
    if (problems.length > 0) {
      errors.push(...problems.map((problem) => `${named}：${problem}`));
      continue;
    }
    const test = existing.get(name) ?? null;
    if (
      test &&
      TEST_FIELDS.every((field) => !(field in values) || canonical(test.get(field)) === canonical(values[field]))
    )
      continue;
    if (test) authorize(actor, 'AuthorityTest.edit', test);
    else authorize(actor, 'AuthorityTest.new');
    plans.push({ existing: test, values });
  }
  return plans;
}

async function writeDraft(who: Actor, plan: PlannedRule, transaction: Transaction): Promise<number> {
  const ruleId = plan.rule?.id ?? null;
  const pending =
    ruleId === null
      ? (await RuleDraft.findAll({ where: { status: 'pending', kind: 'create' }, transaction })).find(
          (draft) => (draft.proposed as RuleFields | null)?.name === plan.proposed?.name,
        )
      : await RuleDraft.findOne({ where: { ruleId, status: 'pending' }, transaction });
  // One pending draft per rule, as proposeDraft keeps it: a second change updates the first.
  const values = { kind: plan.kind, proposed: plan.proposed, createdById: who.id };
  const draft = pending
    ? await pending.update(values, { transaction })
    : await RuleDraft.create({ ...values, ruleId, baseVersion: plan.rule?.version ?? null }, { transaction });
  const text = plan.kind === 'remove' ? `删除规则「${plan.rule!.name}」` : explainRule(plan.proposed as never);
  await audit(
    { who, action: 'AuthorityRule.import', resource: 'RuleDraft', recordId: draft.id, note: `导入起草：${text}` },
    transaction,
  );
  return draft.id;
}

async function writeTest(who: Actor, plan: PlannedTest, transaction: Transaction): Promise<void> {
  const values = { ...plan.values, updatedById: who.id } as never;
  if (!plan.existing) {
    const test = await AuthorityTest.create(values, { transaction });
    await audit(
      {
        who,
        action: 'AuthorityRule.import',
        resource: 'AuthorityTest',
        recordId: test.id,
        note: `导入权限测试「${test.name}」`,
      },
      transaction,
    );
    return;
  }
  const test = plan.existing;
  const changes = Object.fromEntries(
    TEST_FIELDS.filter(
      (field) => field in plan.values && canonical(test.get(field)) !== canonical(plan.values[field]),
    ).map((field) => [field, [test.get(field), plan.values[field]] as const]),
  );
  await test.update(values, { transaction });
  await audit(
    {
      who,
      action: 'AuthorityRule.import',
      resource: 'AuthorityTest',
      recordId: test.id,
      changes,
      note: `导入更新权限测试「${test.name}」`,
    },
    transaction,
  );
}

/** Reads a document made by exportRules (or by hand in its format) into drafts and tests; see the file's head. */
export async function importRules(actor: Actor | null, document: unknown): Promise<ImportResult> {
  const who = authorize(actor, 'AuthorityRule.import');
  const errors: string[] = [];
  const warnings: string[] = [];
  if (!isPlainObject(document)) throw refusal(['导入内容必须是导出的规则文件（JSON 对象）']);
  if (document.format !== TRANSFER_FORMAT)
    errors.push(`format 必须是 "${TRANSFER_FORMAT}"（现在是 ${JSON.stringify(document.format ?? null)}）`);
  const extra = unknownKeys(document, DOCUMENT_KEYS);
  if (extra.length > 0) errors.push(`文件没有字段 ${extra.join('、')}（可用：${DOCUMENT_KEYS.join('、')}）`);
  const rules = document.rules;
  const tests = document.tests ?? [];
  if (!Array.isArray(rules)) errors.push('rules 必须是规则的数组');
  else if (rules.length > MAX_RULES) errors.push(`rules 最多 ${MAX_RULES} 条`);
  if (!Array.isArray(tests)) errors.push('tests 必须是权限测试的数组');
  else if (tests.length > MAX_TESTS) errors.push(`tests 最多 ${MAX_TESTS} 个`);
  if (document.replace !== undefined && typeof document.replace !== 'boolean')
    errors.push('replace 必须是 true 或 false');
  // Read through whatever can be read, so one answer names every problem.
  const rulePlans = Array.isArray(rules)
    ? await planRules(who, rules, document.replace === true, errors, warnings)
    : [];
  const testPlans = Array.isArray(tests) ? await planTests(who, tests, errors) : [];
  if (errors.length > 0) throw refusal(errors);

  const drafts = await inTransaction(async (transaction) => {
    const ids: number[] = [];
    for (const plan of rulePlans) ids.push(await writeDraft(who, plan, transaction));
    for (const plan of testPlans) await writeTest(who, plan, transaction);
    return ids;
  });
  const created = testPlans.filter((plan) => !plan.existing).length;
  if (testPlans.length > 0) {
    // Tests take effect at once: one the live rules fail would stop the director's next publish, so say so now.
    const report = await checkChanges(await liveRules(), []);
    warnings.push(...report.errors.map((error) => `现行规则未通过：${error}`));
  }
  return { drafts, tests: { created, updated: testPlans.length - created }, warnings };
}

function refusal(errors: string[]): ValidationFailed {
  return new ValidationFailed(
    `导入未完成，没有做任何修改：${errors.join('；')}`,
    Object.fromEntries(errors.map((error, i) => [`error${i + 1}`, error])),
  );
}
