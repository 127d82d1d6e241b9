// What-if: how a staff member (or someone holding a position) would be answered on an action and a record — under
// the live rules and under the pending drafts — with each condition, whether it passed and the value it met. The
// same compiled rules and decideWith that enforce, so the preview and the office never disagree.
import { Position } from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { positionHolder } from '../rules/authority-tests.js';
import { resourceLabel, ACTION_LABELS, isCatalogued } from '../rules/catalogue.js';
import { conditionChecks, type ConditionCheck } from '../rules/condition-checks.js';
import { decideWith } from '../rules/decide.js';
import type { Decision } from '../rules/decision.js';
import { ruleSet } from '../rules/store.js';
import { isPlainObject } from '../lib/objects.js';
import { loadActor } from './actors.js';
import { authorize } from './authorize.js';
import { draftRuleSet } from './rule-changes.js';
import { recordOfAction } from './authority-tests.js';
import { isRecordId } from './input.js';

export interface WhatIfQuestion {
  staffId?: unknown;
  positionCode?: unknown;
  action?: unknown;
  recordId?: unknown;
  /** The record's facts as JSON (text or object), when no record is named. */
  facts?: unknown;
}

export interface WhatIfAnswer {
  subject: { staffId: number | null; positionCode: string | null; name: string };
  action: string;
  record: Record<string, unknown>;
  live: Decision;
  draft: Decision;
  /** Each condition of the action's rules under the drafts. */
  checks: ConditionCheck[];
  /** The same under the live rules. */
  liveChecks: ConditionCheck[];
}

const refuse = (message: string): never => {
  throw new ValidationFailed(message, { question: message });
};

async function subjectOf(question: WhatIfQuestion): Promise<Actor> {
  if (question.staffId !== undefined && question.staffId !== '') {
    if (!isRecordId(question.staffId)) refuse(`员工编号「${String(question.staffId)}」不正确`);
    const actor = await loadActor(Number(question.staffId));
    if (!actor) throw new NotFound(`员工 ${String(question.staffId)} 不存在`);
    return actor;
  }
  if (typeof question.positionCode === 'string' && question.positionCode !== '') {
    const position = await Position.findOne({ where: { code: question.positionCode } });
    if (!position) throw new NotFound(`岗位代码「${question.positionCode}」不存在`);
    return { ...positionHolder(question.positionCode, position.name, null), name: `${position.name}（任一在岗人员）` };
  }
  return refuse('请指定员工（staffId）或岗位代码（positionCode）');
}

async function recordOf(action: string, question: WhatIfQuestion): Promise<Record<string, unknown>> {
  if (question.recordId !== undefined && question.recordId !== '') return recordOfAction(action, question.recordId);
  if (question.facts === undefined || question.facts === '') return {};
  let facts = question.facts;
  if (typeof facts === 'string') {
    try {
      facts = JSON.parse(facts);
    } catch {
      refuse('记录内容（facts）必须是 JSON 对象，如 {"status": "held"}');
    }
  }
  if (!isPlainObject(facts)) refuse('记录内容（facts）必须是 JSON 对象，如 {"status": "held"}');
  return facts as Record<string, unknown>;
}

export async function whatIf(actor: Actor | null, question: WhatIfQuestion): Promise<WhatIfAnswer> {
  authorize(actor, 'AuthorityRule.whatIf');
  const action = typeof question.action === 'string' ? question.action : '';
  if (!isCatalogued(action)) refuse(`未知的操作「${action}」`);
  const subject = await subjectOf(question);
  const record = await recordOf(action, question);
  const drafts = await draftRuleSet();
  const live = ruleSet();
  return {
    subject: {
      staffId: subject.id > 0 ? subject.id : null,
      positionCode: subject.positionCode,
      name: subject.name,
    },
    action,
    record,
    live: decideWith(live, subject, action, record),
    draft: decideWith(drafts, subject, action, record),
    checks: conditionChecks(drafts, subject, action, record),
    liveChecks: conditionChecks(live, subject, action, record),
  };
}

export interface WhatIfChoices {
  actions: { action: string; label: string; resource: string; resourceLabel: string }[];
  positions: { code: string; name: string }[];
}

/** What the what-if page offers: every catalogued action under its resource, and the positions. */
export async function whatIfChoices(actor: Actor | null): Promise<WhatIfChoices> {
  authorize(actor, 'AuthorityRule.whatIf');
  return actionAndPositionChoices();
}

/** Every catalogued action under its resource, and the positions — for any page that asks "who, doing what". */
export async function actionAndPositionChoices(): Promise<WhatIfChoices> {
  const positions = await Position.findAll({ attributes: ['code', 'name'], order: [['id', 'ASC']] });
  return {
    actions: Object.entries(ACTION_LABELS).map(([action, label]) => {
      const resource = action.split('.')[0];
      return { action, label, resource, resourceLabel: resourceLabel(resource) };
    }),
    positions: positions.filter((p) => p.code).map((p) => ({ code: p.code as string, name: p.name })),
  };
}
