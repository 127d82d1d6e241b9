const common = { id: '编号', createdAt: '创建时间', updatedAt: '更新时间' };
const commonEn = { id: 'ID', createdAt: 'Created at', updatedAt: 'Updated at' };

export const organisationResourceNamesZh = {
  Department: '部门',
  Position: '岗位',
  PositionClause: '岗位条款',
  Staff: '员工',
  // A page, not a model: 组织与权限 → 导入岗位职务说明书 (src/admin/resources/job-description-import.ts).
  JobDescriptionImport: '导入岗位职务说明书',
};
export const organisationResourceNamesEn = {
  Department: 'Departments',
  Position: 'Positions',
  PositionClause: 'Position clauses',
  Staff: 'Staff',
  JobDescriptionImport: 'Import job descriptions',
};

export const organisationZh = {
  // The import page's heading (its "list" is the page itself).
  JobDescriptionImport: { properties: {}, actions: { list: '导入岗位职务说明书' } },
  Department: { properties: { ...common, name: '部门名称', description: '说明', supervisorId: '部门主管' } },
  Position: {
    properties: {
      ...common,
      name: '岗位名称',
      code: '岗位代码',
      departmentId: '所属部门',
      departmentText: '所属部门（原文）',
      grade: '职务等级',
      supervisorText: '直接主管（原文）',
      supervisorPositionId: '直接主管岗位',
      subordinatesText: '直接下级（原文）',
      source: '来源',
      clauses: '岗位条款',
      authorityCoverage: '职权与实施规则',
    },
  },
  PositionClause: {
    properties: {
      ...common,
      positionId: '岗位',
      kind: '条款类别',
      number: '序号',
      text: '条款内容',
      'kind.duty': '职责',
      'kind.authority': '职权',
      'kind.qualification': '资格要求',
    },
  },
  Staff: {
    properties: {
      ...common,
      name: '姓名',
      email: '登录邮箱',
      password: '密码',
      phone: '电话',
      positionId: '岗位',
      departmentId: '部门',
      enabled: '启用',
      proposedPositionId: '拟任岗位（待核定）',
      status: '账号状态',
      lockedAt: '锁定时间',
      lockReason: '锁定原因',
      lastLoginAt: '最近登录',
      listPageSize: '每页条数',
      'status.active': '正常',
      'status.locked': '已锁定',
      'status.disabled': '已停用',
    },
  },
};

export const organisationEn = {
  JobDescriptionImport: { properties: {}, actions: { list: 'Import job descriptions' } },
  Department: { properties: { ...commonEn, name: 'Name', description: 'Description', supervisorId: 'Supervisor' } },
  Position: {
    properties: {
      ...commonEn,
      name: 'Name',
      code: 'Code',
      departmentId: 'Department',
      departmentText: 'Department (as written)',
      grade: 'Grade',
      supervisorText: 'Supervisor (as written)',
      supervisorPositionId: 'Supervisor position',
      subordinatesText: 'Subordinates (as written)',
      source: 'Source',
      clauses: 'Clauses',
      authorityCoverage: 'Authorities and their rules',
    },
  },
  PositionClause: {
    properties: {
      ...commonEn,
      positionId: 'Position',
      kind: 'Kind',
      number: 'Number',
      text: 'Text',
      'kind.duty': 'Duty',
      'kind.authority': 'Authority',
      'kind.qualification': 'Qualification',
    },
  },
  Staff: {
    properties: {
      ...commonEn,
      name: 'Name',
      email: 'Email',
      password: 'Password',
      phone: 'Phone',
      positionId: 'Position',
      departmentId: 'Department',
      enabled: 'Enabled',
      proposedPositionId: 'Proposed position (awaiting approval)',
      status: 'Account status',
      lockedAt: 'Locked at',
      lockReason: 'Lock reason',
      lastLoginAt: 'Last sign-in',
      listPageSize: 'Rows per page',
      'status.active': 'Active',
      'status.locked': 'Locked',
      'status.disabled': 'Disabled',
    },
  },
};
