// The admin's rule forms make 规则草稿: saving a new rule, an edit or a deletion changes nothing for anyone until
// 管理处主任 publishes the pending drafts (with a note) — the same use cases as the JSON API.
import type { ActionContext, ActionHandler, ActionRequest, ActionResponse } from 'adminjs';
import { RuleDraft } from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { proposeDraft, discardDrafts } from '../domain/rule-drafts.js';
import { acceptDraft, discardDraft, reviewClauseNotice } from '../domain/imported-drafts.js';
import { publishDrafts } from '../domain/rule-publishing.js';
import { RULE_FIELDS, type RuleFields } from '../domain/rule-changes.js';
import { actorOf, decideFor } from './access.js';
import { resourceWorkflowAction, toAdminError, workflowAction } from './use-case.js';

/** The rule's fields as the form sent them (text is read by the rule checks); an empty 岗位条款 is none. */
function formFields(payload: Record<string, unknown> | undefined): RuleFields {
  const fields: Record<string, unknown> = {};
  for (const field of RULE_FIELDS) if (payload && field in payload) fields[field] = payload[field];
  if (fields.positionClauseId === '') fields.positionClauseId = null;
  return fields as RuleFields;
}

/** A draft's proposed rule as the form shows its fields (JSON as indented text). */
function formValues(proposed: Record<string, unknown> | null): Record<string, unknown> {
  if (!proposed) return {};
  return Object.fromEntries(
    Object.entries(proposed).map(([field, value]) => [
      field,
      value !== null && typeof value === 'object' ? JSON.stringify(value, null, 2) : value,
    ]),
  );
}

/** The fields of a rule's pending draft as the form shows them, or none. */
async function draftedFields(ruleId: number): Promise<Record<string, unknown>> {
  const pending = await RuleDraft.findOne({ where: { ruleId, status: 'pending', kind: 'change' } });
  return formValues((pending?.proposed ?? null) as Record<string, unknown> | null);
}

const draftNotice = (id: number, what: string) => `已保存为草稿（草稿 ${id}）：${what}。发布后才生效`;

async function draft(actor: Actor | null, input: Parameters<typeof proposeDraft>[1]) {
  try {
    return await proposeDraft(actor, input);
  } catch (error) {
    throw toAdminError(error);
  }
}

/** new, edit and delete of AuthorityRule: a draft instead of a write. */
export function draftingHandler(kind: 'new' | 'edit' | 'delete'): ActionHandler<ActionResponse> {
  const handler = async (request: ActionRequest, _response: unknown, context: ActionContext) => {
    const { record, currentAdmin } = context;
    if (request.method !== 'post') {
      if (!record) return {};
      const json = record.toJSON(currentAdmin);
      // The edit form starts from the pending draft, so a second edit adds to the first instead of undoing it.
      if (kind === 'edit') json.params = { ...json.params, ...(await draftedFields(Number(record.id()))) };
      return { record: json };
    }
    const actor = actorOf(currentAdmin);
    const made =
      kind === 'new'
        ? await draft(actor, { rule: formFields(request.payload) })
        : kind === 'edit'
          ? await draft(actor, { ruleId: record?.id(), rule: formFields(request.payload) })
          : await draft(actor, { ruleId: record?.id(), remove: true });
    const what = kind === 'new' ? '新建规则' : kind === 'edit' ? '修改规则' : '删除规则';
    return {
      // To the pending changes (the drafts in words and what the checks say) when this person may publish them.
      redirectUrl: afterDraft(context, made.id),
      notice: { message: draftNotice(made.id, what), type: 'success' },
      ...(record ? { record: record.toJSON(currentAdmin) } : {}),
    };
  };
  // The use case audits the draft itself.
  return Object.assign(handler, { auditsItself: true });
}

/** Where a saved draft leads: the pending changes for whoever may publish them, else the draft's page. */
function afterDraft(context: ActionContext, id: number): string {
  const { h, currentAdmin } = context;
  return decideFor(currentAdmin, 'AuthorityRule.publish').allowed
    ? h.resourceActionUrl({ resourceId: 'AuthorityRule', actionName: 'publish' })
    : h.recordActionUrl({ resourceId: 'RuleDraft', recordId: String(id), actionName: 'show' });
}

/**
 * 修改 of a 规则草稿: the rule form opens on the draft's rule (its fields in place of the draft's own), and saving
 * changes that draft — an imported one is then reviewed (no longer 待审核).
 */
export const draftEditHandler: ActionHandler<ActionResponse> = Object.assign(
  async (request: ActionRequest, _response: unknown, context: ActionContext) => {
    const { record, currentAdmin } = context;
    if (!record) return {};
    const id = Number(record.id());
    if (request.method !== 'post') {
      const row = await RuleDraft.findByPk(id);
      const json = record.toJSON(currentAdmin);
      const own = Object.fromEntries(Object.entries(json.params).filter(([key]) => !key.startsWith('proposed.')));
      json.params = { ...own, ...formValues((row?.proposed ?? null) as Record<string, unknown> | null) };
      return { record: json };
    }
    const made = await draft(actorOf(currentAdmin), { draftId: id, rule: formFields(request.payload) });
    return {
      redirectUrl: afterDraft(context, made.id),
      notice: { message: `已修改草稿 ${made.id}，已审核：在「发布规则变更」中发布后才生效`, type: 'success' },
      record: record.toJSON(currentAdmin),
    };
  },
  // The use case audits the change itself.
  { auditsItself: true },
);

/** 采纳: an imported draft, as it stands, joins the drafts the next 发布 publishes. */
export const acceptDraftAction = workflowAction((actor, id) => acceptDraft(actor, id), {
  icon: 'Check',
  variant: 'primary',
  submit: '采纳',
  confirm: '采纳这份导入的草稿：它不再是待审核，下次发布时与其他草稿一起生效。',
  done: (row) => `已采纳草稿 ${row.id}，发布后生效`,
});

/** 放弃 one draft: the rules stay as they are. */
export const discardDraftAction = workflowAction((actor, id) => discardDraft(actor, id), {
  icon: 'Trash2',
  variant: 'danger',
  submit: '放弃',
  confirm: '放弃这份草稿：它不会被发布，规则保持现状。',
  done: (row) => `已放弃草稿 ${row.id}`,
});

/** The rule stays as it is although its clause changed: the notice goes. */
export const reviewClauseAction = workflowAction((actor, id) => reviewClauseNotice(actor, id), {
  icon: 'CheckCircle',
  submit: '已复核',
  confirm:
    '确认已对照新的条款看过这条规则、不需要修改：「条款变动待复核」的提示将消失（记入操作日志）。需要修改的，请编辑规则并发布，提示会随发布消失。',
  done: (row) => `已复核「${row.name}」的条款变动`,
});

export const publishAction = resourceWorkflowAction(
  async (actor, payload) => {
    const result = await publishDrafts(actor, payload.note);
    const warned = result.warnings.length > 0 ? `。提醒：${result.warnings.join('；')}` : '';
    return `已发布规则变更 ${result.changeSet}，涉及 ${result.rules.length} 条规则，即刻生效${warned}`;
  },
  {
    icon: 'Send',
    variant: 'primary',
    submit: '发布',
    confirm:
      '发布所有待发布的草稿（导入的待审核草稿除外）：先检查规则是否有误、是否会让人无法再管理规则、权限测试是否全部通过；有一项不通过就不会发布。',
    fields: [{ name: 'note', label: '变更说明', type: 'textarea', hint: '为什么改，将记入规则变更和每条规则的版本' }],
  },
);

export const discardAction = resourceWorkflowAction(async (actor) => `已放弃 ${await discardDrafts(actor)} 份草稿`, {
  icon: 'Trash2',
  variant: 'danger',
  submit: '放弃',
  confirm: '放弃所有待发布的草稿，规则保持现状。导入的待审核草稿不在其中：请逐份采纳、修改或放弃。',
});
