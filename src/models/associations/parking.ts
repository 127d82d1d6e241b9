import { Community } from '../community.js';
import { ParkingRental } from '../parking-rental.js';
import { ParkingSpace } from '../parking-space.js';

export function associateParking() {
  ParkingSpace.belongsTo(Community, { as: 'community', foreignKey: 'communityId' });
  Community.hasMany(ParkingSpace, { as: 'parkingSpaces', foreignKey: 'communityId' });
  ParkingRental.belongsTo(ParkingSpace, { as: 'space', foreignKey: 'spaceId' });
  ParkingSpace.hasMany(ParkingRental, { as: 'rentals', foreignKey: 'spaceId' });
}
