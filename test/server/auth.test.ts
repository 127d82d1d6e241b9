import { expect } from 'chai';
import { Staff } from '../../src/models/index.js';
import { FREE_FAILURES, MAX_WAIT_MINUTES, signIn, waitMinutes } from '../../src/auth/authenticate.js';
import { Client, testServer } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const newClient = async () => new Client((await testServer()).url);
const MINUTE = 60_000;

/** The message the sign-in page shows (AdminJS writes the message key into the page state). */
async function refusal(response: Response): Promise<{ status: number; message: string | null }> {
  const html = await response.text();
  return { status: response.status, message: /"errorMessage":"([^"]+)"/.exec(html)?.[1] ?? null };
}

describe('sign-in', () => {
  it('a staff member signs in with email and password and reaches the admin', async () => {
    const member = await staff('receptionist');
    const client = await newClient();
    expect(await client.signIn(member.email.toUpperCase(), TEST_PASSWORD)).to.equal(true);
    const page = await client.get('/admin');
    expect(page.status).to.equal(200);
    expect(await page.text()).to.include('客户中心');
  });

  it('a wrong password is refused and the admin stays closed', async () => {
    const member = await staff('receptionist');
    const client = await newClient();
    const response = await client.post('/admin/login', { email: member.email, password: 'wrong-password-1' });
    expect(await refusal(response)).to.deep.equal({ status: 401, message: 'invalidCredentials' });
    const page = await client.get('/admin');
    expect(page.status).to.equal(302);
    expect(page.headers.get('location')).to.equal('/admin/login');
  });

  it(`after ${FREE_FAILURES} wrong passwords from one address that address waits; the account is not locked: the right password from a browser that signed in before still works`, async () => {
    const director = await staff('director');
    const own = await newClient();
    expect(await own.signIn(director.email, TEST_PASSWORD)).to.equal(true);
    await own.get('/admin/logout');

    const guesser = await newClient();
    const answers = [];
    for (let i = 0; i < FREE_FAILURES + 2; i++)
      answers.push(
        await refusal(await guesser.post('/admin/login', { email: director.email, password: `guess-${i}-x1` })),
      );
    expect(answers.slice(0, FREE_FAILURES + 1).every((a) => a.status === 401)).to.equal(true);
    expect(answers[FREE_FAILURES + 1]).to.deep.equal({ status: 429, message: 'tooManyRequests' });
    // Even the right password waits from the guesser's browser…
    expect(
      (await refusal(await guesser.post('/admin/login', { email: director.email, password: TEST_PASSWORD }))).status,
    ).to.equal(429);
    // …while the director's own browser signs in at once.
    expect(await own.signIn(director.email, TEST_PASSWORD)).to.equal(true);
    await director.reload();
    expect(director.lockedAt).to.equal(null);
  });

  it('thirty failures from one address do not keep a colleague behind the same address out', async () => {
    const colleague = await staff('cashier');
    const guesser = await newClient();
    for (let i = 0; i < 30; i++)
      await guesser.post('/admin/login', { email: `nobody${i % 3}@test.local`, password: `guess-${i}-x1` });
    const fresh = await newClient();
    expect(await fresh.signIn(colleague.email, TEST_PASSWORD)).to.equal(true);
  });

  it('the answers do not tell whether an email exists: an unknown email is refused and made to wait exactly like a known one', async () => {
    const member = await staff('coordinator');
    const unknown = `nobody-${Date.now()}@test.local`;
    const run = async (email: string) => {
      const client = await newClient();
      const answers = [];
      for (let i = 0; i < FREE_FAILURES + 2; i++)
        answers.push(await refusal(await client.post('/admin/login', { email, password: `guess-${i}-x1` })));
      return answers;
    };
    const known = await run(member.email);
    expect(await run(unknown)).to.deep.equal(known);
    expect(known.map((a) => a.message)).to.include('tooManyRequests');
  });

  it('wrong passwords never end anyone’s session', async () => {
    const director = await staff('director');
    const session = await newClient();
    expect(await session.signIn(director.email, TEST_PASSWORD)).to.equal(true);
    const guesser = await newClient();
    for (let i = 0; i < FREE_FAILURES + 3; i++)
      await guesser.post('/admin/login', { email: director.email, password: `guess-${i}-x1` });
    expect((await session.get('/admin/api/resources/AuthorityRule/actions/list')).status).to.equal(200);
  });

  it('each wait is twice the one before, up to an hour, and after it the bucket gets one more try', async () => {
    expect([6, 7, 8, 9].map(waitMinutes)).to.deep.equal([1, 2, 4, 8]);
    expect(waitMinutes(40)).to.equal(MAX_WAIT_MINUTES);
    const member = await staff('assistant');
    const start = new Date();
    const attempt = (password: string, minutesLater: number) =>
      signIn(
        { email: member.email, password, address: 'wait-test' },
        new Date(start.getTime() + minutesLater * MINUTE),
      );
    for (let i = 0; i <= FREE_FAILURES; i++) expect((await attempt('wrong-pass-1', 0)).ok).to.equal(false);
    const waiting = await attempt(TEST_PASSWORD, 0.5);
    expect(waiting).to.include({ ok: false, reason: 'throttled' });
    expect((waiting as { retryAfterSeconds: number }).retryAfterSeconds).to.be.within(1, 60);
    expect((await attempt(TEST_PASSWORD, 1.1)).ok).to.equal(true);
    // A success empties the bucket: the next wrong password is just wrong, not made to wait.
    expect(await attempt('wrong-pass-1', 1.2)).to.deep.equal({ ok: false, reason: 'invalid' });
  });

  it('a disabled account cannot sign in', async () => {
    const member = await staff('coordinator', { enabled: false });
    expect(await signIn({ email: member.email, password: TEST_PASSWORD, address: 'test-disabled' })).to.deep.equal({
      ok: false,
      reason: 'disabled',
    });
  });

  it('disabling a signed-in staff member ends their session at the next request', async () => {
    const member = await staff('assistant');
    const client = await newClient();
    expect(await client.signIn(member.email, TEST_PASSWORD)).to.equal(true);
    expect((await client.get('/admin/api/resources/Department/actions/list')).status).to.equal(200);
    await Staff.update({ enabled: false }, { where: { id: member.id } });
    const after = await client.get('/admin/api/resources/Department/actions/list');
    expect([after.status, after.headers.get('location')]).to.deep.equal([302, '/admin/login']);
    const post = await client.post('/admin/api/resources/Department/actions/new', { name: '停用后新建' });
    expect(post.status).to.equal(401);
  });

  it('sets an httpOnly, SameSite=Strict session cookie stored in the database', async () => {
    const member = await staff('receptionist');
    const client = await newClient();
    const response = await client.post('/admin/login', { email: member.email, password: TEST_PASSWORD });
    const cookie = response.headers.getSetCookie().join(';');
    expect(cookie).to.match(/HttpOnly/i);
    expect(cookie).to.match(/SameSite=Strict/i);
    const [rows] = await Staff.sequelize!.query('SELECT COUNT(*) AS n FROM "Session"');
    expect(Number((rows as { n: number }[])[0].n)).to.be.greaterThan(0);
  });
});

describe('sessions are new on every sign-in and gone after sign-out', () => {
  it('signing in gives a new session id, and the id the browser had before no longer signs anyone in', async () => {
    const first = await staff('receptionist');
    const second = await staff('director');
    const client = await newClient();
    expect(await client.signIn(first.email, TEST_PASSWORD)).to.equal(true);
    const before = client.cookie('customer_centre_sid');
    expect(await client.signIn(second.email, TEST_PASSWORD)).to.equal(true);
    const after = client.cookie('customer_centre_sid');
    expect(after).to.be.a('string').and.not.equal(before);

    const planted = await newClient();
    planted.setCookie('customer_centre_sid', before!);
    expect((await planted.get('/admin/api/resources/Ticket/actions/list')).headers.get('location')).to.equal(
      '/admin/login',
    );
  });

  it('signing out ends the session: its cookie no longer opens the admin', async () => {
    const member = await staff('cashier');
    const client = await newClient();
    expect(await client.signIn(member.email, TEST_PASSWORD)).to.equal(true);
    const sid = client.cookie('customer_centre_sid')!;
    const out = await client.get('/admin/logout');
    expect(out.status).to.equal(302);
    expect(out.headers.get('location')).to.equal('/admin/login');
    const replay = await newClient();
    replay.setCookie('customer_centre_sid', sid);
    expect((await replay.get('/admin/api/resources/Bill/actions/list')).headers.get('location')).to.equal(
      '/admin/login',
    );
  });
});

describe('health', () => {
  it('GET /health answers 200 when the database is reachable', async () => {
    const response = await fetch(`${(await testServer()).url}/health`);
    expect(response.status).to.equal(200);
    expect(await response.json()).to.include({ status: 'ok' });
  });
});
