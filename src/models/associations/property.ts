import { Building } from '../building.js';
import { Community } from '../community.js';
import { Owner } from '../owner.js';
import { Unit } from '../unit.js';

export function associateProperty() {
  Community.hasMany(Building, { as: 'buildings', foreignKey: 'communityId' });
  Building.belongsTo(Community, { as: 'community', foreignKey: 'communityId' });
  Building.hasMany(Unit, { as: 'units', foreignKey: 'buildingId' });
  Unit.belongsTo(Building, { as: 'building', foreignKey: 'buildingId' });
  Unit.belongsTo(Owner, { as: 'owner', foreignKey: 'ownerId' });
  Owner.hasMany(Unit, { as: 'units', foreignKey: 'ownerId' });
}
