// 客户档案: communities, buildings, units and owners. An owner's periodic review (定期清理) is its own action,
// so lastReviewedOn is not written by the built-in forms.
import type { ResourceWithOptions } from 'adminjs';
import { Building, Community, Owner, Unit } from '../../models/index.js';
import { navigation } from '../navigation.js';
import { limitPayload } from '../payload.js';
import { readOnly } from '../properties.js';
import { workflowAction } from '../use-case.js';
import { reviewOwner } from '../../domain/owner-review.js';

const COMMUNITY_FIELDS = ['name', 'address'] as const;
const BUILDING_FIELDS = ['communityId', 'name', 'floors'] as const;
const UNIT_FIELDS = ['buildingId', 'number', 'label', 'floor', 'area', 'ownerId'] as const;
const OWNER_FIELDS = ['name', 'phone', 'altPhone', 'email', 'moveInDate', 'notes'] as const;

export const propertyResources: ResourceWithOptions[] = [
  {
    resource: Community,
    options: {
      navigation: navigation.archives,
      listProperties: ['name', 'address'],
      filterProperties: ['name'],
      editProperties: [...COMMUNITY_FIELDS],
      properties: { name: { isTitle: true } },
      actions: { new: { before: [limitPayload(COMMUNITY_FIELDS)] }, edit: { before: [limitPayload(COMMUNITY_FIELDS)] } },
      sort: { sortBy: 'id', direction: 'asc' },
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
      showProperties: ['label', 'buildingId', 'number', 'floor', 'area', 'ownerId', 'createdAt', 'updatedAt'],
      editProperties: [...UNIT_FIELDS],
      properties: { label: { isTitle: true } },
      actions: { new: { before: [limitPayload(UNIT_FIELDS)] }, edit: { before: [limitPayload(UNIT_FIELDS)] } },
      sort: { sortBy: 'label', direction: 'asc' },
    },
  },
  {
    resource: Owner,
    options: {
      navigation: navigation.archives,
      listProperties: ['name', 'phone', 'altPhone', 'email', 'moveInDate', 'lastReviewedOn'],
      filterProperties: ['name', 'phone', 'lastReviewedOn'],
      showProperties: ['name', 'phone', 'altPhone', 'email', 'moveInDate', 'lastReviewedOn', 'notes', 'createdAt', 'updatedAt'],
      editProperties: [...OWNER_FIELDS],
      properties: {
        name: { isTitle: true },
        notes: { type: 'textarea' },
        lastReviewedOn: readOnly(),
      },
      actions: {
        review: workflowAction(reviewOwner, {
          done: '档案已核对', icon: 'UserCheck', submit: '确认已核对', fields: [{ name: 'note', label: '核对说明', type: 'textarea' }],
        }),
        new: { before: [limitPayload(OWNER_FIELDS)] },
        edit: { before: [limitPayload(OWNER_FIELDS)] },
      },
      sort: { sortBy: 'createdAt', direction: 'desc' },
    },
  },
];
