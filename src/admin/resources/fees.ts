// 收费管理: bills, receipts (收据), cash reports, clubhouse charges (parking spaces and rentals: parking.ts).
// Money and workflow fields (amounts settled by payments, statuses, receipt numbers, who reviewed/verified/
// reconciled) change only through the use cases: the built-in forms write the fields listed here and
// refuse, in words, an edit that tries to change a locked one. Receipts and cash reports are never deleted.
// Billing runs (账单生成记录) are written by 生成月度账单 only and read here; a run is undone, never edited.
import type { ActionContext, ActionRequest, RecordActionResponse, ResourceWithOptions } from 'adminjs';
import { Bill, BillingRun, CashReport, ClubhouseCharge, Payment } from '../../models/index.js';
import { Op, literal } from 'sequelize';
import { registerConditionFilters, shanghaiDayRange } from '../adapter.js';
import { isRecordId } from '../../domain/input.js';
import { navigation } from '../navigation.js';
import { limitPayload, refuseChanges } from '../payload.js';
import { createThrough } from '../use-case.js';
import { allocationsProperty, billCollectAction, withAllocations } from '../collect.js';
import { recordPayment } from '../../domain/payments.js';
import { money, readOnly } from '../properties.js';
import { resourceWorkflowAction, workflowAction } from '../use-case.js';
import { generateMonthlyBills, undoBillingRun } from '../../domain/billing-run.js';
import { verifyClubhouseCharge } from '../../domain/office-transitions.js';
import {
  reconcileCashReport,
  reopenCashReport,
  sendBackCashReport,
  submitCashReport,
  voidPayment,
} from '../../domain/cash-reports.js';
import { cashReportDetail } from '../../domain/cash-report-detail.js';
import { Components } from '../components/index.js';
import { printAction } from '../print/action.js';

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

/** A cash report's page carries its receipts, totals per method and checks as params.detail (JSON) for its component. */
const withCashReportDetail = async (response: RecordActionResponse): Promise<RecordActionResponse> => {
  const id = Number(response.record?.id);
  if (!response.record || !Number.isInteger(id)) return response;
  response.record.params = { ...response.record.params, detail: JSON.stringify(await cashReportDetail(id)) };
  return response;
};

const off = { isAccessible: false } as const;

const BILL_NEW_FIELDS = ['unitId', 'ownerId', 'period', 'feeKind', 'description', 'amount', 'dueDate'] as const;
const BILL_EDIT_FIELDS = ['description', 'dueDate'] as const;
const PAYMENT_NEW_FIELDS = ['kind', 'method', 'amount', 'billId', 'ownerId', 'unitId', 'payerName'] as const;
const CASH_REPORT_NEW_FIELDS = ['reportDate', 'note'] as const;
const CLUBHOUSE_FIELDS = ['item', 'customerName', 'ownerId', 'chargeDate', 'quantity', 'unitPrice', 'note'] as const;

registerConditionFilters('Payment', {
  // 房屋: a receipt of any bill of the room — through its allocations, or the one bill of an old receipt — or one
  // taken for the room itself (a deposit, a parking fee).
  unitId: (value) => {
    if (!isRecordId(value)) return { id: { [Op.in]: [] } };
    const unit = Number(value);
    const bills = `(SELECT "id" FROM "Bill" WHERE "unitId" = ${unit})`;
    return {
      [Op.or]: [
        { unitId: unit },
        { billId: { [Op.in]: literal(bills) } },
        { id: { [Op.in]: literal(`(SELECT "paymentId" FROM "PaymentAllocation" WHERE "billId" IN ${bills})`) } },
      ],
    };
  },
  paidDay: (_value, _now, raw) => shanghaiDayRange('paidAt', raw),
});

export const feesResources: ResourceWithOptions[] = [
  {
    resource: Bill,
    options: {
      navigation: navigation.fees,
      listProperties: ['unitId', 'ownerId', 'period', 'feeKind', 'amount', 'paidAmount', 'status'],
      filterProperties: ['open', 'status', 'period', 'feeKind', 'unitId', 'ownerId', 'dueDate', 'billingRunId'],
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
        'receipts',
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
        // An internal key (management:240:2026-12): on IT's screens only (admin/internal-codes.ts).
        billingKey: { ...readOnly(), components: { show: Components.InternalCode } },
        billingRunId: readOnly(),
        // Not columns: 未缴清 (a condition filter, see admin/collect.ts) and the receipts that paid the bill.
        open: { type: 'boolean', isVisible: { list: false, show: false, edit: false, filter: true } },
        receipts: allocationsProperty('receipts'),
      },
      actions: {
        // 收款 on a bill still owing opens its owner's 收款 with the bill ticked.
        collect: billCollectAction,
        show: { after: [withAllocations('receipts')] },
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
      // The latest period first, each period's bills by room (adapter THEN_BY).
      sort: { sortBy: 'period', direction: 'desc' },
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
      filterProperties: [
        'receiptNumber',
        'ownerId',
        'unitId',
        'payerName',
        'method',
        'paidDay',
        'status',
        'kind',
        'cashierId',
        'cashReportId',
      ],
      showProperties: [
        'receiptNumber',
        'status',
        'kind',
        'method',
        'amount',
        'payerName',
        'allocations',
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
        // The bill picker of 收款 offers bills still owing, oldest first, and fills in amount, owner and room.
        billId: { components: { edit: Components.BillPicker } },
        // Not a column: the bills the receipt paid and how much of it went to each (收据分摊).
        allocations: allocationsProperty('billsPaid'),
        // Not a column: 收款日期, a from–to range of Shanghai days on paidAt (a condition filter).
        paidDay: {
          type: 'date',
          isVisible: { list: false, show: false, filter: true, edit: false },
          components: { filter: Components.DayRangeFilter },
        },
      },
      actions: {
        show: { after: [withAllocations('billsPaid')] },
        print: printAction(),
        void: workflowAction(voidPayment, {
          done: '收据已作废',
          icon: 'Slash',
          variant: 'danger',
          submit: '确认作废',
          fields: [{ name: 'voidReason', label: '作废原因', type: 'textarea' }],
          confirm: '作废后收据保留，它缴付的每张账单恢复为缴费前的状态。',
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
        'detail',
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
        // Not a column: the receipts table, totals per method and checks, filled in by the show action.
        detail: {
          type: 'string',
          isVisible: { list: false, filter: false, edit: false, show: true },
          isSortable: false,
          components: { show: Components.CashReportDetail },
        },
      },
      actions: {
        show: { after: [withCashReportDetail] },
        print: printAction(),
        submit: workflowAction(submitCashReport, {
          done: '日报表已提交',
          icon: 'Send',
          submit: '提交日报',
          confirm: '提交后当天不能再开收据或作废收据；核对前可重新打开。',
        }),
        reopen: workflowAction(reopenCashReport, {
          done: '日报表已重新打开，当天的收据继续计入，收完后请再次提交',
          icon: 'RotateCcw',
          submit: '重新打开',
          fields: [
            { name: 'note', label: '原因（可不填）', type: 'textarea', placeholder: '例如：下班前又有业主来缴费' },
          ],
          confirm: '重新打开后当天可继续开收据、作废收据，收完后请再次提交日报。',
        }),
        reconcile: workflowAction(reconcileCashReport, {
          done: '日报表已核对',
          icon: 'CheckSquare',
          submit: '核对无误',
          fields: [{ name: 'note', label: '备注（可不填）', type: 'textarea' }],
          confirm: '核对无误后日报表即关闭，不能再更改。有差异请用“退回日报”。',
        }),
        sendBack: workflowAction(sendBackCashReport, {
          done: (report) => `日报表已退回收款人更正：${report.outcome ?? ''}`,
          icon: 'CornerUpLeft',
          variant: 'danger',
          submit: '退回更正',
          fields: [
            {
              name: 'differenceAmount',
              label: '差异金额',
              type: 'money',
              placeholder: '例如 -50 或 20.5',
              hint: '实收款减日报表金额：长款填正数，短款填负数（短款 50 元填 -50）；金额相符、仅明细不符填 0',
            },
            {
              name: 'note',
              label: '差异说明',
              type: 'textarea',
              placeholder: '哪张收据或哪种收款方式不符，应如何更正',
            },
          ],
          confirm: '退回后收款人作废重开有误的收据，再次提交后重新核对。',
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
