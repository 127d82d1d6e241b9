import React, { useEffect, useRef, useState } from 'react';
import {
  Badge,
  Box,
  Button,
  H4,
  H5,
  Input,
  Label,
  Loader,
  MessageBox,
  Select,
  Text,
  TextArea,
} from '@adminjs/design-system';
import {
  ACCEPT,
  confirmImport,
  fileProblem,
  mayDo,
  previewImport,
  type ImportOutcome,
  type Preview,
  type Source,
} from './jd-import-api.js';

type Position = Preview['positions'][number];
type Kind = Position['clauses'][number]['kind'];
type Phase = 'input' | 'previewing' | 'preview' | 'importing' | 'done';

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'duty', label: '职责' },
  { kind: 'authority', label: '职权' },
  { kind: 'qualification', label: '资格要求' },
];

const STATUS: Record<Position['status'], { label: string; variant: 'success' | 'info' | 'light' }> = {
  new: { label: '新岗位', variant: 'success' },
  changed: { label: '有变化', variant: 'info' },
  unchanged: { label: '无变化', variant: 'light' },
};

const REASONS: Record<Position['supervisorCandidates'][number]['reason'], string> = {
  same: '同名',
  synonym: '同一岗位的别称',
  similar: '名称相近',
  'in-document': '本文件中的岗位',
};

const PROPOSAL_STATUS: Record<Preview['proposals'][number]['status'], { label: string; colour: string }> = {
  drafted: { label: '将起草', colour: '#2d6a4f' },
  exists: { label: '已有规则', colour: '#6b7785' },
  pending: { label: '已有草稿', colour: '#8A6D00' },
};

const FLAG: Record<Preview['flaggedRules'][number]['change'], string> = {
  changed: '条款已修改',
  removed: '条款已删除',
};

const NOT_LINKED = '';

const sizeText = (bytes: number) =>
  bytes >= 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1024))} KB`;

const card: React.CSSProperties = { border: '1px solid #dde3e8', borderRadius: 4 };
const cell: React.CSSProperties = { padding: '6px 8px', borderBottom: '1px solid #eef1f4', verticalAlign: 'top' };
const head: React.CSSProperties = {
  ...cell,
  textAlign: 'left',
  color: '#6b7785',
  fontWeight: 600,
  whiteSpace: 'nowrap',
};
const struck: React.CSSProperties = { textDecoration: 'line-through', color: '#8a94a0' };

/** The file or the pasted text, with the note that nothing is written before 确认导入. */
const SourceForm: React.FC<{
  mode: 'file' | 'text';
  setMode: (mode: 'file' | 'text') => void;
  file: File | null;
  setFile: (file: File | null) => void;
  text: string;
  setText: (text: string) => void;
  name: string;
  setName: (name: string) => void;
  setError: (error: string | null) => void;
  disabled: boolean;
}> = ({ mode, setMode, file, setFile, text, setText, name, setName, setError, disabled }) => {
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const choose = (chosen: File | undefined) => {
    if (!chosen) return;
    const problem = fileProblem(chosen);
    setError(problem);
    setFile(problem ? null : chosen);
    if (input.current) input.current.value = '';
  };
  const tab = (which: 'file' | 'text', label: string) => (
    <Button
      type="button"
      size="sm"
      variant={mode === which ? 'contained' : 'outlined'}
      onClick={() => setMode(which)}
      disabled={disabled}
      data-testid={`jd-mode-${which}`}
      style={{ borderRadius: which === 'file' ? '4px 0 0 4px' : '0 4px 4px 0' }}
    >
      {label}
    </Button>
  );
  return (
    <Box>
      <Box flex mb="lg">
        {tab('file', '上传文件')}
        {tab('text', '粘贴文字')}
      </Box>
      {mode === 'file' ? (
        <Box
          data-testid="jd-drop-zone"
          role="button"
          tabIndex={0}
          onClick={(event: React.MouseEvent) => {
            // The hidden input's own click bubbles up here too.
            if (!disabled && event.target !== input.current) input.current?.click();
          }}
          onKeyDown={(event: React.KeyboardEvent) => {
            if (!disabled && (event.key === 'Enter' || event.key === ' ')) {
              event.preventDefault();
              input.current?.click();
            }
          }}
          onDragOver={(event: React.DragEvent) => {
            event.preventDefault();
            setOver(true);
          }}
          onDragLeave={() => setOver(false)}
          onDrop={(event: React.DragEvent) => {
            event.preventDefault();
            setOver(false);
            if (!disabled) choose(event.dataTransfer.files?.[0]);
          }}
          style={{
            border: `2px dashed ${over ? '#2d6a4f' : '#b8c2cc'}`,
            background: over ? '#d8f3dc' : '#f7f9fa',
            borderRadius: 6,
            padding: '28px 16px',
            textAlign: 'center',
            cursor: disabled ? 'default' : 'pointer',
          }}
        >
          <input
            ref={input}
            type="file"
            accept={ACCEPT}
            style={{ display: 'none' }}
            data-testid="jd-file-input"
            onChange={(event) => choose(event.target.files?.[0])}
          />
          {file ? (
            <>
              <Text fontWeight="bold" data-testid="jd-file-name">
                {file.name}
              </Text>
              <Text color="grey60" mt="sm">
                {sizeText(file.size)} · 点击或拖入另一个文件可替换
              </Text>
            </>
          ) : (
            <>
              <Text fontWeight="bold">把岗位职务说明书拖到这里，或点击选择文件</Text>
              <Text color="grey60" mt="sm">
                一次一个文件，一个文件里可以有多个岗位
              </Text>
            </>
          )}
        </Box>
      ) : (
        <Box>
          <Label>说明书的文字</Label>
          <TextArea
            width={1}
            rows={12}
            value={text}
            disabled={disabled}
            data-testid="jd-text"
            placeholder={
              '把网页或文档中的岗位职务说明书复制到这里，例如：\n岗位名称：收费员兼文员\n直接上级：客户中心助理\n岗位职责：\n1、……'
            }
            onChange={(event: React.ChangeEvent<HTMLTextAreaElement>) => setText(event.target.value)}
          />
          <Box mt="default" style={{ maxWidth: 420 }}>
            <Label>名称（可不填，用于记录来源）</Label>
            <Input
              width={1}
              value={name}
              disabled={disabled}
              data-testid="jd-text-name"
              placeholder="例如：收费员兼文员岗位职责（网页）"
              onChange={(event: React.ChangeEvent<HTMLInputElement>) => setName(event.target.value)}
            />
          </Box>
        </Box>
      )}
      <Text color="grey60" mt="default" fontSize="sm">
        支持 Word 文档（.docx）、Excel 表格（.xlsx）、文本文件（.txt、.md），最大 5 MB；也可以直接粘贴文字。
        预览只读取文件，点“确认导入”之前不会写入任何内容。
      </Text>
    </Box>
  );
};

const Totals: React.FC<{ preview: Preview }> = ({ preview }) => {
  const count = (status: Position['status']) => preview.positions.filter((p) => p.status === status).length;
  const { totals } = preview;
  return (
    <Text data-testid="jd-totals" style={{ fontSize: 15 }}>
      岗位 {totals.positions} 个：新增 {count('new')}，有变化 {count('changed')}，无变化 {count('unchanged')}；条款{' '}
      {totals.clauses} 条：新增 {totals.added}，修改 {totals.changed}，删除 {totals.removed}；权限草稿 {totals.drafts}{' '}
      份
    </Text>
  );
};

const Field: React.FC<{ label: string; children: React.ReactNode; testId?: string; wide?: boolean }> = ({
  label,
  children,
  testId,
  wide,
}) => (
  <Box style={{ minWidth: 180, flex: wide ? '2 1 340px' : '1 1 180px' }} data-testid={testId}>
    <Text color="grey60" fontSize="sm">
      {label}
    </Text>
    <Box mt="sm">{children}</Box>
  </Box>
);

const Supervisor: React.FC<{
  position: Position;
  names: string[];
  pick: number | null | undefined;
  onPick: (id: number | null) => void;
}> = ({ position, names, pick, onPick }) => {
  const written = position.supervisor;
  if (!written) return <Text color="grey60">未写明</Text>;
  const linked =
    position.supervisorLinkedName ??
    (position.supervisorPositionId === null && names.includes(written) ? written : null);
  if (position.supervisorPositionId !== null || linked)
    return (
      <Text data-testid="jd-supervisor-link">
        {written} → <strong>{linked ?? '系统中已有的岗位'}</strong>
        {position.supervisorPositionId === null ? '（本文件中的岗位）' : ''}
      </Text>
    );
  if (position.supervisorCandidates.length === 0)
    return (
      <Text data-testid="jd-supervisor-link">
        {written}{' '}
        <Text as="span" color="grey60">
          → 系统中没有这个岗位，不关联
        </Text>
      </Text>
    );
  const options = [
    ...position.supervisorCandidates.map((c) => ({
      value: String(c.positionId),
      label: `${c.name}（${REASONS[c.reason]}）`,
    })),
    { value: NOT_LINKED, label: '不关联' },
  ];
  const value =
    pick === undefined ? null : (options.find((o) => o.value === (pick === null ? NOT_LINKED : String(pick))) ?? null);
  return (
    <Box>
      <Text mb="sm">{written} →</Text>
      <Box style={{ maxWidth: 320 }} data-testid="jd-supervisor-picker">
        <Select
          value={value}
          options={options}
          placeholder="请选择对应的岗位…"
          noOptionsMessage={() => '没有可选项'}
          onChange={(selected: { value: string } | null) =>
            onPick(!selected || selected.value === NOT_LINKED ? null : Number(selected.value))
          }
        />
      </Box>
      {pick === undefined ? (
        <Text color="grey60" fontSize="sm" mt="sm">
          不确定是哪个岗位：请选择；不选则不关联
        </Text>
      ) : null}
    </Box>
  );
};

const Clauses: React.FC<{ position: Position }> = ({ position }) => (
  <Box mt="lg">
    {KINDS.map(({ kind, label }) => {
      const clauses = position.clauses.filter((c) => c.kind === kind);
      const removed = position.removed.filter((c) => c.kind === kind);
      if (clauses.length === 0 && removed.length === 0) return null;
      return (
        <Box key={kind} mb="lg" data-testid={`jd-clauses-${kind}`}>
          <H5 mb="sm">
            {label}（{clauses.length} 条）
          </H5>
          {clauses.map((clause) => (
            <Box key={`${clause.number}`} py="sm" style={{ lineHeight: 1.6 }} data-testid="jd-clause">
              <Text as="span">
                {clause.number}、{clause.text}
              </Text>
              {clause.change === 'added' ? (
                <Badge variant="success" size="sm" ml="default">
                  新增
                </Badge>
              ) : null}
              {clause.change === 'changed' ? (
                <>
                  <Badge variant="info" size="sm" ml="default">
                    修改
                  </Badge>
                  {clause.before ? (
                    <Text fontSize="sm" mt="sm" color="grey60">
                      原为：<span style={struck}>{clause.before}</span>
                    </Text>
                  ) : null}
                </>
              ) : null}
            </Box>
          ))}
          {removed.map((clause) => (
            <Box key={`removed-${clause.number}`} py="sm" data-testid="jd-clause-removed">
              <Text as="span" style={struck}>
                {clause.number}、{clause.text}
              </Text>
              <Badge variant="danger" size="sm" ml="default">
                将删除
              </Badge>
            </Box>
          ))}
        </Box>
      );
    })}
  </Box>
);

const PositionCard: React.FC<{
  position: Position;
  names: string[];
  pick: number | null | undefined;
  onPick: (id: number | null) => void;
}> = ({ position, names, pick, onPick }) => {
  // A re-import of a long document: the positions it leaves as they are keep their clauses folded.
  const [open, setOpen] = useState(position.status !== 'unchanged');
  return (
    <Box bg="white" p="xl" mb="lg" style={card} data-testid="jd-position" data-name={position.name}>
      <Box flex alignItems="center" style={{ gap: 12 }} mb="lg">
        <H4 mb="0">{position.name}</H4>
        <Badge variant={STATUS[position.status].variant} data-testid="jd-position-status">
          {STATUS[position.status].label}
        </Badge>
        {position.existingPositionId !== null ? (
          <a
            href={`/admin/resources/Position/records/${position.existingPositionId}/show`}
            target="_blank"
            rel="noopener"
            style={{ color: '#2d6a4f' }}
          >
            查看系统中的这个岗位
          </a>
        ) : null}
        {position.status === 'unchanged' ? (
          <Button
            type="button"
            size="sm"
            variant="text"
            onClick={() => setOpen(!open)}
            data-testid="jd-position-toggle"
            style={{ marginLeft: 'auto' }}
          >
            {open ? '收起条款' : `展开条款（${position.clauses.length} 条，与系统中相同）`}
          </Button>
        ) : null}
      </Box>
      <Box flex flexWrap="wrap" style={{ gap: 16 }}>
        <Field label="所属部门">{position.department ?? <Text color="grey60">未写明</Text>}</Field>
        <Field label="职务等级">{position.grade ?? <Text color="grey60">未写明</Text>}</Field>
        <Field label="直接主管" testId="jd-supervisor" wide>
          <Supervisor position={position} names={names} pick={pick} onPick={onPick} />
        </Field>
        <Field label="直接下级">{position.subordinates ?? <Text color="grey60">未写明</Text>}</Field>
      </Box>
      {open ? <Clauses position={position} /> : null}
    </Box>
  );
};

const Section: React.FC<{ title: string; note?: string; testId: string; children: React.ReactNode }> = ({
  title,
  note,
  testId,
  children,
}) => (
  <Box bg="white" p="xl" mb="lg" style={card} data-testid={testId}>
    <H4>{title}</H4>
    {note ? (
      <Text color="grey60" mb="lg">
        {note}
      </Text>
    ) : null}
    {children}
  </Box>
);

/** A plain table; `nowrap` keeps short columns (a position's name, a clause) on one line. */
const Table: React.FC<{ headers: string[]; rows: React.ReactNode[][]; testId: string; nowrap?: number[] }> = ({
  headers,
  rows,
  testId,
  nowrap = [],
}) => (
  <Box style={{ overflowX: 'auto' }}>
    <table style={{ borderCollapse: 'collapse', width: '100%' }} data-testid={testId}>
      <thead>
        <tr>
          {headers.map((h) => (
            <th key={h} style={head}>
              {h}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={i}>
            {row.map((value, j) => (
              <td key={j} style={nowrap.includes(j) ? { ...cell, whiteSpace: 'nowrap' } : cell}>
                {value}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  </Box>
);

/** Lines of the document with where they are, highlighted: the ones not understood, or the notes on numbering. */
const MarkedLines: React.FC<{
  lines: Array<{ text: string; where: string }>;
  title: string;
  note: string;
  /** Background and bar. */
  colours: [string, string];
  testId: string;
}> = ({ lines, title, note, colours: [background, bar], testId }) =>
  lines.length === 0 ? null : (
    <Section title={`${title}（${lines.length} 处）`} note={note} testId={testId}>
      {lines.map((line, i) => (
        <Box
          key={i}
          mb="sm"
          p="default"
          style={{ background, borderLeft: `4px solid ${bar}`, borderRadius: 2 }}
          data-testid={`${testId}-line`}
        >
          <Text color="grey60" fontSize="sm">
            {line.where}
          </Text>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{line.text}</Text>
        </Box>
      ))}
    </Section>
  );

const PreviewView: React.FC<{
  preview: Preview;
  picks: Record<string, number | null>;
  setPick: (position: string, id: number | null) => void;
}> = ({ preview, picks, setPick }) => {
  const names = preview.positions.map((p) => p.name);
  return (
    <Box data-testid="jd-preview">
      <Box bg="white" p="xl" mb="lg" style={card}>
        <H4>预览：{preview.fileName}</H4>
        <Totals preview={preview} />
      </Box>
      <MarkedLines
        lines={preview.unrecognised}
        title="未能识别的内容"
        note="这些内容不会导入。请核对其中是否有条款：如有，请修改文件后重新预览。"
        colours={['#fff3bf', '#f0b400']}
        testId="jd-unrecognised"
      />
      <MarkedLines
        lines={preview.notes}
        title="提示"
        note="这些条款已导入，但编号与文件中的不同或有空条款：权限规则按这里的编号引用条款，请核对。"
        colours={['#e7f1ff', '#4c8df6']}
        testId="jd-notes"
      />
      {preview.positions.map((position) => (
        <PositionCard
          key={position.name}
          position={position}
          names={names}
          pick={position.name in picks ? picks[position.name] : undefined}
          onPick={(id) => setPick(position.name, id)}
        />
      ))}
      <Section
        title={`拟定的权限草稿（${preview.proposals.length} 条）`}
        note="由职权（及隐含操作的职责）条款拟定；确认导入后，“将起草”的几条成为待审核的草稿，由管理处主任审核、修改并发布后才生效。"
        testId="jd-proposals"
      >
        {preview.proposals.length === 0 ? (
          <Text color="grey60">没有能对应到系统操作的条款。</Text>
        ) : (
          <Table
            testId="jd-proposals-table"
            headers={['岗位', '条款', '匹配的文字', '操作', '规则', '状态']}
            nowrap={[0, 1, 2, 5]}
            rows={preview.proposals.map((p) => [
              p.position,
              p.clause,
              <mark key="m" style={{ background: '#d8f3dc', padding: '0 2px' }}>
                {p.matched}
              </mark>,
              p.actionLabels.join('、'),
              p.text,
              <span key="s" style={{ color: PROPOSAL_STATUS[p.status].colour, fontWeight: 600 }}>
                {PROPOSAL_STATUS[p.status].label}
              </span>,
            ])}
          />
        )}
      </Section>
      {preview.withoutAction.length > 0 ? (
        <Section
          title={`系统中还没有对应操作的条款（${preview.withoutAction.length} 条）`}
          note="这些条款照常导入岗位，只是暂时没有可起草的权限规则。"
          testId="jd-without-action"
        >
          <Table
            testId="jd-without-action-table"
            headers={['岗位', '条款', '内容']}
            nowrap={[0, 1]}
            rows={preview.withoutAction.map((w) => [w.position, w.clause, w.text])}
          />
        </Section>
      ) : null}
      {preview.flaggedRules.length > 0 ? (
        <Section
          title={`需要主任复核的规则（${preview.flaggedRules.length} 条）`}
          note="这些规则引用的条款将被修改或删除；规则不会被删除，导入后标记出来，由管理处主任复核。"
          testId="jd-flagged"
        >
          <Table
            testId="jd-flagged-table"
            headers={['规则', '引用的条款', '变化']}
            rows={preview.flaggedRules.map((f) => [
              f.name,
              f.clause,
              <span key="f" style={{ color: '#C20012', fontWeight: 600 }}>
                {FLAG[f.change]}
              </span>,
            ])}
          />
        </Section>
      ) : null}
    </Box>
  );
};

const OutcomeView: React.FC<{ outcome: ImportOutcome; fileName: string; again: () => void }> = ({
  outcome,
  fileName,
  again,
}) => {
  const [draftsReadable, setDraftsReadable] = useState(false);
  useEffect(() => {
    mayDo('RuleDraft.list').then(setDraftsReadable);
  }, []);
  const { positions, clauses, drafts, flaggedRules } = outcome;
  return (
    <Box bg="white" p="xl" style={card} data-testid="jd-outcome">
      <MessageBox variant="success" message={`已导入「${fileName}」`} mb="lg" />
      <Text mb="default" style={{ fontSize: 15 }}>
        新建岗位 {positions.created} 个，更新 {positions.updated} 个，无变化 {positions.unchanged} 个；条款新增{' '}
        {clauses.created} 条，修改 {clauses.updated} 条，删除 {clauses.removed} 条。
      </Text>
      <Text mb="default" style={{ fontSize: 15 }}>
        {drafts.length > 0
          ? `已为主任起草 ${drafts.length} 份待审核的权限草稿：管理处主任审核、发布之前，它们不生效。`
          : '没有新起草的权限草稿。'}
      </Text>
      {flaggedRules.length > 0 ? (
        <Text mb="default" style={{ fontSize: 15 }}>
          {flaggedRules.length} 条规则引用的条款已修改或删除，已标记给管理处主任复核。
        </Text>
      ) : null}
      <Box flex style={{ gap: 8 }} mt="lg" flexWrap="wrap">
        <Button as="a" href="/admin/resources/Position" variant="contained" data-testid="jd-link-positions">
          查看岗位
        </Button>
        {draftsReadable ? (
          <Button
            as="a"
            href="/admin/resources/RuleDraft?filters.status=pending&filters.needsReview=true"
            variant="outlined"
          >
            查看规则草稿
          </Button>
        ) : null}
        <Button type="button" variant="text" onClick={again} data-testid="jd-again">
          再导入一份
        </Button>
      </Box>
      {!draftsReadable && drafts.length > 0 ? (
        <Text color="grey60" mt="lg" fontSize="sm">
          草稿在“组织与权限 → 规则草稿”中等待管理处主任审核。
        </Text>
      ) : null}
    </Box>
  );
};

/** What 确认导入 will do, in one line beside the button. */
function confirmNote(preview: Preview): string {
  const created = preview.positions.filter((p) => p.status === 'new').length;
  const updated = preview.positions.filter((p) => p.status === 'changed').length;
  const { drafts } = preview.totals;
  if (created + updated === 0 && drafts === 0) return '与系统中的内容相同，导入不会改变任何内容';
  const parts = [
    created ? `新建 ${created} 个岗位` : '',
    updated ? `更新 ${updated} 个岗位` : '',
    drafts ? `为管理处主任起草 ${drafts} 份待审核的权限草稿` : '',
  ].filter(Boolean);
  return `确认后将${parts.join('，')}`;
}

/**
 * 组织与权限 → 导入岗位职务说明书: a Word or Excel file, a text file or pasted text → the preview of what it would
 * change (positions, clauses, supervisors, lines not understood, draft authorities, rules to review) → 确认导入.
 * Nothing is written before the confirmation; a document or database changed since the preview is refused (409)
 * and previewed again.
 */
const JobDescriptionImport: React.FC = () => {
  const [mode, setMode] = useState<'file' | 'text'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [text, setText] = useState('');
  const [name, setName] = useState('');
  const [phase, setPhase] = useState<Phase>('input');
  const [preview, setPreview] = useState<Preview | null>(null);
  const [source, setSource] = useState<Source | null>(null);
  const [picks, setPicks] = useState<Record<string, number | null>>({});
  const [outcome, setOutcome] = useState<ImportOutcome | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [stale, setStale] = useState(false);

  const current: Source | null =
    mode === 'file' ? (file ? { kind: 'file', file } : null) : text.trim() ? { kind: 'text', text, name } : null;

  const runPreview = async (what: Source | null) => {
    if (!what) {
      setError(mode === 'file' ? '请先选择一个文件' : '请先粘贴说明书的文字');
      return;
    }
    setPhase('previewing');
    setError(null);
    setStale(false);
    const answer = await previewImport(what);
    if (!answer.ok) {
      setError(answer.message);
      setPhase(preview ? 'preview' : 'input');
      return;
    }
    setPreview(answer.body);
    setSource(what);
    setPicks({});
    setPhase('preview');
  };

  const runImport = async () => {
    if (!preview || !source) return;
    setPhase('importing');
    setError(null);
    const answer = await confirmImport(source, preview.digest, picks);
    if (!answer.ok) {
      setError(answer.message);
      setStale(answer.status === 409);
      setPhase('preview');
      return;
    }
    setOutcome(answer.body);
    setPhase('done');
  };

  const reset = () => {
    setPreview(null);
    setSource(null);
    setPicks({});
    setOutcome(null);
    setError(null);
    setStale(false);
    setFile(null);
    setPhase('input');
  };

  const busy = phase === 'previewing' || phase === 'importing';
  // A preview stays on screen while it is previewed again (after a 409) and while it is imported.
  const showingPreview = preview && phase !== 'input' && phase !== 'done';
  const errorBox = (
    <Box mb="lg" data-testid="jd-error">
      <MessageBox variant="danger" message={error ?? ''} />
      {stale && source ? (
        <Button
          type="button"
          mt="default"
          variant="contained"
          disabled={busy}
          onClick={() => runPreview(source)}
          data-testid="jd-repreview"
        >
          重新预览
        </Button>
      ) : null}
    </Box>
  );

  return (
    <Box variant="grey" data-testid="jd-import-page" style={{ maxWidth: 1200 }}>
      {phase === 'done' && outcome ? (
        <OutcomeView outcome={outcome} fileName={preview?.fileName ?? ''} again={reset} />
      ) : (
        <>
          {!showingPreview ? (
            <Box bg="white" p="xl" mb="lg" style={card}>
              <SourceForm
                mode={mode}
                setMode={setMode}
                file={file}
                setFile={setFile}
                text={text}
                setText={setText}
                name={name}
                setName={setName}
                setError={setError}
                disabled={busy}
              />
              <Box flex alignItems="center" mt="lg" style={{ gap: 12 }}>
                <Button
                  type="button"
                  variant="contained"
                  disabled={busy || !current}
                  onClick={() => runPreview(current)}
                  data-testid="jd-preview-button"
                >
                  预览
                </Button>
                {phase === 'previewing' ? <Text color="grey60">正在读取文件…</Text> : null}
              </Box>
            </Box>
          ) : null}
          {error && !showingPreview ? errorBox : null}
          {phase === 'previewing' && !showingPreview ? <Loader /> : null}
          {showingPreview ? (
            <>
              <PreviewView
                preview={preview}
                picks={picks}
                setPick={(position, id) => setPicks((before) => ({ ...before, [position]: id }))}
              />
              {/* The decision, and what became of it, stay in reach however long the preview is. */}
              <Box
                bg="white"
                p="lg"
                style={{
                  ...card,
                  position: 'sticky',
                  bottom: 0,
                  boxShadow: '0 -2px 8px rgba(0,0,0,0.08)',
                  zIndex: 2,
                }}
              >
                {error ? errorBox : null}
                <Box flex alignItems="center" flexWrap="wrap" style={{ gap: 12 }}>
                  <Button
                    type="button"
                    variant="contained"
                    disabled={busy || stale}
                    onClick={runImport}
                    data-testid="jd-confirm"
                  >
                    确认导入
                  </Button>
                  <Button type="button" variant="outlined" disabled={busy} onClick={reset} data-testid="jd-cancel">
                    取消
                  </Button>
                  <Text color="grey60" data-testid="jd-confirm-note">
                    {phase === 'importing'
                      ? '正在导入…'
                      : phase === 'previewing'
                        ? '正在重新预览…'
                        : confirmNote(preview)}
                  </Text>
                </Box>
              </Box>
            </>
          ) : null}
        </>
      )}
    </Box>
  );
};

export default JobDescriptionImport;
