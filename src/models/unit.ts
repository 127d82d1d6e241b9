import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';

/** 房屋: one flat of a building, with its current owner and its area in m² (物管费 = area × rate). */
export class Unit extends Model<InferAttributes<Unit>, InferCreationAttributes<Unit>> {
  declare id: CreationOptional<number>;
  declare buildingId: number;
  /** Room number within the building, e.g. "1203". */
  declare number: string;
  /** Full address shown everywhere, e.g. "翠湖花园 3栋 1203". */
  declare label: string;
  declare floor: CreationOptional<number | null>;
  /** Area in m² (two decimals). */
  declare area: number;
  declare ownerId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Unit');

Unit.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    buildingId: { type: DataTypes.INTEGER, allowNull: false },
    number: {
      type: DataTypes.STRING(20),
      allowNull: false,
      validate: { notEmpty: { msg: `${label('number')}不能为空` } },
    },
    label: {
      type: DataTypes.STRING(100),
      allowNull: false,
      validate: { notEmpty: { msg: `${label('label')}不能为空` } },
    },
    floor: { type: DataTypes.INTEGER, allowNull: true },
    area: {
      type: DataTypes.DOUBLE,
      allowNull: false,
      validate: {
        isFloat: { msg: `${label('area')}必须是数字` },
        min: { args: [1], msg: `${label('area')}必须大于 1 平方米` },
        max: { args: [10000], msg: `${label('area')}不能超过 10000 平方米` },
      },
    },
    ownerId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Unit',
    modelName: 'Unit',
    indexes: [{ unique: true, fields: ['buildingId', 'number'] }, { fields: ['ownerId'] }, { fields: ['label'] }],
  },
);
