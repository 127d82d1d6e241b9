// 客户档案: communities, buildings, units and owners. An owner's periodic review (定期清理) is its own action,
// so lastReviewedOn is not written by the built-in forms.
import type { ActionContext, ActionRequest, ActionResponse, RecordJSON, ResourceWithOptions } from 'adminjs';
import { Op, col, fn, literal } from 'sequelize';
import { isPostgres, sequelize } from '../../db.js';
import { registerConditionFilters } from '../adapter.js';
import { archiveGaps, incompleteOwnerWhere, isReviewDue, reviewDueWhere } from '../../domain/owner-archive.js';
import { shanghaiDay } from '../../lib/shanghai.js';
import { Building, Community, Owner, Unit } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { limitPayload } from '../payload.js';
import { money, readOnly } from '../properties.js';
import { ownersInArrears } from '../../domain/dunning-arrears.js';
import { workflowAction } from '../use-case.js';
import { reviewOwner } from '../../domain/owner-review.js';
import { ownerCollectAction, unitCollectAction } from '../collect.js';
import { ownerFile, unitFile } from '../../domain/owner-file.js';
import { actorOf } from '../access.js';
import { Components } from '../components/index.js';
import { toAdminError } from '../use-case.js';

const COMMUNITY_FIELDS = ['name', 'address'] as const;
const BUILDING_FIELDS = ['communityId', 'name', 'floors'] as const;
const UNIT_FIELDS = ['buildingId', 'number', 'label', 'floor', 'area', 'ownerId'] as const;
const OWNER_FIELDS = ['name', 'phone', 'altPhone', 'email', 'moveInDate', 'notes'] as const;

const like = () => (isPostgres ? Op.iLike : Op.like);
const likeSql = isPostgres ? 'ILIKE' : 'LIKE';
const yes = (value: string) => value === 'true';
const contains = (value: string) => `%${value.trim()}%`;

registerConditionFilters('Owner', {
  reviewDue: (value, now) =>
    yes(value) ? reviewDueWhere(shanghaiDay(now)) : { [Op.not]: reviewDueWhere(shanghaiDay(now)) },
  incomplete: (value) => (yes(value) ? incompleteOwnerWhere() : { [Op.not]: incompleteOwnerWhere() }),
  // The owner picker of a ticket searches the title: a name, a phone number or a room finds the owner.
  name: (value) => ({
    [Op.or]: [
      { name: { [like()]: contains(value) } },
      { phone: { [like()]: contains(value) } },
      { altPhone: { [like()]: contains(value) } },
      {
        id: {
          [Op.in]: literal(
            `(SELECT "ownerId" FROM "Unit" WHERE "ownerId" IS NOT NULL AND "label" ${likeSql} ${sequelize.escape(contains(value))})`,
          ),
        },
      },
    ],
  }),
});

// The unit picker finds a unit by its label (小区 楼栋 房号) or by its owner's name.
registerConditionFilters('Unit', {
  label: (value) => ({
    [Op.or]: [
      { label: { [like()]: contains(value) } },
      {
        ownerId: {
          [Op.in]: literal(`(SELECT "id" FROM "Owner" WHERE "name" ${likeSql} ${sequelize.escape(contains(value))})`),
        },
      },
    ],
  }),
});

/** Each listed owner's arrears, file gaps and whether the file is due for review, worked out for the page in a few queries. */
async function withArchiveState(response: ActionResponse): Promise<ActionResponse> {
  const records = [...(response.records ?? []), ...(response.record ? [response.record] : [])] as RecordJSON[];
  const ids = records.map((r) => Number(r.id)).filter(Number.isFinite);
  if (ids.length === 0) return response;
  const counts = (await Unit.findAll({
    attributes: ['ownerId', [fn('COUNT', col('id')), 'units']],
    where: { ownerId: ids },
    group: ['ownerId'],
    raw: true,
  })) as unknown as { ownerId: number; units: number }[];
  const unitsOf = new Map(counts.map((c) => [Number(c.ownerId), Number(c.units)]));
  const today = shanghaiDay(new Date());
  const arrears = new Map((await ownersInArrears(today, undefined, 1, ids)).map((a) => [a.ownerId, a]));
  for (const record of records) {
    record.params.arrearsAmount = arrears.get(Number(record.id))?.arrearsAmount ?? 0;
    record.params.monthsInArrears = arrears.get(Number(record.id))?.monthsInArrears ?? 0;
    const gaps = archiveGaps(
      record.params as { phone?: string; moveInDate?: string },
      unitsOf.get(Number(record.id)) ?? 0,
    );
    record.params.archiveGaps = gaps.length ? `缺${gaps.join('、')}` : '完整';
    record.params.reviewDue = isReviewDue(record.params.lastReviewedOn as string | null, today);
  }
  return response;
}

/**
 * The owner's or room's whole file (domain/owner-file.ts) rides on the shown record as params.file (JSON) for the
 * OwnerFile component: the show action's own guard has decided who may open the page, the file's sections are decided
 * by the rules per resource.
 */
function withFile(read: typeof ownerFile) {
  return async (response: ActionResponse, _request: ActionRequest, context: ActionContext): Promise<ActionResponse> => {
    const record = response.record as RecordJSON | undefined;
    if (!record?.id) return response;
    try {
      record.params = { ...record.params, file: JSON.stringify(await read(actorOf(context.currentAdmin), record.id)) };
    } catch (error) {
      throw toAdminError(error);
    }
    return response;
  };
}

/** Not a column: the file's sections, drawn by OwnerFile on the record's page only. */
const fileProperty = {
  type: 'string' as const,
  isVisible: { list: false, filter: false, edit: false, show: true },
  isSortable: false,
  components: { show: Components.OwnerFile },
};

const virtual = (where: { list?: boolean; show?: boolean; filter?: boolean }, type: 'string' | 'boolean') => ({
  type,
  isVisible: { list: !!where.list, show: !!where.show, filter: !!where.filter, edit: false },
});

export const propertyResources: ResourceWithOptions[] = [
  {
    resource: Community,
    options: {
      navigation: navigation.archives,
      listProperties: ['name', 'address'],
      filterProperties: ['name'],
      editProperties: [...COMMUNITY_FIELDS],
      properties: { name: { isTitle: true } },
      actions: {
        new: { before: [limitPayload(COMMUNITY_FIELDS)] },
        edit: { before: [limitPayload(COMMUNITY_FIELDS)] },
      },
      sort: { sortBy: 'name', direction: 'asc' },
    },
  },
  {
    resource: Building,
    options: {
      navigation: navigation.archives,
      listProperties: ['name', 'communityId', 'floors'],
      filterProperties: ['communityId', 'name'],
      editProperties: [...BUILDING_FIELDS],
      properties: { name: { isTitle: true } },
      actions: { new: { before: [limitPayload(BUILDING_FIELDS)] }, edit: { before: [limitPayload(BUILDING_FIELDS)] } },
      sort: { sortBy: 'id', direction: 'asc' },
    },
  },
  {
    resource: Unit,
    options: {
      navigation: navigation.archives,
      listProperties: ['label', 'buildingId', 'number', 'floor', 'area', 'ownerId'],
      filterProperties: ['label', 'buildingId', 'ownerId'],
      showProperties: ['label', 'buildingId', 'number', 'floor', 'area', 'ownerId', 'createdAt', 'updatedAt', 'file'],
      editProperties: [...UNIT_FIELDS],
      properties: { label: { isTitle: true }, file: fileProperty },
      actions: {
        show: { after: [withFile(unitFile)] },
        // 收款 on a room opens its owner's 收款 with the room's bills ticked.
        collect: unitCollectAction,
        new: { before: [limitPayload(UNIT_FIELDS)] },
        edit: { before: [limitPayload(UNIT_FIELDS)] },
      },
      sort: { sortBy: 'label', direction: 'asc' },
    },
  },
  {
    resource: Owner,
    options: {
      navigation: navigation.archives,
      listProperties: [
        'name',
        'phone',
        'arrearsAmount',
        'monthsInArrears',
        'lastReviewedOn',
        'reviewDue',
        'archiveGaps',
      ],
      filterProperties: ['name', 'phone', 'lastReviewedOn', 'reviewDue', 'incomplete'],
      showProperties: [
        'name',
        'phone',
        'altPhone',
        'email',
        'moveInDate',
        'arrearsAmount',
        'monthsInArrears',
        'lastReviewedOn',
        'reviewDue',
        'archiveGaps',
        'notes',
        'createdAt',
        'updatedAt',
        'file',
      ],
      editProperties: [...OWNER_FIELDS],
      properties: {
        name: { isTitle: true },
        notes: { type: 'textarea' },
        lastReviewedOn: readOnly(),
        reviewDue: virtual({ list: true, show: true, filter: true }, 'boolean'),
        archiveGaps: virtual({ list: true, show: true }, 'string'),
        incomplete: virtual({ filter: true }, 'boolean'),
        arrearsAmount: money({ isVisible: { list: true, show: true, filter: false, edit: false } }),
        monthsInArrears: { type: 'number', isVisible: { list: true, show: true, filter: false, edit: false } },
        file: fileProperty,
      },
      actions: {
        // 收款: one receipt for several of the owner's bills (domain/payments.ts collectFromOwner).
        collect: ownerCollectAction,
        review: workflowAction(reviewOwner, {
          done: '档案已核对',
          icon: 'UserCheck',
          submit: '确认已核对',
          fields: [{ name: 'note', label: '核对说明', type: 'textarea' }],
        }),
        new: { before: [limitPayload(OWNER_FIELDS)] },
        edit: { before: [limitPayload(OWNER_FIELDS)] },
        list: { after: [withArchiveState] },
        show: { after: [withArchiveState, withFile(ownerFile)] },
      },
      // Owners by name, as the front desk looks them up (newest first hid the owner asked about among new ones).
      sort: { sortBy: 'name', direction: 'asc' },
    },
  },
];
