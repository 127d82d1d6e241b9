import { expect } from 'chai';
import { decide } from '../../src/rules/decide.js';
import type { Actor } from '../../src/rules/actor.js';

const actor = (positionCode: string, extra: Partial<Actor> = {}): Actor => ({
  id: 7,
  name: '测试',
  email: 't@test.local',
  positionId: 1,
  positionCode,
  positionName: positionCode,
  departmentId: 3,
  departmentName: '客户中心',
  supervisesDepartmentIds: [],
  isSystemAdmin: positionCode === 'system_admin',
  enabled: true,
  ...extra,
});

describe('decide (the access seam)', () => {
  it('answers in the decision shape the admin and the API share', () => {
    const decision = decide(actor('receptionist'), 'Ticket.archive', { status: 'approved' });
    expect(decision).to.have.all.keys('allowed', 'effect', 'rules', 'reason');
    expect(decision.allowed).to.equal(true);
    expect(decision.effect).to.equal('allow');
    expect(decision.rules[0]).to.have.all.keys('id', 'name', 'clause');
  });

  it('denies by default, with a reason naming the action', () => {
    const decision = decide(actor('receptionist'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'passed',
    });
    expect(decision).to.include({ allowed: false, effect: 'default-deny' });
    expect(decision.reason).to.include('退押金');
  });

  it('收费员 may refund a held deposit whose inspection passed, not one whose inspection failed', () => {
    expect(
      decide(actor('cashier'), 'RenovationDeposit.refund', { status: 'held', inspectionResult: 'passed' }).allowed,
    ).to.equal(true);
    const refused = decide(actor('cashier'), 'RenovationDeposit.refund', {
      status: 'held',
      inspectionResult: 'failed',
    });
    expect(refused.allowed).to.equal(false);
    expect(refused.reason).to.include('不符合条件');
  });

  it('an unknown action, a missing actor and a disabled actor are denied', () => {
    expect(decide(actor('director'), 'Ticket.teleport')).to.include({ allowed: false, effect: 'default-deny' });
    expect(decide(null, 'Ticket.list').allowed).to.equal(false);
    expect(decide(actor('receptionist', { enabled: false }), 'Ticket.list').allowed).to.equal(false);
  });

  it('the system administrator manages staff but is hard-denied business actions', () => {
    expect(decide(actor('system_admin'), 'Staff.edit', { id: 1 }).allowed).to.equal(true);
    const refused = decide(actor('system_admin'), 'Ticket.new');
    expect(refused).to.include({ allowed: false, effect: 'deny' });
    expect(refused.reason).to.include('系统管理员');
  });

  it('only the supervisor of the handling department may approve a visited ticket', () => {
    const supervisor = actor('engineering_supervisor', { supervisesDepartmentIds: [5] });
    expect(decide(supervisor, 'Ticket.supervisorApprove', { status: 'visited', departmentId: 5 }).allowed).to.equal(
      true,
    );
    expect(decide(supervisor, 'Ticket.supervisorApprove', { status: 'visited', departmentId: 6 }).allowed).to.equal(
      false,
    );
    expect(
      decide(actor('assistant'), 'Ticket.supervisorApprove', { status: 'visited', departmentId: 5 }).allowed,
    ).to.equal(false);
  });

  it("a cashier reconciles someone else's submitted report, never their own", () => {
    expect(decide(actor('cashier'), 'CashReport.reconcile', { status: 'submitted', cashierId: 8 }).allowed).to.equal(
      true,
    );
    expect(decide(actor('cashier'), 'CashReport.reconcile', { status: 'submitted', cashierId: 7 }).allowed).to.equal(
      false,
    );
  });
});
