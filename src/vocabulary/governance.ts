// Labels of the authority rules, their versions and the logs.
const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const governanceResourceNamesZh = {
  AuthorityRule: '权限规则',
  RuleVersion: '规则版本',
  DecisionLog: '决策日志',
  AuditLog: '操作日志',
};
export const governanceResourceNamesEn = {
  AuthorityRule: 'Authority rules',
  RuleVersion: 'Rule versions',
  DecisionLog: 'Decision log',
  AuditLog: 'Audit log',
};

export const governanceZh = {
  AuthorityRule: {
    properties: {
      ...common,
      name: '规则名称',
      description: '说明',
      actions: '适用操作',
      effect: '规则效果',
      conditions: '条件',
      priority: '优先级',
      enabled: '启用',
      clause: '依据条款',
      positionClauseId: '岗位条款',
      builtIn: '系统内置',
      editedByDirector: '主任已修改',
      version: '版本',
      updatedById: '最后修改人',
      'effect.allow': '允许',
      'effect.deny': '拒绝',
    },
  },
  RuleVersion: {
    properties: {
      ...common,
      ruleId: '规则',
      version: '版本',
      snapshot: '规则快照',
      changedById: '修改人',
      changedAt: '修改时间',
      changeNote: '修改说明',
    },
  },
  DecisionLog: {
    properties: {
      ...common,
      staffId: '员工',
      action: '操作',
      resource: '资源',
      recordId: '记录编号',
      allowed: '是否允许',
      effect: '决策结果',
      rules: '依据规则',
      ruleVersions: '规则版本',
      reason: '理由',
      'effect.allow': '允许',
      'effect.deny': '被规则拒绝',
      'effect.default-deny': '无规则允许（默认拒绝）',
    },
  },
  AuditLog: {
    properties: {
      ...common,
      staffId: '员工',
      action: '操作',
      resource: '资源',
      recordId: '记录编号',
      changes: '变更内容',
      note: '备注',
    },
  },
};

export const governanceEn = {
  AuthorityRule: {
    properties: {
      ...commonEn,
      name: 'Name',
      description: 'Description',
      actions: 'Actions',
      effect: 'Effect',
      conditions: 'Conditions',
      priority: 'Priority',
      enabled: 'Enabled',
      clause: 'Clause',
      positionClauseId: 'Position clause',
      builtIn: 'Built in',
      editedByDirector: 'Edited by director',
      version: 'Version',
      updatedById: 'Last changed by',
      'effect.allow': 'Allow',
      'effect.deny': 'Deny',
    },
  },
  RuleVersion: {
    properties: {
      ...commonEn,
      ruleId: 'Rule',
      version: 'Version',
      snapshot: 'Snapshot',
      changedById: 'Changed by',
      changedAt: 'Changed at',
      changeNote: 'Change note',
    },
  },
  DecisionLog: {
    properties: {
      ...commonEn,
      staffId: 'Staff member',
      action: 'Action',
      resource: 'Resource',
      recordId: 'Record ID',
      allowed: 'Allowed',
      effect: 'Effect',
      rules: 'Rules',
      ruleVersions: 'Rule versions',
      reason: 'Reason',
      'effect.allow': 'Allowed',
      'effect.deny': 'Denied by a rule',
      'effect.default-deny': 'No rule allows (default deny)',
    },
  },
  AuditLog: {
    properties: {
      ...commonEn,
      staffId: 'Staff member',
      action: 'Action',
      resource: 'Resource',
      recordId: 'Record ID',
      changes: 'Changes',
      note: 'Note',
    },
  },
};
