const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const dunningResourceNamesZh = { DunningPlan: '催缴计划', DunningTarget: '催缴对象', DunningRecord: '催缴记录' };
export const dunningResourceNamesEn = { DunningPlan: 'Dunning plans', DunningTarget: 'Dunning targets', DunningRecord: 'Dunning records' };

export const dunningZh = {
  DunningPlan: {
    properties: {
      ...common,
      title: '计划名称', status: '状态', minMonthsInArrears: '最少欠费月数', createdById: '制定人', startedById: '决定催缴人', startedAt: '启动时间',
      closedById: '结束人', closedAt: '结束时间', note: '备注',
      'status.draft': '草稿', 'status.started': '催缴中', 'status.closed': '已结束',
    },
    actions: { new: '制定催缴计划', start: '决定催缴', close: '结束催缴' },
  },
  DunningTarget: {
    properties: {
      ...common,
      planId: '催缴计划', ownerId: '业主', unitId: '房屋', label: '催缴对象', arrearsAmount: '欠费金额', monthsInArrears: '欠费月数', note: '备注',
    },
  },
  DunningRecord: {
    properties: {
      ...common,
      planId: '催缴计划', targetId: '催缴对象', ownerId: '业主', staffId: '催缴人', contactedAt: '催缴时间', method: '催缴方式', result: '催缴结果',
      promisedDate: '承诺缴费日期', note: '备注',
      'method.phone': '电话', 'method.visit': '上门', 'method.letter': '催缴函', 'method.sms': '短信',
      'result.promised': '承诺缴费', 'result.paid': '已缴费', 'result.refused': '拒绝缴费', 'result.unreachable': '联系不上',
    },
    actions: { new: '登记催缴' },
  },
};

export const dunningEn = {
  DunningPlan: {
    properties: {
      ...commonEn,
      title: 'Title', status: 'Status', minMonthsInArrears: 'Min. months in arrears', createdById: 'Drawn up by', startedById: 'Started by', startedAt: 'Started at',
      closedById: 'Closed by', closedAt: 'Closed at', note: 'Note',
      'status.draft': 'Draft', 'status.started': 'Started', 'status.closed': 'Closed',
    },
    actions: { new: 'Draw up a plan', start: 'Start dunning', close: 'Close' },
  },
  DunningTarget: {
    properties: {
      ...commonEn,
      planId: 'Plan', ownerId: 'Owner', unitId: 'Unit', label: 'Target', arrearsAmount: 'Arrears', monthsInArrears: 'Months in arrears', note: 'Note',
    },
  },
  DunningRecord: {
    properties: {
      ...commonEn,
      planId: 'Plan', targetId: 'Target', ownerId: 'Owner', staffId: 'Contacted by', contactedAt: 'Contacted at', method: 'Method', result: 'Result',
      promisedDate: 'Promised payment date', note: 'Note',
      'method.phone': 'Phone', 'method.visit': 'Visit', 'method.letter': 'Letter', 'method.sms': 'SMS',
      'result.promised': 'Promised to pay', 'result.paid': 'Paid', 'result.refused': 'Refused', 'result.unreachable': 'Unreachable',
    },
    actions: { new: 'Record a contact' },
  },
};
