import { expect } from 'chai';
import { Staff } from '../../src/models/index.js';
import { LOCK_MINUTES, MAX_FAILED_LOGINS, resetAddressThrottle, signIn } from '../../src/auth/authenticate.js';
import { Client, testServer } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

describe('sign-in', () => {
  beforeEach(() => resetAddressThrottle());

  it('a staff member signs in with email and password and reaches the admin', async () => {
    const member = await staff('receptionist');
    const client = new Client((await testServer()).url);
    expect(await client.signIn(member.email.toUpperCase(), TEST_PASSWORD)).to.equal(true);
    const page = await client.get('/admin');
    expect(page.status).to.equal(200);
    expect(await page.text()).to.include('客户中心');
  });

  it('a wrong password is refused and the admin stays closed', async () => {
    const member = await staff('receptionist');
    const client = new Client((await testServer()).url);
    expect(await client.signIn(member.email, 'wrong-password-1')).to.equal(false);
    const page = await client.get('/admin');
    expect(page.status).to.equal(302);
    expect(page.headers.get('location')).to.equal('/admin/login');
  });

  it(`locks the account for ${LOCK_MINUTES} minutes after ${MAX_FAILED_LOGINS} wrong passwords, even with the right one`, async () => {
    const member = await staff('cashier');
    for (let i = 0; i < MAX_FAILED_LOGINS; i++) await signIn(member.email, 'nope-nope-1', 'test-lock');
    const locked = await signIn(member.email, TEST_PASSWORD, 'test-lock');
    expect(locked).to.deep.equal({ ok: false, reason: 'locked' });
    await member.reload();
    expect(member.lockedUntil!.getTime()).to.be.greaterThan(Date.now() + (LOCK_MINUTES - 1) * 60_000);
    const later = await signIn(member.email, TEST_PASSWORD, 'test-lock', new Date(Date.now() + (LOCK_MINUTES + 1) * 60_000));
    expect(later.ok).to.equal(true);
  });

  it('tells a locked account why on the login page (message key accountLocked, shown in Chinese)', async () => {
    const member = await staff('cashier');
    await member.update({ lockedUntil: new Date(Date.now() + 60_000) });
    const client = new Client((await testServer()).url);
    const response = await client.post('/admin/login', { email: member.email, password: TEST_PASSWORD });
    expect(await response.text()).to.include('accountLocked');
  });

  it('a disabled account cannot sign in', async () => {
    const member = await staff('coordinator', { enabled: false });
    const result = await signIn(member.email, TEST_PASSWORD, 'test-disabled');
    expect(result).to.deep.equal({ ok: false, reason: 'disabled' });
  });

  it('disabling a signed-in staff member ends their session at the next request', async () => {
    const member = await staff('assistant');
    const client = new Client((await testServer()).url);
    expect(await client.signIn(member.email, TEST_PASSWORD)).to.equal(true);
    expect((await client.get('/admin/api/resources/Department/actions/list')).status).to.equal(200);
    await Staff.update({ enabled: false }, { where: { id: member.id } });
    const after = await client.get('/admin/api/resources/Department/actions/list');
    expect(after.status).to.equal(302);
    expect(after.headers.get('location')).to.equal('/admin/login');
  });

  it('sets an httpOnly, SameSite=Strict session cookie stored in the database', async () => {
    const member = await staff('receptionist');
    const client = new Client((await testServer()).url);
    const response = await client.post('/admin/login', { email: member.email, password: TEST_PASSWORD });
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).to.match(/HttpOnly/i);
    expect(cookie).to.match(/SameSite=Strict/i);
    const [rows] = await Staff.sequelize!.query('SELECT COUNT(*) AS n FROM "Session"');
    expect(Number((rows as { n: number }[])[0].n)).to.be.greaterThan(0);
  });
});

describe('health', () => {
  it('GET /health answers 200 when the database is reachable', async () => {
    const response = await fetch(`${(await testServer()).url}/health`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.include({ status: 'ok' });
  });
});
