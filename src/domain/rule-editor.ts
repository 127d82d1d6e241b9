// What the rule editor offers and what it shows while the director types: the facts with their ways of comparing and
// their choices (states of each resource in its words, positions, staff, departments, clauses), the action catalogue
// grouped by resource, and a rule as typed read back as one sentence with its problems — the same explainer and
// checks that describe, refuse and publish rules.
import { Op } from 'sequelize';
import { sequelize } from '../db.js';
import { Department, Position, PositionClause, Staff } from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { resourceLabel, ACTION_GROUPS, ACTION_LABELS, RESOURCES } from '../rules/catalogue.js';
import { explainRule, recordFieldLabel, valueChoices } from '../rules/explain.js';
import { BUILDER_FIELDS, RELATIONS, comparisonsOf, toBuilder } from '../rules/rule-builder.js';
import { validateRuleInput } from '../rules/validate.js';
import { isPlainObject } from '../lib/objects.js';
import { authorize } from './authorize.js';

type Choice = { value: string | number; label: string };

/** Where each record field exists, and its name and coded values there. */
function recordFields() {
  return BUILDER_FIELDS.filter((field) => field.fact === 'record').map((field) => {
    const resources = RESOURCES.filter((resource) =>
      Object.hasOwn(sequelize.models[resource]?.getAttributes() ?? {}, field.path),
    );
    return {
      key: field.key,
      resources,
      labels: Object.fromEntries(resources.map((resource) => [resource, recordFieldLabel(field.path, [resource])])),
      choices: Object.fromEntries(
        resources
          .map((resource) => [resource, valueChoices(resource, field.path)] as const)
          .filter(([, choices]) => choices.length > 0),
      ),
    };
  });
}

function actionGroups() {
  return ACTION_GROUPS.map((resource) => ({
    resource,
    label: resourceLabel(resource),
    actions: [
      ...Object.keys(ACTION_LABELS)
        .filter((code) => code.startsWith(`${resource}.`))
        .map((code) => ({ code, label: ACTION_LABELS[code] })),
      { code: `${resource}.*`, label: `${resourceLabel(resource)}的全部操作` },
    ],
  }));
}

const CLAUSE_WORDS: Record<string, string> = { duty: '职责', authority: '职权', qualification: '资格要求' };

export async function editorCatalogue(actor: Actor | null) {
  authorize(actor, 'AuthorityRule.list');
  const [positions, staff, departments, clauses] = await Promise.all([
    Position.findAll({ attributes: ['id', 'code', 'name'], order: [['id', 'ASC']] }),
    Staff.findAll({
      where: { enabled: true },
      attributes: ['id', 'name', 'positionId'],
      order: [['id', 'ASC']],
    }),
    Department.findAll({ attributes: ['id', 'name'], order: [['id', 'ASC']] }),
    PositionClause.findAll({
      where: { kind: { [Op.in]: ['authority', 'duty'] } },
      order: [
        ['positionId', 'ASC'],
        ['kind', 'DESC'],
        ['number', 'ASC'],
      ],
    }),
  ]);
  const positionName = new Map(positions.map((p) => [p.id, p.name]));
  const positionCode = new Map(positions.map((p) => [p.id, p.code]));
  const record = new Map(recordFields().map((field) => [field.key, field]));
  return {
    fields: BUILDER_FIELDS.map((field) => ({
      key: field.key,
      fact: field.fact,
      label: field.key === 'record.amount' ? '金额' : field.label,
      kind: field.kind,
      comparisons: comparisonsOf(field.key).map(({ id, label, shape }) => ({ id, label, shape })),
      ...(record.get(field.key) ?? {}),
    })),
    relations: Object.entries(RELATIONS).map(([relation, { label, kinds }]) => ({
      relation,
      label,
      fields: BUILDER_FIELDS.filter((f) => f.fact === 'record' && kinds.includes(f.kind)).map((f) => f.key),
    })),
    actions: actionGroups(),
    positions: positions
      .filter((p) => p.code)
      .map((p): Choice & { id: number } => ({ value: p.code as string, label: p.name, id: p.id })),
    positionIds: positions.map((p): Choice => ({ value: p.id, label: p.name })),
    staff: staff.map((s): Choice => ({
      value: s.id,
      label: s.positionId ? `${s.name}（${positionName.get(s.positionId) ?? ''}）` : s.name,
    })),
    departments: departments.map((d): Choice => ({ value: d.id, label: d.name })),
    clauses: clauses.map((c) => ({
      value: c.id,
      positionCode: positionCode.get(c.positionId) ?? null,
      label: `${positionName.get(c.positionId) ?? ''} ${CLAUSE_WORDS[c.kind] ?? c.kind}${c.number}：${c.text}`,
    })),
  };
}

/**
 * A rule as typed in the editor, read back: its sentence (as its description will read), the problems the checks
 * find, field by field, and whether the builder can show its conditions (and if not, why).
 */
export function previewRule(actor: Actor | null, input: unknown) {
  authorize(actor, 'AuthorityRule.list');
  const rule = isPlainObject(input) ? input : {};
  const checked = validateRuleInput(rule);
  const builder = toBuilder(typeof rule.conditions === 'string' ? safeJson(rule.conditions) : rule.conditions);
  return {
    sentence: explainRule({
      effect: String(rule.effect ?? 'allow'),
      actions: rule.actions ?? [],
      conditions: rule.conditions ?? { all: [] },
      enabled: rule.enabled === false ? false : undefined,
    }),
    errors: checked.ok ? {} : checked.errors,
    builder: builder.ok ? { ok: true, root: builder.root } : { ok: false, reason: builder.reason },
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
