// Length, type and range limits every column keeps on every write, whatever the database: SQLite enforces no
// column length and stores whatever it is given, PostgreSQL answers an out-of-range number with an error (a 500).
// Added as one attribute validator per column, because Sequelize runs attribute validators on create, save,
// Model.update (for the columns it writes) and bulkCreate with validate:true alike; hooks do not run on all of them.
import {
  DataTypes,
  ValidationError,
  type Model,
  type ModelAttributeColumnOptions,
  type ModelStatic,
  type ValidationErrorItem,
} from 'sequelize';

/** TEXT columns (notes, descriptions, rule texts) are capped at this many characters. */
export const MAX_TEXT_LENGTH = 20_000;
/** JSON columns (survey answers, rule conditions, audit changes) at this many characters of JSON. */
export const MAX_JSON_LENGTH = 200_000;
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2200;
const INT32 = { min: -2_147_483_648, max: 2_147_483_647 };
const INT16 = { min: -32_768, max: 32_767 };

/** The validator's name in each attribute's `validate`: its error items carry it as validatorKey. */
export const FIELD_LIMITS = 'fieldLimits';

// Control characters (C0, DEL, C1) other than tab, newline and carriage return, and halves of a surrogate pair
// (text no database can store as UTF-8).
const FORBIDDEN_CHARACTERS = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

const characters = (text: string) => [...text].length;

function checkText(text: string, max: number): void {
  if (FORBIDDEN_CHARACTERS.test(text)) throw new Error('不能包含控制字符（如 NUL）或无效字符');
  if (characters(text) > max) throw new Error(`不能超过 ${max} 个字符`);
}

function checkJsonStrings(value: unknown): void {
  if (typeof value === 'string') {
    if (FORBIDDEN_CHARACTERS.test(value)) throw new Error('不能包含控制字符（如 NUL）或无效字符');
  } else if (Array.isArray(value)) {
    value.forEach(checkJsonStrings);
  } else if (value && typeof value === 'object' && !(value instanceof Date)) {
    for (const [key, inner] of Object.entries(value)) {
      checkJsonStrings(key);
      checkJsonStrings(inner);
    }
  }
}

function checkInteger(value: unknown, range: { min: number; max: number }): void {
  const number = typeof value === 'string' && /^\s*[+-]?\d+\s*$/.test(value) ? Number(value) : value;
  if (typeof number !== 'number' || !Number.isInteger(number)) throw new Error('必须是整数');
  if (number < range.min || number > range.max) throw new Error(`必须在 ${range.min} 到 ${range.max} 之间`);
}

function checkDate(value: unknown): void {
  const date =
    value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) throw new Error('日期格式不正确');
  const year = date.getUTCFullYear();
  if (year < MIN_YEAR || year > MAX_YEAR) throw new Error(`日期必须在 ${MIN_YEAR} 年到 ${MAX_YEAR} 年之间`);
}

type TypeWithOptions = { key: string; options?: { length?: number }; _length?: number; values?: string[] };

/** The check for one column's type, or null for types that need none (booleans, virtual fields). */
function limitFor(type: TypeWithOptions): ((value: unknown) => void) | null {
  switch (type.key) {
    case DataTypes.STRING.key:
    case DataTypes.CHAR.key:
    case DataTypes.CITEXT.key:
    case DataTypes.TEXT.key: {
      const declared = Number(type.options?.length ?? type._length);
      const max =
        type.key === DataTypes.TEXT.key || type.key === DataTypes.CITEXT.key
          ? MAX_TEXT_LENGTH
          : Number.isInteger(declared) && declared > 0
            ? declared
            : 255;
      return (value) => {
        // Numbers are written as their digits; anything else would be stored as "[object Object]", "true" …
        if (typeof value !== 'string' && typeof value !== 'number')
          throw new Error('必须是文字，不能是对象、列表或其他类型');
        checkText(String(value), max);
      };
    }
    case DataTypes.INTEGER.key:
    case DataTypes.MEDIUMINT.key:
      return (value) => checkInteger(value, INT32);
    case DataTypes.SMALLINT.key:
    case DataTypes.TINYINT.key:
      return (value) => checkInteger(value, INT16);
    case DataTypes.BIGINT.key:
      return (value) => checkInteger(value, { min: Number.MIN_SAFE_INTEGER, max: Number.MAX_SAFE_INTEGER });
    case DataTypes.FLOAT.key:
    case DataTypes.REAL.key:
    case DataTypes.DOUBLE.key:
    case DataTypes.DECIMAL.key:
      return (value) => {
        const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
        if (typeof number !== 'number' || !Number.isFinite(number)) throw new Error('必须是有效的数字');
      };
    case DataTypes.DATE.key:
    case DataTypes.DATEONLY.key:
      return checkDate;
    case DataTypes.ENUM.key:
      return (value) => {
        if (!type.values?.includes(value as string)) throw new Error('不是有效的选项');
      };
    case DataTypes.JSON.key:
    case DataTypes.JSONB.key:
      return (value) => {
        const text = JSON.stringify(value) ?? '';
        if (text.length > MAX_JSON_LENGTH) throw new Error(`内容过长，不能超过 ${MAX_JSON_LENGTH} 个字符`);
        checkJsonStrings(value);
      };
    default:
      return null;
  }
}

const limited = new WeakSet<ModelStatic<Model>>();

/**
 * Adds the limits to every column of each model, beside its own validators. Safe to call twice.
 * Null is left to allowNull and the model's notNull messages.
 */
export function applyFieldLimits(models: Iterable<ModelStatic<Model>>): void {
  for (const model of models) {
    if (limited.has(model)) continue;
    limited.add(model);
    const attributes = model.getAttributes() as Record<string, ModelAttributeColumnOptions>;
    for (const attribute of Object.values(attributes)) {
      const check = limitFor(attribute.type as unknown as TypeWithOptions);
      if (!check) continue;
      // One parameter: Sequelize takes a validator of two for one with a callback.
      const validator = (value: unknown) => {
        if (value === null || value === undefined) return;
        check(value);
      };
      attribute.validate = { ...(attribute.validate ?? {}), [FIELD_LIMITS]: validator };
    }
    // Both are public in Sequelize 6 but missing from its types.
    (model as unknown as { refreshAttributes(): void }).refreshAttributes();
    (model as unknown as { addHook(type: string, name: string, fn: typeof preferChineseMessages): void }).addHook(
      'validationFailed',
      FIELD_LIMITS,
      preferChineseMessages,
    );
  }
}

/**
 * Sequelize refuses an object given to a text column itself, in English ("name cannot be an array or an
 * object"), before any validator: where the field limits said it in Chinese, that item goes. (Sequelize ignores
 * what this hook returns, so the error is changed in place.)
 */
function preferChineseMessages(_instance: Model, _options: unknown, error: unknown): void {
  if (!(error instanceof ValidationError)) return;
  const ours = new Set(error.errors.filter((item) => item.validatorKey === FIELD_LIMITS).map((item) => item.path));
  const kept = error.errors.filter(
    (item: ValidationErrorItem) => !(item.validatorKey === 'not_a_string' && ours.has(item.path)),
  );
  if (kept.length === error.errors.length) return;
  error.errors.splice(0, error.errors.length, ...kept);
  error.message = kept.map((item) => `${item.type}: ${item.message}`).join(',\n');
}
