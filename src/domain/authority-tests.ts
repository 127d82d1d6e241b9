// 权限测试 the director writes: by hand, or made from a real record — whose facts are copied at that moment, so a
// later change to the record does not move the test. Tests decide nothing for staff, so they take effect at once.
import { AuthorityTest, sequelize } from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { RESOURCES } from '../rules/catalogue.js';
import { FACTS } from '../rules/facts.js';
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

export async function createAuthorityTest(actor: Actor | null, input: TestInput): Promise<AuthorityTest> {
  const who = authorize(actor, 'AuthorityTest.new');
  if (!isPlainObject(input)) throw new ValidationFailed('请求必须是 JSON 对象');
  const action = typeof input.action === 'string' ? input.action : '';
  let recordFacts = input.recordFacts ?? {};
  let source: { sourceResource: string; sourceRecordId: string } | null = null;
  if (input.fromRecord !== undefined && input.fromRecord !== null && input.fromRecord !== '') {
    if (!action) throw new ValidationFailed('请先写明操作，才能从记录取内容', { action: '请写明操作' });
    recordFacts = copiedFacts(await recordOfAction(action, input.fromRecord));
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
        note: source ? `由${source.sourceResource} ${source.sourceRecordId}的当前内容生成` : null,
      },
      transaction,
    );
    return test;
  });
}
