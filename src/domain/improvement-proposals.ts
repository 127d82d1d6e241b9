// 改进意见 followed up (助理 职权1 督协调员完成各类整改项目的监督、跟踪、落实): a proposal is adopted or not, and an adopted
// one is done when it has been carried out; each step says what was found.
import { ImprovementProposal, type ImprovementProposalStatus } from '../models/index.js';
import { refuse } from './input.js';
import { requiredText, transitionTo } from './transition.js';

/** From each state, the outcomes the follow-up may record. */
const NEXT: Record<string, readonly ImprovementProposalStatus[]> = {
  proposed: ['adopted', 'rejected'],
  adopted: ['done'],
};

export const FOLLOW_OUTCOMES: { value: ImprovementProposalStatus; label: string }[] = [
  { value: 'adopted', label: '已采纳（待落实）' },
  { value: 'rejected', label: '未采纳' },
  { value: 'done', label: '已落实' },
];

export const followProposal = transitionTo({
  action: 'ImprovementProposal.follow',
  model: ImprovementProposal,
  from: ['proposed', 'adopted'],
  changes: (row, actor, input, now) => {
    const outcome = String(input.outcome ?? '').trim();
    const allowed = NEXT[row.status] ?? [];
    if (!allowed.includes(outcome as ImprovementProposalStatus)) {
      refuse(
        'outcome',
        row.status === 'adopted' ? '已采纳的改进意见只能记录为“已落实”' : '请选择“已采纳”或“未采纳”；落实要在采纳之后',
      );
    }
    const note = requiredText(input, 'note', '请写明跟踪落实情况');
    const earlier = row.followUpNote ? `${row.followUpNote}\n` : '';
    return {
      status: outcome,
      followUpNote: `${earlier}${note}`,
      followedById: actor.id,
      followedAt: now,
    };
  },
  note: (input) => String(input.note ?? '').trim() || null,
});
