// The models and the migrated tables agree: every attribute has its column and every column its attribute, with
// the same nullability and type, and every index a model declares exists on its table. Checked on the database the
// run uses (SQLite by default, PostgreSQL with TEST_DATABASE_URL), after the same migrations the product runs.
import { expect } from 'chai';
import {
  DataTypes,
  QueryTypes,
  ValidationError,
  type ModelAttributeColumnOptions,
  type ModelStatic,
  type Model,
} from 'sequelize';
import { isPostgres, sequelize } from '../../src/db.js';
import '../../src/models/index.js';

// Tables whose models belong to libraries: umzug's SequelizeMeta and connect-session-sequelize's Session.
const NOT_OURS = new Set(['SequelizeMeta', 'Session']);

// Nullable in the model on purpose, NOT NULL in the table: a beforeCreate hook fills them when left out, and
// Sequelize checks allowNull before beforeCreate runs (each model says so beside the attribute).
const FILLED_BEFORE_CREATE = new Set([
  'BillingRun.title',
  'CashReport.title',
  'Payment.receiptNumber',
  'Payment.receiptYear',
  'Payment.receiptSequence',
]);

interface TypeInfo {
  key: string;
  options?: { length?: number };
  _length?: number;
  values?: string[];
}

type Attribute = ModelAttributeColumnOptions & { field?: string; type: TypeInfo };

interface Column {
  type: string;
  allowNull: boolean;
  primaryKey: boolean;
}

interface TableIndex {
  name: string;
  unique: boolean;
  primary?: boolean;
  fields: Array<{ attribute: string }>;
}

interface DeclaredIndex {
  fields?: Array<string | { name?: string; attribute?: string }>;
  unique?: boolean;
  name?: string;
}

const models = Object.values(sequelize.models).filter((model) => !NOT_OURS.has(model.name)) as Array<
  ModelStatic<Model>
>;

function lengthOf(type: TypeInfo): number {
  return Number(type.options?.length ?? type._length ?? 255);
}

/**
 * The column type each dialect reports (describeTable, upper-cased) for an attribute's Sequelize type. ENUM is
 * answered separately (enumColumnAgrees): the migrations store it as a VARCHAR.
 */
function expectedColumnType(type: TypeInfo): string {
  const pg = isPostgres;
  switch (type.key) {
    case DataTypes.INTEGER.key:
      return 'INTEGER';
    case DataTypes.BIGINT.key:
      return 'BIGINT';
    case DataTypes.STRING.key:
      return pg ? `CHARACTER VARYING(${lengthOf(type)})` : `VARCHAR(${lengthOf(type)})`;
    case DataTypes.CHAR.key:
      return pg ? `CHARACTER(${lengthOf(type)})` : `CHAR(${lengthOf(type)})`;
    case DataTypes.TEXT.key:
      return 'TEXT';
    case DataTypes.BOOLEAN.key:
      return pg ? 'BOOLEAN' : 'TINYINT(1)';
    case DataTypes.DATE.key:
      return pg ? 'TIMESTAMP WITH TIME ZONE' : 'DATETIME';
    case DataTypes.DATEONLY.key:
      return 'DATE';
    case DataTypes.JSON.key:
      return 'JSON';
    case DataTypes.JSONB.key:
      return pg ? 'JSONB' : 'JSON';
    case DataTypes.DOUBLE.key:
      return 'DOUBLE PRECISION';
    default:
      return `(no mapping for ${type.key})`;
  }
}

/**
 * An ENUM attribute is stored as a VARCHAR long enough for its longest value. On PostgreSQL a CHECK constraint keeps
 * the column to exactly the model's values (migration 0011). On SQLite ALTER TABLE cannot add a CHECK without
 * rebuilding the table, and rebuilding a table that others reference by foreign key is unsafe there: the VARCHAR
 * agrees with the ENUM, and the model's validators (isIn, and the field limits on every write) refuse other values.
 */
function enumColumnAgrees(type: TypeInfo, reported: string): boolean {
  const match = /^(?:VARCHAR|CHARACTER VARYING)\((\d+)\)$/.exec(reported);
  if (!match) return false;
  return (type.values ?? []).every((value) => [...value].length <= Number(match[1]));
}

/** PostgreSQL: the values each column's CHECK constraint allows ("status" IN (…)), by column name. */
async function checkedValues(table: string): Promise<Map<string, string[][]>> {
  const rows = await sequelize.query<{ column: string; definition: string }>(
    `SELECT a.attname AS "column", pg_get_constraintdef(c.oid) AS "definition"
       FROM pg_constraint c
       JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)
      WHERE c.contype = 'c' AND c.conrelid = to_regclass(:table) AND array_length(c.conkey, 1) = 1`,
    { replacements: { table: `"${table}"` }, type: QueryTypes.SELECT },
  );
  const byColumn = new Map<string, string[][]>();
  for (const row of rows) {
    const values = [...row.definition.matchAll(/'((?:[^']|'')*)'/g)].map((m) => m[1]!.replace(/''/g, "'"));
    byColumn.set(row.column, [...(byColumn.get(row.column) ?? []), values]);
  }
  return byColumn;
}

function attributesOf(model: ModelStatic<Model>): Array<[string, Attribute]> {
  return Object.entries(model.getAttributes() as Record<string, Attribute>).filter(
    ([, attribute]) => attribute.type.key !== DataTypes.VIRTUAL.key,
  );
}

function columnOf(model: ModelStatic<Model>, name: string): string {
  return (model.getAttributes() as Record<string, Attribute>)[name]?.field ?? name;
}

/** Differences between a model's attributes and its table's columns, one sentence each. */
async function columnDifferences(model: ModelStatic<Model>): Promise<string[]> {
  const table = model.getTableName() as string;
  const columns = (await sequelize.getQueryInterface().describeTable(table)) as Record<string, Column>;
  const checks = isPostgres ? await checkedValues(table) : new Map<string, string[][]>();
  const differences: string[] = [];
  const attributes = attributesOf(model);
  const timestamps = new Set(
    Object.values((model as unknown as { _timestampAttributes: Record<string, string> })._timestampAttributes),
  );
  const fields = new Set(attributes.map(([name, attribute]) => attribute.field ?? name));
  for (const [name, attribute] of attributes) {
    const field = attribute.field ?? name;
    const column = columns[field];
    if (!column) {
      differences.push(`${table}.${field}: the model has it, the table has no such column`);
      continue;
    }
    const reported = column.type.toUpperCase();
    if (attribute.type.key === DataTypes.ENUM.key) {
      if (!enumColumnAgrees(attribute.type, reported))
        differences.push(
          `${table}.${field}: ENUM(${attribute.type.values?.join(', ')}) in the model, ${reported} in the table`,
        );
      if (isPostgres) {
        const expected = [...(attribute.type.values ?? [])].sort();
        const found = (checks.get(field) ?? []).map((values) => [...values].sort());
        if (!found.some((values) => JSON.stringify(values) === JSON.stringify(expected))) {
          differences.push(
            `${table}.${field}: no CHECK constraint allowing exactly ${expected.join(', ')} (found ${JSON.stringify(found)})`,
          );
        }
      }
    } else if (reported !== expectedColumnType(attribute.type)) {
      differences.push(
        `${table}.${field}: ${attribute.type.key} in the model (${expectedColumnType(attribute.type)}), ${reported} in the table`,
      );
    }
    // A primary key is never null; SQLite reports an INTEGER PRIMARY KEY (the rowid) as nullable all the same.
    // createdAt/updatedAt are filled by Sequelize on every create, update and bulkCreate, before validation: the
    // models' `createdAt: DataTypes.DATE` restates the type only, and the timestamps are never written null.
    const modelAllowsNull = attribute.primaryKey || timestamps.has(name) ? false : attribute.allowNull !== false;
    const tableAllowsNull = column.primaryKey && reported === 'INTEGER' ? false : column.allowNull;
    const filledBeforeCreate = modelAllowsNull && !tableAllowsNull && FILLED_BEFORE_CREATE.has(`${table}.${field}`);
    if (modelAllowsNull !== tableAllowsNull && !filledBeforeCreate) {
      differences.push(
        `${table}.${field}: ${modelAllowsNull ? 'nullable' : 'NOT NULL'} in the model, ${tableAllowsNull ? 'nullable' : 'NOT NULL'} in the table`,
      );
    }
    if (!!attribute.primaryKey !== column.primaryKey) {
      differences.push(
        `${table}.${field}: ${attribute.primaryKey ? 'primary key' : 'not a primary key'} in the model, ${column.primaryKey ? 'primary key' : 'not a primary key'} in the table`,
      );
    }
  }
  for (const field of Object.keys(columns)) {
    if (!fields.has(field)) differences.push(`${table}.${field}: the table has it, the model has no such attribute`);
  }
  return differences;
}

/** The indexes a model declares: its options.indexes and each attribute marked unique (alone or in a named group). */
function declaredIndexes(model: ModelStatic<Model>): Array<{ fields: string[]; unique: boolean; label: string }> {
  const declared: Array<{ fields: string[]; unique: boolean; label: string }> = [];
  for (const index of (model.options.indexes ?? []) as DeclaredIndex[]) {
    const fields = (index.fields ?? []).map((f) => (typeof f === 'string' ? f : (f.name ?? f.attribute ?? '')));
    declared.push({
      fields: fields.map((f) => columnOf(model, f)),
      unique: !!index.unique,
      label: index.name ?? `(${fields.join(', ')})`,
    });
  }
  const groups = new Map<string, string[]>();
  for (const [name, attribute] of attributesOf(model)) {
    const unique = attribute.unique as boolean | string | { name: string } | undefined;
    if (!unique) continue;
    const group = typeof unique === 'string' ? unique : typeof unique === 'object' ? unique.name : `${name} unique`;
    groups.set(group, [...(groups.get(group) ?? []), attribute.field ?? name]);
  }
  for (const [group, fields] of groups) declared.push({ fields, unique: true, label: group });
  return declared;
}

async function indexDifferences(model: ModelStatic<Model>): Promise<string[]> {
  const table = model.getTableName() as string;
  const indexes = (await sequelize.getQueryInterface().showIndex(table)) as TableIndex[];
  const differences: string[] = [];
  for (const index of declaredIndexes(model)) {
    const wanted = JSON.stringify(index.fields);
    const same = indexes.filter((found) => JSON.stringify(found.fields.map((f) => f.attribute)) === wanted);
    if (same.length === 0)
      differences.push(`${table} ${index.label}: declared by the model, no index on (${index.fields.join(', ')})`);
    else if (index.unique && !same.some((found) => found.unique || found.primary))
      differences.push(`${table} ${index.label}: unique in the model, not in the table`);
  }
  return differences;
}

describe(`schema: models and migrated tables agree (${sequelize.getDialect()})`, () => {
  it('there are models to compare', () => {
    expect(models.length).to.be.greaterThan(30);
  });

  for (const model of models) {
    it(`${model.name}: every attribute has its column and every column its attribute, with the same nullability and type`, async () => {
      const differences = await columnDifferences(model);
      expect(differences, differences.join('\n')).to.deep.equal([]);
    });

    it(`${model.name}: every index the model declares exists on the table`, async () => {
      const differences = await indexDifferences(model);
      expect(differences, differences.join('\n')).to.deep.equal([]);
    });
  }

  // What keeps an ENUM column to its values on SQLite, where the table has no CHECK.
  it("the model refuses a value outside every ENUM attribute's list", async () => {
    const accepted: string[] = [];
    for (const model of models) {
      for (const [name, attribute] of attributesOf(model)) {
        if (attribute.type.key !== DataTypes.ENUM.key) continue;
        const error = await model
          .build({ [name]: 'not-a-code' })
          .validate({ fields: [name], hooks: false })
          .then(
            () => null,
            (e: unknown) => e,
          );
        const refused = error instanceof ValidationError && error.errors.some((item) => item.path === name);
        if (!refused) accepted.push(`${model.name}.${name}`);
      }
    }
    expect(accepted).to.deep.equal([]);
  });

  it("PostgreSQL refuses a value outside the model's list even when the model is bypassed", async function () {
    if (!isPostgres) this.skip();
    // On a seeded rule, in a transaction that is rolled back whatever happens.
    const transaction = await sequelize.transaction();
    try {
      const error = await sequelize
        .query(`UPDATE "AuthorityRule" SET "effect" = 'maybe' WHERE "id" = (SELECT min("id") FROM "AuthorityRule")`, {
          transaction,
        })
        .then(
          () => null,
          (e: Error) => e,
        );
      expect(error?.message).to.match(/AuthorityRule_effect_check/);
    } finally {
      await transaction.rollback();
    }
  });
});
