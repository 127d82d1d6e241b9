import React from 'react';
import { FormGroup, Label, Select } from '@adminjs/design-system';
import { useTranslation, type BasePropertyProps } from 'adminjs';

type Option = { value: boolean; label: string };

/** A yes/no filter: 是 / 否 (or the resource's own words), with a Chinese placeholder — AdminJS says Yes / No, Select…. */
const BooleanFilter: React.FC<BasePropertyProps & { filter?: Record<string, unknown> }> = ({
  property,
  filter = {},
  onChange,
}) => {
  const { tl, translateProperty } = useTranslation();
  const raw = filter[property.path];
  const options: Option[] = [true, false].map((value) => ({
    value,
    label: tl(`${property.path}.${String(value)}`, property.resourceId, { defaultValue: value ? '是' : '否' }),
  }));
  const selected = raw === undefined ? null : (options.find((o) => o.value === /true/i.test(String(raw))) ?? null);
  return (
    <FormGroup>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      <Select
        variant="filter"
        value={selected}
        isClearable
        placeholder="不限"
        options={options}
        onChange={(option: Option | null) => onChange?.(property.path, option ? option.value : undefined)}
      />
    </FormGroup>
  );
};

export default BooleanFilter;
