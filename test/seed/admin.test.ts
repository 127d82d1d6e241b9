import crypto from 'node:crypto';
import { expect } from 'chai';
import bcrypt from 'bcryptjs';
import { Conflict, ValidationFailed } from '../../src/errors.js';
import { Department, Position, Staff } from '../../src/models/index.js';
import { createSystemAdministrator } from '../../src/seed/index.js';
import { expectRefused } from '../support/refusals.js';

const uniqueEmail = (tag: string) => `${tag}-${crypto.randomBytes(4).toString('hex')}@example.com`;

describe('createSystemAdministrator', function () {
  this.timeout(30_000);

  it('creates a 系统管理员 account of 管理处 with a random one-time password of at least 12 characters', async () => {
    const email = uniqueEmail('it-admin');
    const { staff, password, created } = await createSystemAdministrator(`  ${email.toUpperCase()} `);
    expect(created).to.equal(true);
    expect(password).to.have.length.of.at.least(12);
    expect(password)
      .to.match(/[A-Za-z]/)
      .and.match(/\d/);
    const stored = await Staff.findOne({ where: { email } });
    expect(stored!.id).to.equal(staff.id);
    expect(stored!.passwordHash).to.not.include(password);
    expect(await bcrypt.compare(password, stored!.passwordHash)).to.equal(true);
    expect((await Position.findByPk(stored!.positionId!))!.code).to.equal('system_admin');
    expect((await Department.findByPk(stored!.departmentId!))!.name).to.equal('管理处');
  });

  it('called again for the same email resets the password: the new one works, the old one no longer does', async () => {
    const email = uniqueEmail('it-reset');
    const first = await createSystemAdministrator(email);
    await first.staff.update({ enabled: false, lockedAt: new Date(), lockReason: '测试锁定' });
    const second = await createSystemAdministrator(email);
    expect(second.created).to.equal(false);
    expect(second.staff.id).to.equal(first.staff.id);
    expect(second.password).to.not.equal(first.password);
    const stored = await Staff.findByPk(first.staff.id);
    expect(await bcrypt.compare(second.password, stored!.passwordHash)).to.equal(true);
    expect(await bcrypt.compare(first.password, stored!.passwordHash)).to.equal(false);
    expect([stored!.enabled, stored!.lockedAt, stored!.lockReason]).to.deep.equal([true, null, null]);
    expect(await Staff.count({ where: { email } })).to.equal(1);
  });

  it('refuses a malformed email in Chinese and writes nothing', async () => {
    const before = await Staff.count();
    await expectRefused(
      () => createSystemAdministrator('not-an-email'),
      ValidationFailed,
      '邮箱格式不正确：not-an-email',
    );
    expect(await Staff.count()).to.equal(before);
  });

  it('refuses the email of someone holding another position, leaving their password alone', async () => {
    const receptionist = await Position.findOne({ where: { name: '客户接待员' } });
    const email = uniqueEmail('clerk');
    const clerk = await Staff.create({
      name: '钱晓明',
      email,
      passwordHash: 'unchanged-hash',
      positionId: receptionist?.id ?? null,
    });
    const refused = await expectRefused(() => createSystemAdministrator(email), Conflict);
    expect(refused.message).to.include('已属于员工"钱晓明"').and.include('不能改为系统管理员账号');
    const stored = await Staff.findByPk(clerk.id);
    expect([stored!.passwordHash, stored!.positionId]).to.deep.equal(['unchanged-hash', receptionist?.id ?? null]);
  });
});
