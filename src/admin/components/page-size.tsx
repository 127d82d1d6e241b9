import React, { useEffect, useState } from 'react';
import { Box, Select, Text } from '@adminjs/design-system';
import { OriginalList, useQueryParams, type ActionProps } from 'adminjs';
import { useLocation } from 'react-router';
import ExportButton from './export-button.js';

const SIZES = [10, 20, 50, 100];
type Option = { value: number; label: string };
const option = (size: number): Option => ({ value: size, label: String(size) });

/** The person's own page size, asked once per page load and kept when they change it. */
let own: Promise<number> | null = null;
const ownPageSize = () =>
  (own ??= fetch('/api/preferences', { credentials: 'same-origin' })
    .then((response) => (response.ok ? response.json() : { pageSize: SIZES[0] }))
    .then((body: { pageSize?: number }) => Number(body.pageSize) || SIZES[0])
    .catch(() => SIZES[0]));

/**
 * Every list, as AdminJS draws it (filters, sorting, bulk actions, pagination), with 每页 N 条 under it: the choice is
 * remembered on the person's account (POST /api/preferences/page-size), so lists opened without a size — here or on
 * another computer — show that many rows (the server applies it, admin/page-size.ts). Beside it, 导出 Excel for whoever
 * may export the list.
 */
const PageSizeList: React.FC<ActionProps> = (props) => {
  const location = useLocation();
  const { storeParams } = useQueryParams();
  const [remembered, setRemembered] = useState<number | null>(null);
  useEffect(() => {
    ownPageSize().then(setRemembered);
  }, []);
  const asked = Number(new URLSearchParams(location.search).get('perPage'));
  const current = Number.isInteger(asked) && asked >= 1 && asked <= 500 ? asked : (remembered ?? SIZES[0]);
  const options = SIZES.includes(current) ? SIZES.map(option) : [...SIZES, current].sort((a, b) => a - b).map(option);

  const choose = async (selected: Option | null) => {
    if (!selected) return;
    const response = await fetch('/api/preferences/page-size', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ pageSize: selected.value }),
    }).catch(() => null);
    if (response?.ok) {
      own = Promise.resolve(selected.value);
      setRemembered(selected.value);
    }
    storeParams({ perPage: String(selected.value), page: '1' });
  };

  return (
    <>
      <OriginalList {...props} />
      <Box flex justifyContent="flex-end" alignItems="center" mt="lg" data-testid="page-size">
        <Box flexGrow={1}>
          <ExportButton resourceId={props.resource.id} />
        </Box>
        <Text mr="default">每页</Text>
        <Box width={110}>
          <Select
            value={option(current)}
            options={options}
            menuPlacement="top"
            isSearchable={false}
            isClearable={false}
            onChange={(selected: Option | null) => choose(selected)}
          />
        </Box>
        <Text ml="default">条</Text>
      </Box>
    </>
  );
};

export default PageSizeList;
