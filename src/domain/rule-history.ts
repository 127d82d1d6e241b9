// A rule's history and its undoing: every version with who, when and which change set, a diff between any two in
// words and in JSON, and rollbacks — of one rule to a version, or of a whole change set — that are themselves change
// sets of kind 'rollback', checked exactly as a publish is (rule-publishing.ts) and refused with the reasons.
import type { Transaction } from 'sequelize';
import {
  AuthorityRule,
  PositionClause,
  RuleChangeSet,
  RuleVersion,
  Staff,
  type JsonValue,
  type RuleChangeSetKind,
} from '../models/index.js';
import { NotFound } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { actionsText, explainConditions, explainRule, splitWho } from '../rules/explain.js';
import { loadRules } from '../rules/store.js';
import { governanceZh } from '../vocabulary/governance.js';
import { isPlainObject } from '../lib/objects.js';
import { audit } from './audit.js';
import { authorize } from './authorize.js';
import { isRecordId } from './input.js';
import { checkChanges } from './rule-checks.js';
import { RULE_FIELDS, applyChanges, draftRuleId, liveRules, type RuleChange, type RuleFields } from './rule-changes.js';
import { ChangesRefused, applyChangeSet, type PublishResult } from './rule-publishing.js';
import { inTransaction } from './transaction.js';

type Snapshot = { [key: string]: JsonValue };

const MAX_NOTE = 300;

/** The reason the director gives for a rollback: required, as a publish's note is. */
function checkedNote(note: unknown): string {
  const text = typeof note === 'string' ? note.trim() : '';
  if (text === '') throw new ChangesRefused(['请写明回退原因']);
  if ([...text].length > MAX_NOTE) throw new ChangesRefused([`回退原因不能超过 ${MAX_NOTE} 个字`]);
  return text;
}

function recordId(value: unknown, what: string): number {
  if (!isRecordId(value)) throw new ChangesRefused([`${what} ${String(value)} 不正确`]);
  return Number(value);
}

function versionNumber(value: unknown, label: string): number {
  const text = String(value ?? '').trim();
  if (!/^\d{1,9}$/.test(text) || Number(text) < 1) throw new ChangesRefused([`${label}必须是从 1 开始的版本号`]);
  return Number(text);
}

const isRemoval = (version: RuleVersion) => (version.snapshot as Snapshot).removed === true;

/** A snapshot's rule fields, as a change proposes them (JSON kept as stored text is read back). */
function fieldsOfSnapshot(snapshot: Snapshot): RuleFields {
  const fields: RuleFields = {};
  for (const field of RULE_FIELDS) {
    if (!(field in snapshot)) continue;
    let value = snapshot[field];
    if ((field === 'actions' || field === 'conditions') && typeof value === 'string') {
      try {
        value = JSON.parse(value) as JsonValue;
      } catch {
        // left as stored: the checks say what is wrong with it
      }
    }
    fields[field] = value ?? null;
  }
  return fields;
}

async function versionsOf(ruleId: number, transaction?: Transaction): Promise<RuleVersion[]> {
  return RuleVersion.findAll({ where: { ruleId }, order: [['version', 'ASC']], transaction });
}

async function staffNames(ids: (number | null | undefined)[]): Promise<Map<number, string>> {
  const wanted = [...new Set(ids.filter((id): id is number => typeof id === 'number'))];
  if (wanted.length === 0) return new Map();
  const staff = await Staff.findAll({ where: { id: wanted }, attributes: ['id', 'name'] });
  return new Map(staff.map((s) => [s.id, s.name]));
}

export interface VersionView {
  version: number;
  /** When the version was made. */
  at: Date;
  /** Who made it; null for the seed. */
  by: { id: number; name: string | null } | null;
  changeSet: { id: number; kind: RuleChangeSetKind; note: string } | null;
  /** The note the version was written with (the change set's, or 新建/修改 for a write outside one). */
  note: string | null;
  /** This version removed the rule. */
  removed: boolean;
  /** The rule in plain Chinese, as it was at this version. */
  text: string;
  /** The rule's version in force now. */
  current: boolean;
}

export interface RuleHistory {
  rule: { id: number; name: string; version: number | null; removed: boolean };
  /** Newest first. */
  versions: VersionView[];
}

/** Every version of a rule, also of a removed one (its history outlives it), newest first. */
export async function ruleVersions(actor: Actor | null, ruleIdInput: unknown): Promise<RuleHistory> {
  authorize(actor, 'RuleVersion.list');
  const ruleId = recordId(ruleIdInput, '规则编号');
  const [rule, versions] = await Promise.all([AuthorityRule.findByPk(ruleId), versionsOf(ruleId)]);
  if (!rule && versions.length === 0) throw new NotFound(`规则 ${ruleId} 不存在，也没有历史版本`);
  const changeSets = new Map(
    (
      await RuleChangeSet.findAll({
        where: { id: versions.map((v) => v.changeSetId).filter((id): id is number => typeof id === 'number') },
      })
    ).map((set) => [set.id, set]),
  );
  const names = await staffNames(versions.map((v) => v.changedById));
  const last = versions[versions.length - 1];
  const name = rule?.name ?? String((last?.snapshot as Snapshot | undefined)?.name ?? ruleId);
  return {
    rule: { id: ruleId, name, version: rule?.version ?? null, removed: !rule },
    versions: versions
      .map((version): VersionView => {
        const snapshot = version.snapshot as Snapshot;
        const set = version.changeSetId ? changeSets.get(version.changeSetId) : undefined;
        return {
          version: version.version,
          at: version.changedAt,
          by: version.changedById ? { id: version.changedById, name: names.get(version.changedById) ?? null } : null,
          changeSet: set ? { id: set.id, kind: set.kind, note: set.note } : null,
          note: version.changeNote ?? null,
          removed: isRemoval(version),
          text: isRemoval(version)
            ? `删除规则「${String(snapshot.name ?? ruleId)}」`
            : explainRule(fieldsOfSnapshot(snapshot) as never),
          current: rule !== null && rule.version === version.version,
        };
      })
      .reverse(),
  };
}

const RULE_LABELS = governanceZh.AuthorityRule.properties;

/** The fields a diff names in words, in the order a rule reads (not the description: it is these, written out). */
const WORD_FIELDS = ['who', 'effect', 'actions', 'conditions', 'enabled', 'priority', 'name', 'clause'] as const;
type WordField = (typeof WORD_FIELDS)[number] | 'removed';

const WORD_LABELS: Record<WordField, string> = {
  who: '适用岗位',
  effect: RULE_LABELS.effect,
  actions: RULE_LABELS.actions,
  conditions: RULE_LABELS.conditions,
  enabled: RULE_LABELS.enabled,
  priority: RULE_LABELS.priority,
  name: RULE_LABELS.name,
  clause: RULE_LABELS.clause,
  removed: '规则',
};

const NONE = '（无）';

/** Each field of a rule in words: who 客户服务收费员, conditions 记录状态 为「在押」 … */
function inWords(fields: RuleFields): Record<Exclude<WordField, 'removed'>, string> {
  const actions = Array.isArray(fields.actions) ? fields.actions.map(String) : [];
  const resources = [...new Set(actions.map((action) => action.split('.')[0]))];
  const { who, rest } = splitWho(fields.conditions);
  const text = (value: JsonValue | undefined) =>
    value === null || value === undefined || value === '' ? NONE : String(value);
  return {
    who: who ?? '任何人',
    effect: fields.effect === 'deny' ? '拒绝' : '允许',
    actions: actionsText(actions) || NONE,
    conditions: explainConditions(rest, { resources }),
    enabled: fields.enabled === false ? '否（已停用）' : '是',
    priority: text(fields.priority),
    name: text(fields.name),
    clause: text(fields.clause),
  };
}

export interface WordChange {
  field: WordField;
  label: string;
  from: string;
  to: string;
  /** 条件：记录状态 为「在押」 → 记录状态 是以下之一：「在押」、「已退还」 */
  text: string;
}

export interface JsonChange {
  /** Where in the rule, e.g. conditions.all[1].value */
  path: string;
  from: JsonValue;
  to: JsonValue;
}

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Every leaf that differs between two JSON values, with its path; a missing value reads as null. */
function jsonChanges(from: unknown, to: unknown, path: string): JsonChange[] {
  if (sameJson(from ?? null, to ?? null)) return [];
  if (isPlainObject(from) && isPlainObject(to)) {
    const keys = [...new Set([...Object.keys(from), ...Object.keys(to)])];
    return keys.flatMap((key) => jsonChanges(from[key], to[key], path ? `${path}.${key}` : key));
  }
  if (Array.isArray(from) && Array.isArray(to)) {
    const length = Math.max(from.length, to.length);
    return Array.from({ length }, (_, i) => jsonChanges(from[i], to[i], `${path}[${i}]`)).flat();
  }
  return [{ path, from: (from ?? null) as JsonValue, to: (to ?? null) as JsonValue }];
}

export interface RuleDiff {
  ruleId: number;
  from: { version: number; removed: boolean; text: string };
  to: { version: number; removed: boolean; text: string };
  /** What changed, field by field, in words. */
  changes: WordChange[];
  /** What changed in the stored rule, leaf by leaf. */
  json: JsonChange[];
}

/** The difference between two versions of a rule, in words and in JSON. */
export async function ruleDiff(actor: Actor | null, ruleIdInput: unknown, fromInput: unknown, toInput: unknown) {
  authorize(actor, 'RuleVersion.list');
  const ruleId = recordId(ruleIdInput, '规则编号');
  const fromVersion = versionNumber(fromInput, '起始版本（from）');
  const toVersion = versionNumber(toInput, '对比版本（to）');
  const versions = await RuleVersion.findAll({ where: { ruleId, version: [fromVersion, toVersion] } });
  const find = (number: number) => {
    const version = versions.find((v) => v.version === number);
    if (!version) throw new NotFound(`规则 ${ruleId} 没有第 ${number} 版`);
    return version;
  };
  const from = find(fromVersion);
  const to = find(toVersion);
  const fromFields = fieldsOfSnapshot(from.snapshot as Snapshot);
  const toFields = fieldsOfSnapshot(to.snapshot as Snapshot);
  const before = inWords(fromFields);
  const after = inWords(toFields);
  const changes: WordChange[] = [];
  const add = (field: WordField, was: string, now: string) => {
    if (was !== now)
      changes.push({
        field,
        label: WORD_LABELS[field],
        from: was,
        to: now,
        text: `${WORD_LABELS[field]}：${was} → ${now}`,
      });
  };
  add('removed', isRemoval(from) ? '已删除' : '存在', isRemoval(to) ? '已删除' : '存在');
  for (const field of WORD_FIELDS) add(field, before[field], after[field]);
  const view = (version: RuleVersion, fields: RuleFields) => ({
    version: version.version,
    removed: isRemoval(version),
    text: explainRule(fields as never),
  });
  return {
    ruleId,
    from: view(from, fromFields),
    to: view(to, toFields),
    changes,
    json: jsonChanges(fromFields, toFields, ''),
  } satisfies RuleDiff;
}

/**
 * What a set of rollback changes would break that the publish checks do not see: a name another rule holds now, a
 * 岗位条款 that no longer exists, a built-in rule that may not be removed.
 */
async function rollbackProblems(
  live: readonly AuthorityRule[],
  changes: readonly RuleChange[],
  transaction: Transaction,
): Promise<string[]> {
  const problems: string[] = [];
  const after = applyChanges(live, changes);
  for (const [index, change] of changes.entries()) {
    const name = String(change.proposed?.name ?? '');
    const id = change.ruleId ?? draftRuleId(change, index);
    const holders = after.filter((rule) => change.proposed && rule.name === name && rule.id !== id);
    if (holders.length > 0)
      problems.push(
        `规则名称「${name}」现已被规则 ${holders.map((rule) => rule.id).join('、')} 使用，请先给那条规则改名或删除它`,
      );
    const clauseId = change.proposed?.positionClauseId;
    if (typeof clauseId === 'number' && !(await PositionClause.findByPk(clauseId, { transaction })))
      problems.push(`规则「${name}」引用的岗位条款 ${clauseId} 已不存在`);
    if (change.kind === 'remove') {
      const rule = live.find((r) => r.id === change.ruleId);
      if (rule?.builtIn) problems.push(`系统内置的「${rule.name}」不能删除，无法撤销创建它的变更`);
    }
  }
  return [...new Set(problems)];
}

/** Writes the rollback as one change set, refusing it with every reason (its own and the publish checks'). */
async function writeRollback(
  who: Actor,
  changes: RuleChange[],
  note: string,
  transaction: Transaction,
): Promise<PublishResult> {
  const live = await liveRules(transaction);
  const problems = await rollbackProblems(live, changes, transaction);
  if (problems.length > 0) {
    const report = await checkChanges(live, changes, transaction);
    throw new ChangesRefused([...problems, ...report.errors], report.warnings);
  }
  const result = await applyChangeSet(who, changes, note, 'rollback', transaction);
  await audit(
    { who, action: 'AuthorityRule.rollback', resource: 'RuleChangeSet', recordId: result.changeSet, note },
    transaction,
  );
  return result;
}

/** The change that brings a rule (live or removed) to a version's content. */
function changeTo(rule: AuthorityRule | null, target: RuleVersion, history: RuleVersion[]): RuleChange {
  const proposed = fieldsOfSnapshot(target.snapshot as Snapshot);
  if (rule) return { kind: 'change', ruleId: rule.id, proposed, baseVersion: rule.version };
  const latest = Math.max(...history.map((v) => v.version));
  return {
    kind: 'create',
    ruleId: null,
    proposed,
    baseVersion: null,
    restore: { id: target.ruleId, version: latest + 1 },
  };
}

/** Brings one rule back to a version, as a rollback change set; a removed rule comes back under its old id. */
export async function rollbackRule(
  actor: Actor | null,
  ruleIdInput: unknown,
  versionInput: unknown,
  noteInput: unknown,
): Promise<PublishResult> {
  const who = authorize(actor, 'AuthorityRule.rollback');
  const ruleId = recordId(ruleIdInput, '规则编号');
  const number = versionNumber(versionInput, '要回退到的版本（version）');
  const reason = checkedNote(noteInput);
  const result = await inTransaction(async (transaction) => {
    const rule = await AuthorityRule.findByPk(ruleId, { transaction, lock: transaction.LOCK.UPDATE });
    const history = await versionsOf(ruleId, transaction);
    if (!rule && history.length === 0) throw new NotFound(`规则 ${ruleId} 不存在，也没有历史版本`);
    const target = history.find((v) => v.version === number);
    const name = rule?.name ?? String((history[history.length - 1].snapshot as Snapshot).name ?? ruleId);
    if (!target) throw new NotFound(`规则「${name}」没有第 ${number} 版`);
    if (isRemoval(target))
      throw new ChangesRefused([`第 ${number} 版是删除规则「${name}」的记录，请选择删除之前的版本`]);
    if (rule && rule.version === number) throw new ChangesRefused([`规则「${name}」已是该版本（第 ${number} 版）`]);
    const change = changeTo(rule, target, history);
    if (rule && RULE_FIELDS.every((field) => sameJson(rule.get(field) ?? null, change.proposed?.[field] ?? null)))
      throw new ChangesRefused([`规则「${name}」已是该版本：现行第 ${rule.version} 版与第 ${number} 版内容相同`]);
    const what = rule
      ? `回退规则「${name}」到第 ${number} 版`
      : `恢复已删除的规则「${name}」（第 ${number} 版的内容，沿用原编号 ${ruleId}）`;
    return writeRollback(who, [change], `${what}：${reason}`, transaction);
  });
  await loadRules();
  return result;
}

/**
 * Undoes a whole change set as one rollback change set: each rule it changed goes back to its version before the
 * set, a rule it created is removed, a rule it removed comes back. Refused when a rule has moved on since — undoing
 * the set would silently undo the later change too.
 */
export async function rollbackChangeSet(
  actor: Actor | null,
  changeSetIdInput: unknown,
  noteInput: unknown,
): Promise<PublishResult> {
  const who = authorize(actor, 'AuthorityRule.rollback');
  const changeSetId = recordId(changeSetIdInput, '变更编号');
  const reason = checkedNote(noteInput);
  const result = await inTransaction(async (transaction) => {
    const changeSet = await RuleChangeSet.findByPk(changeSetId, { transaction });
    if (!changeSet) throw new NotFound(`规则变更 ${changeSetId} 不存在`);
    const changes: RuleChange[] = [];
    const problems: string[] = [];
    for (const ruleId of changeSet.rules) {
      const history = await versionsOf(ruleId, transaction);
      const made = history.find((v) => v.changeSetId === changeSet.id);
      const name = String((made?.snapshot as Snapshot | undefined)?.name ?? ruleId);
      if (!made) {
        problems.push(`规则 ${ruleId} 没有这次变更留下的版本，无法撤销`);
        continue;
      }
      const latest = history[history.length - 1];
      if (latest.version !== made.version) {
        problems.push(
          `规则「${name}」在这次变更之后又有变更（现为第 ${latest.version} 版），请先撤销之后的变更，或单独回退该规则`,
        );
        continue;
      }
      const rule = await AuthorityRule.findByPk(ruleId, { transaction, lock: transaction.LOCK.UPDATE });
      const prior = history.filter((v) => v.version < made.version).pop();
      if (!prior || isRemoval(prior)) {
        if (rule) changes.push({ kind: 'remove', ruleId, proposed: null, baseVersion: rule.version });
      } else {
        changes.push(changeTo(rule, prior, history));
      }
    }
    if (problems.length > 0) throw new ChangesRefused(problems);
    if (changes.length === 0) throw new ChangesRefused([`规则变更 ${changeSetId} 已没有可撤销的内容`]);
    const was = [...changeSet.note].length > 60 ? `${[...changeSet.note].slice(0, 60).join('')}…` : changeSet.note;
    return writeRollback(who, changes, `撤销规则变更 ${changeSetId}（${was}）：${reason}`, transaction);
  });
  await loadRules();
  return result;
}
