const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const frontDeskResourceNamesZh = { Ticket: '报事单', WorkOrder: '派工单', ReturnVisit: '回访', Correspondence: '函件/邮件/外联电话', Notice: '通知/告示' };
export const frontDeskResourceNamesEn = { Ticket: 'Tickets', WorkOrder: 'Work orders', ReturnVisit: 'Return visits', Correspondence: 'Correspondence', Notice: 'Notices' };

export const frontDeskZh = {
  Ticket: {
    properties: {
      ...common, number: '报事单号', channel: '报事渠道', category: '报事类别', title: '报事内容', description: '详细描述',
      reporterName: '报事人', reporterPhone: '联系电话', ownerId: '业主', unitId: '房屋', status: '状态', departmentId: '处理部门',
      assigneeId: '处理人', registeredById: '登记人', dueAt: '要求完成时间', reportedAt: '报事时间', dispatchedAt: '派工时间',
      completedAt: '完成时间', visitedAt: '回访时间', approvedAt: '主管审核时间', approvedById: '审核主管', archivedAt: '归档时间',
      archivedById: '归档人', cancelledAt: '取消时间', cancelReason: '取消原因', result: '处理结果', satisfaction: '满意度', overdue: '逾期',
      'channel.phone': '电话', 'channel.visit': '来访', 'channel.letter': '信函', 'channel.online': '网上',
      'category.repair': '维修', 'category.complaint': '投诉', 'category.inquiry': '咨询', 'category.suggestion': '建议',
      'category.comprehensive': '综合报事',
      'status.reported': '已登记', 'status.dispatched': '已派工', 'status.completed': '已完成', 'status.visited': '已回访',
      'status.approved': '主管已审核', 'status.archived': '已归档', 'status.cancelled': '已取消',
    },
  },
  WorkOrder: {
    properties: {
      ...common, number: '派工单号', ticketId: '报事单', departmentId: '处理部门', assigneeId: '处理人', dispatchedById: '派工人',
      dispatchedAt: '派工时间', dueAt: '要求完成时间', status: '状态', isPaidService: '有偿服务', feeAmount: '服务费（元）',
      note: '派工说明', completedAt: '完成时间', result: '处理结果',
      'status.open': '处理中', 'status.done': '已完成', 'status.reassigned': '已改派', 'status.cancelled': '已取消',
    },
  },
  ReturnVisit: {
    properties: {
      ...common, label: '回访', ticketId: '报事单', visitorId: '回访人', visitedAt: '回访时间', method: '回访方式',
      satisfaction: '满意度', feedback: '业主意见', isSpotCheck: '抽查', spotCheckOfId: '被抽查的回访', finding: '抽查结果',
      'method.phone': '电话回访', 'method.visit': '上门回访',
    },
  },
  Correspondence: {
    properties: {
      ...common, kind: '类别', direction: '收发', party: '对方', subject: '事由', content: '内容', handlerId: '经办人',
      occurredOn: '日期', result: '处理结果', ownerId: '相关业主',
      'kind.mail': '邮件', 'kind.letter': '信函', 'kind.external_call': '外联电话', 'kind.phone_record': '电话记录',
      'direction.incoming': '收到', 'direction.outgoing': '发出',
    },
  },
  Notice: {
    properties: {
      ...common, title: '标题', content: '正文', status: '状态', audience: '发布范围', authorId: '拟稿人',
      publishedAt: '发布时间', withdrawnAt: '撤回时间',
      'status.draft': '草稿', 'status.published': '已发布', 'status.withdrawn': '已撤回',
    },
  },
};

export const frontDeskEn = {
  Ticket: {
    properties: {
      ...commonEn, number: 'Ticket number', channel: 'Channel', category: 'Category', title: 'Subject', description: 'Description',
      reporterName: 'Reported by', reporterPhone: 'Phone', ownerId: 'Owner', unitId: 'Unit', status: 'Status', departmentId: 'Handling department',
      assigneeId: 'Assignee', registeredById: 'Registered by', dueAt: 'Due at', reportedAt: 'Reported at', dispatchedAt: 'Dispatched at',
      completedAt: 'Completed at', visitedAt: 'Visited at', approvedAt: 'Approved at', approvedById: 'Approved by', archivedAt: 'Archived at',
      archivedById: 'Archived by', cancelledAt: 'Cancelled at', cancelReason: 'Cancellation reason', result: 'Result', satisfaction: 'Satisfaction', overdue: 'Overdue',
      'channel.phone': 'Phone', 'channel.visit': 'Walk-in', 'channel.letter': 'Letter', 'channel.online': 'Online',
      'category.repair': 'Repair', 'category.complaint': 'Complaint', 'category.inquiry': 'Inquiry', 'category.suggestion': 'Suggestion',
      'category.comprehensive': 'Comprehensive',
      'status.reported': 'Reported', 'status.dispatched': 'Dispatched', 'status.completed': 'Completed', 'status.visited': 'Visited',
      'status.approved': 'Approved by supervisor', 'status.archived': 'Archived', 'status.cancelled': 'Cancelled',
    },
  },
  WorkOrder: {
    properties: {
      ...commonEn, number: 'Work order number', ticketId: 'Ticket', departmentId: 'Department', assigneeId: 'Assignee', dispatchedById: 'Dispatched by',
      dispatchedAt: 'Dispatched at', dueAt: 'Due at', status: 'Status', isPaidService: 'Paid service', feeAmount: 'Fee (yuan)',
      note: 'Instructions', completedAt: 'Completed at', result: 'Result',
      'status.open': 'Open', 'status.done': 'Done', 'status.reassigned': 'Reassigned', 'status.cancelled': 'Cancelled',
    },
  },
  ReturnVisit: {
    properties: {
      ...commonEn, label: 'Return visit', ticketId: 'Ticket', visitorId: 'Visited by', visitedAt: 'Visited at', method: 'Method',
      satisfaction: 'Satisfaction', feedback: 'Feedback', isSpotCheck: 'Spot check', spotCheckOfId: 'Spot check of', finding: 'Finding',
      'method.phone': 'Phone call', 'method.visit': 'Home visit',
    },
  },
  Correspondence: {
    properties: {
      ...commonEn, kind: 'Kind', direction: 'Direction', party: 'Other party', subject: 'Subject', content: 'Content', handlerId: 'Handled by',
      occurredOn: 'Date', result: 'Result', ownerId: 'Owner',
      'kind.mail': 'Mail', 'kind.letter': 'Letter', 'kind.external_call': 'External call', 'kind.phone_record': 'Phone record',
      'direction.incoming': 'Incoming', 'direction.outgoing': 'Outgoing',
    },
  },
  Notice: {
    properties: {
      ...commonEn, title: 'Title', content: 'Content', status: 'Status', audience: 'Audience', authorId: 'Author',
      publishedAt: 'Published at', withdrawnAt: 'Withdrawn at',
      'status.draft': 'Draft', 'status.published': 'Published', 'status.withdrawn': 'Withdrawn',
    },
  },
};
