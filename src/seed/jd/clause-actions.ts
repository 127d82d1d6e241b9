// Which catalogued actions a clause of a job description implies, by its words: the phrase table the import drafts
// authorities from (proposals.ts). Phrases are patterns on words, never whole clauses, so the same ideas worded
// differently in other offices' documents match too (審核是否可退還裝修保證金, 负责催收欠费, 车位出租登记审核 …).
// No entry names a position or a clause number: the table knows the product's actions, not the shipped document.
//
// A phrase is written in simplified characters (the clause is matched as toSimplified(text)):
//   "退…押金"        退, then 押金 a few characters later (up to 6), within one sentence;
//   "督促…{20}派工"   a gap of up to 20 characters;
//   "(押金|保证金)"   alternatives, as in a regular expression; (?<!…) and (?!…) guard a word.
import type { RecordCondition } from '../../rules/default-authorities.js';

export interface ClausePhrase {
  /** The words that imply the actions; any one of several phrasings. */
  phrases: string[];
  /** The phrase does not apply in a sentence holding any of these words. */
  unless?: string;
  /** The phrase applies only in a sentence also holding one of these words. */
  requires?: string;
  actions: string[];
  /**
   * The condition for an action the defaults grant under several conditions (资料归档: the cashier's finance
   * documents, the coordinator's others); the clause's words choose which.
   */
  when?: Record<string, RecordCondition>;
  /**
   * The work is another position's when the sentence names a known position just before the words
   * ("审核各小区车库管理员车位租赁登记情况": the garage keeper registers, the cashier reviews): the proposal is then
   * for that position, citing this clause, as the defaults do. Without a named position, the clause's own
   * position does it — unless `unless` matches.
   */
  byNamedPosition?: boolean;
}

const TICKET = '(报事|派工|工单|报修|维修|投诉)';
const DEPOSIT = '(押金|保证金|按金)';
const ARREARS = '(欠缴|欠交|欠费|拖欠|欠款|未缴|未交)';
const ARCHIVE_KINDS_OF_OTHERS = ['training', 'minutes', 'iso9002', 'iso14000', 'mail', 'other'];

export const CLAUSE_PHRASES: ClausePhrase[] = [
  // 报事 / 派工
  {
    phrases: [
      '(电话|来电|客户|来访)…{2}(接听|接待)',
      '接听…{2}电话',
      '受理…{6}(报事|报修|投诉)',
      '(报事|报修)…{2}(登记|受理)',
    ],
    actions: ['Ticket.new'],
  },
  {
    phrases: ['报事…{2}管理', '(报事|报修)单?…{2}(的)?(跟踪|处理|回复)'],
    unless: '督促|抽查|审核|确定|情况',
    actions: ['Ticket.edit', 'Ticket.cancel'],
  },
  {
    phrases: ['派工(?![单报处])', '派单', '分派…{4}(报事|工单|维修|报修)'],
    unless: '督促|统计|回访',
    actions: ['Ticket.dispatch'],
  },
  { phrases: [`${TICKET}…{12}跟踪`, `跟踪…{6}${TICKET}`], unless: '督促', actions: ['Ticket.reassign'] },
  { phrases: [`(督促|督办|催促)…{20}${TICKET}`], unless: '抽查|回访', actions: ['Ticket.urge'] },
  { phrases: [`${TICKET}…{12}(?<!抽[查检][、，,]?)回访(?!意见|情况)`], actions: ['Ticket.returnVisit'] },
  {
    phrases: ['抽[查检][、，,]?回访', '回访…{8}抽[查检]', `抽[查检]…{6}${TICKET}`],
    actions: ['ReturnVisit.spotCheck'],
  },
  {
    phrases: [
      `${TICKET}…{24}归档`,
      `归档…{8}${TICKET}`,
      `(审核|审定|确定|核定)…{12}(报事|派工|工)单…{8}(处理|完成)(情况)?`,
    ],
    actions: ['Ticket.archive'],
  },
  { phrases: [`${TICKET}…{10}统计`, `统计…{6}${TICKET}`], actions: ['Report.monthlyTickets'] },
  // 回访意见与改进意见
  { phrases: ['回访意见', '回访…{4}(汇总|分析)'], actions: ['Report.visitFeedback'] },
  {
    phrases: ['改进(意见|措施|建议|方案)', '提出…{6}(意见|建议)', '整改(意见|建议)'],
    actions: ['ImprovementProposal.new', 'ImprovementProposal.edit'],
  },
  {
    phrases: ['整改…{16}(跟踪|落实|监督|督促)', '(跟踪|落实|监督|督促)…{8}整改', '改进(意见|措施)…{6}(跟踪|落实)'],
    actions: ['ImprovementProposal.follow'],
  },
  // 业主档案、函件、通知、资料
  { phrases: ['(业主|住户|客户)(档案|资料)'], actions: ['Owner.new', 'Owner.edit', 'Owner.review'] },
  {
    phrases: ['邮件', '信函', '函件', '来函', '信件', '外联电话'],
    unless: '资料|培训|会议',
    actions: ['Correspondence.new', 'Correspondence.edit'],
  },
  {
    phrases: ['通知', '告示', '公告', '通告'],
    actions: ['Notice.new', 'Notice.edit', 'Notice.publish', 'Notice.withdraw'],
  },
  {
    phrases: [
      '(?<!业主|住户|客户)(资料|档案|单据|凭证)…{8}(整理|装订|保管|存档|归档)',
      '(整理|装订|保管|存档|归档)…{6}(资料|档案)',
    ],
    requires: '财务|帐务|账务|票据|单据|凭证',
    actions: ['ArchiveDocument.new', 'ArchiveDocument.edit'],
    when: { 'ArchiveDocument.edit': { fieldIn: { field: 'docType', values: ['finance'] } } },
  },
  {
    phrases: [
      '(?<!业主|住户|客户)(资料|档案|记录|记要|纪要|文件)…{12}(整理|装订|保管|存档|归档)',
      '(整理|装订|保管|存档|归档)…{6}(资料|档案)',
    ],
    unless: '财务|帐务|账务|票据|单据|凭证',
    actions: ['ArchiveDocument.new', 'ArchiveDocument.edit'],
    when: { 'ArchiveDocument.edit': { fieldIn: { field: 'docType', values: ARCHIVE_KINDS_OF_OTHERS } } },
  },
  // 收费
  {
    phrases: ['(收取|收缴)…{10}(费|款)', '(费|款)…{4}(收取|收缴)', '收款', '收银'],
    // Checking someone else's receipts or day is not taking money.
    unless: '核对|校核|复核|日报',
    actions: ['Bill.generate', 'Payment.new', 'Owner.collect', 'Unit.collect', 'Bill.collect'],
  },
  {
    phrases: [
      '(收费|费用|收款)…{10}统计',
      '统计…{4}(收费|费用|收款)',
      '(收费|费用|收款)…{4}报表',
      '费…{4}(收取|收缴)…{4}统计',
    ],
    actions: ['Report.collection'],
  },
  {
    phrases: ['(现金|收款|收费)日报', '日报表'],
    unless: '核对|校核|复核',
    actions: ['CashReport.new', 'CashReport.submit', 'CashReport.reopen'],
  },
  {
    phrases: ['(核对|校核|复核)…{12}(收费|收款|日报|收据)', '(收费|收款|日报)…{10}(核对|校核|复核)'],
    unless: '会所',
    actions: ['CashReport.reconcile', 'CashReport.sendBack'],
  },
  // 催缴
  {
    phrases: ['(制定|拟定|编制|订立)…{16}催[缴收]…{2}计划', '催[缴收]计划'],
    unless: '决定',
    actions: [
      'DunningPlan.new',
      'DunningPlan.edit',
      'DunningPlan.fillTargets',
      'DunningTarget.new',
      'DunningTarget.edit',
      'DunningTarget.delete',
      'Report.dunningResults',
    ],
  },
  { phrases: ['决定…{16}催[缴收]'], actions: ['DunningPlan.start'] },
  {
    phrases: [
      `${ARREARS}…{14}(沟通|联系|催收|催缴(?!计划|收费))`,
      '催收',
      '(按计划|实施)…{4}(实施|催缴)',
      '催缴…{4}(记录|实施)',
    ],
    unless: '决定',
    actions: ['DunningRecord.new'],
  },
  {
    phrases: ['催缴结果', '(结束|完成)催缴', '(通报|汇报|报告)…{4}催缴'],
    actions: ['DunningPlan.close', 'Report.dunningResults'],
  },
  { phrases: [ARREARS], actions: ['Report.arrearsAgeing'] },
  // 装修
  {
    phrases: ['(登记|受理|接收|办理)…{6}装修…{4}(申请|手续)', '装修…{4}(申请|手续)…{4}(登记|受理|接收|办理)'],
    actions: ['RenovationApplication.new'],
  },
  // Assisting another's approval is reading the applications, not approving them.
  {
    phrases: ['协助…{10}(审批|审核|核批|验收)…{6}装修'],
    actions: ['RenovationApplication.list', 'RenovationApplication.show', 'RenovationApplication.export'],
  },
  {
    phrases: [`(?<!协助.{0,8})(审核|核批|批准|审批|核准)…{10}装修(?!${DEPOSIT})`],
    // A renovation's plan or drawings are the engineers' review, not the approval.
    unless: '方案|图纸|设计',
    actions: ['RenovationApplication.approve', 'RenovationApplication.reject'],
  },
  {
    phrases: ['(?<!协助.{0,8})(审核|审查|审批|会审)…{10}装修…{4}(方案|图纸|设计)'],
    actions: ['RenovationApplication.review'],
  },
  {
    phrases: ['(?<!协助.{0,8})装修…{6}验收', '(?<!协助.{0,8})验收…{6}装修'],
    actions: ['RenovationApplication.inspect'],
  },
  {
    phrases: [`(收取|收缴|(?<!没)收)…{6}${DEPOSIT}`, `${DEPOSIT}…{4}(收取|收缴)`],
    actions: ['RenovationDeposit.new'],
  },
  { phrases: [`退…{6}${DEPOSIT}`, `${DEPOSIT}…{6}退[还回]?`], actions: ['RenovationDeposit.refund'] },
  {
    phrases: [`(?<=(是否|审核|审查|检查|核定|确定).{0,6})退…{4}${DEPOSIT}`, `(没收|扣除|扣罚|扣留)…{6}${DEPOSIT}`],
    actions: ['RenovationDeposit.forfeit'],
  },
  { phrases: [`${DEPOSIT}…{10}(统计|报表)`], actions: ['Report.deposits'] },
  // 车位与会所
  {
    phrases: [
      '(审核|审查|核查|复核|审批)…{16}车位…{2}(租赁|出租|租用)',
      '车位…{2}(租赁|出租|租用)…{6}(审核|审查|审批|复核)',
    ],
    actions: ['ParkingRental.review'],
  },
  {
    phrases: ['车位…{2}(租赁|出租|租用)?…{2}登记', '登记…{4}车位'],
    unless: '审核|审查|核查|复核|审批',
    byNamedPosition: true,
    actions: ['ParkingRental.new', 'ParkingRental.edit', 'ParkingSpace.new', 'ParkingSpace.edit'],
  },
  {
    phrases: ['会所…{6}(收费|费用|消费)', '(校核|核对|审核)…{4}会所'],
    actions: ['ClubhouseCharge.verify'],
  },
  // 满意度调查
  {
    phrases: ['(制定|拟定|编制)…{12}调查…{2}(计划|方案|问卷)', '调查(计划|方案|问卷)'],
    actions: ['Survey.new', 'SurveyQuestion.new', 'Survey.edit', 'SurveyQuestion.edit'],
  },
  {
    phrases: ['(实施|开展|组织|进行)…{12}满意度…{2}调查', '满意度调查…{3}实施'],
    unless: '协助',
    actions: ['Survey.start', 'Survey.close'],
  },
  { phrases: ['满意度…{2}调查'], actions: ['SurveyResponse.new'] },
  {
    phrases: ['满意度…{8}(分析|报告|统计)', '调查…{4}(分析|报告)'],
    actions: ['Survey.report', 'Report.satisfaction'],
  },
  // 月工作计划
  {
    phrases: ['工作计划', '滚动计划'],
    actions: [
      'WorkPlan.new',
      'WorkPlanItem.new',
      'WorkPlan.edit',
      'WorkPlan.carryForward',
      'WorkPlanItem.edit',
      'WorkPlanItem.delete',
    ],
  },
];
