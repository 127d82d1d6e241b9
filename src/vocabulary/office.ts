// Labels of the office resources: surveys, monthly plans, archived documents.
const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

const surveyStatusZh = { 'status.draft': '草拟', 'status.running': '进行中', 'status.closed': '已结束' };
const surveyStatusEn = { 'status.draft': 'Draft', 'status.running': 'Running', 'status.closed': 'Closed' };

export const officeResourceNamesZh = {
  Survey: '满意度调查',
  SurveyQuestion: '调查题目',
  SurveyResponse: '调查答卷',
  WorkPlan: '月工作计划',
  WorkPlanItem: '计划事项',
  ArchiveDocument: '资料归档',
};
export const officeResourceNamesEn = {
  Survey: 'Satisfaction surveys',
  SurveyQuestion: 'Survey questions',
  SurveyResponse: 'Survey responses',
  WorkPlan: 'Monthly work plans',
  WorkPlanItem: 'Plan items',
  ArchiveDocument: 'Archived documents',
};

export const officeZh = {
  Survey: {
    properties: {
      ...common, title: '调查名称', period: '调查期间', description: '调查说明', status: '状态', plannedStart: '计划开始日期',
      plannedEnd: '计划结束日期', ownerStaffId: '组织人', startedAt: '开始时间', closedAt: '结束时间', reportSummary: '调查分析报告',
      ...surveyStatusZh,
    },
  },
  SurveyQuestion: {
    properties: {
      ...common, surveyId: '所属调查', number: '题号', text: '题目', kind: '题型', surveyStatus: '调查状态',
      'kind.score': '评分题（1—5 分）', 'kind.text': '文字题',
      'surveyStatus.draft': '草拟', 'surveyStatus.running': '进行中', 'surveyStatus.closed': '已结束',
    },
  },
  SurveyResponse: {
    properties: {
      ...common, surveyId: '所属调查', ownerId: '业主', unitId: '房屋', respondentName: '受访人', collectedById: '收集人',
      collectedAt: '收集时间', answers: '答卷内容', overallScore: '总体满意度（1—5 分）', comment: '意见与建议',
    },
  },
  WorkPlan: {
    properties: { ...common, staffId: '计划人', month: '月份', title: '计划标题', note: '备注' },
  },
  WorkPlanItem: {
    properties: {
      ...common, planId: '所属计划', planStaffId: '计划人', week: '周次（1—5）', content: '工作内容', status: '状态', carriedFromId: '由上月事项转入',
      'status.todo': '未开始', 'status.doing': '进行中', 'status.done': '已完成', 'status.carried': '已转下月',
    },
  },
  ArchiveDocument: {
    properties: {
      ...common, title: '资料名称', docType: '资料类别', docDate: '资料日期', keeperId: '保管人', location: '存放位置',
      attachment: '附件', attachmentPath: '附件存储路径', attachmentName: '附件文件名', attachmentSize: '附件大小（字节）', attachmentMime: '附件类型', note: '备注',
      'docType.training': '培训记录', 'docType.minutes': '会议记要', 'docType.iso9002': 'ISO9002 资料', 'docType.iso14000': 'ISO14000 资料',
      'docType.finance': '财务资料', 'docType.mail': '部门邮件', 'docType.other': '其他',
    },
  },
};

export const officeEn = {
  Survey: {
    properties: {
      ...commonEn, title: 'Title', period: 'Period', description: 'Description', status: 'Status', plannedStart: 'Planned start',
      plannedEnd: 'Planned end', ownerStaffId: 'Organiser', startedAt: 'Started at', closedAt: 'Closed at', reportSummary: 'Analysis report',
      ...surveyStatusEn,
    },
    actions: { report: 'Analysis report' },
  },
  SurveyQuestion: {
    properties: {
      ...commonEn, surveyId: 'Survey', number: 'Number', text: 'Question', kind: 'Kind', surveyStatus: 'Survey status',
      'kind.score': 'Score (1–5)', 'kind.text': 'Text',
      'surveyStatus.draft': 'Draft', 'surveyStatus.running': 'Running', 'surveyStatus.closed': 'Closed',
    },
  },
  SurveyResponse: {
    properties: {
      ...commonEn, surveyId: 'Survey', ownerId: 'Owner', unitId: 'Unit', respondentName: 'Respondent', collectedById: 'Collected by',
      collectedAt: 'Collected at', answers: 'Answers', overallScore: 'Overall satisfaction (1–5)', comment: 'Comments',
    },
  },
  WorkPlan: {
    properties: { ...commonEn, staffId: 'Staff member', month: 'Month', title: 'Title', note: 'Note' },
    actions: { carryForward: 'Carry unfinished items forward' },
  },
  WorkPlanItem: {
    properties: {
      ...commonEn, planId: 'Plan', planStaffId: 'Staff member', week: 'Week (1–5)', content: 'Work', status: 'Status', carriedFromId: 'Carried from',
      'status.todo': 'To do', 'status.doing': 'In progress', 'status.done': 'Done', 'status.carried': 'Carried to next month',
    },
  },
  ArchiveDocument: {
    properties: {
      ...commonEn, title: 'Title', docType: 'Type', docDate: 'Date', keeperId: 'Keeper', location: 'Location',
      attachment: 'Attachment', attachmentPath: 'Attachment path', attachmentName: 'Attachment name', attachmentSize: 'Attachment size (bytes)', attachmentMime: 'Attachment type', note: 'Note',
      'docType.training': 'Training record', 'docType.minutes': 'Meeting minutes', 'docType.iso9002': 'ISO9002 document', 'docType.iso14000': 'ISO14000 document',
      'docType.finance': 'Finance document', 'docType.mail': 'Department mail', 'docType.other': 'Other',
    },
  },
};
