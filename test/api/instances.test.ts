// Several instances of the office share one database: a change the director publishes through one of them governs the
// others within 5 s. The second instance is a child process (test/support/rule-instance.ts) on this run's database,
// following the rules as every instance does and reporting its decision on one question every 100 ms.
import { spawn, type ChildProcess } from 'node:child_process';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { AuthorityRule, RuleDraft } from '../../src/models/index.js';
import { refreshRules } from '../../src/rules/store.js';
import { REPORT_PREFIX, type InstanceReport } from '../support/rule-instance.js';
import { send, signedInClient, type Client } from '../support/http.js';
import { staff, TEST_PASSWORD } from '../support/factories.js';

const FOLLOW_WITHIN_MS = 5_000;
const RULE = '多实例测试：大额押金由主任退';
// No seeded 权限测试 names an amount, so the deny rule leaves every one of them answered as before.
const LARGE = 10_000_000;
const ACTION = 'RenovationDeposit.refund';
const RECORD = { status: 'held', inspectionResult: 'passed', amount: LARGE + 1 };
const SCRIPT = fileURLToPath(new URL('../support/rule-instance.ts', import.meta.url));
const PROJECT = fileURLToPath(new URL('../..', import.meta.url));

const post = (client: Client, path: string, body: unknown) =>
  send(client, 'POST', `/api/authority${path}`, JSON.stringify(body), { 'content-type': 'application/json' });

/** The second instance, and its reports as this process received them. */
class Instance {
  readonly reports: (InstanceReport & { received: number })[] = [];
  private readonly child: ChildProcess;
  private stderr = '';
  private exited: number | null = null;

  constructor(staffId: number) {
    // The same environment, so the same DATABASE_URL (test/support/env.ts); the child only reads it.
    this.child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, String(staffId), ACTION, JSON.stringify(RECORD)], {
      cwd: PROJECT,
      env: process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    readline.createInterface({ input: this.child.stdout! }).on('line', (line) => {
      // Anything else the child prints (its SQL at LOG_LEVEL=debug) is not a report.
      if (line.startsWith(REPORT_PREFIX))
        this.reports.push({
          ...(JSON.parse(line.slice(REPORT_PREFIX.length)) as InstanceReport),
          received: Date.now(),
        });
    });
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on('exit', (code) => (this.exited = code ?? -1));
  }

  /** The first report received at or after `since` that meets `wanted`, or a failure after `timeoutMs`. */
  async next(since: number, wanted: (report: InstanceReport) => boolean, timeoutMs: number) {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.reports.find((report) => report.received >= since && wanted(report));
      if (found) return found;
      if (this.exited !== null) throw new Error(`the second instance exited (${this.exited}): ${this.stderr}`);
      if (Date.now() > deadline)
        throw new Error(
          `no such report within ${timeoutMs} ms; last: ${JSON.stringify(this.reports.at(-1))} ${this.stderr}`,
        );
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async stop() {
    if (this.exited !== null) return;
    const exited = new Promise((resolve) => this.child.once('exit', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}

/** Leaves no pending draft and no rule of this test, whatever happened. */
async function clean() {
  await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
  if ((await AuthorityRule.destroy({ where: { name: RULE } })) > 0) await refreshRules();
}

describe('several instances', () => {
  let director: Client;
  let cashierId: number;
  let instance: Instance | null = null;

  before(async () => {
    await clean();
    director = await signedInClient((await staff('director')).email, TEST_PASSWORD);
    cashierId = (await staff('cashier')).id;
  });

  after(async () => {
    await instance?.stop();
    await clean();
  });

  it(`a second instance follows a published change within ${FOLLOW_WITHIN_MS / 1000} s, and its rollback too`, async function () {
    this.timeout(60_000);
    instance = new Instance(cashierId);
    // Started: tsx compiles and the rules load.
    await instance.next(0, (report) => report.allowed, 30_000);

    const drafted = await post(director, '/drafts', {
      rule: {
        name: RULE,
        actions: [ACTION],
        effect: 'deny',
        conditions: { all: [{ fact: 'record', path: 'amount', operator: 'greaterThan', value: LARGE }] },
        clause: '管理处规定',
      },
    });
    expect(drafted.status, drafted.text).to.equal(201);
    const published = await post(director, '/publish', { note: '大额押金由主任亲自退（多实例测试）' });
    expect(published.status, published.text).to.equal(200);
    const publishedAt = Date.now();
    const denied = await instance.next(publishedAt, (report) => !report.allowed, FOLLOW_WITHIN_MS + 1_000);
    const followed = denied.received - publishedAt;
    expect(denied).to.deep.include({ effect: 'deny', rules: [RULE] });

    const rule = (await AuthorityRule.findOne({ where: { name: RULE } }))!;
    const removal = await post(director, '/drafts', { ruleId: rule.id, remove: true });
    expect(removal.status, removal.text).to.equal(201);
    const rolledBack = await post(director, '/publish', { note: '撤销多实例测试的规则' });
    expect(rolledBack.status, rolledBack.text).to.equal(200);
    const rolledBackAt = Date.now();
    const allowed = await instance.next(rolledBackAt, (report) => report.allowed, FOLLOW_WITHIN_MS + 1_000);
    const followedBack = allowed.received - rolledBackAt;
    console.log(
      `      the second instance followed the publish in ${followed} ms and the rollback in ${followedBack} ms`,
    );

    expect(followed).to.be.below(FOLLOW_WITHIN_MS);
    expect(followedBack).to.be.below(FOLLOW_WITHIN_MS);
    expect(await AuthorityRule.count({ where: { name: RULE } })).to.equal(0);
  });
});
