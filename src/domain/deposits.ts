// 收押金: the cashier collects an approved renovation's deposit and issues its receipt, in one transaction.
import { Owner, RenovationApplication, RenovationDeposit } from '../models/index.js';
import { NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { formatFen } from '../lib/money.js';
import { isBlank, isRecordId, parseFen, parseMethod } from './input.js';
import { issueReceipt } from './payments.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';

export interface DepositInput {
  applicationId?: unknown;
  amount?: unknown;
  method?: unknown;
  note?: unknown;
}

function parseInput(input: DepositInput) {
  const errors: Record<string, string> = {};
  if (isBlank(input.applicationId)) errors.applicationId = '请选择装修申请';
  else if (!isRecordId(input.applicationId)) errors.applicationId = '装修申请必须是记录编号';
  const amount = parseFen(input.amount, '押金金额', 1);
  if (amount.problem) errors.amount = amount.problem;
  const method = parseMethod(input.method, '收款方式', 'cash');
  if (method.problem) errors.method = method.problem;
  if (Object.keys(errors).length) throw new ValidationFailed(Object.values(errors)[0], errors);
  return {
    applicationId: Number(input.applicationId),
    amount: amount.fen!,
    method: method.method!,
    note: isBlank(input.note) ? null : String(input.note),
  };
}

export async function collectDeposit(
  actor: Actor | null,
  input: DepositInput,
  now = new Date(),
): Promise<RenovationDeposit> {
  const cashier = authorize(actor, 'RenovationDeposit.new');
  const data = parseInput(input);
  return inTransaction(async (transaction) => {
    const application = await RenovationApplication.findByPk(data.applicationId, {
      transaction,
      lock: transaction.LOCK.UPDATE,
    });
    if (!application) throw new NotFound('装修申请不存在');
    if (application.status !== 'approved') {
      throw new ValidationFailed('只有已核批的装修申请才能收取押金', { applicationId: '该申请尚未核批或已验收' });
    }
    const existing = await RenovationDeposit.findOne({ where: { applicationId: application.id }, transaction });
    if (existing)
      throw new ValidationFailed(`该申请已收取押金（${existing.number}），不能重复收取`, {
        applicationId: '该申请已收取押金',
      });
    const deposit = await RenovationDeposit.create(
      {
        applicationId: application.id,
        unitId: application.unitId,
        ownerId: application.ownerId,
        amount: data.amount,
        status: 'held',
        note: data.note,
      },
      { transaction },
    );
    const owner = await Owner.findByPk(application.ownerId, { transaction });
    const receipt = await issueReceipt(
      cashier.id,
      {
        kind: 'deposit',
        method: data.method,
        amount: data.amount,
        depositId: deposit.id,
        ownerId: application.ownerId,
        unitId: application.unitId,
        payerName: owner?.name ?? '业主',
      },
      now,
      transaction,
    );
    await deposit.update({ receiptPaymentId: receipt.id }, { transaction });
    await audit(
      {
        who: cashier,
        action: 'RenovationDeposit.new',
        recordId: deposit.id,
        changes: { status: [null, 'held'] },
        note: `收取装修押金 ${formatFen(data.amount)}，收据 ${receipt.receiptNumber}`,
      },
      transaction,
    );
    return deposit;
  });
}

export interface RefundInput {
  deduction?: unknown;
  method?: unknown;
  note?: unknown;
}

async function lockedDeposit(id: number, transaction: import('sequelize').Transaction) {
  const deposit = await RenovationDeposit.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
  if (!deposit) throw new NotFound('装修押金不存在');
  return deposit;
}

function settledAlready(deposit: RenovationDeposit): ValidationFailed | null {
  if (deposit.status === 'refunded') return new ValidationFailed('该押金已退还，不能重复退还');
  if (deposit.status === 'forfeited') return new ValidationFailed('该押金已没收，不能再办理');
  return null;
}

/**
 * 退押金: after the renovation passed inspection, the cashier refunds the deposit (less a deduction for damage),
 * writing exactly one `deposit_refund` receipt for the amount paid back. Left out, the deduction is zero.
 */
export async function refundDeposit(
  actor: Actor | null,
  depositId: number,
  input: RefundInput,
  now = new Date(),
): Promise<RenovationDeposit> {
  return inTransaction(async (transaction) => {
    const deposit = await lockedDeposit(depositId, transaction);
    // Exactly once: a second request finds the deposit settled, whoever sends it.
    const settled = settledAlready(deposit);
    if (settled) throw settled;
    const cashier = authorize(actor, 'RenovationDeposit.refund', deposit);
    if (deposit.inspectionResult !== 'passed') throw new ValidationFailed('装修验收合格后才能退还押金');
    const parsed = parseFen(isBlank(input.deduction) ? 0 : input.deduction, '扣款金额', 0);
    if (parsed.problem) throw new ValidationFailed(parsed.problem, { deduction: parsed.problem });
    const deduction = parsed.fen!;
    if (deduction > deposit.amount)
      throw new ValidationFailed(`扣款不能超过押金 ${formatFen(deposit.amount)}`, {
        deduction: `不能超过押金 ${formatFen(deposit.amount)}`,
      });
    const method = parseMethod(input.method, '退款方式', 'cash');
    if (method.problem) throw new ValidationFailed(method.problem, { method: method.problem });
    const refundedAmount = deposit.amount - deduction;
    const owner = await Owner.findByPk(deposit.ownerId, { transaction });
    const receipt =
      refundedAmount > 0
        ? await issueReceipt(
            cashier.id,
            {
              kind: 'deposit_refund',
              method: method.method!,
              amount: refundedAmount,
              depositId: deposit.id,
              ownerId: deposit.ownerId,
              unitId: deposit.unitId,
              payerName: owner?.name ?? '业主',
            },
            now,
            transaction,
          )
        : null;
    await deposit.update(
      {
        status: 'refunded',
        refundedAmount,
        deduction,
        refundPaymentId: receipt?.id ?? null,
        refundedAt: now,
        refundedById: cashier.id,
        note: isBlank(input.note) ? deposit.note : String(input.note),
      },
      { transaction },
    );
    await audit(
      {
        who: cashier,
        action: 'RenovationDeposit.refund',
        recordId: deposit.id,
        changes: { status: ['held', 'refunded'], refundedAmount: [0, refundedAmount], deduction: [0, deduction] },
        note: `退还押金 ${formatFen(refundedAmount)}${deduction ? `，扣款 ${formatFen(deduction)}` : ''}${receipt ? `，收据 ${receipt.receiptNumber}` : ''}`,
      },
      transaction,
    );
    return deposit;
  });
}

/** 没收押金: the renovation failed inspection; the deposit is kept, no money moves. */
export async function forfeitDeposit(
  actor: Actor | null,
  depositId: number,
  input: { note?: unknown },
  now = new Date(),
): Promise<RenovationDeposit> {
  return inTransaction(async (transaction) => {
    const deposit = await lockedDeposit(depositId, transaction);
    // Exactly once: a second request finds the deposit settled, whoever sends it.
    const settled = settledAlready(deposit);
    if (settled) throw settled;
    const cashier = authorize(actor, 'RenovationDeposit.forfeit', deposit);
    if (deposit.inspectionResult !== 'failed') throw new ValidationFailed('只有验收不合格的装修才能没收押金');
    await deposit.update(
      {
        status: 'forfeited',
        forfeitedAt: now,
        forfeitedById: cashier.id,
        note: isBlank(input.note) ? deposit.note : String(input.note),
      },
      { transaction },
    );
    await audit(
      {
        who: cashier,
        action: 'RenovationDeposit.forfeit',
        recordId: deposit.id,
        changes: { status: ['held', 'forfeited'] },
        note: `没收押金 ${formatFen(deposit.amount)}`,
      },
      transaction,
    );
    return deposit;
  });
}
