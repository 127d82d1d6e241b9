import { AuditLog } from '../audit-log.js';
import { AuthorityRule } from '../authority-rule.js';
import { DecisionLog } from '../decision-log.js';
import { PositionClause } from '../position-clause.js';
import { RuleVersion } from '../rule-version.js';
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
}
