// The admin's navigation groups, in the order the office works.
export const navigation = {
  frontDesk: { name: '前台服务', icon: 'Phone' },
  archives: { name: '客户档案', icon: 'Home' },
  fees: { name: '收费管理', icon: 'DollarSign' },
  renovation: { name: '装修管理', icon: 'Tool' },
  dunning: { name: '催缴管理', icon: 'Bell' },
  surveysAndPlans: { name: '满意度与计划', icon: 'BarChart2' },
  documents: { name: '资料档案', icon: 'Archive' },
  reports: { name: '报表', icon: 'TrendingUp' },
  organisation: { name: '组织与权限', icon: 'Users' },
} as const;
