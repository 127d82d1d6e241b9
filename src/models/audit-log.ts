import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter, type JsonValue } from './json-field.js';
import { isPlainObject } from '../lib/objects.js';
import { requiredText } from './validators.js';

/** What changed: field → [before, after]. */
export type AuditChanges = Record<string, [JsonValue, JsonValue]>;

/** 操作日志: who changed which record, field by field (append-only). */
export class AuditLog extends Model<InferAttributes<AuditLog>, InferCreationAttributes<AuditLog>> {
  declare id: CreationOptional<number>;
  /** Who did it; null for the system (seed, migrations). */
  declare staffId: CreationOptional<number | null>;
  /** 'Resource.action' or a plain verb (new, edit, delete). */
  declare action: string;
  declare resource: string;
  declare recordId: CreationOptional<string | null>;
  declare changes: CreationOptional<AuditChanges>;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('AuditLog');

AuditLog.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: { type: DataTypes.INTEGER, allowNull: true },
    action: {
      type: DataTypes.STRING(80),
      allowNull: false,
      validate: requiredText(label('action')),
    },
    resource: {
      type: DataTypes.STRING(40),
      allowNull: false,
      validate: requiredText(label('resource')),
    },
    recordId: { type: DataTypes.STRING(64), allowNull: true },
    changes: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: {},
      set: jsonTextSetter('changes'),
      validate: {
        isChangeMap(value: unknown) {
          const ok =
            isPlainObject(value) && Object.values(value).every((pair) => Array.isArray(pair) && pair.length === 2);
          if (!ok) throw new Error(`${label('changes')}必须是 {字段: [修改前, 修改后]}`);
        },
      },
    },
    note: { type: DataTypes.TEXT, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'AuditLog',
    modelName: 'AuditLog',
    indexes: [{ fields: ['resource', 'recordId'] }, { fields: ['staffId'] }, { fields: ['createdAt'] }],
  },
);
