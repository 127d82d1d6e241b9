import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { oneOf, required, requiredText } from './validators.js';

export const PARKING_SPACE_KINDS = ['surface', 'underground', 'mechanical'] as const;
export type ParkingSpaceKind = (typeof PARKING_SPACE_KINDS)[number];

/** A space code as the garage writes it on the floor: letters, digits and dashes, e.g. "B2-088", "A-12", "J3-05". */
export const SPACE_CODE_PATTERN = /^[A-Z0-9][A-Z0-9-]{0,19}$/;

/** The one way a code is written: no spaces, upper-case, full-width dashes and letters made plain ("b2－088" → "B2-088"). */
export function normaliseSpaceCode(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  return value
    .normalize('NFKC')
    .replace(/[\s·•]/g, '')
    .replace(/[—–－_]/g, '-')
    .toUpperCase();
}

/** 车位: one space of a community's car park, let by the garage keeper through parking rentals (车位租赁). */
export class ParkingSpace extends Model<InferAttributes<ParkingSpace>, InferCreationAttributes<ParkingSpace>> {
  declare id: CreationOptional<number>;
  declare communityId: number;
  /** 车位号, unique within the community, e.g. "B2-088". */
  declare code: string;
  declare kind: ParkingSpaceKind;
  declare note: CreationOptional<string | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('ParkingSpace');
/** One code per community: the unique index is the guard, its message the refusal. */
const codeTaken = { name: 'ParkingSpace_communityId_code', msg: `本小区已有这个${label('code')}` };

ParkingSpace.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    communityId: {
      type: DataTypes.INTEGER,
      allowNull: false,
      unique: codeTaken,
      validate: required(label('communityId')),
    },
    code: {
      type: DataTypes.STRING(20),
      allowNull: false,
      unique: codeTaken,
      validate: {
        ...requiredText(label('code')),
        // An empty code is 车位号不能为空 (requiredText), not a malformed one.
        codeShape(value: unknown) {
          if (typeof value === 'string' && value !== '' && !SPACE_CODE_PATTERN.test(value))
            throw new Error(`${label('code')}只能由字母、数字和“-”组成，例如 B2-088`);
        },
      },
      set(value: string) {
        this.setDataValue('code', normaliseSpaceCode(value) as string);
      },
    },
    kind: {
      type: DataTypes.ENUM(...PARKING_SPACE_KINDS),
      allowNull: false,
      defaultValue: 'underground',
      validate: { ...required(label('kind')), ...oneOf(PARKING_SPACE_KINDS, label('kind')) },
    },
    note: { type: DataTypes.STRING(200), allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'ParkingSpace',
    modelName: 'ParkingSpace',
    indexes: [{ fields: ['code'] }, { fields: ['kind'] }],
  },
);
