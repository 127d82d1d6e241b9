// 收款 where the money is: the owner's page takes one receipt for several of the owner's bills (Owner.collect); a room's
// page and a bill's page open it for their owner with their bills ticked (Unit.collect, Bill.collect). Receipts and
// bills show each other through their allocations (收据分摊).
import {
  NotFoundError,
  ValidationError,
  type ActionContext,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
  type RecordActionResponse,
} from 'adminjs';
import { collectFromOwner, collectedNotice } from '../domain/payments.js';
import { billsPaidBy, collectableBills, receiptsOf } from '../domain/collectable-bills.js';
import { BILL_STATUSES, PAYMENT_METHODS } from '../models/index.js';
import { feesZh } from '../vocabulary/fees.js';
import { actorOf, decideFor } from './access.js';
import { Components } from './components/index.js';
import { singleValues, toAdminError } from './use-case.js';
import { registerConditionFilters } from './adapter.js';

const paymentLabels = feesZh.Payment.properties as Record<string, string>;
const billLabels = feesZh.Bill.properties as Record<string, string>;

// 未缴清: the bill picker of 收款 asks for these only (filters.open=true), and the bill list can filter on it.
registerConditionFilters('Bill', {
  open: (value) =>
    value === 'true' ? { status: ['unpaid', 'partial'] } : value === 'false' ? { status: 'paid' } : null,
});

/**
 * Owner.collect. Opening it (GET) lists the owner's bills still owing, carried to the form as record.params.collectable
 * (JSON), because AdminJS hands an action's component only the record. POST issues the receipt and goes to it.
 */
const collectHandler: ActionHandler<RecordActionResponse> = async (request, _response, context) => {
  const { record, currentAdmin, h, resource } = context;
  if (!record) throw new NotFoundError('记录不存在', 'use case');
  const actor = actorOf(currentAdmin);
  const ownerId = Number(record.id());
  if (request.method !== 'post') {
    let bills;
    try {
      bills = await collectableBills(actor, ownerId);
    } catch (error) {
      throw toAdminError(error);
    }
    const json = record.toJSON(currentAdmin);
    return { record: { ...json, params: { ...json.params, collectable: JSON.stringify(bills) } } };
  }
  let receipt;
  try {
    receipt = await collectFromOwner(actor, ownerId, singleValues(request.payload));
  } catch (error) {
    throw toAdminError(error);
  }
  const receiptId = String(receipt.id);
  const mayShowReceipt = decideFor(currentAdmin, 'Payment.show', { params: receipt.get({ plain: true }) }).allowed;
  return {
    redirectUrl: mayShowReceipt
      ? h.recordActionUrl({ resourceId: 'Payment', recordId: receiptId, actionName: 'show' })
      : h.recordActionUrl({ resourceId: resource.id(), recordId: String(ownerId), actionName: 'show' }),
    notice: { message: collectedNotice(receipt), type: 'success' },
    record: record.toJSON(currentAdmin),
    receipt: { id: receipt.id, receiptNumber: receipt.receiptNumber, amount: receipt.amount },
  } as RecordActionResponse;
};

export const ownerCollectAction = {
  actionType: 'record' as const,
  icon: 'DollarSign',
  variant: 'primary' as const,
  component: Components.CollectForm,
  handler: collectHandler,
  custom: {
    // The inputs the form sends (CollectForm draws them itself): named here for whoever lists an action's inputs.
    fields: ['billIds', 'amount', 'method', 'tendered', 'payerName'].map((name) => ({ name })),
    methods: PAYMENT_METHODS.map((method) => ({ value: method, label: paymentLabels[`method.${method}`] })),
    statuses: Object.fromEntries(BILL_STATUSES.map((status) => [status, billLabels[`status.${status}`]])),
  },
};

/** A room's or a bill's 收款: opens its owner's 收款 with `query` (its bills ticked). Reading only, so a GET is enough. */
function openOwnerCollect(query: (context: ActionContext) => string) {
  return {
    actionType: 'record' as const,
    icon: 'DollarSign',
    component: false as const,
    handler: (async (_request: ActionRequest, _response: unknown, context: ActionContext) => {
      const { record, currentAdmin, h } = context;
      if (!record) throw new NotFoundError('记录不存在', 'use case');
      const ownerId = record.param('ownerId');
      if (!ownerId)
        throw new ValidationError(
          {},
          { message: '没有业主，不能在此收款；请在“收款收据”中新建收款', type: 'validation' },
        );
      const url = h.recordActionUrl({ resourceId: 'Owner', recordId: String(ownerId), actionName: 'collect' });
      return { record: record.toJSON(currentAdmin), redirectUrl: `${url}?${query(context)}` };
    }) as ActionHandler<ActionResponse>,
  };
}

export const billCollectAction = openOwnerCollect(({ record }) => `billIds=${record!.id()}`);
export const unitCollectAction = openOwnerCollect(({ record }) => `unitId=${record!.id()}`);

/** The show page of a receipt lists the bills it paid; a bill's, the receipts that paid it (as JSON for AllocationShow). */
export function withAllocations(kind: 'billsPaid' | 'receipts') {
  return async (response: RecordActionResponse): Promise<RecordActionResponse> => {
    const record = response.record;
    if (!record?.id) return response;
    const lines = kind === 'billsPaid' ? await billsPaidBy(Number(record.id)) : await receiptsOf(Number(record.id));
    const field = kind === 'billsPaid' ? 'allocations' : 'receipts';
    record.params = { ...record.params, [field]: JSON.stringify(lines) };
    return response;
  };
}

/** The property that shows a receipt's bills, or a bill's receipts, as a table. */
export function allocationsProperty(kind: 'billsPaid' | 'receipts') {
  return {
    type: 'string' as const,
    isVisible: { list: false, show: true, edit: false, filter: false },
    components: { show: Components.AllocationShow },
    custom:
      kind === 'billsPaid'
        ? { linksTo: 'Bill', heading: '账单', empty: '（不是账单收款）' }
        : { linksTo: 'Payment', heading: '收据号', empty: '（尚无收款）' },
  };
}
