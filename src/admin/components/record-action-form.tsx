import React, { useEffect, useState } from 'react';
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
};
type Custom = { fields?: Field[]; confirm?: string; submit?: string };

const api = new ApiClient();

/** A reference field's choices: what the person may list of that resource (its search action), by title. */
function useReferenceOptions(fields: Field[]): Record<string, Option[]> {
  const [options, setOptions] = useState<Record<string, Option[]>>({});
  useEffect(() => {
    fields
      .filter((f) => f.type === 'reference' && f.reference)
      .forEach(async (field) => {
        const found = await api.searchRecords({ resourceId: field.reference!, query: '' }).catch(() => []);
        setOptions((current) => ({
          ...current,
          [field.name]: found.map((r) => ({ value: String(r.id), label: r.title })),
        }));
      });
  }, []);
  return options;
}

/**
 * The form of a workflow action: its few inputs and one button that performs it (POST); opening it changes nothing.
 * A record action works on the record shown; a resource action (e.g. the monthly billing run) on the whole list.
 */
const RecordActionForm: React.FC<ActionProps> = ({ action, resource, record }) => {
  const custom = (action.custom ?? {}) as Custom;
  const fields = custom.fields ?? [];
  const [values, setValues] = useState<Record<string, string | number>>(() =>
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
  const referenceOptions = useReferenceOptions(fields);

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
              options={field.type === 'reference' ? (referenceOptions[field.name] ?? []) : field.options}
              placeholder="请选择…"
              isClearable
              value={
                (field.type === 'reference' ? referenceOptions[field.name] : field.options)?.find(
                  (o) => o.value === String(values[field.name] ?? ''),
                ) ?? null
              }
              onChange={(selected: { value: string } | null) =>
                setValues({ ...values, [field.name]: selected?.value ?? '' })
              }
            />
          ) : field.type === 'textarea' ? (
            <TextArea
              width="100%"
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) =>
                setValues({ ...values, [field.name]: e.target.value })
              }
            />
          ) : (
            <Input
              width="100%"
              placeholder={field.placeholder}
              defaultValue={field.type === 'money' ? undefined : values[field.name]}
              inputMode={field.type === 'money' ? 'decimal' : undefined}
              onChange={(e: React.ChangeEvent<HTMLInputElement>) =>
                setValues({
                  ...values,
                  [field.name]: field.type === 'money' ? yuanToFen(e.target.value) : e.target.value,
                })
              }
            />
          )}
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
