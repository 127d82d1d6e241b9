// 收费管理: bills, receipts (收据), cash reports, parking rentals, clubhouse charges.
// Money and workflow fields (amounts settled by payments, statuses, receipt numbers, who reviewed/verified/
// reconciled) change only through the use cases: the built-in forms write the fields listed here and
// refuse, in words, an edit that tries to change a locked one. Receipts and cash reports are never deleted.
// Billing runs (账单生成记录) are written by 生成月度账单 only and read here; a run is undone, never edited.
import type { ActionContext, ActionRequest, ResourceWithOptions } from 'adminjs';
import { Bill, BillingRun, CashReport, ClubhouseCharge, ParkingRental, Payment } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { limitPayload, refuseChanges } from '../payload.js';
import { createThrough } from '../use-case.js';
import { recordPayment } from '../../domain/payments.js';
import { money, readOnly } from '../properties.js';
import { resourceWorkflowAction, workflowAction } from '../use-case.js';
import { generateMonthlyBills, undoBillingRun } from '../../domain/billing-run.js';
import { reviewParkingRental, verifyClubhouseCharge } from '../../domain/office-transitions.js';
import { reconcileCashReport, submitCashReport, voidPayment } from '../../domain/cash-reports.js';

type Hook = (request: ActionRequest, context: ActionContext) => Promise<ActionRequest>;

/** The form never sends the clubhouse amount: it is quantity × unit price, written with them. */
const clubhouseAmount: Hook = async (request) => {
  if (request.method !== 'post' || !request.payload) return request;
  const quantity = Number(request.payload.quantity);
  const unitPrice = Number(request.payload.unitPrice);
  const payload = { ...request.payload };
  if (
    request.payload.quantity !== undefined &&
    request.payload.unitPrice !== undefined &&
    Number.isInteger(quantity) &&
    Number.isInteger(unitPrice)
  ) {
    payload.amount = quantity * unitPrice;
  } else {
    delete payload.amount;
  }
  return { ...request, payload };
};

const off = { isAccessible: false } as const;
const newestFirst = { sortBy: 'createdAt', direction: 'desc' } as const;

const BILL_NEW_FIELDS = ['unitId', 'ownerId', 'period', 'feeKind', 'description', 'amount', 'dueDate'] as const;
const BILL_EDIT_FIELDS = ['description', 'dueDate'] as const;
const PAYMENT_NEW_FIELDS = ['kind', 'method', 'amount', 'billId', 'ownerId', 'unitId', 'payerName'] as const;
const CASH_REPORT_NEW_FIELDS = ['reportDate', 'note'] as const;
const PARKING_FIELDS = [
  'ownerId',
  'unitId',
  'renterName',
  'renterPhone',
  'plateNumber',
  'spaceNumber',
  'startDate',
  'endDate',
  'monthlyRent',
] as const;
const CLUBHOUSE_FIELDS = ['item', 'customerName', 'ownerId', 'chargeDate', 'quantity', 'unitPrice', 'note'] as const;

export const feesResources: ResourceWithOptions[] = [
  {
    resource: Bill,
    options: {
      navigation: navigation.fees,
      listProperties: ['unitId', 'ownerId', 'period', 'feeKind', 'amount', 'paidAmount', 'status'],
      filterProperties: ['status', 'period', 'feeKind', 'unitId', 'ownerId', 'dueDate', 'billingRunId'],
      showProperties: [
        'description',
        'unitId',
        'ownerId',
        'period',
        'feeKind',
        'amount',
        'paidAmount',
        'status',
        'dueDate',
        'workOrderId',
        'billingKey',
        'billingRunId',
        'id',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...BILL_NEW_FIELDS],
      properties: {
        description: { isTitle: true },
        amount: money(),
        paidAmount: money({ isDisabled: true }),
        status: readOnly(),
        workOrderId: readOnly(),
        billingKey: readOnly(),
        billingRunId: readOnly(),
      },
      actions: {
        generate: resourceWorkflowAction(generateMonthlyBills, {
          icon: 'FilePlus',
          submit: '生成账单',
          fields: [{ name: 'period', label: '账期', type: 'text', placeholder: '例如 2026-12（留空为本月）' }],
        }),
        new: { before: [limitPayload(BILL_NEW_FIELDS)] },
        edit: {
          before: [
            refuseChanges({
              amount: '应收金额由收费流程确定，不能在此修改',
              unitId: '账单所属房屋不能修改',
              ownerId: '账单所属业主不能修改',
              period: '账期不能修改',
              feeKind: '收费项目不能修改',
            }),
            limitPayload(BILL_EDIT_FIELDS),
          ],
        },
      },
      sort: newestFirst,
    },
  },
  {
    resource: BillingRun,
    options: {
      navigation: navigation.fees,
      listProperties: ['period', 'ranAt', 'staffId', 'managementCount', 'parkingCount', 'skippedCount', 'status'],
      filterProperties: ['period', 'status', 'staffId', 'ranAt'],
      showProperties: [
        'title',
        'period',
        'status',
        'staffId',
        'ranAt',
        'managementCount',
        'parkingCount',
        'skippedCount',
        'undoneById',
        'undoneAt',
        'id',
        'createdAt',
        'updatedAt',
      ],
      properties: { title: { isTitle: true } },
      actions: {
        undo: workflowAction(undoBillingRun, {
          done: (run) => run.outcome ?? '已撤销本次账单生成',
          icon: 'RotateCcw',
          variant: 'danger',
          submit: '确认撤销',
          confirm:
            '将删除本次生成的全部账单，生成记录保留并标为已撤销。已开出收据（含已作废）或已计入催缴对象的账单不能撤销。撤销后可重新生成该月账单。',
        }),
        new: off,
        edit: off,
        delete: off,
        bulkDelete: off,
      },
      sort: { sortBy: 'ranAt', direction: 'desc' },
    },
  },
  {
    resource: Payment,
    options: {
      navigation: navigation.fees,
      listProperties: ['receiptNumber', 'paidAt', 'payerName', 'kind', 'method', 'amount', 'status'],
      filterProperties: ['receiptNumber', 'status', 'kind', 'method', 'cashierId', 'paidAt', 'cashReportId'],
      showProperties: [
        'receiptNumber',
        'status',
        'kind',
        'method',
        'amount',
        'payerName',
        'billId',
        'depositId',
        'ownerId',
        'unitId',
        'cashierId',
        'paidAt',
        'cashReportId',
        'voidedAt',
        'voidedById',
        'voidReason',
        'receiptYear',
        'receiptSequence',
        'id',
        'createdAt',
        'updatedAt',
      ],
      // `new` is the cashier's 收款: the receipt number is drawn on save and the cashier is the signed-in staff member.
      editProperties: [...PAYMENT_NEW_FIELDS],
      properties: {
        receiptNumber: { isTitle: true, isDisabled: true },
        receiptYear: readOnly(),
        receiptSequence: readOnly(),
        amount: money(),
        status: readOnly(),
        cashierId: readOnly(),
        cashReportId: readOnly(),
        depositId: readOnly(),
        paidAt: readOnly(),
        voidedAt: readOnly(),
        voidedById: readOnly(),
        voidReason: readOnly({ type: 'textarea' }),
      },
      actions: {
        void: workflowAction(voidPayment, {
          done: '收据已作废',
          icon: 'Slash',
          variant: 'danger',
          submit: '确认作废',
          fields: [{ name: 'voidReason', label: '作废原因', type: 'textarea' }],
          confirm: '作废后收据保留，账单恢复为未缴。',
        }),
        // 收款 settles the bill and issues the receipt in one transaction (src/domain/payments.ts).
        new: {
          before: [limitPayload(PAYMENT_NEW_FIELDS)],
          handler: createThrough(recordPayment, (payment) => `已收款，收据号 ${payment.receiptNumber}`),
        },
        // A receipt is never changed or deleted: a wrong one is voided (Payment.void) and a new one issued.
        edit: off,
        delete: off,
        bulkDelete: off,
      },
      sort: { sortBy: 'paidAt', direction: 'desc' },
    },
  },
  {
    resource: CashReport,
    options: {
      navigation: navigation.fees,
      listProperties: [
        'reportDate',
        'cashierId',
        'status',
        'receiptCount',
        'totalAmount',
        'cashAmount',
        'refundAmount',
      ],
      filterProperties: ['reportDate', 'cashierId', 'status', 'reconciledById'],
      showProperties: [
        'title',
        'reportDate',
        'cashierId',
        'status',
        'receiptCount',
        'totalAmount',
        'cashAmount',
        'cardAmount',
        'wechatAmount',
        'alipayAmount',
        'transferAmount',
        'refundAmount',
        'submittedAt',
        'reconciledById',
        'reconciledAt',
        'note',
        'id',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...CASH_REPORT_NEW_FIELDS],
      properties: {
        title: { isTitle: true },
        note: { type: 'textarea' },
        status: readOnly(),
        cashierId: readOnly(),
        receiptCount: readOnly(),
        totalAmount: money({ isDisabled: true }),
        cashAmount: money({ isDisabled: true }),
        cardAmount: money({ isDisabled: true }),
        wechatAmount: money({ isDisabled: true }),
        alipayAmount: money({ isDisabled: true }),
        transferAmount: money({ isDisabled: true }),
        refundAmount: money({ isDisabled: true }),
        submittedAt: readOnly(),
        reconciledById: readOnly(),
        reconciledAt: readOnly(),
      },
      actions: {
        submit: workflowAction(submitCashReport, {
          done: '日报表已提交',
          icon: 'Send',
          submit: '提交日报',
          confirm: '提交后当天不能再开收据或作废收据。',
        }),
        reconcile: workflowAction(reconcileCashReport, {
          done: '日报表已核对',
          icon: 'CheckSquare',
          submit: '核对无误',
        }),
        new: { before: [limitPayload(CASH_REPORT_NEW_FIELDS, { force: ['cashierId'] })] },
        edit: { before: [refuseChanges({ reportDate: '报表日期不能修改' }), limitPayload(['note'])] },
        delete: off,
        bulkDelete: off,
      },
      sort: { sortBy: 'reportDate', direction: 'desc' },
    },
  },
  {
    resource: ParkingRental,
    options: {
      navigation: navigation.fees,
      listProperties: ['plateNumber', 'spaceNumber', 'renterName', 'startDate', 'endDate', 'monthlyRent', 'status'],
      filterProperties: ['status', 'plateNumber', 'spaceNumber', 'ownerId', 'registeredById', 'startDate'],
      showProperties: [
        'plateNumber',
        'spaceNumber',
        'renterName',
        'renterPhone',
        'ownerId',
        'unitId',
        'startDate',
        'endDate',
        'monthlyRent',
        'status',
        'registeredById',
        'reviewedById',
        'reviewedAt',
        'reviewNote',
        'id',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...PARKING_FIELDS],
      properties: {
        plateNumber: { isTitle: true },
        monthlyRent: money(),
        status: readOnly(),
        registeredById: readOnly(),
        reviewedById: readOnly(),
        reviewedAt: readOnly(),
        reviewNote: readOnly({ type: 'textarea' }),
      },
      actions: {
        review: workflowAction(reviewParkingRental, {
          done: '已审核',
          icon: 'CheckSquare',
          submit: '提交审核结果',
          fields: [
            {
              name: 'decision',
              label: '审核结果',
              type: 'select',
              options: [
                { value: 'approved', label: '通过' },
                { value: 'rejected', label: '不通过' },
              ],
            },
            { name: 'reviewNote', label: '审核意见（不通过时必填）', type: 'textarea' },
          ],
        }),
        new: { before: [limitPayload(PARKING_FIELDS, { force: ['registeredById'] })] },
        edit: { before: [limitPayload(PARKING_FIELDS)] },
      },
      sort: newestFirst,
    },
  },
  {
    resource: ClubhouseCharge,
    options: {
      navigation: navigation.fees,
      listProperties: ['chargeDate', 'item', 'customerName', 'quantity', 'unitPrice', 'amount', 'status'],
      filterProperties: ['status', 'chargeDate', 'item', 'ownerId', 'recordedById'],
      showProperties: [
        'item',
        'customerName',
        'ownerId',
        'chargeDate',
        'quantity',
        'unitPrice',
        'amount',
        'status',
        'recordedById',
        'verifiedById',
        'verifiedAt',
        'note',
        'id',
        'createdAt',
        'updatedAt',
      ],
      // The amount is quantity × unit price, computed on save.
      editProperties: [...CLUBHOUSE_FIELDS, 'amount'],
      properties: {
        item: { isTitle: true },
        unitPrice: money(),
        amount: money({ isDisabled: true }),
        status: readOnly(),
        recordedById: readOnly(),
        verifiedById: readOnly(),
        verifiedAt: readOnly(),
        note: { type: 'textarea' },
      },
      actions: {
        verify: workflowAction(verifyClubhouseCharge, {
          done: '已校核',
          icon: 'CheckSquare',
          submit: '确认校核',
          fields: [{ name: 'note', label: '备注', type: 'textarea' }],
        }),
        new: { before: [limitPayload(CLUBHOUSE_FIELDS, { force: ['recordedById'] }), clubhouseAmount] },
        edit: { before: [limitPayload(CLUBHOUSE_FIELDS), clubhouseAmount] },
      },
      sort: { sortBy: 'chargeDate', direction: 'desc' },
    },
  },
];
