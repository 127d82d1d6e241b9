// 组织与权限: the authority rules, their versions, and the decision and audit logs (read-only).
// JSON columns are shown and edited as JSON text until the rules editor exists; the models parse the text.
import type { ActionContext, ActionResponse, After, RecordJSON, ResourceWithOptions } from 'adminjs';
import { Op, type Model, type ModelStatic } from 'sequelize';
import {
  AuditLog,
  AuthorityRule,
  AuthorityTest,
  DecisionLog,
  RuleChangeSet,
  RuleDraft,
  RuleVersion,
} from '../../models/index.js';
import {
  acceptDraftAction,
  discardAction,
  discardDraftAction,
  draftEditHandler,
  draftingHandler,
  publishAction,
  reviewClauseAction,
} from '../rule-drafting.js';
import { navigation } from '../navigation.js';
import { registerConditionFilters } from '../adapter.js';
import { Components } from '../components/index.js';
import { limitPayload } from '../payload.js';
import { readOnly } from '../properties.js';
import { resourceWorkflowAction } from '../use-case.js';
import { decideFor } from '../access.js';
import { restoreRuleManagement } from '../../domain/restore-rule-management.js';
import { RESTORE_ACTION } from '../../rules/decide.js';
import { actionsText, explainConditions, explainRule, splitWho } from '../../rules/explain.js';
import { actionLabel } from '../../rules/catalogue.js';
import {
  TitleBook,
  actionChoices,
  changeRows,
  loggedActionLabel,
  resourceChoices,
  resourceLabel,
  wantReferences,
} from '../log-words.js';
import { POSITION_NAMES } from '../../vocabulary/positions.js';
import { recordNames, testSentence, testSubjects } from '../../domain/authority-tests.js';

function asText(value: unknown, compact: boolean): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (compact && Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return compact ? JSON.stringify(value) : JSON.stringify(value, null, 2);
}

/**
 * An after hook that turns JSON columns into text in the records a response carries: AdminJS flattens JSON
 * into `field.key` params, which the text components cannot show, and unflattening guesses arrays from
 * numeric keys ({"12": 5} would come back as an array). So the values are read again from the model, one query
 * per response. A value that is already text (a form sent back with its errors) is left as typed.
 * Lists get one compact line; show and edit get indented JSON.
 */
export function jsonAsText(model: ModelStatic<Model>, fields: readonly string[]): After<ActionResponse> {
  return async (response) => {
    const single = response.record as RecordJSON | undefined;
    const many = (response.records as RecordJSON[] | undefined) ?? [];
    const records = [...(single ? [single] : []), ...many].filter(
      (r) => r?.params && fields.some((f) => typeof r.params[f] !== 'string'),
    );
    const ids = records.map((r) => r.id).filter((id) => id !== undefined && id !== null && id !== '');
    if (ids.length === 0) return response;
    const rows = await model.findAll({ where: { id: ids }, attributes: ['id', ...fields] });
    const byId = new Map(rows.map((row) => [String(row.get('id')), row]));
    for (const record of records) {
      const row = byId.get(String(record.id));
      if (!row) continue;
      for (const field of fields) {
        if (typeof record.params[field] === 'string') continue;
        for (const key of Object.keys(record.params)) if (key.startsWith(`${field}.`)) delete record.params[key];
        record.params[field] = asText(row.get(field), record !== single);
      }
    }
    return response;
  };
}

/** Logs and versions are written by the system only. */
const readOnlyActions = {
  new: { isAccessible: false },
  edit: { isAccessible: false },
  delete: { isAccessible: false },
  bulkDelete: { isAccessible: false },
};

const RULE_FIELDS = [
  'name',
  'description',
  'actions',
  'effect',
  'conditions',
  'priority',
  'enabled',
  'clause',
  'positionClauseId',
] as const;
const ruleJson = jsonAsText(AuthorityRule as unknown as ModelStatic<Model>, ['actions', 'conditions']);
const versionJson = jsonAsText(RuleVersion as unknown as ModelStatic<Model>, ['snapshot']);
/** A version reads as the rule it was, in words (规则说明); its JSON stays folded under 技术信息. */
const versionInWords: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  const row = record && (await RuleVersion.findByPk(record.id));
  if (record && row?.snapshot) record.params.snapshotInWords = `${explainRule(row.snapshot as never)}。`;
  return response;
};
/** A draft's proposed rule reads as the rule in words (a removal as 删除规则), not as its JSON; written by hand is 手工. */
const draftInWords: After<ActionResponse> = async (response) => {
  const records = [
    ...(response.record ? [response.record as RecordJSON] : []),
    ...((response.records as RecordJSON[]) ?? []),
  ];
  const rows = await RuleDraft.findAll({ where: { id: records.map((r) => r.id) } });
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  for (const record of records) {
    const row = byId.get(String(record.id));
    if (!row) continue;
    for (const key of Object.keys(record.params)) if (key.startsWith('proposed.')) delete record.params[key];
    record.params.proposed = row.proposed ? explainRule(row.proposed as never) : `删除规则 ${row.ruleId}`;
    record.params.origin = row.origin ?? 'manual';
  }
  return response;
};

/** A rule whose cited clause an import changed or removed says so first (条款变动待复核：…). */
const clauseNoticeInWords: After<ActionResponse> = async (response) => {
  for (const record of recordsOf(response)) {
    const notice = record.params.clauseNotice;
    if (typeof notice === 'string' && notice !== '') record.params.clauseNotice = `条款变动待复核：${notice}`;
  }
  return response;
};

// 我的工作台 links to the rules whose clause changed (条款变动待复核) and to the imports' drafts waiting for review;
// drafts written by hand have no origin (手工).
registerConditionFilters('AuthorityRule', {
  clauseChanged: (value) =>
    value === 'true'
      ? { clauseNotice: { [Op.and]: [{ [Op.ne]: null }, { [Op.ne]: '' }] } }
      : { [Op.or]: [{ clauseNotice: null }, { clauseNotice: '' }] },
});
registerConditionFilters('RuleDraft', {
  origin: (value) => (value === 'manual' ? { origin: null } : value === 'import' ? { origin: 'import' } : null),
});

/** A test's action and position read in words on its list and page (the edit form keeps the codes it writes). */
const testInWords: After<ActionResponse> = async (response) => {
  for (const record of [
    ...(response.record ? [response.record as RecordJSON] : []),
    ...((response.records as RecordJSON[]) ?? []),
  ]) {
    const { action, positionCode } = record.params;
    if (typeof action === 'string') record.params.action = actionLabel(action);
    if (typeof positionCode === 'string') record.params.positionCode = POSITION_NAMES[positionCode] ?? positionCode;
  }
  return response;
};
/** A test's page says it as a sentence (客户接待员 必须不能 作废收据（收款收据），当 …). */
const testSentenceOf: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  const row = record && (await AuthorityTest.findByPk(record.id));
  if (!record || !row) return response;
  const subjects = await testSubjects([row]);
  record.params.sentence = testSentence(row, subjects.get(row.id) ?? null, await recordNames());
  return response;
};
const changeSetJson = jsonAsText(RuleChangeSet as unknown as ModelStatic<Model>, ['rules']);
const testJson = jsonAsText(AuthorityTest as unknown as ModelStatic<Model>, ['recordFacts', 'actorFacts']);
const TEST_FIELDS = [
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

/** The rules list names each rule's actions in Chinese (退押金（装修押金）), not by their codes. */
const actionsInWords: After<ActionResponse> = async (response) => {
  for (const record of (response.records as RecordJSON[] | undefined) ?? []) {
    const codes = typeof record.params.actions === 'string' ? record.params.actions.split(', ') : [];
    if (codes.length > 0) record.params.actions = actionsText(codes);
  }
  return response;
};

/** A rule's page names its actions and conditions in words (the JSON stays folded under them). */
const ruleInWords: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  if (!record) return response;
  const row = await AuthorityRule.findByPk(record.id);
  if (!row) return response;
  const actions = row.actions as string[];
  // The description is the rule in words as it stands, whatever was stored with it.
  record.params.description = `${explainRule(row)}。`;
  record.params.actionsInWords = actionsText(actions);
  const resources = [...new Set(actions.map((action) => action.split('.')[0]))];
  const { who, rest } = splitWho(row.conditions);
  const when = explainConditions(rest, { resources });
  record.params.conditionsInWords = `谁：${who ?? '任何人'}${when === '无条件' ? '' : `；条件：${when}`}`;
  return response;
};

/** The records a page of log lines names, by title: one query per resource. */
async function recordTitles(
  context: ActionContext,
  rows: { resource: string; recordId: string | null }[],
  more?: (titles: TitleBook) => void,
) {
  const titles = new TitleBook();
  for (const row of rows) titles.want(row.resource, row.recordId);
  more?.(titles);
  await titles.load(context._admin);
  return titles;
}

const recordsOf = (response: ActionResponse): RecordJSON[] => [
  ...(response.record ? [response.record as RecordJSON] : []),
  ...((response.records as RecordJSON[]) ?? []),
];

/** The line's record by its title (记录), with a link to it on the page; the id stays in 技术信息. */
function nameRecord(record: RecordJSON, titles: TitleBook, resource: string, recordId: string | null) {
  const found = titles.title(resource, recordId);
  // A record without a title of its own (a log line) is named by what it is.
  const title = found === recordId ? `${resourceLabel(resource)} ${recordId}` : found;
  record.params.record = recordId ? (title ?? `${resourceLabel(resource)}（记录已不存在）`) : '';
  record.params.recordLink = recordId && title ? `/admin/resources/${resource}/records/${recordId}/show` : '';
}

/**
 * A decision reads in words: the action and resource by name, the record by its title, the deciding rules by name
 * and version; the codes and the raw rules go to 技术信息.
 */
const decisionInWords: After<ActionResponse> = async (response, _request, context) => {
  const records = recordsOf(response);
  const rows = await DecisionLog.findAll({ where: { id: records.map((r) => r.id) } });
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  const titles = await recordTitles(context, rows);
  for (const record of records) {
    const row = byId.get(String(record.id));
    if (!row) continue;
    // The code stays beside the words: 为什么被拒绝？ opens 试算 with it.
    record.params.actionCode = row.action;
    record.params.action = loggedActionLabel(row.action);
    record.params.resource = resourceLabel(row.resource);
    nameRecord(record, titles, row.resource, row.recordId);
    const versions = (row.ruleVersions ?? {}) as Record<string, unknown>;
    record.params.rules = (row.rules ?? [])
      .map((rule) =>
        versions[String(rule.id)] ? `${rule.name}（第 ${String(versions[String(rule.id)])} 版）` : rule.name,
      )
      .join('、');
    record.params.technical = JSON.stringify({
      操作代码: row.action,
      资源代码: row.resource,
      记录编号: row.recordId,
      依据规则: row.rules,
      规则版本: row.ruleVersions,
    });
  }
  return response;
};

/**
 * An audit line reads in words: the action, resource and record by name, and its changes as a table of field → before
 * → after in the record's own words (rows in `changeRows`, JSON for the page's table); codes and the raw changes go to
 * 技术信息.
 */
const auditInWords: After<ActionResponse> = async (response, _request, context) => {
  const records = recordsOf(response);
  const rows = await AuditLog.findAll({ where: { id: records.map((r) => r.id) } });
  const byId = new Map(rows.map((row) => [String(row.id), row]));
  const single = Boolean(response.record);
  const admin = context._admin;
  const titles = await recordTitles(context, rows, (book) => {
    if (single) for (const row of rows) wantReferences(admin, book, row.resource, row.changes as never);
  });
  for (const record of records) {
    const row = byId.get(String(record.id));
    if (!row) continue;
    for (const key of Object.keys(record.params)) if (key.startsWith('changes.')) delete record.params[key];
    record.params.action = loggedActionLabel(row.action);
    record.params.resource = resourceLabel(row.resource);
    nameRecord(record, titles, row.resource, row.recordId);
    const changes = changeRows(admin, titles, row.resource, row.changes as never);
    record.params.changes = single ? JSON.stringify(changes) : changes.map((change) => change.field).join('、');
    if (single)
      record.params.technical = JSON.stringify({
        操作代码: row.action,
        资源代码: row.resource,
        记录编号: row.recordId,
        变更内容: row.changes,
      });
  }
  return response;
};

/** A change set names the rules it changed, not their ids. */
const changeSetInWords: After<ActionResponse> = async (response) => {
  const record = response.record as RecordJSON | undefined;
  if (!record) return response;
  const row = await RuleChangeSet.findByPk(record.id);
  if (!row) return response;
  const ids = (row.rules ?? []) as number[];
  const rules = await AuthorityRule.findAll({ where: { id: ids }, attributes: ['id', 'name'] });
  const names = new Map(rules.map((rule) => [rule.id, rule.name]));
  for (const key of Object.keys(record.params)) if (key.startsWith('rules.')) delete record.params[key];
  record.params.rules = ids.map((id) => names.get(id) ?? `已删除的规则 ${id}`).join('、');
  return response;
};

const sortNewestFirst = { sortBy: 'createdAt', direction: 'desc' } as const;

// A log's 操作 and 资源 filters are choices: the code chosen is matched exactly (资源「账单」 is not 「账单生成」).
for (const log of ['DecisionLog', 'AuditLog'])
  registerConditionFilters(log, {
    action: (value) => ({ action: value }),
    resource: (value) => ({ resource: value }),
  });

/** A log's action and resource are filtered by a Chinese choice list, and shown as the words the after hooks put in. */
const plainText = Components.PlainText;
/** The line's record by title, linked on its page (not a column: written by the after hooks). */
const logRecordProperty = {
  type: 'string' as const,
  isSortable: false,
  isVisible: { list: true, show: true, edit: false, filter: false },
  components: { show: Components.LogRecord },
};
/** Codes and raw JSON, folded under 技术信息 on the page. */
const technicalProperty = {
  type: 'string' as const,
  isVisible: { list: false, show: true, edit: false, filter: false },
  components: { show: Components.LogDetail },
};

export const governanceResources: ResourceWithOptions[] = [
  {
    resource: AuthorityRule,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'effect', 'actions', 'priority', 'enabled', 'clause', 'clauseNotice', 'updatedAt'],
      filterProperties: ['name', 'effect', 'enabled', 'positionClauseId', 'clauseChanged'],
      showProperties: [
        'name',
        'clauseNotice',
        'description',
        'effect',
        'actions',
        'conditions',
        'priority',
        'enabled',
        'clause',
        'positionClauseId',
        'builtIn',
        'editedByDirector',
        'version',
        'updatedById',
        'createdAt',
        'updatedAt',
      ],
      // The description is written from the rule itself on every change (说明 on the show page).
      editProperties: RULE_FIELDS.filter((field) => field !== 'description'),
      properties: {
        name: { isTitle: true },
        description: { type: 'textarea' },
        actions: { type: 'textarea', components: { show: Components.RuleConditionsShow } },
        conditions: { type: 'textarea', components: { show: Components.RuleConditionsShow } },
        clause: { type: 'textarea' },
        clauseNotice: { type: 'textarea', components: { list: Components.Warning, show: Components.Warning } },
        clauseChanged: { type: 'boolean', isVisible: { list: false, show: false, edit: false, filter: true } },
        builtIn: readOnly(),
        editedByDirector: readOnly(),
        version: readOnly(),
        updatedById: readOnly(),
      },
      // The system administrator cannot list rules: their menu entry opens the restore form instead.
      href: ({ currentAdmin, h }) =>
        decideFor(currentAdmin, 'AuthorityRule.list').allowed
          ? h.resourceUrl({ resourceId: 'AuthorityRule' })
          : decideFor(currentAdmin, RESTORE_ACTION).allowed
            ? h.resourceActionUrl({ resourceId: 'AuthorityRule', actionName: 'restore' })
            : '',
      actions: {
        restore: resourceWorkflowAction(restoreRuleManagement, {
          icon: 'RotateCcw',
          submit: '恢复',
          confirm:
            '把「管理权限规则」恢复为默认：管理处主任可以新建、修改、删除权限规则；挡住它的拒绝规则会被停用。其他规则不变。',
        }),
        // Saving makes a draft: nothing changes for anyone until the drafts are published.
        // The page shows the drafts and the checks; its form posts to the JSON API, the action's POST does the same.
        publish: { ...publishAction, component: Components.PendingChanges },
        history: {
          actionType: 'record',
          icon: 'Clock',
          component: Components.RuleHistory,
          // The page reads the rule's versions and diffs from the JSON API; opening it changes nothing.
          handler: async (_request, _response, context) => ({ record: context.record!.toJSON(context.currentAdmin) }),
        },
        whatIf: {
          actionType: 'resource',
          icon: 'HelpCircle',
          component: Components.WhatIf,
          // The page asks GET /api/authority/what-if itself; opening it only needs the decision.
          handler: async () => ({}),
        },
        matrix: {
          actionType: 'resource',
          icon: 'Grid',
          component: Components.AuthorityMatrix,
          // The page reads GET /api/authority/matrix itself; opening it only needs the decision.
          handler: async () => ({}),
        },
        discardDrafts: discardAction,
        reviewClause: reviewClauseAction,
        list: { after: [ruleJson, actionsInWords, clauseNoticeInWords] },
        show: { after: [ruleJson, ruleInWords, clauseNoticeInWords] },
        // The rule editor: who, which actions and when, in Chinese, with the rule as a sentence beside it.
        new: {
          before: [limitPayload(RULE_FIELDS)],
          handler: draftingHandler('new'),
          after: [ruleJson],
          component: Components.RuleEditor,
        },
        edit: {
          before: [limitPayload(RULE_FIELDS)],
          handler: draftingHandler('edit'),
          after: [ruleJson],
          component: Components.RuleEditor,
        },
        delete: { handler: draftingHandler('delete') },
        bulkDelete: { isAccessible: false },
      },
      sort: { sortBy: 'name', direction: 'asc' },
    },
  },
  {
    resource: RuleVersion,
    options: {
      navigation: navigation.organisation,
      listProperties: ['ruleId', 'version', 'changedById', 'changedAt', 'changeNote'],
      filterProperties: ['ruleId', 'changedById', 'changedAt'],
      showProperties: [
        'ruleId',
        'version',
        'snapshotInWords',
        'changedById',
        'changedAt',
        'changeNote',
        'createdAt',
        'snapshot',
      ],
      properties: {
        snapshot: { type: 'textarea', components: { show: Components.LogDetail } },
        snapshotInWords: { type: 'textarea', isVisible: { show: true, list: false, edit: false, filter: false } },
        changeNote: { type: 'textarea' },
      },
      actions: {
        ...readOnlyActions,
        list: { after: [versionJson] },
        show: { after: [versionJson, versionInWords] },
      },
      sort: { sortBy: 'changedAt', direction: 'desc' },
    },
  },
  {
    resource: RuleDraft,
    options: {
      navigation: navigation.organisation,
      listProperties: ['id', 'kind', 'ruleId', 'status', 'origin', 'needsReview', 'sourceNote', 'updatedAt'],
      filterProperties: ['status', 'needsReview', 'origin', 'kind', 'ruleId', 'createdById'],
      showProperties: [
        'kind',
        'ruleId',
        'status',
        'needsReview',
        'origin',
        'sourceNote',
        'proposed',
        'baseVersion',
        'createdById',
        'changeSetId',
        'updatedAt',
      ],
      properties: {
        proposed: { type: 'textarea' },
        sourceNote: { type: 'textarea' },
        origin: {
          availableValues: [
            { value: 'import', label: '导入' },
            { value: 'manual', label: '手工' },
          ],
        },
      },
      actions: {
        ...readOnlyActions,
        list: { after: [draftInWords] },
        show: { after: [draftInWords] },
        // 修改: the rule form (rule-editor.tsx) on the draft's rule; saving changes this draft and accepts it.
        edit: {
          before: [limitPayload(RULE_FIELDS)],
          handler: draftEditHandler,
          component: Components.RuleEditor,
        },
        accept: acceptDraftAction,
        discard: discardDraftAction,
      },
      sort: { sortBy: 'updatedAt', direction: 'desc' },
    },
  },
  {
    resource: RuleChangeSet,
    options: {
      navigation: navigation.organisation,
      listProperties: ['id', 'kind', 'note', 'publishedById', 'createdAt'],
      filterProperties: ['kind', 'publishedById', 'createdAt'],
      showProperties: ['kind', 'note', 'rules', 'publishedById', 'createdAt'],
      properties: { note: { type: 'textarea' }, rules: { type: 'textarea' } },
      actions: { ...readOnlyActions, list: { after: [changeSetJson] }, show: { after: [changeSetInWords] } },
      sort: sortNewestFirst,
    },
  },
  {
    resource: AuthorityTest,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'positionCode', 'staffId', 'action', 'expect', 'enabled'],
      filterProperties: ['action', 'positionCode', 'expect', 'enabled'],
      showProperties: [
        'name',
        'sentence',
        ...TEST_FIELDS.filter((field) => field !== 'name'),
        'sourceResource',
        'sourceRecordId',
        'updatedById',
        'updatedAt',
      ],
      editProperties: [...TEST_FIELDS],
      properties: {
        name: { isTitle: true },
        // The form writes JSON; its page says the test in words (测试内容) and folds the JSON under 技术信息.
        recordFacts: {
          type: 'textarea',
          description: '记录的字段与取值（JSON 格式）；一般请在“测试结果”页用“从真实记录新建测试”填写',
          components: { show: Components.LogDetail },
        },
        actorFacts: {
          type: 'textarea',
          description: '操作人的补充条件（JSON 格式），可不填',
          components: { show: Components.LogDetail },
        },
        sentence: { type: 'textarea', isVisible: { show: true, list: false, edit: false, filter: false } },
        clause: { type: 'textarea' },
        updatedById: readOnly(),
      },
      actions: {
        results: {
          actionType: 'resource',
          icon: 'CheckSquare',
          component: Components.TestResults,
          // The page reads GET /api/authority/tests itself; opening it only needs the decision.
          handler: async () => ({}),
        },
        list: { after: [testJson, testInWords] },
        show: { after: [testJson, testInWords, testSentenceOf] },
        new: { before: [limitPayload(TEST_FIELDS, { force: ['updatedById'] })], after: [testJson] },
        edit: { before: [limitPayload(TEST_FIELDS, { force: ['updatedById'] })], after: [testJson] },
      },
      sort: { sortBy: 'name', direction: 'asc' },
    },
  },
  {
    resource: DecisionLog,
    options: {
      navigation: navigation.organisation,
      listProperties: ['createdAt', 'staffId', 'action', 'record', 'allowed', 'effect', 'reason'],
      filterProperties: ['staffId', 'action', 'resource', 'allowed', 'createdAt'],
      showProperties: [
        'createdAt',
        'staffId',
        'action',
        'resource',
        'record',
        'allowed',
        'effect',
        'reason',
        'rules',
        'technical',
      ],
      properties: {
        action: { availableValues: actionChoices(), components: { list: plainText, show: plainText } },
        resource: { availableValues: resourceChoices(), components: { list: plainText, show: plainText } },
        record: logRecordProperty,
        reason: { type: 'textarea', components: { show: Components.DecisionReason } },
        rules: { type: 'textarea' },
        technical: technicalProperty,
      },
      actions: {
        ...readOnlyActions,
        list: { after: [decisionInWords] },
        show: { after: [decisionInWords] },
      },
      sort: sortNewestFirst,
    },
  },
  {
    resource: AuditLog,
    options: {
      navigation: navigation.organisation,
      listProperties: ['createdAt', 'staffId', 'action', 'record', 'changes', 'note'],
      filterProperties: ['staffId', 'action', 'resource', 'recordId', 'createdAt'],
      showProperties: ['createdAt', 'staffId', 'action', 'resource', 'record', 'changes', 'note', 'technical'],
      properties: {
        action: { availableValues: actionChoices(), components: { list: plainText, show: plainText } },
        resource: { availableValues: resourceChoices(), components: { list: plainText, show: plainText } },
        record: logRecordProperty,
        changes: { type: 'textarea', isSortable: false, components: { show: Components.AuditChanges } },
        note: { type: 'textarea' },
        technical: technicalProperty,
      },
      actions: { ...readOnlyActions, list: { after: [auditInWords] }, show: { after: [auditInWords] } },
      sort: sortNewestFirst,
    },
  },
];
