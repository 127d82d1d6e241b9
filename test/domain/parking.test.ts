// 车位 cannot be let twice: through the admin API as the garage keeper and the cashier use it — registering, correcting
// and approving a rental each refuse a second pending or approved rental of a space over overlapping dates, in words
// naming the space and the other rental's dates, and write nothing; also when the requests come at the same moment.
// The space picker and the space list say which spaces are free.
import { expect } from 'chai';
import { AuditLog, Community, ParkingRental, ParkingSpace, type Staff } from '../../src/models/index.js';
import { addDays, shanghaiDay } from '../../src/lib/shanghai.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient, type Client } from '../support/http.js';
import { parkingRental, parkingSpace } from '../support/parking.js';

type Form = Record<string, string | number>;

const rentalForm = (space: ParkingSpace, start: string, end: string, extra: Form = {}): Form => ({
  spaceId: space.id,
  renterName: '李强',
  renterPhone: '13800138002',
  plateNumber: '粤B66666',
  startDate: start,
  endDate: end,
  monthlyRent: 45_000,
  ...extra,
});

describe('parking spaces are let once at a time', function () {
  this.timeout(60_000);
  let keeper: Staff;
  let keeperClient: Client;
  let cashierClient: Client;

  before(async () => {
    keeper = await staff('garage_keeper');
    keeperClient = await signedInClient(keeper.email, TEST_PASSWORD);
    cashierClient = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
  });

  describe('registering a rental (车库管理员)', () => {
    it('lets a free space: the rental is stored pending, registered by the keeper, and audited', async () => {
      const space = await parkingSpace();
      const { body } = await keeperClient.create('ParkingRental', rentalForm(space, '2081-01-01', '2081-12-31'));
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
      const rental = await ParkingRental.findOne({ where: { spaceId: space.id } });
      expect(rental).to.include({ status: 'pending', registeredById: keeper.id, plateNumber: '粤B66666' });
      const line = await AuditLog.findOne({ where: { action: 'ParkingRental.new', recordId: String(rental!.id) } });
      expect(line?.note).to.include(`车位 ${space.code}`);
    });

    it('refuses a second rental of the space over overlapping dates, naming the space and the dates it clashes with', async () => {
      const space = await parkingSpace({ code: 'B2-088' });
      await parkingRental('approved', {
        space,
        startDate: '2081-03-01',
        endDate: '2082-02-28',
        plateNumber: '粤B12345',
      });
      const before = await ParkingRental.count();
      for (const [start, end] of [
        ['2081-03-01', '2082-02-28'], // the same dates
        ['2080-06-01', '2081-03-01'], // ends on its first day
        ['2082-02-28', '2082-12-31'], // starts on its last day
        ['2081-06-01', '2081-06-30'], // inside it
        ['2080-01-01', '2083-01-01'], // around it
      ]) {
        const { status, body } = await keeperClient.create('ParkingRental', rentalForm(space, start, end));
        expect(status).to.equal(200);
        expect(body.notice?.type, `${start}–${end}`).to.equal('error');
        const message = body.record.errors.spaceId.message as string;
        expect(message).to.include('车位 B2-088').and.include('2081-03-01 至 2082-02-28').and.include('粤B12345');
        expect(message).to.include('不能重复出租');
        expect(body.notice.message).to.equal(message);
      }
      expect(await ParkingRental.count()).to.equal(before);
    });

    it('lets the space again the day after a rental ends, and over the dates of a rejected rental', async () => {
      const space = await parkingSpace();
      await parkingRental('approved', { space, startDate: '2081-01-01', endDate: '2081-06-30' });
      await parkingRental('rejected', { space, startDate: '2081-07-01', endDate: '2081-12-31' });
      const { body } = await keeperClient.create('ParkingRental', rentalForm(space, '2081-07-01', '2081-12-31'));
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
      expect(await ParkingRental.count({ where: { spaceId: space.id } })).to.equal(3);
    });

    it('the same code in another community is another space', async () => {
      const space = await parkingSpace({ code: 'B1-001' });
      const elsewhere = await parkingSpace({ code: 'B1-001' });
      await parkingRental('approved', { space, startDate: '2081-01-01', endDate: '2081-12-31' });
      const { body } = await keeperClient.create('ParkingRental', rentalForm(elsewhere, '2081-01-01', '2081-12-31'));
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
    });

    it('bad input gets a Chinese message on its field and writes nothing', async () => {
      const space = await parkingSpace();
      const before = await ParkingRental.count();
      const cases: Array<[Form, string, string]> = [
        [rentalForm(space, '2081-01-01', '2081-12-31', { spaceId: '' }), 'spaceId', '请选择车位'],
        [
          rentalForm(space, '2081-01-01', '2081-12-31', { spaceId: 2_000_000_000 }),
          'spaceId',
          '车位：关联的记录不存在',
        ],
        [rentalForm(space, '2081-02-30', '2081-12-31'), 'startDate', '起租日期格式不正确，例如 2026-12-01'],
        [rentalForm(space, '2081-12-31', '2081-01-01'), 'endDate', '到期日期不能早于起租日期'],
        [rentalForm(space, '2081-01-01', '2081-12-31', { monthlyRent: 0 }), 'monthlyRent', '月租金必须大于零'],
        [rentalForm(space, '2081-01-01', '2081-12-31', { plateNumber: 'AB123' }), 'plateNumber', '车牌号格式不正确'],
        [
          rentalForm(space, '2081-01-01', '2081-12-31', { ownerId: 2_000_000_000 }),
          'ownerId',
          '业主：关联的记录不存在',
        ],
      ];
      for (const [form, field, message] of cases) {
        const { status, body } = await keeperClient.create('ParkingRental', form);
        expect(status, field).to.equal(200);
        expect(body.record?.errors?.[field]?.message, JSON.stringify(body.record?.errors)).to.equal(message);
      }
      expect(await ParkingRental.count()).to.equal(before);
    });

    it('two keepers letting the same space for the same dates at the same moment: exactly one rental is stored', async () => {
      const space = await parkingSpace();
      const other = await signedInClient((await staff('garage_keeper')).email, TEST_PASSWORD);
      const clients = [keeperClient, other, keeperClient, other, keeperClient, other, keeperClient, other];
      const results = await Promise.all(
        clients.map((client, i) =>
          client.create('ParkingRental', rentalForm(space, '2081-01-01', '2081-12-31', { plateNumber: `粤B1000${i}` })),
        ),
      );
      const succeeded = results.filter((r) => r.body.notice?.type === 'success');
      const refused = results.filter((r) => r.body.notice?.type === 'error');
      expect(succeeded, JSON.stringify(results.map((r) => r.body.notice))).to.have.length(1);
      expect(refused).to.have.length(clients.length - 1);
      for (const r of refused) expect(r.body.notice.message).to.match(/车位 \S+ 在 2081-01-01 至 2081-12-31 已租给/);
      expect(await ParkingRental.count({ where: { spaceId: space.id } })).to.equal(1);
    });
  });

  describe('correcting a pending rental (车库管理员)', () => {
    it('may move its dates, and keep them (it does not clash with itself)', async () => {
      const space = await parkingSpace();
      const rental = await parkingRental('pending', { space, startDate: '2081-01-01', endDate: '2081-06-30' });
      const { body } = await keeperClient.edit(
        'ParkingRental',
        rental.id,
        rentalForm(space, '2081-02-01', '2081-07-31', { plateNumber: rental.plateNumber }),
      );
      expect(body.notice?.type, JSON.stringify(body.record?.errors)).to.equal('success');
      await rental.reload();
      expect([rental.startDate, rental.endDate]).to.deep.equal(['2081-02-01', '2081-07-31']);
      const line = await AuditLog.findOne({ where: { action: 'ParkingRental.edit', recordId: String(rental.id) } });
      expect(line?.changes).to.deep.include({ startDate: ['2081-01-01', '2081-02-01'] });
    });

    it('may not move it onto another rental of the space, nor onto a space let over its dates: nothing changes', async () => {
      const space = await parkingSpace();
      const taken = await parkingSpace();
      await parkingRental('approved', { space, startDate: '2081-07-01', endDate: '2081-12-31' });
      await parkingRental('pending', { space: taken, startDate: '2081-01-01', endDate: '2081-12-31' });
      const rental = await parkingRental('pending', { space, startDate: '2081-01-01', endDate: '2081-06-30' });
      const moves: Form[] = [
        rentalForm(space, '2081-01-01', '2081-07-01'),
        rentalForm(taken, '2081-01-01', '2081-06-30'),
      ];
      for (const form of moves) {
        const { body } = await keeperClient.edit('ParkingRental', rental.id, {
          ...form,
          plateNumber: rental.plateNumber,
        });
        expect(body.notice?.type).to.equal('error');
        expect(body.record.errors.spaceId.message).to.include('不能重复出租');
      }
      const stored = await ParkingRental.findByPk(rental.id);
      expect([stored!.spaceId, stored!.startDate, stored!.endDate]).to.deep.equal([
        space.id,
        '2081-01-01',
        '2081-06-30',
      ]);
    });

    it('two corrections moving two rentals onto the same free dates at the same moment: only one gets them', async () => {
      const space = await parkingSpace();
      const a = await parkingRental('pending', { space, startDate: '2081-01-01', endDate: '2081-03-31' });
      const b = await parkingRental('pending', { space, startDate: '2081-04-01', endDate: '2081-06-30' });
      const results = await Promise.all(
        [a, b].map((rental) =>
          keeperClient.edit('ParkingRental', rental.id, {
            ...rentalForm(space, '2081-07-01', '2081-09-30'),
            plateNumber: rental.plateNumber,
          }),
        ),
      );
      expect(results.filter((r) => r.body.notice?.type === 'success')).to.have.length(1);
      expect(await ParkingRental.count({ where: { spaceId: space.id, startDate: '2081-07-01' } })).to.equal(1);
    });
  });

  describe('approving a rental (收费员)', () => {
    it('refuses to approve a rental of a space already let over those dates (registered before spaces were records)', async () => {
      const space = await parkingSpace({ code: 'B2-099' });
      await parkingRental('approved', {
        space,
        startDate: '2081-01-01',
        endDate: '2081-12-31',
        plateNumber: '粤B12345',
      });
      // Written past the use case, as the free-text spaces of old could be.
      const twice = await parkingRental('pending', { space, startDate: '2081-06-01', endDate: '2082-05-31' });
      const { body } = await cashierClient.act('ParkingRental', twice.id, 'review', { decision: 'approved' });
      expect(body.notice?.type).to.equal('error');
      expect(body.notice.message).to.include('车位 B2-099 在 2081-01-01 至 2081-12-31 已租给 粤B12345');
      await twice.reload();
      expect([twice.status, twice.reviewedById]).to.deep.equal(['pending', null]);
      // Rejecting it is how the cashier clears it.
      const rejected = await cashierClient.act('ParkingRental', twice.id, 'review', {
        decision: 'rejected',
        reviewNote: '该车位已租出，请另选车位',
      });
      expect(rejected.body.notice?.type).to.equal('success');
    });

    it('two cashiers approving two overlapping pending rentals of one space at the same moment: neither is, each still clashes with the other', async () => {
      const space = await parkingSpace();
      const first = await parkingRental('pending', { space, startDate: '2081-01-01', endDate: '2081-12-31' });
      const second = await parkingRental('pending', { space, startDate: '2081-05-01', endDate: '2082-04-30' });
      const other = await signedInClient((await staff('cashier')).email, TEST_PASSWORD);
      const results = await Promise.all([
        cashierClient.act('ParkingRental', first.id, 'review', { decision: 'approved' }),
        other.act('ParkingRental', second.id, 'review', { decision: 'approved' }),
      ]);
      // Both were pending and overlapping, so each refuses the other: neither holds the space alone until one is rejected.
      expect(results.every((r) => r.body.notice?.type === 'error')).to.equal(true);
      expect(await ParkingRental.count({ where: { spaceId: space.id, status: 'approved' } })).to.equal(0);
    });

    it('of two approvals of back-to-back pending rentals at the same moment, both go through', async () => {
      const space = await parkingSpace();
      const first = await parkingRental('pending', { space, startDate: '2081-01-01', endDate: '2081-06-30' });
      const second = await parkingRental('pending', { space, startDate: '2081-07-01', endDate: '2081-12-31' });
      const results = await Promise.all(
        [first, second].map((rental) =>
          cashierClient.act('ParkingRental', rental.id, 'review', { decision: 'approved' }),
        ),
      );
      expect(results.map((r) => r.body.notice?.type)).to.deep.equal(['success', 'success']);
    });
  });

  describe('which spaces are free', () => {
    it('the space picker labels each choice 空闲, 已租至 a day, or booked from a day, with its community', async () => {
      const community = await Community.create({ name: `车位标签小区${Date.now().toString(36)}` });
      const today = shanghaiDay(new Date());
      const free = await parkingSpace({ communityId: community.id, code: 'P-001' });
      const let_ = await parkingSpace({ communityId: community.id, code: 'P-002' });
      const booked = await parkingSpace({ communityId: community.id, code: 'P-003' });
      await parkingRental('approved', { space: let_, startDate: addDays(today, -30), endDate: addDays(today, 60) });
      // A rental following on without a gap: the space is let until the later one ends.
      await parkingRental('pending', { space: let_, startDate: addDays(today, 61), endDate: addDays(today, 90) });
      await parkingRental('approved', { space: booked, startDate: addDays(today, 10), endDate: addDays(today, 40) });
      await parkingRental('rejected', { space: free, startDate: addDays(today, -5), endDate: addDays(today, 5) });
      const { records } = await keeperClient.search('ParkingSpace', 'P-00');
      const titles = Object.fromEntries(
        (records as Array<{ id: string; title: string }>).map((record) => [record.id, record.title]),
      );
      expect(titles[String(free.id)]).to.equal(`${community.name} P-001 · 空闲`);
      expect(titles[String(let_.id)]).to.equal(`${community.name} P-002 · 已租至 ${addDays(today, 90)}`);
      expect(titles[String(booked.id)]).to.equal(`${community.name} P-003 · 空闲（${addDays(today, 10)} 起已预订）`);

      const list = await keeperClient.list('ParkingSpace', { communityId: community.id });
      const occupancy = Object.fromEntries(list.records.map((r: any) => [r.params.code, r.params.occupancy]));
      expect(occupancy).to.deep.equal({
        'P-001': '空闲',
        'P-002': `已租至 ${addDays(today, 90)}`,
        'P-003': `空闲（${addDays(today, 10)} 起已预订）`,
      });
      const freeToday = await keeperClient.list('ParkingSpace', { communityId: community.id, free: 'true' });
      expect(freeToday.records.map((r: any) => r.params.code).sort()).to.deep.equal(['P-001', 'P-003']);
      const letToday = await keeperClient.list('ParkingSpace', { communityId: community.id, free: 'false' });
      expect(letToday.records.map((r: any) => r.params.code)).to.deep.equal(['P-002']);
    });
  });
});
