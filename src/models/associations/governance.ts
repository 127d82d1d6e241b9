import { AuditLog } from '../audit-log.js';
import { AuthorityRule } from '../authority-rule.js';
import { DecisionLog } from '../decision-log.js';
import { PositionClause } from '../position-clause.js';
import { RuleVersion } from '../rule-version.js';
import { RuleDraft } from '../rule-draft.js';
import { RuleChangeSet } from '../rule-change-set.js';
import { AuthorityTest } from '../authority-test.js';
import { Staff } from '../staff.js';

export function associateGovernance() {
  AuthorityRule.belongsTo(PositionClause, { as: 'positionClause', foreignKey: 'positionClauseId' });
  AuthorityRule.belongsTo(Staff, { as: 'updatedBy', foreignKey: 'updatedById' });
  // The database has no foreign key here (history outlives the rule); the association still gives
  // AdminJS its reference and queries their include.
  AuthorityRule.hasMany(RuleVersion, { as: 'versions', foreignKey: 'ruleId' });
  RuleVersion.belongsTo(AuthorityRule, { as: 'rule', foreignKey: 'ruleId' });
  RuleVersion.belongsTo(Staff, { as: 'changedBy', foreignKey: 'changedById' });
  DecisionLog.belongsTo(Staff, { as: 'staff', foreignKey: 'staffId' });
  AuditLog.belongsTo(Staff, { as: 'staff', foreignKey: 'staffId' });
  RuleVersion.belongsTo(RuleChangeSet, { as: 'changeSet', foreignKey: 'changeSetId' });
  RuleDraft.belongsTo(AuthorityRule, { as: 'rule', foreignKey: 'ruleId', constraints: false });
  RuleDraft.belongsTo(Staff, { as: 'createdBy', foreignKey: 'createdById' });
  RuleDraft.belongsTo(RuleChangeSet, { as: 'changeSet', foreignKey: 'changeSetId' });
  RuleChangeSet.belongsTo(Staff, { as: 'publishedBy', foreignKey: 'publishedById' });
  AuthorityTest.belongsTo(Staff, { as: 'staff', foreignKey: 'staffId' });
  AuthorityTest.belongsTo(Staff, { as: 'updatedBy', foreignKey: 'updatedById' });
}
