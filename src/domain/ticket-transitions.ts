// 报事单 steps that only move the ticket on: the supervisor's approval, archiving, cancelling.
import { Ticket } from '../models/index.js';
import { requiredText, transitionTo } from './transition.js';

export const approveTicket = transitionTo({
  action: 'Ticket.supervisorApprove',
  model: Ticket,
  from: ['visited'],
  changes: (_row, actor, _input, now) => ({ status: 'approved', approvedAt: now, approvedById: actor.id }),
});

export const archiveTicket = transitionTo({
  action: 'Ticket.archive',
  model: Ticket,
  from: ['approved'],
  changes: (_row, actor, _input, now) => ({ status: 'archived', archivedAt: now, archivedById: actor.id }),
});

export const cancelTicket = transitionTo({
  action: 'Ticket.cancel',
  model: Ticket,
  from: ['reported', 'dispatched'],
  changes: (_row, _actor, input, now) => ({
    status: 'cancelled',
    cancelledAt: now,
    cancelReason: requiredText(input, 'cancelReason', '请写明取消原因'),
  }),
});
