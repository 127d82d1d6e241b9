import { expect } from 'chai';
import { UniqueConstraintError, ValidationError } from 'sequelize';
import { Department, Position, PositionClause, Staff } from '../../src/models/index.js';
import { expectRefused } from '../support/refusals.js';

describe('organisation models', () => {
  it('keeps a staff email lower-case and unique', async () => {
    await Staff.create({ name: '张三', email: ' Zhang.San@Example.COM ', passwordHash: 'x' });
    const found = await Staff.findOne({ where: { email: 'zhang.san@example.com' } });
    expect(found?.name).to.equal('张三');
    await expectRefused(
      () => Staff.create({ name: '张三二', email: 'zhang.san@example.com', passwordHash: 'x' }),
      Error,
    );
  });

  it('refuses a malformed phone number with a Chinese message', async () => {
    await expectRefused(
      () => Staff.create({ name: '李四', email: 'li.si@example.com', passwordHash: 'x', phone: '12345' }),
      '电话格式不正确',
    );
  });

  it('refuses an unknown clause kind and a duplicate clause number', async () => {
    const dept = await Department.create({ name: '测试部门甲' });
    const position = await Position.create({ name: '测试岗位甲', departmentId: dept.id });
    await PositionClause.create({ positionId: position.id, kind: 'duty', number: 1, text: '第一条' });
    await expectRefused(
      () => PositionClause.create({ positionId: position.id, kind: 'bogus' as 'duty', number: 2, text: 'x' }),
      ValidationError,
    );
    await expectRefused(
      () => PositionClause.create({ positionId: position.id, kind: 'duty', number: 1, text: '重复' }),
      UniqueConstraintError,
    );
    expect(await PositionClause.count({ where: { positionId: position.id } })).to.equal(1);
  });
});
