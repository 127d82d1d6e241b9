import React, { useEffect, useState } from 'react';
import { Box, Button, H3, Text } from '@adminjs/design-system';
import { authorityApi, reasonsOf } from './authority-api.js';

type Outcome = { passed: boolean; reason: string };
type TestView = { id: number; name: string; sentence: string; enabled: boolean; live: Outcome; draft: Outcome };

const Mark: React.FC<{ outcome: Outcome }> = ({ outcome }) => (
  <span title={outcome.reason} style={{ color: outcome.passed ? '#007D7F' : '#C20012', fontWeight: 600 }}>
    {outcome.passed ? '✓ 通过' : '✗ 不通过'}
  </span>
);

/** 测试结果: every 权限测试 as a sentence, passing or not under the rules in force and with the pending drafts. */
const TestResults: React.FC = () => {
  const [tests, setTests] = useState<TestView[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [onlyFailing, setOnlyFailing] = useState(false);

  useEffect(() => {
    authorityApi('GET', '/tests')
      .then(({ ok, body }) => {
        if (!ok) throw new Error(reasonsOf(body, '无法读取权限测试')[0]);
        setTests(body.tests as TestView[]);
      })
      .catch((e: Error) => setError(e.message));
  }, []);

  if (!tests) return <Text>{error ?? '正在读取…'}</Text>;
  const failing = tests.filter((t) => t.enabled && (!t.live.passed || !t.draft.passed));
  const shown = onlyFailing ? failing : tests;
  return (
    <Box bg="white" padding="xl" boxShadow="card">
      <Box flex alignItems="center" justifyContent="space-between" mb="lg">
        <H3 mb="0">权限测试结果</H3>
        <Button size="sm" variant={onlyFailing ? 'primary' : 'outlined'} onClick={() => setOnlyFailing(!onlyFailing)}>
          只看不通过的（{failing.length}）
        </Button>
      </Box>
      <Text color="grey60" mb="lg">
        共 {tests.length} 项。发布规则变更前，启用的测试必须在“含待发布草稿”一栏全部通过。把鼠标停在结果上可看到理由。
      </Text>
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
            <tr key={test.id} style={{ opacity: test.enabled ? 1 : 0.55 }}>
              <td style={{ padding: 6 }}>
                <Text>{test.sentence}</Text>
                <Text color="grey60" fontSize="sm">
                  {test.name}
                </Text>
              </td>
              <td style={{ padding: 6, whiteSpace: 'nowrap' }}>
                <Mark outcome={test.live} />
              </td>
              <td style={{ padding: 6, whiteSpace: 'nowrap' }}>
                <Mark outcome={test.draft} />
              </td>
              <td style={{ padding: 6 }}>{test.enabled ? '是' : '否'}</td>
              <td style={{ padding: 6 }}>
                <a href={`/admin/resources/AuthorityTest/records/${test.id}/edit`}>修改</a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Box>
  );
};

export default TestResults;
