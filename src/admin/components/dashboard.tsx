import React, { useEffect, useState } from 'react';
import { Box, H2, H5, Text, Link as DsLink } from '@adminjs/design-system';
import { ApiClient, useCurrentAdmin } from 'adminjs';

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
};

const api = new ApiClient();

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
    </Box>
  );
};

export default Dashboard;
