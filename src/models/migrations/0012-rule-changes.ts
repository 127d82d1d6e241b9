// Safe rule changes: 规则草稿 (drafts that govern nobody until published), 规则变更 (what was published together, by
// whom, why), 权限测试 (cases a change may not break), and RuleVersion.changeSetId pointing at the change set that
// made a version. Coded columns get the CHECK constraint 0011 gives every coded column on PostgreSQL.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};
const staffRef = {
  type: DataTypes.INTEGER,
  allowNull: true,
  references: { model: 'Staff', key: 'id' },
  onDelete: 'SET NULL',
};
const changeSetRef = {
  type: DataTypes.INTEGER,
  allowNull: true,
  references: { model: 'RuleChangeSet', key: 'id' },
  onDelete: 'RESTRICT',
};

const CHECKS: Record<string, Record<string, readonly string[]>> = {
  RuleDraft: { kind: ['create', 'change', 'remove'], status: ['pending', 'published', 'discarded'] },
  RuleChangeSet: { kind: ['publish', 'rollback'] },
  AuthorityTest: { expect: ['allow', 'deny'] },
};

export async function up({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.createTable('RuleChangeSet', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    kind: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'publish' },
    note: { type: DataTypes.TEXT, allowNull: false },
    publishedById: staffRef,
    rules: { type: DataTypes.JSON, allowNull: false },
    ...timestamps,
  });
  await qi.addIndex('RuleChangeSet', ['publishedById'], { name: 'RuleChangeSet_publishedById' });
  await qi.addIndex('RuleChangeSet', ['createdAt'], { name: 'RuleChangeSet_createdAt' });

  await qi.createTable('RuleDraft', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // No foreign key: a draft of a removal outlives the rule it removed, as RuleVersion does.
    ruleId: { type: DataTypes.INTEGER, allowNull: true },
    kind: { type: DataTypes.STRING(24), allowNull: false },
    proposed: { type: DataTypes.JSON, allowNull: true },
    baseVersion: { type: DataTypes.INTEGER, allowNull: true },
    status: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'pending' },
    createdById: staffRef,
    changeSetId: changeSetRef,
    ...timestamps,
  });
  await qi.addIndex('RuleDraft', ['status'], { name: 'RuleDraft_status' });
  await qi.addIndex('RuleDraft', ['ruleId'], { name: 'RuleDraft_ruleId' });
  await qi.addIndex('RuleDraft', ['changeSetId'], { name: 'RuleDraft_changeSetId' });

  await qi.createTable('AuthorityTest', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false },
    positionCode: { type: DataTypes.STRING(40), allowNull: true },
    staffId: { ...staffRef, onDelete: 'CASCADE' },
    action: { type: DataTypes.STRING(80), allowNull: false },
    recordFacts: { type: DataTypes.JSON, allowNull: false },
    actorFacts: { type: DataTypes.JSON, allowNull: true },
    expect: { type: DataTypes.STRING(24), allowNull: false },
    clause: { type: DataTypes.TEXT, allowNull: true },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    sourceResource: { type: DataTypes.STRING(40), allowNull: true },
    sourceRecordId: { type: DataTypes.STRING(64), allowNull: true },
    updatedById: staffRef,
    ...timestamps,
  });
  await qi.addIndex('AuthorityTest', ['name'], { unique: true, name: 'AuthorityTest_name' });
  await qi.addIndex('AuthorityTest', ['action'], { name: 'AuthorityTest_action' });
  await qi.addIndex('AuthorityTest', ['enabled'], { name: 'AuthorityTest_enabled' });
  await qi.addIndex('AuthorityTest', ['positionCode'], { name: 'AuthorityTest_positionCode' });
  await qi.addIndex('AuthorityTest', ['staffId'], { name: 'AuthorityTest_staffId' });

  // SQLite: without a foreign key, so the column can be dropped in place again (down).
  const isPostgres = sequelize.getDialect() === 'postgres';
  await qi.addColumn(
    'RuleVersion',
    'changeSetId',
    isPostgres ? changeSetRef : { type: DataTypes.INTEGER, allowNull: true },
  );
  await qi.addIndex('RuleVersion', ['changeSetId'], { name: 'RuleVersion_changeSetId' });

  if (isPostgres) {
    for (const [table, columns] of Object.entries(CHECKS)) {
      for (const [column, values] of Object.entries(columns)) {
        const list = values.map((value) => `'${value}'`).join(', ');
        await sequelize.query(
          `ALTER TABLE "${table}" ADD CONSTRAINT "${table}_${column}_check" CHECK ("${column}" IN (${list}))`,
        );
      }
    }
  }
}

export async function down({ queryInterface: qi, sequelize }: MigrationContext) {
  await qi.removeIndex('RuleVersion', 'RuleVersion_changeSetId');
  if (sequelize.getDialect() === 'postgres') await qi.removeColumn('RuleVersion', 'changeSetId');
  else await sequelize.query('ALTER TABLE "RuleVersion" DROP COLUMN "changeSetId"');
  await qi.dropTable('AuthorityTest');
  await qi.dropTable('RuleDraft');
  await qi.dropTable('RuleChangeSet');
}
