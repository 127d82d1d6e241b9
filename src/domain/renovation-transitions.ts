// 装修申请: engineering review, the assistant's approval or rejection, and the inspection (验收), whose result the
// deposit carries so its refund rule can read it.
import { RenovationApplication, RenovationDeposit } from '../models/index.js';
import { ValidationFailed } from '../errors.js';
import { requiredText, transitionTo } from './transition.js';

export const reviewRenovation = transitionTo({
  action: 'RenovationApplication.review',
  model: RenovationApplication,
  from: ['submitted'],
  changes: (_row, actor, input, now) => ({
    status: 'reviewed',
    reviewOpinion: requiredText(input, 'reviewOpinion', '请填写工程审核意见'),
    reviewedById: actor.id,
    reviewedAt: now,
  }),
});

export const approveRenovation = transitionTo({
  action: 'RenovationApplication.approve',
  model: RenovationApplication,
  from: ['reviewed'],
  changes: (row, actor, input, now) => ({
    status: 'approved',
    decidedById: actor.id,
    decidedAt: now,
    decisionNote: String(input.decisionNote ?? '').trim() || row.decisionNote,
  }),
});

export const rejectRenovation = transitionTo({
  action: 'RenovationApplication.reject',
  model: RenovationApplication,
  from: ['reviewed'],
  changes: (_row, actor, input, now) => ({
    status: 'rejected',
    decidedById: actor.id,
    decidedAt: now,
    decisionNote: requiredText(input, 'decisionNote', '驳回时请写明原因'),
  }),
});

export const inspectRenovation = transitionTo({
  action: 'RenovationApplication.inspect',
  model: RenovationApplication,
  from: ['approved'],
  changes: (_row, actor, input, now) => {
    const result = String(input.inspectionResult ?? '');
    if (result !== 'passed' && result !== 'failed')
      throw new ValidationFailed('请选择验收结果：合格或不合格', { inspectionResult: '请选择验收结果' });
    return {
      status: 'inspected',
      inspectionResult: result,
      inspectedById: actor.id,
      inspectedAt: now,
      inspectionNote: String(input.inspectionNote ?? '').trim() || null,
    };
  },
  after: async (row, transaction) => {
    await RenovationDeposit.update(
      { inspectionResult: row.inspectionResult },
      { where: { applicationId: row.id, status: 'held' }, transaction },
    );
  },
});
