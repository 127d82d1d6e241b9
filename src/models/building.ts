import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';

/** 楼栋. */
export class Building extends Model<InferAttributes<Building>, InferCreationAttributes<Building>> {
  declare id: CreationOptional<number>;
  declare communityId: number;
  /** e.g. "3栋". */
  declare name: string;
  declare floors: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Building');

Building.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    communityId: { type: DataTypes.INTEGER, allowNull: false },
    name: { type: DataTypes.STRING(40), allowNull: false, validate: { notEmpty: { msg: `${label('name')}不能为空` } } },
    floors: {
      type: DataTypes.INTEGER,
      allowNull: true,
      validate: { min: { args: [1], msg: `${label('floors')}至少为 1` } },
    },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Building',
    modelName: 'Building',
    indexes: [{ unique: true, fields: ['communityId', 'name'] }],
  },
);
