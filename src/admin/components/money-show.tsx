import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { formatFen } from './money-format.js';

const MoneyShow: React.FC<BasePropertyProps> = ({ record, property }) => {
  const { translateProperty } = useTranslation();
  return (
    <ValueGroup label={translateProperty(property.label, property.resourceId)}>
      {formatFen(record?.params?.[property.path]) || '—'}
    </ValueGroup>
  );
};

export default MoneyShow;
