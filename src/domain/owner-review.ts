// 档案清理: the periodic check of an owner's file (定期清理), dated today in Asia/Shanghai; what was checked goes
// into the audit note.
import { Owner } from '../models/index.js';
import { ValidationFailed } from '../errors.js';
import { shanghaiDay } from '../lib/shanghai.js';
import { transitionTo } from './transition.js';

export const reviewOwner = transitionTo({
  action: 'Owner.review',
  model: Owner,
  changes: (owner, _actor, _input, now) => {
    const today = shanghaiDay(now);
    // The model keeps a review on or after the move-in day; say so in words rather than fail on save.
    if (owner.moveInDate && owner.moveInDate > today)
      throw new ValidationFailed(`该业主的入住日期是 ${owner.moveInDate}，入住后才能核对档案`);
    return { lastReviewedOn: today };
  },
  note: (input) => String(input.note ?? '').trim() || null,
});
