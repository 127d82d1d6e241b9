// The default 权限测试 (src/rules/default-tests.ts): every default rule has a case that must be allowed and one that
// must be refused; they hold on the default rules; the seed stores them without touching one the director changed;
// and they fail when a default authority is taken away or given to someone else, so they cannot pass trivially.
import { expect } from 'chai';
import type { Transaction } from 'sequelize';
import { AuthorityRule, AuthorityTest, Position, sequelize } from '../../src/models/index.js';
import { failureText, positionHolder, runAuthorityTest } from '../../src/rules/authority-tests.js';
import { defaultRuleDefinitions, type RuleDefinition } from '../../src/rules/default-rules.js';
import {
  DEFAULT_TEST_EXCEPTIONS,
  defaultRuleSet,
  defaultTests,
  runDefaultTest,
  type DefaultTestCase,
} from '../../src/rules/default-tests.js';
import { seedDefaultTests } from '../../src/rules/seed.js';
import { refreshRules, ruleSet } from '../../src/rules/store.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';

const REFUND_RULE = '退还装修押金';
const definitions = defaultRuleDefinitions();
const tests = defaultTests();
const allowed = tests.filter((test) => test.expect === 'allow');
const refused = tests.filter((test) => test.expect === 'deny');
const caseOf = (rule: string, expect: 'allow' | 'deny') =>
  tests.find((test) => test.rule === rule && test.expect === expect)!;

type Leaf = { fact: string; path: string; value: unknown };
const leavesOf = (definition: RuleDefinition) => (definition.conditions as { all: Leaf[] }).all;
const isPositionLeaf = (leaf: Leaf) => leaf.fact === 'actor' && leaf.path === 'positionCode';

/** The default rules with one of them changed (or left out, when change returns null). */
function rulesWith(rule: string, change: (definition: RuleDefinition) => RuleDefinition | null) {
  const changed = definitions.flatMap((definition) => {
    if (definition.name !== rule) return [definition];
    const result = change(structuredClone(definition));
    return result ? [result] : [];
  });
  return defaultRuleSet(changed);
}

/** The rules in a rolled-back transaction: what a test changes there is gone afterwards, loaded rules untouched. */
async function inRolledBackTransaction(work: (transaction: Transaction) => Promise<void>) {
  const transaction = await sequelize.transaction();
  try {
    await work(transaction);
  } finally {
    await transaction.rollback();
  }
}

describe('the default 权限测试', () => {
  describe('made from the document', () => {
    it(`every default rule has a case allowed and a case refused, but the listed exceptions (${definitions.length} rules: ${allowed.length} allowed, ${refused.length} refused)`, () => {
      const missing: string[] = [];
      for (const { name } of definitions) {
        for (const expect of ['allow', 'deny'] as const) {
          const excused = DEFAULT_TEST_EXCEPTIONS.some((e) => e.rule === name && e.expect === expect);
          if (!excused && !tests.some((test) => test.rule === name && test.expect === expect))
            missing.push(`${name} ${expect}`);
        }
      }
      expect(missing).to.deep.equal([]);
      expect(tests).to.have.length(2 * definitions.length - DEFAULT_TEST_EXCEPTIONS.length);
      for (const exception of DEFAULT_TEST_EXCEPTIONS) expect(exception.reason).to.be.a('string').and.not.empty;
    });

    it('every case passes on the default rules, and an allowed case is decided by its own rule alone', () => {
      const rules = defaultRuleSet();
      const failures = tests.map((test) => runDefaultTest(rules, test)).filter((result) => !result.passed);
      expect(failures.map(failureText)).to.deep.equal([]);
      for (const test of allowed)
        expect(
          runDefaultTest(rules, test).decision.rules.map((r) => r.name),
          test.name,
        ).to.deep.equal([test.rule]);
    });

    it('each is named as a sentence, once, by the position and its rule, and cites the rule’s clause', () => {
      expect(new Set(tests.map((test) => test.name)).size).to.equal(tests.length);
      for (const test of tests) {
        const definition = definitions.find((d) => d.name === test.rule)!;
        const who = POSITION_NAMES[test.positionCode];
        expect(test.name).to.match(new RegExp(`^${who}${test.expect === 'allow' ? '可以' : '不能'}`));
        expect(test.name.endsWith(`（${test.rule}）`), test.name).to.equal(true);
        expect(test.name.length).to.be.at.most(100);
        expect(test.clause).to.equal(definition.clause);
        expect(definition.actions).to.include(test.action);
      }
      expect(caseOf(REFUND_RULE, 'allow')).to.deep.include({
        name: '客户服务收费员可以退押金（退还装修押金）',
        positionCode: 'cashier',
        action: 'RenovationDeposit.refund',
        recordFacts: { status: 'held', inspectionResult: 'passed' },
        actorFacts: null,
      });
      expect(caseOf(REFUND_RULE, 'deny')).to.deep.include({
        name: '客户接待员不能退押金（退还装修押金）',
        positionCode: 'receptionist',
        recordFacts: { status: 'held', inspectionResult: 'passed' },
      });
    });

    it('a case about a person’s own records or their department says so in its facts and its name', () => {
      expect(caseOf('作废本人收据', 'allow')).to.deep.include({
        recordFacts: { status: 'valid', cashierId: 7 },
        actorFacts: { id: 7 },
      });
      expect(caseOf('修改本人工作计划', 'deny')).to.deep.include({
        name: '客户接待员不能结转未完成事项：他人的月工作计划（修改本人工作计划）',
        recordFacts: { staffId: 8 },
        actorFacts: { id: 7 },
      });
      expect(caseOf('处理本部门的报事', 'deny')).to.deep.include({
        name: '维修工不能完成处理：其他部门的报事单（处理本部门的报事）',
        recordFacts: { status: 'dispatched', departmentId: 4 },
        actorFacts: { departmentId: 3 },
      });
      expect(caseOf('部门主管审核报事', 'allow').actorFacts).to.deep.equal({ supervisesDepartmentIds: [3] });
    });
  });

  describe('cannot pass whatever the rules say', () => {
    it('without the refund rule, the cashier’s refund case fails — the seeded row as much as the generated one', async () => {
      const rows = await AuthorityTest.findAll({ where: { name: [caseOf(REFUND_RULE, 'allow').name] } });
      expect(rows).to.have.length(1);
      const rules = rulesWith(REFUND_RULE, () => null);
      const result = runAuthorityTest(rules, positionHolder('cashier', '客户服务收费员', rows[0].actorFacts), rows[0]);
      expect(result.passed).to.equal(false);
      expect(failureText(result)).to.include('预期允许，实际拒绝');
      expect(runDefaultTest(rules, caseOf(REFUND_RULE, 'deny')).passed).to.equal(true);
    });

    it('with the refund rule’s status changed to 已退还, the allowed case fails', () => {
      const rules = rulesWith(REFUND_RULE, (definition) => {
        const status = leavesOf(definition).find((leaf) => leaf.path === 'status')!;
        status.value = ['refunded'];
        return definition;
      });
      expect(runDefaultTest(rules, caseOf(REFUND_RULE, 'allow')).passed).to.equal(false);
    });

    it('with the refund given to the front desk too, the refused case fails', () => {
      const rules = rulesWith(REFUND_RULE, (definition) => {
        const who = leavesOf(definition).find(isPositionLeaf)!;
        who.value = ['cashier', 'receptionist', 'coordinator', 'assistant'];
        return definition;
      });
      const result = runDefaultTest(rules, caseOf(REFUND_RULE, 'deny'));
      expect(result.passed).to.equal(false);
      expect(failureText(result)).to.include('预期拒绝，实际允许');
    });

    it('taking away any one default rule fails its allowed case', () => {
      const survivors = allowed.filter(
        (test) =>
          runDefaultTest(
            rulesWith(test.rule, () => null),
            test,
          ).passed,
      );
      expect(survivors.map((test) => test.name)).to.deep.equal([]);
    });

    it('widening any one default rule where its refused case is refused fails that case: to the refused position, or to every record', () => {
      const widen = (test: DefaultTestCase) => (definition: RuleDefinition) => {
        const all = leavesOf(definition);
        const who = all.find(isPositionLeaf);
        const refusedByPosition = who && !(who.value as string[]).includes(test.positionCode);
        if (refusedByPosition) who.value = [...(who.value as string[]), test.positionCode];
        else (definition.conditions as { all: Leaf[] }).all = all.filter(isPositionLeaf);
        return definition;
      };
      const survivors = refused.filter((test) => runDefaultTest(rulesWith(test.rule, widen(test)), test).passed);
      expect(survivors.map((test) => test.name)).to.deep.equal([]);
    });
  });

  describe('seeded', () => {
    const names = tests.map((test) => test.name);

    it('the database holds every case, switched on, and each passes against the rules in force', async () => {
      await refreshRules();
      const rules = ruleSet();
      const rows = await AuthorityTest.findAll({ where: { name: names }, order: [['id', 'ASC']] });
      expect(rows).to.have.length(tests.length);
      const positionNames = new Map(
        (await Position.findAll({ where: { code: Object.keys(POSITION_NAMES) } })).map((p) => [p.code, p.name]),
      );
      const failures: string[] = [];
      for (const row of rows) {
        expect(row, row.name).to.deep.include({ enabled: true, staffId: null });
        const code = row.positionCode!;
        const actor = positionHolder(code, positionNames.get(code) ?? POSITION_NAMES[code] ?? null, row.actorFacts);
        const result = runAuthorityTest(rules, actor, row);
        if (!result.passed) failures.push(failureText(result));
      }
      expect(failures).to.deep.equal([]);
    });

    it('seeding again adds nothing and keeps a test the director changed', async () => {
      await inRolledBackTransaction(async (transaction) => {
        const edited = (await AuthorityTest.findOne({
          where: { name: caseOf(REFUND_RULE, 'deny').name },
          transaction,
        }))!;
        await edited.update(
          { recordFacts: { status: 'held', inspectionResult: 'failed' }, enabled: false, clause: '主任改过' },
          { transaction },
        );
        const report = await seedDefaultTests({ transaction });
        expect(report).to.deep.equal({ created: 0, createdDisabled: 0, kept: tests.length });
        await edited.reload({ transaction });
        expect(edited).to.deep.include({
          recordFacts: { status: 'held', inspectionResult: 'failed' },
          enabled: false,
          clause: '主任改过',
        });
        expect(await AuthorityTest.count({ where: { name: names }, transaction })).to.equal(tests.length);
      });
    });

    it('a missing case is added again; one that fails on the rules in force is added switched off', async () => {
      await inRolledBackTransaction(async (transaction) => {
        const { name } = caseOf(REFUND_RULE, 'allow');
        await AuthorityTest.destroy({ where: { name }, transaction });
        const refund = (await AuthorityRule.findOne({ where: { name: REFUND_RULE }, transaction }))!;
        await refund.update({ enabled: false }, { transaction });

        const report = await seedDefaultTests({ transaction });
        expect(report).to.deep.equal({ created: 0, createdDisabled: 1, kept: tests.length - 1 });
        const row = (await AuthorityTest.findOne({ where: { name }, transaction }))!;
        expect(row).to.deep.include({ positionCode: 'cashier', action: 'RenovationDeposit.refund', enabled: false });

        await AuthorityTest.destroy({ where: { name }, transaction });
        await refund.update({ enabled: true }, { transaction });
        expect(await seedDefaultTests({ transaction })).to.deep.include({ created: 1, createdDisabled: 0 });
      });
    });
  });
});
