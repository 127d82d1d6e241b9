// Every action a person can take, named once as `Resource.action`, with a Chinese label.
// The admin, the decisions, the decision log and the tests all use these names.
import { RESOURCE_NAMES_ZH } from '../vocabulary/resources.js';

export const RESOURCES = [
  'Department',
  'Position',
  'PositionClause',
  'Staff',
  'Community',
  'Building',
  'Unit',
  'Owner',
  'Ticket',
  'WorkOrder',
  'ReturnVisit',
  'ImprovementProposal',
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
  'AuthorityRule',
  'RuleVersion',
  'RuleDraft',
  'RuleChangeSet',
  'AuthorityTest',
  'DecisionLog',
  'AuditLog',
] as const;
export type ResourceId = (typeof RESOURCES)[number];

/** What each resource is called — on screen and in a sentence ("没有任何规则允许…新建收款收据"): the vocabulary's names. */
export const RESOURCE_LABELS: Record<ResourceId, string> = Object.fromEntries(
  RESOURCES.map((resource) => {
    const name = (RESOURCE_NAMES_ZH as Record<string, string>)[resource];
    if (!name) throw new Error(`the vocabulary has no name for the resource ${resource}`);
    return [resource, name];
  }),
) as Record<ResourceId, string>;

export const BUILT_IN_ACTIONS = {
  list: (thing: string) => `查看${thing}列表`,
  show: (thing: string) => `查看${thing}详情`,
  new: (thing: string) => `新建${thing}`,
  edit: (thing: string) => `编辑${thing}`,
  delete: (thing: string) => `删除${thing}`,
  // The list as an .xlsx (GET /admin/export/<Resource>.xlsx); AuthorityRule.export is the rule transfer's own (below).
  export: (thing: string) => `导出${thing}列表`,
} as const;
export type BuiltInAction = keyof typeof BUILT_IN_ACTIONS;

/** The office's workflow actions, each performed by its use case. */
export const WORKFLOW_ACTIONS: Record<string, string> = {
  'Ticket.dispatch': '派工',
  'Ticket.urge': '督促',
  'Ticket.reassign': '改派',
  'Ticket.complete': '完成处理',
  'Ticket.returnVisit': '回访',
  'Ticket.supervisorApprove': '主管审核',
  'Ticket.sendBack': '退回重办',
  'Ticket.archive': '归档',
  'Ticket.cancel': '取消',
  'ReturnVisit.spotCheck': '抽查回访',
  'ImprovementProposal.follow': '跟踪落实',
  'Owner.review': '档案清理',
  'Owner.collect': '收款',
  'Unit.collect': '收款',
  'Notice.publish': '发布',
  'Notice.withdraw': '撤回',
  'Bill.generate': '生成月度账单',
  'Bill.collect': '收款',
  'BillingRun.undo': '撤销本次账单生成',
  'Payment.void': '作废收据',
  'CashReport.submit': '提交日报',
  'CashReport.reconcile': '核对日报',
  'CashReport.sendBack': '退回日报',
  'CashReport.reopen': '重新打开日报',
  'DunningPlan.fillTargets': '按欠费生成催缴对象',
  'DunningPlan.start': '决定催缴',
  'DunningPlan.close': '结束催缴',
  'RenovationApplication.review': '工程审核',
  'RenovationApplication.approve': '核批',
  'RenovationApplication.reject': '驳回',
  'RenovationApplication.inspect': '验收',
  'RenovationDeposit.refund': '退押金',
  'RenovationDeposit.forfeit': '没收押金',
  'ParkingRental.review': '审核租赁',
  'ClubhouseCharge.verify': '校核',
  'Survey.start': '开始调查',
  'Survey.close': '结束调查',
  'Survey.report': '分析报告',
  'WorkPlan.carryForward': '结转未完成事项',
  'AuthorityRule.restore': '恢复主任的规则管理权',
  'AuthorityRule.publish': '发布规则变更',
  'AuthorityRule.discardDrafts': '放弃规则草稿',
  'AuthorityRule.rollback': '回退规则',
  'AuthorityRule.whatIf': '试算',
  'AuthorityRule.matrix': '查看权限矩阵',
  'AuthorityRule.history': '版本与回滚',
  'AuthorityTest.results': '测试结果',
  'AuthorityRule.export': '导出规则与测试',
  'AuthorityRule.import': '导入规则与测试',
  'AuthorityRule.reviewClause': '复核条款变动',
  'RuleDraft.accept': '采纳草稿',
  'RuleDraft.discard': '放弃草稿',
  'Staff.lock': '锁定账号',
  'Staff.unlock': '解除锁定',
  'Staff.assignPosition': '核定岗位',
  'Position.import': '导入岗位职务说明书',
};

/** The 报表 group: each report is one action, decided by the rules like any other (no record: who reads it). */
export const REPORT_ACTIONS: Record<string, string> = {
  'Report.monthlyTickets': '月度报事统计',
  'Report.visitFeedback': '回访意见汇总',
  'Report.collection': '收费统计',
  'Report.arrearsAgeing': '欠费账龄',
  'Report.dunningResults': '催缴结果',
  'Report.deposits': '押金报表',
  'Report.satisfaction': '满意度调查统计',
};

export const reportAction = (name: string) => `Report.${name}`;

/** What the rules' actions are grouped by: the resources, and the 报表 (`Report.*`), which has no records. */
export const ACTION_GROUPS: readonly string[] = [...RESOURCES, 'Report'];

/** A resource (or the 报表 group) by its Chinese name; the code itself when it has none. */
export function resourceLabel(resource: string): string {
  if (resource === 'Report') return '报表';
  return RESOURCE_LABELS[resource as ResourceId] ?? resource;
}

export function builtInActionName(resource: string, action: BuiltInAction): string {
  return `${resource}.${action}`;
}

export const ACTION_LABELS: Record<string, string> = Object.fromEntries([
  ...RESOURCES.flatMap((r) =>
    (Object.keys(BUILT_IN_ACTIONS) as BuiltInAction[]).map(
      (a) => [`${r}.${a}`, BUILT_IN_ACTIONS[a](RESOURCE_LABELS[r])] as const,
    ),
  ),
  ...Object.entries(WORKFLOW_ACTIONS).map(
    ([action, label]) => [action, `${label}（${RESOURCE_LABELS[action.split('.')[0] as ResourceId]}）`] as const,
  ),
  ...Object.entries(REPORT_ACTIONS).map(([action, label]) => [action, `查看报表「${label}」`] as const),
]);

export function isCatalogued(action: string): boolean {
  return Object.prototype.hasOwnProperty.call(ACTION_LABELS, action);
}

export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
