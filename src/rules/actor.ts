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

/** The position of the system administrator: accounts and departments only, never the office's business. */
export const SYSTEM_ADMIN_CODE = 'system_admin';
