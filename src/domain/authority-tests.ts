// 权限测试 the director writes: by hand, or made from a real record — whose facts are copied at that moment, so a
// later change to the record does not move the test. Tests decide nothing for staff, so they take effect at once.
import type { Transaction } from 'sequelize';
import { AuthorityTest, Department, Position, Staff, sequelize } from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { resourceLabel, RESOURCES, isCatalogued } from '../rules/catalogue.js';
import { FACTS } from '../rules/facts.js';
import { actionLabel } from '../rules/catalogue.js';
import { decide } from '../rules/decide.js';
import { explainConditions } from '../rules/explain.js';
import { builderField } from '../rules/rule-builder.js';
import { positionHolder, runAuthorityTest, type TestResult } from '../rules/authority-tests.js';
import type { RuleSet } from '../rules/rule-set.js';
import { ruleSet } from '../rules/store.js';
import { POSITION_NAMES } from '../vocabulary/positions.js';
import { loadActor } from './actors.js';
import { draftRuleSet } from './rule-changes.js';
import { isPlainObject } from '../lib/objects.js';
import { audit } from './audit.js';
import { authorize } from './authorize.js';
import { isRecordId } from './input.js';
import { inTransaction } from './transaction.js';

export interface TestInput {
  name?: unknown;
  positionCode?: unknown;
  staffId?: unknown;
  action?: unknown;
  expect?: unknown;
  clause?: unknown;
  enabled?: unknown;
  recordFacts?: unknown;
  actorFacts?: unknown;
  /** The id of a record of the action's resource whose facts the test copies. */
  fromRecord?: unknown;
}

/** A row of the action's resource, by id (only a catalogued resource names a model). */
export async function recordOfAction(action: string, recordId: unknown): Promise<Record<string, unknown>> {
  const resource = action.split('.')[0];
  const model =
    (RESOURCES as readonly string[]).includes(resource) && Object.hasOwn(sequelize.models, resource)
      ? sequelize.models[resource]
      : undefined;
  const row = model && isRecordId(recordId) ? await model.findByPk(Number(recordId)) : null;
  if (!row) throw new NotFound(`记录 ${String(recordId)} 不存在`);
  return row.toJSON() as Record<string, unknown>;
}

/** The facts a rule can read of a record (the fact catalogue's record paths), as the record holds them now. */
export function copiedFacts(row: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.keys(FACTS.record)
      .filter((path) => row[path] !== undefined && row[path] !== null)
      .map((path) => [path, row[path]]),
  );
}

/**
 * The record a test is made from, read only by someone who may see it (the test copies its facts); a record that is
 * not there is bad input, said in words, not a missing page.
 */
async function sourceRecord(who: Actor, action: string, recordId: unknown): Promise<Record<string, unknown>> {
  const resource = action.split('.')[0];
  const refuse = (message: string): never => {
    throw new ValidationFailed(message, { fromRecord: message });
  };
  if (!isCatalogued(action)) refuse('请先选一个操作，才能从记录取内容');
  if (!isRecordId(recordId)) refuse(`请选择一条${resourceLabel(resource)}记录`);
  let row: Record<string, unknown> = {};
  try {
    row = await recordOfAction(action, recordId);
  } catch (error) {
    if (!(error instanceof NotFound)) throw error;
    refuse(`${resourceLabel(resource)} ${String(recordId)} 不存在，无法从它新建测试`);
  }
  authorize(who, `${resource}.show`, row);
  return row;
}

/** The person a test names exists: a position on file, or a staff member on file. */
async function assertSubjectExists(input: TestInput): Promise<void> {
  if (typeof input.positionCode === 'string' && input.positionCode !== '') {
    if (!(await Position.count({ where: { code: input.positionCode } })))
      throw new ValidationFailed('所选岗位不存在', { positionCode: '所选岗位不存在' });
  }
  if (input.staffId !== undefined && input.staffId !== null && input.staffId !== '') {
    if (!isRecordId(input.staffId) || !(await Staff.count({ where: { id: Number(input.staffId) } })))
      throw new ValidationFailed('所选员工不存在', { staffId: '所选员工不存在' });
  }
}

export async function createAuthorityTest(actor: Actor | null, input: TestInput): Promise<AuthorityTest> {
  const who = authorize(actor, 'AuthorityTest.new');
  if (!isPlainObject(input)) throw new ValidationFailed('请求必须是 JSON 对象');
  const action = typeof input.action === 'string' ? input.action : '';
  await assertSubjectExists(input);
  let recordFacts = input.recordFacts ?? {};
  let source: { sourceResource: string; sourceRecordId: string } | null = null;
  if (input.fromRecord !== undefined && input.fromRecord !== null && input.fromRecord !== '') {
    if (!action) throw new ValidationFailed('请先写明操作，才能从记录取内容', { action: '请写明操作' });
    recordFacts = copiedFacts(await sourceRecord(who, action, input.fromRecord));
    source = { sourceResource: action.split('.')[0], sourceRecordId: String(input.fromRecord) };
  }
  return inTransaction(async (transaction) => {
    const test = await AuthorityTest.create(
      {
        name: input.name as string,
        positionCode: (input.positionCode as string) || null,
        staffId: isRecordId(input.staffId) ? Number(input.staffId) : null,
        action,
        expect: input.expect as 'allow' | 'deny',
        clause: typeof input.clause === 'string' ? input.clause : null,
        enabled: input.enabled === undefined ? true : input.enabled === true || input.enabled === 'true',
        recordFacts: recordFacts as never,
        actorFacts: (input.actorFacts ?? null) as never,
        ...source,
        updatedById: who.id,
      },
      { transaction },
    );
    await audit(
      {
        who,
        action: 'AuthorityTest.new',
        recordId: test.id,
        note: source ? `由${resourceLabel(source.sourceResource)} ${source.sourceRecordId} 的当前内容生成` : null,
      },
      transaction,
    );
    return test;
  });
}

/**
 * 启用 / 停用 one test, changing nothing else: a disabled test is not run when rule changes are published. Decided
 * as AuthorityTest.edit on the test, inside the transaction that writes; setting what it already is writes nothing.
 */
export async function setAuthorityTestEnabled(
  actor: Actor | null,
  id: unknown,
  input: unknown,
): Promise<AuthorityTest> {
  return inTransaction(async (transaction) => {
    const test = isRecordId(id)
      ? await AuthorityTest.findByPk(Number(id), { transaction, lock: transaction.LOCK.UPDATE })
      : null;
    if (!test) throw new NotFound(`权限测试 ${String(id)} 不存在`);
    const who = authorize(actor, 'AuthorityTest.edit', test);
    if (!isPlainObject(input) || Object.keys(input).join() !== 'enabled' || typeof input.enabled !== 'boolean')
      throw new ValidationFailed('请说明启用还是停用（是或否）', { enabled: '请说明启用还是停用（是或否）' });
    const before = test.enabled;
    if (before === input.enabled) return test;
    await test.update({ enabled: input.enabled, updatedById: who.id }, { transaction });
    await audit(
      {
        who,
        action: 'AuthorityTest.edit',
        recordId: test.id,
        changes: { enabled: [before, input.enabled] },
        note: input.enabled ? '启用权限测试' : '停用权限测试',
      },
      transaction,
    );
    return test;
  });
}

/** Who a test is about: the staff member as they are now, or someone holding the position; null when gone. */
export async function testSubjects(
  tests: readonly AuthorityTest[],
  transaction?: Transaction,
): Promise<Map<number, Actor | null>> {
  const names = new Map(
    (await Position.findAll({ attributes: ['code', 'name'], transaction })).map((p) => [p.code, p.name]),
  );
  const subjects = new Map<number, Actor | null>();
  for (const test of tests) {
    if (test.staffId) subjects.set(test.id, await loadActor(test.staffId));
    else {
      const code = test.positionCode as string;
      subjects.set(test.id, positionHolder(code, names.get(code) ?? POSITION_NAMES[code] ?? null, test.actorFacts));
    }
  }
  return subjects;
}

/**
 * A test in words, 必须能 / 必须不能 as the form asks:
 * 客户服务收费员 必须能 退押金（装修押金），当 记录状态 为「在押」，且 验收结果 为「验收合格」.
 */
/** Names of the people, departments and positions a test's record may hold by id. */
export interface RecordNames {
  staff: Map<number, string>;
  department: Map<number, string>;
  positionId: Map<number, string>;
}

export async function recordNames(): Promise<RecordNames> {
  const [staff, departments, positions] = await Promise.all([
    Staff.findAll({ attributes: ['id', 'name'] }),
    Department.findAll({ attributes: ['id', 'name'] }),
    Position.findAll({ attributes: ['id', 'name'] }),
  ]);
  return {
    staff: new Map(staff.map((row) => [row.id, row.name])),
    department: new Map(departments.map((row) => [row.id, row.name])),
    positionId: new Map(positions.map((row) => [row.id, row.name])),
  };
}

/** An id a record field holds, by name (计划人 为「王丽华」), when the field names a person, department or position. */
function named(path: string, value: unknown, names: RecordNames | undefined): unknown {
  const kind = builderField(`record.${path}`)?.kind;
  if (!names || typeof value !== 'number' || (kind !== 'staff' && kind !== 'department' && kind !== 'positionId'))
    return value;
  return names[kind].get(value) ?? value;
}

export function testSentence(test: AuthorityTest, subject: Actor | null, names?: RecordNames): string {
  const who = subject
    ? subject.positionName && !test.staffId
      ? subject.positionName
      : subject.name
    : '（员工已不存在）';
  const own = (test.actorFacts as { id?: unknown } | null)?.id;
  // A field holding the person's own id reads 「本人」 (the case is about their own record), not the number.
  const facts = Object.entries((test.recordFacts ?? {}) as Record<string, unknown>)
    .filter(([key]) => key !== 'id')
    .map(([key, value]): [string, unknown] => [
      key,
      own !== undefined && value === own && key.endsWith('Id') ? '本人' : named(key, value, names),
    ]);
  const resources = [test.action.split('.')[0]];
  const when = facts.length
    ? `，当 ${explainConditions({ all: facts.map(([path, value]) => ({ fact: 'record', path, operator: 'equal', value })) }, { resources })}`
    : '';
  return `${who} ${test.expect === 'allow' ? '必须能' : '必须不能'} ${actionLabel(test.action)}${when}`;
}

export interface TestView {
  id: number;
  name: string;
  sentence: string;
  enabled: boolean;
  /** The reader may change this test (启用/停用, 修改). */
  mayEdit: boolean;
  live: { passed: boolean; reason: string };
  draft: { passed: boolean; reason: string };
}

const outcome = (result: TestResult | null) =>
  result ? { passed: result.passed, reason: result.decision.reason } : { passed: false, reason: '员工已不存在' };

/** Every test in words, with whether it passes under the rules in force and with the pending drafts. */
export async function testResults(actor: Actor | null): Promise<TestView[]> {
  authorize(actor, 'AuthorityTest.list');
  const tests = await AuthorityTest.findAll({ order: [['name', 'ASC']] });
  const subjects = await testSubjects(tests);
  const names = await recordNames();
  const [live, draft]: RuleSet[] = [ruleSet(), await draftRuleSet()];
  return tests.map((test) => {
    const subject = subjects.get(test.id) ?? null;
    const plain = test.get({ plain: true });
    return {
      id: test.id,
      name: test.name,
      sentence: testSentence(test, subject, names),
      enabled: test.enabled,
      mayEdit: decide(actor, 'AuthorityTest.edit', plain).allowed,
      live: outcome(subject ? runAuthorityTest(live, subject, plain) : null),
      draft: outcome(subject ? runAuthorityTest(draft, subject, plain) : null),
    };
  });
}

/** What the reader may do on the tests page, decided by the rules: make a test, change tests. */
export function mayOnTests(actor: Actor | null): { create: boolean; edit: boolean } {
  return {
    create: decide(actor, 'AuthorityTest.new').allowed,
    edit: decide(actor, 'AuthorityTest.edit').allowed,
  };
}
