import { Department } from '../department.js';
import { Position } from '../position.js';
import { PositionClause } from '../position-clause.js';
import { Staff } from '../staff.js';

export function associateOrganisation() {
  Department.belongsTo(Staff, { as: 'supervisor', foreignKey: 'supervisorId', constraints: false });
  Department.hasMany(Staff, { as: 'members', foreignKey: 'departmentId' });
  Department.hasMany(Position, { as: 'positions', foreignKey: 'departmentId' });
  Position.belongsTo(Department, { as: 'department', foreignKey: 'departmentId' });
  Position.belongsTo(Position, { as: 'supervisorPosition', foreignKey: 'supervisorPositionId' });
  Position.hasMany(PositionClause, { as: 'clauses', foreignKey: 'positionId' });
  PositionClause.belongsTo(Position, { as: 'position', foreignKey: 'positionId' });
  Staff.belongsTo(Position, { as: 'position', foreignKey: 'positionId' });
  Staff.belongsTo(Department, { as: 'department', foreignKey: 'departmentId' });
  Staff.belongsTo(Position, { as: 'proposedPosition', foreignKey: 'proposedPositionId' });
}
