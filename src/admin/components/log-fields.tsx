import React from 'react';
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Text, ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

// The pieces of the 决策日志 and 操作日志 pages: the words the server wrote into the record's params, shown as they are.

const useLabel = ({ property }: BasePropertyProps) => {
  const { translateProperty } = useTranslation();
  return translateProperty(property.label, property.resourceId);
};

/** A value the after hook already put into words (an action, a resource), as plain text — no badge, no code. */
export const PlainText: React.FC<BasePropertyProps> = (props) => {
  const label = useLabel(props);
  const text = String(props.record?.params?.[props.property.path] ?? '');
  if (props.where !== 'show') return <span>{text}</span>;
  return (
    <ValueGroup label={label}>
      <Text>{text}</Text>
    </ValueGroup>
  );
};

/** The line's record by its title, linked to its page when it still exists. */
export const LogRecord: React.FC<BasePropertyProps> = (props) => {
  const label = useLabel(props);
  const params = props.record?.params ?? {};
  const title = String(params.record ?? '');
  const link = String(params.recordLink ?? '');
  return <ValueGroup label={label}>{link ? <a href={link}>{title}</a> : <Text>{title || '—'}</Text>}</ValueGroup>;
};

type Row = { field: string; before: string; after: string };

/** An audit line's changes as a table: 字段 → 原值 → 新值, in the words of the record's own screen. */
export const AuditChanges: React.FC<BasePropertyProps> = (props) => {
  const label = useLabel(props);
  let rows: Row[] = [];
  try {
    rows = JSON.parse(String(props.record?.params?.[props.property.path] ?? '[]')) as Row[];
  } catch {
    rows = [];
  }
  return (
    <ValueGroup label={label}>
      {rows.length === 0 ? (
        <Text>（没有字段变更）</Text>
      ) : (
        <Table data-testid="audit-changes">
          <TableHead>
            <TableRow>
              <TableCell>字段</TableCell>
              <TableCell>原值</TableCell>
              <TableCell>新值</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((row, index) => (
              <TableRow key={index}>
                <TableCell>{row.field}</TableCell>
                <TableCell>{row.before}</TableCell>
                <TableCell>{row.after}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </ValueGroup>
  );
};

/** Codes and raw JSON for whoever needs them (IT, a bug report), folded away under 技术信息. */
export const LogDetail: React.FC<BasePropertyProps> = (props) => {
  const raw = String(props.record?.params?.[props.property.path] ?? '');
  let text = raw;
  try {
    text = JSON.stringify(JSON.parse(raw), null, 2);
  } catch {
    text = raw;
  }
  return (
    <Box mb="xl" data-testid="log-technical">
      <details>
        <summary style={{ cursor: 'pointer' }}>技术信息</summary>
        <pre style={{ whiteSpace: 'pre-wrap', fontSize: 12 }}>{text}</pre>
      </details>
    </Box>
  );
};
