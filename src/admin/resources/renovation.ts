// 装修管理: applications (front desk → engineering review → assistant's decision → inspection) and deposits.
// Workflow fields (status, who decided, inspection, refund amounts) change only through the use cases: AdminJS's
// forms would write whatever a request holds.
import type { ResourceWithOptions } from 'adminjs';
import { PAYMENT_METHODS, RenovationApplication, RenovationDeposit } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { fieldLabel } from '../locale/index.js';
import { createThrough, workflowAction } from '../use-case.js';
import { collectDeposit, forfeitDeposit, refundDeposit } from '../../domain/deposits.js';
import { formatFen } from '../../lib/money.js';
import { limitPayload, refuseChanges } from '../payload.js';
import { money, readOnly } from '../properties.js';
import {
  approveRenovation,
  inspectRenovation,
  rejectRenovation,
  reviewRenovation,
} from '../../domain/renovation-transitions.js';

const APPLICATION_FIELDS = [
  'unitId',
  'ownerId',
  'contractor',
  'contractorPhone',
  'scope',
  'startDate',
  'endDate',
] as const;

const PAYMENT_METHOD_OPTIONS = PAYMENT_METHODS.map((value) => ({
  value,
  label: fieldLabel('Payment', `method.${value}`),
}));

export const renovationResources: ResourceWithOptions[] = [
  {
    resource: RenovationApplication,
    options: {
      navigation: navigation.renovation,
      listProperties: ['number', 'unitId', 'ownerId', 'contractor', 'startDate', 'status', 'inspectionResult'],
      filterProperties: ['number', 'status', 'unitId', 'ownerId', 'startDate', 'inspectionResult'],
      showProperties: [
        'number',
        'status',
        'unitId',
        'ownerId',
        'contractor',
        'contractorPhone',
        'scope',
        'startDate',
        'endDate',
        'registeredById',
        'createdAt',
        'reviewOpinion',
        'reviewedById',
        'reviewedAt',
        'decisionNote',
        'decidedById',
        'decidedAt',
        'inspectionResult',
        'inspectionNote',
        'inspectedById',
        'inspectedAt',
        'updatedAt',
      ],
      editProperties: [...APPLICATION_FIELDS],
      properties: {
        number: { isTitle: true },
        scope: { type: 'textarea' },
        status: readOnly(),
        reviewOpinion: readOnly({ type: 'textarea' }),
        reviewedById: readOnly(),
        reviewedAt: readOnly(),
        decisionNote: readOnly({ type: 'textarea' }),
        decidedById: readOnly(),
        decidedAt: readOnly(),
        inspectionResult: readOnly(),
        inspectionNote: readOnly({ type: 'textarea' }),
        inspectedById: readOnly(),
        inspectedAt: readOnly(),
        registeredById: readOnly(),
      },
      actions: {
        review: workflowAction(reviewRenovation, {
          done: '工程审核已完成',
          icon: 'Tool',
          submit: '提交审核意见',
          fields: [{ name: 'reviewOpinion', label: '工程审核意见', type: 'textarea' }],
        }),
        approve: workflowAction(approveRenovation, {
          done: '已核批',
          icon: 'CheckCircle',
          submit: '核批',
          fields: [{ name: 'decisionNote', label: '核批意见', type: 'textarea' }],
        }),
        reject: workflowAction(rejectRenovation, {
          done: '已驳回',
          icon: 'XCircle',
          variant: 'danger',
          submit: '驳回',
          fields: [{ name: 'decisionNote', label: '驳回原因', type: 'textarea' }],
        }),
        inspect: workflowAction(inspectRenovation, {
          done: '验收结果已登记',
          icon: 'ClipboardCheck',
          submit: '登记验收结果',
          fields: [
            {
              name: 'inspectionResult',
              label: '验收结果',
              type: 'select',
              options: [
                { value: 'passed', label: '验收合格' },
                { value: 'failed', label: '验收不合格' },
              ],
            },
            { name: 'inspectionNote', label: '验收记录', type: 'textarea' },
          ],
        }),
        new: { before: [limitPayload(APPLICATION_FIELDS, { force: ['registeredById'] })] },
        edit: { before: [limitPayload(APPLICATION_FIELDS)] },
      },
      sort: { sortBy: 'createdAt', direction: 'desc' },
    },
  },
  {
    resource: RenovationDeposit,
    options: {
      navigation: navigation.renovation,
      listProperties: ['number', 'unitId', 'ownerId', 'amount', 'status', 'inspectionResult', 'refundedAmount'],
      filterProperties: ['number', 'status', 'inspectionResult', 'unitId', 'ownerId'],
      showProperties: [
        'number',
        'applicationId',
        'unitId',
        'ownerId',
        'amount',
        'status',
        'inspectionResult',
        'receiptPaymentId',
        'createdAt',
        'refundedAmount',
        'deduction',
        'refundPaymentId',
        'refundedAt',
        'refundedById',
        'forfeitedAt',
        'forfeitedById',
        'note',
        'updatedAt',
      ],
      // `new` is the cashier's collection: the use case also writes the receipt (Payment kind `deposit`).
      editProperties: ['applicationId', 'amount', 'method', 'note'],
      properties: {
        number: { isTitle: true },
        amount: money(),
        refundedAmount: money({ isDisabled: true }),
        deduction: money({ isDisabled: true }),
        note: { type: 'textarea' },
        status: readOnly(),
        inspectionResult: readOnly(),
        receiptPaymentId: readOnly(),
        refundPaymentId: readOnly(),
        refundedAt: readOnly(),
        refundedById: readOnly(),
        forfeitedAt: readOnly(),
        forfeitedById: readOnly(),
        unitId: readOnly(),
        ownerId: readOnly(),
        // Not a column: how the deposit was paid, written on its receipt.
        method: {
          type: 'string',
          availableValues: PAYMENT_METHOD_OPTIONS,
          isVisible: { list: false, filter: false, show: false, edit: true },
        },
      },
      actions: {
        // 收押金 writes the deposit and its receipt in one transaction (src/domain/deposits.ts).
        new: {
          before: [limitPayload(['applicationId', 'amount', 'method', 'note'])],
          handler: createThrough(collectDeposit, (deposit) => `已收取押金 ${deposit.number}`),
        },
        refund: workflowAction(refundDeposit, {
          done: (deposit) =>
            `已退还押金 ${formatFen(deposit.refundedAmount)}${deposit.deduction ? `（扣款 ${formatFen(deposit.deduction)}）` : ''}`,
          icon: 'RotateCcw',
          submit: '确认退还',
          fields: [
            { name: 'deduction', label: '扣款金额', type: 'money', hint: '押金 {amount}；不填则全额退还' },
            { name: 'method', label: '退款方式', type: 'select', options: PAYMENT_METHOD_OPTIONS },
            { name: 'note', label: '备注（扣款原因等）', type: 'textarea' },
          ],
        }),
        forfeit: workflowAction(forfeitDeposit, {
          done: (deposit) => `已没收押金 ${deposit.number}`,
          icon: 'Slash',
          variant: 'danger',
          submit: '确认没收',
          fields: [{ name: 'note', label: '没收原因', type: 'textarea' }],
          confirm: '验收不合格，押金将不予退还。',
        }),
        edit: {
          before: [
            refuseChanges({ amount: '押金金额在收取时确定，不能修改', applicationId: '押金所属的装修申请不能修改' }),
            limitPayload(['note']),
          ],
        },
      },
      sort: { sortBy: 'createdAt', direction: 'desc' },
    },
  },
];
