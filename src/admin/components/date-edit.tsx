import React from 'react';
import { DatePicker, FormGroup, FormMessage, Input, Label } from '@adminjs/design-system';
import { useTranslation, type EditPropertyProps } from 'adminjs';

/**
 * Date and time fields of every form. A date (报表日期, 起租日期 …) is the day as typed: AdminJS's own picker turns the
 * chosen day into midnight of the browser's time zone and then into UTC, which east of Greenwich (Shanghai) is the day
 * before, so a date is edited here as yyyy-mm-dd and sent as such. A date with a time keeps AdminJS's picker.
 */
const DateEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const value = record?.params?.[property.path];
  const error = record?.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)}>
      <Label required={property.isRequired}>{translateProperty(property.label, property.resourceId)}</Label>
      {property.type === 'date' ? (
        <Input
          type="date"
          width={240}
          value={typeof value === 'string' ? value.slice(0, 10) : ''}
          disabled={property.isDisabled}
          onChange={(event: React.ChangeEvent<HTMLInputElement>) => onChange(property.path, event.target.value)}
        />
      ) : (
        <DatePicker
          value={value ?? ''}
          disabled={property.isDisabled}
          propertyType={property.type}
          placeholderText="年/月/日 时:分"
          timeInputLabel="时间"
          onChange={(date: string | null) => onChange(property.path, date)}
          {...property.props}
        />
      )}
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default DateEdit;
