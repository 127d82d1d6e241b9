// The plain state changes of notices, clubhouse charges, parking rentals, dunning plans and surveys.
import { ClubhouseCharge, DunningPlan, DunningTarget, Notice, ParkingRental, Survey } from '../models/index.js';
import { ValidationFailed } from '../errors.js';
import { requiredText, transitionTo } from './transition.js';
import { assertSpaceFree } from './parking.js';

export const publishNotice = transitionTo({
  action: 'Notice.publish',
  model: Notice,
  from: ['draft'],
  changes: (_row, _actor, _input, now) => ({ status: 'published', publishedAt: now }),
});

export const withdrawNotice = transitionTo({
  action: 'Notice.withdraw',
  model: Notice,
  from: ['published'],
  changes: (_row, _actor, _input, now) => ({ status: 'withdrawn', withdrawnAt: now }),
});

export const verifyClubhouseCharge = transitionTo({
  action: 'ClubhouseCharge.verify',
  model: ClubhouseCharge,
  from: ['pending'],
  changes: (row, actor, input, now) => ({
    status: 'verified',
    verifiedById: actor.id,
    verifiedAt: now,
    note: String(input.note ?? '').trim() || row.note,
  }),
});

/** 审核车位租赁: approving lets the space, so the space must still be free over the rental's dates (locked first). */
export const reviewParkingRental = transitionTo({
  action: 'ParkingRental.review',
  model: ParkingRental,
  from: ['pending'],
  check: async (row, transaction, input) => {
    if (String(input.decision ?? '') === 'approved')
      await assertSpaceFree(row.spaceId, row.startDate, row.endDate, row.id, transaction);
    return null;
  },
  changes: (_row, actor, input, now) => {
    const decision = String(input.decision ?? '');
    if (decision !== 'approved' && decision !== 'rejected')
      throw new ValidationFailed('请选择审核结果：通过或不通过', { decision: '请选择审核结果' });
    const reviewNote =
      decision === 'rejected'
        ? requiredText(input, 'reviewNote', '不通过时请写明原因')
        : String(input.reviewNote ?? '').trim() || null;
    return { status: decision, reviewedById: actor.id, reviewedAt: now, reviewNote };
  },
});

export const startDunningPlan = transitionTo({
  action: 'DunningPlan.start',
  model: DunningPlan,
  from: ['draft'],
  check: async (row, transaction) =>
    (await DunningTarget.count({ where: { planId: row.id }, transaction })) > 0
      ? null
      : '催缴计划至少要有一个催缴对象才能开始',
  changes: (_row, actor, _input, now) => ({ status: 'started', startedById: actor.id, startedAt: now }),
});

export const closeDunningPlan = transitionTo({
  action: 'DunningPlan.close',
  model: DunningPlan,
  from: ['started'],
  changes: (_row, actor, _input, now) => ({ status: 'closed', closedById: actor.id, closedAt: now }),
});

export const startSurvey = transitionTo({
  action: 'Survey.start',
  model: Survey,
  from: ['draft'],
  changes: (_row, _actor, _input, now) => ({ status: 'running', startedAt: now }),
});

export const closeSurvey = transitionTo({
  action: 'Survey.close',
  model: Survey,
  from: ['running'],
  changes: (_row, _actor, _input, now) => ({ status: 'closed', closedAt: now }),
});
