// 导入岗位职务说明书: the columns an import writes besides the positions and clauses themselves.
// - Position.subordinatesText: 直接下级 as written.
// - RuleDraft.origin / sourceNote / needsReview: a draft the import proposed from a 职权 clause (origin "import"), the
//   clause and words it came from, and 待审核 until 管理处主任 has looked at it — publishing leaves it out until then.
// - AuthorityRule.clauseNotice: set when a re-import changed or removed the clause a rule cites, so the director
//   reviews the rule; cleared when she publishes a change to it or marks it reviewed.
import { DataTypes } from 'sequelize';
import type { MigrationContext } from '../migrate.js';

const COLUMNS: Array<[string, string, object]> = [
  ['Position', 'subordinatesText', { type: DataTypes.STRING(200), allowNull: true }],
  ['RuleDraft', 'origin', { type: DataTypes.STRING(20), allowNull: true }],
  ['RuleDraft', 'sourceNote', { type: DataTypes.TEXT, allowNull: true }],
  ['RuleDraft', 'needsReview', { type: DataTypes.BOOLEAN, allowNull: false, defaultValue: false }],
  ['AuthorityRule', 'clauseNotice', { type: DataTypes.TEXT, allowNull: true }],
];

export async function up({ sequelize }: MigrationContext) {
  const qi = sequelize.getQueryInterface();
  for (const [table, column, spec] of COLUMNS) await qi.addColumn(table, column, spec as never);
  await qi.addIndex('RuleDraft', ['origin'], { name: 'RuleDraft_origin' });
}

export async function down({ sequelize }: MigrationContext) {
  const qi = sequelize.getQueryInterface();
  await qi.removeIndex('RuleDraft', 'RuleDraft_origin');
  for (const [table, column] of [...COLUMNS].reverse()) await qi.removeColumn(table, column);
}
