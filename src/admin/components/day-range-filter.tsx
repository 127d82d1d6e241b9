import React from 'react';
import { Box, FormGroup, Input, Label, Text } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

type FilterProps = BasePropertyProps & {
  onChange: (path: string, value: unknown) => void;
  filter?: Record<string, unknown>;
};
type Range = { from?: string; to?: string };

/**
 * A from–to range of days (yyyy-mm-dd, as typed: the server reads them as Shanghai days, 至 taking the whole day).
 * AdminJS's own date filter turns a chosen day into midnight of the browser's zone in UTC, the day before here.
 */
const DayRangeFilter: React.FC<FilterProps> = ({ property, onChange, filter }) => {
  const { translateProperty } = useTranslation();
  // The keys AdminJS's own range filters use (path~~from, path~~to): its Filter reads them as { from, to }.
  const key = (end: keyof Range) => `${property.path}~~${end}`;
  const current = (end: keyof Range) => String(filter?.[key(end)] ?? '');
  const set = (end: keyof Range, day: string) => onChange(key(end), day || undefined);
  return (
    <FormGroup data-testid={`filter-${property.path}`}>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      <Box flex alignItems="center">
        <Input
          type="date"
          aria-label="从"
          value={current('from')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('from', e.target.value)}
        />
        <Text mx="default">至</Text>
        <Input
          type="date"
          aria-label="至"
          value={current('to')}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('to', e.target.value)}
        />
      </Box>
    </FormGroup>
  );
};

export default DayRangeFilter;
