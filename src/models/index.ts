// Every model of the domain, initialised on import (before AdminJS is built), with all associations wired here.
import { associateOrganisation } from './associations/organisation.js';
import { associateProperty } from './associations/property.js';

export { sequelize } from '../db.js';
// 组织 organisation
export { Department } from './department.js';
export { Position } from './position.js';
export { PositionClause, CLAUSE_KINDS, type ClauseKind } from './position-clause.js';
export { Staff } from './staff.js';
// 房产 property
export { Community } from './community.js';
export { Building } from './building.js';
export { Unit } from './unit.js';
export { Owner } from './owner.js';

associateOrganisation();
associateProperty();
