import { DunningPlan } from '../dunning-plan.js';
import { DunningRecord } from '../dunning-record.js';
import { DunningTarget } from '../dunning-target.js';
import { Owner } from '../owner.js';
import { Staff } from '../staff.js';
import { Unit } from '../unit.js';

export function associateDunning() {
  DunningPlan.hasMany(DunningTarget, { as: 'targets', foreignKey: 'planId' });
  DunningPlan.hasMany(DunningRecord, { as: 'records', foreignKey: 'planId' });
  DunningPlan.belongsTo(Staff, { as: 'createdBy', foreignKey: 'createdById' });
  DunningPlan.belongsTo(Staff, { as: 'startedBy', foreignKey: 'startedById' });
  DunningPlan.belongsTo(Staff, { as: 'closedBy', foreignKey: 'closedById' });

  DunningTarget.belongsTo(DunningPlan, { as: 'plan', foreignKey: 'planId' });
  DunningTarget.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  DunningTarget.belongsTo(Unit, { as: 'unit', foreignKey: 'unitId' });
  DunningTarget.hasMany(DunningRecord, { as: 'records', foreignKey: 'targetId' });
  Owner.hasMany(DunningTarget, { as: 'dunningTargets', foreignKey: 'ownerId' });

  DunningRecord.belongsTo(DunningPlan, { as: 'plan', foreignKey: 'planId' });
  DunningRecord.belongsTo(DunningTarget, { as: 'target', foreignKey: 'targetId' });
  DunningRecord.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  DunningRecord.belongsTo(Staff, { as: 'staff', foreignKey: 'staffId' });
  Owner.hasMany(DunningRecord, { as: 'dunningRecords', foreignKey: 'ownerId' });
}
