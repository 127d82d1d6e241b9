const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const renovationResourceNamesZh = { RenovationApplication: '装修申请', RenovationDeposit: '装修押金' };
export const renovationResourceNamesEn = { RenovationApplication: 'Renovation applications', RenovationDeposit: 'Renovation deposits' };

const inspectionZh = { 'inspectionResult.passed': '验收合格', 'inspectionResult.failed': '验收不合格' };
const inspectionEn = { 'inspectionResult.passed': 'Passed', 'inspectionResult.failed': 'Failed' };

export const renovationZh = {
  RenovationApplication: {
    properties: {
      ...common,
      number: '申请编号', unitId: '房屋', ownerId: '业主', contractor: '施工单位', contractorPhone: '施工单位电话', scope: '装修项目及范围',
      startDate: '开工日期', endDate: '完工日期', status: '状态',
      reviewOpinion: '工程部审核意见', reviewedById: '审核人', reviewedAt: '审核时间',
      decidedById: '核批人', decidedAt: '核批时间', decisionNote: '核批意见',
      inspectionResult: '验收结果', inspectedById: '验收人', inspectedAt: '验收时间', inspectionNote: '验收意见',
      registeredById: '登记人',
      'status.submitted': '已提交', 'status.reviewed': '工程部已审核', 'status.approved': '已核批', 'status.rejected': '未获核批', 'status.inspected': '已验收',
      ...inspectionZh,
    },
  },
  RenovationDeposit: {
    properties: {
      ...common,
      method: '收款方式', 'method.cash': '现金', 'method.card': '刷卡', 'method.wechat': '微信', 'method.alipay': '支付宝', 'method.transfer': '银行转账',
      number: '押金编号', applicationId: '装修申请', unitId: '房屋', ownerId: '业主', amount: '押金金额', status: '状态', inspectionResult: '验收结果',
      receiptPaymentId: '收款收据', refundedAmount: '退还金额', deduction: '扣款金额', refundPaymentId: '退款收据',
      refundedAt: '退还时间', refundedById: '退还经办人', forfeitedAt: '没收时间', forfeitedById: '没收经办人', note: '备注',
      'status.held': '在押', 'status.refunded': '已退还', 'status.forfeited': '已没收',
      ...inspectionZh,
    },
    actions: { new: '收押金' },
  },
};

export const renovationEn = {
  RenovationApplication: {
    properties: {
      ...commonEn,
      number: 'Application no.', unitId: 'Unit', ownerId: 'Owner', contractor: 'Contractor', contractorPhone: 'Contractor phone', scope: 'Scope of works',
      startDate: 'Start date', endDate: 'End date', status: 'Status',
      reviewOpinion: 'Engineering opinion', reviewedById: 'Reviewed by', reviewedAt: 'Reviewed at',
      decidedById: 'Decided by', decidedAt: 'Decided at', decisionNote: 'Decision note',
      inspectionResult: 'Inspection result', inspectedById: 'Inspected by', inspectedAt: 'Inspected at', inspectionNote: 'Inspection note',
      registeredById: 'Registered by',
      'status.submitted': 'Submitted', 'status.reviewed': 'Reviewed by engineering', 'status.approved': 'Approved', 'status.rejected': 'Rejected', 'status.inspected': 'Inspected',
      ...inspectionEn,
    },
    actions: { review: 'Engineering review', approve: 'Approve', reject: 'Reject', inspect: 'Inspect' },
  },
  RenovationDeposit: {
    properties: {
      ...commonEn,
      method: 'Method', 'method.cash': 'Cash', 'method.card': 'Card', 'method.wechat': 'WeChat Pay', 'method.alipay': 'Alipay', 'method.transfer': 'Bank transfer',
      number: 'Deposit no.', applicationId: 'Application', unitId: 'Unit', ownerId: 'Owner', amount: 'Deposit', status: 'Status', inspectionResult: 'Inspection result',
      receiptPaymentId: 'Receipt', refundedAmount: 'Refunded', deduction: 'Deduction', refundPaymentId: 'Refund receipt',
      refundedAt: 'Refunded at', refundedById: 'Refunded by', forfeitedAt: 'Forfeited at', forfeitedById: 'Forfeited by', note: 'Note',
      'status.held': 'Held', 'status.refunded': 'Refunded', 'status.forfeited': 'Forfeited',
      ...inspectionEn,
    },
    actions: { new: 'Collect deposit', refund: 'Refund', forfeit: 'Forfeit' },
  },
};
