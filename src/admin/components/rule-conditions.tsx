import React from 'react';
import { Box, Button, Input, Select, Text } from '@adminjs/design-system';
import {
  type BuilderNode,
  type BuilderValue,
  type ConditionNode,
  type Literal,
  type Relation,
} from '../../rules/rule-builder.js';

// The rule editor's when-part: nested 全部满足 / 任一满足 / 不满足 groups of conditions, each a fact by its Chinese
// name, a way of comparing that fits it, and a value with a widget for its kind.

export type Option = { value: string | number; label: string };
export type Comparison = { id: string; label: string; shape: 'one' | 'many' | 'none' | 'fact' };
export type FieldInfo = {
  key: string;
  fact: string;
  label: string;
  kind: string;
  comparisons: Comparison[];
  resources?: string[];
  labels?: Record<string, string>;
  choices?: Record<string, Option[]>;
};
export type Catalogue = {
  fields: FieldInfo[];
  relations: { relation: Relation; label: string; fields: string[] }[];
  actions: { resource: string; label: string; actions: { code: string; label: string }[] }[];
  positions: (Option & { id: number })[];
  positionIds: Option[];
  staff: Option[];
  departments: Option[];
  clauses: (Option & { positionCode: string | null })[];
};

/** What the editor needs to name things: the catalogue and the resources the rule acts on. */
export type Words = { catalogue: Catalogue; resources: string[] };

const FACT_GROUPS: [string, string][] = [
  ['actor', '操作人'],
  ['record', '记录'],
  ['now', '时间'],
  ['action', '操作'],
];
const HOURS: Option[] = Array.from({ length: 24 }, (_, hour) => ({ value: hour, label: `${hour} 点` }));
const WEEKDAYS: Option[] = ['一', '二', '三', '四', '五', '六', '日'].map((day, i) => ({
  value: i + 1,
  label: `星期${day}`,
}));
const BOOLEANS: Option[] = [
  { value: true as unknown as string, label: '是' },
  { value: false as unknown as string, label: '否' },
];

export function fieldOf(words: Words, key: string): FieldInfo | undefined {
  return words.catalogue.fields.find((field) => field.key === key);
}

/** A record field in the words of the rule's resources when they agree (押金状态), else its general name. */
export function fieldLabel(words: Words, field: FieldInfo): string {
  if (field.fact !== 'record' || !field.labels) return field.label;
  const own = new Set(words.resources.map((resource) => field.labels![resource]).filter(Boolean));
  return own.size === 1 ? [...own][0] : field.label;
}

/** The fields a condition can pick: record fields of the rule's resources (all of them before any action is chosen). */
function fieldOptions(words: Words, current: string) {
  return FACT_GROUPS.map(([fact, label]) => ({
    label,
    options: words.catalogue.fields
      .filter((field) => field.fact === fact)
      .filter(
        (field) =>
          field.key === current ||
          fact !== 'record' ||
          words.resources.length === 0 ||
          words.resources.some((resource) => field.resources?.includes(resource)),
      )
      .map((field) => ({ value: field.key, label: fieldLabel(words, field) })),
  }));
}

/** The values a field can take, when they are a choice. */
export function choicesOf(words: Words, field: FieldInfo): Option[] | null {
  const { catalogue } = words;
  switch (field.kind) {
    case 'position':
      return catalogue.positions.map(({ value, label }) => ({ value, label }));
    case 'staff':
      return catalogue.staff;
    case 'department':
    case 'departments':
      return catalogue.departments;
    case 'positionId':
      return catalogue.positionIds;
    case 'hour':
      return HOURS;
    case 'weekday':
      return WEEKDAYS;
    case 'boolean':
      return BOOLEANS;
    case 'action':
      return catalogue.actions.flatMap((group) =>
        group.actions.filter((a) => !a.code.endsWith('.*')).map((a) => ({ value: a.code, label: a.label })),
      );
    case 'state': {
      const resources = words.resources.length > 0 ? words.resources : Object.keys(field.choices ?? {});
      const seen = new Map<string, Option>();
      for (const resource of resources)
        for (const choice of field.choices?.[resource] ?? [])
          if (!seen.has(String(choice.value))) seen.set(String(choice.value), choice);
      return [...seen.values()];
    }
    default:
      return null;
  }
}

const fenToYuan = (fen: Literal) => (typeof fen === 'number' ? (fen / 100).toFixed(2) : String(fen));
const yuanToFen = (text: string): Literal => {
  const yuan = Number(text.trim());
  return text.trim() !== '' && Number.isFinite(yuan) ? Math.round(yuan * 100) : text;
};

/** A typed value as the kind keeps it: yuan to fen, numbers as numbers, text as typed. */
function typedValue(kind: string, text: string): Literal {
  if (kind === 'money') return yuanToFen(text);
  if (kind === 'number') return text.trim() !== '' && Number.isFinite(Number(text)) ? Number(text) : text;
  return text;
}

const ValueInput: React.FC<{
  words: Words;
  field: FieldInfo;
  shape: Comparison['shape'];
  value: BuilderValue;
  onChange: (value: BuilderValue) => void;
}> = ({ words, field, shape, value, onChange }) => {
  if (shape === 'none' || shape === 'fact') return null;
  const choices = choicesOf(words, field);
  const many = shape === 'many';
  const list = Array.isArray(value) ? value : value === null || value === undefined ? [] : [value];
  if (choices) {
    const pick = (v: Literal) =>
      choices.find((c) => c.value === v) ?? { value: v as string, label: `${String(v)}（未知）` };
    return (
      <Box style={{ flex: '2 1 240px' }} data-testid="condition-value">
        <Select
          isMulti={many}
          value={many ? list.map(pick) : value === null ? null : pick(value as Literal)}
          options={choices}
          placeholder={many ? '选择一个或多个' : '请选择'}
          onChange={(selected: Option | Option[] | null) =>
            onChange(
              many
                ? ((selected as Option[] | null) ?? []).map((o) => o.value as Literal)
                : (((selected as Option | null)?.value as Literal) ?? null),
            )
          }
        />
      </Box>
    );
  }
  const shown = list.map((item) => (field.kind === 'money' ? fenToYuan(item) : String(item))).join('、');
  return (
    <Box style={{ flex: '2 1 240px' }} flex alignItems="center" data-testid="condition-value">
      <Input
        width="100%"
        type={field.kind === 'date' && !many ? 'date' : 'text'}
        inputMode={field.kind === 'money' || field.kind === 'number' ? 'decimal' : undefined}
        defaultValue={shown}
        placeholder={many ? '多个值用、分隔' : field.kind === 'money' ? '金额（元）' : ''}
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => {
          const parts = e.target.value.split(/[、,，]/).map((part) => part.trim());
          onChange(
            many
              ? parts.filter((part) => part !== '').map((part) => typedValue(field.kind, part))
              : e.target.value.trim() === ''
                ? null
                : typedValue(field.kind, e.target.value.trim()),
          );
        }}
      />
      {field.kind === 'money' ? <Text ml="sm">元</Text> : null}
    </Box>
  );
};

const emptyValue = (shape: Comparison['shape']): BuilderValue => (shape === 'many' ? [] : null);

export const ConditionRow: React.FC<{
  words: Words;
  node: ConditionNode;
  onChange: (node: BuilderNode) => void;
}> = ({ words, node, onChange }) => {
  const field = fieldOf(words, node.field);
  const comparisons = field?.comparisons ?? [];
  const comparison = comparisons.find((c) => c.id === node.how);
  const groups = fieldOptions(words, node.field);
  const selectedField = groups.flatMap((g) => g.options).find((o) => o.value === node.field) ?? null;
  return (
    <Box flex style={{ gap: 8, flexWrap: 'wrap', flex: 1 }} data-testid="condition-row">
      <Box style={{ flex: '1 1 200px' }} data-testid="condition-field">
        <Select
          value={selectedField}
          options={groups}
          placeholder="选择事实"
          onChange={(o: Option | null) => {
            const next = o ? fieldOf(words, String(o.value)) : undefined;
            if (!next) return;
            const first = next.comparisons[0];
            onChange({ kind: 'condition', field: next.key, how: first.id, value: emptyValue(first.shape) });
          }}
        />
      </Box>
      <Box style={{ flex: '1 1 160px' }} data-testid="condition-comparison">
        <Select
          value={comparison ? { value: comparison.id, label: comparison.label } : null}
          options={comparisons.map((c) => ({ value: c.id, label: c.label }))}
          onChange={(o: Option | null) => {
            const next = comparisons.find((c) => c.id === o?.value);
            if (!next) return;
            const keep = next.shape === comparison?.shape;
            onChange({ ...node, how: next.id, value: keep ? node.value : emptyValue(next.shape) });
          }}
        />
      </Box>
      {field && comparison ? (
        <ValueInput
          key={`${node.field}:${comparison.shape}`}
          words={words}
          field={field}
          shape={comparison.shape}
          value={node.value}
          onChange={(value) => onChange({ ...node, value })}
        />
      ) : null}
    </Box>
  );
};

/** 是本记录的 收费员 / 不是本记录的 回访人 / 属于本记录的 处理部门. */
export const RelationRow: React.FC<{
  words: Words;
  node: Extract<BuilderNode, { kind: 'relation' }>;
  onChange: (node: BuilderNode) => void;
}> = ({ words, node, onChange }) => {
  const relations = words.catalogue.relations;
  const current = relations.find((r) => r.relation === node.relation);
  const fieldChoices = (current?.fields ?? []).map((key) => {
    const field = fieldOf(words, key)!;
    return { value: key, label: fieldLabel(words, field) };
  });
  return (
    <Box flex style={{ gap: 8, flexWrap: 'wrap', flex: 1 }} data-testid="relation-row">
      <Text style={{ alignSelf: 'center' }}>操作人</Text>
      <Box style={{ flex: '1 1 160px' }}>
        <Select
          value={current ? { value: current.relation, label: current.label } : null}
          options={relations.map((r) => ({ value: r.relation, label: r.label }))}
          onChange={(o: Option | null) => {
            const next = relations.find((r) => r.relation === o?.value);
            if (next)
              onChange({
                ...node,
                relation: next.relation,
                field: next.fields.includes(node.field) ? node.field : next.fields[0],
              });
          }}
        />
      </Box>
      <Box style={{ flex: '1 1 160px' }}>
        <Select
          value={fieldChoices.find((o) => o.value === node.field) ?? null}
          options={fieldChoices}
          onChange={(o: Option | null) => o && onChange({ ...node, field: String(o.value) })}
        />
      </Box>
    </Box>
  );
};

const GROUP_WORDS: Option[] = [
  { value: 'all', label: '全部满足' },
  { value: 'any', label: '任一满足' },
  { value: 'not', label: '不满足' },
];

/** A new condition: the first record field of the rule's resources, or the hour. */
export function newCondition(words: Words): ConditionNode {
  const field =
    words.catalogue.fields.find(
      (f) => f.fact === 'record' && f.kind === 'state' && words.resources.some((r) => f.resources?.includes(r)),
    ) ?? words.catalogue.fields.find((f) => f.key === 'now.hour')!;
  const first = field.comparisons[0];
  return { kind: 'condition', field: field.key, how: first.id, value: emptyValue(first.shape) };
}

/** A group turned into another kind: 不满足 wraps, leaving 不满足 unwraps. */
function regroup(node: BuilderNode, kind: string): BuilderNode {
  if (node.kind === kind) return node;
  if (kind === 'not') return { kind: 'not', child: node };
  const to = kind as 'all' | 'any';
  if (node.kind === 'not') {
    const child = node.child;
    return child.kind === 'all' || child.kind === 'any'
      ? { kind: to, children: child.children }
      : { kind: to, children: [child] };
  }
  return node.kind === 'all' || node.kind === 'any' ? { kind: to, children: node.children } : node;
}

/** Adds a node to a group (into a 不满足's group, making one when it negates a single condition). */
function added(node: BuilderNode, child: BuilderNode): BuilderNode {
  if (node.kind === 'all' || node.kind === 'any') return { ...node, children: [...node.children, child] };
  if (node.kind === 'not') {
    const inner = node.child;
    return {
      kind: 'not',
      child:
        inner.kind === 'all' || inner.kind === 'any' ? added(inner, child) : { kind: 'all', children: [inner, child] },
    };
  }
  return node;
}

export const GroupEditor: React.FC<{
  words: Words;
  node: BuilderNode;
  depth: number;
  onChange: (node: BuilderNode) => void;
  onRemove?: () => void;
}> = ({ words, node, depth, onChange, onRemove }) => {
  const children =
    node.kind === 'all' || node.kind === 'any'
      ? node.children
      : node.kind === 'not'
        ? node.child.kind === 'all' || node.child.kind === 'any'
          ? node.child.children
          : [node.child]
        : [];
  const setChild = (index: number, child: BuilderNode | null) => {
    const next = [...children];
    if (child) next[index] = child;
    else next.splice(index, 1);
    if (node.kind === 'all' || node.kind === 'any') onChange({ ...node, children: next });
    else if (node.kind === 'not') {
      const inner = node.child;
      if (inner.kind === 'all' || inner.kind === 'any') onChange({ kind: 'not', child: { ...inner, children: next } });
      else onChange(next[0] ? { kind: 'not', child: next[0] } : { kind: 'all', children: [] });
    }
  };
  const groupWord = node.kind === 'not' ? 'not' : node.kind;
  return (
    <Box
      data-testid="condition-group"
      style={{
        border: '1px solid #c0c8d0',
        borderLeft: `4px solid ${node.kind === 'not' ? '#C20012' : node.kind === 'any' ? '#F0A000' : '#3040D6'}`,
        borderRadius: 4,
        padding: 12,
        marginTop: 8,
        background: depth % 2 ? '#F6F7FB' : 'white',
      }}
    >
      <Box flex alignItems="center" style={{ gap: 8 }} mb="sm">
        <Box style={{ width: 140 }} data-testid="group-kind">
          <Select
            value={GROUP_WORDS.find((o) => o.value === groupWord)}
            options={GROUP_WORDS}
            onChange={(o: Option | null) => o && onChange(regroup(node, String(o.value)))}
          />
        </Box>
        <Text color="grey60">
          {node.kind === 'not'
            ? '以下条件（全部）不成立'
            : node.kind === 'any'
              ? '以下条件有一个成立即可'
              : '以下条件都要成立'}
        </Text>
        <Box style={{ flex: 1 }} />
        {onRemove ? (
          <Button size="sm" variant="text" type="button" onClick={onRemove}>
            删除这组
          </Button>
        ) : null}
      </Box>
      {children.length === 0 ? <Text color="grey60">（还没有条件）</Text> : null}
      {children.map((child, index) => (
        <Box key={index} flex alignItems="flex-start" style={{ gap: 8, marginTop: 6 }}>
          {child.kind === 'condition' ? (
            <ConditionRow words={words} node={child} onChange={(next) => setChild(index, next)} />
          ) : child.kind === 'relation' ? (
            <RelationRow words={words} node={child} onChange={(next) => setChild(index, next)} />
          ) : (
            <Box style={{ flex: 1 }}>
              <GroupEditor
                words={words}
                node={child}
                depth={depth + 1}
                onChange={(next) => setChild(index, next)}
                onRemove={() => setChild(index, null)}
              />
            </Box>
          )}
          {child.kind === 'condition' || child.kind === 'relation' ? (
            <Button size="sm" variant="text" type="button" title="删除这个条件" onClick={() => setChild(index, null)}>
              ✕
            </Button>
          ) : null}
        </Box>
      ))}
      <Box flex style={{ gap: 8 }} mt="default">
        <Button size="sm" variant="outlined" type="button" onClick={() => onChange(added(node, newCondition(words)))}>
          ＋ 条件
        </Button>
        {depth < 6 ? (
          <Button
            size="sm"
            variant="outlined"
            type="button"
            onClick={() => onChange(added(node, { kind: 'any', children: [newCondition(words)] }))}
          >
            ＋ 条件组
          </Button>
        ) : null}
      </Box>
    </Box>
  );
};
