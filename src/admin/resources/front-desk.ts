// 前台服务: tickets and their dispatches and return visits, correspondence, notices.
// Workflow fields (status, its timestamps, who approved/archived, the spot-check link) change only through the
// use cases; the built-in forms write only the registration fields below, whatever the payload holds.
import {
  ValidationError,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type RecordJSON,
  type ResourceWithOptions,
} from 'adminjs';
import { Op, literal } from 'sequelize';
import { isPostgres, sequelize } from '../../db.js';
import { isTicketOverdue, overdueTicketWhere } from '../../models/ticket.js';
import { containsText, registerConditionFilters } from '../adapter.js';
import { Components } from '../components/index.js';
import { Correspondence, Notice, ReturnVisit, Staff, Ticket, WorkOrder } from '../../models/index.js';
import { isRecordId } from '../../domain/input.js';
import { navigation } from '../navigation.js';
import { limitPayload } from '../payload.js';
import { money, readOnly } from '../properties.js';
import { workflowAction } from '../use-case.js';
import { publishNotice, withdrawNotice } from '../../domain/office-transitions.js';
import { approveTicket, archiveTicket, cancelTicket } from '../../domain/ticket-transitions.js';
import {
  completeTicket,
  dispatchTicket,
  reassignTicket,
  returnVisitTicket,
  sendBackTicket,
  spotCheckVisit,
  urgeTicket,
} from '../../domain/ticket-work.js';
import type { FormField } from '../use-case.js';
import { printAction } from '../print/action.js';

const TICKET_FIELDS = [
  'channel',
  'category',
  'title',
  'description',
  'reporterName',
  'reporterPhone',
  'unitId',
  'ownerId',
  'departmentId',
  'dueAt',
] as const;
/** Once dispatched, the handling department changes only by reassigning (its supervisor approves the ticket). */
const ticketEditFields = (context: ActionContext) =>
  context.record?.params?.status === 'reported' ? TICKET_FIELDS : TICKET_FIELDS.filter((f) => f !== 'departmentId');

const WORK_ORDER_FIELDS = [
  'ticketId',
  'departmentId',
  'assigneeId',
  'dueAt',
  'isPaidService',
  'feeAmount',
  'note',
] as const;
const WORK_ORDER_EDIT_FIELDS = ['assigneeId', 'dueAt', 'isPaidService', 'feeAmount', 'note'] as const;
const RETURN_VISIT_FIELDS = ['ticketId', 'method', 'satisfaction', 'feedback'] as const;
const CORRESPONDENCE_FIELDS = [
  'kind',
  'direction',
  'occurredOn',
  'party',
  'subject',
  'content',
  'result',
  'ownerId',
  'handlerId',
] as const;
const NOTICE_FIELDS = ['title', 'audience', 'content'] as const;

const DUE_AT: FormField = {
  name: 'dueAt',
  label: '要求完成时间',
  type: 'text',
  placeholder: '例如 2026-11-28 17:00（留空按报事单的时限）',
};
const SATISFACTION: FormField = {
  name: 'satisfaction',
  label: '满意度',
  type: 'select',
  options: [
    ['5', '5 非常满意'],
    ['4', '4 满意'],
    ['3', '3 一般'],
    ['2', '2 不满意'],
    ['1', '1 非常不满意'],
  ].map(([value, label]) => ({ value, label })),
};
const METHOD: FormField = {
  name: 'method',
  label: '回访方式',
  type: 'select',
  options: [
    { value: 'phone', label: '电话' },
    { value: 'visit', label: '上门' },
  ],
};

/** A handler picked among the enabled staff of the department chosen above it on the form (the use case checks it too). */
export const handlerField = (name: string, label: string): FormField => ({
  name,
  label,
  type: 'reference',
  reference: 'Staff',
  dependsOn: { departmentId: 'departmentId' },
  filters: { enabled: 'true' },
  waitText: '先选择处理部门',
  emptyText: '该部门还没有员工',
});

registerConditionFilters('Ticket', {
  overdue: (value, now) => (value === 'true' ? overdueTicketWhere(now) : { [Op.not]: overdueTicketWhere(now) }),
  // 报事人/电话: one box for the caller — the name or phone given on the call, or the linked owner's name or phones.
  caller: (value) => {
    if (!value.trim()) return null;
    const text = sequelize.escape(`%${value.trim()}%`);
    const like = isPostgres ? 'ILIKE' : 'LIKE';
    const owners = `(SELECT "id" FROM "Owner" WHERE "name" ${like} ${text} OR "phone" ${like} ${text} OR "altPhone" ${like} ${text})`;
    return {
      [Op.or]: [
        containsText('reporterName', value),
        containsText('reporterPhone', value),
        { ownerId: { [Op.in]: literal(owners) } },
      ],
    };
  },
});

/**
 * A work order's handler, when one is named, is an enabled member of its department — as 派工 checks it — whatever
 * the built-in form sent.
 */
export async function handlerInDepartment(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  const assignee = request.payload?.assigneeId;
  if (request.method !== 'post' || assignee === undefined || assignee === null || assignee === '') return request;
  const departmentId = request.payload?.departmentId ?? context.record?.params?.departmentId;
  const person = isRecordId(assignee) ? await Staff.findByPk(Number(assignee)) : null;
  const message = !person?.enabled
    ? '处理人不存在或已停用'
    : String(person.departmentId) !== String(departmentId)
      ? '处理人不属于所选的处理部门'
      : null;
  if (message)
    throw new ValidationError({ assigneeId: { message, type: 'validation' } }, { message, type: 'validation' });
  return request;
}

/** A registered ticket opens on its own page, where the next step (派工) is one click away. */
async function showRegistered(
  response: ActionResponse,
  request: { method: string },
  context: ActionContext,
): Promise<ActionResponse> {
  const id = response.record?.id;
  if (request.method === 'post' && id && !Object.keys(response.record?.errors ?? {}).length) {
    response.redirectUrl = context.h.recordActionUrl({
      resourceId: 'Ticket',
      recordId: String(id),
      actionName: 'show',
    });
  }
  return response;
}

/** 逾期 on each listed or shown ticket (open and past its due time). */
async function markOverdue(response: ActionResponse): Promise<ActionResponse> {
  const now = new Date();
  for (const record of [...(response.records ?? []), ...(response.record ? [response.record] : [])] as RecordJSON[]) {
    const { status, dueAt } = record.params as { status: never; dueAt: Date };
    record.params.overdue = Boolean(dueAt) && isTicketOverdue({ status, dueAt }, now);
  }
  return response;
}

const sortNewestFirst = { sortBy: 'createdAt', direction: 'desc' } as const;

export const frontDeskResources: ResourceWithOptions[] = [
  {
    resource: Ticket,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['number', 'category', 'title', 'unitId', 'departmentId', 'status', 'dueAt', 'overdue'],
      filterProperties: [
        'number',
        'caller',
        'status',
        'overdue',
        'category',
        'departmentId',
        'unitId',
        'ownerId',
        'dueAt',
        'reportedAt',
      ],
      showProperties: [
        'number',
        'status',
        'overdue',
        'channel',
        'category',
        'title',
        'description',
        'reporterName',
        'reporterPhone',
        'unitId',
        'ownerId',
        'departmentId',
        'assigneeId',
        'registeredById',
        'reportedAt',
        'dueAt',
        'dispatchedAt',
        'completedAt',
        'result',
        'visitedAt',
        'satisfaction',
        'approvedAt',
        'approvedById',
        'archivedAt',
        'archivedById',
        'cancelledAt',
        'cancelReason',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...TICKET_FIELDS],
      properties: {
        number: readOnly({ isTitle: true }),
        description: { type: 'textarea' },
        status: readOnly(),
        assigneeId: readOnly(),
        registeredById: readOnly(),
        reportedAt: readOnly(),
        dispatchedAt: readOnly(),
        completedAt: readOnly(),
        visitedAt: readOnly(),
        approvedAt: readOnly(),
        approvedById: readOnly(),
        archivedAt: readOnly(),
        archivedById: readOnly(),
        cancelledAt: readOnly(),
        cancelReason: readOnly(),
        result: readOnly({ type: 'textarea' }),
        satisfaction: readOnly(),
        // The room's owner or nobody (models/ticket.ts): the picker offers the owner of the room chosen above it.
        ownerId: { components: { edit: Components.TicketOwnerEdit } },
        // Not a column: 报事人/电话 matches the caller's name and phone and the linked owner's (a condition filter).
        caller: { type: 'string', isVisible: { list: false, show: false, filter: true, edit: false } },
        overdue: {
          type: 'boolean',
          isVisible: { list: true, show: true, filter: true, edit: false },
          components: { list: Components.OverdueBadge, show: Components.OverdueBadge },
        },
      },
      actions: {
        dispatch: workflowAction(dispatchTicket, {
          done: '已派工',
          icon: 'Send',
          submit: '派工',
          fields: [
            { name: 'departmentId', label: '处理部门', type: 'reference', reference: 'Department', prefill: true },
            handlerField('assigneeId', '处理人（可不填，由部门安排）'),
            DUE_AT,
            {
              name: 'isPaidService',
              label: '有偿服务',
              type: 'select',
              options: [
                { value: 'false', label: '否' },
                { value: 'true', label: '是（完成后向房屋收取服务费）' },
              ],
            },
            { name: 'feeAmount', label: '服务费', type: 'money' },
            { name: 'note', label: '派工说明', type: 'textarea' },
          ],
        }),
        urge: workflowAction(urgeTicket, {
          done: '已督促',
          icon: 'Bell',
          submit: '记录督促',
          fields: [{ name: 'note', label: '督促内容', type: 'textarea' }],
        }),
        reassign: workflowAction(reassignTicket, {
          done: '已改派',
          icon: 'Shuffle',
          submit: '改派',
          fields: [
            { name: 'departmentId', label: '新的处理部门', type: 'reference', reference: 'Department', prefill: true },
            handlerField('assigneeId', '新的处理人（可不填）'),
            DUE_AT,
            { name: 'reason', label: '改派原因', type: 'textarea' },
          ],
        }),
        complete: workflowAction(completeTicket, {
          done: '已完成处理',
          icon: 'CheckSquare',
          submit: '完成处理',
          fields: [
            { name: 'result', label: '处理结果', type: 'textarea' },
            { name: 'feeAmount', label: '服务费（有偿服务；留空按派工单）', type: 'money' },
          ],
        }),
        returnVisit: workflowAction(returnVisitTicket, {
          done: '回访已记录',
          icon: 'PhoneCall',
          submit: '记录回访',
          fields: [METHOD, SATISFACTION, { name: 'feedback', label: '业主意见', type: 'textarea' }],
        }),
        sendBack: workflowAction(sendBackTicket, {
          done: '已退回重办',
          icon: 'CornerUpLeft',
          variant: 'danger',
          submit: '退回重办',
          fields: [{ name: 'reason', label: '退回原因', type: 'textarea' }],
        }),
        supervisorApprove: workflowAction(approveTicket, {
          done: '已审核通过',
          icon: 'CheckCircle',
          submit: '审核通过',
        }),
        archive: workflowAction(archiveTicket, { done: '已归档', icon: 'Archive', submit: '确认归档' }),
        cancel: workflowAction(cancelTicket, {
          done: '报事已取消',
          icon: 'XCircle',
          variant: 'danger',
          submit: '确认取消',
          fields: [{ name: 'cancelReason', label: '取消原因', type: 'textarea' }],
        }),
        new: { before: [limitPayload(TICKET_FIELDS, { force: ['registeredById'] })], after: [showRegistered] },
        edit: { before: [limitPayload(ticketEditFields)] },
        list: { after: [markOverdue] },
        show: { after: [markOverdue] },
      },
      sort: sortNewestFirst,
    },
  },
  {
    resource: WorkOrder,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['number', 'ticketId', 'departmentId', 'assigneeId', 'status', 'dueAt', 'feeAmount'],
      filterProperties: ['number', 'ticketId', 'status', 'departmentId', 'assigneeId', 'dueAt', 'dispatchedAt'],
      showProperties: [
        'number',
        'ticketId',
        'status',
        'departmentId',
        'assigneeId',
        'dispatchedById',
        'dispatchedAt',
        'dueAt',
        'isPaidService',
        'feeAmount',
        'note',
        'completedAt',
        'result',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...WORK_ORDER_FIELDS],
      properties: {
        number: readOnly({ isTitle: true }),
        feeAmount: money(),
        note: { type: 'textarea' },
        status: readOnly(),
        dispatchedById: readOnly(),
        dispatchedAt: readOnly(),
        completedAt: readOnly(),
        result: readOnly({ type: 'textarea' }),
        // Offers only the enabled staff of the department chosen above it.
        assigneeId: { components: { edit: Components.DepartmentStaffEdit } },
      },
      actions: {
        new: { before: [limitPayload(WORK_ORDER_FIELDS, { force: ['dispatchedById'] }), handlerInDepartment] },
        edit: { before: [limitPayload(WORK_ORDER_EDIT_FIELDS), handlerInDepartment] },
        print: printAction(),
      },
      sort: sortNewestFirst,
    },
  },
  {
    resource: ReturnVisit,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['label', 'ticketId', 'visitorId', 'method', 'satisfaction', 'isSpotCheck', 'visitedAt'],
      filterProperties: ['ticketId', 'visitorId', 'isSpotCheck', 'spotCheckOfId', 'visitedAt'],
      showProperties: [
        'label',
        'ticketId',
        'visitorId',
        'visitedAt',
        'method',
        'satisfaction',
        'feedback',
        'isSpotCheck',
        'spotCheckOfId',
        'finding',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...RETURN_VISIT_FIELDS],
      properties: {
        label: readOnly({ isTitle: true }),
        feedback: { type: 'textarea' },
        visitorId: readOnly(),
        visitedAt: readOnly(),
        isSpotCheck: readOnly(),
        spotCheckOfId: readOnly(),
        finding: readOnly({ type: 'textarea' }),
      },
      actions: {
        spotCheck: workflowAction(spotCheckVisit, {
          done: '抽查已记录',
          icon: 'Search',
          submit: '记录抽查',
          fields: [
            METHOD,
            SATISFACTION,
            { name: 'finding', label: '抽查结果', type: 'textarea' },
            { name: 'feedback', label: '业主意见', type: 'textarea' },
          ],
        }),
        new: { before: [limitPayload(RETURN_VISIT_FIELDS, { force: ['visitorId'] })] },
        // A visit's ticket is fixed once recorded.
        edit: { before: [limitPayload(RETURN_VISIT_FIELDS.filter((f) => f !== 'ticketId'))] },
      },
      sort: { sortBy: 'visitedAt', direction: 'desc' },
    },
  },
  {
    resource: Correspondence,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['occurredOn', 'kind', 'direction', 'party', 'subject', 'handlerId', 'ownerId'],
      filterProperties: ['kind', 'direction', 'occurredOn', 'party', 'handlerId', 'ownerId'],
      showProperties: [...CORRESPONDENCE_FIELDS, 'id', 'createdAt', 'updatedAt'],
      editProperties: [...CORRESPONDENCE_FIELDS],
      properties: {
        subject: { isTitle: true },
        content: { type: 'textarea' },
        result: { type: 'textarea' },
      },
      actions: {
        new: { before: [limitPayload(CORRESPONDENCE_FIELDS, { fallback: ['handlerId'] })] },
        edit: { before: [limitPayload(CORRESPONDENCE_FIELDS)] },
      },
      sort: { sortBy: 'occurredOn', direction: 'desc' },
    },
  },
  {
    resource: Notice,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['title', 'status', 'audience', 'authorId', 'publishedAt', 'withdrawnAt'],
      filterProperties: ['title', 'status', 'authorId', 'publishedAt'],
      showProperties: [
        'title',
        'status',
        'audience',
        'content',
        'authorId',
        'publishedAt',
        'withdrawnAt',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...NOTICE_FIELDS],
      properties: {
        title: { isTitle: true },
        content: { type: 'textarea' },
        status: readOnly(),
        authorId: readOnly(),
        publishedAt: readOnly(),
        withdrawnAt: readOnly(),
      },
      actions: {
        publish: workflowAction(publishNotice, {
          done: '已发布',
          icon: 'Send',
          submit: '确认发布',
          confirm: '发布后所有人可见。',
        }),
        withdraw: workflowAction(withdrawNotice, {
          done: '已撤回',
          icon: 'CornerUpLeft',
          variant: 'danger',
          submit: '确认撤回',
        }),
        new: { before: [limitPayload(NOTICE_FIELDS, { force: ['authorId'] })] },
        edit: { before: [limitPayload(NOTICE_FIELDS)] },
      },
      sort: sortNewestFirst,
    },
  },
];
