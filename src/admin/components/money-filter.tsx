import React from 'react';
import { FormGroup, Input, Label } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { yuanToFen } from './money-format.js';

type FilterProps = BasePropertyProps & {
  onChange: (path: string, value: unknown) => void;
  filter?: Record<string, unknown>;
};

/** Filters a money column by an amount range typed in yuan. */
const MoneyFilter: React.FC<FilterProps> = ({ property, onChange, filter }) => {
  const { translateProperty } = useTranslation();
  const current = (filter?.[property.path] ?? {}) as { from?: number; to?: number };
  const set = (key: 'from' | 'to', text: string) => {
    const fen = yuanToFen(text);
    onChange(property.path, { ...current, [key]: typeof fen === 'number' ? fen : undefined });
  };
  return (
    <FormGroup>
      <Label>{translateProperty(property.label, property.resourceId)}（元）</Label>
      <Input
        placeholder="从"
        inputMode="decimal"
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('from', e.target.value)}
      />
      <Input
        placeholder="到"
        inputMode="decimal"
        onChange={(e: React.ChangeEvent<HTMLInputElement>) => set('to', e.target.value)}
      />
    </FormGroup>
  );
};

export default MoneyFilter;
