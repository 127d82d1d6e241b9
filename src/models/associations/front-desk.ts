import { Correspondence } from '../correspondence.js';
import { Department } from '../department.js';
import { Notice } from '../notice.js';
import { Owner } from '../owner.js';
import { ReturnVisit } from '../return-visit.js';
import { Staff } from '../staff.js';
import { Ticket } from '../ticket.js';
import { Unit } from '../unit.js';
import { WorkOrder } from '../work-order.js';

// belongsTo also marks the foreign-key columns as references, which AdminJS shows as links by title.
export function associateFrontDesk() {
  Ticket.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  Ticket.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  Ticket.belongsTo(Department, { as: 'department', foreignKey: 'departmentId' });
  Ticket.belongsTo(Staff, { as: 'assignee', foreignKey: 'assigneeId' });
  Ticket.belongsTo(Staff, { as: 'registeredBy', foreignKey: 'registeredById' });
  Ticket.belongsTo(Staff, { as: 'approvedBy', foreignKey: 'approvedById' });
  Ticket.belongsTo(Staff, { as: 'archivedBy', foreignKey: 'archivedById' });
  Ticket.hasMany(WorkOrder, { as: 'workOrders', foreignKey: 'ticketId' });
  Ticket.hasMany(ReturnVisit, { as: 'returnVisits', foreignKey: 'ticketId' });
  Owner.hasMany(Ticket, { as: 'tickets', foreignKey: 'ownerId' });
  Unit.hasMany(Ticket, { as: 'tickets', foreignKey: 'unitId' });
  Department.hasMany(Ticket, { as: 'tickets', foreignKey: 'departmentId' });

  WorkOrder.belongsTo(Ticket, { as: 'ticket', foreignKey: 'ticketId' });
  WorkOrder.belongsTo(Department, { as: 'department', foreignKey: 'departmentId' });
  WorkOrder.belongsTo(Staff, { as: 'assignee', foreignKey: 'assigneeId' });
  WorkOrder.belongsTo(Staff, { as: 'dispatchedBy', foreignKey: 'dispatchedById' });

  ReturnVisit.belongsTo(Ticket, { as: 'ticket', foreignKey: 'ticketId' });
  ReturnVisit.belongsTo(Staff, { as: 'visitor', foreignKey: 'visitorId' });
  ReturnVisit.belongsTo(ReturnVisit, { as: 'spotCheckOf', foreignKey: 'spotCheckOfId' });
  ReturnVisit.hasMany(ReturnVisit, { as: 'spotChecks', foreignKey: 'spotCheckOfId' });

  Correspondence.belongsTo(Staff, { as: 'handler', foreignKey: 'handlerId' });
  Correspondence.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  Owner.hasMany(Correspondence, { as: 'correspondence', foreignKey: 'ownerId' });

  Notice.belongsTo(Staff, { as: 'author', foreignKey: 'authorId' });
}
