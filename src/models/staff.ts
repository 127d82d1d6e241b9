import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { PHONE_PATTERN } from './validators.js';

/** 员工: a login account holding one position. The password hash never leaves the server. */
export class Staff extends Model<InferAttributes<Staff>, InferCreationAttributes<Staff>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare email: string;
  declare passwordHash: string;
  declare phone: CreationOptional<string | null>;
  declare positionId: CreationOptional<number | null>;
  declare departmentId: CreationOptional<number | null>;
  declare enabled: CreationOptional<boolean>;
  declare failedLogins: CreationOptional<number>;
  declare lockedUntil: CreationOptional<Date | null>;
  declare lastLoginAt: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /** Every serialisation (admin API, populated references, logs) leaves the password hash out (trap 4). */
  toJSON(): Omit<InferAttributes<Staff>, 'passwordHash'> {
    const { passwordHash: _hash, ...rest } = super.toJSON() as InferAttributes<Staff>;
    return rest;
  }
}

Staff.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, validate: { notEmpty: { msg: '姓名不能为空' } } },
    email: {
      type: DataTypes.STRING(120),
      allowNull: false,
      unique: true,
      validate: { isEmail: { msg: '邮箱格式不正确' } },
      set(value: string) {
        this.setDataValue('email', String(value ?? '').trim().toLowerCase());
      },
    },
    passwordHash: { type: DataTypes.STRING(100), allowNull: false },
    phone: { type: DataTypes.STRING(20), allowNull: true, validate: { is: { args: PHONE_PATTERN, msg: '电话号码格式不正确' } } },
    positionId: { type: DataTypes.INTEGER, allowNull: true },
    departmentId: { type: DataTypes.INTEGER, allowNull: true },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    failedLogins: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lockedUntil: { type: DataTypes.DATE, allowNull: true },
    lastLoginAt: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'Staff', modelName: 'Staff', indexes: [{ fields: ['positionId'] }, { fields: ['departmentId'] }] },
);
