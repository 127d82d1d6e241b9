import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('Community', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(60), allowNull: false, unique: true },
    address: { type: DataTypes.STRING(200), allowNull: true },
    ...timestamps,
  });
  await qi.createTable('Building', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    communityId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Community', key: 'id' },
      onDelete: 'RESTRICT',
    },
    name: { type: DataTypes.STRING(40), allowNull: false },
    floors: { type: DataTypes.INTEGER, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Building', ['communityId', 'name'], { unique: true, name: 'Building_community_name' });
  await qi.createTable('Owner', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: true },
    altPhone: { type: DataTypes.STRING(20), allowNull: true },
    email: { type: DataTypes.STRING(120), allowNull: true },
    moveInDate: { type: DataTypes.DATEONLY, allowNull: true },
    lastReviewedOn: { type: DataTypes.DATEONLY, allowNull: true },
    notes: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('Owner', ['name'], { name: 'Owner_name' });
  await qi.addIndex('Owner', ['phone'], { name: 'Owner_phone' });
  await qi.addIndex('Owner', ['lastReviewedOn'], { name: 'Owner_lastReviewedOn' });
  await qi.createTable('Unit', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    buildingId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      references: { model: 'Building', key: 'id' },
      onDelete: 'RESTRICT',
    },
    number: { type: DataTypes.STRING(20), allowNull: false },
    label: { type: DataTypes.STRING(100), allowNull: false },
    floor: { type: DataTypes.INTEGER, allowNull: true },
    area: { type: DataTypes.DOUBLE, allowNull: false },
    ownerId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Owner', key: 'id' },
      onDelete: 'SET NULL',
    },
    ...timestamps,
  });
  await qi.addIndex('Unit', ['buildingId', 'number'], { unique: true, name: 'Unit_building_number' });
  await qi.addIndex('Unit', ['ownerId'], { name: 'Unit_ownerId' });
  await qi.addIndex('Unit', ['label'], { name: 'Unit_label' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('Unit');
  await qi.dropTable('Owner');
  await qi.dropTable('Building');
  await qi.dropTable('Community');
}
