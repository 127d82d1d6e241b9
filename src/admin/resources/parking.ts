// 车位 and 车位租赁: the garage keeper keeps each community's spaces and lets them; the cashier reviews the rentals.
// A rental is registered and corrected through its use cases (domain/parking.ts), which lock the space and refuse a
// second rental over overlapping dates; the space picker says which spaces are free (空闲 / 已租至 …).
import type { ActionContext, ActionRequest, ActionResponse, RecordJSON, ResourceWithOptions } from 'adminjs';
import { ValidationError } from 'adminjs';
import { Op, literal } from 'sequelize';
import { ParkingRental, ParkingSpace, SPACE_HOLDING_STATUSES } from '../../models/index.js';
import {
  RENTAL_FIELDS,
  editParkingRental,
  occupancyOf,
  registerParkingRental,
  spaceChoiceLabels,
} from '../../domain/parking.js';
import { reviewParkingRental } from '../../domain/office-transitions.js';
import { shanghaiDay } from '../../lib/shanghai.js';
import { registerConditionFilters } from '../adapter.js';
import { navigation } from '../navigation.js';
import { limitPayload } from '../payload.js';
import { money, readOnly } from '../properties.js';
import { createThrough, performThrough, workflowAction } from '../use-case.js';

const SPACE_FIELDS = ['communityId', 'code', 'kind', 'note'] as const;
const off = { isAccessible: false } as const;

/** The spaces some pending or approved rental holds on `day` (a SQL subquery; `day` is a YYYY-MM-DD we made). */
const heldOn = (day: string) =>
  literal(
    `(SELECT "spaceId" FROM "ParkingRental" WHERE "status" IN (${SPACE_HOLDING_STATUSES.map((s) => `'${s}'`).join(', ')})` +
      ` AND "startDate" <= '${day}' AND "endDate" >= '${day}')`,
  );

registerConditionFilters('ParkingSpace', {
  free: (value, now) => ({ id: { [value === 'true' ? Op.notIn : Op.in]: heldOn(shanghaiDay(now)) } }),
});

const recordsOf = (response: ActionResponse) =>
  [...(response.records ?? []), ...(response.record ? [response.record] : [])] as RecordJSON[];

/** 租用情况 on each listed or shown space: 空闲, or let until a day. */
async function withOccupancy(response: ActionResponse): Promise<ActionResponse> {
  const records = recordsOf(response);
  const occupancy = await occupancyOf(records.map((record) => Number(record.id)));
  for (const record of records) record.params.occupancy = occupancy.get(Number(record.id))?.text ?? '';
  return response;
}

/** The space picker's choices read 翠湖花园 B2-088 · 空闲 / · 已租至 2027-03-31, so the keeper sees which are free. */
async function labelChoices(response: ActionResponse): Promise<ActionResponse> {
  const records = recordsOf(response);
  const spaces = await ParkingSpace.findAll({ where: { id: records.map((record) => Number(record.id)) } });
  const labels = await spaceChoiceLabels(spaces);
  for (const record of records) record.title = labels.get(Number(record.id)) ?? record.title;
  return response;
}

/** A space that has been let stays in its community: its rentals and bills name it there. */
async function keepLetSpaceInItsCommunity(request: ActionRequest, context: ActionContext): Promise<ActionRequest> {
  const sent = request.payload?.communityId;
  const stored = context.record?.params?.communityId;
  if (request.method !== 'post' || sent === undefined || String(sent) === String(stored ?? '')) return request;
  if ((await ParkingRental.count({ where: { spaceId: Number(context.record?.id()) } })) > 0) {
    const message = '这个车位已有租赁记录，不能改到其他小区；请在那个小区新建车位';
    throw new ValidationError({ communityId: { message } }, { message });
  }
  return request;
}

/** The edit form of a rental is performed by its use case (it audits itself). */
const editRental = Object.assign(
  performThrough(editParkingRental, () => '车位租赁已修改'),
  { auditsItself: true },
);

export const parkingResources: ResourceWithOptions[] = [
  {
    resource: ParkingRental,
    options: {
      navigation: navigation.fees,
      listProperties: ['plateNumber', 'spaceId', 'renterName', 'startDate', 'endDate', 'monthlyRent', 'status'],
      filterProperties: ['status', 'plateNumber', 'spaceId', 'ownerId', 'registeredById', 'startDate'],
      showProperties: [
        'plateNumber',
        'spaceId',
        'renterName',
        'renterPhone',
        'ownerId',
        'unitId',
        'startDate',
        'endDate',
        'monthlyRent',
        'status',
        'registeredById',
        'reviewedById',
        'reviewedAt',
        'reviewNote',
        'id',
        'createdAt',
        'updatedAt',
      ],
      editProperties: [...RENTAL_FIELDS],
      properties: {
        plateNumber: { isTitle: true },
        monthlyRent: money(),
        status: readOnly(),
        registeredById: readOnly(),
        reviewedById: readOnly(),
        reviewedAt: readOnly(),
        reviewNote: readOnly({ type: 'textarea' }),
      },
      actions: {
        review: workflowAction(reviewParkingRental, {
          done: '已审核',
          icon: 'CheckSquare',
          submit: '提交审核结果',
          fields: [
            {
              name: 'decision',
              label: '审核结果',
              type: 'select',
              options: [
                { value: 'approved', label: '通过' },
                { value: 'rejected', label: '不通过' },
              ],
            },
            { name: 'reviewNote', label: '审核意见（不通过时必填）', type: 'textarea' },
          ],
        }),
        new: {
          before: [limitPayload(RENTAL_FIELDS)],
          handler: createThrough(registerParkingRental, () => '车位租赁已登记，等待收费员审核'),
        },
        edit: { before: [limitPayload(RENTAL_FIELDS)], handler: editRental },
        // A rental is rejected, never deleted: its bills and review stay readable.
        delete: off,
        bulkDelete: off,
      },
      sort: { sortBy: 'createdAt', direction: 'desc' },
    },
  },
  {
    resource: ParkingSpace,
    options: {
      navigation: navigation.fees,
      listProperties: ['code', 'communityId', 'kind', 'occupancy'],
      filterProperties: ['communityId', 'code', 'kind', 'free'],
      showProperties: ['code', 'communityId', 'kind', 'occupancy', 'note', 'id', 'createdAt', 'updatedAt'],
      editProperties: [...SPACE_FIELDS],
      properties: {
        code: { isTitle: true },
        note: { type: 'textarea' },
        // Not columns: how the space stands today, worked out for the page.
        occupancy: {
          type: 'string',
          isSortable: false,
          isVisible: { list: true, show: true, filter: false, edit: false },
        },
        free: { type: 'boolean', isVisible: { list: false, show: false, filter: true, edit: false } },
      },
      actions: {
        new: { before: [limitPayload(SPACE_FIELDS)] },
        edit: { before: [limitPayload(SPACE_FIELDS), keepLetSpaceInItsCommunity] },
        list: { after: [withOccupancy] },
        show: { after: [withOccupancy] },
        search: { after: [labelChoices] },
        // A space with rentals is kept (its rentals name it); one entered by mistake is corrected, not deleted.
        delete: off,
        bulkDelete: off,
      },
      sort: { sortBy: 'code', direction: 'asc' },
    },
  },
];
