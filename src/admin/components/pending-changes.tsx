import React, { useEffect, useState } from 'react';
import { Box, Button, FormGroup, Label, Text, TextArea, H3, H4 } from '@adminjs/design-system';
import { authorityApi } from './authority-api.js';
import { ApiClient, useNotice } from 'adminjs';

type Draft = {
  id: number;
  kind: 'create' | 'change' | 'remove';
  ruleId: number | null;
  text: string;
  sourceNote: string | null;
  needsReview: boolean;
  may: string[];
  proposed: { name?: string } | null;
};
type Checks = { errors: string[]; warnings: string[]; tests: { run: number; failed: number } };
type Pending = { drafts: Draft[]; checks: Checks };

const KIND: Record<Draft['kind'], string> = { create: '新建', change: '修改', remove: '删除' };

const List: React.FC<{ items: string[]; colour: string }> = ({ items, colour }) => (
  <Box as="ul" mb="lg" style={{ paddingLeft: 20 }}>
    {items.map((item) => (
      <li key={item} style={{ color: colour, marginBottom: 4 }}>
        {item}
      </li>
    ))}
  </Box>
);

const api = new ApiClient();

/** An imported draft waiting for review: the rule in words, where it came from, and 采纳 / 修改 / 放弃. */
const Waiting: React.FC<{ draft: Draft; busy: boolean; act: (draft: Draft, action: 'accept' | 'discard') => void }> = ({
  draft,
  busy,
  act,
}) => (
  <li style={{ marginBottom: 12 }} data-testid="waiting-draft">
    <Text as="span" fontWeight="bold">
      {KIND[draft.kind]}「{draft.proposed?.name ?? draft.ruleId}」：
    </Text>
    <Text as="span">{draft.text}</Text>
    {draft.sourceNote ? (
      <Text color="grey60" fontSize="sm" mt="sm">
        来源：{draft.sourceNote}
      </Text>
    ) : null}
    <Box flex mt="sm" style={{ gap: 8 }}>
      {draft.may.includes('RuleDraft.accept') ? (
        <Button size="sm" variant="contained" disabled={busy} onClick={() => act(draft, 'accept')}>
          采纳
        </Button>
      ) : null}
      {draft.may.includes('RuleDraft.edit') ? (
        <Button as="a" size="sm" variant="outlined" href={`/admin/resources/RuleDraft/records/${draft.id}/edit`}>
          修改
        </Button>
      ) : null}
      {draft.may.includes('RuleDraft.discard') ? (
        <Button size="sm" variant="text" disabled={busy} onClick={() => act(draft, 'discard')}>
          放弃
        </Button>
      ) : null}
    </Box>
  </li>
);

/**
 * 发布规则变更: the pending drafts in words, what the checks say about them now, and the note and button that
 * publish them all (or discard them). A refused publish shows every reason and changes nothing. An import's drafts
 * wait in their own section (待审核) until the director accepts, changes or discards each; 发布 leaves them out.
 */
const PendingChanges: React.FC = () => {
  const [pending, setPending] = useState<Pending | null>(null);
  const [note, setNote] = useState('');
  const [refusal, setRefusal] = useState<string[]>([]);
  const [busy, setBusy] = useState(false);
  const addNotice = useNotice();

  const reload = () =>
    authorityApi('GET', '/drafts').then(({ ok, body }) => {
      if (ok) setPending(body as Pending);
      else setRefusal([body.message ?? '无法读取草稿']);
    });
  useEffect(() => {
    reload();
  }, []);

  const publish = async () => {
    setBusy(true);
    const { ok, body } = await authorityApi('POST', '/publish', { note });
    setBusy(false);
    if (!ok) {
      setRefusal(body.errors ?? [body.message]);
      return;
    }
    setRefusal([]);
    setNote('');
    addNotice({
      message: `已发布规则变更 ${body.changeSet}，涉及 ${body.rules.length} 条规则，即刻生效`,
      type: 'success',
    });
    reload();
  };

  const act = async (draft: Draft, action: 'accept' | 'discard') => {
    if (action === 'discard' && !window.confirm(`放弃草稿 ${draft.id}？它不会被发布。`)) return;
    setBusy(true);
    try {
      const response = await api.recordAction({
        resourceId: 'RuleDraft',
        recordId: String(draft.id),
        actionName: action,
        method: 'post',
        data: {},
      });
      const answer = response.data as {
        notice?: { message: string; type: 'success' | 'error' };
        record?: { baseError?: { message?: string } | null };
      };
      const refused = answer.record?.baseError?.message;
      if (refused) addNotice({ message: refused, type: 'error' });
      else if (answer.notice) addNotice({ message: answer.notice.message, type: answer.notice.type });
    } finally {
      setBusy(false);
      reload();
    }
  };

  const discard = async () => {
    if (!window.confirm('放弃所有待发布的草稿？规则保持现状。导入的待审核草稿不受影响。')) return;
    const { ok, body } = await authorityApi('POST', '/drafts/discard', {});
    if (ok) addNotice({ message: `已放弃 ${body.discarded} 份草稿`, type: 'success' });
    else setRefusal([body.message]);
    reload();
  };

  if (!pending) return <Text>{refusal[0] ?? '正在读取…'}</Text>;
  const { checks } = pending;
  const drafts = pending.drafts.filter((draft) => !draft.needsReview);
  const waiting = pending.drafts.filter((draft) => draft.needsReview);
  return (
    <Box bg="white" padding="xl" boxShadow="card">
      {waiting.length > 0 ? (
        <Box mb="xl" data-testid="waiting-drafts">
          <H3>导入的权限草稿（待审核）</H3>
          <Text mb="default" color="grey60">
            导入岗位职务说明书时按职权条款拟定的规则，尚未生效，也不随「发布」发布：逐份采纳（原样）、修改后采纳，或放弃。
          </Text>
          <Box as="ol" mb="lg" style={{ paddingLeft: 20 }}>
            {waiting.map((draft) => (
              <Waiting key={draft.id} draft={draft} busy={busy} act={act} />
            ))}
          </Box>
        </Box>
      ) : null}
      <H3>待发布的规则变更</H3>
      {drafts.length === 0 ? (
        <Text mb="lg">
          没有待发布的草稿。在权限规则中新建、修改或删除规则，会先保存为草稿
          {waiting.length > 0 ? '；导入的草稿采纳后也在这里发布' : ''}。
        </Text>
      ) : (
        <Box as="ol" mb="xl" style={{ paddingLeft: 20 }}>
          {drafts.map((draft) => (
            <li key={draft.id} style={{ marginBottom: 8 }}>
              <Text as="span" fontWeight="bold">
                {KIND[draft.kind]}
                {draft.ruleId ? `（规则 ${draft.ruleId}）` : ''}：
              </Text>
              <Text as="span">{draft.text}</Text>
            </li>
          ))}
        </Box>
      )}
      {drafts.length > 0 ? (
        <>
          <H4>发布前检查</H4>
          <Text mb="default">
            权限测试 {checks.tests.run} 项
            {checks.tests.failed > 0 ? `，其中 ${checks.tests.failed} 项不通过` : '，全部通过'}。
          </Text>
          {checks.errors.length > 0 ? (
            <>
              <Text color="error" mb="sm">
                以下问题解决前不能发布：
              </Text>
              <List items={checks.errors} colour="#C20012" />
            </>
          ) : (
            <Text mb="lg" color="success">
              规则无误，发布后仍有人能管理规则。
            </Text>
          )}
          {checks.warnings.length > 0 ? <List items={checks.warnings} colour="#8A6D00" /> : null}
          <FormGroup>
            <Label required>变更说明</Label>
            <TextArea
              width={1}
              rows={3}
              value={note}
              onChange={(e: React.ChangeEvent<HTMLTextAreaElement>) => setNote(e.target.value)}
              placeholder="为什么改，将记入规则变更和每条规则的版本"
            />
          </FormGroup>
          {refusal.length > 0 ? <List items={refusal} colour="#C20012" /> : null}
          <Box flex style={{ gap: 8 }}>
            <Button variant="primary" disabled={busy} onClick={publish}>
              发布
            </Button>
            <Button variant="danger" disabled={busy} onClick={discard}>
              放弃全部草稿
            </Button>
          </Box>
        </>
      ) : null}
    </Box>
  );
};

export default PendingChanges;
