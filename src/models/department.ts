import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';

/** 部门: 客户中心, 工程部, 保安部, 保洁部, 财务部, 管理处. */
export class Department extends Model<InferAttributes<Department>, InferCreationAttributes<Department>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare description: CreationOptional<string | null>;
  /** 部门主管: the Staff member who approves the department's tickets. */
  declare supervisorId: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('Department');

Department.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: {
      type: DataTypes.STRING(40),
      allowNull: false,
      unique: true,
      validate: { notEmpty: { msg: `${label('name')}不能为空` } },
    },
    description: { type: DataTypes.TEXT, allowNull: true },
    supervisorId: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'Department', modelName: 'Department' },
);
