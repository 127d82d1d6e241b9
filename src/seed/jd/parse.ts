// Reads a 岗位职务说明书 (job-description document) into positions and their numbered clauses.
// Pure: no database. The format, one position after another:
//   岗位职务说明书 岗位名称: … 所属部门: … 职务等级: … 直接主管: … 职责: 1、 … 2、 … 职权: 1、 … 资格要求: 1、 … 实施者签字: 日期:
import { AppError } from '../../errors.js';
import type { ClauseKind } from '../../models/position-clause.js';

export interface ParsedClause {
  kind: ClauseKind;
  /** 1, 2, 3 … in the order of the document. */
  number: number;
  /** Verbatim, only surrounding whitespace trimmed. */
  text: string;
}

export interface ParsedPosition {
  name: string;
  /** 所属部门 as written; null when blank or absent. */
  departmentText: string | null;
  /** 职务等级 as written; null when blank (the shipped document leaves it blank). */
  grade: string | null;
  /** 直接主管 as written; null when blank or absent. */
  supervisorText: string | null;
  clauses: ParsedClause[];
  /** The document the position came from (its file name). */
  source: string;
}

/** The document is not in the expected format; the message names the position and the problem. */
export class JobDescriptionFormatError extends AppError {
  constructor(message: string) {
    super('job_description_format', message, 422);
  }
}

/** Position, department, grade and supervisor columns hold at most this many characters. */
export const MAX_FIELD_LENGTH = 40;

type Key =
  'name' | 'department' | 'grade' | 'supervisor' | 'duty' | 'authority' | 'qualification' | 'signature' | 'date';

const LABELS: Record<Key, string> = {
  name: '岗位名称',
  department: '所属部门',
  grade: '职务等级',
  supervisor: '直接主管',
  duty: '职责',
  authority: '职权',
  qualification: '资格要求',
  signature: '实施者签字',
  date: '日期',
};
const ORDER: Key[] = [
  'name',
  'department',
  'grade',
  'supervisor',
  'duty',
  'authority',
  'qualification',
  'signature',
  'date',
];
const CLAUSE_SECTIONS: Array<{ key: Key; kind: ClauseKind }> = [
  { key: 'duty', kind: 'duty' },
  { key: 'authority', kind: 'authority' },
  { key: 'qualification', kind: 'qualification' },
];
const TITLE = '岗位职务说明书';

// A section label starts the text or follows whitespace / sentence punctuation, and ends with a colon
// (half- or full-width). Inside a clause ("2、 资格要求:熟悉…") the same words are text, not a label.
const LABEL_PATTERN = new RegExp(
  `(?<=^|[\\s。；;，,])(${ORDER.map((k) => LABELS[k]).join('|')})[ \\t\\u3000]*[:：]`,
  'g',
);
const CLAUSE_MARKER_BEFORE = /\d{1,2}[ \t\u3000]*[、．][\s]*$/;
// A clause number: one or two digits at the start or after whitespace / punctuation, then "、" (or "．").
// "ISO9002、14000" and "2年以上" are not markers: their digits follow letters or run on into text.
const CLAUSE_MARKER = /(?<=^|[\s。；;，,:：])(\d{1,2})[ \t\u3000]*[、．]/g;

interface Token {
  key: Key;
  start: number;
  end: number;
}

interface Draft {
  index: number;
  sections: Partial<Record<Key, { start: number; end: number }>>;
  last: Key;
}

/** Strips a BOM and turns Windows / old-Mac line ends into "\n". */
export function normaliseDocumentText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function parseJobDescriptions(text: string, sourceName: string): ParsedPosition[] {
  const doc = normaliseDocumentText(text);
  const fail = (message: string): never => {
    throw new JobDescriptionFormatError(`${sourceName}：${message}`);
  };

  const tokens: Token[] = [];
  for (const match of doc.matchAll(LABEL_PATTERN)) {
    const start = match.index!;
    if (CLAUSE_MARKER_BEFORE.test(doc.slice(Math.max(0, start - 8), start))) continue;
    tokens.push({ key: labelKey(match[1]), start, end: start + match[0].length });
  }

  const drafts: Draft[] = [];
  let current: Draft | null = null;
  const describe = (d: Draft) => {
    const name = d.sections.name ? collapse(doc.slice(d.sections.name.start, d.sections.name.end)) : '';
    return name ? `岗位"${name}"` : `第${d.index + 1}个岗位`;
  };

  // Each accepted label's section runs to the next accepted label (or the end of the document).
  let open: { start: number; end: number } | null = null;
  const accept = (draft: Draft, token: Token) => {
    if (open) open.end = token.start;
    open = { start: token.end, end: doc.length };
    draft.sections[token.key] = open;
    draft.last = token.key;
  };

  for (const token of tokens) {
    if (token.key === 'name') {
      current = { index: drafts.length, sections: {}, last: 'name' };
      drafts.push(current);
      accept(current, token);
      continue;
    }
    const draft = current as Draft | null;
    if (!draft) {
      fail(`第1个岗位缺少"岗位名称:"（文档在"${LABELS[token.key]}:"之前没有岗位名称）`);
      continue;
    }
    // "日期:" belongs to the signature line; elsewhere it is ordinary text.
    if (token.key === 'date' && draft.last !== 'signature') continue;
    if ((draft.last === 'signature' && token.key !== 'date') || draft.last === 'date') {
      fail(`${describe(draft)}的"实施者签字"之后出现了"${LABELS[token.key]}:"，但前面缺少"岗位名称:"`);
    }
    if (ORDER.indexOf(token.key) <= ORDER.indexOf(draft.last)) {
      const seen = draft.sections[token.key] !== undefined;
      fail(
        seen
          ? `${describe(draft)}中"${LABELS[token.key]}:"出现了两次；如果这是下一个岗位，请在它前面写上"岗位名称:"`
          : `${describe(draft)}中"${LABELS[token.key]}:"的位置不对，各部分应按 ${ORDER.slice(0, 7)
              .map((k) => LABELS[k])
              .join('、')} 的顺序排列（如果这是下一个岗位，是否缺少"岗位名称:"？）`,
      );
    }
    accept(draft, token);
  }

  if (drafts.length === 0) fail('没有找到任何岗位（缺少"岗位名称:"）');

  const positions = drafts.map((draft) => buildPosition(doc, draft, sourceName, describe(draft), fail));
  const seen = new Set<string>();
  for (const p of positions) {
    if (seen.has(p.name)) fail(`岗位"${p.name}"在文档中出现了两次`);
    seen.add(p.name);
  }
  return positions;
}

function labelKey(label: string): Key {
  return ORDER.find((k) => LABELS[k] === label)!;
}

function buildPosition(
  doc: string,
  draft: Draft,
  source: string,
  who: string,
  fail: (m: string) => never,
): ParsedPosition {
  const value = (key: Key): string | null => {
    const range = draft.sections[key];
    if (!range) return null;
    const text = collapse(doc.slice(range.start, range.end));
    return text === '' ? null : text;
  };
  const name = value('name');
  if (!name) fail(`${who}的"岗位名称"为空`);
  const named = `岗位"${name}"`;
  const fields: Array<[Key, string | null]> = [
    ['name', name],
    ['department', value('department')],
    ['grade', value('grade')],
    ['supervisor', value('supervisor')],
  ];
  for (const [key, text] of fields) {
    if (text && text.length > MAX_FIELD_LENGTH) {
      fail(
        `${key === 'name' ? who : named}的"${LABELS[key]}"过长（最多 ${MAX_FIELD_LENGTH} 个字）："${text.slice(0, 20)}…"；是否缺少下一个部分的标题？`,
      );
    }
  }

  const clauses: ParsedClause[] = [];
  for (const { key, kind } of CLAUSE_SECTIONS) {
    const range = draft.sections[key];
    if (!range) fail(`${named}缺少"${LABELS[key]}:"部分`);
    let content = doc.slice(range!.start, range!.end);
    // Without a signature line the last section runs on to the next position's title.
    if (key === 'qualification' && !draft.sections.signature)
      content = content.replace(new RegExp(`${TITLE}\\s*$`), '');
    clauses.push(...parseClauses(content, kind, `${named}的"${LABELS[key]}"`, fail));
  }

  return {
    name: name!,
    departmentText: value('department'),
    grade: value('grade'),
    supervisorText: value('supervisor'),
    clauses,
    source,
  };
}

/** Single-line fields (name, department …) may wrap in the file: any run of whitespace becomes one space. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Splits a section into clauses numbered 1, 2, 3 … The next clause starts at the next marker carrying the
 * next number, so numbers inside a clause's text (a smaller number, or one not in marker position) stay text.
 */
function parseClauses(content: string, kind: ClauseKind, where: string, fail: (m: string) => never): ParsedClause[] {
  const text = content.trim();
  if (text === '') fail(`${where}部分没有任何条款`);
  const markers = [...text.matchAll(CLAUSE_MARKER)].map((m) => ({
    number: Number(m[1]),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
  if (markers.length === 0 || markers[0].start !== 0) {
    fail(`${where}部分应以"1、"开头，实际是"${text.slice(0, 20)}"`);
  }
  if (markers[0].number !== 1) fail(`${where}的编号应从 1 开始，实际从 ${markers[0].number} 开始`);

  const starts = [markers[0]];
  for (const marker of markers.slice(1)) {
    const expected = starts.length + 1;
    if (marker.number === expected) starts.push(marker);
    else if (marker.number === expected - 1) fail(`${where}的第 ${marker.number} 条编号重复`);
    else if (marker.number > expected)
      fail(`${where}的编号不连续：第 ${expected - 1} 条之后是第 ${marker.number} 条（缺少第 ${expected} 条）`);
  }

  return starts.map((marker, i) => {
    const end = i + 1 < starts.length ? starts[i + 1].start : text.length;
    const clause = text.slice(marker.end, end).trim();
    if (clause === '') fail(`${where}的第 ${marker.number} 条内容为空`);
    return { kind, number: marker.number, text: clause };
  });
}
