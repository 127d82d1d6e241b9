// Draft authorities from the clauses of imported job descriptions: every 职权 clause (and 职责 clause that implies
// an action) is read against the phrase table (clause-actions.ts), and each action it implies becomes a proposed
// rule for the position — with the condition the default authorities give that action, citing the clause so the
// rule studio reads it back. Pure: no database; the import turns proposals into 待审核 drafts for the director.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { toSimplified } from '../../lib/simplified.js';
import { POSITION_NAMES } from '../../vocabulary/positions.js';
import {
  BUILT_IN_ACTIONS,
  REPORT_ACTIONS,
  WORKFLOW_ACTIONS,
  isCatalogued,
  resourceLabel,
  type BuiltInAction,
} from '../../rules/catalogue.js';
import { SHORT_POSITION_NAMES, parseCitations } from '../../rules/clause-citations.js';
import { DEFAULT_AUTHORITIES, DEPARTMENT_AUTHORITIES, type RecordCondition } from '../../rules/default-authorities.js';
import { recordConditionLeaves, type Leaf } from '../../rules/default-rules.js';
import { CLAUSE_PHRASES, type ClausePhrase } from './clause-actions.js';
import { parseJobDescriptions } from './parse.js';

export interface ProposalInput {
  name: string;
  /** The position's code (receptionist …) when it has one: rules then name the code, which survives a rename. */
  code: string | null;
  clauses: Array<{ kind: 'duty' | 'authority' | 'qualification'; number: number; text: string }>;
}

/** A proposed rule's fields, ready for a RuleDraft 'create' (draftedRule accepts them). */
export interface ProposedRule {
  name: string;
  actions: string[];
  effect: 'allow';
  conditions: { all: Leaf[] };
  priority: number;
  enabled: true;
  /** "收费员 职权1：审核、检查是否可退装修押金": position and clause first, so parseCitations reads them back. */
  clause: string;
}

export interface RuleProposal {
  /** The name of the position whose clause this is. */
  position: string;
  kind: 'duty' | 'authority';
  number: number;
  /** "职权1", "职责2". */
  clause: string;
  actions: string[];
  /** The words of the clause that matched, as written (traditional characters stay traditional). */
  matched: string;
  rule: ProposedRule;
}

export interface ProposalResult {
  proposals: RuleProposal[];
  /** Duty and authority clauses no phrase matched: "系统中还没有对应的操作". */
  withoutAction: Array<{ position: string; clause: string; text: string }>;
}

// ------------------------------------------------------------------------------------------------ the table

interface CompiledPhrase {
  entry: ClausePhrase;
  patterns: RegExp[];
  unless: RegExp | null;
  requires: RegExp | null;
}

/** "退…押金": 退, then 押金 within 6 characters; "…{12}" a gap of up to 12. Sentences are matched one at a time. */
function compile(phrase: string): RegExp {
  return new RegExp(phrase.replace(/…(?:\{(\d+)\})?/g, (_, n: string | undefined) => `.{0,${n ?? 6}}?`));
}

const COMPILED: CompiledPhrase[] = CLAUSE_PHRASES.map((entry) => ({
  entry,
  patterns: entry.phrases.map(compile),
  unless: entry.unless ? new RegExp(entry.unless) : null,
  requires: entry.requires ? new RegExp(entry.requires) : null,
}));

/**
 * The condition the default authorities give each action (the `when` of the entry granting it); 'several' when
 * they grant it under different conditions, so the phrase table must choose.
 */
const DEFAULT_CONDITIONS: Map<string, RecordCondition | undefined | 'several'> = (() => {
  const conditions = new Map<string, RecordCondition | undefined | 'several'>();
  for (const authority of [...DEFAULT_AUTHORITIES, ...DEPARTMENT_AUTHORITIES]) {
    for (const action of authority.actions) {
      if (!conditions.has(action)) conditions.set(action, authority.when);
      else if (JSON.stringify(conditions.get(action) ?? null) !== JSON.stringify(authority.when ?? null))
        conditions.set(action, 'several');
    }
  }
  return conditions;
})();

/** The condition a proposal for this action carries, as the table entry chooses or the defaults give. */
export function proposedCondition(entry: ClausePhrase, action: string): RecordCondition | undefined {
  if (entry.when && action in entry.when) return entry.when[action];
  if (action.startsWith('Report.')) return undefined;
  const condition = DEFAULT_CONDITIONS.get(action);
  if (condition === 'several')
    throw new Error(`the default authorities grant ${action} under several conditions: the phrase table must choose`);
  if (!DEFAULT_CONDITIONS.has(action)) throw new Error(`no default authority grants ${action}`);
  return condition;
}

// ------------------------------------------------------------------------------------------------ matching

interface Actor {
  name: string;
  code: string | null;
}

interface Hit {
  action: string;
  actor: Actor;
  when: RecordCondition | undefined;
  /** Offsets in the clause text. */
  start: number;
  end: number;
}

/** The words the spans cover, as written: overlapping or touching spans read as one ("催收欠费", not "催收、欠费"). */
function matchedWords(text: string, spans: Array<{ start: number; end: number }>): string {
  const merged: Array<{ start: number; end: number }> = [];
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged.map((span) => text.slice(span.start, span.end)).join('、');
}

/** The sentences of a text with their offsets: a phrase's gap never crosses 。；！？ or a line end. */
function sentences(text: string): Array<{ text: string; start: number }> {
  return [...text.matchAll(/[^。；;！？!?\n]+/g)].map((m) => ({ text: m[0], start: m.index }));
}

/** The known position named (in simplified characters) just before `at` in the sentence, if any. */
function namedPositionBefore(sentence: string, at: number, known: Actor[], self: Actor): Actor | null {
  let best: { actor: Actor; end: number } | null = null;
  for (const actor of known) {
    if (actor.name === self.name) continue;
    const name = toSimplified(actor.name);
    const index = sentence.lastIndexOf(name, at - name.length);
    if (index < 0) continue;
    const end = index + name.length;
    // "车库管理员车位租赁登记", "车库管理员的车位租赁登记": the name stands right before the words.
    if (at - end > 2) continue;
    if (!best || end > best.end || (end === best.end && name.length > toSimplified(best.actor.name).length))
      best = { actor, end };
  }
  return best?.actor ?? null;
}

/**
 * The pattern's shortest match among those ending first: "派工、报事管理:…、整理归档" shrinks to "报事管理:…整理归档"'s
 * nearest pair, so `matched` shows the words that matter, not the sentence from its first 派工.
 */
function tightest(pattern: RegExp, text: string): { index: number; 0: string } | null {
  const match = pattern.exec(text);
  if (!match) return null;
  let best = { index: match.index, 0: match[0] };
  const end = match.index + match[0].length;
  const sticky = new RegExp(pattern.source, 'y');
  for (let start = match.index + 1; start < end; start++) {
    sticky.lastIndex = start;
    const shorter = sticky.exec(text);
    if (shorter && start + shorter[0].length <= end) best = { index: start, 0: shorter[0] };
  }
  // …but a word is not cut: "核批准…装修" stays whole rather than shrinking to "批准…装修".
  for (let start = best.index - 1; start >= match.index; start--) {
    sticky.lastIndex = start;
    const longer = sticky.exec(text);
    if (!longer || start + longer[0].length > end) break;
    best = { index: start, 0: longer[0] };
  }
  return best;
}

function clauseHits(text: string, self: Actor, known: Actor[]): Hit[] {
  const hits: Hit[] = [];
  for (const sentence of sentences(toSimplified(text))) {
    for (const { entry, patterns, unless, requires } of COMPILED) {
      if (requires && !requires.test(sentence.text)) continue;
      for (const pattern of patterns) {
        const match = tightest(pattern, sentence.text);
        if (!match) continue;
        const named = entry.byNamedPosition ? namedPositionBefore(sentence.text, match.index, known, self) : null;
        if (!named && unless?.test(sentence.text)) continue;
        const start = sentence.start + match.index;
        for (const action of entry.actions) {
          hits.push({
            action,
            actor: named ?? self,
            when: proposedCondition(entry, action),
            start,
            end: start + match[0].length,
          });
        }
        break;
      }
    }
  }
  return hits.sort((a, b) => a.start - b.start);
}

// ------------------------------------------------------------------------------------------------ the rules

/** A rule name's limit (rules/validate.ts MAX_NAME_LENGTH; not imported, as validate.ts loads the models). */
export const MAX_NAME_LENGTH = 100;

const CLAUSE_WORDS = { duty: '职责', authority: '职权' } as const;

/** The name the clause citations use for a position: the document's short names, or the full name. */
const SHORT_NAMES: Record<string, string> = Object.fromEntries(
  Object.entries(SHORT_POSITION_NAMES).map(([short, full]) => [full, short]),
);
export const citedPositionName = (name: string): string => SHORT_NAMES[name] ?? name;

function who(actor: Actor): Leaf {
  return actor.code
    ? { fact: 'actor', path: 'positionCode', operator: 'in', value: [actor.code] }
    : { fact: 'actor', path: 'positionName', operator: 'equal', value: actor.name };
}

/** "退押金、没收押金（装修押金）", "新建催缴计划", "报表「收费统计」". */
function actionWords(actions: string[]): string[] {
  const words: string[] = [];
  let run: { resource: string; labels: string[] } | null = null;
  const flush = () => {
    if (run) words.push(`${run.labels.join('、')}（${resourceLabel(run.resource)}）`);
    run = null;
  };
  for (const action of actions) {
    const [resource, verb] = action.split('.');
    if (action in WORKFLOW_ACTIONS) {
      if (run && (run as { resource: string }).resource !== resource) flush();
      run ??= { resource, labels: [] };
      (run as { labels: string[] }).labels.push(WORKFLOW_ACTIONS[action]);
      continue;
    }
    flush();
    if (resource === 'Report') words.push(`报表「${REPORT_ACTIONS[action] ?? verb}」`);
    else words.push(BUILT_IN_ACTIONS[verb as BuiltInAction]?.(resourceLabel(resource)) ?? action);
  }
  flush();
  return words;
}

/** "<position> 职权1：<words>", shortened with 等 to fit a rule name, and made unique among the proposals. */
function ruleName(head: string, words: string[], suffix: string, used: Set<string>): string {
  const fits = (name: string) => [...name].length <= MAX_NAME_LENGTH;
  let shown = words.length;
  let name = `${head}：${words.join('、')}${suffix}`;
  while (!fits(name) && shown > 1) {
    shown -= 1;
    name = `${head}：${words.slice(0, shown).join('、')}等${suffix}`;
  }
  if (!fits(name)) name = [...name].slice(0, MAX_NAME_LENGTH).join('');
  let unique = name;
  for (let n = 2; used.has(unique); n++) {
    const tail = `（${n}）`;
    unique = [...name].slice(0, MAX_NAME_LENGTH - tail.length).join('') + tail;
  }
  used.add(unique);
  return unique;
}

const isReading = (action: string) => /\.(list|show|export)$/.test(action) && !(action in WORKFLOW_ACTIONS);

/** What reading the records of these actions takes: list, show and export of each resource they act on. */
function readingActions(actions: string[]): string[] {
  const resources = [...new Set(actions.map((a) => a.split('.')[0]).filter((r) => r !== 'Report'))];
  return resources.flatMap((r) => [`${r}.list`, `${r}.show`, `${r}.export`].filter((a) => isCatalogued(a)));
}

/**
 * Proposes rules from the positions' duty and authority clauses (qualifications never). One clause may yield
 * several proposals: the actions that share a condition (and a person) make one rule; reading the records those
 * actions work on makes one more, with no record condition ("查阅装修押金"). Clauses nothing matched are listed.
 */
export function proposeRules(positions: ProposalInput[]): ProposalResult {
  const known: Actor[] = [
    ...Object.entries(POSITION_NAMES).map(([code, name]) => ({ name, code })),
    ...positions.map((p) => ({ name: p.name, code: p.code })),
  ];
  const proposals: RuleProposal[] = [];
  const withoutAction: ProposalResult['withoutAction'] = [];
  const used = new Set<string>();
  for (const position of positions) {
    const self: Actor = { name: position.name, code: position.code };
    // Reading a kind of record is proposed once per person, with the first clause whose work needs it.
    const offeredReading = new Map<string, Set<string>>();
    for (const clause of position.clauses) {
      if (clause.kind === 'qualification') continue;
      const label = `${CLAUSE_WORDS[clause.kind]}${clause.number}`;
      const hits = clauseHits(clause.text, self, known);
      if (hits.length === 0) {
        withoutAction.push({ position: position.name, clause: label, text: clause.text });
        continue;
      }
      const citation = `${citedPositionName(position.name)} ${label}：${clause.text}`;
      const head = `${position.name} ${label}`;
      const propose = (actor: Actor, actions: string[], when: RecordCondition | undefined, spans: Hit[]) => {
        const matched = matchedWords(clause.text, spans);
        const suffix = actor === self ? '' : `（${actor.name}）`;
        const words =
          when === undefined && actions.every(isReading)
            ? [`查阅${[...new Set(actions.map((a) => resourceLabel(a.split('.')[0])))].join('、')}`]
            : actionWords(actions);
        proposals.push({
          position: position.name,
          kind: clause.kind as 'duty' | 'authority',
          number: clause.number,
          clause: label,
          actions,
          matched,
          rule: {
            name: ruleName(head, words, suffix, used),
            actions,
            effect: 'allow',
            conditions: { all: [who(actor), ...recordConditionLeaves(when)] },
            priority: 1,
            enabled: true,
            clause: citation,
          },
        });
      };
      // Per person (the clause's own position, or one it names), per condition, in the order of the words.
      const actors = [...new Set(hits.map((h) => h.actor))];
      for (const actor of actors) {
        const mine = hits.filter((h) => h.actor === actor);
        const groups = new Map<string, { when: RecordCondition | undefined; actions: string[]; spans: Hit[] }>();
        for (const hit of mine) {
          const key = JSON.stringify(hit.when ?? null);
          const group = groups.get(key) ?? { when: hit.when, actions: [], spans: [] };
          groups.set(key, group);
          if (!group.actions.includes(hit.action)) group.actions.push(hit.action);
          group.spans.push(hit);
        }
        const offered = offeredReading.get(actor.name) ?? new Set<string>();
        offeredReading.set(actor.name, offered);
        const acted = new Set<string>();
        for (const group of groups.values()) {
          // An action two phrases imply under different conditions stays in the first group only; reading that an
          // earlier clause already offered is not offered again.
          const actions = group.actions.filter((a) => !acted.has(a) && !(isReading(a) && offered.has(a)));
          actions.forEach((a) => acted.add(a));
          if (actions.length > 0)
            propose(
              actor,
              actions,
              group.when,
              group.spans.filter((h) => actions.includes(h.action)),
            );
        }
        [...acted].filter(isReading).forEach((a) => offered.add(a));
        const reading = readingActions([...acted]).filter((a) => !acted.has(a) && !offered.has(a));
        reading.forEach((a) => offered.add(a));
        if (reading.length > 0) propose(actor, reading, undefined, mine);
      }
    }
  }
  return { proposals, withoutAction };
}

// ------------------------------------------------------------------------------------------------ coverage

/** The job-description document shipped with the product (the same file import.ts seeds from). */
const SHIPPED_DOCUMENT = path.join(
  path.dirname(fileURLToPath(import.meta.url)),
  '..',
  'job-descriptions',
  '客户中心人员岗位职务说明书.txt',
);

const POSITION_CODES: Record<string, string> = Object.fromEntries(
  Object.entries(POSITION_NAMES).map(([code, name]) => [name, code]),
);

/** The shipped document's positions as proposals take them (the four have codes). */
export function shippedProposalInput(): ProposalInput[] {
  const text = fs.readFileSync(SHIPPED_DOCUMENT, 'utf8');
  return parseJobDescriptions(text, path.basename(SHIPPED_DOCUMENT)).map((p) => ({
    name: p.name,
    code: POSITION_CODES[p.name] ?? null,
    clauses: p.clauses,
  }));
}

/**
 * Of the default authorities that cite a 职权 clause, how many the shipped document's proposals cover: each 职权
 * clause the authority cites gets a proposal (same position and number) naming at least one of its actions.
 */
export function measureProposalCoverage(): { covered: number; total: number; share: number; missing: string[] } {
  const { proposals } = proposeRules(shippedProposalInput());
  let covered = 0;
  let total = 0;
  const missing: string[] = [];
  for (const authority of DEFAULT_AUTHORITIES) {
    const cited = parseCitations(authority.clause).filter((c) => c.kind === 'authority');
    if (cited.length === 0) continue;
    total += 1;
    const lacking = cited.filter(
      (c) =>
        !proposals.some(
          (p) =>
            p.position === c.position &&
            p.kind === 'authority' &&
            p.number === c.number &&
            p.actions.some((a) => authority.actions.includes(a)),
        ),
    );
    if (lacking.length === 0) covered += 1;
    else
      missing.push(
        `${authority.name}（${authority.actions.join('、')}）：${lacking.map((c) => `${citedPositionName(c.position)} 职权${c.number}`).join('、')}`,
      );
  }
  return { covered, total, share: total === 0 ? 1 : covered / total, missing };
}
