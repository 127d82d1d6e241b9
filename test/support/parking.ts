// Parking factories: a 车位 of a fresh community (or a given one), and a 车位租赁 of it as the garage keeper
// registers it, in the state a test asks for.
import type { CreationAttributes } from 'sequelize';
import { Community, ParkingRental, ParkingSpace, type ParkingRentalStatus } from '../../src/models/index.js';
import { staff } from './factories.js';

let counter = 0;

/** A space (B2-001, B2-002 … per run) of `communityId`, or of a community of its own. */
export async function parkingSpace(fields: Partial<CreationAttributes<ParkingSpace>> = {}): Promise<ParkingSpace> {
  counter += 1;
  const communityId =
    fields.communityId ?? (await Community.create({ name: `车位测试小区${counter}-${Date.now().toString(36)}` })).id;
  return ParkingSpace.create({
    communityId,
    code: `B2-${String(counter).padStart(3, '0')}`,
    kind: 'underground',
    ...fields,
  });
}

/**
 * A rental of `space` (a fresh one unless given) in `status`, registered by a fresh 车库管理员: 粤B12345 for a year
 * from 2081-05-01 at 400 元 a month, reviewed by someone when no longer pending. `fields` win.
 */
export async function parkingRental(
  status: ParkingRentalStatus = 'pending',
  fields: Partial<CreationAttributes<ParkingRental>> & { space?: ParkingSpace } = {},
): Promise<ParkingRental> {
  const { space, ...given } = fields;
  const spaceId = given.spaceId ?? (space ?? (await parkingSpace())).id;
  return ParkingRental.create({
    registeredById: (await staff('garage_keeper')).id,
    renterName: '赵强',
    renterPhone: '13800138000',
    plateNumber: '粤B12345',
    startDate: '2081-05-01',
    endDate: '2082-04-30',
    monthlyRent: 40_000,
    status,
    ...(status === 'pending' ? {} : { reviewedAt: new Date(), reviewNote: status === 'rejected' ? '资料不全' : null }),
    ...given,
    spaceId,
  });
}
