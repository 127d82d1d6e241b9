import React, { useEffect, useState } from 'react';
import { FormGroup, FormMessage, Input, Label } from '@adminjs/design-system';
import { useTranslation, type EditPropertyProps } from 'adminjs';
import { yuanToFen } from './money-format.js';

const toYuanText = (value: unknown) =>
  value === null || value === undefined || value === '' || !Number.isFinite(Number(value))
    ? ''
    : (Number(value) / 100).toFixed(2);

const MoneyEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const value = record?.params?.[property.path];
  const [text, setText] = useState(toYuanText(value));
  // Another field may fill this one in (收款's bill picker fills in what the bill still owes): follow it, unless it is
  // what is being typed.
  useEffect(() => {
    if (yuanToFen(text) !== value && !(text === '' && (value === '' || value == null))) setText(toYuanText(value));
  }, [value]);
  const error = record?.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <Label required={property.isRequired}>{translateProperty(property.label, property.resourceId)}（元）</Label>
      <Input
        value={text}
        inputMode="decimal"
        disabled={property.isDisabled}
        onChange={(event: React.ChangeEvent<HTMLInputElement>) => {
          setText(event.target.value);
          onChange(property.path, yuanToFen(event.target.value));
        }}
      />
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default MoneyEdit;
