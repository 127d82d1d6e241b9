import React, { useEffect, useMemo, useState } from 'react';
import { Box, Button, H3, H4, Text } from '@adminjs/design-system';
import { ApiClient } from 'adminjs';
import { authorityApi, reasonsOf } from './authority-api.js';
import { NO_SUBJECT, SubjectFields, actionOption, type Subject, type SubjectChoices } from './subject-fields.js';

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
  const [choices, setChoices] = useState<SubjectChoices | null>(null);
  const [subject, setSubject] = useState<Subject>(NO_SUBJECT);
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    get('/what-if/choices')
      .then((loaded: SubjectChoices) => {
        setChoices(loaded);
        // Opened from a rule, the matrix or a refusal: the action, the person and the record come along.
        const preset = loaded.actions.find((a) => a.action === params.get('action'));
        const code = loaded.positions.find((p) => p.code === params.get('positionCode'));
        const staffId = params.get('staffId');
        const recordId = params.get('recordId');
        setSubject({
          action: preset ? actionOption(preset) : null,
          position: code ? { value: code.code, label: code.name } : null,
          staff: staffId ? { value: staffId, label: params.get('staffName') ?? `员工 ${staffId}` } : null,
          record: recordId ? { value: recordId, label: params.get('recordTitle') ?? `记录 ${recordId}` } : null,
        });
        // The record that came along gets its own title (押金编号, 报事单号 …) once it is read.
        if (preset && recordId && !params.get('recordTitle'))
          api
            .recordAction({ resourceId: preset.resource, recordId, actionName: 'show' })
            .then((response) => {
              const title = (response.data as { record?: { title?: string } }).record?.title;
              if (title)
                setSubject((current) =>
                  current.record?.value === recordId
                    ? { ...current, record: { value: recordId, label: title } }
                    : current,
                );
            })
            .catch(() => undefined);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  const ask = async () => {
    setError(null);
    setAnswer(null);
    const query = new URLSearchParams();
    if (subject.staff) query.set('staffId', subject.staff.value);
    else if (subject.position) query.set('positionCode', subject.position.value);
    if (subject.action) query.set('action', subject.action.value);
    if (subject.record) query.set('recordId', subject.record.value);
    try {
      setAnswer(await get(`/what-if?${query.toString()}`));
    } catch (e) {
      setError((e as Error).message);
    }
  };

  return (
    <Box bg="white" padding="xl" boxShadow="card">
      <H3>试算：能不能做？</H3>
      <SubjectFields choices={choices} subject={subject} onChange={setSubject} />
      <Button variant="primary" onClick={ask} disabled={!subject.action || (!subject.staff && !subject.position)}>
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
