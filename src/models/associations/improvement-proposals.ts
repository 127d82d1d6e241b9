import { Department } from '../department.js';
import { ImprovementProposal } from '../improvement-proposal.js';
import { Staff } from '../staff.js';

export function associateImprovementProposals() {
  ImprovementProposal.belongsTo(Department, { as: 'department', foreignKey: 'departmentId' });
  ImprovementProposal.belongsTo(Staff, { as: 'proposer', foreignKey: 'proposerId' });
  ImprovementProposal.belongsTo(Staff, { as: 'followedBy', foreignKey: 'followedById' });
}
