import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { phone } from './validators.js';

/** Shown and decided as the record's `status`: 正常, 已锁定 (an explicit lock), 已停用. */
export const STAFF_STATUSES = ['active', 'locked', 'disabled'] as const;
export type StaffStatus = (typeof STAFF_STATUSES)[number];
/** The page sizes a list offers (每页 10/20/50/100 条); 10 until a person chooses. */
export const LIST_PAGE_SIZES = [10, 20, 50, 100] as const;

/**
 * 员工: a login account holding one position. IT proposes a position (proposedPositionId); one that carries business
 * authority takes effect when someone the rules allow approves it (Staff.assignPosition).
 */
export class Staff extends Model<InferAttributes<Staff>, InferCreationAttributes<Staff>> {
  declare id: CreationOptional<number>;
  declare name: string;
  declare email: string;
  declare passwordHash: string;
  declare phone: CreationOptional<string | null>;
  declare positionId: CreationOptional<number | null>;
  declare departmentId: CreationOptional<number | null>;
  declare enabled: CreationOptional<boolean>;
  declare proposedPositionId: CreationOptional<number | null>;
  /** Set by the explicit, audited lock (Staff.lock); a locked account cannot sign in and its sessions end. */
  declare lockedAt: CreationOptional<Date | null>;
  declare lockReason: CreationOptional<string | null>;
  declare status: CreationOptional<StaffStatus>;
  declare lastLoginAt: CreationOptional<Date | null>;
  /** Rows per list page this person chose (每页 10/20/50/100 条); null: the default, 10. */
  declare listPageSize: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;

  /**
   * The password hash never leaves the server: every serialisation (admin API, populated references, logs) leaves it
   * out, since hiding a field in AdminJS hides it on screen only.
   */
  toJSON(): Omit<InferAttributes<Staff>, 'passwordHash'> {
    const { passwordHash: _hash, ...rest } = super.toJSON() as InferAttributes<Staff>;
    return rest;
  }
}

const label = fieldNames('Staff');

Staff.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(40), allowNull: false, validate: { notEmpty: { msg: `${label('name')}不能为空` } } },
    email: {
      type: DataTypes.STRING(120),
      allowNull: false,
      unique: true,
      validate: { isEmail: { msg: `${label('email')}格式不正确` } },
      set(value: string) {
        this.setDataValue(
          'email',
          String(value ?? '')
            .trim()
            .toLowerCase(),
        );
      },
    },
    passwordHash: { type: DataTypes.STRING(100), allowNull: false },
    phone: {
      type: DataTypes.STRING(20),
      allowNull: true,
      validate: phone(label('phone')),
    },
    positionId: { type: DataTypes.INTEGER, allowNull: true },
    departmentId: { type: DataTypes.INTEGER, allowNull: true },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    proposedPositionId: { type: DataTypes.INTEGER, allowNull: true },
    lockedAt: { type: DataTypes.DATE, allowNull: true },
    lockReason: { type: DataTypes.STRING(200), allowNull: true },
    status: {
      type: DataTypes.VIRTUAL,
      get(this: Staff) {
        if (!this.getDataValue('enabled')) return 'disabled';
        return this.getDataValue('lockedAt') ? 'locked' : 'active';
      },
    },
    lastLoginAt: { type: DataTypes.DATE, allowNull: true },
    listPageSize: {
      type: DataTypes.INTEGER,
      allowNull: true,
      validate: {
        isIn: { args: [LIST_PAGE_SIZES], msg: `${label('listPageSize')}只能是 ${LIST_PAGE_SIZES.join('、')}` },
      },
    },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'Staff',
    modelName: 'Staff',
    indexes: [{ fields: ['positionId'] }, { fields: ['departmentId'] }, { fields: ['proposedPositionId'] }],
  },
);
