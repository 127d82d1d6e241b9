import React, { useEffect, useState } from 'react';
import { Box, Button, H3, Text } from '@adminjs/design-system';
import { authorityApi, reasonsOf } from './authority-api.js';

type Grant = 'allow' | 'conditional' | 'none';
type Cell = { grant: Grant; text: string; rules: (number | string)[] };
type Row = { action: string; label: string; resource: string; resourceLabel: string; cells: Record<string, Cell> };
type Matrix = { draft: boolean; positions: { code: string; name: string }[]; rows: Row[] };

const FILL: Record<Grant, string> = { allow: '#D9EFE3', conditional: '#FFF1CC', none: 'transparent' };
// Printed alone, on A4 landscape: the admin's menus and buttons stay on screen.
const PRINT_CSS = `
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  body * { visibility: hidden; }
  #authority-matrix, #authority-matrix * { visibility: visible; }
  #authority-matrix { position: absolute; left: 0; top: 0; width: 100%; }
  #authority-matrix .no-print { display: none; }
  #authority-matrix table { font-size: 9px; }
}`;

async function load(draft: boolean): Promise<Matrix> {
  const { ok, body } = await authorityApi('GET', `/matrix${draft ? '?draft=1' : ''}`);
  if (!ok) throw new Error(reasonsOf(body, '无法读取权限矩阵').join('；'));
  return body as Matrix;
}

const sameCell = (a?: Cell, b?: Cell) => a?.grant === b?.grant && a?.text === b?.text;

const CellView: React.FC<{ cell: Cell; changed: boolean; action: string; position: string }> = ({
  cell,
  changed,
  action,
  position,
}) => {
  const first = cell.rules.find((id) => typeof id === 'number' && id > 0);
  const text = cell.grant === 'allow' ? '✓ 允许' : cell.grant === 'conditional' ? `有条件：${cell.text}` : cell.text;
  const content = first ? (
    <a href={`/admin/resources/AuthorityRule/records/${first}/show`} style={{ color: 'inherit' }}>
      {text}
    </a>
  ) : (
    text
  );
  return (
    <td
      style={{
        background: FILL[cell.grant],
        border: '1px solid #dde3e8',
        padding: '4px 6px',
        verticalAlign: 'top',
        fontSize: 12,
        color: cell.grant === 'none' ? '#7A8793' : undefined,
        outline: changed ? '2px solid #C20012' : undefined,
        outlineOffset: -2,
      }}
      // Built-in guards have word ids (system-admin): they read as 系统内置, numbered rules by their number.
      title={
        cell.rules.length > 0
          ? `依据规则 ${cell.rules.map((id) => (/^\d+$/.test(String(id)) ? id : '系统内置')).join('、')}`
          : undefined
      }
    >
      {content}
      {cell.grant === 'conditional' ? (
        <a
          className="no-print"
          href={`/admin/resources/AuthorityRule/actions/whatIf?action=${action}&positionCode=${position}`}
          style={{ marginLeft: 6, fontSize: 11 }}
        >
          试算
        </a>
      ) : null}
    </td>
  );
};

/** 岗位 × 权限: every action against every position, live or with the pending drafts (changed cells outlined). */
const AuthorityMatrix: React.FC = () => {
  const [draft, setDraft] = useState(false);
  const [matrix, setMatrix] = useState<Matrix | null>(null);
  const [live, setLive] = useState<Matrix | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    setError(null);
    Promise.all([load(draft), draft ? load(false) : Promise.resolve(null)])
      .then(([shown, current]) => {
        setMatrix(shown);
        setLive(current);
      })
      .catch((e: Error) => setError(e.message));
  }, [draft]);

  const changedCount =
    matrix && live
      ? matrix.rows.reduce(
          (n, row, i) =>
            n + matrix.positions.filter((p) => !sameCell(row.cells[p.code], live.rows[i]?.cells[p.code])).length,
          0,
        )
      : 0;
  let resource = '';

  return (
    <Box id="authority-matrix" bg="white" padding="xl" boxShadow="card">
      <style>{PRINT_CSS}</style>
      <Box flex alignItems="center" justifyContent="space-between" mb="lg" style={{ gap: 12, flexWrap: 'wrap' }}>
        <H3 mb="0">岗位 × 权限{draft ? '（含待发布草稿）' : '（现行规则）'}</H3>
        <Box className="no-print" flex style={{ gap: 8 }}>
          <Button variant={draft ? 'outlined' : 'primary'} size="sm" onClick={() => setDraft(false)}>
            现行规则
          </Button>
          <Button variant={draft ? 'primary' : 'outlined'} size="sm" onClick={() => setDraft(true)}>
            含待发布草稿
          </Button>
          <Button variant="outlined" size="sm" onClick={() => window.print()}>
            打印
          </Button>
          <Button as="a" variant="outlined" size="sm" href={`/api/authority/matrix.xlsx${draft ? '?draft=1' : ''}`}>
            导出 Excel
          </Button>
        </Box>
      </Box>
      <Text color="grey60" mb="lg">
        绿色：该岗位可以执行；黄色：满足条件时可以（条件写在格内）；空白：不可以。点格子查看依据的规则。
        {draft && live ? ` 与现行规则不同的格子有 ${changedCount} 个，已用红框标出。` : ''}
      </Text>
      {error ? <Text color="error">{error}</Text> : null}
      {!matrix && !error ? <Text>正在读取…</Text> : null}
      {matrix ? (
        <Box style={{ overflowX: 'auto' }}>
          <table style={{ borderCollapse: 'collapse', width: '100%' }}>
            <thead>
              <tr>
                <th style={{ textAlign: 'left', padding: 6, position: 'sticky', left: 0, background: 'white' }}>
                  操作
                </th>
                {matrix.positions.map((p) => (
                  <th key={p.code} style={{ textAlign: 'left', padding: 6, minWidth: 110, fontSize: 12 }}>
                    {p.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {matrix.rows.flatMap((row, i) => {
                const rows: React.ReactNode[] = [];
                if (row.resource !== resource) {
                  resource = row.resource;
                  rows.push(
                    <tr key={`${row.resource}-heading`}>
                      <td
                        colSpan={matrix.positions.length + 1}
                        style={{ background: '#EEF2F5', fontWeight: 600, padding: '6px' }}
                      >
                        {row.resourceLabel}
                      </td>
                    </tr>,
                  );
                }
                rows.push(
                  <tr key={row.action}>
                    <td style={{ padding: '4px 6px', border: '1px solid #dde3e8', fontSize: 12, whiteSpace: 'nowrap' }}>
                      {row.label}
                    </td>
                    {matrix.positions.map((p) => (
                      <CellView
                        key={p.code}
                        action={row.action}
                        position={p.code}
                        cell={row.cells[p.code]}
                        changed={Boolean(live) && !sameCell(row.cells[p.code], live?.rows[i]?.cells[p.code])}
                      />
                    ))}
                  </tr>,
                );
                return rows;
              })}
            </tbody>
          </table>
        </Box>
      ) : null}
    </Box>
  );
};

export default AuthorityMatrix;
