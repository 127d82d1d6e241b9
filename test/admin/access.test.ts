import { expect } from 'chai';
import { Department, Staff } from '../../src/models/index.js';
import { signedInClient, testServer, Client } from '../support/http.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';

describe('admin actions go through the access seam', () => {
  it('系统管理员 may create a department through the admin API', async () => {
    const it = await staff('system_admin');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    const { body } = await client.create('Department', { name: '绿化部甲' });
    expect(body.record.errors).to.deep.equal({});
    expect(await Department.count({ where: { name: '绿化部甲' } })).to.equal(1);
  });

  it('客户接待员 may not create a department: refused with the reason, nothing written', async () => {
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const { status, body } = await client.create('Department', { name: '绿化部乙' });
    expect(status).to.equal(200);
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    expect(body.record.baseError.message).to.match(/没有任何规则允许客户接待员/);
    expect(await Department.count({ where: { name: '绿化部乙' } })).to.equal(0);
  });

  it('a hand-made GET of an edit the person may not make changes nothing', async () => {
    const dept = await department('测试部门丙');
    const reception = await staff('receptionist');
    const client = await signedInClient(reception.email, TEST_PASSWORD);
    const { body } = await client.open('Department', dept.id, 'edit', { name: 'x' });
    expect(body.record.baseError.type).to.equal('ForbiddenError');
    await dept.reload();
    expect(dept.name).to.equal('测试部门丙');
  });

  it('the list holds, per row, exactly the actions this person may take', async () => {
    await department('测试部门丁');
    const it = await staff('system_admin');
    const itClient = await signedInClient(it.email, TEST_PASSWORD);
    const body = await itClient.list('Department', {}, { perPage: 50 });
    const names = body.records[0].recordActions.map((a: { name: string }) => a.name).sort();
    expect(names).to.include.members(['edit', 'show', 'delete']);

    const reception = await staff('receptionist');
    const receptionClient = await signedInClient(reception.email, TEST_PASSWORD);
    const list = await receptionClient.list('Department', {}, { perPage: 50 });
    const receptionNames = list.records[0].recordActions.map((a: { name: string }) => a.name);
    expect(receptionNames).to.deep.equal(['show']);
  });

  it('staff accounts are never deleted through the admin, even by the system administrator', async () => {
    const it = await staff('system_admin');
    const victim = await staff('garage_keeper');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    await client.act('Staff', victim.id, 'delete');
    expect(await Staff.count({ where: { id: victim.id } })).to.equal(1);
  });
});

describe('password hashes never leave the server', () => {
  it('are absent from the staff list, the record and populated references', async () => {
    const director = await staff('director');
    const supervised = await department('测试部门戊');
    await supervised.update({ supervisorId: director.id });
    const client = await signedInClient(director.email, TEST_PASSWORD);
    const list = await client.get('/admin/api/resources/Staff/actions/list?perPage=100');
    const show = await client.get(`/admin/api/resources/Staff/records/${director.id}/show`);
    const departments = await client.get('/admin/api/resources/Department/actions/list?perPage=100');
    for (const text of [await list.text(), await show.text(), await departments.text()]) {
      expect(text).to.not.include('passwordHash');
      expect(text).to.not.include('$2b$');
      expect(text).to.not.include('$2a$');
    }
  });
});

describe('bad input is refused in Chinese and changes nothing', () => {
  it('a wrong type on a reference field', async () => {
    const it = await staff('system_admin');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    const before = await Staff.count();
    const { status, body } = await client.create('Staff', {
      name: '王五',
      email: 'wangwu.badtype@test.local',
      password: 'abc12345x',
      proposedPositionId: 'abc',
    });
    expect(status).to.equal(200);
    expect(body.record.errors.proposedPositionId.message).to.equal('拟任岗位（待核定）必须是整数');
    expect(await Staff.count()).to.equal(before);
  });

  it('a missing required field and a malformed email', async () => {
    const it = await staff('system_admin');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    const before = await Staff.count();
    const { body } = await client.create('Staff', { email: 'not-an-email', password: 'abc12345x' });
    expect(body.record.errors.email.message).to.equal('登录邮箱格式不正确');
    expect(body.record.errors.name.message).to.match(/不能为空/);
    expect(await Staff.count()).to.equal(before);
  });

  it('a weak password for a new account', async () => {
    const it = await staff('system_admin');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    const { body } = await client.create('Staff', { name: '赵六', email: 'zhaoliu@test.local', password: '123' });
    expect(body.record.errors.password.message).to.equal('密码至少 8 位');
    expect(await Staff.count({ where: { email: 'zhaoliu@test.local' } })).to.equal(0);
  });

  it('a new account created by IT can sign in with the password given', async () => {
    const it = await staff('system_admin');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    await client.create('Staff', { name: '钱七', email: 'qianqi@test.local', password: 'qianqi2026' });
    const fresh = new Client((await testServer()).url);
    expect(await fresh.signIn('qianqi@test.local', 'qianqi2026')).to.equal(true);
  });
});

describe('GET /api/authority/decide', () => {
  it('answers 401 without a session', async () => {
    const response = await fetch(`${(await testServer()).url}/api/authority/decide?action=Ticket.list`);
    expect(response.status).to.equal(401);
  });

  it('answers the decision for the signed-in person, default-deny for an unknown action, 404 for an unknown record', async () => {
    const it = await staff('system_admin');
    const client = await signedInClient(it.email, TEST_PASSWORD);
    const allowed = await client.json('GET', `/api/authority/decide?action=Staff.edit&recordId=${it.id}`);
    expect(allowed.body).to.include({ allowed: true, effect: 'allow' });
    const unknown = await client.json('GET', '/api/authority/decide?action=Staff.fly');
    expect(unknown.body).to.include({ allowed: false, effect: 'default-deny' });
    const missing = await client.json('GET', '/api/authority/decide?action=Staff.edit&recordId=99999999');
    expect(missing.status).to.equal(404);
  });
});
