import React from 'react';
import { ValueGroup } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

/**
 * An internal key on a record's page (a position's code, a bill's billing key): the server sends it to IT only
 * (src/admin/internal-codes.ts), so for everyone else the field is left out, label and all.
 */
const InternalCode: React.FC<BasePropertyProps> = ({ property, record }) => {
  const { translateProperty } = useTranslation();
  const value = record?.params?.[property.path];
  if (value === undefined || value === null || value === '') return null;
  return <ValueGroup label={translateProperty(property.label, property.resourceId)}>{String(value)}</ValueGroup>;
};

export default InternalCode;
