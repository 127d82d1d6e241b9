// The facts a rule may use, with their paths and types. Rules are checked against this catalogue on save, and
// decide() always hands every fact in (record: {} when there is none), so a rule never meets an undefined fact.

export type FactType = 'number' | 'string' | 'boolean' | 'number[]' | 'string[]';

export interface FactPath {
  type: FactType;
  /** What the path means, in Chinese, for the rule editor and plain-language explanations. */
  label: string;
}

export const FACTS: Record<'actor' | 'action' | 'record' | 'now', Record<string, FactPath>> = {
  actor: {
    id: { type: 'number', label: '操作人编号' },
    positionCode: { type: 'string', label: '操作人岗位代码' },
    positionName: { type: 'string', label: '操作人岗位' },
    departmentId: { type: 'number', label: '操作人所在部门' },
    departmentName: { type: 'string', label: '操作人部门名称' },
    supervisesDepartmentIds: { type: 'number[]', label: '操作人主管的部门' },
    isSupervisor: { type: 'boolean', label: '操作人是部门主管' },
    isSystemAdmin: { type: 'boolean', label: '操作人是系统管理员' },
  },
  // The action fact is the whole `Resource.action` string; its path is empty.
  action: {
    '': { type: 'string', label: '操作' },
  },
  record: {
    id: { type: 'number', label: '记录编号' },
    status: { type: 'string', label: '记录状态' },
    departmentId: { type: 'number', label: '处理部门' },
    cashierId: { type: 'number', label: '收费员' },
    visitorId: { type: 'number', label: '回访人' },
    staffId: { type: 'number', label: '员工' },
    planStaffId: { type: 'number', label: '计划所属员工' },
    registeredById: { type: 'number', label: '登记人' },
    createdById: { type: 'number', label: '制定人' },
    inspectionResult: { type: 'string', label: '验收结果' },
    docType: { type: 'string', label: '资料类别' },
    surveyStatus: { type: 'string', label: '所属调查状态' },
    kind: { type: 'string', label: '类别' },
    amount: { type: 'number', label: '金额（分）' },
    targetCount: { type: 'number', label: '催缴对象数' },
    proposedPositionId: { type: 'number', label: '待核定岗位' },
    proposerId: { type: 'number', label: '提出人' },
    needsReview: { type: 'boolean', label: '待审核' },
    clauseChanged: { type: 'boolean', label: '依据条款已变动' },
  },
  now: {
    hour: { type: 'number', label: '当前小时（北京时间）' },
    weekday: { type: 'number', label: '星期（1–7，北京时间）' },
    date: { type: 'string', label: '今天（YYYY-MM-DD，北京时间）' },
  },
};

export type FactName = keyof typeof FACTS;

export function factPath(fact: string, path: string | undefined): FactPath | undefined {
  const paths = (FACTS as Record<string, Record<string, FactPath>>)[fact];
  return paths?.[path ?? ''];
}

/** The one path resolver of both decision paths: plain dotted paths, no JSONPath. */
export function resolvePath(value: unknown, path: string | undefined): unknown {
  if (!path) return value;
  // "$.status" (json-rules-engine's JSONPath habit) means the same as "status".
  const plain = path.startsWith('$.') ? path.slice(2) : path;
  let current: unknown = value;
  for (const key of plain.split('.')) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
