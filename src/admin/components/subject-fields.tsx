import React, { useEffect, useRef, useState } from 'react';
import { Box, FormGroup, Label, Select } from '@adminjs/design-system';
import { ApiClient } from 'adminjs';

// Who, which action and which record — the question 试算 asks and a 权限测试 states: a staff member or a position,
// an action of the catalogue (in Chinese) and a real record of that action's resource.

export type Option = { value: string; label: string };
export type SubjectChoices = {
  actions: { action: string; label: string; resource: string; resourceLabel: string }[];
  positions: { code: string; name: string }[];
};
export interface Subject {
  staff: Option | null;
  position: Option | null;
  action: Option | null;
  record: Option | null;
}
export const NO_SUBJECT: Subject = { staff: null, position: null, action: null, record: null };

const api = new ApiClient();

/** Records of a resource the person may list, found by what is typed (the same search the admin's pickers use). */
async function search(resourceId: string | null, query: string): Promise<Option[]> {
  if (!resourceId) return [];
  const found = await api.searchRecords({ resourceId, query }).catch(() => []);
  return found.map((record) => ({ value: String(record.id), label: record.title }));
}

export const actionOption = (a: SubjectChoices['actions'][number]): Option => ({
  value: a.action,
  label: `${a.resourceLabel} · ${a.label}`,
});

/** The record's resource: the part of the action before the dot. */
export const resourceOf = (subject: Subject) => (subject.action ? subject.action.value.split('.')[0] : null);

export const SubjectFields: React.FC<{
  choices: SubjectChoices | null;
  subject: Subject;
  onChange: (subject: Subject) => void;
  /** The position picker first (a test is usually about a position), else the staff picker. */
  positionFirst?: boolean;
  recordRequired?: boolean;
  placeholders?: { staff?: string; position?: string; record?: string };
}> = ({ choices, subject, onChange, positionFirst = false, recordRequired = false, placeholders = {} }) => {
  const [staffOptions, setStaffOptions] = useState<Option[]>([]);
  const [recordOptions, setRecordOptions] = useState<Option[]>([]);
  const current = useRef(subject);
  current.current = subject;
  const resource = resourceOf(subject);

  useEffect(() => {
    void search('Staff', '').then((options) => {
      setStaffOptions(options);
      // A person who came along (from a refusal) gets their name once the list is in.
      const staff = current.current.staff;
      const named = staff && options.find((o) => o.value === staff.value);
      if (named) onChange({ ...current.current, staff: named });
    });
  }, []);
  const seen = useRef<string | null>(resource);
  useEffect(() => {
    // Another resource's records do not fit a changed action; a record that came along with the first one does.
    if (seen.current !== null && seen.current !== resource && current.current.record)
      onChange({ ...current.current, record: null });
    seen.current = resource;
    void search(resource, '').then(setRecordOptions);
  }, [resource]);

  const set = (change: Partial<Subject>) => onChange({ ...subject, ...change });
  const staffField = (
    <FormGroup key="staff" style={{ flex: '1 1 240px' }}>
      <Label>{positionFirst ? '或：员工' : '员工'}</Label>
      <Select
        isClearable
        value={subject.staff}
        options={staffOptions}
        onChange={(o: Option | null) => set({ staff: o })}
        onInputChange={(text: string) => void search('Staff', text).then(setStaffOptions)}
        placeholder={placeholders.staff ?? '选择员工，或只选岗位'}
      />
    </FormGroup>
  );
  const positionField = (
    <FormGroup key="position" style={{ flex: '1 1 200px' }}>
      <Label>{positionFirst ? '岗位' : '或：岗位'}</Label>
      <Select
        isClearable
        value={subject.position}
        options={(choices?.positions ?? []).map((p) => ({ value: p.code, label: p.name }))}
        onChange={(o: Option | null) => set({ position: o })}
        placeholder={placeholders.position ?? '可不选'}
      />
    </FormGroup>
  );
  return (
    <Box flex style={{ gap: 16, flexWrap: 'wrap' }}>
      {positionFirst ? [positionField, staffField] : [staffField, positionField]}
      <FormGroup style={{ flex: '2 1 300px' }}>
        <Label required>操作</Label>
        <Select
          value={subject.action}
          options={(choices?.actions ?? []).map(actionOption)}
          onChange={(o: Option | null) => set({ action: o })}
          placeholder="如：装修押金 · 退押金"
        />
      </FormGroup>
      <FormGroup style={{ flex: '2 1 300px' }}>
        <Label required={recordRequired}>记录</Label>
        <Select
          isClearable
          value={subject.record}
          options={recordOptions}
          onChange={(o: Option | null) => set({ record: o })}
          onInputChange={(text: string) => void search(resource, text).then(setRecordOptions)}
          placeholder={resource ? (placeholders.record ?? '选择一条记录（可不选）') : '先选操作'}
          isDisabled={!resource}
        />
      </FormGroup>
    </Box>
  );
};
