import React from 'react';
import { Badge, Box, Link, Table, TableBody, TableCell, TableHead, TableRow, Text } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { formatFen } from './money-format.js';

/** One allocation as the page's after hook lists it: the other side (a bill or a receipt) and the amount, in fen. */
type Line = { id: number; title: string; amount: number; valid: boolean; when?: string };
type Custom = { linksTo: string; heading: string; empty: string };

const shanghaiTime = (iso?: string) =>
  iso ? new Date(iso).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false }) : '';

/**
 * 收据分摊 on a page: a receipt's bills (所缴账单) or a bill's receipts (收款记录), each with its amount and a link; a
 * voided receipt's lines are marked and count nothing.
 */
const AllocationShow: React.FC<BasePropertyProps> = ({ record, property }) => {
  const { translateProperty } = useTranslation();
  const custom = (property.custom ?? {}) as Custom;
  let lines: Line[] = [];
  try {
    lines = JSON.parse(String(record?.params?.[property.path] ?? '[]')) as Line[];
  } catch {
    lines = [];
  }
  const total = lines.filter((l) => l.valid).reduce((sum, l) => sum + l.amount, 0);
  return (
    <Box mb="xl" data-testid={`allocations-${property.path}`}>
      <Text fontWeight="bold" mb="sm">
        {translateProperty(property.label, property.resourceId)}
      </Text>
      {lines.length === 0 ? (
        <Text color="grey60">{custom.empty}</Text>
      ) : (
        <Table>
          <TableHead>
            <TableRow>
              <TableCell>{custom.heading}</TableCell>
              {lines.some((l) => l.when) ? <TableCell>收款时间</TableCell> : null}
              <TableCell>金额</TableCell>
              <TableCell>状态</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {lines.map((line) => (
              <TableRow key={`${line.id}`}>
                <TableCell>
                  <Link href={`/admin/resources/${custom.linksTo}/records/${line.id}/show`}>{line.title}</Link>
                </TableCell>
                {lines.some((l) => l.when) ? <TableCell>{shanghaiTime(line.when)}</TableCell> : null}
                <TableCell>{formatFen(line.amount)}</TableCell>
                <TableCell>
                  {line.valid ? <Badge variant="success">有效</Badge> : <Badge variant="danger">已作废</Badge>}
                </TableCell>
              </TableRow>
            ))}
            <TableRow>
              <TableCell>
                <Text fontWeight="bold">合计（有效）</Text>
              </TableCell>
              {lines.some((l) => l.when) ? <TableCell /> : null}
              <TableCell>
                <Text fontWeight="bold">{formatFen(total)}</Text>
              </TableCell>
              <TableCell />
            </TableRow>
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default AllocationShow;
