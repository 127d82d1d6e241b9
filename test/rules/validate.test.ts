import { expect } from 'chai';
import { AuthorityRule } from '../../src/models/index.js';
import {
  DEFAULT_AUTHORITIES,
  DEPARTMENT_AUTHORITIES,
  type RecordCondition,
} from '../../src/rules/default-authorities.js';
import { FACTS } from '../../src/rules/facts.js';
import {
  RULE_OPERATORS,
  actionsProblem,
  conditionsProblem,
  validateRuleInput,
  type ValidRule,
} from '../../src/rules/validate.js';
import { expectNothingWritten } from '../support/refusals.js';

const RECORD_PATHS = Object.keys(FACTS.record).join('、');
const OPERATORS = RULE_OPERATORS.join('、');
const FACT_NAMES = 'actor、action、record、now';

const CASHIER = { fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashier'] };
const HELD = { fact: 'record', path: 'status', operator: 'in', value: ['held'] };
const PASSED = { fact: 'record', path: 'inspectionResult', operator: 'equal', value: 'passed' };

/** The refund rule as the director would submit it; each malformed rule below changes one thing. */
const REFUND = {
  name: '退还装修押金',
  description: '验收合格后退还押金',
  actions: ['RenovationDeposit.refund'],
  effect: 'allow',
  conditions: { all: [CASHIER, HELD, PASSED] },
  priority: 1,
  enabled: true,
  clause: '客户服务收费员 职权1',
};

/** Conditions whose second leaf is `leaf` (the first names the cashier), so messages say "第 2 个条件". */
const second = (leaf: unknown) => ({ all: [CASHIER, leaf] });

function refused(changes: Record<string, unknown>): Record<string, string> {
  const result = validateRuleInput({ ...REFUND, ...changes });
  if (result.ok) return expect.fail(`should have been refused: ${JSON.stringify(changes)}`);
  return result.errors;
}

function accepted(input: unknown): ValidRule {
  const result = validateRuleInput(input);
  if (!result.ok) return expect.fail(`should have been accepted, refused with ${JSON.stringify(result.errors)}`);
  return result.rule;
}

/** `depth` nested all-groups around one leaf. */
function nested(depth: number): unknown {
  let node: unknown = CASHIER;
  for (let i = 0; i < depth; i++) node = { all: [node] };
  return node;
}

describe('validateRuleInput (a rule as the director submits it)', () => {
  describe('refuses a malformed rule, saying what is wrong on the field where it is', () => {
    const cases: [string, Record<string, unknown>, string, string][] = [
      // name
      ['a rule without a name is refused', { name: '   ' }, 'name', '规则名称不能为空'],
      [
        'a name longer than 100 characters is refused',
        { name: '退'.repeat(101) },
        'name',
        '规则名称不能超过 100 个字（现在 101 个）',
      ],
      ['a name that is not text is refused', { name: 42 }, 'name', '规则名称必须是文字'],
      ['a description that is not text is refused', { description: { text: '说明' } }, 'description', '说明必须是文字'],
      // actions
      [
        'actions given as a bare action name are refused',
        { actions: 'Ticket.dispatch' },
        'actions',
        '动作必须是数组，如 ["Ticket.new", "Ticket.dispatch"]',
      ],
      ['an empty list of actions is refused', { actions: [] }, 'actions', '至少要有一个动作'],
      [
        'actions typed as broken JSON text are refused',
        { actions: '["Ticket.new"' },
        'actions',
        '动作不是合法的 JSON：数组元素之间缺少逗号，或缺少右方括号 ]',
      ],
      [
        'an action that is not text is refused',
        { actions: ['Ticket.new', 7] },
        'actions',
        '第 2 个动作必须是文字，如 "Ticket.dispatch"，现在是 7',
      ],
      [
        'an action not written as Resource.action is refused with the closest name',
        { actions: ['renovationdeposit refund'] },
        'actions',
        '动作“renovationdeposit refund”格式不正确，应为“资源.动作”，如 RenovationDeposit.refund',
      ],
      [
        'a misspelt action is refused with the catalogued name it resembles',
        { actions: ['RenovationDeposit.refnd'] },
        'actions',
        '动作“RenovationDeposit.refnd”不在动作目录中，是不是 RenovationDeposit.refund？',
      ],
      [
        'an action of an unknown resource is refused',
        { actions: ['Tickets.dispatch'] },
        'actions',
        '动作“Tickets.dispatch”不在动作目录中：没有资源“Tickets”，是不是 Ticket.dispatch？',
      ],
      [
        'an action the resource does not have is refused with the actions it has',
        { actions: ['RenovationDeposit.approve'] },
        'actions',
        '动作“RenovationDeposit.approve”不在动作目录中（装修押金可用的动作：RenovationDeposit.list、RenovationDeposit.show、RenovationDeposit.new、RenovationDeposit.edit、RenovationDeposit.delete、RenovationDeposit.export、RenovationDeposit.refund、RenovationDeposit.forfeit）',
      ],
      [
        'the same action twice is refused',
        { actions: ['RenovationDeposit.refund', 'RenovationDeposit.refund'] },
        'actions',
        '动作“RenovationDeposit.refund”重复了',
      ],
      // effect, priority, enabled
      [
        'an effect other than allow or deny is refused',
        { effect: 'maybe' },
        'effect',
        '规则效果必须是允许(allow)或拒绝(deny)，不能是 "maybe"',
      ],
      [
        'a rule without an effect is refused',
        { effect: undefined },
        'effect',
        '规则效果不能为空，请选择允许(allow)或拒绝(deny)',
      ],
      [
        'priority 0 is refused (json-rules-engine needs priority > 0)',
        { priority: 0 },
        'priority',
        '优先级必须是 1 到 1000 之间的整数，现在是 0',
      ],
      [
        'a fractional priority is refused',
        { priority: '1.5' },
        'priority',
        '优先级必须是 1 到 1000 之间的整数，现在是 "1.5"',
      ],
      [
        'a priority above 1000 is refused',
        { priority: 1001 },
        'priority',
        '优先级必须是 1 到 1000 之间的整数，现在是 1001',
      ],
      [
        'an "enabled" that is not yes or no is refused',
        { enabled: 'maybe' },
        'enabled',
        '“是否启用”必须是 是(true) 或 否(false)，现在是 "maybe"',
      ],
      // conditions: the JSON and its shape
      [
        'conditions typed as broken JSON are refused with the line and column',
        { conditions: '{"all": [\n  {"fact": "actor" "path": "id"}\n]}' },
        'conditions',
        '条件不是合法的 JSON：第 2 行第 20 列：两项之间缺少逗号，或缺少右花括号 }',
      ],
      [
        'conditions typed with Chinese quotation marks are refused with a hint',
        { conditions: '{"all": [{“fact”: "actor"}]}' },
        'conditions',
        '条件不是合法的 JSON：第 1 行第 11 列：键名必须用英文双引号括起来，最后一项后面不能有逗号（请改用英文标点：文中有中文引号、逗号、冒号或括号）',
      ],
      [
        'conditions that are an array are refused',
        { conditions: [CASHIER] },
        'conditions',
        '条件必须是 JSON 对象，顶层为 all、any 或 not，如 {"all": []}',
      ],
      [
        'a single comparison at the top, outside all/any/not, is refused',
        { conditions: CASHIER },
        'conditions',
        '条件必须是 JSON 对象，顶层为 all、any 或 not，如 {"all": []}',
      ],
      [
        'a reference to a shared condition at the top is refused',
        { conditions: { condition: 'isCashier' } },
        'conditions',
        '条件不能引用共享条件（共享条件没有登记），请把条件直接写出来',
      ],
      [
        'a group using both all and any is refused',
        { conditions: { all: [CASHIER], any: [HELD] } },
        'conditions',
        '条件顶层：只能用 all、any、not 中的一个，现在同时有 all、any',
      ],
      [
        'any followed by a single condition instead of a list is refused',
        { conditions: { all: [CASHIER, { any: HELD }] } },
        'conditions',
        '条件组（位置：all 第 2 项）：any 后面必须是条件数组，如 {"any": [{"fact": "record", "path": "status", "operator": "equal", "value": "held"}]}',
      ],
      [
        'not followed by a list is refused',
        { conditions: { all: [CASHIER, { not: [HELD] }] } },
        'conditions',
        '条件组（位置：all 第 2 项）：not 后面必须是一个条件或条件组，不能是数组；多个条件请写成 {"not": {"all": [...]}}',
      ],
      [
        "a comparison written beside a group's list is refused",
        { conditions: { all: [CASHIER], fact: 'record', path: 'status', operator: 'equal', value: 'held' } },
        'conditions',
        '条件顶层：不认识的键“fact”：条件组只能有 all（以及 name、priority）；比较条件要放进 all 的数组里',
      ],
      [
        'an empty group inside the conditions is refused',
        { conditions: { all: [CASHIER, { any: [] }] } },
        'conditions',
        '条件组（位置：all 第 2 项）：any 是空的，请写入条件或删掉这个条件组',
      ],
      [
        'conditions nested more than 10 levels deep are refused',
        { conditions: nested(11) },
        'conditions',
        '条件嵌套不能超过 10 层（位置：all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项 → all 第 1 项）',
      ],
      [
        'more than 200 conditions are refused',
        { conditions: { all: [CASHIER, ...Array.from({ length: 200 }, () => HELD)] } },
        'conditions',
        '条件不能超过 200 个',
      ],
      // conditions: each comparison
      [
        'a comparison that is not an object is refused',
        { conditions: second('status = held') },
        'conditions',
        '第 2 个条件：必须是 JSON 对象，如 {"fact": "record", "path": "status", "operator": "equal", "value": "held"}，现在是 "status = held"',
      ],
      [
        'a reference to a shared condition inside the conditions is refused',
        { conditions: second({ condition: 'held' }) },
        'conditions',
        '第 2 个条件：不能引用共享条件 "held"（共享条件没有登记），请把条件直接写出来',
      ],
      [
        'an unknown key on a comparison is refused with the key it resembles',
        { conditions: second({ ...HELD, valeu: 1 }) },
        'conditions',
        '第 2 个条件：不认识的键“valeu”，是不是 value？（可用：fact、path、operator、value、params、name、priority）',
      ],
      [
        'a comparison without a fact is refused',
        { conditions: second({ path: 'status', operator: 'equal', value: 'held' }) },
        'conditions',
        `第 2 个条件：缺少事实 fact（可用：${FACT_NAMES}）`,
      ],
      [
        'an unknown fact is refused',
        { conditions: second({ ...HELD, fact: 'user' }) },
        'conditions',
        `第 2 个条件：没有事实 "user"（可用：${FACT_NAMES}）`,
      ],
      [
        'a record comparison without a path is refused',
        { conditions: second({ fact: 'record', operator: 'equal', value: 'held' }) },
        'conditions',
        `第 2 个条件：事实 record 缺少路径 path（可用：${RECORD_PATHS}）`,
      ],
      [
        'a path the fact catalogue does not have is refused with the path it resembles',
        { conditions: second({ ...HELD, path: 'statuss' }) },
        'conditions',
        `第 2 个条件：事实 record 没有路径 statuss，是不是 status？（可用：${RECORD_PATHS}）`,
      ],
      [
        'a path on the action fact is refused',
        { conditions: second({ fact: 'action', path: 'name', operator: 'equal', value: 'Ticket.new' }) },
        'conditions',
        '第 2 个条件：事实 action 是整个动作名（如 Ticket.dispatch），不能带路径 "name"',
      ],
      [
        'a comparison without an operator is refused',
        { conditions: second({ fact: 'record', path: 'status', value: 'held' }) },
        'conditions',
        `第 2 个条件：缺少比较运算 operator（可用：${OPERATORS}）`,
      ],
      [
        'an operator json-rules-engine does not have by default is refused',
        { conditions: second({ ...PASSED, operator: 'equals' }) },
        'conditions',
        `第 2 个条件：不认识的比较运算 "equals"，是不是 equal？（可用：${OPERATORS}）`,
      ],
      [
        'a comparison without a value is refused',
        { conditions: second({ fact: 'record', path: 'status', operator: 'equal' }) },
        'conditions',
        '第 2 个条件：缺少比较值 value',
      ],
      [
        'a null value is refused',
        { conditions: second({ ...PASSED, value: null }) },
        'conditions',
        '第 2 个条件：比较值不能是 null',
      ],
      // conditions: values that do not fit the operator or the path
      [
        'in with a text value is refused, because json-rules-engine would test a substring',
        { conditions: second({ ...HELD, value: 'held' }) },
        'conditions',
        '第 2 个条件：in 的比较值必须是数组，如 ["held"]；写成文字时 json-rules-engine 会按子串匹配',
      ],
      [
        'in with an empty list is refused',
        { conditions: second({ ...HELD, value: [] }) },
        'conditions',
        '第 2 个条件：in 的比较值是空数组，这个条件永远不成立；请至少写一个值',
      ],
      [
        'in with a text id on a numeric path is refused',
        { conditions: second({ fact: 'record', path: 'departmentId', operator: 'in', value: ['3'] }) },
        'conditions',
        '第 2 个条件：处理部门（record.departmentId）是数字，比较值数组的第 1 项 "3" 不是数字',
      ],
      [
        'a list mixing numbers and text is refused',
        { conditions: second({ fact: 'record', path: 'departmentId', operator: 'in', value: [1, '2'] }) },
        'conditions',
        '第 2 个条件：比较值数组混用了文字和数字：[1,"2"]',
      ],
      [
        'a numeric comparison on a text path is refused',
        { conditions: second({ fact: 'record', path: 'status', operator: 'lessThan', value: 3 }) },
        'conditions',
        '第 2 个条件：lessThan 只能比较数字，记录状态（record.status）是文字',
      ],
      [
        'a numeric comparison with a text value is refused',
        { conditions: second({ fact: 'record', path: 'amount', operator: 'greaterThan', value: '100' }) },
        'conditions',
        '第 2 个条件：greaterThan 只能和数字比较，比较值 "100" 是文字',
      ],
      [
        'equal with a text id on a numeric path is refused, because equal is ===',
        { conditions: second({ fact: 'record', path: 'departmentId', operator: 'equal', value: '3' }) },
        'conditions',
        '第 2 个条件：处理部门（record.departmentId）是数字，比较值 "3" 是文字；equal 是严格比较（===），类型必须一致，请写成 3',
      ],
      [
        'equal with "true" as text on a yes/no path is refused',
        { conditions: second({ fact: 'actor', path: 'isSupervisor', operator: 'equal', value: 'true' }) },
        'conditions',
        '第 2 个条件：操作人是部门主管（actor.isSupervisor）是是/否（true/false），比较值 "true" 是文字；equal 是严格比较（===），类型必须一致',
      ],
      [
        'equal with a list is refused in favour of in',
        { conditions: second({ ...PASSED, value: ['passed'] }) },
        'conditions',
        '第 2 个条件：equal 只能和单个值比较，比较值 ["passed"] 是一组文字；要和多个值比较，请用 in',
      ],
      [
        'equal on a list-valued path is refused in favour of contains',
        { conditions: second({ fact: 'actor', path: 'supervisesDepartmentIds', operator: 'equal', value: 3 }) },
        'conditions',
        '第 2 个条件：操作人主管的部门（actor.supervisesDepartmentIds）是一组数字，不能用 equal 比较；要看其中是否有某个值，请用 contains',
      ],
      [
        'contains on a single-valued path is refused',
        { conditions: second({ fact: 'record', path: 'status', operator: 'contains', value: 'held' }) },
        'conditions',
        '第 2 个条件：contains 只能用在一组值上（如 actor.supervisesDepartmentIds），记录状态（record.status）是文字；要和多个值比较，请用 in',
      ],
      [
        'contains with a list value is refused',
        { conditions: second({ fact: 'actor', path: 'supervisesDepartmentIds', operator: 'contains', value: [3] }) },
        'conditions',
        '第 2 个条件：操作人主管的部门（actor.supervisesDepartmentIds）是一组数字，contains 的比较值必须是单个数字，比较值 [3] 是一组数字',
      ],
      [
        'an object value that is not a fact reference is refused',
        { conditions: second({ ...PASSED, value: { result: 'passed' } }) },
        'conditions',
        '第 2 个条件：比较值不能是对象 {"result":"passed"}；要引用另一个事实，请写成 {"fact": "actor", "path": "id"}',
      ],
      [
        'a fact reference to an uncatalogued path is refused',
        {
          conditions: second({
            fact: 'record',
            path: 'cashierId',
            operator: 'equal',
            value: { fact: 'actor', path: 'staffId' },
          }),
        },
        'conditions',
        '第 2 个条件：比较值引用的事实 actor 没有路径 staffId（可用：id、positionCode、positionName、departmentId、departmentName、supervisesDepartmentIds、isSupervisor、isSystemAdmin）',
      ],
      [
        'a fact reference of the wrong type is refused',
        {
          conditions: second({
            fact: 'record',
            path: 'status',
            operator: 'equal',
            value: { fact: 'actor', path: 'id' },
          }),
        },
        'conditions',
        '第 2 个条件：记录状态（record.status）是文字，引用的事实是数字；equal 是严格比较（===），类型必须一致',
      ],
      [
        'a fact reference with keys other than fact and path is refused',
        {
          conditions: second({
            fact: 'record',
            path: 'cashierId',
            operator: 'equal',
            value: { fact: 'actor', path: 'id', default: 0 },
          }),
        },
        'conditions',
        '第 2 个条件：引用事实的比较值只能有 fact 和 path，不认识“default”',
      ],
      [
        'an action fact compared with an uncatalogued action is refused',
        {
          conditions: second({
            fact: 'action',
            operator: 'in',
            value: ['RenovationDeposit.refund', 'RenovationDeposit.refnd'],
          }),
        },
        'conditions',
        '第 2 个条件：比较值 "RenovationDeposit.refnd" 不是动作目录中的动作，是不是 RenovationDeposit.refund？',
      ],
      [
        'a comparison priority of 0 is refused',
        { conditions: second({ ...HELD, priority: 0 }) },
        'conditions',
        '第 2 个条件：priority 必须是不小于 1 的整数',
      ],
      // the rule as a whole
      [
        'an allow rule without conditions is refused, because it would allow everyone',
        { conditions: { all: [] } },
        'conditions',
        '允许规则必须至少有一个条件：不设条件（如 {"all": []}）会允许所有人执行这些动作；请写明谁可以，如 {"all": [{"fact": "actor", "path": "positionCode", "operator": "in", "value": ["cashier"]}]}',
      ],
    ];

    for (const [title, changes, field, message] of cases) {
      it(title, () => {
        expect(refused(changes)).to.deep.equal({ [field]: message });
      });
    }

    it('says what is wrong on every field at once', () => {
      const errors = refused({ name: '', actions: ['Ticket.fly'], effect: 'maybe', priority: 0 });
      expect(Object.keys(errors).sort()).to.deep.equal(['actions', 'effect', 'name', 'priority']);
    });

    it('refuses something that is not a rule at all', () => {
      expect(validateRuleInput('退押金')).to.deep.equal({
        ok: false,
        errors: { rule: '规则必须是 JSON 对象，含 name、actions、effect、conditions 等字段' },
      });
    });

    it('counts comparisons in reading order across nested groups', () => {
      const conditions = { all: [CASHIER, { any: [HELD, { not: { ...PASSED, path: 'result' } }] }] };
      expect(refused({ conditions }).conditions).to.match(/^第 3 个条件：事实 record 没有路径 result/);
    });
  });

  describe('accepts a well-formed rule', () => {
    it('accepts the refund rule and returns it as stored', () => {
      expect(accepted(REFUND)).to.deep.equal({ ...REFUND, effect: 'allow' });
    });

    it('takes actions and conditions typed as JSON text, with form strings for priority and enabled', () => {
      const rule = accepted({
        name: '  退还装修押金  ',
        actions: ' ["RenovationDeposit.refund"] ',
        effect: 'allow',
        conditions: JSON.stringify(REFUND.conditions, null, 2),
        priority: '5',
        enabled: 'false',
        description: '',
      });
      expect(rule).to.deep.equal({
        name: '退还装修押金',
        description: null,
        actions: ['RenovationDeposit.refund'],
        effect: 'allow',
        conditions: REFUND.conditions,
        priority: 5,
        enabled: false,
        clause: null,
      });
    });

    it('reads a JSONPath "$." prefix as the plain dotted path', () => {
      const rule = accepted({
        ...REFUND,
        conditions: {
          all: [
            { ...CASHIER, path: '$.positionCode' },
            { fact: 'record', path: '$.cashierId', operator: 'equal', value: { fact: 'actor', path: '$.id' } },
          ],
        },
      });
      expect(rule.conditions).to.deep.equal({
        all: [CASHIER, { fact: 'record', path: 'cashierId', operator: 'equal', value: { fact: 'actor', path: 'id' } }],
      });
    });

    it('accepts a deny rule without conditions (it denies its actions to everyone)', () => {
      expect(accepted({ ...REFUND, effect: 'deny', conditions: { all: [] } }).conditions).to.deep.equal({ all: [] });
    });

    it('accepts the shapes the default authorities need', () => {
      const shapes = [
        {
          fact: 'actor',
          path: 'positionCode',
          operator: 'in',
          value: ['receptionist', 'coordinator', 'cashier', 'assistant'],
        },
        { fact: 'record', path: 'status', operator: 'in', value: ['reported', 'dispatched'] },
        { fact: 'record', path: 'cashierId', operator: 'greaterThan', value: 0 },
        { fact: 'record', path: 'cashierId', operator: 'equal', value: { fact: 'actor', path: 'id' } },
        { fact: 'record', path: 'cashierId', operator: 'notEqual', value: { fact: 'actor', path: 'id' } },
        {
          fact: 'actor',
          path: 'supervisesDepartmentIds',
          operator: 'contains',
          value: { fact: 'record', path: 'departmentId' },
        },
        { fact: 'record', path: 'departmentId', operator: 'equal', value: { fact: 'actor', path: 'departmentId' } },
        {
          fact: 'record',
          path: 'departmentId',
          operator: 'in',
          value: { fact: 'actor', path: 'supervisesDepartmentIds' },
        },
        { fact: 'record', path: 'inspectionResult', operator: 'in', value: ['passed'] },
      ];
      for (const shape of shapes) accepted({ ...REFUND, conditions: { all: [shape] } });
    });

    it('accepts every default authority of the job description written as a rule', () => {
      const leaves = (when: RecordCondition | undefined) => {
        const all: unknown[] = [];
        if (!when) return all;
        if (when.status) all.push({ fact: 'record', path: 'status', operator: 'in', value: when.status });
        if (when.ownField)
          all.push({ fact: 'record', path: when.ownField, operator: 'equal', value: { fact: 'actor', path: 'id' } });
        if (when.notOwnField)
          all.push({
            fact: 'record',
            path: when.notOwnField,
            operator: 'notEqual',
            value: { fact: 'actor', path: 'id' },
          });
        if (when.supervisedDepartmentField)
          all.push({
            fact: 'actor',
            path: 'supervisesDepartmentIds',
            operator: 'contains',
            value: { fact: 'record', path: when.supervisedDepartmentField },
          });
        if (when.memberDepartmentField)
          all.push({
            fact: 'record',
            path: when.memberDepartmentField,
            operator: 'equal',
            value: { fact: 'actor', path: 'departmentId' },
          });
        if (when.fieldIn)
          all.push({ fact: 'record', path: when.fieldIn.field, operator: 'in', value: when.fieldIn.values });
        return all;
      };
      const authorities = [
        ...DEFAULT_AUTHORITIES,
        ...DEPARTMENT_AUTHORITIES.map((a) => ({ ...a, positions: [] as string[] })),
      ];
      for (const authority of authorities) {
        const who = authority.positions.length
          ? [{ fact: 'actor', path: 'positionCode', operator: 'in', value: authority.positions }]
          : [];
        const rule = accepted({
          name: authority.name,
          actions: authority.actions,
          effect: 'allow',
          conditions: { all: [...who, ...leaves(authority.when)] },
          clause: authority.clause,
        });
        expect(rule.actions).to.deep.equal(authority.actions);
      }
      expect(authorities.length).to.be.greaterThan(40);
    });

    it('accepts every default operator on a path it fits', () => {
      const amount = (operator: string, value: unknown) => ({ fact: 'record', path: 'amount', operator, value });
      const conditions = {
        any: [
          amount('equal', 100),
          amount('notEqual', 100),
          amount('lessThan', 100),
          amount('lessThanInclusive', 100),
          amount('greaterThan', 100),
          amount('greaterThanInclusive', 100),
          amount('in', [100, 200]),
          amount('notIn', [100]),
          { fact: 'actor', path: 'supervisesDepartmentIds', operator: 'contains', value: 3 },
          { fact: 'actor', path: 'supervisesDepartmentIds', operator: 'doesNotContain', value: 3 },
          { fact: 'action', operator: 'equal', value: 'RenovationDeposit.refund' },
          { fact: 'action', path: '', operator: 'in', value: ['RenovationDeposit.refund'] },
          { fact: 'actor', path: 'isSupervisor', operator: 'equal', value: true },
          { fact: 'now', path: 'hour', operator: 'lessThan', value: 18 },
        ],
      };
      expect(accepted({ ...REFUND, conditions }).conditions).to.deep.equal({
        any: [
          ...conditions.any.slice(0, 11),
          { fact: 'action', operator: 'in', value: ['RenovationDeposit.refund'] },
          ...conditions.any.slice(12),
        ],
      });
    });

    it('accepts nested all/any/not with names, priorities and params', () => {
      const conditions = {
        all: [CASHIER, { any: [HELD, { not: { ...PASSED, params: { note: '验收' } } }], name: '状态', priority: 2 }],
      };
      expect(accepted({ ...REFUND, conditions }).conditions).to.deep.equal(conditions);
    });

    it('accepts the limits themselves: 10 levels, 200 conditions, a 100-character name, priority 1000', () => {
      accepted({ ...REFUND, conditions: nested(10) });
      accepted({ ...REFUND, conditions: { all: [CASHIER, ...Array.from({ length: 199 }, () => HELD)] } });
      accepted({ ...REFUND, name: '退'.repeat(100), priority: 1000 });
    });

    it('accepts a whole resource as Resource.*', () => {
      expect(
        accepted({ ...REFUND, effect: 'deny', actions: ['Staff.*'], conditions: { all: [] } }).actions,
      ).to.deep.equal(['Staff.*']);
    });
  });

  describe('the field checks the model uses', () => {
    it('answer null for a good value and the message for a bad one', () => {
      expect(actionsProblem(['Ticket.dispatch'])).to.equal(null);
      expect(actionsProblem(['Ticket.dispach'])).to.equal(
        '动作“Ticket.dispach”不在动作目录中，是不是 Ticket.dispatch？',
      );
      expect(conditionsProblem({ all: [] })).to.equal(null);
      expect(conditionsProblem(second({ ...HELD, path: 'statuss' }))).to.equal(
        `第 2 个条件：事实 record 没有路径 statuss，是不是 status？（可用：${RECORD_PATHS}）`,
      );
    });

    it('keep a bad rule out of the database whichever way it is saved', async () => {
      await expectNothingWritten(
        AuthorityRule,
        '动作“RenovationDeposit.refnd”不在动作目录中，是不是 RenovationDeposit.refund？',
        () =>
          AuthorityRule.create({
            name: '拼错动作的规则',
            actions: ['RenovationDeposit.refnd'],
            conditions: REFUND.conditions,
          }),
      );
      await expectNothingWritten(
        AuthorityRule,
        '第 2 个条件：in 的比较值必须是数组，如 ["held"]；写成文字时 json-rules-engine 会按子串匹配',
        () =>
          AuthorityRule.create({
            name: '子串匹配的规则',
            actions: ['RenovationDeposit.refund'],
            conditions: JSON.stringify(second({ ...HELD, value: 'held' })) as never,
          }),
      );
      await expectNothingWritten(AuthorityRule, '优先级不能超过 1000', () =>
        AuthorityRule.create({
          name: '优先级过高的规则',
          actions: ['RenovationDeposit.refund'],
          conditions: REFUND.conditions,
          priority: 1001,
        }),
      );
    });
  });
});
