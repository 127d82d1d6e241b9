import { expect } from 'chai';
import { draftedRule } from '../../src/domain/rule-drafts.js';
import { isCatalogued } from '../../src/rules/catalogue.js';
import { SHORT_POSITION_NAMES, parseCitations } from '../../src/rules/clause-citations.js';
import { DEFAULT_AUTHORITIES } from '../../src/rules/default-authorities.js';
import { recordConditionLeaves } from '../../src/rules/default-rules.js';
import { MAX_NAME_LENGTH as RULE_NAME_LIMIT } from '../../src/rules/validate.js';
import { CLAUSE_PHRASES } from '../../src/seed/jd/clause-actions.js';
import {
  MAX_NAME_LENGTH,
  measureProposalCoverage,
  proposeRules,
  proposedCondition,
  shippedProposalInput,
  type ProposalInput,
  type RuleProposal,
} from '../../src/seed/jd/proposals.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';

/** One position of another office, without a code (rules then name it by its name). */
const clerk = (texts: string[], kind: 'duty' | 'authority' = 'authority', name = '收费员兼文员'): ProposalInput => ({
  name,
  code: null,
  clauses: texts.map((text, i) => ({ kind, number: i + 1, text })),
});

const proposalsFor = (text: string, kind: 'duty' | 'authority' = 'authority') =>
  proposeRules([clerk([text], kind)]).proposals;
const actionsFor = (text: string, kind: 'duty' | 'authority' = 'authority') =>
  proposalsFor(text, kind).flatMap((p) => p.actions);

/** The default authority granting an action (the one whose `when` a proposal must carry). */
const defaultFor = (action: string) => DEFAULT_AUTHORITIES.find((a) => a.actions.includes(action))!;

/** Every proposal must be a rule the product itself accepts as a draft. */
function expectDraftable(proposals: RuleProposal[]) {
  for (const proposal of proposals) {
    const drafted = draftedRule(proposal.rule as never);
    expect(drafted, `${proposal.rule.name}: ${JSON.stringify(drafted)}`).to.deep.include({ ok: true });
  }
}

// Other offices' wordings of the same ideas, traditional characters included.
const VARIANTS = [
  '審核是否可退還裝修保證金',
  '负责催收欠费',
  '车位出租登记审核',
  '负责装修押金的收取',
  '决定是否对欠费业主进行催缴',
  '制定欠费催缴计划并按计划实施',
  '审批业主装修申请',
  '协助工程部审批业主装修手续',
  '核对收银员的收款日报',
  '校核會所收費明細',
  '负责报修单的回访',
  '对回访情况进行抽查',
  '负责报事单的归档',
  '业主档案的整理与归档',
  '督促维修部门及时完成报修',
  '编制每月工作计划',
  '负责车位租赁登记',
  '审核各小区车库管理员车位租赁登记情况',
  '对業主投訴進行回訪',
  '没收违规装修的保证金',
  '负责管理费的收缴及统计',
  '编写满意度调查分析报告',
  '跟踪落实整改项目',
  '收发业主信函、邮件',
  '发布小区通知、告示',
];

describe('draft authorities from job-description clauses', () => {
  describe('the shipped document', () => {
    const input = shippedProposalInput();
    const { proposals, withoutAction } = proposeRules(input);

    it('covers the default rules that cite a 职权 clause (printed; at least 80 %)', () => {
      const { covered, total, share, missing } = measureProposalCoverage();
      console.log(`proposal coverage on the shipped document: ${covered}/${total} = ${(share * 100).toFixed(1)}%`);
      for (const line of missing) console.log(`  missing: ${line}`);
      expect(total).to.be.greaterThan(30);
      expect(share, missing.join('\n')).to.be.at.least(0.8);
    });

    it('proposes from 职权 and 职责 clauses, never from qualifications, and lists what matches nothing', () => {
      expect(proposals.some((p) => p.kind === 'authority')).to.equal(true);
      expect(proposals.some((p) => p.kind === 'duty')).to.equal(true);
      expect(proposals.map((p) => p.clause).filter((c) => !/^(职责|职权)\d+$/.test(c))).to.deep.equal([]);
      const qualifications = input.flatMap((p) => p.clauses).filter((c) => c.kind === 'qualification');
      expect(qualifications).to.have.length(20);
      // 完成公司交办的其他任务 … have no action in the system; nothing a 资格要求 says is ever listed.
      expect(withoutAction.map((w) => `${w.position} ${w.clause}`)).to.include('客户接待员 职责6');
      expect(withoutAction.every((w) => /^职(责|权)\d+$/.test(w.clause))).to.equal(true);
      const proposed = new Set(proposals.map((p) => `${p.position} ${p.clause}`));
      for (const w of withoutAction) expect(proposed.has(`${w.position} ${w.clause}`)).to.equal(false);
    });

    it('every proposal is a rule the rule studio accepts as a draft', () => {
      expect(proposals.length).to.be.greaterThan(50);
      expectDraftable(proposals);
    });

    it('names each proposal uniquely, within the rule name limit, and cites its clause by the short names', () => {
      expect(MAX_NAME_LENGTH).to.equal(RULE_NAME_LIMIT);
      const names = proposals.map((p) => p.rule.name);
      expect(new Set(names).size).to.equal(names.length);
      for (const p of proposals) {
        expect([...p.rule.name].length).to.be.at.most(MAX_NAME_LENGTH);
        expect(p.rule.name.startsWith(`${p.position} ${p.clause}：`), p.rule.name).to.equal(true);
        expect(parseCitations(p.rule.clause)).to.deep.equal([{ position: p.position, kind: p.kind, number: p.number }]);
      }
      const short = Object.keys(SHORT_POSITION_NAMES);
      expect(proposals.every((p) => short.some((s) => p.rule.clause.startsWith(`${s} `)))).to.equal(true);
    });

    it("gives the cashier's 职权1 退押金 and 没收押金, each under the defaults' condition; reading the deposits comes with 职责2", () => {
      const mine = proposals.filter((p) => p.position === '客户服务收费员' && p.clause === '职权1');
      expect(mine.map((p) => p.actions)).to.deep.equal([['RenovationDeposit.refund'], ['RenovationDeposit.forfeit']]);
      const [refund, forfeit] = mine;
      expect(refund.matched).to.equal('退装修押金');
      expect(forfeit.matched).to.equal('退装修押金');
      expect(refund.rule).to.deep.include({
        name: '客户服务收费员 职权1：退押金（装修押金）',
        effect: 'allow',
        priority: 1,
        enabled: true,
        clause: '收费员 职权1：审核、检查是否可退装修押金。',
      });
      const cashier = { fact: 'actor', path: 'positionCode', operator: 'in', value: ['cashier'] };
      expect(refund.rule.conditions).to.deep.equal({
        all: [cashier, ...recordConditionLeaves(defaultFor('RenovationDeposit.refund').when)],
      });
      expect(forfeit.rule.conditions).to.deep.equal({
        all: [cashier, ...recordConditionLeaves(defaultFor('RenovationDeposit.forfeit').when)],
      });
      // Reading is proposed once per position, with the first clause whose work needs it (押金的收取、退还和统计).
      const reading = proposals.filter(
        (p) => p.position === '客户服务收费员' && p.actions.includes('RenovationDeposit.list'),
      );
      expect(reading.map((p) => [p.clause, p.rule.name, p.actions])).to.deep.equal([
        [
          '职责2',
          '客户服务收费员 职责2：查阅装修押金',
          ['RenovationDeposit.list', 'RenovationDeposit.show', 'RenovationDeposit.export'],
        ],
      ]);
      expect(reading[0].rule.conditions).to.deep.equal({ all: [cashier] });
    });

    it("drafts the garage keeper's registration the cashier's 职权4 names, for the garage keeper", () => {
      const mine = proposals.filter((p) => p.position === '客户服务收费员' && p.clause === '职权4');
      const review = mine.find((p) => p.actions.includes('ParkingRental.review'))!;
      expect(review.rule.conditions.all[0]).to.deep.equal({
        fact: 'actor',
        path: 'positionCode',
        operator: 'in',
        value: ['cashier'],
      });
      const registration = mine.find((p) => p.actions.includes('ParkingRental.new'))!;
      expect(registration.rule.conditions.all[0]).to.deep.equal({
        fact: 'actor',
        path: 'positionCode',
        operator: 'in',
        value: ['garage_keeper'],
      });
      expect(registration.rule.name).to.match(/（车库管理员）$/);
      expect(parseCitations(registration.rule.clause)).to.deep.equal([
        { position: '客户服务收费员', kind: 'authority', number: 4 },
      ]);
    });

    it('one clause may yield several proposals: the actions sharing a condition make one', () => {
      const plan = proposals.filter((p) => p.position === '客户服务协调员' && p.clause === '职权3');
      expect(plan.map((p) => p.actions)).to.deep.equal([
        [
          'DunningPlan.new',
          'DunningTarget.new',
          'DunningTarget.edit',
          'DunningTarget.delete',
          'Report.dunningResults',
          'Report.arrearsAgeing',
        ],
        ['DunningPlan.edit', 'DunningPlan.fillTargets'],
        [
          'DunningPlan.list',
          'DunningPlan.show',
          'DunningPlan.export',
          'DunningTarget.list',
          'DunningTarget.show',
          'DunningTarget.export',
        ],
      ]);
      expect(plan[1].rule.conditions.all.slice(1)).to.deep.equal([
        { fact: 'record', path: 'status', operator: 'in', value: ['draft'] },
      ]);
    });
  });

  describe('the phrase table', () => {
    it('names only catalogued actions, each with one default condition (or the entry chooses)', () => {
      for (const entry of CLAUSE_PHRASES) {
        for (const action of entry.actions) {
          expect(isCatalogued(action), action).to.equal(true);
          expect(() => proposedCondition(entry, action), action).not.to.throw();
        }
      }
    });

    it('names no position and no clause number: phrases only', () => {
      const names = [...Object.values(POSITION_NAMES), ...Object.keys(SHORT_POSITION_NAMES)];
      for (const entry of CLAUSE_PHRASES) {
        for (const phrase of [...entry.phrases, entry.unless ?? '', entry.requires ?? '']) {
          expect(phrase, phrase).not.to.match(/职[责权]\s*\d/);
          for (const name of names) expect(phrase.includes(name), `${phrase} names ${name}`).to.equal(false);
        }
      }
    });
  });

  describe("other offices' wordings", () => {
    it('every proposal made from them is a rule the rule studio accepts as a draft', () => {
      const { proposals } = proposeRules([clerk(VARIANTS), clerk(VARIANTS, 'duty', '物业管理员')]);
      expect(proposals.length).to.be.greaterThan(VARIANTS.length);
      expectDraftable(proposals);
      const names = proposals.map((p) => p.rule.name);
      expect(new Set(names).size).to.equal(names.length);
    });

    it('reads traditional characters, and reports the words as written', () => {
      const [refund, forfeit] = proposalsFor('審核是否可退還裝修保證金');
      expect(refund.actions).to.deep.equal(['RenovationDeposit.refund']);
      expect(forfeit.actions).to.deep.equal(['RenovationDeposit.forfeit']);
      expect(refund.matched).to.equal('退還裝修保證金');
      expect(refund.rule.clause).to.equal('收费员兼文员 职权1：審核是否可退還裝修保證金');
      expect(actionsFor('校核會所收費明細')).to.include('ClubhouseCharge.verify');
      expect(actionsFor('对業主投訴進行回訪')).to.include('Ticket.returnVisit');
    });

    it('a position without a code is named by its name; its rules cite it by its full name', () => {
      const [proposal] = proposalsFor('审批业主装修申请');
      expect(proposal.actions).to.deep.equal(['RenovationApplication.approve', 'RenovationApplication.reject']);
      expect(proposal.rule.conditions.all[0]).to.deep.equal({
        fact: 'actor',
        path: 'positionName',
        operator: 'equal',
        value: '收费员兼文员',
      });
      expect(parseCitations(proposal.rule.clause)).to.deep.equal([
        { position: '收费员兼文员', kind: 'authority', number: 1 },
      ]);
    });

    it('deposits: collecting is not refunding; deciding whether to refund also decides the forfeit', () => {
      expect(actionsFor('负责装修押金的收取')).to.include('RenovationDeposit.new');
      expect(actionsFor('负责装修押金的收取')).not.to.include('RenovationDeposit.refund');
      expect(actionsFor('负责装修押金的收取')).not.to.include('RenovationDeposit.forfeit');
      expect(actionsFor('办理装修押金退还')).to.include('RenovationDeposit.refund');
      expect(actionsFor('办理装修押金退还')).not.to.include('RenovationDeposit.forfeit');
      expect(actionsFor('没收违规装修的保证金')).to.include('RenovationDeposit.forfeit');
      expect(actionsFor('没收违规装修的保证金')).not.to.include('RenovationDeposit.new');
    });

    it('dunning: 决定 starts a plan, 制定…计划 makes one, 催收 records the contacts', () => {
      expect(actionsFor('决定是否对欠费业主进行催缴')).to.include('DunningPlan.start');
      expect(actionsFor('决定是否对欠费业主进行催缴')).not.to.include('DunningPlan.new');
      expect(actionsFor('制定欠费催缴计划并按计划实施')).to.include.members(['DunningPlan.new', 'DunningRecord.new']);
      expect(actionsFor('制定欠费催缴计划并按计划实施')).not.to.include('DunningPlan.start');
      expect(actionsFor('负责催收欠费')).to.include('DunningRecord.new');
      expect(proposalsFor('负责催收欠费')[0].matched).to.equal('催收欠费');
      expect(actionsFor('负责催收欠费')).not.to.include('DunningPlan.start');
    });

    it('renovation: approving is the approver’s, assisting the engineers is not', () => {
      expect(actionsFor('核准业主的装修申请')).to.include('RenovationApplication.approve');
      // Assisting the approval is reading the applications.
      const assisting = proposalsFor('协助工程部审批业主装修手续');
      expect(assisting.map((p) => [p.rule.name, p.actions])).to.deep.equal([
        [
          '收费员兼文员 职权1：查阅装修申请',
          ['RenovationApplication.list', 'RenovationApplication.show', 'RenovationApplication.export'],
        ],
      ]);
      // Registering is its own words; reading is offered once per position.
      const { proposals } = proposeRules([clerk(['负责受理业主装修申请', '核准业主的装修申请'])]);
      expect(proposals.map((p) => [p.clause, p.actions])).to.deep.equal([
        ['职权1', ['RenovationApplication.new']],
        ['职权1', ['RenovationApplication.list', 'RenovationApplication.show', 'RenovationApplication.export']],
        ['职权2', ['RenovationApplication.approve', 'RenovationApplication.reject']],
      ]);
      // The deposit's review is not the application's.
      expect(actionsFor('审核、检查是否可退装修押金')).not.to.include('RenovationApplication.approve');
    });

    it('parking: reviewing a registration is not registering; registering is the one who does it', () => {
      expect(actionsFor('车位出租登记审核')).to.include('ParkingRental.review');
      expect(actionsFor('车位出租登记审核')).not.to.include('ParkingRental.new');
      const own = proposalsFor('负责车位租赁登记');
      expect(own.flatMap((p) => p.actions)).to.include('ParkingRental.new');
      expect(own[0].rule.conditions.all[0]).to.deep.include({ path: 'positionName', value: '收费员兼文员' });
    });

    it('tickets: urging, return visits, spot checks and archiving by their words, not by a stray one', () => {
      expect(actionsFor('督促维修部门及时完成报修')).to.include('Ticket.urge');
      expect(actionsFor('督促维修部门及时完成报修')).not.to.include('Ticket.dispatch');
      expect(actionsFor('负责报修单的回访')).to.include('Ticket.returnVisit');
      expect(actionsFor('对回访情况进行抽查')).to.include('ReturnVisit.spotCheck');
      expect(actionsFor('对回访情况进行抽查')).not.to.include('Ticket.returnVisit');
      expect(actionsFor('负责报事单的归档')).to.include('Ticket.archive');
      expect(actionsFor('业主档案的整理与归档')).not.to.include('Ticket.archive');
      expect(actionsFor('业主档案的整理与归档')).to.include('Owner.edit');
      expect(actionsFor('电话接听、客户接待、派工等')).to.include.members(['Ticket.new', 'Ticket.dispatch']);
    });

    it('money: collecting fees, checking others’ daily reports, the clubhouse', () => {
      expect(actionsFor('负责管理费的收缴及统计')).to.include.members(['Payment.new', 'Report.collection']);
      expect(actionsFor('核对收银员的收款日报')).to.include('CashReport.reconcile');
      expect(actionsFor('核对收银员的收款日报')).not.to.include('CashReport.new');
      expect(actionsFor('每日编制现金日报表')).to.include.members(['CashReport.new', 'CashReport.submit']);
      expect(actionsFor('校核会所收费明细')).to.deep.equal([
        'ClubhouseCharge.verify',
        'ClubhouseCharge.list',
        'ClubhouseCharge.show',
        'ClubhouseCharge.export',
      ]);
    });

    it('office work: plans, surveys, improvement follow-up, mail and notices', () => {
      expect(actionsFor('编制每月工作计划')).to.include.members([
        'WorkPlan.new',
        'WorkPlan.edit',
        'WorkPlan.carryForward',
      ]);
      expect(actionsFor('编写满意度调查分析报告')).to.include.members(['Survey.report', 'Report.satisfaction']);
      expect(actionsFor('跟踪落实整改项目')).to.include('ImprovementProposal.follow');
      expect(actionsFor('收发业主信函、邮件')).to.include('Correspondence.new');
      expect(actionsFor('发布小区通知、告示')).to.include.members(['Notice.new', 'Notice.publish']);
    });

    it("the issue's documents: a cashier-clerk page, a housing clerk, managers in traditional characters", () => {
      const position = (name: string, texts: string[]): ProposalInput => ({
        name,
        code: null,
        clauses: texts.map((text, i) => ({ kind: 'duty', number: i + 1, text })),
      });
      const { proposals, withoutAction } = proposeRules([
        position('收费员兼文员', [
          '负责小区管理费、水电费等各项费用的收取，做到日清月结。',
          '负责管理处文件的收发、打印、复印及归档工作。',
          '负责业主来电来访的接待和登记，及时转交相关部门处理。',
          '完成主管交办的其他工作。',
        ]),
        position('房管员', ['装修管理\n工作任务：⑴受理业主装修申请；⑵巡查装修现场，制止违章装修；⑶参与装修验收。']),
        position('客戶服務中心經理', ['審核客戶投訴的處理結果，並組織回訪。', '制定部門月度工作計劃，檢查落實情況。']),
        position('工程部經理', ['審核業主裝修方案，組織裝修驗收。']),
      ]);
      expectDraftable(proposals);
      const of = (name: string, clause: string) =>
        proposals.filter((p) => p.position === name && p.clause === clause).flatMap((p) => p.actions);
      expect(of('收费员兼文员', '职责1')).to.include('Payment.new');
      expect(of('收费员兼文员', '职责2')).to.include('ArchiveDocument.new');
      expect(of('收费员兼文员', '职责3')).to.include('Ticket.new');
      expect(of('房管员', '职责1')).to.include.members(['RenovationApplication.new', 'RenovationApplication.inspect']);
      expect(of('客戶服務中心經理', '职责1')).to.include('Ticket.returnVisit');
      expect(of('客戶服務中心經理', '职责2')).to.include('WorkPlan.new');
      // Reviewing a renovation's plan is the engineers' review, not the approval.
      expect(of('工程部經理', '职责1')).to.include.members([
        'RenovationApplication.review',
        'RenovationApplication.inspect',
      ]);
      expect(of('工程部經理', '职责1')).not.to.include('RenovationApplication.approve');
      expect(withoutAction.map((w) => `${w.position} ${w.clause}`)).to.deep.equal(['收费员兼文员 职责4']);
    });

    it('a clause that matches nothing is listed, and a qualification never proposes', () => {
      const result = proposeRules([
        {
          name: '收费员兼文员',
          code: null,
          clauses: [
            { kind: 'duty', number: 1, text: '完成领导交办的其他工作。' },
            { kind: 'qualification', number: 1, text: '熟悉车位租赁与装修押金退还的流程。' },
          ],
        },
      ]);
      expect(result.proposals).to.deep.equal([]);
      expect(result.withoutAction).to.deep.equal([
        { position: '收费员兼文员', clause: '职责1', text: '完成领导交办的其他工作。' },
      ]);
    });
  });
});
