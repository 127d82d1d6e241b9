import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';

/**
 * Failed sign-ins of one bucket — an account tried from one address, or from one device that signed in to it
 * before — and how long the bucket must wait. Kept in the database so every instance agrees.
 */
export class SignInThrottle extends Model<InferAttributes<SignInThrottle>, InferCreationAttributes<SignInThrottle>> {
  /** A hash of the bucket (never the email or address in clear). */
  declare key: string;
  declare failures: CreationOptional<number>;
  declare lastFailureAt: CreationOptional<Date | null>;
  declare blockedUntil: CreationOptional<Date | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

SignInThrottle.init(
  {
    key: { type: DataTypes.STRING(80), primaryKey: true },
    failures: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 0 },
    lastFailureAt: { type: DataTypes.DATE, allowNull: true },
    blockedUntil: { type: DataTypes.DATE, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  { sequelize, tableName: 'SignInThrottle', modelName: 'SignInThrottle', indexes: [{ fields: ['updatedAt'] }] },
);
