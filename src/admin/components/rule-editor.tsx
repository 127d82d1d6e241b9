import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, CheckBox, FormGroup, H3, Input, Label, Select, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';
import { useNavigate } from 'react-router';
import { authorityApi } from './authority-api.js';
import { GroupEditor, fieldLabel, fieldOf, type Catalogue, type Option, type Words } from './rule-conditions.js';
import {
  fromBuilder,
  isWhoItem,
  toBuilder,
  whoOf,
  withWho,
  type BuilderNode,
  type Who,
} from '../../rules/rule-builder.js';

// The rule editor (新建规则 / 编辑 of 权限规则): who, which actions, when — with pickers in Chinese — and, beside it, the
// whole rule as one sentence, written by the same explainer as descriptions and refusals. The JSON is on the
// 高级 tab. Saving posts the form to the action, which makes a draft.

const api = new ApiClient();
type Errors = Record<string, string>;
type Preview = { sentence: string; errors: Errors };
const EMPTY: BuilderNode = { kind: 'all', children: [] };
const SUPERVISOR: BuilderNode = {
  kind: 'condition',
  field: 'actor.supervisesDepartmentIds',
  how: 'containsRecordDepartment',
  value: null,
};

function parsed(text: unknown, fallback: unknown): unknown {
  if (typeof text !== 'string') return text ?? fallback;
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}

/** The when-part: the top-level 全部满足 without the who-items, or the whole tree when its top is another group. */
function whenOf(root: BuilderNode): BuilderNode {
  if (root.kind !== 'all') return root;
  return { kind: 'all', children: root.children.filter((node, i, all) => !isWhoItem(node, i, all)) };
}

/** The tree with a new when-part, the who-items kept in their places. */
function withWhen(root: BuilderNode, when: BuilderNode): BuilderNode {
  if (root.kind !== 'all') return when;
  const who = root.children.filter((node, i, all) => isWhoItem(node, i, all));
  if (when.kind !== 'all') return who.length === 0 ? when : { kind: 'all', children: [...who, when] };
  const children: BuilderNode[] = [];
  let next = 0;
  root.children.forEach((node, i, all) => {
    if (isWhoItem(node, i, all)) children.push(node);
    else if (next < when.children.length) children.push(when.children[next++]);
  });
  children.push(...when.children.slice(next));
  return { kind: 'all', children };
}

/** Conditions still waiting for a value, said in Chinese. */
function unfinished(words: Words, node: BuilderNode, found: string[] = []): string[] {
  if (node.kind === 'all' || node.kind === 'any') node.children.forEach((child) => unfinished(words, child, found));
  else if (node.kind === 'not') unfinished(words, node.child, found);
  else if (node.kind === 'condition') {
    const field = fieldOf(words, node.field);
    const shape = field?.comparisons.find((c) => c.id === node.how)?.shape;
    const value = node.value;
    const missing =
      (shape === 'one' && (value === null || value === '')) ||
      (shape === 'many' && (!Array.isArray(value) || value.length === 0));
    const wrong =
      (field?.kind === 'money' || field?.kind === 'number') &&
      (Array.isArray(value) ? value : [value]).some((v) => v !== null && typeof v !== 'number');
    if (field && missing) found.push(`「${fieldLabel(words, field)}」还没有填写要比较的值`);
    else if (field && wrong) found.push(`「${fieldLabel(words, field)}」的值必须是数字`);
  }
  return found;
}

/** The checks' words for what the builder shows differently. */
function builderMessage(field: string, message: string): string {
  if (field === 'conditions' && message.startsWith('允许规则必须至少有一个条件'))
    return '允许规则至少要有一个条件：请在「谁可以」中选择岗位或员工，或加入条件';
  if (field === 'conditions' && message.includes('是空的')) return '有一个条件组是空的：请加入条件，或删掉这组';
  if (field === 'actions' && message === '至少要有一个动作') return '至少要选择一个操作';
  return message;
}

const FIELD_NAMES: Record<string, string> = {
  name: '规则名称',
  actions: '操作',
  effect: '效果',
  conditions: '条件',
  priority: '优先级',
  enabled: '启用',
  clause: '依据条款',
  positionClauseId: '岗位条款',
};

const Section: React.FC<{ title: string; children: React.ReactNode; hint?: string }> = ({ title, children, hint }) => (
  <Box mb="xl">
    <Text style={{ fontWeight: 600, fontSize: 16 }} mb="sm">
      {title}
    </Text>
    {hint ? (
      <Text color="grey60" fontSize="sm" mb="sm">
        {hint}
      </Text>
    ) : null}
    {children}
  </Box>
);

const RuleEditor: React.FC<ActionProps> = ({ action, resource, record }) => {
  const params = (record?.params ?? {}) as Record<string, unknown>;
  // 修改 of a 规则草稿 (an import's, being reviewed): the same form on the draft's rule.
  const onDraft = resource.id === 'RuleDraft';
  const initialConditions = parsed(params.conditions, { all: [] });
  const initialActions = parsed(params.actions, []);
  const opened = useMemo(() => toBuilder(initialConditions), []);
  const [catalogue, setCatalogue] = useState<Catalogue | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [name, setName] = useState(String(params.name ?? ''));
  const [effect, setEffect] = useState(String(params.effect ?? 'allow'));
  const [priority, setPriority] = useState(String(params.priority ?? '1'));
  const [enabled, setEnabled] = useState(
    params.enabled === undefined ? true : params.enabled === true || params.enabled === 'true',
  );
  const [clause, setClause] = useState(String(params.clause ?? ''));
  const [clauseId, setClauseId] = useState<string>(params.positionClauseId ? String(params.positionClauseId) : '');
  const [actions, setActions] = useState<string[]>(Array.isArray(initialActions) ? initialActions.map(String) : []);
  const [root, setRoot] = useState<BuilderNode>(opened.ok ? opened.root : EMPTY);
  const [tab, setTab] = useState<'builder' | 'json'>(opened.ok ? 'builder' : 'json');
  const [outside, setOutside] = useState<string | null>(opened.ok ? null : opened.reason);
  const [json, setJson] = useState({
    actions: JSON.stringify(initialActions, null, 2),
    conditions: JSON.stringify(initialConditions, null, 2),
  });
  const [preview, setPreview] = useState<Preview | null>(null);
  const [saveErrors, setSaveErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();

  useEffect(() => {
    authorityApi('GET', '/editor')
      .then(({ ok, body }) => (ok ? setCatalogue(body as Catalogue) : setLoadError(body.message ?? '无法读取规则目录')))
      .catch(() => setLoadError('无法读取规则目录'));
  }, []);

  const rule = () => ({
    name,
    effect,
    priority,
    enabled,
    clause,
    actions: tab === 'builder' ? actions : json.actions,
    conditions: tab === 'builder' ? fromBuilder(root) : json.conditions,
  });

  useEffect(() => {
    const timer = setTimeout(() => {
      authorityApi('POST', '/editor/preview', { rule: rule() })
        .then(({ ok, body }) => ok && setPreview({ sentence: body.sentence, errors: body.errors }))
        .catch(() => undefined);
    }, 250);
    return () => clearTimeout(timer);
  }, [name, effect, priority, enabled, clause, actions, root, tab, json]);

  if (!catalogue) return <Text>{loadError ?? '正在读取…'}</Text>;

  const resources = [...new Set((tab === 'builder' ? actions : []).map((code) => code.split('.')[0]))];
  const words: Words = { catalogue, resources };
  const who: Who = whoOf(root);
  const setWho = (next: Partial<Who>) => setRoot(withWho(root, { ...who, ...next }));

  const toJson = () => {
    setJson({ actions: JSON.stringify(actions, null, 2), conditions: JSON.stringify(fromBuilder(root), null, 2) });
    setOutside(null);
    setTab('json');
  };
  const toBuilderTab = () => {
    const conditions = parsed(json.conditions, undefined);
    const list = parsed(json.actions, undefined);
    if (conditions === undefined || !Array.isArray(list)) {
      setOutside('JSON 写得不完整，改正后才能回到构建器');
      return;
    }
    const back = toBuilder(conditions);
    if (!back.ok) {
      setOutside(back.reason);
      return;
    }
    setRoot(back.root);
    setActions(list.map(String));
    setOutside(null);
    setTab('builder');
  };

  const pending = tab === 'builder' ? unfinished(words, root) : [];
  const problems = Object.entries({ ...(preview?.errors ?? {}), ...saveErrors })
    .filter(([field]) => !(pending.length > 0 && field === 'conditions'))
    .map(([field, message]) => {
      const text = tab === 'builder' ? builderMessage(field, message) : message;
      const name = FIELD_NAMES[field] ?? field;
      return text.startsWith(name) ? text : `${name}：${text}`;
    });

  const save = async () => {
    setBusy(true);
    try {
      const current = rule();
      const data = {
        ...current,
        enabled: String(current.enabled),
        positionClauseId: clauseId,
        actions: typeof current.actions === 'string' ? current.actions : JSON.stringify(current.actions),
        conditions: typeof current.conditions === 'string' ? current.conditions : JSON.stringify(current.conditions),
      };
      const response = record
        ? await api.recordAction({ resourceId: resource.id, recordId: record.id, actionName: action.name, data })
        : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data });
      const answer = response.data as {
        notice?: { message: string; type: 'success' | 'error' };
        record?: { errors?: Record<string, { message: string }> };
        redirectUrl?: string;
      };
      const errors = answer.record?.errors ?? {};
      setSaveErrors(Object.fromEntries(Object.entries(errors).map(([field, e]) => [field, e.message])));
      if (answer.notice) addNotice({ message: answer.notice.message, type: answer.notice.type });
      if (answer.notice?.type === 'success' && answer.redirectUrl) navigate(answer.redirectUrl);
    } finally {
      setBusy(false);
    }
  };

  const actionGroups = catalogue.actions.map((group) => ({
    label: group.label,
    options: group.actions.map((a) => ({ value: a.code, label: a.label })),
  }));
  const actionLabel = (code: string) =>
    actionGroups.flatMap((g) => g.options).find((o) => o.value === code) ?? { value: code, label: code };
  const positionOptions = catalogue.positions.map(({ value, label }) => ({ value, label }));
  const clauses = catalogue.clauses.filter(
    (c) => who.positions.length === 0 || (c.positionCode !== null && who.positions.includes(c.positionCode)),
  );
  const relationKinds: Option[] = [
    ...catalogue.relations.map((r) => ({ value: r.relation, label: r.label })),
    { value: 'supervisor', label: '是本记录处理部门的主管' },
  ];
  const recordFieldsFor = (relation: string): Option[] =>
    (catalogue.relations.find((r) => r.relation === relation)?.fields ?? [])
      .map((key) => fieldOf(words, key)!)
      .filter((f) => resources.length === 0 || resources.some((r) => f.resources?.includes(r)))
      .map((f) => ({ value: f.key, label: fieldLabel(words, f) }));
  const setRelation = (index: number, node: BuilderNode | null) => {
    const relations = [...who.relations];
    if (node) relations[index] = node;
    else relations.splice(index, 1);
    setWho({ relations });
  };
  const relationNode = (kind: string, field?: string): BuilderNode | null => {
    if (kind === 'supervisor') return SUPERVISOR;
    const fields = recordFieldsFor(kind);
    const chosen = fields.find((f) => f.value === field)?.value ?? fields[0]?.value;
    return chosen ? { kind: 'relation', relation: kind as 'self', field: String(chosen) } : null;
  };

  return (
    <Box variant="container" padding="xl" data-testid="rule-editor">
      <H3>
        {onDraft
          ? `修改草稿 ${String(record?.id ?? '')}：${String(params.name ?? '')}`
          : record
            ? `修改规则：${String(params.name ?? '')}`
            : '新建规则'}
      </H3>
      {onDraft && params.sourceNote ? (
        <Text color="grey60" mb="lg" data-testid="draft-source">
          来源：{String(params.sourceNote)}
        </Text>
      ) : null}
      <Box
        padding="lg"
        mb="xl"
        style={{ background: '#EEF2FF', borderLeft: '4px solid #3040D6', position: 'sticky', top: 0, zIndex: 2 }}
      >
        <Text color="grey60" fontSize="sm">
          这条规则读作
        </Text>
        <Text style={{ fontSize: 16, fontWeight: 600 }} data-testid="rule-sentence">
          {preview?.sentence ?? '…'}
        </Text>
        {[...pending, ...problems].length > 0 ? (
          <Box mt="default" data-testid="rule-problems">
            <Text fontSize="sm" style={{ color: '#9A6700' }}>
              保存前还要：
            </Text>
            {[...pending, ...problems].map((problem) => (
              <Text
                key={problem}
                fontSize="sm"
                style={{ color: Object.keys(saveErrors).length ? '#C20012' : '#9A6700' }}
              >
                · {problem}
              </Text>
            ))}
          </Box>
        ) : null}
      </Box>

      <Box flex style={{ gap: 8 }} mb="xl">
        <Button
          type="button"
          size="sm"
          variant={tab === 'builder' ? 'contained' : 'outlined'}
          onClick={() => tab === 'json' && toBuilderTab()}
        >
          构建器
        </Button>
        <Button
          type="button"
          size="sm"
          variant={tab === 'json' ? 'contained' : 'outlined'}
          onClick={() => tab === 'builder' && toJson()}
        >
          高级（JSON）
        </Button>
      </Box>

      <FormGroup>
        <Label required>规则名称</Label>
        <Input
          width="100%"
          value={name}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setName(e.target.value)}
        />
      </FormGroup>

      {tab === 'builder' ? (
        <>
          <Section title="效果">
            <Box flex style={{ gap: 8 }}>
              {[
                ['allow', '允许'],
                ['deny', '拒绝'],
              ].map(([value, label]) => (
                <Button
                  key={value}
                  type="button"
                  size="sm"
                  variant={effect === value ? 'contained' : 'outlined'}
                  onClick={() => setEffect(value)}
                >
                  {label}
                </Button>
              ))}
            </Box>
          </Section>

          <Section title="谁可以" hint="不选岗位也不选员工，就是任何人。">
            <FormGroup data-testid="who-positions">
              <Label>岗位</Label>
              <Select
                isMulti
                value={who.positions.map(
                  (code) => positionOptions.find((o) => o.value === code) ?? { value: code, label: code },
                )}
                options={positionOptions}
                placeholder="选择岗位"
                onChange={(selected: Option[] | null) =>
                  setWho({ positions: (selected ?? []).map((o) => String(o.value)) })
                }
              />
            </FormGroup>
            <FormGroup data-testid="who-staff">
              <Label>指定员工</Label>
              <Select
                isMulti
                value={who.staff.map(
                  (id) => catalogue.staff.find((o) => o.value === id) ?? { value: id, label: `员工 ${id}` },
                )}
                options={catalogue.staff}
                placeholder="可不选"
                onChange={(selected: Option[] | null) =>
                  setWho({ staff: (selected ?? []).map((o) => Number(o.value)) })
                }
              />
            </FormGroup>
            <Label>与这条记录的关系</Label>
            {who.relations.map((node, index) => {
              const kind = node.kind === 'relation' ? node.relation : 'supervisor';
              const field = node.kind === 'relation' ? node.field : undefined;
              const fields = kind === 'supervisor' ? [] : recordFieldsFor(kind);
              return (
                <Box key={index} flex style={{ gap: 8 }} mb="sm" data-testid="who-relation">
                  <Text style={{ alignSelf: 'center' }}>操作人</Text>
                  <Box style={{ flex: '1 1 200px' }}>
                    <Select
                      value={relationKinds.find((o) => o.value === kind)}
                      options={relationKinds}
                      onChange={(o: Option | null) => o && setRelation(index, relationNode(String(o.value), field))}
                    />
                  </Box>
                  {kind === 'supervisor' ? null : (
                    <Box style={{ flex: '1 1 200px' }}>
                      <Select
                        value={
                          fields.find((o) => o.value === field) ??
                          (field ? { value: field, label: fieldLabel(words, fieldOf(words, field)!) } : null)
                        }
                        options={fields}
                        onChange={(o: Option | null) => o && setRelation(index, relationNode(kind, String(o.value)))}
                      />
                    </Box>
                  )}
                  <Button type="button" size="sm" variant="text" title="删除" onClick={() => setRelation(index, null)}>
                    ✕
                  </Button>
                </Box>
              );
            })}
            <Button
              type="button"
              size="sm"
              variant="outlined"
              onClick={() => {
                const node = relationNode('notSelf') ?? SUPERVISOR;
                setWho({ relations: [...who.relations, node] });
              }}
            >
              ＋ 与记录的关系
            </Button>
          </Section>

          <Section title="可以做哪些操作">
            <Box data-testid="rule-actions">
              <Select
                isMulti
                value={actions.map(actionLabel)}
                options={actionGroups}
                placeholder="选择操作（按资料分组，可输入查找）"
                onChange={(selected: Option[] | null) => setActions((selected ?? []).map((o) => String(o.value)))}
              />
            </Box>
          </Section>

          <Section title="在什么情况下" hint="条件写的是记录、操作人和时间；「谁」之外不设条件就是任何情况下。">
            <GroupEditor
              words={words}
              node={whenOf(root)}
              depth={0}
              onChange={(when) => setRoot(withWhen(root, when))}
            />
          </Section>
        </>
      ) : (
        <Box mb="xl" data-testid="rule-json">
          {outside ? (
            <Box padding="default" mb="lg" style={{ background: '#FFF1CC' }} data-testid="rule-json-note">
              <Text>这条规则在高级（JSON）中打开：{outside}</Text>
            </Box>
          ) : null}
          <Label>效果</Label>
          <Select
            value={{ value: effect, label: effect === 'deny' ? '拒绝' : '允许' }}
            options={[
              { value: 'allow', label: '允许' },
              { value: 'deny', label: '拒绝' },
            ]}
            onChange={(o: Option | null) => o && setEffect(String(o.value))}
          />
          <FormGroup mt="lg">
            <Label>操作（JSON 数组）</Label>
            <TextArea
              width="100%"
              rows={4}
              value={json.actions}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setJson({ ...json, actions: e.target.value })}
            />
          </FormGroup>
          <FormGroup>
            <Label>条件（json-rules-engine JSON）</Label>
            <TextArea
              width="100%"
              rows={16}
              style={{ fontFamily: 'monospace' }}
              value={json.conditions}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setJson({ ...json, conditions: e.target.value })}
            />
          </FormGroup>
        </Box>
      )}

      <Box flex style={{ gap: 16, flexWrap: 'wrap' }}>
        <FormGroup style={{ flex: '0 0 140px' }}>
          <Label>优先级</Label>
          <Input
            type="number"
            min={1}
            value={priority}
            onChange={(e: React.ChangeEvent<HTMLInputElement>) => setPriority(e.target.value)}
          />
        </FormGroup>
        <FormGroup style={{ flex: '0 0 140px' }}>
          <Label>启用</Label>
          <Box flex alignItems="center" style={{ gap: 8, height: 40 }}>
            <CheckBox id="rule-enabled" checked={enabled} onChange={() => setEnabled(!enabled)} />
            <label htmlFor="rule-enabled">{enabled ? '是' : '否'}</label>
          </Box>
        </FormGroup>
        <FormGroup style={{ flex: '1 1 320px' }} data-testid="rule-clause">
          <Label>依据的岗位条款</Label>
          <Select
            isClearable
            value={catalogue.clauses.find((c) => String(c.value) === clauseId) ?? null}
            options={clauses}
            placeholder={who.positions.length ? '所选岗位的条款' : '先在「谁」中选岗位，或直接选'}
            onChange={(o: Option | null) => {
              setClauseId(o ? String(o.value) : '');
              if (o && clause.trim() === '') setClause(o.label);
            }}
          />
        </FormGroup>
      </Box>
      <FormGroup>
        <Label>条款说明</Label>
        <TextArea
          width="100%"
          rows={2}
          value={clause}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setClause(e.target.value)}
        />
      </FormGroup>

      <Box flex style={{ gap: 8 }} mt="xl">
        <Button variant="contained" type="button" disabled={busy} onClick={save} data-testid="rule-save">
          {onDraft ? '保存并采纳' : '保存为草稿'}
        </Button>
        <Text color="grey60" style={{ alignSelf: 'center' }}>
          {onDraft
            ? '保存即表示已审核这份草稿；它仍不会立即生效：在「发布规则变更」中检查、发布后才生效。'
            : '保存后不会立即生效：在「发布规则变更」中检查、发布后才生效。'}
        </Text>
      </Box>
    </Box>
  );
};

export default RuleEditor;
