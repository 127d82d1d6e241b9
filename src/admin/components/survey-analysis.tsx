import React, { useState } from 'react';
import { Box, Button, H3, H4, Text } from '@adminjs/design-system';
import { ApiClient, useNotice, type ActionProps } from 'adminjs';

type ScoreShare = { score: number; count: number; percent: number };
type WrittenComment = { responseId: number; respondentName: string; date: string; text: string };
type CommentList = { total: number; items: WrittenComment[] };
type ScoreQuestion = {
  id: number;
  number: number;
  text: string;
  answered: number;
  average: number | null;
  distribution: ScoreShare[];
  previousAverage: number | null;
  change: number | null;
};
type TextQuestion = CommentList & { id: number; number: number; text: string };
type Comparison = {
  survey: { id: number; title: string; period: string | null; closedAt: string | null };
  responses: number;
  average: number | null;
  satisfactionRate: number | null;
  change: { responses: number; average: number | null; satisfactionRate: number | null };
};
type Analysis = {
  survey: { id: number; title: string; period: string | null; status: 'draft' | 'running' | 'closed' };
  responses: number;
  average: number | null;
  satisfied: number;
  satisfactionRate: number | null;
  distribution: ScoreShare[];
  scoreQuestions: ScoreQuestion[];
  textQuestions: TextQuestion[];
  comments: CommentList;
  previous: Comparison | null;
};

const api = new ApiClient();

const STATUS: Record<Analysis['survey']['status'], string> = { draft: '草拟', running: '进行中', closed: '已结束' };
const SCORE_LABEL: Record<number, string> = { 5: '非常满意', 4: '满意', 3: '一般', 2: '不满意', 1: '非常不满意' };
const SCORE_COLOUR: Record<number, string> = { 5: '#007D7F', 4: '#4BA3A4', 3: '#BBC3CB', 2: '#E08A5A', 1: '#C20012' };

const fixed = (value: number | null, unit = '') => (value === null ? '—' : `${value.toFixed(1)}${unit}`);

const Card: React.FC<{ title?: string; children: React.ReactNode }> = ({ title, children }) => (
  <Box bg="white" padding="xl" mb="xl" boxShadow="card" style={{ minWidth: 0 }}>
    {title ? <H4 mb="lg">{title}</H4> : null}
    {children}
  </Box>
);

const Figure: React.FC<{ label: string; value: string; note?: string }> = ({ label, value, note }) => (
  <Box bg="grey20" padding="lg" style={{ minWidth: 180, flex: '1 1 180px' }}>
    <Text color="grey60" fontSize="sm">
      {label}
    </Text>
    <Text style={{ fontSize: 28, fontWeight: 600, lineHeight: '40px' }}>{value}</Text>
    {note ? (
      <Text color="grey60" fontSize="sm">
        {note}
      </Text>
    ) : null}
  </Box>
);

/** Scores 5 down to 1, each a bar as wide as its share. */
const Bars: React.FC<{ distribution: ScoreShare[] }> = ({ distribution }) => (
  <Box>
    {[...distribution].reverse().map((d) => (
      <Box key={d.score} flex alignItems="center" mb="sm">
        <Text style={{ width: 130, flexShrink: 0 }}>
          {d.score} 分{' '}
          <Text as="span" color="grey60" fontSize="sm">
            {SCORE_LABEL[d.score]}
          </Text>
        </Text>
        <Box bg="grey20" style={{ flex: 1, height: 16, borderRadius: 3, overflow: 'hidden' }}>
          <Box style={{ width: `${d.percent}%`, height: '100%', background: SCORE_COLOUR[d.score] }} />
        </Box>
        <Text style={{ width: 130, flexShrink: 0, textAlign: 'right' }}>
          {d.count} 份{' '}
          <Text as="span" color="grey60" fontSize="sm">
            {d.percent.toFixed(1)}%
          </Text>
        </Text>
      </Box>
    ))}
  </Box>
);

/** ↑ or ↓ with the size of the change; green when better, red when worse. */
const Change: React.FC<{ value: number | null; unit?: string; digits?: number; neutral?: boolean }> = ({
  value,
  unit = '',
  digits = 1,
  neutral,
}) => {
  if (value === null)
    return (
      <Text as="span" color="grey60">
        —
      </Text>
    );
  const arrow = value > 0 ? '↑' : value < 0 ? '↓' : '→';
  const colour = neutral || value === 0 ? 'grey80' : value > 0 ? 'success' : 'error';
  return (
    <Text as="span" color={colour} fontWeight="bold">
      {arrow} {value > 0 ? '+' : value < 0 ? '−' : ''}
      {Math.abs(value).toFixed(digits)}
      {unit}
    </Text>
  );
};

const Comments: React.FC<{ list: CommentList }> = ({ list }) =>
  list.total === 0 ? (
    <Text color="grey60">暂无意见。</Text>
  ) : (
    <Box>
      <Text color="grey60" fontSize="sm" mb="default">
        共 {list.total} 条{list.total > list.items.length ? `，显示最新 ${list.items.length} 条` : ''}
      </Text>
      {list.items.map((c) => (
        <Box key={c.responseId} py="default" style={{ borderTop: '1px solid #EEEEEF' }}>
          <Text>{c.text}</Text>
          <Text color="grey60" fontSize="sm">
            {c.respondentName} · {c.date}
          </Text>
        </Box>
      ))}
    </Box>
  );

const cell: React.CSSProperties = {
  padding: '8px 12px',
  borderBottom: '1px solid #EEEEEF',
  textAlign: 'left',
  verticalAlign: 'top',
};

const ComparisonBlock: React.FC<{ analysis: Analysis; previous: Comparison }> = ({ analysis, previous }) => {
  const compared = analysis.scoreQuestions.filter((q) => q.previousAverage !== null);
  const rows: Array<[string, string, string, React.ReactNode]> = [
    [
      '有效答卷',
      `${previous.responses} 份`,
      `${analysis.responses} 份`,
      <Change value={previous.change.responses} unit=" 份" digits={0} neutral />,
    ],
    [
      '总体满意度平均分',
      fixed(previous.average, ' 分'),
      fixed(analysis.average, ' 分'),
      <Change value={previous.change.average} unit=" 分" />,
    ],
    [
      '满意率',
      fixed(previous.satisfactionRate, '%'),
      fixed(analysis.satisfactionRate, '%'),
      <Change value={previous.change.satisfactionRate} unit=" 个百分点" />,
    ],
    ...compared.map((q): [string, string, string, React.ReactNode] => [
      `${q.number}. ${q.text}`,
      fixed(q.previousAverage, ' 分'),
      fixed(q.average, ' 分'),
      <Change value={q.change} unit=" 分" />,
    ]),
  ];
  return (
    <Card title="与上次调查比较">
      <Text mb="lg">
        上次调查：《{previous.survey.title}》{previous.survey.period ? `（${previous.survey.period}）` : ''}
        {previous.survey.closedAt ? `，${previous.survey.closedAt} 结束` : ''}
      </Text>
      <table style={{ width: '100%', borderCollapse: 'collapse' }}>
        <thead>
          <tr>
            {['项目', '上次', '本次', '变化'].map((h) => (
              <th key={h} style={{ ...cell, color: '#898A9A', fontWeight: 'normal' }}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map(([label, before, now, change]) => (
            <tr key={label}>
              <td style={cell}>{label}</td>
              <td style={cell}>{before}</td>
              <td style={cell}>{now}</td>
              <td style={cell}>{change}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {analysis.scoreQuestions.length > compared.length ? (
        <Text color="grey60" fontSize="sm" mt="default">
          题目文字与上次不同的评分题不参与比较。
        </Text>
      ) : null}
    </Card>
  );
};

/**
 * 调查分析 of one survey: headline figures, the spread of overall scores, each score question, the comments and the
 * comparison with the previous survey; the button writes the report onto the survey (POST of the same action).
 */
const SurveyAnalysis: React.FC<ActionProps> = ({ action, resource, record }) => {
  const analysis = (() => {
    const raw = record?.params?.analysis;
    try {
      return raw ? (JSON.parse(String(raw)) as Analysis) : null;
    } catch {
      return null;
    }
  })();
  const [busy, setBusy] = useState(false);
  const [written, setWritten] = useState(false);
  const addNotice = useNotice();

  if (!record || !analysis)
    return (
      <Box variant="container" padding="xl">
        <Text>无法读取分析数据。</Text>
      </Box>
    );

  const writeReport = async () => {
    setBusy(true);
    try {
      const response = await api.recordAction({
        resourceId: resource.id,
        recordId: record.id,
        actionName: action.name,
        data: {},
      });
      const data = response.data as { notice?: { message: string; type: 'success' | 'error' } };
      if (data.notice) addNotice({ message: data.notice.message, type: data.notice.type });
      if (data.notice?.type === 'success') setWritten(true);
    } finally {
      setBusy(false);
    }
  };

  const { survey } = analysis;
  const canWrite = survey.status !== 'draft' && analysis.responses > 0;
  return (
    <Box>
      <Card>
        <Box flex justifyContent="space-between" alignItems="flex-start" style={{ gap: 16, flexWrap: 'wrap' }}>
          <Box>
            <Text color="grey60" mb="sm">
              调查分析
            </Text>
            <H3 mt="default" mb="sm">
              {survey.title}
            </H3>
            <Text color="grey60">{[survey.period, STATUS[survey.status]].filter(Boolean).join(' · ')}</Text>
          </Box>
          <Box style={{ textAlign: 'right' }}>
            <Button variant="contained" disabled={busy || !canWrite} onClick={writeReport}>
              生成分析报告
            </Button>
            <Text color="grey60" fontSize="sm" mt="sm">
              {written
                ? '分析报告已写入本调查的“调查分析报告”。'
                : canWrite
                  ? '把本页结论写入调查的“调查分析报告”。'
                  : '调查开始并收回答卷后才能生成报告。'}
            </Text>
          </Box>
        </Box>
        <Box flex mt="xl" style={{ gap: 16, flexWrap: 'wrap' }}>
          <Figure label="有效答卷" value={`${analysis.responses} 份`} />
          <Figure label="总体满意度平均分" value={fixed(analysis.average)} note="满分 5 分" />
          <Figure
            label="满意率"
            value={fixed(analysis.satisfactionRate, '%')}
            note={`总体评分 4 分及以上：${analysis.satisfied} 份`}
          />
        </Box>
      </Card>

      {analysis.responses === 0 ? (
        <Card>
          <Text>{survey.status === 'draft' ? '调查尚未开始，还没有答卷。' : '调查还没有收回答卷。'}</Text>
        </Card>
      ) : (
        <>
          <Card title="总体评分分布">
            <Bars distribution={analysis.distribution} />
          </Card>
          {analysis.previous ? (
            <ComparisonBlock analysis={analysis} previous={analysis.previous} />
          ) : (
            <Card title="与上次调查比较">
              <Text color="grey60">没有更早结束的调查可供比较。</Text>
            </Card>
          )}
          <Box style={{ display: 'grid', gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))', columnGap: 24 }}>
            {analysis.scoreQuestions.map((q) => (
              <Card key={q.id} title={`${q.number}. ${q.text}`}>
                <Box flex mb="lg" style={{ gap: 32, flexWrap: 'wrap' }}>
                  <Text>
                    平均分{' '}
                    <Text as="span" fontWeight="bold" style={{ fontSize: 20 }}>
                      {fixed(q.average)}
                    </Text>{' '}
                    分
                  </Text>
                  <Text>
                    作答{' '}
                    <Text as="span" fontWeight="bold">
                      {q.answered}
                    </Text>{' '}
                    人
                  </Text>
                  {q.previousAverage !== null ? (
                    <Text>
                      上次 {fixed(q.previousAverage)} 分 <Change value={q.change} unit=" 分" />
                    </Text>
                  ) : null}
                </Box>
                {q.answered > 0 ? <Bars distribution={q.distribution} /> : <Text color="grey60">无人作答。</Text>}
              </Card>
            ))}
          </Box>
          {analysis.textQuestions.map((q) => (
            <Card key={q.id} title={`${q.number}. ${q.text}`}>
              <Comments list={q} />
            </Card>
          ))}
          <Card title="答卷中的意见与建议">
            <Comments list={analysis.comments} />
          </Card>
        </>
      )}
    </Box>
  );
};

export default SurveyAnalysis;
