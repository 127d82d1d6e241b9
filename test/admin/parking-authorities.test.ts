// Who keeps the car park, through the admin API: 车库管理员 keeps each community's spaces (收费员 职权4: the garage
// keepers of each community register the rentals the cashier reviews, so the spaces they let are theirs to keep) and
// corrects a rental until it is reviewed; the cashier reads the spaces but neither keeps them nor corrects a rental;
// the front desk does neither. A refusal names the person and the action, and writes nothing.
import { expect } from 'chai';
import { AuditLog, Community, ParkingRental, ParkingSpace } from '../../src/models/index.js';
import { actionLabel } from '../../src/rules/catalogue.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient } from '../support/http.js';
import { parkingRental, parkingSpace } from '../support/parking.js';

const as = async (code: string) => signedInClient((await staff(code)).email, TEST_PASSWORD);
let counter = 0;
const freshCommunity = async () => Community.create({ name: `车位权限小区${++counter}-${Date.now().toString(36)}` });

function expectRefused(body: any, code: string, action: string) {
  const error = body.record?.baseError;
  expect(error?.type, JSON.stringify(body).slice(0, 300)).to.equal('ForbiddenError');
  expect(error.message).to.include(POSITION_NAMES[code]).and.to.include(actionLabel(action));
}

describe('who keeps the parking spaces and corrects rentals', function () {
  this.timeout(60_000);

  describe('ParkingSpace.new', () => {
    it('车库管理员 may add a space: stored as typed, its code written one way, audited', async () => {
      const community = await freshCommunity();
      const client = await as('garage_keeper');
      const { body } = await client.create('ParkingSpace', {
        communityId: community.id,
        code: ' b2－088 ',
        kind: 'underground',
      });
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
      const space = await ParkingSpace.findOne({ where: { communityId: community.id } });
      expect(space).to.include({ code: 'B2-088', kind: 'underground' });
      expect(await AuditLog.count({ where: { action: 'ParkingSpace.new', recordId: String(space!.id) } })).to.equal(1);
    });

    for (const code of ['cashier', 'receptionist']) {
      it(`${POSITION_NAMES[code]} may not add a space: nothing is written`, async () => {
        const community = await freshCommunity();
        const before = await ParkingSpace.count();
        const { body } = await (
          await as(code)
        ).create('ParkingSpace', { communityId: community.id, code: 'B2-001', kind: 'underground' });
        expectRefused(body, code, 'ParkingSpace.new');
        expect(await ParkingSpace.count()).to.equal(before);
      });
    }

    it('a code the community already has, a malformed code or an unknown kind is refused in Chinese', async () => {
      const space = await parkingSpace({ code: 'B1-010' });
      const client = await as('garage_keeper');
      const before = await ParkingSpace.count();
      const cases: Array<[Record<string, string | number>, string, string]> = [
        [{ communityId: space.communityId, code: 'b1-010', kind: 'underground' }, 'code', '本小区已有这个车位号'],
        [
          { communityId: space.communityId, code: 'B1 / 10号', kind: 'surface' },
          'code',
          '车位号只能由字母、数字和“-”组成，例如 B2-088',
        ],
        [{ communityId: space.communityId, code: 'B1-011', kind: 'flying' }, 'kind', '车位类型不是有效的选项：flying'],
        [{ communityId: space.communityId, code: '', kind: 'surface' }, 'code', '车位号不能为空'],
      ];
      for (const [form, field, message] of cases) {
        const { body } = await client.create('ParkingSpace', form);
        const errors = body.record?.errors ?? {};
        expect(errors[field]?.message ?? errors.communityId?.message, JSON.stringify(errors)).to.equal(message);
      }
      expect(await ParkingSpace.count()).to.equal(before);
    });
  });

  describe('ParkingSpace.edit', () => {
    it('车库管理员 may correct a space: kind and note', async () => {
      const space = await parkingSpace();
      const { body } = await (
        await as('garage_keeper')
      ).edit('ParkingSpace', space.id, { kind: 'mechanical', note: '机械车位，限高 1.6 米' });
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
      await space.reload();
      expect([space.kind, space.note]).to.deep.equal(['mechanical', '机械车位，限高 1.6 米']);
    });

    it('收费员 may not correct a space: nothing changes', async () => {
      const space = await parkingSpace();
      const { body } = await (await as('cashier')).edit('ParkingSpace', space.id, { kind: 'surface' });
      expectRefused(body, 'cashier', 'ParkingSpace.edit');
      await space.reload();
      expect(space.kind).to.equal('underground');
    });

    it('a space that has been let is not moved to another community', async () => {
      const space = await parkingSpace();
      await parkingRental('rejected', { space });
      const other = await freshCommunity();
      const { body } = await (await as('garage_keeper')).edit('ParkingSpace', space.id, { communityId: other.id });
      expect(body.record?.errors?.communityId?.message).to.include('已有租赁记录');
      await space.reload();
      expect(space.communityId).to.not.equal(other.id);
    });
  });

  describe('ParkingSpace.list', () => {
    for (const code of ['garage_keeper', 'cashier']) {
      it(`${POSITION_NAMES[code]} may list the spaces`, async () => {
        await parkingSpace();
        const body = await (await as(code)).list('ParkingSpace', {}, { perPage: 5 });
        expect(body.record?.baseError, JSON.stringify(body).slice(0, 300)).to.equal(undefined);
        expect(body.records.length).to.be.greaterThan(0);
      });
    }

    it('客户接待员 may not list the spaces', async () => {
      const { body } = await (await as('receptionist')).json('GET', '/admin/api/resources/ParkingSpace/actions/list');
      expectRefused(body, 'receptionist', 'ParkingSpace.list');
      expect(body.records ?? []).to.have.length(0);
    });
  });

  describe('ParkingRental.edit', () => {
    it('车库管理员 may correct a pending rental', async () => {
      const rental = await parkingRental('pending');
      const { body } = await (
        await as('garage_keeper')
      ).edit('ParkingRental', rental.id, { renterPhone: '13900139000' });
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
      await rental.reload();
      expect(rental.renterPhone).to.equal('13900139000');
    });

    it('车库管理员 may not correct an approved rental: nothing changes', async () => {
      const rental = await parkingRental('approved');
      const { body } = await (
        await as('garage_keeper')
      ).edit('ParkingRental', rental.id, { renterPhone: '13900139000' });
      expect(body.record?.baseError?.type).to.equal('ForbiddenError');
      expect(body.record.baseError.message).to.include('不符合条件');
      await rental.reload();
      expect(rental.renterPhone).to.equal('13800138000');
    });

    it('收费员 may not correct a pending rental: nothing changes', async () => {
      const rental = await parkingRental('pending');
      const { body } = await (await as('cashier')).edit('ParkingRental', rental.id, { monthlyRent: 1 });
      expectRefused(body, 'cashier', 'ParkingRental.edit');
      await rental.reload();
      expect(rental.monthlyRent).to.equal(40_000);
    });

    it('the edit button is offered on a pending rental only, and only to the keeper', async () => {
      const pending = await parkingRental('pending');
      const approved = await parkingRental('approved');
      const keeper = await as('garage_keeper');
      const actionsOf = async (client: Awaited<ReturnType<typeof as>>, id: number) =>
        ((await client.show('ParkingRental', id)).body.record.recordActions as Array<{ name: string }>).map(
          (a) => a.name,
        );
      expect(await actionsOf(keeper, pending.id)).to.include('edit');
      expect(await actionsOf(keeper, approved.id)).to.not.include('edit');
      expect(await actionsOf(await as('cashier'), pending.id)).to.not.include('edit');
      expect(await ParkingRental.count({ where: { id: [pending.id, approved.id] } })).to.equal(2);
    });
  });
});
