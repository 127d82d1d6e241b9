// 前台服务: tickets and their dispatches and return visits, correspondence, notices.
// Workflow fields (status, its timestamps, who approved/archived, the spot-check link) change only through the
// use cases; the built-in forms write only the registration fields below (trap 17), whatever the payload holds.
import type { ActionContext, ResourceWithOptions } from 'adminjs';
import { Correspondence, Notice, ReturnVisit, Ticket, WorkOrder } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { limitPayload } from '../payload.js';
import { money, readOnly } from '../properties.js';
import { workflowAction } from '../use-case.js';
import { publishNotice, withdrawNotice } from '../../domain/office-transitions.js';
import { approveTicket, archiveTicket, cancelTicket } from '../../domain/ticket-transitions.js';

const TICKET_FIELDS = ['channel', 'category', 'title', 'description', 'reporterName', 'reporterPhone', 'unitId', 'ownerId', 'departmentId', 'dueAt'] as const;
/** Once dispatched, the handling department changes only by reassigning (its supervisor approves the ticket). */
const ticketEditFields = (context: ActionContext) =>
  context.record?.params?.status === 'reported' ? TICKET_FIELDS : TICKET_FIELDS.filter((f) => f !== 'departmentId');

const WORK_ORDER_FIELDS = ['ticketId', 'departmentId', 'assigneeId', 'dueAt', 'isPaidService', 'feeAmount', 'note'] as const;
const WORK_ORDER_EDIT_FIELDS = ['assigneeId', 'dueAt', 'isPaidService', 'feeAmount', 'note'] as const;
const RETURN_VISIT_FIELDS = ['ticketId', 'method', 'satisfaction', 'feedback'] as const;
const CORRESPONDENCE_FIELDS = ['kind', 'direction', 'occurredOn', 'party', 'subject', 'content', 'result', 'ownerId', 'handlerId'] as const;
const NOTICE_FIELDS = ['title', 'audience', 'content'] as const;

const sortNewestFirst = { sortBy: 'createdAt', direction: 'desc' } as const;

export const frontDeskResources: ResourceWithOptions[] = [
  {
    resource: Ticket,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['number', 'category', 'title', 'unitId', 'departmentId', 'status', 'dueAt'],
      filterProperties: ['number', 'status', 'category', 'departmentId', 'unitId', 'ownerId', 'dueAt', 'reportedAt'],
      showProperties: [
        'number', 'status', 'channel', 'category', 'title', 'description', 'reporterName', 'reporterPhone', 'unitId', 'ownerId',
        'departmentId', 'assigneeId', 'registeredById', 'reportedAt', 'dueAt', 'dispatchedAt', 'completedAt', 'result',
        'visitedAt', 'satisfaction', 'approvedAt', 'approvedById', 'archivedAt', 'archivedById', 'cancelledAt', 'cancelReason',
        'createdAt', 'updatedAt',
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
      },
      actions: {
        supervisorApprove: workflowAction(approveTicket, { done: '已审核通过', icon: 'CheckCircle', submit: '审核通过' }),
        archive: workflowAction(archiveTicket, { done: '已归档', icon: 'Archive', submit: '确认归档' }),
        cancel: workflowAction(cancelTicket, {
          done: '报事已取消', icon: 'XCircle', variant: 'danger', submit: '确认取消',
          fields: [{ name: 'cancelReason', label: '取消原因', type: 'textarea' }],
        }),
        new: { before: [limitPayload(TICKET_FIELDS, { force: ['registeredById'] })] },
        edit: { before: [limitPayload(ticketEditFields)] },
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
        'number', 'ticketId', 'status', 'departmentId', 'assigneeId', 'dispatchedById', 'dispatchedAt', 'dueAt',
        'isPaidService', 'feeAmount', 'note', 'completedAt', 'result', 'createdAt', 'updatedAt',
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
      },
      actions: {
        new: { before: [limitPayload(WORK_ORDER_FIELDS, { force: ['dispatchedById'] })] },
        edit: { before: [limitPayload(WORK_ORDER_EDIT_FIELDS)] },
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
        'label', 'ticketId', 'visitorId', 'visitedAt', 'method', 'satisfaction', 'feedback',
        'isSpotCheck', 'spotCheckOfId', 'finding', 'createdAt', 'updatedAt',
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
      showProperties: ['title', 'status', 'audience', 'content', 'authorId', 'publishedAt', 'withdrawnAt', 'createdAt', 'updatedAt'],
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
        publish: workflowAction(publishNotice, { done: '已发布', icon: 'Send', submit: '确认发布', confirm: '发布后所有人可见。' }),
        withdraw: workflowAction(withdrawNotice, { done: '已撤回', icon: 'CornerUpLeft', variant: 'danger', submit: '确认撤回' }),
        new: { before: [limitPayload(NOTICE_FIELDS, { force: ['authorId'] })] },
        edit: { before: [limitPayload(NOTICE_FIELDS)] },
      },
      sort: sortNewestFirst,
    },
  },
];
