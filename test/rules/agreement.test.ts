// The compiled rules answer what json-rules-engine answers: ≥ 100,000 generated (rule, facts) cases, each run
// through json-rules-engine (configured with the one path resolver) and through compileConditions.
import { expect } from 'chai';
import { Engine } from 'json-rules-engine';
import { BASE_OPERATORS, compileConditions, RuleCompileError, type RuleFacts } from '../../src/rules/compile.js';
import { defaultRuleDefinitions } from '../../src/rules/default-rules.js';
import { FACTS, resolvePath } from '../../src/rules/facts.js';

type Outcome = 'fired' | 'not fired' | 'rejected';
type Json = unknown;

const pathResolver = (value: object, path: string) => resolvePath(value, path);

function engineFor(conditions: Json): Engine {
  // json-rules-engine mutates the JSON it is given (leaf priorities): hand it a copy.
  return new Engine([{ conditions: structuredClone(conditions) as never, event: { type: 'fired' } }], { pathResolver });
}

async function engineOutcome(engine: Engine, facts: RuleFacts): Promise<Outcome> {
  try {
    const { events } = await engine.run(facts as unknown as Record<string, unknown>);
    return events.length > 0 ? 'fired' : 'not fired';
  } catch {
    return 'rejected';
  }
}

function compiledOutcome(test: (facts: RuleFacts) => boolean, facts: RuleFacts): Outcome {
  try {
    return test(facts) ? 'fired' : 'not fired';
  } catch {
    return 'rejected';
  }
}

// mulberry32: a small seeded PRNG, so every run generates the same cases.
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)];
  const chance = (p: number) => next() < p;
  return { next, int, pick, chance };
}
type Rng = ReturnType<typeof prng>;

const FACT_NAMES = ['actor', 'action', 'record', 'now'] as const;
/** Paths that the facts never hold, or that walk through non-objects, arrays and prototypes. */
const STRAY_PATHS = [
  'missing',
  'status.length',
  'meta.a',
  'meta.b.c',
  'supervisesDepartmentIds.0',
  'supervisesDepartmentIds.length',
  'id.x',
  'constructor',
  '',
];

// Values of matching and mismatching types, from small pools so that comparisons often hit.
const NUMBERS = [0, 3, 5, 7, 8, -1, 2.5, 12];
const STRINGS = [
  'reported',
  'held',
  'passed',
  'failed',
  'draft',
  'receptionist',
  'cashier',
  'Ticket.list',
  'Ticket',
  'ticket.list',
  '',
  '7',
  '12abc',
  'abc',
  'Infinity',
];
const SCALARS: Json[] = [...NUMBERS, ...STRINGS, null, true, false];
const ARRAYS: Json[] = [
  [],
  [7],
  [5, 3],
  ['7'],
  [null],
  ['reported', 'held'],
  ['receptionist', 'cashier', 'assistant'],
  ['Ticket.list', 'Ticket.new'],
  [7, '7', 'held'],
];

function randomScalar(rng: Rng): Json {
  return rng.chance(0.85) ? rng.pick(SCALARS) : rng.pick(ARRAYS);
}

function randomActor(rng: Rng): Record<string, Json> {
  const actor: Record<string, Json> = {};
  const put = (key: string, values: Json[]) => {
    if (rng.chance(0.85)) actor[key] = rng.pick(values);
  };
  put('id', [7, 8, 3, '7', null, 0]);
  put('positionCode', ['receptionist', 'cashier', 'assistant', 'director', null, '', 'reception']);
  put('positionName', ['客户接待员', '客户服务收费员', null]);
  put('departmentId', [3, 5, 7, null, '3']);
  put('departmentName', ['客户中心', '工程部', null]);
  put('supervisesDepartmentIds', [[], [5], [3, 5], [7], ['5'], [null]]);
  put('isSupervisor', [true, false]);
  put('isSystemAdmin', [true, false]);
  if (rng.chance(0.05)) actor.meta = { a: rng.pick(SCALARS), b: { c: rng.pick(SCALARS) } };
  return actor;
}

function randomRecord(rng: Rng): Record<string, Json> {
  const record: Record<string, Json> = {};
  if (rng.chance(0.2)) return record;
  for (const [field, { type }] of Object.entries(FACTS.record)) {
    if (!rng.chance(0.45)) continue;
    if (rng.chance(0.75))
      record[field] = type === 'number' ? rng.pick([...NUMBERS, null]) : rng.pick([...STRINGS.slice(0, 7), null]);
    else record[field] = randomScalar(rng); // a value of another type
  }
  if (rng.chance(0.1)) record.meta = { a: rng.pick(SCALARS), b: { c: rng.pick(SCALARS) } };
  return record;
}

function randomFacts(rng: Rng): RuleFacts {
  const now: Record<string, Json> = {};
  if (rng.chance(0.9)) now.hour = rng.int(24);
  if (rng.chance(0.9)) now.weekday = 1 + rng.int(7);
  if (rng.chance(0.9)) now.date = rng.pick(['2026-03-02', '2026-12-31']);
  return {
    actor: randomActor(rng),
    action: rng.pick(['Ticket.list', 'Ticket.new', 'RenovationDeposit.refund', 'Ticket', '']),
    record: randomRecord(rng),
    now,
  };
}

const DECORATED = [
  'not:equal',
  'not:in',
  'not:contains',
  'swap:in',
  'swap:contains',
  'someFact:equal',
  'someFact:in',
  'everyFact:greaterThan',
  'someValue:equal',
  'everyValue:notEqual',
  'someValue:lessThan',
  'not:swap:in',
  'someFact:not:equal',
  'swap:greaterThanInclusive',
];

function randomPath(rng: Rng, fact: string): string | undefined {
  if (fact === 'action') return rng.pick([undefined, undefined, '', 'x', 'length']);
  if (rng.chance(0.08)) return undefined;
  if (rng.chance(0.78)) return rng.pick(Object.keys((FACTS as Record<string, object>)[fact]));
  return rng.pick(STRAY_PATHS);
}

function randomLeaf(rng: Rng): Record<string, Json> {
  const fact = rng.pick(FACT_NAMES);
  const leaf: Record<string, Json> = { fact };
  const path = randomPath(rng, fact);
  if (path !== undefined) leaf.path = path;
  leaf.operator = rng.chance(0.8) ? rng.pick(BASE_OPERATORS) : rng.pick(DECORATED);
  const roll = rng.next();
  if (roll < 0.22) {
    const refFact = rng.pick(FACT_NAMES);
    const ref: Record<string, Json> = { fact: refFact };
    const refPath = randomPath(rng, refFact);
    if (refPath !== undefined) ref.path = refPath;
    leaf.value = ref;
  } else if (roll < 0.5) {
    leaf.value = rng.pick(ARRAYS);
  } else {
    leaf.value = rng.pick(SCALARS);
  }
  if (rng.chance(0.1)) leaf.priority = rng.pick([1, 2, 3, '2', 0, 'x', 10]);
  return leaf;
}

function randomNode(rng: Rng, depth: number): Record<string, Json> {
  if (depth < 3 && rng.chance(0.45)) {
    const roll = rng.next();
    let node: Record<string, Json>;
    if (roll < 0.2) node = { not: randomNode(rng, depth + 1) };
    else {
      const size = rng.pick([0, 1, 2, 2, 3, 3, 4]);
      const children = Array.from({ length: size }, () => randomNode(rng, depth + 1));
      node = roll < 0.6 ? { all: children } : { any: children };
    }
    if (rng.chance(0.15)) node.priority = rng.pick([1, 2, 3, '2', 0, -1, 'x']);
    return node;
  }
  return randomLeaf(rng);
}

function randomConditions(rng: Rng): Record<string, Json> {
  const roll = rng.next();
  const size = rng.pick([0, 1, 2, 3, 3, 4, 5]);
  if (roll < 0.15) return { not: randomNode(rng, 1) };
  const children = Array.from({ length: size }, () => randomNode(rng, 1));
  return roll < 0.6 ? { all: children } : { any: children };
}

describe('compiled rules agree with json-rules-engine', () => {
  it('on ≥ 100,000 generated rules × facts (missing facts, mismatched types, fact references, decorators)', async function () {
    this.timeout(120_000);
    const rng = prng(20260302);
    const RULES = 5_000;
    const FACTS_PER_RULE = 20;
    const counts: Record<Outcome, number> = { fired: 0, 'not fired': 0, rejected: 0 };
    const disagreements: string[] = [];
    const started = Date.now();
    for (let r = 0; r < RULES; r++) {
      const conditions = randomConditions(rng);
      const test = compileConditions(conditions);
      const engine = engineFor(conditions);
      for (let f = 0; f < FACTS_PER_RULE; f++) {
        const facts = randomFacts(rng);
        const expected = await engineOutcome(engine, facts);
        const actual = compiledOutcome(test, facts);
        counts[expected] += 1;
        if (expected !== actual && disagreements.length < 5) {
          disagreements.push(
            `json-rules-engine ${expected}, compiled ${actual}\n  conditions ${JSON.stringify(conditions)}\n  facts ${JSON.stringify(facts)}`,
          );
        }
      }
    }
    const total = RULES * FACTS_PER_RULE;
    console.log(
      `      ${total} cases (${RULES} rules × ${FACTS_PER_RULE} fact sets): ${counts.fired} fired, ${counts['not fired']} not fired, ${counts.rejected} rejected; ${Date.now() - started} ms`,
    );
    expect(disagreements).to.deep.equal([]);
    expect(total).to.be.at.least(100_000);
    // The generator must exercise every outcome substantially.
    for (const outcome of Object.keys(counts) as Outcome[])
      expect(counts[outcome], outcome).to.be.greaterThan(total / 50);
  });

  it('on the default rules, over facts like the ones the admin hands in', async function () {
    this.timeout(60_000);
    const rng = prng(7);
    const positions = [
      'receptionist',
      'coordinator',
      'cashier',
      'assistant',
      'director',
      'engineering_supervisor',
      'garage_keeper',
      'system_admin',
      null,
    ];
    let cases = 0;
    let fired = 0;
    for (const definition of defaultRuleDefinitions()) {
      const test = compileConditions(definition.conditions);
      const engine = engineFor(definition.conditions);
      for (let i = 0; i < 200; i++) {
        const facts: RuleFacts = {
          actor: {
            id: rng.pick([7, 8]),
            positionCode: rng.pick(positions),
            positionName: null,
            departmentId: rng.pick([3, 5, null]),
            departmentName: null,
            supervisesDepartmentIds: rng.pick([[], [5], [3, 5]]),
            isSupervisor: false,
            isSystemAdmin: false,
          },
          action: definition.actions[0],
          record: rng.chance(0.1)
            ? {}
            : {
                status: rng.pick([
                  'reported',
                  'dispatched',
                  'visited',
                  'held',
                  'open',
                  'submitted',
                  'valid',
                  'draft',
                  undefined,
                ]),
                cashierId: rng.pick([7, 8, null, undefined]),
                visitorId: rng.pick([7, 8, null, undefined]),
                staffId: rng.pick([7, 8, undefined]),
                planStaffId: rng.pick([7, 8, undefined]),
                departmentId: rng.pick([3, 5, 9, null, undefined]),
                inspectionResult: rng.pick(['passed', 'failed', undefined]),
                docType: rng.pick(['finance', 'iso', undefined]),
                surveyStatus: rng.pick(['draft', 'running', undefined]),
              },
          now: { hour: 9, weekday: 1, date: '2026-03-02' },
        };
        const expected = await engineOutcome(engine, facts);
        expect(compiledOutcome(test, facts), `${definition.name} ${JSON.stringify(facts)}`).to.equal(expected);
        cases += 1;
        if (expected === 'fired') fired += 1;
      }
    }
    console.log(`      ${cases} cases over ${defaultRuleDefinitions().length} default rules (${fired} fired)`);
    expect(fired).to.be.greaterThan(cases / 20);
  });

  it('on the surprising corners of json-rules-engine, case by case', async () => {
    const facts: RuleFacts = {
      actor: { id: 7, supervisesDepartmentIds: [5] },
      action: 'Ticket.list',
      record: {},
      now: { hour: 9 },
    };
    const cases: [string, Json, Outcome][] = [
      ['an empty any is true', { any: [] }, 'fired'],
      ['an empty all is true', { all: [] }, 'fired'],
      ['not of an empty any is false', { not: { any: [] } }, 'not fired'],
      [
        'two missing values are equal',
        {
          all: [{ fact: 'record', path: 'cashierId', operator: 'equal', value: { fact: 'actor', path: 'cashierId' } }],
        },
        'fired',
      ],
      [
        'a path on the action string reads the whole string',
        { all: [{ fact: 'action', path: 'resource', operator: 'equal', value: 'Ticket.list' }] },
        'fired',
      ],
      [
        'in against a string is a substring test',
        { all: [{ fact: 'action', operator: 'in', value: 'Ticket.list.extra' }] },
        'fired',
      ],
      [
        'in against a string finds "undefined" for a missing value',
        { all: [{ fact: 'record', path: 'status', operator: 'in', value: 'undefined status' }] },
        'fired',
      ],
      [
        'in against a number rejects the run',
        { all: [{ fact: 'actor', path: 'id', operator: 'in', value: 7 }] },
        'rejected',
      ],
      [
        'an error in the same priority group rejects even after a false sibling',
        {
          all: [
            { fact: 'actor', path: 'id', operator: 'equal', value: 1 },
            { fact: 'actor', path: 'id', operator: 'in', value: null },
          ],
        },
        'rejected',
      ],
      [
        'a higher-priority false sibling skips the erroring group',
        {
          all: [
            { fact: 'actor', path: 'id', operator: 'equal', value: 1, priority: 5 },
            { fact: 'actor', path: 'id', operator: 'in', value: null },
          ],
        },
        'not fired',
      ],
      [
        'numeric operators refuse a missing value',
        { all: [{ fact: 'record', path: 'amount', operator: 'greaterThan', value: 10 }] },
        'not fired',
      ],
      [
        'contains needs an array fact',
        { all: [{ fact: 'action', operator: 'contains', value: 'Ticket' }] },
        'not fired',
      ],
      [
        'contains on an array uses ===',
        { all: [{ fact: 'actor', path: 'supervisesDepartmentIds', operator: 'contains', value: 5 }] },
        'fired',
      ],
      [
        'decorators chain, outermost first: not:swap:contains',
        { all: [{ fact: 'actor', path: 'id', operator: 'not:swap:contains', value: [7] }] },
        'not fired',
      ],
      [
        'swap:in asks value.indexOf of a number fact and rejects',
        { all: [{ fact: 'actor', path: 'id', operator: 'swap:in', value: [7] }] },
        'rejected',
      ],
      [
        'someValue against a non-array rejects',
        { all: [{ fact: 'actor', path: 'id', operator: 'someValue:equal', value: 7 }] },
        'rejected',
      ],
    ];
    for (const [name, conditions, expected] of cases) {
      const engineSays = await engineOutcome(engineFor(conditions), facts);
      expect(engineSays, `json-rules-engine: ${name}`).to.equal(expected);
      expect(compiledOutcome(compileConditions(conditions), facts), `compiled: ${name}`).to.equal(expected);
    }
    // parseFloat lets '12abc' and [12] through the numeric check, but the comparison itself is JavaScript's:
    // '12abc' > 10 is false (NaN), '12' > 10 and [12] > 10 are true.
    const numeric = { all: [{ fact: 'record', path: 'amount', operator: 'greaterThan', value: 10 }] };
    for (const [amount, expected] of [
      ['12abc', 'not fired'],
      ['12', 'fired'],
      [[12], 'fired'],
      [true, 'not fired'],
      [null, 'not fired'],
    ] as const) {
      const withAmount = { ...facts, record: { amount } };
      expect(await engineOutcome(engineFor(numeric), withAmount), `json-rules-engine: ${String(amount)} > 10`).to.equal(
        expected,
      );
      expect(compiledOutcome(compileConditions(numeric), withAmount), `compiled: ${String(amount)} > 10`).to.equal(
        expected,
      );
    }
  });

  it('refuses at compile time what json-rules-engine could not run', () => {
    const bad: [string, Json][] = [
      ['unknown operator', { all: [{ fact: 'actor', path: 'id', operator: 'like', value: 1 }] }],
      ['unknown decorator', { all: [{ fact: 'actor', path: 'id', operator: 'maybe:equal', value: 1 }] }],
      ['shared condition reference', { all: [{ condition: 'isCashier' }] }],
      ['top-level condition reference', { condition: 'isCashier' }],
      ['unknown fact', { all: [{ fact: 'weather', operator: 'equal', value: 'rain' }] }],
      [
        'unknown fact in a value reference',
        { all: [{ fact: 'actor', path: 'id', operator: 'equal', value: { fact: 'weather' } }] },
      ],
      ['no top-level group', { fact: 'actor', operator: 'equal', value: 1 }],
      ['all that is not an array', { all: { fact: 'actor', operator: 'equal', value: 1 } }],
      ['not that is an array', { not: [] }],
      ['leaf without a value', { all: [{ fact: 'actor', path: 'id', operator: 'equal' }] }],
      ['leaf without an operator', { all: [{ fact: 'actor', path: 'id', value: 1 }] }],
      ['a non-string path', { all: [{ fact: 'actor', path: 5, operator: 'equal', value: 1 }] }],
      ['a null child', { any: [null] }],
    ];
    for (const [name, conditions] of bad) {
      expect(() => compileConditions(conditions), name).to.throw(RuleCompileError);
    }
  });
});
