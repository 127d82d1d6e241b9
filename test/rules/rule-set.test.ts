import { expect } from 'chai';
import type { Actor } from '../../src/rules/actor.js';
import { ACTION_LABELS } from '../../src/rules/catalogue.js';
import { referenceDecide as decide } from '../support/reference-decide.js';
import { DEFAULT_AUTHORITIES } from '../../src/rules/default-authorities.js';
import { defaultRuleDefinitions } from '../../src/rules/default-rules.js';
import { RuleSet, toFacts, type StoredRule } from '../../src/rules/rule-set.js';
import { workflowStates } from '../support/workflow-states.js';

const actor = (positionCode: string | null, extra: Partial<Actor> = {}): Actor => ({
  id: 7,
  name: '测试员',
  email: 't@test.local',
  positionId: 1,
  positionCode,
  positionName: positionCode ? `岗位-${positionCode}` : null,
  departmentId: 3,
  departmentName: '客户中心',
  supervisesDepartmentIds: [],
  isSystemAdmin: false,
  enabled: true,
  ...extra,
});

const defaultRules = (): StoredRule[] => defaultRuleDefinitions().map((d, i) => ({ ...d, id: i + 1, version: 1 }));

// Every state code of the office's workflows.
const STATUSES = workflowStates();
const EXTRAS: Record<string, unknown>[] = [
  {},
  { cashierId: 7 },
  { cashierId: 8 },
  { visitorId: 7 },
  { visitorId: 8 },
  { staffId: 7 },
  { staffId: 8 },
  { planStaffId: 7 },
  { planStaffId: 8 },
  { departmentId: 3 },
  { departmentId: 5 },
  { departmentId: 9 },
  { inspectionResult: 'passed' },
  { inspectionResult: 'failed' },
  { docType: 'finance' },
  { docType: 'other' },
  { surveyStatus: 'draft' },
  { surveyStatus: 'running' },
];
const RECORDS: (Record<string, unknown> | undefined)[] = [
  undefined,
  ...[undefined, ...STATUSES].flatMap((status) =>
    EXTRAS.map((extra) => (status === undefined ? { ...extra } : { status, ...extra })),
  ),
];

const POSITIONS = [...new Set(DEFAULT_AUTHORITIES.flatMap((a) => a.positions)), 'technician', null];
const ACTORS: Actor[] = POSITIONS.flatMap((code) => [
  actor(code),
  actor(code, { id: 8, departmentId: 5, supervisesDepartmentIds: [5] }),
  actor(code, { departmentId: null, supervisesDepartmentIds: [3, 9] }),
]);

describe('RuleSet (the compiled authority rules)', () => {
  it('decides exactly like the reference reading of the default-authority table over every action × position × record of the default authorities', function () {
    this.timeout(120_000);
    const rules = new RuleSet(defaultRules());
    expect(rules.problems).to.deep.equal([]);
    const actions = Object.keys(ACTION_LABELS);
    let cases = 0;
    let allowed = 0;
    const mismatches: string[] = [];
    for (const action of actions) {
      for (const who of ACTORS) {
        for (const record of RECORDS) {
          const expected = decide(who, action, record);
          const actual = rules.decide(who, action, record);
          cases += 1;
          if (expected.allowed) allowed += 1;
          const expectedNames = expected.rules.map((r) => r.name).join('|');
          const actualNames = actual.rules.map((r) => r.name).join('|');
          if (
            actual.allowed !== expected.allowed ||
            actual.effect !== expected.effect ||
            actualNames !== expectedNames ||
            rules.allows(who, action, record) !== expected.allowed
          ) {
            if (mismatches.length < 10) {
              mismatches.push(
                `${action} ${who.positionCode}#${who.id} ${JSON.stringify(record)}: decide ${expected.allowed} [${expectedNames}], RuleSet ${actual.allowed} [${actualNames}]`,
              );
            } else mismatches.push('…');
          }
        }
      }
    }
    console.log(
      `      ${cases} decisions compared (${allowed} allowed), ${actions.length} actions × ${ACTORS.length} actors × ${RECORDS.length} records`,
    );
    expect(mismatches.slice(0, 11)).to.deep.equal([]);
    expect(allowed).to.be.greaterThan(1000);
  });

  it('names the allowing rule and its clause, in Chinese', () => {
    const rules = new RuleSet(defaultRules());
    const decision = rules.decide(actor('cashier'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'passed',
    });
    expect(decision).to.have.all.keys('allowed', 'effect', 'rules', 'reason');
    expect(decision).to.include({ allowed: true, effect: 'allow' });
    expect(decision.rules).to.have.length(1);
    expect(decision.rules[0]).to.have.all.keys('id', 'name', 'clause');
    expect(decision.rules[0]).to.include({ name: '退还装修押金', clause: '收费员 职权1' });
    expect(decision.reason).to.equal('依据「退还装修押金」（收费员 职权1）允许退押金（装修押金）');
  });

  it('says which rule the record fails, and which condition, when the person is the one the rule is for', () => {
    const rules = new RuleSet(defaultRules());
    const decision = rules.decide(actor('cashier'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'failed',
    });
    expect(decision).to.deep.include({ allowed: false, effect: 'default-deny', rules: [] });
    expect(decision.reason).to.equal(
      '规则「退还装修押金」允许岗位-cashier退押金（装修押金），但这条记录不符合条件（装修押金状态 为「在押」，且 验收结果 为「验收合格」）',
    );
    const own = rules.decide(actor('cashier'), 'CashReport.submit', { status: 'open', cashierId: 8 });
    expect(own.reason).to.include('收款人 已填写且是操作人本人');
  });

  it('says no rule allows it when no rule is meant for the person', () => {
    const rules = new RuleSet(defaultRules());
    const decision = rules.decide(actor('receptionist'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'passed',
    });
    expect(decision).to.deep.include({ allowed: false, effect: 'default-deny', rules: [] });
    expect(decision.reason).to.equal('没有任何规则允许岗位-receptionist执行「退押金（装修押金）」');
    expect(rules.decide(actor(null, { name: '王芳' }), 'Ticket.new').reason).to.equal(
      '没有任何规则允许王芳执行「新建报事单」',
    );
  });

  it('lets a deny rule beat every allow rule, and lists the denying rules', () => {
    const rules = new RuleSet([
      ...defaultRules(),
      {
        id: 900,
        name: '夜间禁止退押金',
        actions: ['RenovationDeposit.refund'],
        effect: 'deny',
        clause: '管理处规定',
        priority: 5,
        conditions: { all: [{ fact: 'record', path: 'status', operator: 'equal', value: 'held' }] },
      },
    ]);
    const decision = rules.decide(actor('cashier'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'passed',
    });
    expect(decision).to.include({ allowed: false, effect: 'deny' });
    expect(decision.rules).to.deep.equal([{ id: 900, name: '夜间禁止退押金', clause: '管理处规定' }]);
    expect(decision.reason).to.equal('依据「夜间禁止退押金」（管理处规定）禁止退押金（装修押金）');
    expect(
      rules.allows(actor('cashier'), 'RenovationDeposit.refund', { status: 'held', inspectionResult: 'passed' }),
    ).to.equal(false);
    // Where the deny rule does not match, the allow rule decides.
    expect(rules.decide(actor('cashier'), 'RenovationDeposit.refund', { status: 'refunded' }).allowed).to.equal(false);
  });

  it('lists every allowing rule, highest priority first', () => {
    const rules = new RuleSet([
      {
        id: 1,
        name: '甲',
        actions: ['Ticket.list'],
        effect: 'allow',
        priority: 1,
        clause: 'A',
        conditions: { all: [] },
      },
      {
        id: 2,
        name: '乙',
        actions: ['Ticket.list'],
        effect: 'allow',
        priority: 3,
        clause: 'B',
        conditions: { any: [] },
      },
      {
        id: 3,
        name: '丙',
        actions: ['Ticket.list'],
        effect: 'allow',
        priority: 1,
        clause: 'C',
        conditions: { not: { fact: 'action', operator: 'equal', value: 'Ticket.list' } },
      },
    ]);
    const decision = rules.decide(actor('receptionist'), 'Ticket.list');
    expect(decision.rules.map((r) => r.name)).to.deep.equal(['乙', '甲']);
    expect(decision.reason).to.equal('依据「乙」（B）允许查看报事单列表');
  });

  it('ignores disabled rules', () => {
    const rules = new RuleSet(defaultRules().map((r) => (r.name === '退还装修押金' ? { ...r, enabled: false } : r)));
    const decision = rules.decide(actor('cashier'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'passed',
    });
    expect(decision).to.include({ allowed: false, effect: 'default-deny' });
    expect(decision.reason).to.include('没有任何规则');
  });

  it('refuses actions outside the catalogue unless told to index them', () => {
    const extra: StoredRule = {
      id: 1,
      name: '额外',
      actions: ['Extra1.view', 'Ticket.list'],
      effect: 'allow',
      clause: null,
      conditions: { all: [] },
    };
    const strict = new RuleSet([extra]);
    expect(strict.problems.map((p) => p.message)).to.deep.equal(['动作「Extra1.view」不在动作目录中，已忽略']);
    expect(strict.decide(actor('receptionist'), 'Extra1.view')).to.deep.include({
      allowed: false,
      effect: 'default-deny',
      reason: '未知的操作「Extra1.view」',
    });
    expect(strict.decide(actor('receptionist'), 'Ticket.list').allowed).to.equal(true);
    const loose = new RuleSet([extra], { allowUncataloguedActions: true });
    expect(loose.problems).to.deep.equal([]);
    expect(loose.decide(actor('receptionist'), 'Extra1.view').allowed).to.equal(true);
    expect(loose.decide(actor('receptionist'), 'Extra2.view').allowed).to.equal(false);
  });

  it('applies a Resource.* rule to every action of that resource', () => {
    const rules = new RuleSet([
      {
        id: 1,
        name: '管理员工',
        actions: ['Staff.*'],
        effect: 'allow',
        clause: 'IT',
        conditions: { all: [{ fact: 'actor', path: 'positionCode', operator: 'equal', value: 'system_admin' }] },
      },
    ]);
    for (const action of ['Staff.list', 'Staff.show', 'Staff.new', 'Staff.edit', 'Staff.delete']) {
      expect(rules.decide(actor('system_admin'), action).allowed, action).to.equal(true);
    }
    expect(rules.decide(actor('system_admin'), 'Department.list').allowed).to.equal(false);
    expect(rules.decide(actor('director'), 'Staff.list').allowed).to.equal(false);
  });

  it('denies, naming the rule, when a rule cannot be compiled or throws while deciding', () => {
    const broken = new RuleSet([
      ...defaultRules(),
      {
        id: 901,
        name: '坏规则',
        actions: ['Ticket.new'],
        effect: 'allow',
        clause: null,
        conditions: { all: [{ fact: 'actor', path: 'id', operator: 'like', value: 1 }] },
      },
    ]);
    expect(broken.problems).to.have.length(1);
    expect(broken.problems[0]).to.include({ ruleId: 901, ruleName: '坏规则' });
    const refused = broken.decide(actor('receptionist'), 'Ticket.new');
    expect(refused).to.include({ allowed: false, effect: 'default-deny' });
    expect(refused.reason).to.include('坏规则');
    expect(broken.allows(actor('receptionist'), 'Ticket.new')).to.equal(false);
    // Other actions are unaffected.
    expect(broken.decide(actor('receptionist'), 'Ticket.list').allowed).to.equal(true);

    // `in` against a number throws in json-rules-engine (the run rejects): a deny here, even beside an allow.
    const throwing = new RuleSet([
      { id: 1, name: '允许', actions: ['Ticket.list'], effect: 'allow', clause: null, conditions: { all: [] } },
      {
        id: 2,
        name: '会出错',
        actions: ['Ticket.list'],
        effect: 'allow',
        clause: null,
        conditions: { all: [{ fact: 'actor', path: 'id', operator: 'in', value: 7 }] },
      },
    ]);
    const decision = throwing.decide(actor('receptionist'), 'Ticket.list');
    expect(decision).to.include({ allowed: false, effect: 'default-deny' });
    expect(decision.reason).to.include('会出错');
    expect(throwing.allows(actor('receptionist'), 'Ticket.list')).to.equal(false);
  });

  it('denies a missing or disabled actor and an unknown action', () => {
    const rules = new RuleSet(defaultRules());
    expect(rules.decide(null, 'Ticket.list')).to.include({ allowed: false, effect: 'default-deny' });
    expect(rules.decide(actor('receptionist', { enabled: false }), 'Ticket.list').allowed).to.equal(false);
    expect(rules.decide(actor('receptionist'), 'Ticket.teleport')).to.deep.include({
      allowed: false,
      effect: 'default-deny',
      rules: [],
    });
    expect(rules.allows(null, 'Ticket.list')).to.equal(false);
  });

  it("never takes a missing or empty owner field for the actor's own, nor for someone else's", () => {
    const rules = new RuleSet(defaultRules());
    const cashier = actor('cashier');
    for (const cashierId of [undefined, null, '', 0]) {
      expect(
        rules.decide(cashier, 'CashReport.submit', { status: 'open', cashierId }).allowed,
        `own ${String(cashierId)}`,
      ).to.equal(false);
      expect(
        rules.decide(cashier, 'CashReport.reconcile', { status: 'submitted', cashierId }).allowed,
        `other ${String(cashierId)}`,
      ).to.equal(false);
    }
    // Even an actor without an id is never the owner of a record without one.
    expect(
      rules.decide(actor('cashier', { id: undefined as unknown as number }), 'CashReport.submit', { status: 'open' })
        .allowed,
    ).to.equal(false);
    // decide() of decide.ts takes a null visitor for "someone else"; the rule wants a visitor who is not the actor.
    expect(decide(actor('receptionist'), 'ReturnVisit.spotCheck', { visitorId: null }).allowed).to.equal(true);
    expect(rules.decide(actor('receptionist'), 'ReturnVisit.spotCheck', { visitorId: null }).allowed).to.equal(false);
    // A department member with no department never matches a ticket with none.
    expect(
      rules.decide(actor('technician', { departmentId: null }), 'Ticket.complete', {
        status: 'dispatched',
        departmentId: null,
      }).allowed,
    ).to.equal(false);
  });

  it('decides on the Shanghai clock when a rule reads now', () => {
    const rules = new RuleSet([
      {
        id: 1,
        name: '工作时间',
        actions: ['Payment.new'],
        effect: 'allow',
        clause: null,
        conditions: {
          all: [
            { fact: 'now', path: 'hour', operator: 'greaterThanInclusive', value: 8 },
            { fact: 'now', path: 'hour', operator: 'lessThan', value: 18 },
          ],
        },
      },
    ]);
    expect(rules.decide(actor('cashier'), 'Payment.new', undefined, new Date('2026-03-02T01:00:00Z')).allowed).to.equal(
      true,
    ); // 09:00
    expect(rules.decide(actor('cashier'), 'Payment.new', undefined, new Date('2026-03-02T10:30:00Z')).allowed).to.equal(
      false,
    ); // 18:30
    expect(rules.decide(actor('cashier'), 'Payment.new', undefined, new Date('2026-03-02T09:59:59Z')).allowed).to.equal(
      true,
    ); // 17:59
  });

  it('follows a change to the actor object between questions', () => {
    const rules = new RuleSet(defaultRules());
    const who = actor('receptionist');
    expect(rules.decide(who, 'Payment.new').allowed).to.equal(false);
    who.positionCode = 'cashier';
    expect(rules.decide(who, 'Payment.new').allowed).to.equal(true);
    const supervisor = actor('engineering_supervisor');
    const visited = { status: 'visited', departmentId: 5 };
    expect(rules.decide(supervisor, 'Ticket.supervisorApprove', visited).allowed).to.equal(false);
    supervisor.supervisesDepartmentIds = [5];
    expect(rules.decide(supervisor, 'Ticket.supervisorApprove', visited).allowed).to.equal(true);
  });
});

describe('toFacts', () => {
  it("builds the four facts, with the actor's catalogued fields and the Shanghai clock", () => {
    const who = actor('engineering_supervisor', {
      supervisesDepartmentIds: [5],
      departmentId: 5,
      departmentName: '工程部',
    });
    // 2026-03-01T16:30Z is Monday 2026-03-02 00:30 in Shanghai.
    const facts = toFacts(who, 'Ticket.complete', null, new Date('2026-03-01T16:30:00Z'));
    expect(facts).to.deep.equal({
      actor: {
        id: 7,
        positionCode: 'engineering_supervisor',
        positionName: '岗位-engineering_supervisor',
        departmentId: 5,
        departmentName: '工程部',
        supervisesDepartmentIds: [5],
        isSupervisor: true,
        isSystemAdmin: false,
      },
      action: 'Ticket.complete',
      record: {},
      now: { hour: 0, weekday: 1, date: '2026-03-02' },
    });
    expect(
      toFacts(actor('cashier'), 'Payment.void', { cashierId: 7 }, new Date('2026-03-08T03:00:00Z')).now,
    ).to.deep.equal({ hour: 11, weekday: 7, date: '2026-03-08' });
    expect(toFacts(actor('cashier'), 'Payment.void', { cashierId: 7 }, new Date()).actor.isSupervisor).to.equal(false);
  });
});
