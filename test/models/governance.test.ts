import { expect } from 'chai';
import {
  AuditLog,
  AuthorityRule,
  DecisionLog,
  RuleVersion,
  sequelize,
  type JsonValue,
  type RuleConditions,
  type Staff,
} from '../../src/models/index.js';
import { FACTS } from '../../src/rules/facts.js';
import { staff } from '../support/factories.js';
import { expectRefused } from '../support/refusals.js';

let counter = 0;
const ruleName = (label: string) => `测试规则-${label}-${++counter}`;

/** A rule as the rules engineer would write it: nested all/any/not, facts with paths, list values. */
const CONDITIONS: RuleConditions = {
  all: [
    { fact: 'record', path: '$.status', operator: 'in', value: ['reported', 'dispatched'] },
    {
      any: [
        { fact: 'actor', path: '$.positionCode', operator: 'equal', value: 'receptionist' },
        {
          not: {
            fact: 'record',
            path: '$.departmentId',
            operator: 'equal',
            value: { fact: 'actor', path: '$.departmentId' },
          },
        },
      ],
    },
    { fact: 'record', path: '$.amount', operator: 'greaterThanInclusive', value: 0, params: { note: '金额（分）' } },
  ],
};

describe('governance models', () => {
  let director: Staff;
  before(async () => {
    director = await staff('director');
  });

  describe('AuthorityRule', () => {
    it('refuses an unknown effect, priority 0 and actions that are not an array, writing nothing', async () => {
      const before = await AuthorityRule.count();
      const base = { actions: ['Ticket.dispatch'], conditions: { all: [] } };
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('effect'), effect: 'maybe' as never }),
        '规则效果必须是允许(allow)或拒绝(deny)',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('priority'), priority: 0 }),
        '优先级必须是不小于 1 的整数',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('priority'), priority: 1.5 }),
        '优先级必须是不小于 1 的整数',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('actions'), actions: 'Ticket.dispatch' as never }),
        '动作必须是数组，如 ["Ticket.new", "Ticket.dispatch"]',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('actions'), actions: { 0: 'Ticket.dispatch' } as never }),
        '动作必须是数组，如 ["Ticket.new", "Ticket.dispatch"]',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('actions'), actions: [] }),
        '至少要有一个动作',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, name: ruleName('actions'), actions: ['ticket dispatch'] }),
        '动作“ticket dispatch”格式不正确，应为“资源.动作”，如 Ticket.dispatch',
      );
      expect(await AuthorityRule.count()).to.equal(before);
    });

    it('refuses conditions json-rules-engine would not take', async () => {
      const before = await AuthorityRule.count();
      const base = { name: ruleName('conditions'), actions: ['Notice.edit'] };
      await expectRefused(
        () => AuthorityRule.create({ ...base, conditions: [] as never }),
        '条件必须是 JSON 对象，顶层为 all、any 或 not，如 {"all": []}',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, conditions: { fact: 'record', operator: 'equal', value: 1 } as never }),
        '条件必须是 JSON 对象，顶层为 all、any 或 not，如 {"all": []}',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, conditions: { all: [{ fact: 'record', value: 'draft' }] } }),
        `第 1 个条件：事实 record 缺少路径 path（可用：${Object.keys(FACTS.record).join('、')}）`,
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, conditions: { any: { fact: 'record' } } }),
        '条件顶层：any 后面必须是条件数组，如 {"any": [{"fact": "record", "path": "status", "operator": "equal", "value": "held"}]}',
      );
      await expectRefused(
        () => AuthorityRule.create({ ...base, conditions: '{"all": [' as never }),
        '条件不是合法的 JSON：内容不完整，缺少右括号、右方括号或引号',
      );
      expect(await AuthorityRule.count()).to.equal(before);
    });

    it('keeps its actions and nested conditions intact through the database', async () => {
      const created = await AuthorityRule.create({
        name: ruleName('round-trip'),
        actions: ['Ticket.urge', 'Ticket.reassign', 'Staff.*'],
        effect: 'deny',
        conditions: CONDITIONS,
        priority: 10,
        clause: '客户接待员 职权1：督促客户服务各职能部门完成各类报事派工。',
        updatedById: director.id,
      });
      const reloaded = await AuthorityRule.findByPk(created.id);
      expect(reloaded!.actions).to.deep.equal(['Ticket.urge', 'Ticket.reassign', 'Staff.*']);
      expect(reloaded!.conditions).to.deep.equal(CONDITIONS);
      expect(reloaded!.effect).to.equal('deny');
      expect(reloaded!.priority).to.equal(10);
      expect([reloaded!.enabled, reloaded!.builtIn, reloaded!.editedByDirector, reloaded!.version]).to.deep.equal([
        true,
        false,
        false,
        1,
      ]);
      // A raw query sees real JSON, not a doubly encoded string.
      const [rows] = await sequelize.query(`SELECT "conditions" FROM "AuthorityRule" WHERE id = ${Number(created.id)}`);
      const raw = (rows as { conditions: unknown }[])[0].conditions;
      expect(typeof raw === 'string' ? JSON.parse(raw) : raw).to.deep.equal(CONDITIONS);
    });

    it('takes actions and conditions typed as JSON text, as the admin form sends them', async () => {
      const created = await AuthorityRule.create({
        name: ruleName('text'),
        actions: '["Notice.edit"]' as never,
        conditions: '{"all": [{"fact": "record", "path": "$.status", "operator": "equal", "value": "draft"}]}' as never,
      });
      await created.update({
        conditions: JSON.stringify(CONDITIONS) as never,
        actions: ' ["Notice.edit", "Notice.publish"] ' as never,
      });
      const reloaded = await AuthorityRule.findByPk(created.id);
      expect(reloaded!.actions).to.deep.equal(['Notice.edit', 'Notice.publish']);
      expect(reloaded!.conditions).to.deep.equal(CONDITIONS);
      // A typo in the text leaves the stored rule as it was.
      await expectRefused(
        () => reloaded!.update({ conditions: '{"all": [}' as never }),
        '条件不是合法的 JSON：第 1 行第 10 列：出现了意外的字符“}”',
      );
      expect((await AuthorityRule.findByPk(created.id))!.conditions).to.deep.equal(CONDITIONS);
    });

    it('refuses a second rule with the same name in Chinese', async () => {
      const name = ruleName('unique');
      await AuthorityRule.create({ name, actions: ['Owner.edit'], conditions: CONDITIONS });
      await expectRefused(
        () => AuthorityRule.create({ name, actions: ['Owner.new'], conditions: CONDITIONS }),
        '规则名称已存在',
      );
      expect(await AuthorityRule.count({ where: { name } })).to.equal(1);
    });
  });

  describe('RuleVersion', () => {
    it('keeps a snapshot of every version, one per number, and outlives its deleted rule', async () => {
      const rule = await AuthorityRule.create({
        name: ruleName('versions'),
        actions: ['Survey.start'],
        conditions: CONDITIONS,
        updatedById: director.id,
      });
      const [first] = await RuleVersion.findAll({ where: { ruleId: rule.id } });
      expect(first.version).to.equal(1);
      expect(first.snapshot).to.include({ name: rule.name, effect: 'allow' });
      expect(first.changedById).to.equal(director.id);
      const snapshot: { [key: string]: JsonValue } = {
        name: rule.name,
        actions: rule.actions,
        effect: 'allow',
        conditions: CONDITIONS,
        priority: 1,
        enabled: true,
      };
      await expectRefused(() => RuleVersion.create({ ruleId: rule.id, version: 1, snapshot }), '该规则已有此版本');
      await expectRefused(
        () => RuleVersion.create({ ruleId: rule.id, version: 9, snapshot: ['not', 'a', 'rule'] as never }),
        '规则快照必须是 JSON 对象',
      );
      await rule.update({ priority: 5 });
      expect(rule.version).to.equal(2);
      await rule.update({ updatedById: director.id });
      expect(rule.version, 'a change of who touched it last is not a new version').to.equal(2);
      await rule.destroy();
      const versions = await RuleVersion.findAll({ where: { ruleId: rule.id }, order: [['version', 'ASC']] });
      expect(versions.map((v) => v.version)).to.deep.equal([1, 2]);
      expect(versions[1].snapshot).to.include({ priority: 5 });
      expect(versions[0].changedAt).to.be.instanceOf(Date);
    });
  });

  describe('DecisionLog and AuditLog', () => {
    it('logs a default deny with its reason, and refuses an unknown effect or one that contradicts "allowed"', async () => {
      const before = await DecisionLog.count();
      const log = await DecisionLog.create({
        staffId: director.id,
        action: 'RenovationDeposit.refund',
        resource: 'RenovationDeposit',
        recordId: '42',
        allowed: false,
        effect: 'default-deny',
        reason: '没有任何规则允许管理处主任执行「退押金」',
      });
      expect((await DecisionLog.findByPk(log.id))!.rules).to.deep.equal([]);
      const rules = [{ id: 3, name: '退还装修押金', clause: '收费员 职权1' }];
      const allowed = await DecisionLog.create({
        staffId: director.id,
        action: 'Ticket.new',
        resource: 'Ticket',
        allowed: true,
        effect: 'allow',
        rules,
        ruleVersions: { 3: 2 },
      });
      const reloaded = await DecisionLog.findByPk(allowed.id);
      expect(reloaded!.rules).to.deep.equal(rules);
      expect(reloaded!.ruleVersions).to.deep.equal({ 3: 2 });
      await expectRefused(
        () =>
          DecisionLog.create({ action: 'Ticket.new', resource: 'Ticket', allowed: false, effect: 'maybe' as never }),
        '决策结果不正确',
      );
      await expectRefused(
        () => DecisionLog.create({ action: 'Ticket.new', resource: 'Ticket', allowed: true, effect: 'deny' }),
        '“是否允许”与决策结果不一致',
      );
      expect(await DecisionLog.count()).to.equal(before + 2);
    });

    it('keeps field changes as [before, after] pairs and refuses anything else', async () => {
      const changes = {
        status: ['held', 'refunded'],
        refundedAmount: [null, 150000],
        note: ['', '扣除墙面修补费'],
      } as const;
      const log = await AuditLog.create({
        staffId: director.id,
        action: 'RenovationDeposit.refund',
        resource: 'RenovationDeposit',
        recordId: '7',
        changes: changes as never,
      });
      expect((await AuditLog.findByPk(log.id))!.changes).to.deep.equal(changes);
      const before = await AuditLog.count();
      await expectRefused(
        () =>
          AuditLog.create({
            action: 'Owner.edit',
            resource: 'Owner',
            recordId: '1',
            changes: { name: '张三' } as never,
          }),
        '变更内容必须是 {字段: [修改前, 修改后]}',
      );
      await expectRefused(() => AuditLog.create({ action: '', resource: 'Owner' }), '操作不能为空');
      expect(await AuditLog.count()).to.equal(before);
    });
  });
});
