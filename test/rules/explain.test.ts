import { expect } from 'chai';
import { explainConditions, explainRule } from '../../src/rules/explain.js';

const positions = (...codes: string[]) => ({ fact: 'actor', path: 'positionCode', operator: 'in', value: codes });
const status = (...codes: string[]) => ({ fact: 'record', path: 'status', operator: 'in', value: codes });

describe('explainRule (a rule in plain Chinese)', () => {
  it('names the position, the action and the conditions of the refund rule', () => {
    const rule = {
      effect: 'allow',
      actions: ['RenovationDeposit.refund'],
      conditions: {
        all: [
          positions('cashier'),
          status('held'),
          { fact: 'record', path: 'inspectionResult', operator: 'equal', value: 'passed' },
        ],
      },
    };
    expect(explainRule(rule)).to.equal(
      '允许 客户服务收费员 退押金（装修押金），条件：装修押金状态 为「在押」，且 验收结果 为「验收合格」',
    );
  });

  it('leaves out the condition part when the position is the only condition', () => {
    const rule = {
      effect: 'allow',
      actions: ['Ticket.new'],
      conditions: { all: [positions('receptionist', 'coordinator', 'cashier', 'assistant')] },
    };
    expect(explainRule(rule)).to.equal('允许 客户接待员、客户服务协调员、客户服务收费员、客户服务助理 新建报事单');
  });

  it('reads several states, a fact reference and an id guard', () => {
    const rule = {
      effect: 'allow',
      actions: ['CashReport.reconcile'],
      conditions: {
        all: [
          positions('cashier'),
          status('submitted', 'reconciled'),
          { fact: 'record', path: 'cashierId', operator: 'greaterThan', value: 0 },
          { fact: 'record', path: 'cashierId', operator: 'notEqual', value: { fact: 'actor', path: 'id' } },
        ],
      },
    };
    expect(explainRule(rule)).to.equal(
      '允许 客户服务收费员 核对日报（现金日报表），条件：现金日报表状态 是以下之一：「已提交」、「已核对」，且 收款人 已填写且不是操作人本人',
    );
  });

  it('says 任何人 when no position is named, and groups workflow actions of one resource', () => {
    const rule = {
      effect: 'allow',
      actions: ['Ticket.supervisorApprove', 'Ticket.sendBack'],
      conditions: {
        all: [
          status('visited'),
          {
            fact: 'actor',
            path: 'supervisesDepartmentIds',
            operator: 'contains',
            value: { fact: 'record', path: 'departmentId' },
          },
        ],
      },
    };
    expect(explainRule(rule)).to.equal(
      '允许 任何人 主管审核、退回重办（报事单），条件：报事单状态 为「已回访」，且 操作人主管的部门 包含「处理部门」',
    );
  });

  it('reads a deny rule with any and not, from JSON text, and marks it disabled', () => {
    const rule = {
      effect: 'deny',
      actions: '["Payment.void"]',
      enabled: false,
      conditions: JSON.stringify({
        any: [
          { fact: 'now', path: 'hour', operator: 'greaterThanInclusive', value: 18 },
          { not: { fact: 'actor', path: 'positionCode', operator: 'equal', value: 'cashier' } },
        ],
      }),
    };
    expect(explainRule(rule)).to.equal(
      '拒绝 任何人 作废收据（收款收据），条件：当前小时（北京时间） 大于或等于 18，或 并非（操作人岗位 为「客户服务收费员」）（已停用）',
    );
  });

  it("shows a status in the words of the rule's own resource", () => {
    const approved = (action: string) =>
      explainRule({ effect: 'deny', actions: [action], conditions: { all: [status('approved')] } });
    expect(approved('Ticket.edit')).to.equal('拒绝 任何人 编辑报事单，条件：报事单状态 为「主管已审核」');
    expect(approved('RenovationApplication.edit')).to.equal(
      '拒绝 任何人 编辑装修申请，条件：装修申请状态 为「已核批」',
    );
  });
});

describe('explainConditions (the condition part alone)', () => {
  it('reads nested groups in parentheses, actions by their labels and yes/no values', () => {
    const conditions = {
      all: [
        { fact: 'action', operator: 'notIn', value: ['Ticket.archive', 'Ticket.cancel'] },
        {
          any: [
            { fact: 'actor', path: 'isSupervisor', operator: 'equal', value: true },
            { fact: 'record', path: 'amount', operator: 'lessThan', value: 10000 },
          ],
        },
      ],
    };
    expect(explainConditions(conditions)).to.equal(
      '操作 不是以下任何一个：「归档（报事单）」、「取消（报事单）」，且（操作人是部门主管 为「是」，或 金额 小于 100.00 元）',
    );
  });

  it('says 无条件 for empty conditions, and shows a code whose meaning depends on the resource as it is', () => {
    expect(explainConditions({ all: [] })).to.equal('无条件');
    expect(explainConditions({ all: [status('held')] })).to.equal('记录状态 为「在押」');
    expect(explainConditions({ all: [status('approved')] })).to.equal('记录状态 为「approved」');
  });
});
