// 催缴管理: plans drawn up from owners in arrears, their targets, and each contact's record.
// Status, who started/closed and the arrears figures change only through the use cases: AdminJS's forms would write whatever a request holds.
import type { ActionResponse, RecordJSON, ResourceWithOptions } from 'adminjs';
import { shanghaiDay } from '../../lib/shanghai.js';
import { DunningPlan, DunningRecord, DunningTarget } from '../../models/index.js';
import { fieldLabel } from '../locale/index.js';
import { navigation } from '../navigation.js';
import { checkParent, limitPayload } from '../payload.js';
import { recordPlanIsStarted, targetPlanIsDraft } from '../../domain/parent-checks.js';
import { money, readOnly } from '../properties.js';
import { workflowAction } from '../use-case.js';
import { closeDunningPlan, startDunningPlan } from '../../domain/office-transitions.js';
import { fillDunningTargets } from '../../domain/dunning-targets.js';
import { planCollections } from '../../domain/dunning-collection.js';

const PLAN_FIELDS = ['title', 'minMonthsInArrears', 'note'] as const;
const TARGET_FIELDS = ['planId', 'ownerId', 'unitId', 'note'] as const;
const RECORD_FIELDS = [
  'planId',
  'targetId',
  'ownerId',
  'contactedAt',
  'method',
  'result',
  'promisedDate',
  'note',
] as const;
/** Worked out for the page's plans in planCollections (domain/dunning-collection.ts), not stored. */
const COLLECTION_FIELDS = ['targetCount', 'arrearsTotal', 'recoveredAmount', 'collectionRate'] as const;
const computed = {
  isDisabled: true,
  isSortable: false,
  isVisible: { list: true, show: true, edit: false, filter: false },
};

/** Each plan of the page with its 催缴对象数, 催缴总额, 已收回 and 回收率. */
async function withCollection(response: ActionResponse): Promise<ActionResponse> {
  const records: RecordJSON[] = response.records ?? (response.record ? [response.record] : []);
  const collections = await planCollections(records.map((r) => Number(r.id)));
  for (const record of records) {
    const c = collections.get(Number(record.id));
    if (!c) continue;
    Object.assign(record.params, {
      targetCount: c.targetCount,
      arrearsTotal: c.arrearsTotal,
      recoveredAmount: c.recovered,
      collectionRate: c.rate,
    });
  }
  return response;
}

/** A contact has no name of its own: it is shown as "业主 · 日期 结果" (e.g. "王伟 · 2026-11-20 承诺缴费"). */
async function titleRecords(response: ActionResponse): Promise<ActionResponse> {
  const records: RecordJSON[] = response.records ?? (response.record ? [response.record] : []);
  for (const record of records) {
    const owner = record.populated?.ownerId?.title ?? '';
    const at = record.params.contactedAt ? shanghaiDay(new Date(record.params.contactedAt)) : '';
    record.title = [owner, `${at} ${fieldLabel('DunningRecord', `result.${record.params.result}`)}`.trim()]
      .filter(Boolean)
      .join(' · ');
  }
  return response;
}

export const dunningResources: ResourceWithOptions[] = [
  {
    resource: DunningPlan,
    options: {
      navigation: navigation.dunning,
      listProperties: [
        'title',
        'status',
        'minMonthsInArrears',
        ...COLLECTION_FIELDS,
        'createdById',
        'startedAt',
        'closedAt',
      ],
      filterProperties: ['title', 'status', 'createdById'],
      showProperties: [
        'title',
        'status',
        'minMonthsInArrears',
        ...COLLECTION_FIELDS,
        'note',
        'createdById',
        'createdAt',
        'startedById',
        'startedAt',
        'closedById',
        'closedAt',
        'updatedAt',
      ],
      editProperties: [...PLAN_FIELDS],
      properties: {
        title: { isTitle: true },
        note: { type: 'textarea' },
        status: readOnly(),
        createdById: readOnly(),
        startedById: readOnly(),
        startedAt: readOnly(),
        closedById: readOnly(),
        closedAt: readOnly(),
        targetCount: { ...computed, type: 'number' },
        arrearsTotal: money(computed),
        recoveredAmount: money({ ...computed, description: 'recoveredDefinition' }),
        collectionRate: { ...computed, type: 'string', description: 'collectionRateDefinition' },
      },
      actions: {
        fillTargets: workflowAction(fillDunningTargets, {
          // The notice says how many owners were added and for how much.
          done: (plan) => plan.outcome ?? '催缴对象已生成',
          icon: 'UserPlus',
          submit: '生成催缴对象',
          fields: [
            {
              name: 'minMonthsInArrears',
              label: '最少欠费月数',
              type: 'text',
              prefill: true,
              hint: '欠费月数达到此数的业主加入本计划；已在计划中的不重复加入',
            },
          ],
        }),
        start: workflowAction(startDunningPlan, {
          done: '已决定催缴，计划开始执行',
          icon: 'Play',
          submit: '决定催缴',
          confirm: '开始后即可按计划联系业主并记录结果。',
        }),
        close: workflowAction(closeDunningPlan, { done: '催缴计划已结束', icon: 'Square', submit: '结束催缴' }),
        new: { before: [limitPayload(PLAN_FIELDS, { force: ['createdById'] })] },
        edit: { before: [limitPayload(PLAN_FIELDS)] },
        list: { after: [withCollection] },
        show: { after: [withCollection] },
      },
      sort: { sortBy: 'createdAt', direction: 'desc' },
    },
  },
  {
    resource: DunningTarget,
    options: {
      navigation: navigation.dunning,
      listProperties: ['label', 'planId', 'ownerId', 'unitId', 'arrearsAmount', 'monthsInArrears'],
      filterProperties: ['planId', 'ownerId', 'label'],
      showProperties: [
        'label',
        'planId',
        'ownerId',
        'unitId',
        'arrearsAmount',
        'monthsInArrears',
        'note',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...TARGET_FIELDS],
      properties: {
        label: { isTitle: true },
        note: { type: 'textarea' },
        // Worked out from the owner's overdue bills when the target is listed, not typed in.
        arrearsAmount: money({ isDisabled: true }),
        monthsInArrears: readOnly(),
      },
      actions: {
        new: { before: [limitPayload(TARGET_FIELDS), checkParent('planId', targetPlanIsDraft)] },
        edit: { before: [limitPayload(TARGET_FIELDS), checkParent('planId', targetPlanIsDraft)] },
        delete: { before: [checkParent('planId', targetPlanIsDraft)] },
        bulkDelete: { before: [checkParent('planId', targetPlanIsDraft)] },
      },
      sort: { sortBy: 'createdAt', direction: 'desc' },
    },
  },
  {
    resource: DunningRecord,
    options: {
      navigation: navigation.dunning,
      listProperties: ['contactedAt', 'ownerId', 'planId', 'method', 'result', 'promisedDate', 'staffId'],
      filterProperties: ['planId', 'ownerId', 'staffId', 'result', 'contactedAt'],
      showProperties: [
        'planId',
        'targetId',
        'ownerId',
        'staffId',
        'contactedAt',
        'method',
        'result',
        'promisedDate',
        'note',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...RECORD_FIELDS],
      properties: {
        note: { type: 'textarea' },
        staffId: readOnly(),
      },
      actions: {
        new: {
          before: [limitPayload(RECORD_FIELDS, { force: ['staffId'] }), checkParent('planId', recordPlanIsStarted)],
        },
        edit: { before: [limitPayload(RECORD_FIELDS), checkParent('planId', recordPlanIsStarted)] },
        list: { after: [titleRecords] },
        show: { after: [titleRecords] },
      },
      sort: { sortBy: 'contactedAt', direction: 'desc' },
    },
  },
];
