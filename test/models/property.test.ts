import { expect } from 'chai';
import { Op } from 'sequelize';
import { Building, Community, Owner, Unit } from '../../src/models/index.js';
import { shanghaiDay } from '../../src/lib/shanghai.js';
import { Rng } from '../../src/seed/demo/fake.js';
import { seedPropertyDemo } from '../../src/seed/demo/property.js';
import { demoContext } from '../support/demo.js';
import { expectNothingWritten } from '../support/refusals.js';

describe('property models', () => {
  it('refuses an owner with a malformed phone, and one reviewed before moving in', async () => {
    await expectNothingWritten(Owner, '联系电话格式不正确', () =>
      Owner.create({ name: '陈静', phone: '138-0013-abc' }),
    );
    await expectNothingWritten(Owner, '最近清理日期不能早于入住日期', () =>
      Owner.create({ name: '陈静', moveInDate: '2024-05-01', lastReviewedOn: '2024-04-30' }),
    );
    const owner = await Owner.create({
      name: '陈静',
      phone: '0755-86001234',
      moveInDate: '2024-05-01',
      lastReviewedOn: '2025-05-01',
    });
    expect(owner.phone).to.equal('0755-86001234');
  });

  it('refuses a unit without a number, or with an area under 1 m²', async () => {
    const community = await Community.create({ name: `物业测试小区${Date.now().toString(36)}` });
    const building = await Building.create({ communityId: community.id, name: '1栋' });
    await expectNothingWritten(Unit, '房号不能为空', () =>
      Unit.create({ buildingId: building.id, number: '', label: `${community.name} 1栋`, area: 88 }),
    );
    await expectNothingWritten(Unit, '建筑面积必须大于 1 平方米', () =>
      Unit.create({ buildingId: building.id, number: '101', label: `${community.name} 1栋 101`, area: 0.5 }),
    );
  });
});

describe('property demo data', () => {
  const now = new Date('2026-11-27T04:00:00Z');
  const ctx = demoContext({ rng: new Rng(777), now });

  before(async function () {
    this.timeout(60_000);
    await seedPropertyDemo(ctx);
  });

  it('builds two communities with real-looking Shenzhen addresses and named buildings', () => {
    expect(ctx.communities.map((c) => c.name)).to.include.members(['翠湖花园', '锦绣江南']);
    expect(ctx.communities.every((c) => /^深圳市.+区/.test(c.address ?? ''))).to.equal(true);
    expect(ctx.buildings.length).to.be.at.least(9);
    expect(ctx.buildings.every((b) => /^\d+栋$/.test(b.name))).to.equal(true);
  });

  it('creates at least 300 units of 50–180 m² with two decimals, most of them with an owner', async () => {
    const units = await Unit.findAll({ where: { buildingId: ctx.buildings.map((b) => b.id) } });
    expect(units.length).to.be.at.least(300);
    expect(ctx.units.length).to.equal(units.length);
    for (const u of units) {
      expect(u.area).to.be.within(50, 180);
      expect(Math.round(u.area * 100) / 100).to.equal(u.area);
      expect(u.label).to.match(/^(翠湖花园|锦绣江南) \d+栋 \d{3,4}$/);
    }
    expect(units.filter((u) => u.ownerId).length / units.length).to.be.above(0.85);
  });

  it('creates at least 100 owners with Chinese names, some overdue for review and some missing a phone', async () => {
    const owners = await Owner.findAll({ where: { id: { [Op.in]: ctx.owners.map((o) => o.id) } } });
    expect(owners.length).to.be.at.least(100);
    expect(owners.every((o) => /^[\u4e00-\u9fa5]{2,4}$/.test(o.name))).to.equal(true);
    expect(owners.every((o) => o.moveInDate && o.lastReviewedOn && o.lastReviewedOn >= o.moveInDate)).to.equal(true);
    const yearAgo = shanghaiDay(new Date(now.getTime() - 365 * 86_400_000));
    expect(owners.filter((o) => o.lastReviewedOn! < yearAgo).length).to.be.at.least(5);
    expect(owners.filter((o) => !o.phone).length).to.be.at.least(2);
    expect(owners.filter((o) => o.phone).every((o) => /^1[3-9]\d{9}$/.test(o.phone!))).to.equal(true);
  });
});
