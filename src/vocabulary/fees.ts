// 收费管理 labels: every field and every state/kind code (workflow actions are named by the action catalogue).
const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const feesResourceNamesZh = {
  Bill: '账单',
  BillingRun: '账单生成记录',
  Payment: '收款收据',
  CashReport: '现金日报表',
  ParkingRental: '车位租赁',
  ClubhouseCharge: '会所收费',
};
export const feesResourceNamesEn = {
  Bill: 'Bills',
  BillingRun: 'Billing runs',
  Payment: 'Receipts',
  CashReport: 'Daily cash reports',
  ParkingRental: 'Parking rentals',
  ClubhouseCharge: 'Clubhouse charges',
};

export const feesZh = {
  Bill: {
    properties: {
      ...common,
      unitId: '房屋', ownerId: '业主', period: '账期', feeKind: '收费项目', description: '账单说明', amount: '应收金额', paidAmount: '已收金额',
      status: '状态', dueDate: '缴费期限', workOrderId: '派工单（有偿服务）', billingKey: '计费标识', billingRunId: '账单生成记录',
      'feeKind.management': '物业管理费', 'feeKind.service': '有偿服务费', 'feeKind.parking': '车位费', 'feeKind.clubhouse': '会所费', 'feeKind.other': '其他',
      'status.unpaid': '未缴', 'status.partial': '部分缴纳', 'status.paid': '已缴清',
    },
  },
  BillingRun: {
    properties: {
      ...common,
      title: '生成记录', period: '账期', staffId: '生成人', ranAt: '生成时间', managementCount: '物业管理费账单（张）', parkingCount: '车位租金账单（张）',
      skippedCount: '已存在未重复生成（张）', status: '状态', undoneById: '撤销人', undoneAt: '撤销时间',
      'status.done': '已生成', 'status.undone': '已撤销',
    },
  },
  Payment: {
    properties: {
      ...common,
      receiptNumber: '收据号', receiptYear: '收据年度', receiptSequence: '年度序号', kind: '收款类别', method: '收款方式', amount: '金额',
      status: '状态', billId: '账单', depositId: '装修押金', ownerId: '业主', unitId: '房屋', payerName: '交款人', cashierId: '收款人',
      cashReportId: '现金日报表', paidAt: '收款时间', voidedAt: '作废时间', voidedById: '作废人', voidReason: '作废原因',
      'kind.fee': '物业费等账单', 'kind.deposit': '装修押金', 'kind.deposit_refund': '退装修押金', 'kind.parking': '车位费', 'kind.clubhouse': '会所费', 'kind.other': '其他',
      'method.cash': '现金', 'method.card': '刷卡', 'method.wechat': '微信', 'method.alipay': '支付宝', 'method.transfer': '银行转账',
      'status.valid': '有效', 'status.voided': '已作废',
    },
    actions: { new: '收款' },
  },
  CashReport: {
    properties: {
      ...common,
      title: '日报表', cashierId: '收款人', reportDate: '报表日期', status: '状态', receiptCount: '收据张数', totalAmount: '合计（净额）',
      cashAmount: '现金', cardAmount: '刷卡', wechatAmount: '微信', alipayAmount: '支付宝', transferAmount: '银行转账', refundAmount: '退款',
      submittedAt: '提交时间', reconciledById: '核对人', reconciledAt: '核对时间', note: '备注',
      'status.open': '未提交', 'status.submitted': '已提交', 'status.reconciled': '已核对',
    },
  },
  ParkingRental: {
    properties: {
      ...common,
      registeredById: '登记人（车库管理员）', ownerId: '业主', unitId: '房屋', renterName: '承租人', renterPhone: '联系电话', plateNumber: '车牌号',
      spaceNumber: '车位号', startDate: '起租日期', endDate: '到期日期', monthlyRent: '月租金', status: '状态', reviewedById: '审核人',
      reviewedAt: '审核时间', reviewNote: '审核意见',
      'status.pending': '待审核', 'status.approved': '已批准', 'status.rejected': '未批准',
    },
  },
  ClubhouseCharge: {
    properties: {
      ...common,
      item: '收费项目', customerName: '客户姓名', ownerId: '业主', chargeDate: '收费日期', quantity: '数量', unitPrice: '单价', amount: '金额',
      status: '状态', recordedById: '登记人', verifiedById: '校核人', verifiedAt: '校核时间', note: '备注',
      'status.pending': '待校核', 'status.verified': '已校核',
    },
  },
};

export const feesEn = {
  Bill: {
    properties: {
      ...commonEn,
      unitId: 'Unit', ownerId: 'Owner', period: 'Period', feeKind: 'Fee', description: 'Description', amount: 'Amount due', paidAmount: 'Paid',
      status: 'Status', dueDate: 'Due date', workOrderId: 'Work order (paid service)', billingKey: 'Billing key', billingRunId: 'Billing run',
      'feeKind.management': 'Management fee', 'feeKind.service': 'Paid service', 'feeKind.parking': 'Parking', 'feeKind.clubhouse': 'Clubhouse', 'feeKind.other': 'Other',
      'status.unpaid': 'Unpaid', 'status.partial': 'Partly paid', 'status.paid': 'Paid',
    },
    actions: { generate: 'Generate monthly bills' },
  },
  BillingRun: {
    properties: {
      ...commonEn,
      title: 'Billing run', period: 'Period', staffId: 'Run by', ranAt: 'Run at', managementCount: 'Management-fee bills', parkingCount: 'Parking-rent bills',
      skippedCount: 'Already existing (skipped)', status: 'Status', undoneById: 'Undone by', undoneAt: 'Undone at',
      'status.done': 'Done', 'status.undone': 'Undone',
    },
    actions: { undo: 'Undo this billing run' },
  },
  Payment: {
    properties: {
      ...commonEn,
      receiptNumber: 'Receipt no.', receiptYear: 'Receipt year', receiptSequence: 'Sequence', kind: 'Kind', method: 'Method', amount: 'Amount',
      status: 'Status', billId: 'Bill', depositId: 'Renovation deposit', ownerId: 'Owner', unitId: 'Unit', payerName: 'Payer', cashierId: 'Cashier',
      cashReportId: 'Cash report', paidAt: 'Paid at', voidedAt: 'Voided at', voidedById: 'Voided by', voidReason: 'Reason voided',
      'kind.fee': 'Bill payment', 'kind.deposit': 'Renovation deposit', 'kind.deposit_refund': 'Deposit refund', 'kind.parking': 'Parking', 'kind.clubhouse': 'Clubhouse', 'kind.other': 'Other',
      'method.cash': 'Cash', 'method.card': 'Card', 'method.wechat': 'WeChat Pay', 'method.alipay': 'Alipay', 'method.transfer': 'Bank transfer',
      'status.valid': 'Valid', 'status.voided': 'Voided',
    },
    actions: { new: 'Take payment', void: 'Void receipt' },
  },
  CashReport: {
    properties: {
      ...commonEn,
      title: 'Report', cashierId: 'Cashier', reportDate: 'Date', status: 'Status', receiptCount: 'Receipts', totalAmount: 'Total (net)',
      cashAmount: 'Cash', cardAmount: 'Card', wechatAmount: 'WeChat Pay', alipayAmount: 'Alipay', transferAmount: 'Bank transfer', refundAmount: 'Refunds',
      submittedAt: 'Submitted at', reconciledById: 'Reconciled by', reconciledAt: 'Reconciled at', note: 'Note',
      'status.open': 'Open', 'status.submitted': 'Submitted', 'status.reconciled': 'Reconciled',
    },
    actions: { submit: 'Submit', reconcile: 'Reconcile' },
  },
  ParkingRental: {
    properties: {
      ...commonEn,
      registeredById: 'Registered by (garage keeper)', ownerId: 'Owner', unitId: 'Unit', renterName: 'Renter', renterPhone: 'Phone', plateNumber: 'Plate',
      spaceNumber: 'Space', startDate: 'From', endDate: 'Until', monthlyRent: 'Monthly rent', status: 'Status', reviewedById: 'Reviewed by',
      reviewedAt: 'Reviewed at', reviewNote: 'Review note',
      'status.pending': 'Pending', 'status.approved': 'Approved', 'status.rejected': 'Rejected',
    },
    actions: { review: 'Review' },
  },
  ClubhouseCharge: {
    properties: {
      ...commonEn,
      item: 'Item', customerName: 'Customer', ownerId: 'Owner', chargeDate: 'Date', quantity: 'Quantity', unitPrice: 'Unit price', amount: 'Amount',
      status: 'Status', recordedById: 'Recorded by', verifiedById: 'Verified by', verifiedAt: 'Verified at', note: 'Note',
      'status.pending': 'Pending', 'status.verified': 'Verified',
    },
    actions: { verify: 'Verify' },
  },
};
