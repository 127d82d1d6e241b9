import React, { useEffect, useState } from 'react';
import { Box, H5, Text, Badge } from '@adminjs/design-system';
import { ApiClient, type BasePropertyProps, type RecordJSON } from 'adminjs';

const api = new ApiClient();
const KINDS: [string, string][] = [
  ['duty', '职责'],
  ['authority', '职权'],
  ['qualification', '资格要求'],
];

/** The position's clauses, numbered and verbatim, grouped as the document groups them. */
const PositionClauses: React.FC<BasePropertyProps> = ({ record }) => {
  const [clauses, setClauses] = useState<RecordJSON[] | null>(null);
  useEffect(() => {
    if (!record?.id) return;
    api
      .resourceAction({
        resourceId: 'PositionClause',
        actionName: 'list',
        params: { 'filters.positionId': record.id, perPage: 200, sortBy: 'number', direction: 'asc' },
      })
      .then((response) => setClauses((response.data as { records: RecordJSON[] }).records))
      .catch(() => setClauses([]));
  }, [record?.id]);
  if (clauses === null) return <Text>正在加载条款…</Text>;
  if (clauses.length === 0) return <Text>该岗位没有条款。</Text>;
  return (
    <Box mb="xl">
      {KINDS.map(([kind, label]) => {
        const items = clauses
          .filter((c) => c.params.kind === kind)
          .sort((a, b) => Number(a.params.number) - Number(b.params.number));
        if (items.length === 0) return null;
        return (
          <Box key={kind} mb="lg">
            <H5>
              {label} <Badge size="sm">{items.length}</Badge>
            </H5>
            {items.map((c) => (
              <Text key={c.id} mb="sm">
                {c.params.number}、{c.params.text}
              </Text>
            ))}
          </Box>
        );
      })}
    </Box>
  );
};

export default PositionClauses;
