import React, { useEffect, useRef, useState } from 'react';
import { Box, Button, H2, H5, Input, Text, Link as DsLink } from '@adminjs/design-system';
import { ApiClient, useCurrentAdmin } from 'adminjs';
import type { SearchAnswer } from '../../domain/owner-file-shape.js';
import { chartSvg, type ChartData } from '../../lib/report-chart.js';

// `more`: the desk stopped counting at its cap — at least this many.
type Tile = { label: string; count: number; more?: boolean; href: string };
type Figure = { label: string; value: string; href?: string };
type DashboardData = {
  greeting: string;
  position: string;
  tiles: Tile[];
  figures: Figure[];
  today: string;
  notices?: string[];
  mayFind?: boolean;
};

const api = new ApiClient();
const KIND = { owner: '业主', unit: '房屋' };

/** One box that finds an owner or a room by name, phone (or its tail) or room number, and lands on its page. */
const FindOwnerOrRoom: React.FC = () => {
  const [typed, setTyped] = useState('');
  const [answer, setAnswer] = useState<SearchAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef(0);
  const search = async (event: React.FormEvent) => {
    event.preventDefault();
    const ask = (asked.current += 1);
    setBusy(true);
    try {
      const response = await api.getDashboard({ params: { q: typed } });
      const found = (response.data as { search?: SearchAnswer }).search ?? null;
      if (ask !== asked.current) return;
      // One match is where the person was going.
      if (found?.results.length === 1) window.location.href = found.results[0].href;
      else setAnswer(found);
    } catch {
      if (ask === asked.current) setAnswer({ query: typed, results: [], message: '搜索没有完成，请稍后再试' });
    } finally {
      if (ask === asked.current) setBusy(false);
    }
  };
  return (
    <Box mt="lg" data-testid="desk-search">
      <form onSubmit={search} style={{ display: 'flex', gap: 8, maxWidth: 640 }}>
        <Input
          name="q"
          value={typed}
          maxLength={40}
          placeholder="找业主或房屋：姓名、电话（或尾号）、房号，如 1204"
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => setTyped(event.target.value)}
          style={{ flexGrow: 1 }}
        />
        <Button type="submit" variant="contained" disabled={busy}>
          {busy ? '正在查找…' : '查找'}
        </Button>
      </form>
      {answer ? (
        <Box mt="default" data-testid="desk-search-results">
          {answer.message ? <Text color="grey60">{answer.message}</Text> : null}
          {answer.results.map((result) => (
            <Box key={`${result.kind}-${result.id}`} py="sm" style={{ borderBottom: '1px solid #eee' }}>
              <Text as="span" color="grey60" mr="default">
                {KIND[result.kind]}
              </Text>
              <DsLink href={result.href} data-testid={`desk-result-${result.kind}-${result.id}`}>
                {result.title}
              </DsLink>
              <Text as="span" color="grey60" ml="default">
                {result.detail}
              </Text>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};

type DeskChart = { key: string; report: string; href: string; chart: ChartData };

/** The charts of the reports this person may read, each a link to its report; drawn once the queues are on screen. */
const DeskCharts: React.FC = () => {
  const [charts, setCharts] = useState<DeskChart[]>([]);
  useEffect(() => {
    fetch('/api/reports/desk', { credentials: 'same-origin' })
      .then(async (response) => (response.ok ? ((await response.json()) as DeskChart[]) : []))
      .then(setCharts)
      .catch(() => undefined);
  }, []);
  if (charts.length === 0) return null;
  return (
    <Box flex flexWrap="wrap" mt="xl" style={{ gap: 16 }} data-testid="desk-charts">
      {charts.map(({ key, href, chart }) => (
        <Box key={key} bg="white" padding="lg" boxShadow="card" style={{ width: 568, maxWidth: '100%' }}>
          <Box dangerouslySetInnerHTML={{ __html: chartSvg(chart, 520, 220) }} data-testid={`desk-chart-${key}`} />
          <DsLink href={href}>查看报表</DsLink>
        </Box>
      ))}
    </Box>
  );
};

/** 我的工作台: what waits for the signed-in person, each count a link to the filtered list. */
const Dashboard: React.FC = () => {
  const [data, setData] = useState<DashboardData | null>(null);
  const [currentAdmin] = useCurrentAdmin();
  useEffect(() => {
    api.getDashboard().then((response) => setData(response.data as DashboardData));
  }, []);
  return (
    <Box variant="grey" padding="xl">
      <Box bg="white" padding="xl" mb="xl" boxShadow="card">
        <Text color="grey60" mb="sm">
          我的工作台
        </Text>
        <H2>{data?.greeting ?? `您好，${currentAdmin?.title ?? ''}`}</H2>
        <Text color="grey60">{data ? `${data.position} · ${data.today}` : '正在加载…'}</Text>
        {data?.mayFind ? <FindOwnerOrRoom /> : null}
        {(data?.notices ?? []).map((notice) => (
          <Box
            key={notice}
            mt="lg"
            padding="default"
            style={{ background: '#fff4e5', borderLeft: '4px solid #e08a00' }}
          >
            <Text>{notice}</Text>
          </Box>
        ))}
        {data?.figures?.length ? (
          <Box flex mt="lg" style={{ gap: 32 }}>
            {data.figures.map((figure) => (
              <Box key={figure.label}>
                <Text color="grey60" fontSize="sm">
                  {figure.label}
                </Text>
                {figure.href ? (
                  <DsLink href={figure.href} style={{ fontSize: 20, fontWeight: 600 }}>
                    {figure.value}
                  </DsLink>
                ) : (
                  <Text fontSize="lg">{figure.value}</Text>
                )}
              </Box>
            ))}
          </Box>
        ) : null}
      </Box>
      <Box flex flexWrap="wrap" style={{ gap: 16 }}>
        {(data?.tiles ?? []).map((tile) => (
          <Box key={tile.label} bg="white" padding="lg" boxShadow="card" style={{ minWidth: 200 }}>
            <H5>{tile.label}</H5>
            <DsLink href={tile.href} style={{ fontSize: 28, fontWeight: 600 }}>
              {tile.more ? `${tile.count}+` : tile.count}
            </DsLink>
          </Box>
        ))}
        {data && data.tiles.length === 0 ? <Text>目前没有待办事项。</Text> : null}
      </Box>
      {data ? <DeskCharts /> : null}
    </Box>
  );
};

export default Dashboard;
