// Running a 权限测试 (AuthorityTest) against a set of rules: the person it names takes its action on a record with
// its facts, decided exactly as the admin decides (decideWith), and the answer is compared with what it expects.
import type { Actor } from './actor.js';
import { SYSTEM_ADMIN_CODE } from './actor.js';
import { decideWith } from './decide.js';
import type { Decision } from './decision.js';
import type { RuleSet } from './rule-set.js';
import { isPlainObject } from '../lib/objects.js';

export interface AuthorityTestCase {
  name: string;
  /** Someone holding this position … */
  positionCode?: string | null;
  /** … or this staff member as they are now. */
  staffId?: number | null;
  action: string;
  recordFacts?: Record<string, unknown> | null;
  /** What the case assumes of the person beyond the position (id, departmentId, supervisesDepartmentIds …). */
  actorFacts?: Record<string, unknown> | null;
  expect: 'allow' | 'deny' | string;
  clause?: string | null;
  enabled?: boolean | null;
}

export interface TestResult {
  name: string;
  passed: boolean;
  expect: 'allow' | 'deny';
  decision: Decision;
}

/** The facts of an actor a case may set; anything else in actorFacts is ignored. */
const ACTOR_FACTS = ['id', 'departmentId', 'departmentName', 'supervisesDepartmentIds'] as const;

/**
 * Someone holding the position and nothing more: id 0 (no real staff member's), no department, supervising nobody —
 * unless the case says otherwise in actorFacts.
 */
export function positionHolder(
  code: string,
  positionName: string | null,
  actorFacts?: Record<string, unknown> | null,
): Actor {
  const actor: Actor = {
    id: 0,
    name: `${positionName ?? code}（测试）`,
    email: '',
    positionId: null,
    positionCode: code,
    positionName,
    departmentId: null,
    departmentName: null,
    supervisesDepartmentIds: [],
    isSystemAdmin: code === SYSTEM_ADMIN_CODE,
    enabled: true,
  };
  if (isPlainObject(actorFacts)) {
    for (const key of ACTOR_FACTS)
      if (key in actorFacts) (actor as unknown as Record<string, unknown>)[key] = actorFacts[key];
  }
  return actor;
}

/** Runs one case for the actor it names (resolved by the caller: a position holder or a staff member). */
export function runAuthorityTest(rules: RuleSet, actor: Actor, test: AuthorityTestCase): TestResult {
  const record = isPlainObject(test.recordFacts) ? test.recordFacts : {};
  const decision = decideWith(rules, actor, test.action, record);
  const expect = test.expect === 'allow' ? 'allow' : 'deny';
  return { name: test.name, passed: decision.allowed === (expect === 'allow'), expect, decision };
}

/** A failing case in words: 「收费员可以退押金」预期允许，实际拒绝：没有任何规则允许…. */
export function failureText(result: TestResult): string {
  const expected = result.expect === 'allow' ? '允许' : '拒绝';
  const actual = result.decision.allowed ? '允许' : '拒绝';
  return `权限测试「${result.name}」预期${expected}，实际${actual}：${result.decision.reason}`;
}
