import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';

/** 岗位: one job description (岗位职务说明书), or a post the document only names (管理处主任). */
export class Position extends Model<InferAttributes<Position>, InferCreationAttributes<Position>> {
  declare id: CreationOptional<number>;
  declare name: string;
  /** Stable code for the positions the product knows (receptionist, cashier …); null for other imports. */
  declare code: CreationOptional<string | null>;
  declare departmentId: CreationOptional<number | null>;
  /** 所属部门 as written in the document. */
  declare departmentText: CreationOptional<string | null>;
  /** 职务等级 as written (the document leaves it blank). */
  declare grade: CreationOptional<string | null>;
  /** 直接主管 as written, e.g. "客户中心助理". */
  declare supervisorText: CreationOptional<string | null>;
  /** 直接下级 as written. */
  declare subordinatesText: CreationOptional<string | null>;
  /** 直接主管 resolved to a Position. */
  declare supervisorPositionId: CreationOptional<number | null>;
  /** Where the position came from: the document's file name, or "系统内置". */
  declare source: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Position');

Position.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: {
      type: DataTypes.STRING(40),
      allowNull: false,
      unique: true,
      validate: { notEmpty: { msg: `${label('name')}不能为空` } },
    },
    code: { type: DataTypes.STRING(40), allowNull: true, unique: true },
    departmentId: { type: DataTypes.INTEGER, allowNull: true },
    departmentText: { type: DataTypes.STRING(40), allowNull: true },
    grade: { type: DataTypes.STRING(40), allowNull: true },
    supervisorText: { type: DataTypes.STRING(40), allowNull: true },
    supervisorPositionId: { type: DataTypes.INTEGER, allowNull: true },
    subordinatesText: { type: DataTypes.STRING(200), allowNull: true },
    source: { type: DataTypes.STRING(200), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'Position', modelName: 'Position' },
);
