import React, { useEffect, useState } from 'react';
import { Box, Button, H3, H4, Text, TextArea } from '@adminjs/design-system';
import { authorityApi } from './authority-api.js';
import { useNotice, type ActionProps } from 'adminjs';

type Version = {
  version: number;
  at: string;
  by: { name: string | null } | null;
  changeSet: { id: number; kind: 'publish' | 'rollback'; note: string } | null;
  note: string | null;
  removed: boolean;
  text: string;
  current: boolean;
};
type History = { rule: { id: number; name: string }; versions: Version[] };
type Change = { field: string; label: string; from: string; to: string };

const when = (at: string) => new Date(at).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** 版本与回滚: every version of a rule with who, when and why; any two compared in words; 回滚到此版本. */
const RuleHistory: React.FC<ActionProps> = ({ record }) => {
  const ruleId = record?.id;
  const [history, setHistory] = useState<History | null>(null);
  const [compare, setCompare] = useState<number[]>([]);
  const [changes, setChanges] = useState<Change[] | null>(null);
  const [note, setNote] = useState('');
  const [messages, setMessages] = useState<string[]>([]);
  const addNotice = useNotice();

  const reload = () =>
    authorityApi('GET', `/rules/${ruleId}/versions`).then(({ ok, body }) =>
      ok ? setHistory(body as History) : setMessages(body.errors ?? [body.message]),
    );
  useEffect(() => {
    reload();
  }, [ruleId]);

  const pick = async (version: number) => {
    const next = compare.includes(version) ? compare.filter((v) => v !== version) : [...compare, version].slice(-2);
    setCompare(next);
    setChanges(null);
    if (next.length === 2) {
      const [from, to] = [...next].sort((a, b) => a - b);
      const { ok, body } = await authorityApi('GET', `/rules/${ruleId}/diff?from=${from}&to=${to}`);
      if (ok) setChanges(body.changes as Change[]);
      else setMessages(body.errors ?? [body.message]);
    }
  };

  const rollback = async (version: number) => {
    const { ok, body } = await authorityApi('POST', `/rules/${ruleId}/rollback`, { version, note });
    if (!ok) {
      setMessages(body.errors ?? [body.message]);
      return;
    }
    setMessages([]);
    setNote('');
    addNotice({ message: `已回滚到第 ${version} 版（规则变更 ${body.changeSet}），即刻生效`, type: 'success' });
    reload();
  };

  if (!history) return <Text>{messages[0] ?? '正在读取…'}</Text>;
  const firstAction = record?.params?.['actions.0'] as string | undefined;
  return (
    <Box bg="white" padding="xl" boxShadow="card">
      <Box flex alignItems="center" justifyContent="space-between">
        <H3>「{history.rule.name}」的版本</H3>
        {firstAction ? (
          <a href={`/admin/resources/AuthorityRule/actions/whatIf?action=${encodeURIComponent(firstAction)}`}>
            试算这条规则
          </a>
        ) : null}
      </Box>
      <Text color="grey60" mb="lg">
        勾选两个版本可以比较；回滚会作为一次规则变更，先经过与发布相同的检查。
      </Text>
      <table style={{ borderCollapse: 'collapse', width: '100%' }}>
        <thead>
          <tr>
            {['比较', '版本', '时间', '修改人', '说明', '规则', ''].map((h) => (
              <th key={h} style={{ textAlign: 'left', padding: 6, borderBottom: '1px solid #dde3e8' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {history.versions.map((v) => (
            <tr key={v.version} style={{ background: v.current ? '#F2F8F5' : undefined }}>
              <td style={{ padding: 6 }}>
                <input type="checkbox" checked={compare.includes(v.version)} onChange={() => pick(v.version)} />
              </td>
              <td style={{ padding: 6, whiteSpace: 'nowrap' }}>
                第 {v.version} 版{v.current ? '（现行）' : ''}
                {v.removed ? '（已删除）' : ''}
              </td>
              <td style={{ padding: 6, whiteSpace: 'nowrap' }}>{when(v.at)}</td>
              <td style={{ padding: 6 }}>{v.by?.name ?? '系统'}</td>
              <td style={{ padding: 6 }}>
                {v.changeSet
                  ? `${v.changeSet.kind === 'rollback' ? '回滚' : '发布'}：${v.changeSet.note}`
                  : (v.note ?? '')}
              </td>
              <td style={{ padding: 6 }}>{v.text}</td>
              <td style={{ padding: 6 }}>
                {!v.current && !v.removed ? (
                  <Button size="sm" variant="outlined" onClick={() => rollback(v.version)}>
                    回滚到此版本
                  </Button>
                ) : null}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <Box mt="lg">
        <Text mb="sm">回滚说明（回滚前必填）</Text>
        <TextArea
          width={1}
          rows={2}
          value={note}
          onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
        />
      </Box>
      {messages.length > 0 ? (
        <Box as="ul" mt="lg" style={{ paddingLeft: 20 }}>
          {messages.map((m) => (
            <li key={m} style={{ color: '#C20012' }}>
              {m}
            </li>
          ))}
        </Box>
      ) : null}
      {changes ? (
        <Box mt="xl">
          <H4>
            第 {Math.min(...compare)} 版 → 第 {Math.max(...compare)} 版
          </H4>
          {changes.length === 0 ? <Text>两个版本内容相同。</Text> : null}
          {changes.map((c) => (
            <Box key={c.field} mb="default">
              <Text fontWeight="bold">{c.label}</Text>
              <Text>
                <span style={{ background: '#FBE3E4', textDecoration: 'line-through' }}>{c.from}</span> →{' '}
                <span style={{ background: '#D9EFE3' }}>{c.to}</span>
              </Text>
            </Box>
          ))}
        </Box>
      ) : null}
    </Box>
  );
};

export default RuleHistory;
