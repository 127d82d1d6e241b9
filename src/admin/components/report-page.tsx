import React, { useEffect, useMemo, useState } from 'react';
import {
  Box,
  Button,
  H4,
  Label,
  Link as DsLink,
  Loader,
  MessageBox,
  Select,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Text,
} from '@adminjs/design-system';
import type { ActionProps } from 'adminjs';
import { chartSvg } from '../../lib/report-chart.js';
import { formatValue, numericKinds, type ValueKind } from '../../lib/report-values.js';
import type { ReportChart, ReportColumn, ReportRow, Headline } from '../../domain/reports/report.js';
import type { ReportAnswer } from '../../api/reports.js';

type Option = { id: number; name: string };
type Options = {
  periods: { value: string; label: string }[];
  communities: Option[];
  buildings: Option[];
  departments: Option[];
  staff: Option[];
};
type Answer = ReportAnswer;
type Custom = { report: string; title: string; clause: string; filters: string[] };

const FILTERS: { name: string; key: keyof Options; param: string; label: string }[] = [
  { name: 'community', key: 'communities', param: 'communityId', label: '小区' },
  { name: 'building', key: 'buildings', param: 'buildingId', label: '楼栋' },
  { name: 'department', key: 'departments', param: 'departmentId', label: '部门' },
  { name: 'staff', key: 'staff', param: 'staffId', label: '员工' },
];

async function getJson<T>(url: string): Promise<T> {
  const response = await fetch(url, { credentials: 'same-origin' });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) throw new Error((body as { message?: string }).message ?? `读取失败（${response.status}）`);
  return body as T;
}

/** The page's query in the address bar, so a report can be bookmarked, shared and reloaded as it is. */
function readQuery(): Record<string, string> {
  const params = new URLSearchParams(window.location.search);
  const wanted = ['period', ...FILTERS.map((f) => f.param)];
  return Object.fromEntries(wanted.filter((key) => params.get(key)).map((key) => [key, params.get(key)!]));
}

const CHART_WIDTH = 520;

const Chart: React.FC<{ chart: ReportChart }> = ({ chart }) => {
  // Drawn at the size it is shown, so every chart's words are the same size.
  const svg = useMemo(() => chartSvg(chart, CHART_WIDTH, 260), [chart]);
  return (
    <Box
      bg="white"
      p="lg"
      style={{ width: CHART_WIDTH + 48, maxWidth: '100%', boxSizing: 'border-box' }}
      data-testid="report-chart"
      dangerouslySetInnerHTML={{ __html: svg }}
    />
  );
};

const cellStyle = (kind?: ValueKind): React.CSSProperties =>
  numericKinds.has(kind ?? 'text')
    ? { textAlign: 'right', whiteSpace: 'nowrap' }
    : kind === 'day'
      ? { whiteSpace: 'nowrap' }
      : // Words keep a readable width when many figures share the row (a plan's name beside eleven columns).
        { minWidth: '5em' };

const ReportTable: React.FC<{ columns: ReportColumn[]; rows: ReportRow[]; totals?: ReportRow; testId: string }> = ({
  columns,
  rows,
  totals,
  testId,
}) => (
  <Box style={{ overflowX: 'auto' }}>
    <Table data-testid={testId}>
      <TableHead>
        <TableRow>
          {columns.map((column) => (
            <TableCell key={column.key} style={cellStyle(column.kind)}>
              {column.label}
            </TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.length === 0 ? (
          <TableRow>
            <TableCell colSpan={columns.length}>本期没有记录</TableCell>
          </TableRow>
        ) : null}
        {rows.map((row, i) => (
          <TableRow key={i}>
            {columns.map((column, c) => (
              <TableCell key={column.key} style={cellStyle(column.kind)}>
                {/* A row that is a record (an improvement proposal …) opens it from its first cell. */}
                {c === 0 && typeof row.href === 'string' && row.href.startsWith('/admin/') ? (
                  <DsLink href={row.href}>{formatValue(row[column.key], column.kind)}</DsLink>
                ) : (
                  formatValue(row[column.key], column.kind)
                )}
              </TableCell>
            ))}
          </TableRow>
        ))}
        {totals && Object.keys(totals).length > 0 ? (
          <TableRow data-testid={`${testId}-totals`}>
            {columns.map((column, i) => (
              <TableCell key={column.key} style={{ ...cellStyle(column.kind), fontWeight: 'bold' }}>
                {column.key in totals ? formatValue(totals[column.key], column.kind) : i === 0 ? '合计' : ''}
              </TableCell>
            ))}
          </TableRow>
        ) : null}
      </TableBody>
    </Table>
  </Box>
);

const change = (h: Headline) => {
  if (h.previous === undefined || h.previous === null || h.value === null) return null;
  const delta = h.value - h.previous;
  if (delta === 0) return '与上期持平';
  const kind = h.kind ?? 'count';
  const amount =
    kind === 'rate' ? `${(Math.abs(delta) * 100).toFixed(1)} 个百分点` : formatValue(Math.abs(delta), kind);
  return `${delta > 0 ? '↑' : '↓'} ${amount}（上期 ${formatValue(h.previous, kind)}）`;
};

const Headlines: React.FC<{ headlines: Headline[] }> = ({ headlines }) => (
  <Box flex flexWrap="wrap" style={{ gap: 12 }} mb="lg" data-testid="report-headlines">
    {headlines.map((h) => (
      <Box key={h.key} bg="white" p="lg" style={{ minWidth: 170, flex: '0 1 200px' }}>
        <Text color="grey60" fontSize="sm">
          {h.label}
        </Text>
        <Text fontSize="xl" fontWeight="bold" mt="sm">
          {formatValue(h.value, h.kind ?? 'count')}
        </Text>
        {change(h) ? (
          <Text color="grey60" fontSize="sm" mt="sm">
            {change(h)}
          </Text>
        ) : null}
      </Box>
    ))}
  </Box>
);

const ReportPage: React.FC<ActionProps> = ({ action }) => {
  const custom = (action as unknown as { custom: Custom }).custom;
  const [query, setQuery] = useState<Record<string, string>>(readQuery);
  const [options, setOptions] = useState<Options | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);

  const search = new URLSearchParams(query).toString();
  useEffect(() => {
    const url = new URL(window.location.href);
    url.search = search;
    window.history.replaceState(window.history.state, '', url.toString());
    let current = true;
    setLoading(true);
    setError(null);
    getJson<Answer>(`/api/reports/${custom.report}?${search}`)
      .then((data) => current && setAnswer(data))
      .catch((e: Error) => current && setError(e.message))
      .finally(() => current && setLoading(false));
    return () => {
      current = false;
    };
  }, [custom.report, search]);

  const community = query.communityId ?? '';
  useEffect(() => {
    getJson<Options>(`/api/reports/options${community ? `?communityId=${community}` : ''}`)
      .then(setOptions)
      .catch(() => undefined);
  }, [community]);

  const set = (param: string, value: string) =>
    setQuery((before) => {
      const next = { ...before };
      if (value) next[param] = value;
      else delete next[param];
      // Another community's buildings are not this one's.
      if (param === 'communityId') delete next.buildingId;
      return next;
    });

  const period = (answer?.filters.period as string | undefined) ?? query.period;
  const periodOptions = (options?.periods ?? []).map((p) => ({ value: p.value, label: p.label }));
  const exportQuery = new URLSearchParams({ ...query, ...(period ? { period } : {}) }).toString();

  return (
    <Box variant="grey" data-testid="report-page">
      <Box mb="lg">
        <Text color="grey60">依据：{custom.clause}</Text>
      </Box>
      <Box bg="white" p="lg" mb="lg" flex flexWrap="wrap" alignItems="flex-end" style={{ gap: 16 }}>
        <Box style={{ width: 170 }} data-testid="report-filter-period">
          <Label>统计期间</Label>
          <Select
            value={periodOptions.find((p) => p.value === period) ?? null}
            options={periodOptions}
            placeholder="请选择月份…"
            noOptionsMessage={() => '没有可选项'}
            onChange={(selected: { value: string } | null) => set('period', selected?.value ?? '')}
          />
        </Box>
        {FILTERS.filter((f) => custom.filters.includes(f.name)).map((f) => {
          const choices = ((options?.[f.key] as Option[] | undefined) ?? []).map((o) => ({
            value: String(o.id),
            label: o.name,
          }));
          const disabled = f.name === 'building' && !community;
          return (
            <Box key={f.name} style={{ width: 200 }} data-testid={`report-filter-${f.name}`}>
              <Label>{f.label}</Label>
              <Select
                isClearable
                isDisabled={disabled}
                value={choices.find((c) => c.value === query[f.param]) ?? null}
                options={choices}
                placeholder={disabled ? '先选择小区' : `全部${f.label}`}
                noOptionsMessage={() => '没有可选项'}
                onChange={(selected: { value: string } | null) => set(f.param, selected?.value ?? '')}
              />
            </Box>
          );
        })}
        <Box flex style={{ gap: 8, marginLeft: 'auto' }} flexWrap="wrap">
          <Button as="a" href={`/api/reports/${custom.report}.xlsx?${exportQuery}`} data-testid="report-export">
            导出 Excel
          </Button>
          <Button
            as="a"
            href={`/admin/print/Report/${custom.report}?${exportQuery}`}
            target="_blank"
            rel="noopener"
            data-testid="report-print"
          >
            打印
          </Button>
          {(answer?.links ?? []).map((link) => (
            <Button
              key={link.href}
              as="a"
              href={link.href}
              variant="outlined"
              {...(link.newTab ? { target: '_blank', rel: 'noopener' } : {})}
            >
              {link.label}
            </Button>
          ))}
        </Box>
      </Box>
      {error ? <MessageBox variant="danger" message={error} mb="lg" data-testid="report-error" /> : null}
      {loading && !answer ? <Loader /> : null}
      {answer && !error ? (
        <Box style={{ opacity: loading ? 0.5 : 1 }}>
          {answer.headlines?.length ? <Headlines headlines={answer.headlines} /> : null}
          {answer.charts?.length ? (
            <Box flex flexWrap="wrap" style={{ gap: 12 }} mb="lg">
              {answer.charts.map((chart, i) => (
                <Chart key={`${chart.title}-${i}`} chart={chart} />
              ))}
            </Box>
          ) : null}
          <Box bg="white" p="lg" mb="lg">
            <H4>{answer.report.title}</H4>
            <ReportTable columns={answer.columns} rows={answer.rows} totals={answer.totals} testId="report-table" />
          </Box>
          {(answer.sections ?? []).map((section) => (
            <Box key={section.key} bg="white" p="lg" mb="lg">
              <H4>{section.title}</H4>
              <ReportTable
                columns={section.columns}
                rows={section.rows}
                totals={section.totals}
                testId={`report-section-${section.key}`}
              />
              {section.note ? (
                <Text color="grey60" mt="default">
                  {section.note}
                </Text>
              ) : null}
            </Box>
          ))}
          {answer.notes?.length ? (
            <Box bg="white" p="lg">
              {answer.notes.map((note) => (
                <Text key={note} color="grey60" mb="sm">
                  {note}
                </Text>
              ))}
            </Box>
          ) : null}
        </Box>
      ) : null}
    </Box>
  );
};

export default ReportPage;
