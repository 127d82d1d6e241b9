// A ticket's 业主 is its room's owner or nobody (the caller is the 报事人), in the model and through the admin's
// ticket form; a paid service is billed to the room's owner whoever the ticket names.
import { expect } from 'chai';
import { Bill, Department, Owner, Ticket, WorkOrder } from '../../src/models/index.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { signedInClient } from '../support/http.js';
import { smallEstate } from '../support/estate.js';
import { ticket } from '../support/records.js';
import { expectRefused } from '../support/refusals.js';

let engineering: Department;
const form = (fields: Record<string, string | number>) => ({
  channel: 'phone',
  category: 'repair',
  title: '阳台地漏堵塞',
  reporterName: '租户 陈先生',
  reporterPhone: '13700137001',
  departmentId: engineering.id,
  ...fields,
});

describe("a ticket's owner is its room's owner, or nobody", function () {
  this.timeout(60_000);

  before(async () => {
    engineering = await department('工程部');
  });

  describe('the model', () => {
    it("takes the room's owner, or no owner at all", async () => {
      const { units, owners } = await smallEstate(2);
      const registrar = await staff('receptionist');
      const base = {
        channel: 'phone' as const,
        category: 'repair' as const,
        title: '卫生间漏水',
        reporterName: '王建国',
        departmentId: engineering.id,
        registeredById: registrar.id,
      };
      const owned = await Ticket.create({ ...base, unitId: units[0].id, ownerId: owners[0].id });
      const nobody = await Ticket.create({ ...base, unitId: units[1].id });
      const noRoom = await Ticket.create(base);
      expect([owned.ownerId, nobody.ownerId ?? null, noRoom.ownerId ?? null]).to.deep.equal([owners[0].id, null, null]);
    });

    it('refuses another owner, an owner without a room, an owner for a room that has none — and writes nothing', async () => {
      const { units, owners } = await smallEstate(3, { vacant: 1 });
      const registrar = await staff('receptionist');
      const base = {
        channel: 'phone' as const,
        category: 'repair' as const,
        title: '卫生间漏水',
        reporterName: '王建国',
        departmentId: engineering.id,
        registeredById: registrar.id,
      };
      const before = await Ticket.count();
      await expectRefused(
        () => Ticket.create({ ...base, unitId: units[0].id, ownerId: owners[1].id }),
        `业主须是房屋「${units[0].label}」的业主 ${owners[0].name}，或留空；来电人的姓名填在“报事人”`,
      );
      await expectRefused(
        () => Ticket.create({ ...base, ownerId: owners[0].id }),
        '业主须是所选房屋的业主：未选房屋时业主请留空，来电人的姓名填在“报事人”',
      );
      await expectRefused(
        () => Ticket.create({ ...base, unitId: units[2].id, ownerId: owners[0].id }),
        `房屋「${units[2].label}」没有登记业主，业主请留空；来电人的姓名填在“报事人”`,
      );
      expect(await Ticket.count()).to.equal(before);
    });

    it('is checked when the room or the owner changes, also through Model.update; a room sold later leaves old tickets be', async () => {
      const { units, owners } = await smallEstate(2);
      const row = await ticket('reported', { unit: units[0] });
      await expectRefused(() => row.update({ unitId: units[1].id }), Error, /业主须是房屋/);
      await expectRefused(
        () => Ticket.update({ ownerId: owners[1].id }, { where: { id: row.id } }),
        Error,
        /业主须是房屋/,
      );
      await row.reload();
      expect([row.unitId, row.ownerId]).to.deep.equal([units[0].id, owners[0].id]);
      // Moving the room and its owner together is fine.
      await row.update({ unitId: units[1].id, ownerId: owners[1].id });
      // The room is sold: the ticket keeps the owner it named then, and its other fields can still be corrected.
      const buyer = await Owner.create({ name: '新业主 林芳' });
      await units[1].update({ ownerId: buyer.id });
      await row.update({ title: '卫生间漏水（复查）' });
      await Ticket.update({ description: '楼下天花板有水渍' }, { where: { id: row.id } });
      await row.reload();
      expect([row.ownerId, row.title]).to.deep.equal([owners[1].id, '卫生间漏水（复查）']);
    });
  });

  describe('the ticket form (admin API)', () => {
    it("客户接待员 registers a tenant's call with the room's owner; another owner is refused on the field, nothing written", async () => {
      const { units, owners } = await smallEstate(2);
      const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      const before = await Ticket.count();
      const wrong = await client.create('Ticket', form({ unitId: units[0].id, ownerId: owners[1].id }));
      expect(wrong.body.notice?.type).to.equal('error');
      expect(wrong.body.record.errors.ownerId.message).to.equal(
        `业主须是房屋「${units[0].label}」的业主 ${owners[0].name}，或留空；来电人的姓名填在“报事人”`,
      );
      expect(await Ticket.count()).to.equal(before);

      const right = await client.create('Ticket', form({ unitId: units[0].id, ownerId: owners[0].id }));
      expect(right.body.notice?.type, JSON.stringify(right.body.record?.errors)).to.equal('success');
      const stored = await Ticket.findByPk(right.body.record.id);
      expect(stored).to.include({ unitId: units[0].id, ownerId: owners[0].id, reporterName: '租户 陈先生' });
    });

    it('changing the room on the edit form without its owner is refused; nothing changes', async () => {
      const { units } = await smallEstate(2);
      const row = await ticket('reported', { unit: units[0] });
      const client = await signedInClient((await staff('receptionist')).email, TEST_PASSWORD);
      const { body } = await client.edit('Ticket', row.id, { unitId: units[1].id, ownerId: row.ownerId! });
      expect(body.record.errors.ownerId.message).to.include(`「${units[1].label}」的业主`);
      await row.reload();
      expect(row.unitId).to.equal(units[0].id);
    });

    it("the owner picker reads the room's owner from the room's page, which the front desk may open", async () => {
      const { units, owners } = await smallEstate(1);
      for (const code of ['receptionist', 'coordinator', 'cashier', 'assistant']) {
        const client = await signedInClient((await staff(code)).email, TEST_PASSWORD);
        const { body } = await client.show('Unit', units[0].id);
        expect(body.record?.params?.ownerId, code).to.equal(owners[0].id);
        // 姓名 · 房号 · 手机尾号 (admin/titles.ts).
        expect(body.record?.populated?.ownerId?.title, code).to.match(new RegExp(`^${owners[0].name} · .*尾号\\d{4}$`));
      }
    });
  });

  describe('a paid service (有偿服务) completed by the department', () => {
    it("bills the room's owner today, not the owner the ticket named when the room has been sold since", async () => {
      const { units, owners } = await smallEstate(1);
      const row = await ticket('dispatched', { unit: units[0], paidFee: 6_000 });
      const buyer = await Owner.create({ name: '新业主 周敏' });
      await units[0].update({ ownerId: buyer.id });
      const client = await signedInClient((await staff('technician')).email, TEST_PASSWORD);
      const { body } = await client.act('Ticket', row.id, 'complete', { result: '疏通地漏' });
      expect(body.notice?.type, JSON.stringify(body)).to.equal('success');
      const order = await WorkOrder.findOne({ where: { ticketId: row.id } });
      const bill = await Bill.findOne({ where: { workOrderId: order!.id } });
      expect(bill).to.include({ unitId: units[0].id, ownerId: buyer.id, amount: 6_000 });
      expect(row.ownerId).to.equal(owners[0].id);
    });

    it("bills the room's owner when the ticket names nobody (a tenant called)", async () => {
      const { units, owners } = await smallEstate(1);
      const row = await ticket('dispatched', { unit: units[0], ownerId: null, paidFee: 5_000 });
      const client = await signedInClient((await staff('technician')).email, TEST_PASSWORD);
      const { body } = await client.act('Ticket', row.id, 'complete', { result: '更换门锁' });
      expect(body.notice?.type, JSON.stringify(body)).to.equal('success');
      const order = await WorkOrder.findOne({ where: { ticketId: row.id } });
      expect(await Bill.findOne({ where: { workOrderId: order!.id } })).to.include({ ownerId: owners[0].id });
    });
  });
});
