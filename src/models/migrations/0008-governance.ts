// 权限规则 and their versions, 决策日志, 操作日志.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const timestamps = {
  createdAt: { type: DataTypes.DATE, allowNull: false },
  updatedAt: { type: DataTypes.DATE, allowNull: false },
};

export async function up({ queryInterface: qi }: MigrationContext) {
  await qi.createTable('AuthorityRule', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    name: { type: DataTypes.STRING(100), allowNull: false },
    description: { type: DataTypes.TEXT, allowNull: true },
    actions: { type: DataTypes.JSON, allowNull: false },
    effect: { type: DataTypes.STRING(24), allowNull: false, defaultValue: 'allow' },
    conditions: { type: DataTypes.JSON, allowNull: false },
    priority: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    enabled: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: true },
    clause: { type: DataTypes.TEXT, allowNull: true },
    positionClauseId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'PositionClause', key: 'id' },
      onDelete: 'SET NULL',
    },
    builtIn: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    editedByDirector: { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false },
    version: { type: DataTypes.INTEGER, allowNull: false, defaultValue: 1 },
    updatedById: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'SET NULL',
    },
    ...timestamps,
  });
  await qi.addIndex('AuthorityRule', ['name'], { unique: true, name: 'AuthorityRule_name' });
  await qi.addIndex('AuthorityRule', ['effect'], { name: 'AuthorityRule_effect' });
  await qi.addIndex('AuthorityRule', ['enabled'], { name: 'AuthorityRule_enabled' });
  await qi.addIndex('AuthorityRule', ['positionClauseId'], { name: 'AuthorityRule_positionClauseId' });

  await qi.createTable('RuleVersion', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    // No foreign key on purpose: the history outlives a deleted rule, so the deletion can be undone.
    ruleId: { type: DataTypes.INTEGER, allowNull: false },
    version: { type: DataTypes.INTEGER, allowNull: false },
    snapshot: { type: DataTypes.JSON, allowNull: false },
    changedById: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'SET NULL',
    },
    changedAt: { type: DataTypes.DATE, allowNull: false },
    changeNote: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('RuleVersion', ['ruleId', 'version'], { unique: true, name: 'RuleVersion_rule_version' });
  await qi.addIndex('RuleVersion', ['changedById'], { name: 'RuleVersion_changedById' });
  await qi.addIndex('RuleVersion', ['changedAt'], { name: 'RuleVersion_changedAt' });

  await qi.createTable('DecisionLog', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'SET NULL',
    },
    action: { type: DataTypes.STRING(80), allowNull: false },
    resource: { type: DataTypes.STRING(40), allowNull: false },
    recordId: { type: DataTypes.STRING(64), allowNull: true },
    allowed: { type: DataTypes.BOOLEAN, allowNull: false },
    effect: { type: DataTypes.STRING(24), allowNull: false },
    rules: { type: DataTypes.JSON, allowNull: false },
    ruleVersions: { type: DataTypes.JSON, allowNull: true },
    reason: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('DecisionLog', ['staffId'], { name: 'DecisionLog_staffId' });
  await qi.addIndex('DecisionLog', ['action'], { name: 'DecisionLog_action' });
  await qi.addIndex('DecisionLog', ['allowed'], { name: 'DecisionLog_allowed' });
  await qi.addIndex('DecisionLog', ['createdAt'], { name: 'DecisionLog_createdAt' });

  await qi.createTable('AuditLog', {
    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },
    staffId: {
      type: DataTypes.INTEGER,
      allowNull: true,
      references: { model: 'Staff', key: 'id' },
      onDelete: 'SET NULL',
    },
    action: { type: DataTypes.STRING(80), allowNull: false },
    resource: { type: DataTypes.STRING(40), allowNull: false },
    recordId: { type: DataTypes.STRING(64), allowNull: true },
    changes: { type: DataTypes.JSON, allowNull: false },
    note: { type: DataTypes.TEXT, allowNull: true },
    ...timestamps,
  });
  await qi.addIndex('AuditLog', ['resource', 'recordId'], { name: 'AuditLog_resource_recordId' });
  await qi.addIndex('AuditLog', ['staffId'], { name: 'AuditLog_staffId' });
  await qi.addIndex('AuditLog', ['createdAt'], { name: 'AuditLog_createdAt' });
}

export async function down({ queryInterface: qi }: MigrationContext) {
  await qi.dropTable('AuditLog');
  await qi.dropTable('DecisionLog');
  await qi.dropTable('RuleVersion');
  await qi.dropTable('AuthorityRule');
}
