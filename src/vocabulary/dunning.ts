const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const dunningResourceNamesZh = { DunningPlan: '催缴计划', DunningTarget: '催缴对象', DunningRecord: '催缴记录' };
export const dunningResourceNamesEn = {
  DunningPlan: 'Dunning plans',
  DunningTarget: 'Dunning targets',
  DunningRecord: 'Dunning records',
};

export const dunningZh = {
  DunningPlan: {
    properties: {
      ...common,
      title: '计划名称',
      status: '状态',
      minMonthsInArrears: '最少欠费月数',
      createdById: '制定人',
      startedById: '决定催缴人',
      startedAt: '启动时间',
      closedById: '结束人',
      closedAt: '结束时间',
      note: '备注',
      targetCount: '催缴对象数',
      arrearsTotal: '催缴总额',
      recoveredAmount: '已收回',
      collectionRate: '回收率',
      'status.draft': '草稿',
      'status.started': '催缴中',
      'status.closed': '已结束',
    },
    actions: { new: '制定催缴计划' },
    messages: {
      recoveredDefinition:
        '每个催缴对象列入时的欠费金额，减去该业主在计划启动日之前到期的账单至今仍未缴清的金额（不低于 0），再合计。计划启动后到期的新账单不计入；计划未启动时为 0。',
      collectionRateDefinition:
        '回收率 = 已收回 ÷ 催缴总额（催缴对象列入时的欠费合计），保留一位小数；计划未启动或催缴总额为 0 时显示“—”。',
    },
  },
  DunningTarget: {
    properties: {
      ...common,
      planId: '催缴计划',
      ownerId: '业主',
      unitId: '房屋',
      label: '催缴对象',
      arrearsAmount: '欠费金额',
      monthsInArrears: '欠费月数',
      note: '备注',
    },
  },
  DunningRecord: {
    properties: {
      ...common,
      planId: '催缴计划',
      targetId: '催缴对象',
      ownerId: '业主',
      staffId: '催缴人',
      contactedAt: '催缴时间',
      method: '催缴方式',
      result: '催缴结果',
      promisedDate: '承诺缴费日期',
      note: '备注',
      'method.phone': '电话',
      'method.visit': '上门',
      'method.letter': '催缴函',
      'method.sms': '短信',
      'result.promised': '承诺缴费',
      'result.paid': '已缴费',
      'result.refused': '拒绝缴费',
      'result.unreachable': '联系不上',
    },
    actions: { new: '登记催缴' },
  },
};

export const dunningEn = {
  DunningPlan: {
    properties: {
      ...commonEn,
      title: 'Title',
      status: 'Status',
      minMonthsInArrears: 'Min. months in arrears',
      createdById: 'Drawn up by',
      startedById: 'Started by',
      startedAt: 'Started at',
      closedById: 'Closed by',
      closedAt: 'Closed at',
      note: 'Note',
      targetCount: 'Targets',
      arrearsTotal: 'Arrears listed',
      recoveredAmount: 'Recovered',
      collectionRate: 'Collection rate',
      'status.draft': 'Draft',
      'status.started': 'Started',
      'status.closed': 'Closed',
    },
    actions: { new: 'Draw up a plan', fillTargets: 'Add owners in arrears', start: 'Start dunning', close: 'Close' },
    messages: {
      recoveredDefinition:
        "Per target, the arrears listed less what the owner still owes on bills due before the plan's start day (never below 0), summed. Bills due after the start do not count; 0 before the plan starts.",
      collectionRateDefinition:
        'Recovered ÷ arrears listed, one decimal; "—" before the plan starts or when nothing is listed.',
    },
  },
  DunningTarget: {
    properties: {
      ...commonEn,
      planId: 'Plan',
      ownerId: 'Owner',
      unitId: 'Unit',
      label: 'Target',
      arrearsAmount: 'Arrears',
      monthsInArrears: 'Months in arrears',
      note: 'Note',
    },
  },
  DunningRecord: {
    properties: {
      ...commonEn,
      planId: 'Plan',
      targetId: 'Target',
      ownerId: 'Owner',
      staffId: 'Contacted by',
      contactedAt: 'Contacted at',
      method: 'Method',
      result: 'Result',
      promisedDate: 'Promised payment date',
      note: 'Note',
      'method.phone': 'Phone',
      'method.visit': 'Visit',
      'method.letter': 'Letter',
      'method.sms': 'SMS',
      'result.promised': 'Promised to pay',
      'result.paid': 'Paid',
      'result.refused': 'Refused',
      'result.unreachable': 'Unreachable',
    },
    actions: { new: 'Record a contact' },
  },
};
