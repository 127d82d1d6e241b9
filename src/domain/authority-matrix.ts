// The authority matrix for the director: every catalogued action against every position, under the live rules or
// with the pending drafts applied.
import { Op } from 'sequelize';
import { Position } from '../models/index.js';
import type { Actor } from '../rules/actor.js';
import { authorityMatrix, type MatrixPosition, type MatrixRow } from '../rules/matrix.js';
import { ruleSet } from '../rules/store.js';
import { workbook, type Sheet } from '../lib/spreadsheet.js';
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

const GRANT_FILL = { allow: 'D9EFE3', conditional: 'FFF1CC', none: undefined } as const;

/** The matrix as an .xlsx workbook: one row per action under its resource, one column per position. */
export async function matrixWorkbook(actor: Actor | null, options: { draft?: boolean } = {}): Promise<Buffer> {
  const matrix = await matrixFor(actor, options);
  const rows: Sheet['rows'] = [];
  let resource = '';
  for (const row of matrix.rows) {
    if (row.resource !== resource) {
      resource = row.resource;
      rows.push([
        { value: row.resourceLabel, bold: true, fill: 'EEF2F5' },
        ...matrix.positions.map(() => ({ value: null, fill: 'EEF2F5' })),
      ]);
    }
    rows.push([
      row.label,
      ...matrix.positions.map((position) => {
        const cell = row.cells[position.code];
        const value = cell.grant === 'allow' ? '✓ 允许' : cell.grant === 'conditional' ? `有条件：${cell.text}` : '';
        return { value, fill: GRANT_FILL[cell.grant] };
      }),
    ]);
  }
  return workbook([
    {
      name: '岗位权限矩阵',
      title: `岗位 × 权限（${options.draft ? '含待发布草稿' : '现行规则'}）`,
      columns: [{ header: '操作', width: 28 }, ...matrix.positions.map((p) => ({ header: p.name, width: 22 }))],
      rows,
      landscape: true,
    },
  ]);
}
