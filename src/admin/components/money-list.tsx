import React from 'react';
import type { BasePropertyProps } from 'adminjs';
import { formatFen } from './money-format.js';

const MoneyList: React.FC<BasePropertyProps> = ({ record, property }) => (
  <span style={{ fontVariantNumeric: 'tabular-nums' }}>{formatFen(record?.params?.[property.path])}</span>
);

export default MoneyList;
