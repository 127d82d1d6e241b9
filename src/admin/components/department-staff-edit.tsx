import React, { useEffect, useState } from 'react';
import { FormGroup, FormMessage, Label, Select, Text } from '@adminjs/design-system';
import { ApiClient, useTranslation, type EditPropertyProps } from 'adminjs';

type Option = { value: string; label: string };
const api = new ApiClient();

/**
 * A handler picked among the enabled staff of the department chosen on the same form (a work order's 处理人):
 * choosing another department asks again, and a department with no staff says so.
 */
const DepartmentStaffEdit: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const departmentId = String(record?.params?.departmentId ?? '');
  const value = String(record?.params?.[property.path] ?? '');
  const [options, setOptions] = useState<Option[] | null>(null);
  const error = record?.errors?.[property.path];

  useEffect(() => {
    let current = true;
    setOptions(null);
    if (!departmentId) return;
    api
      .resourceAction({
        resourceId: 'Staff',
        actionName: 'search',
        params: { 'filters.departmentId': departmentId, 'filters.enabled': 'true' },
      })
      .then((response) => (response.data as { records?: { id: string; title: string }[] }).records ?? [])
      .catch(() => [])
      .then((records) => {
        if (!current) return;
        const found = records.map((r) => ({ value: String(r.id), label: r.title }));
        setOptions(found);
        // A handler of the department chosen before is not one of this department's.
        if (value && !found.some((o) => o.value === value)) onChange(property.path, '');
      });
    return () => {
      current = false;
    };
  }, [departmentId]);

  const note = !departmentId
    ? '先选择处理部门'
    : options === null
      ? '正在加载…'
      : options.length === 0
        ? '该部门还没有员工'
        : null;
  return (
    <FormGroup error={Boolean(error)} data-testid={`property-edit-${property.path}`}>
      <Label>{translateProperty(property.label, property.resourceId)}</Label>
      <Select
        value={options?.find((o) => o.value === value) ?? null}
        options={options ?? []}
        isClearable
        isDisabled={property.isDisabled || !departmentId}
        placeholder="请选择…"
        noOptionsMessage={() => '该部门还没有员工'}
        onChange={(option: Option | null) => onChange(property.path, option?.value ?? '')}
      />
      {note ? (
        <Text variant="sm" color="grey60" mt="sm">
          {note}
        </Text>
      ) : null}
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default DepartmentStaffEdit;
