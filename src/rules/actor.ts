/** The signed-in staff member as the authority core sees them (loaded from the database on every request). */
export interface Actor {
  id: number;
  name: string;
  email: string;
  positionId: number | null;
  /** Stable code of the position (receptionist, coordinator, cashier, assistant, director, …). */
  positionCode: string | null;
  positionName: string | null;
  departmentId: number | null;
  departmentName: string | null;
  /** Departments this person supervises (Department.supervisorId). */
  supervisesDepartmentIds: number[];
  isSystemAdmin: boolean;
  enabled: boolean;
}

export const POSITION_CODES = {
  receptionist: '客户接待员',
  coordinator: '客户服务协调员',
  cashier: '客户服务收费员',
  assistant: '客户服务助理',
  director: '管理处主任',
  engineeringSupervisor: '工程部主管',
  garageKeeper: '车库管理员',
  systemAdmin: '系统管理员',
} as const;
