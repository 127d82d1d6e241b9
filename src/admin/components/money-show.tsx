import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import type { BasePropertyProps } from 'adminjs';
import { formatFen } from './money-format.js';

const MoneyShow: React.FC<BasePropertyProps> = ({ record, property }) => (
  <ValueGroup label={property.label}>{formatFen(record?.params?.[property.path]) || '—'}</ValueGroup>
);

export default MoneyShow;
