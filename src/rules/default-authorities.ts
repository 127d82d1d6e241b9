// The default authorities of the job-description document, as data: who may take which actions, on which
// records, citing the clause. The authority core turns these into stored rules.

import { WORKFLOW_ACTIONS } from './catalogue.js';

export type PositionCode =
  | 'receptionist'
  | 'coordinator'
  | 'cashier'
  | 'assistant'
  | 'director'
  | 'engineering_supervisor'
  | 'garage_keeper'
  | 'system_admin';

export interface RecordCondition {
  /** The record's status is one of these. */
  status?: string[];
  /** The record's field holds the actor's id (own plan, own receipt …). */
  ownField?: string;
  /** The record's field must NOT hold the actor's id (reconcile someone else's report …). */
  notOwnField?: string;
  /** The actor supervises the department in this field. */
  supervisedDepartmentField?: string;
  /** The actor belongs to the department in this field. */
  memberDepartmentField?: string;
  /** Field equals one of the values. */
  fieldIn?: { field: string; values: (string | number | boolean)[] };
  /** The record's field holds an id (a position proposed for approval …). */
  presentField?: string;
}

export interface DefaultAuthority {
  name: string;
  actions: string[];
  positions: PositionCode[];
  when?: RecordCondition;
  /** The clause it implements, e.g. "客户接待员 职权3：审核确定各专业部门完成的报事单是否可归档". */
  clause: string;
}

const FRONT_FOUR: PositionCode[] = ['receptionist', 'coordinator', 'cashier', 'assistant'];
const FRONT_DESK: PositionCode[] = ['receptionist', 'coordinator', 'assistant'];
/**
 * Whoever may list may export (导出…列表, GET /admin/export/<Resource>.xlsx): an authority granting `X.list` grants
 * `X.export` beside it — the same positions, conditions and clause. AuthorityRule.export is not a list's export but the
 * rule transfer (导出规则与测试, a workflow action of its own), which stays the director's (管理权限规则).
 */
function withListExports<T extends { actions: string[] }>(authorities: T[]): T[] {
  return authorities.map((authority) => ({
    ...authority,
    actions: authority.actions.flatMap((action) => {
      const [resource, verb] = action.split('.');
      const exported = `${resource}.export`;
      const derived = verb === 'list' && !(exported in WORKFLOW_ACTIONS) && !authority.actions.includes(exported);
      return derived ? [action, exported] : [action];
    }),
  }));
}

const read = (...resources: string[]) => resources.flatMap((r) => [`${r}.list`, `${r}.show`]);

export const DEFAULT_AUTHORITIES: DefaultAuthority[] = withListExports([
  // 报事 / 派工
  {
    name: '登记报事',
    actions: ['Ticket.new'],
    positions: FRONT_FOUR,
    clause: '接待员 职责1、协调员 职责8、收费员 职责7、助理 职责7：电话接听、客户接待、派工',
  },
  {
    name: '修改未派工的报事',
    actions: ['Ticket.edit'],
    positions: FRONT_FOUR,
    when: { status: ['reported'] },
    clause: '接待员 职责1：派工、报事管理',
  },
  {
    name: '派工',
    actions: ['Ticket.dispatch'],
    positions: FRONT_FOUR,
    when: { status: ['reported'] },
    clause: '接待员 职责1、协调员 职责8、收费员 职责7、助理 职责7：派工',
  },
  {
    name: '督促派工',
    actions: ['Ticket.urge'],
    positions: FRONT_DESK,
    when: { status: ['dispatched'] },
    clause: '接待员 职权1、协调员 职权1、助理 职责4',
  },
  {
    name: '改派',
    actions: ['Ticket.reassign'],
    positions: FRONT_DESK,
    when: { status: ['dispatched'] },
    clause: '接待员 职责1：跟踪',
  },
  {
    name: '取消报事',
    actions: ['Ticket.cancel'],
    positions: FRONT_DESK,
    when: { status: ['reported', 'dispatched'] },
    clause: '接待员 职责1',
  },
  {
    name: '回访',
    actions: ['Ticket.returnVisit'],
    positions: FRONT_DESK,
    when: { status: ['completed'] },
    clause: '接待员 职责4、协调员 职责4、助理 职责4',
  },
  {
    name: '归档报事单',
    actions: ['Ticket.archive'],
    positions: ['receptionist', 'assistant'],
    when: { status: ['approved'] },
    clause: '接待员 职权3、助理 职权4',
  },
  {
    name: '抽查回访',
    actions: ['ReturnVisit.spotCheck'],
    positions: FRONT_DESK,
    when: { notOwnField: 'visitorId' },
    clause: '接待员 职权2、协调员 职权2、助理 职权3',
  },
  // 档案与前台
  {
    name: '管理业主档案',
    actions: ['Owner.new', 'Owner.edit', 'Owner.review'],
    positions: ['coordinator', 'assistant'],
    clause: '协调员 职责1：业主档案的管理',
  },
  {
    name: '登记函件与外联电话',
    actions: ['Correspondence.new', 'Correspondence.edit'],
    positions: ['receptionist', 'coordinator'],
    clause: '接待员 职责2',
  },
  { name: '起草通知', actions: ['Notice.new'], positions: ['receptionist', 'assistant'], clause: '接待员 职责3' },
  {
    name: '发布通知',
    actions: ['Notice.publish'],
    positions: ['receptionist', 'assistant'],
    when: { status: ['draft'] },
    clause: '接待员 职责3',
  },
  {
    name: '撤回通知',
    actions: ['Notice.withdraw'],
    positions: ['receptionist', 'assistant'],
    when: { status: ['published'] },
    clause: '接待员 职责3',
  },
  {
    name: '修改草稿通知',
    actions: ['Notice.edit'],
    positions: ['receptionist', 'assistant'],
    when: { status: ['draft'] },
    clause: '接待员 职责3',
  },
  // 收费
  { name: '收取费用', actions: ['Bill.generate', 'Payment.new'], positions: ['cashier'], clause: '收费员 职责1' },
  // 收款 where the money is: one receipt for several of an owner's bills. The room's and the bill's 收款 open the owner's
  // (one without an owner says so in words).
  {
    name: '业主收款',
    actions: ['Owner.collect', 'Unit.collect'],
    positions: ['cashier'],
    clause: '收费员 职责1：负责管理处物管费及其他各项费用的收取和统计工作',
  },
  {
    name: '为未缴清的账单收款',
    actions: ['Bill.collect'],
    positions: ['cashier'],
    when: { status: ['unpaid', 'partial'] },
    clause: '收费员 职责1',
  },
  // The use case (domain/billing-run.ts) also refuses a run whose bills have receipts or are counted in dunning targets.
  {
    name: '撤销账单生成',
    actions: ['BillingRun.undo'],
    positions: ['cashier'],
    when: { status: ['done'] },
    clause: '收费员 职责1',
  },
  {
    name: '作废本人收据',
    actions: ['Payment.void'],
    positions: ['cashier'],
    when: { ownField: 'cashierId', status: ['valid'] },
    clause: '收费员 职责1、职责4',
  },
  { name: '编制现金日报表', actions: ['CashReport.new'], positions: ['cashier'], clause: '收费员 职责4' },
  // A day sent back (有差异) is corrected and submitted again.
  {
    name: '提交本人日报',
    actions: ['CashReport.submit'],
    positions: ['cashier'],
    when: { ownField: 'cashierId', status: ['open', 'returned'] },
    clause: '收费员 职责4',
  },
  {
    name: '重新打开本人日报',
    actions: ['CashReport.reopen'],
    positions: ['cashier'],
    when: { ownField: 'cashierId', status: ['submitted'] },
    clause: '收费员 职责4：每日根据原始单据编制现金日报表（提交后当天续收）',
  },
  {
    name: '核对他人日报',
    actions: ['CashReport.reconcile'],
    positions: ['cashier'],
    when: { notOwnField: 'cashierId', status: ['submitted'] },
    clause: '收费员 职权3',
  },
  {
    name: '退回有差异的他人日报',
    actions: ['CashReport.sendBack'],
    positions: ['cashier'],
    when: { notOwnField: 'cashierId', status: ['submitted'] },
    clause: '收费员 职权3：对其他人员收费情况进行核对统计（有差异的退回更正）',
  },
  // 催缴
  {
    name: '制定催缴计划',
    actions: ['DunningPlan.new'],
    positions: ['coordinator', 'assistant'],
    clause: '协调员 职权3、助理 职权5',
  },
  {
    name: '修改草稿催缴计划',
    actions: ['DunningPlan.edit'],
    positions: ['coordinator', 'assistant'],
    when: { status: ['draft'] },
    clause: '协调员 职权3、助理 职权5',
  },
  {
    name: '按欠费生成催缴对象',
    actions: ['DunningPlan.fillTargets'],
    positions: ['coordinator', 'assistant'],
    when: { status: ['draft'] },
    clause: '协调员 职权3、助理 职权5',
  },
  // A target has no state of its own: the form refuses changes once its plan has started (domain/parent-checks.ts).
  {
    name: '编排催缴对象',
    actions: ['DunningTarget.new', 'DunningTarget.edit', 'DunningTarget.delete'],
    positions: ['coordinator', 'assistant'],
    clause: '协调员 职权3、助理 职权5',
  },
  {
    name: '决定催缴',
    actions: ['DunningPlan.start'],
    positions: ['cashier'],
    when: { status: ['draft'] },
    clause: '收费员 职权2',
  },
  {
    name: '记录催缴',
    actions: ['DunningRecord.new'],
    positions: FRONT_FOUR,
    clause: '接待员 职责5、协调员 职责6、收费员 职责6、助理 职权5',
  },
  {
    name: '结束催缴',
    actions: ['DunningPlan.close'],
    positions: ['cashier', 'assistant'],
    when: { status: ['started'] },
    clause: '收费员 职责6',
  },
  // 装修
  { name: '登记装修申请', actions: ['RenovationApplication.new'], positions: FRONT_DESK, clause: '前台登记' },
  {
    name: '工程审核装修申请',
    actions: ['RenovationApplication.review'],
    positions: ['engineering_supervisor'],
    when: { status: ['submitted'] },
    clause: '助理 职责3：协助工程主管审批装修手续',
  },
  {
    name: '装修验收',
    actions: ['RenovationApplication.inspect'],
    positions: ['engineering_supervisor'],
    when: { status: ['approved'] },
    clause: '助理 职责3',
  },
  {
    name: '核批装修手续',
    actions: ['RenovationApplication.approve', 'RenovationApplication.reject'],
    positions: ['assistant'],
    when: { status: ['reviewed'] },
    clause: '助理 职权2',
  },
  { name: '收取装修押金', actions: ['RenovationDeposit.new'], positions: ['cashier'], clause: '收费员 职责2' },
  {
    name: '退还装修押金',
    actions: ['RenovationDeposit.refund'],
    positions: ['cashier'],
    when: { status: ['held'], fieldIn: { field: 'inspectionResult', values: ['passed'] } },
    clause: '收费员 职权1',
  },
  {
    name: '没收装修押金',
    actions: ['RenovationDeposit.forfeit'],
    positions: ['cashier'],
    when: { status: ['held'], fieldIn: { field: 'inspectionResult', values: ['failed'] } },
    clause: '收费员 职权1',
  },
  // 车位与会所
  {
    name: '登记车位租赁',
    actions: ['ParkingRental.new'],
    positions: ['garage_keeper'],
    clause: '收费员 职权4（车库管理员登记）',
  },
  {
    name: '修改待审核的车位租赁',
    actions: ['ParkingRental.edit'],
    positions: ['garage_keeper'],
    when: { status: ['pending'] },
    clause: '收费员 职权4（车库管理员登记，审核前可改）',
  },
  {
    name: '管理车位',
    actions: ['ParkingSpace.new', 'ParkingSpace.edit'],
    positions: ['garage_keeper'],
    clause: '收费员 职权4（各小区车库管理员的车位）',
  },
  {
    name: '审核车位租赁',
    actions: ['ParkingRental.review'],
    positions: ['cashier'],
    when: { status: ['pending'] },
    clause: '收费员 职权4',
  },
  {
    name: '校核会所收费',
    actions: ['ClubhouseCharge.verify'],
    positions: ['cashier'],
    when: { status: ['pending'] },
    clause: '收费员 职权5',
  },
  // 满意度调查
  {
    name: '制定满意度调查',
    actions: ['Survey.new', 'SurveyQuestion.new'],
    positions: ['assistant'],
    clause: '助理 职责1、职权6',
  },
  {
    name: '开始满意度调查',
    actions: ['Survey.start'],
    positions: ['assistant'],
    when: { status: ['draft'] },
    clause: '助理 职责2、职权6',
  },
  {
    name: '结束满意度调查',
    actions: ['Survey.close'],
    positions: ['assistant'],
    when: { status: ['running'] },
    clause: '助理 职责2、职权6',
  },
  {
    name: '修改草稿调查',
    actions: ['Survey.edit'],
    positions: ['assistant'],
    when: { status: ['draft'] },
    clause: '助理 职责1、职权6',
  },
  {
    name: '修改草稿调查的问题',
    actions: ['SurveyQuestion.edit'],
    positions: ['assistant'],
    when: { fieldIn: { field: 'surveyStatus', values: ['draft'] } },
    clause: '助理 职责1、职权6',
  },
  {
    name: '录入调查答卷',
    actions: ['SurveyResponse.new'],
    positions: ['assistant', 'coordinator'],
    clause: '协调员 职责7',
  },
  {
    name: '调查分析报告',
    actions: ['Survey.report'],
    positions: ['assistant', 'coordinator'],
    clause: '助理 职权6、协调员 职权5',
  },
  // 报表
  {
    name: '查看月度报事统计',
    actions: ['Report.monthlyTickets'],
    positions: [...FRONT_DESK, 'director'],
    clause:
      '接待员 职权4、接待员 职责4、助理 职责4：编制月派工报事统计分析表以及有偿服务收费明细表；每月将报事类相关数据作统计分析后转交简报主办人员',
  },
  {
    name: '查看回访意见汇总',
    actions: ['Report.visitFeedback'],
    positions: [...FRONT_DESK, 'director'],
    clause: '协调员 职权4、协调员 职责4：整理客户报事单的回访意见，制定改进意见',
  },
  {
    name: '查看收费统计与押金报表',
    actions: ['Report.collection', 'Report.deposits'],
    positions: ['cashier', 'assistant', 'director'],
    clause: '收费员 职责1、职责2、职权3：各项费用与装修押金的收取和统计，对其他人员收费情况进行核对统计',
  },
  {
    name: '查看欠费账龄与催缴结果',
    actions: ['Report.arrearsAgeing', 'Report.dunningResults'],
    positions: ['cashier', 'coordinator', 'assistant', 'director'],
    clause: '收费员 职责6、协调员 职权3、助理 职权5：定期通报催缴结果，制定并实施催缴计划',
  },
  {
    name: '查看满意度调查统计',
    actions: ['Report.satisfaction'],
    positions: ['assistant', 'coordinator', 'director'],
    clause: '助理 职责2、协调员 职责7：客户满意度调查的统计、分析',
  },
  // 改进意见
  {
    name: '制定改进意见',
    actions: ['ImprovementProposal.new'],
    positions: ['coordinator', 'assistant', 'director'],
    clause: '协调员 职权4：整理客户报事单的回访意见，制定改进意见',
  },
  {
    name: '修改本人未处理的改进意见',
    actions: ['ImprovementProposal.edit'],
    positions: ['coordinator', 'assistant', 'director'],
    when: { status: ['proposed'], ownField: 'proposerId' },
    clause: '协调员 职权4：整理客户报事单的回访意见，制定改进意见',
  },
  {
    name: '跟踪落实改进意见',
    actions: ['ImprovementProposal.follow'],
    positions: ['assistant', 'director'],
    when: { status: ['proposed', 'adopted'] },
    clause: '助理 职权1：督协调员完成各类整改项目的监督、跟踪、落实过程',
  },
  {
    name: '查阅改进意见',
    actions: read('ImprovementProposal'),
    positions: [...FRONT_DESK, 'director'],
    clause: '协调员 职权4、助理 职权1：回访意见的改进意见及其落实',
  },
  // 工作计划
  {
    name: '制定月工作计划',
    actions: ['WorkPlan.new', 'WorkPlanItem.new'],
    positions: [...FRONT_FOUR, 'director'],
    clause: '接待员 职权5、协调员 职权6、收费员 职权6：各岗位制定月工作计划（五周滚动计划）',
  },
  {
    name: '修改本人工作计划',
    actions: ['WorkPlan.edit', 'WorkPlan.carryForward'],
    positions: [...FRONT_FOUR, 'director'],
    when: { ownField: 'staffId' },
    clause: '接待员 职权5、协调员 职权6、收费员 职权6：各岗位制定月工作计划（五周滚动计划）',
  },
  {
    name: '修改工作计划事项',
    actions: ['WorkPlanItem.edit', 'WorkPlanItem.delete'],
    positions: [...FRONT_FOUR, 'director'],
    when: { ownField: 'planStaffId' },
    clause: '接待员 职权5、协调员 职权6、收费员 职权6：各岗位制定月工作计划（五周滚动计划）',
  },
  // 资料归档
  // A new document must be one its author may edit (admin/payload.ts resultMustBeEditable), so the kinds are set by the edit rules.
  {
    name: '登记培训、会议与ISO资料',
    actions: ['ArchiveDocument.new'],
    positions: ['coordinator'],
    clause: '协调员 职责2',
  },
  {
    name: '整理培训、会议与ISO资料',
    actions: ['ArchiveDocument.edit'],
    positions: ['coordinator'],
    when: { fieldIn: { field: 'docType', values: ['training', 'minutes', 'iso9002', 'iso14000', 'mail', 'other'] } },
    clause: '协调员 职责2：培训记录、会议记要、ISO9002、14000资料、部门邮件及电脑资料',
  },
  { name: '保管财务资料', actions: ['ArchiveDocument.new'], positions: ['cashier'], clause: '收费员 职责5' },
  {
    name: '修改财务资料',
    actions: ['ArchiveDocument.edit'],
    positions: ['cashier'],
    when: { fieldIn: { field: 'docType', values: ['finance'] } },
    clause: '收费员 职责5',
  },
  // 管理
  {
    name: '查看权限规则与日志',
    actions: [
      ...read('AuthorityRule', 'RuleVersion', 'RuleDraft', 'RuleChangeSet', 'AuthorityTest', 'DecisionLog', 'AuditLog'),
      'AuthorityRule.matrix',
      'AuthorityRule.history',
      'AuthorityTest.results',
    ],
    positions: ['director', 'assistant'],
    clause: '管理处：规则与日志',
  },
  {
    name: '管理权限规则',
    actions: [
      'AuthorityRule.new',
      'AuthorityRule.edit',
      'AuthorityRule.delete',
      'AuthorityRule.publish',
      'AuthorityRule.discardDrafts',
      'AuthorityRule.rollback',
      'AuthorityRule.whatIf',
      'AuthorityRule.export',
      'AuthorityRule.import',
      'AuthorityTest.new',
      'AuthorityTest.edit',
      'AuthorityTest.delete',
    ],
    positions: ['director'],
    clause: '管理处主任：管理权限规则',
  },
  // An import proposes rules on IT's behalf (待审核): the director looks at each before it can be published.
  {
    name: '采纳导入的权限草稿',
    actions: ['RuleDraft.accept'],
    positions: ['director'],
    when: { status: ['pending'], fieldIn: { field: 'needsReview', values: [true] } },
    clause: '管理处主任：管理权限规则',
  },
  {
    name: '修改一份权限草稿',
    actions: ['RuleDraft.edit'],
    positions: ['director'],
    when: { status: ['pending'], fieldIn: { field: 'kind', values: ['create', 'change'] } },
    clause: '管理处主任：管理权限规则',
  },
  {
    name: '放弃一份权限草稿',
    actions: ['RuleDraft.discard'],
    positions: ['director'],
    when: { status: ['pending'] },
    clause: '管理处主任：管理权限规则',
  },
  {
    name: '复核依据条款的变动',
    actions: ['AuthorityRule.reviewClause'],
    positions: ['director'],
    when: { fieldIn: { field: 'clauseChanged', values: [true] } },
    clause: '管理处主任：管理权限规则',
  },
  {
    name: '管理员工与部门',
    actions: [
      'Staff.list',
      'Staff.show',
      'Staff.new',
      'Staff.edit',
      'Department.new',
      'Department.edit',
      'Department.delete',
      'Position.new',
      'Position.edit',
      'PositionClause.new',
      'PositionClause.edit',
    ],
    positions: ['system_admin'],
    clause: '系统管理员：账号与部门',
  },
  // The positions and clauses come in from the office's own documents; the 职权 they grant arrive as drafts for the
  // director (待审核), never as live rules.
  {
    name: '导入岗位职务说明书',
    actions: ['Position.import'],
    positions: ['system_admin'],
    clause: '系统管理员：岗位职务说明书的导入',
  },
  {
    name: '锁定账号',
    actions: ['Staff.lock'],
    positions: ['system_admin'],
    when: { status: ['active'] },
    clause: '系统管理员：账号与部门',
  },
  {
    name: '解除账号锁定',
    actions: ['Staff.unlock'],
    positions: ['system_admin'],
    when: { status: ['locked'] },
    clause: '系统管理员：账号与部门',
  },
  // IT proposes a position; one that carries business authority takes effect when the director approves it.
  {
    name: '核定员工岗位',
    actions: ['Staff.assignPosition'],
    positions: ['director'],
    when: { presentField: 'proposedPositionId' },
    clause: '管理处主任：人员任用',
  },
  // 阅读：各岗位按职责查阅
  {
    name: '查阅组织与岗位',
    actions: read('Department', 'Position', 'PositionClause'),
    positions: [...FRONT_FOUR, 'director', 'engineering_supervisor', 'garage_keeper', 'system_admin'],
    clause: '岗位职务说明书',
  },
  { name: '主任与助理查阅员工', actions: read('Staff'), positions: ['director', 'assistant'], clause: '管理处：人员' },
  {
    name: '派工时查阅员工',
    actions: read('Staff'),
    positions: ['receptionist', 'coordinator', 'cashier'],
    clause: '接待员 职责1、协调员 职责8、收费员 职责7：派工（派给处理人）',
  },
  {
    name: '前台查阅',
    actions: read(
      'Community',
      'Building',
      'Unit',
      'Owner',
      'Ticket',
      'WorkOrder',
      'ReturnVisit',
      'Correspondence',
      'Notice',
      'Bill',
      'DunningPlan',
      'DunningTarget',
      'DunningRecord',
      'RenovationApplication',
      'Survey',
      'SurveyQuestion',
      'SurveyResponse',
      'WorkPlan',
      'WorkPlanItem',
      'ArchiveDocument',
    ),
    positions: FRONT_DESK,
    clause: '接待员、协调员、助理 职责：前台服务',
  },
  {
    name: '收费员查阅',
    actions: read(
      'Community',
      'Building',
      'Unit',
      'Owner',
      'Ticket',
      'WorkOrder',
      'Notice',
      'Bill',
      'BillingRun',
      'Payment',
      'CashReport',
      'ParkingRental',
      'ParkingSpace',
      'ClubhouseCharge',
      'RenovationApplication',
      'RenovationDeposit',
      'DunningPlan',
      'DunningTarget',
      'DunningRecord',
      'WorkPlan',
      'WorkPlanItem',
      'ArchiveDocument',
    ),
    positions: ['cashier'],
    clause: '收费员 职责1—7',
  },
  {
    name: '助理查阅收费与装修',
    actions: read(
      'Payment',
      'CashReport',
      'RenovationDeposit',
      'ParkingRental',
      'ParkingSpace',
      'ClubhouseCharge',
      'BillingRun',
    ),
    positions: ['assistant'],
    clause: '助理 职责5：沟通、协调管理处下属各专业部门的内部事务',
  },
  {
    name: '主任查阅',
    actions: read(
      'Community',
      'Building',
      'Unit',
      'Owner',
      'Ticket',
      'WorkOrder',
      'ReturnVisit',
      'Correspondence',
      'Notice',
      'Bill',
      'BillingRun',
      'Payment',
      'CashReport',
      'ParkingRental',
      'ParkingSpace',
      'ClubhouseCharge',
      'RenovationApplication',
      'RenovationDeposit',
      'DunningPlan',
      'DunningTarget',
      'DunningRecord',
      'Survey',
      'SurveyQuestion',
      'SurveyResponse',
      'WorkPlan',
      'WorkPlanItem',
      'ArchiveDocument',
    ),
    positions: ['director'],
    clause: '管理处主任',
  },
  {
    name: '工程部查阅',
    actions: read(
      'Community',
      'Building',
      'Unit',
      'Owner',
      'Ticket',
      'WorkOrder',
      'ReturnVisit',
      'RenovationApplication',
    ),
    positions: ['engineering_supervisor'],
    clause: '工程部：报事处理与装修审核',
  },
  {
    name: '车库管理员查阅',
    actions: read('ParkingRental', 'ParkingSpace', 'Owner', 'Unit', 'Building', 'Community'),
    positions: ['garage_keeper'],
    clause: '车库管理员：车位租赁登记',
  },
]);

/** Rules that are not tied to a position: the handling department's own work and its supervisor's approval. */
export const DEPARTMENT_AUTHORITIES: Omit<DefaultAuthority, 'positions'>[] = withListExports([
  {
    name: '处理本部门的报事',
    actions: ['Ticket.complete'],
    when: { status: ['dispatched'], memberDepartmentField: 'departmentId' },
    clause: '各部门：本部门报事处理',
  },
  {
    name: '部门主管审核报事',
    actions: ['Ticket.supervisorApprove', 'Ticket.sendBack'],
    when: { status: ['visited'], supervisedDepartmentField: 'departmentId' },
    clause: '接待员 职责4：经该部门主管批准后',
  },
]);
