// A second instance of the office, as far as the rules go: run as a child process by test/api/instances.test.ts, on
// the test run's database (DATABASE_URL from the parent). It loads the rules in force and follows changes as every
// instance does (startRuleRefresh), and prints one JSON line every REPORT_MS with the decision on the question it was
// given. It never migrates or seeds: the database belongs to the test process.
//
//   node --import tsx test/support/rule-instance.ts <staffId> <action> '<record facts JSON>'
import { pathToFileURL } from 'node:url';
import { sequelize } from '../../src/db.js';
import { loadActor } from '../../src/domain/actors.js';
import { decide } from '../../src/rules/decide.js';
import { loadRules, startRuleRefresh, stopRuleRefresh } from '../../src/rules/store.js';

export interface InstanceReport {
  /** When the decision was taken, by this process's clock (ms since the epoch). */
  at: number;
  allowed: boolean;
  effect: string;
  rules: string[];
}

const REPORT_MS = 100;
/** Starts every report line, so the parent can tell reports from anything else the child prints. */
export const REPORT_PREFIX = 'decision ';

async function main() {
  const [staffId, action, facts] = process.argv.slice(2);
  const actor = await loadActor(Number(staffId));
  if (!actor) throw new Error(`staff member ${staffId} not found`);
  const record = JSON.parse(facts ?? '{}') as Record<string, unknown>;
  await loadRules();
  startRuleRefresh();
  const report = () => {
    const decision = decide(actor, action, record);
    const line: InstanceReport = {
      at: Date.now(),
      allowed: decision.allowed,
      effect: decision.effect,
      rules: decision.rules.map((rule) => rule.name),
    };
    process.stdout.write(`${REPORT_PREFIX}${JSON.stringify(line)}\n`);
  };
  report();
  const timer = setInterval(report, REPORT_MS);
  const stop = () => {
    clearInterval(timer);
    stopRuleRefresh();
    void sequelize.close().finally(() => process.exit(0));
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

// Only when run as the child: the test imports this file for its report's shape.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href)
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
