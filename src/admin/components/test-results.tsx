import React, { useEffect, useState } from 'react';
import { Box, Button, H3, Text } from '@adminjs/design-system';
import { authorityApi, reasonsOf } from './authority-api.js';
import TestFromRecord from './test-from-record.js';

type Outcome = { passed: boolean; reason: string };
type TestView = {
  id: number;
  name: string;
  sentence: string;
  enabled: boolean;
  mayEdit: boolean;
  live: Outcome;
  draft: Outcome;
};
type May = { create: boolean; edit: boolean };

const Mark: React.FC<{ outcome: Outcome }> = ({ outcome }) => (
  <span title={outcome.reason} style={{ color: outcome.passed ? '#007D7F' : '#C20012', fontWeight: 600 }}>
    {outcome.passed ? '✓ 通过' : '✗ 不通过'}
  </span>
);

/** The test just made, as the list now reads it: its sentence and whether it passes. */
const Created: React.FC<{ test: TestView }> = ({ test }) => (
  <Box mb="xl" padding="lg" style={{ background: '#E9F5EF' }} role="status">
    <Text fontWeight="bold">已新建测试「{test.name}」</Text>
    <Text>{test.sentence}</Text>
    <Box flex style={{ gap: 24 }}>
      <Text>
        现行规则：
        <Mark outcome={test.live} />
      </Text>
      <Text>
        含待发布草稿：
        <Mark outcome={test.draft} />
      </Text>
    </Box>
    {!test.live.passed ? <Text color="grey60">现行规则下不通过：{test.live.reason}</Text> : null}
  </Box>
);

/**
 * 测试结果: every 权限测试 as a sentence, passing or not under the rules in force and with the pending drafts; who may
 * also makes a test from a real record here, and switches a test on or off.
 */
const TestResults: React.FC = () => {
  const [tests, setTests] = useState<TestView[] | null>(null);
  const [may, setMay] = useState<May>({ create: false, edit: false });
  const [error, setError] = useState<string | null>(null);
  const [onlyFailing, setOnlyFailing] = useState(false);
  const [createdId, setCreatedId] = useState<number | null>(null);
  const [switching, setSwitching] = useState<number | null>(null);

  const load = async () => {
    const { ok, body } = await authorityApi('GET', '/tests');
    if (!ok) throw new Error(reasonsOf(body, '无法读取权限测试')[0]);
    setTests(body.tests as TestView[]);
    setMay(body.may as May);
  };
  useEffect(() => {
    load().catch((e: Error) => setError(e.message));
  }, []);

  const created = async (id: number) => {
    await load().catch((e: Error) => setError(e.message));
    setCreatedId(id);
  };

  const setEnabled = async (test: TestView) => {
    setError(null);
    setSwitching(test.id);
    try {
      const { ok, body } = await authorityApi('POST', `/tests/${test.id}/enabled`, { enabled: !test.enabled });
      if (!ok) throw new Error(reasonsOf(body, test.enabled ? '无法停用' : '无法启用').join('；'));
      await load();
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setSwitching(null);
    }
  };

  if (!tests) return <Text>{error ?? '正在读取…'}</Text>;
  const failing = tests.filter((t) => t.enabled && (!t.live.passed || !t.draft.passed));
  const shown = onlyFailing ? failing : tests;
  const fresh = tests.find((t) => t.id === createdId);
  return (
    <Box bg="white" padding="xl" boxShadow="card">
      <Box flex alignItems="center" justifyContent="space-between" mb="lg">
        <H3 mb="0">权限测试结果</H3>
        <Button size="sm" variant={onlyFailing ? 'contained' : 'outlined'} onClick={() => setOnlyFailing(!onlyFailing)}>
          只看不通过的（{failing.length}）
        </Button>
      </Box>
      {may.create ? <TestFromRecord onCreated={created} /> : null}
      {fresh ? <Created test={fresh} /> : null}
      <Text color="grey60" mb="lg">
        共 {tests.length}{' '}
        项。发布规则变更前，启用的测试必须在“含待发布草稿”一栏全部通过；停用的测试不参加检查。把鼠标停在结果上可看到理由。
      </Text>
      {error ? (
        <Text color="error" mb="lg" role="alert">
          {error}
        </Text>
      ) : null}
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {['测试', '现行规则', '含待发布草稿', '启用', ''].map((h) => (
              <th key={h} style={{ textAlign: 'left', padding: 6, borderBottom: '1px solid #dde3e8' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((test) => (
            <tr
              key={test.id}
              data-test-id={test.id}
              style={{ background: test.id === createdId ? '#E9F5EF' : undefined }}
            >
              {/* A disabled test reads faded; its 启用 button does not. */}
              <td style={{ padding: 6, opacity: test.enabled ? 1 : 0.55 }}>
                <Text>{test.sentence}</Text>
                <Text color="grey60" fontSize="sm">
                  {test.name}
                </Text>
              </td>
              <td style={{ padding: 6, whiteSpace: 'nowrap', opacity: test.enabled ? 1 : 0.55 }}>
                <Mark outcome={test.live} />
              </td>
              <td style={{ padding: 6, whiteSpace: 'nowrap', opacity: test.enabled ? 1 : 0.55 }}>
                <Mark outcome={test.draft} />
              </td>
              <td style={{ padding: 6 }}>{test.enabled ? '是' : '否'}</td>
              <td style={{ padding: 6, whiteSpace: 'nowrap' }}>
                {test.mayEdit ? (
                  <>
                    <Button
                      size="sm"
                      variant="outlined"
                      mr="default"
                      disabled={switching === test.id}
                      onClick={() => void setEnabled(test)}
                    >
                      {test.enabled ? '停用' : '启用'}
                    </Button>
                    <a href={`/admin/resources/AuthorityTest/records/${test.id}/edit`}>修改</a>
                  </>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

export default TestResults;
