import React from 'react';
import { DatePicker, FormGroup, Label } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';
import { PICKER_WORDS } from './chinese-defaults.js';

/** AdminJS's placeholders spell the format in English letters (YYYY/MM/DD HH:mm). */
const PLACEHOLDERS: Record<string, string> = { date: '年/月/日', datetime: '年/月/日 时:分' };

/**
 * A date range filter (要求完成时间 从 … 到 …) in Chinese: the calendar's months and weekdays come from the zh-CN locale
 * registered in chinese-defaults.tsx; the placeholders and the time label are set here.
 */
const DateFilter: React.FC<BasePropertyProps & { filter?: Record<string, unknown> }> = ({
  property,
  filter = {},
  onChange,
}) => {
  const { translateProperty } = useTranslation();
  const keys = { from: `${property.path}~~from`, to: `${property.path}~~to` };
  const placeholder = PLACEHOLDERS[property.type] ?? PLACEHOLDERS.datetime;
  return (
    <FormGroup variant="filter">
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      {(['from', 'to'] as const).map((end) => (
        <React.Fragment key={end}>
          <Label mt={end === 'to' ? 'default' : undefined}>{`- ${translateProperty(end)}: `}</Label>
          <DatePicker
            value={(filter[keys[end]] as string | undefined) ?? ''}
            propertyType={property.type}
            placeholderText={placeholder}
            timeInputLabel={PICKER_WORDS.time}
            onChange={(date: string | null) => onChange?.(keys[end], date ?? '')}
          />
        </React.Fragment>
      ))}
    </FormGroup>
  );
};

export default DateFilter;
