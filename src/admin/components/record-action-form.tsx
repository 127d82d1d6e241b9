import React, { useEffect, useRef, useState } from 'react';
import { Box, Button, FormGroup, FormMessage, Input, Label, Select, Text, TextArea } from '@adminjs/design-system';
import { ApiClient, useNotice, useTranslation, type ActionProps } from 'adminjs';
import { useNavigate } from 'react-router';
import { formatFen, yuanToFen } from './money-format.js';

type Option = { value: string; label: string };
type Field = {
  name: string;
  label: string;
  type: 'money' | 'text' | 'textarea' | 'select' | 'reference';
  options?: Option[];
  hint?: string;
  reference?: string;
  prefill?: boolean;
  placeholder?: string;
  dependsOn?: Record<string, string>;
  filters?: Record<string, string>;
  waitText?: string;
  emptyText?: string;
};
type Custom = { fields?: Field[]; confirm?: string; submit?: string };
type Values = Record<string, string | number>;
/** A reference field's choices now: waiting while an input it depends on is empty. */
type Choices = { options: Option[]; loading: boolean; waiting: boolean };

const api = new ApiClient();

/** The filters a reference field's choices are asked with, or null while an input it depends on is empty. */
function referenceFilters(field: Field, values: Values): Record<string, string> | null {
  const filters: Record<string, string> = { ...(field.filters ?? {}) };
  for (const [path, input] of Object.entries(field.dependsOn ?? {})) {
    const value = values[input];
    if (value === undefined || value === null || value === '') return null;
    filters[path] = String(value);
  }
  return filters;
}

/**
 * A reference field's choices: what the person may list of that resource (its search action), by title — for a
 * field that depends on another input (the handler on the department), asked again whenever that input changes.
 */
function useReferenceOptions(fields: Field[], values: Values): Record<string, Choices> {
  const [choices, setChoices] = useState<Record<string, Choices>>({});
  const asked = useRef<Record<string, string>>({});
  const references = fields.filter((f) => f.type === 'reference' && f.reference);
  const keys = references.map((field) => JSON.stringify(referenceFilters(field, values)));
  useEffect(() => {
    references.forEach(async (field, i) => {
      const key = keys[i];
      if (asked.current[field.name] === key) return;
      asked.current[field.name] = key;
      const filters = referenceFilters(field, values);
      const set = (next: Choices) => {
        // A slower answer to an earlier choice of department does not overwrite the answer to the latest.
        if (asked.current[field.name] === key) setChoices((current) => ({ ...current, [field.name]: next }));
      };
      if (!filters) return set({ options: [], loading: false, waiting: true });
      set({ options: [], loading: true, waiting: false });
      const params = Object.fromEntries(Object.entries(filters).map(([path, value]) => [`filters.${path}`, value]));
      const response = await api
        .resourceAction({ resourceId: field.reference!, actionName: 'search', params })
        .catch(() => null);
      const records = (response?.data as { records?: { id: string | number; title: string }[] } | undefined)?.records;
      set({
        options: (records ?? []).map((r) => ({ value: String(r.id), label: r.title })),
        loading: false,
        waiting: false,
      });
    });
  }, [keys.join('|')]);
  return choices;
}

/**
 * The form of a workflow action: its few inputs and one button that performs it (POST); opening it changes nothing.
 * A record action works on the record shown; a resource action (e.g. the monthly billing run) on the whole list.
 */
const RecordActionForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const custom = (action.custom ?? {}) as Custom;
  const fields = custom.fields ?? [];
  const [values, setValues] = useState<Values>(() =>
    Object.fromEntries(
      fields
        .filter((f) => f.prefill && record?.params?.[f.name] != null)
        .map((f) => [f.name, String(record!.params[f.name])]),
    ),
  );
  const [errors, setErrors] = useState<Record<string, { message: string }>>({});
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();
  const navigate = useNavigate();
  const { translateMessage, translateLabel } = useTranslation();
  const referenceOptions = useReferenceOptions(fields, values);
  // Choosing another department empties the handler chosen from the previous one's staff.
  const choose = (name: string, value: string | number) => {
    const next: Values = { ...values, [name]: value };
    for (const field of fields)
      if (Object.values(field.dependsOn ?? {}).includes(name) && next[field.name] !== undefined) next[field.name] = '';
    setValues(next);
  };

  const submit = async () => {
    setBusy(true);
    try {
      const response = record
        ? await api.recordAction({
            resourceId: resource.id,
            recordId: record.id,
            actionName: action.name,
            data: values,
          })
        : await api.resourceAction({ resourceId: resource.id, actionName: action.name, data: values });
      const data = response.data as {
        notice?: { message: string; type: 'success' | 'error' };
        record?: { errors?: Record<string, { message: string }> };
        redirectUrl?: string;
      };
      if (data.notice)
        addNotice({ message: translateMessage(data.notice.message, resource.id), type: data.notice.type });
      setErrors(data.record?.errors ?? {});
      if (data.notice?.type === 'success' && data.redirectUrl) navigate(data.redirectUrl);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box variant="container" padding="xl">
      <Text mb="xl">{record ? record.title : translateLabel(resource.name, resource.id)}</Text>
      {fields.map((field) => (
        <FormGroup key={field.name} error={Boolean(errors[field.name])} data-testid={`action-field-${field.name}`}>
          <Label>{field.type === 'money' ? `${field.label}（元）` : field.label}</Label>
          {field.type === 'select' || field.type === 'reference' ? (
            <Select
              options={field.type === 'reference' ? (referenceOptions[field.name]?.options ?? []) : field.options}
              placeholder={referenceOptions[field.name]?.loading ? '正在加载…' : '请选择…'}
              noOptionsMessage={() => field.emptyText ?? '没有可选的记录'}
              isClearable
              isDisabled={field.type === 'reference' && Boolean(referenceOptions[field.name]?.waiting)}
              value={
                (field.type === 'reference' ? referenceOptions[field.name]?.options : field.options)?.find(
                  (o) => o.value === String(values[field.name] ?? ''),
                ) ?? null
              }
              onChange={(selected: { value: string } | null) => choose(field.name, selected?.value ?? '')}
            />
          ) : field.type === 'textarea' ? (
            <TextArea
              width="100%"
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => choose(field.name, e.target.value)}
            />
          ) : (
            <Input
              width="100%"
              placeholder={field.placeholder}
              defaultValue={field.type === 'money' ? undefined : values[field.name]}
              inputMode={field.type === 'money' ? 'decimal' : undefined}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                choose(field.name, field.type === 'money' ? yuanToFen(e.target.value) : e.target.value)
              }
            />
          )}
          {referenceOptions[field.name]?.waiting && field.waitText ? (
            <Text color="grey60" fontSize="sm" data-testid={`action-field-${field.name}-note`}>
              {field.waitText}
            </Text>
          ) : null}
          {field.type === 'reference' &&
          field.emptyText &&
          referenceOptions[field.name] &&
          !referenceOptions[field.name].loading &&
          !referenceOptions[field.name].waiting &&
          referenceOptions[field.name].options.length === 0 ? (
            <Text color="grey60" fontSize="sm" data-testid={`action-field-${field.name}-note`}>
              {field.emptyText}
            </Text>
          ) : null}
          {field.hint ? (
            <Text color="grey60" fontSize="sm">
              {field.hint.replace('{amount}', formatFen(record?.params?.amount))}
            </Text>
          ) : null}
          <FormMessage>{errors[field.name]?.message}</FormMessage>
        </FormGroup>
      ))}
      {custom.confirm ? <Text mb="lg">{custom.confirm}</Text> : null}
      <Button variant="contained" disabled={busy} onClick={submit}>
        {custom.submit ?? action.label}
      </Button>
    </Box>
  );
};

export default RecordActionForm;
