// The authority matrix for the director: every catalogued action against every position, under the live rules or
// with the pending drafts applied.
import { Op } from 'sequelize';
import { Position } from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { authorityMatrix, type MatrixPosition, type MatrixRow } from '../rules/matrix.js';
import { ruleSet } from '../rules/store.js';
import { authorize } from './authorize.js';
import { draftRuleSet } from './rule-changes.js';

export interface AuthorityMatrix {
  draft: boolean;
  positions: MatrixPosition[];
  rows: MatrixRow[];
}

export async function matrixFor(actor: Actor | null, options: { draft?: boolean } = {}): Promise<AuthorityMatrix> {
  authorize(actor, 'AuthorityRule.matrix');
  const positions = (
    await Position.findAll({ where: { code: { [Op.ne]: null } }, attributes: ['code', 'name'], order: [['id', 'ASC']] })
  ).map((position) => ({ code: position.code as string, name: position.name }));
  const rules = options.draft ? await draftRuleSet() : ruleSet();
  return { draft: Boolean(options.draft), positions, rows: authorityMatrix(rules, positions) };
}
