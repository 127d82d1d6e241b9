import { DataTypes, Model, type CreationOptional, type InferAttributes, type InferCreationAttributes } from 'sequelize';
import { sequelize } from '../db.js';
import { fieldNames } from '../vocabulary/fields.js';
import { jsonTextSetter, type JsonValue } from './json-field.js';
import { isPlainObject } from '../lib/objects.js';
import { oneOf, required, requiredText } from './validators.js';

/** allow 允许 / deny 拒绝. */
export const TEST_EXPECTATIONS = ['allow', 'deny'] as const;
export type TestExpectation = (typeof TEST_EXPECTATIONS)[number];

/**
 * 权限测试: a case the authority rules must keep answering the same way — someone holding a position (or one staff
 * member) taking an action on a record with these facts is allowed, or refused. A change set that makes an
 * enabled test fail is not published. Tests decide nothing for staff, so a change to one takes effect at once.
 */
export class AuthorityTest extends Model<InferAttributes<AuthorityTest>, InferCreationAttributes<AuthorityTest>> {
  declare id: CreationOptional<number>;
  declare name: string;
  /** Someone holding this position (Position.code) … */
  declare positionCode: CreationOptional<string | null>;
  /** … or this staff member, as they are when the test runs. */
  declare staffId: CreationOptional<number | null>;
  declare action: string;
  /** The record's facts (copied when the test was made from a real record, so later edits do not move it). */
  declare recordFacts: CreationOptional<{ [key: string]: JsonValue }>;
  /** What the test assumes of the person beyond the position, e.g. {"supervisesDepartmentIds": [3]}. */
  declare actorFacts: CreationOptional<{ [key: string]: JsonValue } | null>;
  declare expect: TestExpectation;
  declare clause: CreationOptional<string | null>;
  declare enabled: CreationOptional<boolean>;
  declare sourceResource: CreationOptional<string | null>;
  declare sourceRecordId: CreationOptional<string | null>;
  declare updatedById: CreationOptional<number | null>;
  declare createdAt: CreationOptional<Date>;
  declare updatedAt: CreationOptional<Date>;
}

const label = fieldNames('AuthorityTest');
const jsonObject = (field: 'recordFacts' | 'actorFacts', allowNull: boolean) =>
  function (value: unknown) {
    if (allowNull && (value === null || value === undefined)) return;
    if (!isPlainObject(value)) throw new Error(`${label(field)}必须是 JSON 对象，如 {"status": "held"}`);
  };

AuthorityTest.init(
  {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: {
      type: DataTypes.STRING(100),
      allowNull: false,
      unique: { name: 'AuthorityTest_name', msg: `${label('name')}已存在` },
      validate: { ...requiredText(label('name')), len: { args: [1, 100], msg: `${label('name')}不能超过 100 个字` } },
    },
    positionCode: { type: DataTypes.STRING(40), allowNull: true },
    staffId: { type: DataTypes.INTEGER, allowNull: true },
    action: { type: DataTypes.STRING(80), allowNull: false, validate: requiredText(label('action')) },
    recordFacts: {
      type: DataTypes.JSON,
      allowNull: false,
      defaultValue: {},
      set: jsonTextSetter('recordFacts'),
      validate: { isObject: jsonObject('recordFacts', false) },
    },
    actorFacts: {
      type: DataTypes.JSON,
      allowNull: true,
      set: jsonTextSetter('actorFacts'),
      validate: { isObject: jsonObject('actorFacts', true) },
    },
    expect: {
      type: DataTypes.ENUM(...TEST_EXPECTATIONS),
      allowNull: false,
      validate: { ...required(label('expect')), ...oneOf(TEST_EXPECTATIONS, label('expect')) },
    },
    clause: { type: DataTypes.TEXT, allowNull: true },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    sourceResource: { type: DataTypes.STRING(40), allowNull: true },
    sourceRecordId: { type: DataTypes.STRING(64), allowNull: true },
    updatedById: { type: DataTypes.INTEGER, allowNull: true },
    createdAt: DataTypes.DATE,
    updatedAt: DataTypes.DATE,
  },
  {
    sequelize,
    tableName: 'AuthorityTest',
    modelName: 'AuthorityTest',
    indexes: [{ fields: ['action'] }, { fields: ['enabled'] }, { fields: ['positionCode'] }, { fields: ['staffId'] }],
    validate: {
      onePerson(this: AuthorityTest) {
        if (Boolean(this.positionCode) === Boolean(this.staffId))
          throw new Error(`请填写${label('positionCode')}或${label('staffId')}中的一项`);
      },
    },
  },
);
