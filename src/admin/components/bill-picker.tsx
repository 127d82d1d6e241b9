import React, { useEffect, useState } from 'react';
import { FormGroup, FormMessage, Label, SelectAsync } from '@adminjs/design-system';
import { ApiClient, useTranslation, type EditPropertyProps, type RecordJSON } from 'adminjs';
import { formatFen } from './money-format.js';

const api = new ApiClient();

type Option = { value: string; label: string; record: RecordJSON };

const due = (bill: RecordJSON) => Number(bill.params.amount) - Number(bill.params.paidAmount ?? 0);

/** The bills still owing, oldest period first, found by what is typed (the bill's title), with what each still owes. */
async function openBills(text: string): Promise<Option[]> {
  const response = await api.resourceAction({
    resourceId: 'Bill',
    actionName: 'search',
    query: text,
    params: { 'filters.open': 'true', sortBy: 'period', direction: 'asc' },
  } as Parameters<ApiClient['resourceAction']>[0] & { query: string });
  const records = ((response.data as { records?: RecordJSON[] }).records ?? []) as RecordJSON[];
  return records.map((record) => ({
    value: String(record.id),
    label: `${record.title}（未缴 ${formatFen(due(record))}）`,
    record,
  }));
}

/**
 * 收款's bill: only bills still owing are offered, oldest period first; choosing one fills in what it still owes,
 * its owner and its room (the cashier may change the amount to take part of it).
 */
const BillPicker: React.FC<EditPropertyProps> = ({ property, record, onChange }) => {
  const { translateProperty, translateMessage } = useTranslation();
  const selectedId = record?.params?.[property.path];
  const [selected, setSelected] = useState<Option | null>(null);
  useEffect(() => {
    if (!selectedId || selected?.value === String(selectedId)) return;
    void api
      .recordAction({ resourceId: 'Bill', recordId: String(selectedId), actionName: 'show' })
      .then(({ data }) => {
        const bill = (data as { record?: RecordJSON }).record;
        if (bill) setSelected({ value: String(bill.id), label: bill.title, record: bill });
      })
      .catch(() => undefined);
  }, [selectedId]);
  const error = record?.errors?.[property.path];
  return (
    <FormGroup error={Boolean(error)} data-testid="bill-picker">
      <Label>{translateProperty(property.label, property.resourceId)}（只列未缴清的账单，账期从早到晚）</Label>
      <SelectAsync
        cacheOptions
        defaultOptions
        isClearable
        placeholder="输入账单说明、房号或账期查找…"
        loadOptions={openBills}
        value={selected}
        onChange={(option: Option | null) => {
          setSelected(option);
          if (!option || !record) {
            onChange(property.path, null);
            return;
          }
          const bill = option.record.params;
          onChange({
            ...record,
            params: {
              ...record.params,
              [property.path]: option.value,
              kind: record.params.kind || 'fee',
              amount: due(option.record),
              ownerId: bill.ownerId ?? '',
              unitId: bill.unitId ?? '',
            },
          });
        }}
      />
      <FormMessage>{error ? translateMessage(error.message, property.resourceId) : null}</FormMessage>
    </FormGroup>
  );
};

export default BillPicker;
