import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, FormGroup, H3, H4, Label, Select, Text } from '@adminjs/design-system';
import { ApiClient } from 'adminjs';
import { authorityApi, reasonsOf } from './authority-api.js';

type Option = { value: string; label: string };
type Choices = {
  actions: { action: string; label: string; resource: string; resourceLabel: string }[];
  positions: { code: string; name: string }[];
};
type Decision = { allowed: boolean; reason: string };
type Check = {
  rule: { id: number | string; name: string };
  effect: string;
  text: string;
  passed: boolean;
  actualText: string;
};
type Answer = { subject: { name: string }; live: Decision; draft: Decision; checks: Check[]; liveChecks: Check[] };

const api = new ApiClient();

async function get(path: string) {
  const { ok, body } = await authorityApi('GET', path);
  if (!ok) throw new Error(reasonsOf(body, '无法试算').join('；'));
  return body;
}

/** Records of a resource the person may list, found by what is typed (the same search the admin's pickers use). */
function useSearch(resourceId: string | null) {
  return async (query: string): Promise<Option[]> => {
    if (!resourceId) return [];
    const found = await api.searchRecords({ resourceId, query }).catch(() => []);
    return found.map((record) => ({ value: String(record.id), label: record.title }));
  };
}

const Verdict: React.FC<{ title: string; decision: Decision }> = ({ title, decision }) => (
  <Box padding="lg" style={{ flex: '1 1 300px', background: decision.allowed ? '#D9EFE3' : '#FBE3E4' }}>
    <Text color="grey60" fontSize="sm">
      {title}
    </Text>
    <Text style={{ fontSize: 22, fontWeight: 600 }}>{decision.allowed ? '✓ 可以' : '✗ 不可以'}</Text>
    <Text>{decision.reason}</Text>
  </Box>
);

const Checks: React.FC<{ checks: Check[] }> = ({ checks }) =>
  checks.length === 0 ? (
    <Text color="grey60">这个操作没有任何规则。</Text>
  ) : (
    <table style={{ borderCollapse: 'collapse', width: '100%' }}>
      <thead>
        <tr>
          {['规则', '条件', '结果', '实际的值'].map((h) => (
            <th key={h} style={{ textAlign: 'left', padding: 6, borderBottom: '1px solid #dde3e8' }}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {checks.map((check, i) => (
          <tr key={i}>
            <td style={{ padding: 6 }}>
              {check.rule.name}（{check.effect === 'deny' ? '拒绝' : '允许'}）
            </td>
            <td style={{ padding: 6 }}>{check.text}</td>
            <td style={{ padding: 6, color: check.passed ? '#007D7F' : '#C20012', fontWeight: 600 }}>
              {check.passed ? '✓ 满足' : '✗ 不满足'}
            </td>
            <td style={{ padding: 6 }}>{check.actualText}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

/**
 * 试算: could this staff member (or someone holding this position) take this action on this record — under the
 * rules in force and with the pending drafts — and which condition decides it.
 */
const WhatIf: React.FC = () => {
  const params = useMemo(() => new URLSearchParams(window.location.search), []);
  const [choices, setChoices] = useState<Choices | null>(null);
  const [who, setWho] = useState<Option | null>(null);
  const [position, setPosition] = useState<Option | null>(null);
  const [action, setAction] = useState<Option | null>(null);
  const [record, setRecord] = useState<Option | null>(null);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get('/what-if/choices')
      .then((loaded: Choices) => {
        setChoices(loaded);
        const preset = loaded.actions.find((a) => a.action === params.get('action'));
        if (preset) setAction({ value: preset.action, label: `${preset.resourceLabel} · ${preset.label}` });
        const code = loaded.positions.find((p) => p.code === params.get('positionCode'));
        if (code) setPosition({ value: code.code, label: code.name });
        // Opened from a refusal: the person and the record come along.
        const staffId = params.get('staffId');
        if (staffId) setWho({ value: staffId, label: params.get('staffName') ?? `员工 ${staffId}` });
        const recordId = params.get('recordId');
        if (recordId) {
          setRecord({ value: recordId, label: params.get('recordTitle') ?? `记录 ${recordId}` });
          // The record that came along gets its own title (押金编号, 报事单号 …) once it is read.
          if (preset && !params.get('recordTitle'))
            api
              .recordAction({ resourceId: preset.action.split('.')[0], recordId, actionName: 'show' })
              .then((response) => {
                const title = (response.data as { record?: { title?: string } }).record?.title;
                if (title)
                  setRecord((current) => (current?.value === recordId ? { value: recordId, label: title } : current));
              })
              .catch(() => undefined);
        }
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const resource = action ? action.value.split('.')[0] : null;
  const searchStaff = useSearch('Staff');
  const searchRecords = useSearch(resource);
  const [staffOptions, setStaffOptions] = useState<Option[]>([]);
  const [recordOptions, setRecordOptions] = useState<Option[]>([]);
  useEffect(() => {
    searchStaff('').then((options) => {
      setStaffOptions(options);
      // A person who came along from a refusal gets their name once the list is in.
      setWho((current) => (current ? (options.find((o) => o.value === current.value) ?? current) : current));
    });
  }, []);
  const [firstResource, setFirstResource] = useState(true);
  useEffect(() => {
    if (!firstResource) setRecord(null);
    if (resource) setFirstResource(false);
    searchRecords('').then(setRecordOptions);
  }, [resource]);

  const ask = async () => {
    setError(null);
    setAnswer(null);
    const query = new URLSearchParams();
    if (who) query.set('staffId', who.value);
    else if (position) query.set('positionCode', position.value);
    if (action) query.set('action', action.value);
    if (record) query.set('recordId', record.value);
    try {
      setAnswer(await get(`/what-if?${query.toString()}`));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  const actionOptions = (choices?.actions ?? []).map((a) => ({
    value: a.action,
    label: `${a.resourceLabel} · ${a.label}`,
  }));
  const positionOptions = (choices?.positions ?? []).map((p) => ({ value: p.code, label: p.name }));
  return (
    <Box bg="white" padding="xl" boxShadow="card">
      <H3>试算：能不能做？</H3>
      <Box flex style={{ gap: 16, flexWrap: 'wrap' }}>
        <FormGroup style={{ flex: '1 1 260px' }}>
          <Label>员工</Label>
          <Select
            isClearable
            value={who}
            options={staffOptions}
            onChange={(option: Option | null) => setWho(option)}
            onInputChange={(text: string) => void searchStaff(text).then(setStaffOptions)}
            placeholder="选择员工，或只选岗位"
          />
        </FormGroup>
        <FormGroup style={{ flex: '1 1 200px' }}>
          <Label>或：岗位</Label>
          <Select
            isClearable
            value={position}
            options={positionOptions}
            onChange={(o: Option | null) => setPosition(o)}
            placeholder="可不选"
          />
        </FormGroup>
        <FormGroup style={{ flex: '2 1 320px' }}>
          <Label required>操作</Label>
          <Select
            value={action}
            options={actionOptions}
            onChange={(o: Option | null) => setAction(o)}
            placeholder="如：装修押金 · 退押金"
          />
        </FormGroup>
        <FormGroup style={{ flex: '2 1 320px' }}>
          <Label>记录</Label>
          <Select
            isClearable
            value={record}
            options={recordOptions}
            onChange={(o: Option | null) => setRecord(o)}
            onInputChange={(text: string) => void searchRecords(text).then(setRecordOptions)}
            placeholder={resource ? '选择一条记录（可不选）' : '先选操作'}
          />
        </FormGroup>
      </Box>
      <Button variant="primary" onClick={ask} disabled={!action || (!who && !position)}>
        试算
      </Button>
      {error ? (
        <Text mt="lg" color="error">
          {error}
        </Text>
      ) : null}
      {answer ? (
        <Box mt="xl">
          <Box flex style={{ gap: 16, flexWrap: 'wrap' }} mb="xl">
            <Verdict title={`${answer.subject.name} · 现行规则`} decision={answer.live} />
            <Verdict title={`${answer.subject.name} · 含待发布草稿`} decision={answer.draft} />
          </Box>
          <H4>每个条件（含待发布草稿）</H4>
          <Checks checks={answer.checks} />
        </Box>
      ) : null}
    </Box>
  );
};

export default WhatIf;
