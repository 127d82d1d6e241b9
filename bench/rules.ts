// npm run bench:rules — one list page (50 rows × 8 actions = 400 decisions) authorised through RuleSet (the
// default rules plus 3,000 generated rules on other resources, compiled), side by side with the default rules
// alone in one plain json-rules-engine Engine (one run() per decision). Medians over rounds; the last line is
// `speedup: <N>x` (json-rules-engine page time / RuleSet page time, explanations on).
import { performance } from 'node:perf_hooks';
import { Engine } from 'json-rules-engine';
import type { Actor } from '../src/rules/actor.js';
import { defaultRuleDefinitions } from '../src/rules/default-rules.js';
import { resolvePath } from '../src/rules/facts.js';
import { RuleSet, toFacts, type StoredRule } from '../src/rules/rule-set.js';

const ROWS = 50;
const ACTIONS = [
  'Ticket.show',
  'Ticket.edit',
  'Ticket.dispatch',
  'Ticket.urge',
  'Ticket.reassign',
  'Ticket.cancel',
  'Ticket.returnVisit',
  'Ticket.archive',
];
const EXTRA_RULES = 3_000;
const ENGINE_ROUNDS = 5;
const FAST_ROUNDS = 3_000;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const ms = (value: number) => (value >= 1 ? value.toFixed(1) : value.toFixed(4));

// A seeded PRNG: the same generated rules and rows on every run.
let seed = 20260302;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];

const defaults: StoredRule[] = defaultRuleDefinitions().map((d, i) => ({ ...d, id: i + 1, version: 1 }));

/** Rules on made-up resources (not in the catalogue): indexed, never consulted for a Ticket page. */
function extraRules(count: number): StoredRule[] {
  const positions = ['receptionist', 'coordinator', 'cashier', 'assistant', 'director', 'engineering_supervisor'];
  const statuses = ['draft', 'open', 'pending', 'held', 'started', 'submitted'];
  return Array.from({ length: count }, (_, i) => {
    const resource = `Extra${i % 1000}`;
    const all: unknown[] = [
      { fact: 'actor', path: 'positionCode', operator: 'in', value: [pick(positions), pick(positions)] },
    ];
    if (random() < 0.7) all.push({ fact: 'record', path: 'status', operator: 'in', value: [pick(statuses)] });
    if (random() < 0.3)
      all.push(
        { fact: 'record', path: 'staffId', operator: 'greaterThan', value: 0 },
        { fact: 'record', path: 'staffId', operator: 'equal', value: { fact: 'actor', path: 'id' } },
      );
    return {
      id: 10_000 + i,
      name: `生成规则 ${i + 1}`,
      actions: [`${resource}.${pick(['view', 'change', 'approve', 'close'])}`, `${resource}.list`],
      effect: random() < 0.1 ? 'deny' : 'allow',
      priority: 1 + Math.floor(random() * 3),
      enabled: true,
      clause: `生成条款 ${i + 1}`,
      conditions: { all },
      version: 1,
    };
  });
}

const receptionist: Actor = {
  id: 7,
  name: '李静',
  email: 'reception@demo.local',
  positionId: 1,
  positionCode: 'receptionist',
  positionName: '客户接待员',
  departmentId: 1,
  departmentName: '客户中心',
  supervisesDepartmentIds: [],
  isSystemAdmin: false,
  enabled: true,
};
const TICKET_STATUSES = ['reported', 'dispatched', 'completed', 'visited', 'approved', 'archived', 'cancelled'];
const rows: Record<string, unknown>[] = Array.from({ length: ROWS }, (_, i) => ({
  id: 1000 + i,
  status: TICKET_STATUSES[i % TICKET_STATUSES.length],
  departmentId: 1 + (i % 4),
  registeredById: 7 + (i % 3),
}));

// --- the compiled path ----------------------------------------------------------------------------------
let started = performance.now();
const ruleSet = new RuleSet([...defaults, ...extraRules(EXTRA_RULES)], { allowUncataloguedActions: true });
const loadMs = performance.now() - started;
if (ruleSet.problems.length > 0)
  throw new Error(`RuleSet refused rules: ${JSON.stringify(ruleSet.problems.slice(0, 3))}`);

let sink = 0;
function pageWithExplanations(): number {
  const at = performance.now();
  for (const row of rows) for (const action of ACTIONS) sink += ruleSet.decide(receptionist, action, row).reason.length;
  return performance.now() - at;
}
function pageWithoutExplanations(): number {
  const at = performance.now();
  for (const row of rows) for (const action of ACTIONS) sink += ruleSet.allows(receptionist, action, row) ? 1 : 0;
  return performance.now() - at;
}

// --- the baseline: the default rules alone in one json-rules-engine Engine, one run() per decision -------
const engine = new Engine(
  defaults.map((rule) => ({
    name: String(rule.id),
    priority: rule.priority ?? 1,
    // One engine holds every rule, so each rule also says which actions it covers.
    conditions: {
      all: [{ fact: 'action', operator: 'in', value: [...rule.actions] }, structuredClone(rule.conditions)],
    } as never,
    event: { type: rule.effect, params: { id: rule.id, name: rule.name } },
  })),
  { pathResolver: (value: object, path: string) => resolvePath(value, path) },
);
const now = new Date();
async function engineDecides(action: string, record: Record<string, unknown>): Promise<boolean> {
  const { events } = await engine.run(toFacts(receptionist, action, record, now) as unknown as Record<string, unknown>);
  return events.some((e) => e.type === 'allow') && !events.some((e) => e.type === 'deny');
}
async function enginePage(): Promise<number> {
  const at = performance.now();
  for (const row of rows) for (const action of ACTIONS) sink += (await engineDecides(action, row)) ? 1 : 0;
  return performance.now() - at;
}

// Both paths answer the same for every decision of the page.
let allowedOnPage = 0;
for (const row of rows) {
  for (const action of ACTIONS) {
    const fast = ruleSet.decide(receptionist, action, row);
    const slow = await engineDecides(action, row);
    if (fast.allowed !== slow || ruleSet.allows(receptionist, action, row) !== slow) {
      throw new Error(
        `disagreement on ${action} ${JSON.stringify(row)}: RuleSet ${fast.allowed}, json-rules-engine ${slow}`,
      );
    }
    if (slow) allowedOnPage += 1;
  }
}

// Warm up, then measure alternately so that both see the same machine state.
for (let i = 0; i < 500; i++) {
  pageWithExplanations();
  pageWithoutExplanations();
}
await enginePage();
const withExplanations: number[] = [];
const withoutExplanations: number[] = [];
for (let i = 0; i < FAST_ROUNDS; i++) {
  withExplanations.push(pageWithExplanations());
  withoutExplanations.push(pageWithoutExplanations());
}
const engineTimes: number[] = [];
for (let i = 0; i < ENGINE_ROUNDS; i++) engineTimes.push(await enginePage());

const fast = median(withExplanations);
const fastNoReason = median(withoutExplanations);
const slow = median(engineTimes);
started = performance.now();
console.log(
  `page: ${ROWS} rows × ${ACTIONS.length} actions = ${ROWS * ACTIONS.length} decisions (${allowedOnPage} allowed), as ${receptionist.positionName}; both paths agree on every one`,
);
console.log(
  `RuleSet: ${defaults.length} default + ${EXTRA_RULES} generated rules (${ruleSet.size} enabled), compiled and indexed in ${ms(loadMs)} ms`,
);
console.log(`json-rules-engine: ${defaults.length} default rules in one Engine, one run() per decision`);
console.log(`json-rules-engine page: ${ms(slow)} ms (median of ${ENGINE_ROUNDS} rounds)`);
console.log(`RuleSet page, with explanations (decide): ${ms(fast)} ms (median of ${FAST_ROUNDS} rounds)`);
console.log(`RuleSet page, without explanations (allows): ${ms(fastNoReason)} ms (median of ${FAST_ROUNDS} rounds)`);
console.log(`explanations on/off: ${(fast / fastNoReason).toFixed(2)}x`);
if (sink === -1) console.log(sink);
console.log(`speedup: ${Math.round(slow / fast)}x`);
