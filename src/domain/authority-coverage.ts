// For a position: each of its 职权 clauses with the rules that implement it; an empty list marks a clause that no
// rule implements yet (monthly statistics, improvement proposals … come with the reports).
import { AuthorityRule, Position, PositionClause } from '../models/index.js';
import { parseCitations } from '../rules/clause-citations.js';

export interface ClauseCoverage {
  number: number;
  text: string;
  rules: { id: number; name: string; enabled: boolean }[];
}

export async function authorityCoverage(positionId: number): Promise<ClauseCoverage[]> {
  const position = await Position.findByPk(positionId);
  if (!position) return [];
  const clauses = await PositionClause.findAll({
    where: { positionId, kind: 'authority' },
    order: [['number', 'ASC']],
  });
  if (clauses.length === 0) return [];
  const rules = await AuthorityRule.findAll({
    attributes: ['id', 'name', 'enabled', 'clause'],
    order: [['id', 'ASC']],
  });
  const cited = rules.map((rule) => ({ rule, citations: parseCitations(rule.clause) }));
  return clauses.map((clause) => ({
    number: clause.number,
    text: clause.text,
    rules: cited
      .filter(({ citations }) =>
        citations.some((c) => c.position === position.name && c.kind === 'authority' && c.number === clause.number),
      )
      .map(({ rule }) => ({ id: rule.id, name: rule.name, enabled: rule.enabled })),
  }));
}
