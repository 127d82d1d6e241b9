import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';

export const CLAUSE_KINDS = ['duty', 'authority', 'qualification'] as const;
export type ClauseKind = (typeof CLAUSE_KINDS)[number];

/** 岗位条款: one numbered clause of a Position, its text verbatim. */
export class PositionClause extends Model<InferAttributes<PositionClause>, InferCreationAttributes<PositionClause>> {
  declare id: CreationOptional<number>;
  declare positionId: number;
  declare kind: ClauseKind;
  declare number: number;
  declare text: string;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('PositionClause');

PositionClause.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    positionId: { type: DataTypes.INTEGER, allowNull: false },
    kind: {
      type: DataTypes.ENUM(...CLAUSE_KINDS),
      allowNull: false,
      validate: {
        isIn: { args: [CLAUSE_KINDS as unknown as string[]], msg: `${label('kind')}必须是职责、职权或资格要求` },
      },
    },
    number: {
      type: DataTypes.INTEGER,
      allowNull: false,
      validate: { min: { args: [1], msg: `${label('number')}从 1 开始` } },
    },
    text: { type: DataTypes.TEXT, allowNull: false, validate: { notEmpty: { msg: `${label('text')}不能为空` } } },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'PositionClause',
    modelName: 'PositionClause',
    indexes: [{ unique: true, fields: ['positionId', 'kind', 'number'] }],
  },
);
