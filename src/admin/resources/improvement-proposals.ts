// 改进意见: the coordinator records them (often from 回访意见汇总's 记录改进意见 button, which opens the new form with the
// period filled in from ?period=YYYY-MM — AdminJS's new form takes a property's value from the query); the assistant
// follows them up. The proposer is the signed-in person; the state and follow-up change only through 跟踪落实.
import type { ResourceWithOptions } from 'adminjs';
import { ImprovementProposal } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { limitPayload } from '../payload.js';
import { readOnly } from '../properties.js';
import { workflowAction } from '../use-case.js';
import { FOLLOW_OUTCOMES, followProposal } from '../../domain/improvement-proposals.js';

const PROPOSAL_FIELDS = ['period', 'departmentId', 'category', 'finding', 'proposal'] as const;

export const improvementProposalResources: ResourceWithOptions[] = [
  {
    resource: ImprovementProposal,
    options: {
      navigation: navigation.frontDesk,
      listProperties: ['period', 'departmentId', 'category', 'finding', 'status', 'proposerId', 'updatedAt'],
      filterProperties: ['period', 'departmentId', 'category', 'status', 'proposerId'],
      showProperties: [
        'period',
        'departmentId',
        'category',
        'finding',
        'proposal',
        'proposerId',
        'status',
        'followUpNote',
        'followedById',
        'followedAt',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...PROPOSAL_FIELDS],
      properties: {
        finding: { type: 'textarea', isTitle: true },
        proposal: { type: 'textarea' },
        period: { description: '回访所在月份，如 2026-11' },
        proposerId: readOnly(),
        status: readOnly(),
        followUpNote: readOnly({ type: 'textarea' }),
        followedById: readOnly(),
        followedAt: readOnly(),
      },
      actions: {
        follow: workflowAction(followProposal, {
          done: (row) =>
            `已记录跟踪落实情况：${row.status === 'done' ? '已落实' : row.status === 'adopted' ? '已采纳' : '未采纳'}`,
          icon: 'CheckSquare',
          submit: '记录跟踪落实',
          fields: [
            { name: 'outcome', label: '结果', type: 'select', options: FOLLOW_OUTCOMES },
            { name: 'note', label: '跟踪落实情况', type: 'textarea' },
          ],
        }),
        // Always the signed-in staff member's own proposal.
        new: { before: [limitPayload(PROPOSAL_FIELDS, { force: ['proposerId'] })] },
        edit: { before: [limitPayload(PROPOSAL_FIELDS)] },
      },
      sort: { sortBy: 'updatedAt', direction: 'desc' },
    },
  },
];
