// A workflow step that only moves a record from one state to the next (and stamps who and when): checked
// against the state, decided by the authority core on the locked row, written once, audited.
import type { Model, ModelStatic, Transaction } from 'sequelize';
import { NotFound, ValidationFailed } from '../errors.js';
import { actionLabel } from '../rules/catalogue.js';
import type { Actor } from '../rules/actor.js';
import { inTransaction } from './transaction.js';
import { authorize } from './authorize.js';
import { audit } from './audit.js';
import { refuse } from './input.js';

export interface Transition<M extends Model> {
  /** The catalogued action, e.g. 'Notice.publish'. */
  action: string;
  model: ModelStatic<M>;
  /** The states it starts from; a record without a workflow state (an owner, a visit) leaves it out. */
  from?: readonly string[];
  /** The new values (status included), or a Chinese message when the input is not acceptable. */
  changes(row: M, actor: Actor, input: Record<string, unknown>, now: Date): Record<string, unknown>;
  /** A further condition on the record (e.g. a plan must have targets): a Chinese message when it fails. */
  check?(row: M, transaction: Transaction, input: Record<string, unknown>): Promise<string | null>;
  /**
   * What else the step writes, in the same transaction (e.g. the inspection result onto the deposit); it may say
   * what it did ("已加入 12 位…"), which goes into the audit note and comes back with the row (`outcome`) for the
   * notice shown to the person who took the step.
   */
  after?(row: M, transaction: Transaction, step: Step): Promise<string | void>;
  /** What the audit log says beyond the action's name (e.g. what the front desk urged). */
  note?(input: Record<string, unknown>): string | null;
}

/** The step being taken, for `after`: who, with what input, when. */
export interface Step {
  actor: Actor;
  input: Record<string, unknown>;
  now: Date;
}

/** The record as a step left it, with what the step's `after` said it did (undefined when it said nothing). */
export type Stepped<M extends Model> = M & { readonly outcome?: string };

export function transitionTo<M extends Model>(transition: Transition<M>) {
  const perform = (
    actor: Actor | null,
    id: number,
    input: Record<string, unknown>,
    now = new Date(),
  ): Promise<Stepped<M>> =>
    inTransaction(async (transaction) => {
      const row = await transition.model.findByPk(id, { transaction, lock: transaction.LOCK.UPDATE });
      if (!row) throw new NotFound();
      const label = actionLabel(transition.action);
      const status = String(row.get('status'));
      if (transition.from && !transition.from.includes(status))
        throw new ValidationFailed(`这条记录当前的状态不能${label}`);
      const who = authorize(actor, transition.action, row);
      const problem = transition.check ? await transition.check(row, transaction, input) : null;
      if (problem) throw new ValidationFailed(problem);
      const changes = transition.changes(row, who, input, now);
      const before = Object.fromEntries(Object.keys(changes).map((key) => [key, row.get(key) ?? null]));
      await row.update(changes, { transaction });
      const outcome =
        (transition.after ? await transition.after(row, transaction, { actor: who, input, now }) : undefined) ||
        undefined;
      const extra = transition.note?.(input) ?? outcome;
      await audit(
        {
          who,
          action: transition.action,
          recordId: id,
          changes: Object.fromEntries(
            Object.entries(changes).map(([key, value]) => [key, [before[key], value] as const]),
          ),
          note: extra ? `${label}：${extra}` : label,
        },
        transaction,
      );
      return Object.assign(row, { outcome });
    });
  // The spec rides along, so a test can walk every workflow step (e.g. each one refuses the wrong state).
  return Object.assign(perform, { transition });
}

export function requiredText(input: Record<string, unknown>, field: string, message: string): string {
  const value = String(input[field] ?? '').trim();
  if (value === '') refuse(field, message);
  return value;
}
