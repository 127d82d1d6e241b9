// Reads a 岗位职务说明书 (job-description document) into positions and their numbered clauses, however it is laid
// out: "label: value" lines, two- and four-column tables (merged label cells), headings with lists under them, titles
// ("某某项目收费员兼文员岗位职责及素质要求"), or a whole document flattened onto one line where only the labels
// separate the values — the shipped document's form:
//   岗位职务说明书 岗位名称: … 所属部门: … 职务等级: … 直接主管: … 职责: 1、 … 2、 … 职权: 1、 … 资格要求: 1、 … 实施者签字: 日期:
// Pure: no database, no files (read.ts turns files into a SourceDocument). Labels and numbering are matched on
// simplified text; names and clauses are kept as written.
import { AppError } from '../../errors.js';
import { toSimplified } from '../../lib/simplified.js';
import type { ClauseKind } from '../../models/position-clause.js';
import {
  BARE_TITLE,
  INLINE_LABEL,
  SPACED_LABEL,
  INNER_WORDS,
  QUALIFICATION_ITEM,
  headingOf,
  labelOf,
  titleOf,
  type FieldKey,
  type LabelKey,
  type Title,
} from './labels.js';
import { markerStyleAt, splitItems, type SectionLine } from './numbering.js';
import type { SourceCell, SourceDocument } from './source.js';

export interface ParsedClause {
  kind: ClauseKind;
  /** 1, 2, 3 … its place in its section (the document's own number when that is well formed). */
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
  /** 直接下级 as written; null when blank or absent. */
  subordinatesText: string | null;
  clauses: ParsedClause[];
  /** The document the position came from (its file name). */
  source: string;
}

export interface ParsedDocument {
  positions: ParsedPosition[];
  /**
   * What was read over: lines belonging to no position (and not a title), lines under no known section ("工作环境：
   * 室内"), text before a section's first item.
   */
  unrecognised: Array<{ text: string; where: string }>;
  /** What was read but renumbered or left out: numbering that skips or repeats, an empty item. */
  notes: Array<{ text: string; where: string }>;
}

/** The document is not in a recognisable format; the message names the file, the place and the problem. */
export class JobDescriptionFormatError extends AppError {
  constructor(message: string) {
    super('job_description_format', message, 422);
  }
}

/** Position, department, grade and supervisor columns hold at most this many characters. */
export const MAX_FIELD_LENGTH = 40;
/** 直接下级 may list several positions. */
export const MAX_SUBORDINATES_LENGTH = 200;

const CLAUSE_KINDS: ClauseKind[] = ['duty', 'authority', 'qualification'];
const FIELD_KEYS: FieldKey[] = ['name', 'department', 'grade', 'supervisor', 'subordinates'];
const FIELD_LABELS: Record<FieldKey | ClauseKind, string> = {
  name: '岗位名称',
  department: '所属部门',
  grade: '职务等级',
  supervisor: '直接主管',
  subordinates: '直接下级',
  duty: '职责',
  authority: '职权',
  qualification: '资格要求',
};

/** Strips a BOM and turns Windows / old-Mac line ends into "\n". */
export function normaliseDocumentText(text: string): string {
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

/** Plain text (the shipped .txt): one paragraph per line, "第N行". */
export function parseJobDescriptions(text: string, sourceName: string): ParsedPosition[] {
  const lines = normaliseDocumentText(text).split('\n');
  const doc: SourceDocument = {
    fileName: sourceName,
    format: 'txt',
    blocks: lines.flatMap((line, i) =>
      line.trim() === '' ? [] : [{ kind: 'paragraph' as const, text: line, where: `第${i + 1}行` }],
    ),
  };
  return parseJobDescriptionDocument(doc).positions;
}

// ---------------------------------------------------------------------------------------------------------------

/** One line of the document in reading order: a paragraph, a line of a table cell, or a table's label cell. */
interface Line {
  text: string;
  simplified: string;
  where: string;
  seq: number;
  /** A table cell's first line: starts a new item. */
  hard: boolean;
  /** A table's label cell (岗位职责 | …). */
  label?: { key: LabelKey; word: string };
  /** A table row whose label is not known: read over, and everything under it until the next known label. */
  unknown?: boolean;
  /** A title may stand here (a paragraph, or a table row of one cell). */
  mayBeTitle: boolean;
}

interface Piece extends SectionLine {
  seq: number;
  /** The piece starts its line (not the text after a label). */
  lineStart: boolean;
  unknown?: boolean;
}

interface Section {
  key: LabelKey | 'unknown';
  /** The label as written ("職位名稱"), for messages. */
  word: string;
  where: string;
  seq: number;
  pieces: Piece[];
  draft: Draft | null;
  /** Opened by a title ("…岗位职责"), not by a label: a 岗位职责 heading after it is the section itself. */
  implied?: boolean;
}

interface Draft {
  index: number;
  where: string;
  /** The name a title gave, when the position has no name field. */
  titleName: string | null;
  /** The title's line as written, and its place in the document. */
  titleLine: string;
  seq: number;
  sections: Map<LabelKey, Section>;
  /** The position described before this one, for messages. */
  previous: Draft | null;
}

interface Unrecognised {
  text: string;
  where: string;
  seq: number;
}

export function parseJobDescriptionDocument(doc: SourceDocument): ParsedDocument {
  const file = doc.fileName;
  const fail = (where: string, message: string): never => {
    throw new JobDescriptionFormatError(`文件「${file}」${where}：${message}`);
  };
  const lines = documentLines(doc);
  const drafts: Draft[] = [];
  const sections: Section[] = [];
  const unrecognised: Unrecognised[] = [];
  const readNotes: Unrecognised[] = [];
  /** Heading numbers the document's known headings use ("一、岗位职责" → cn): other headings numbered alike are sections. */
  const headingStyles = new Set<string>();

  let current: Draft | null = null;
  let section: Section | null = null;
  /** A title without a name ("岗位职务说明书") ended the last position: what follows is the next one. */
  let boundary = false;

  const hasContent = (d: Draft, except: LabelKey[] = []) =>
    [...d.sections.values()].some((s) => !except.includes(s.key as LabelKey) && s.pieces.some((p) => p.text.trim()));
  const newDraft = (line: Line, titleName: string | null): Draft => {
    const draft: Draft = {
      index: drafts.length,
      where: line.where,
      titleName,
      titleLine: line.text.trim(),
      seq: line.seq,
      sections: new Map(),
      previous: drafts.at(-1) ?? null,
    };
    drafts.push(draft);
    current = draft;
    boundary = false;
    return draft;
  };
  const openSection = (draft: Draft | null, key: LabelKey | 'unknown', word: string, line: Line): Section => {
    const s: Section = { key, word, where: line.where, seq: line.seq, pieces: [], draft };
    sections.push(s);
    if (draft && key !== 'unknown' && key !== 'skip' && key !== 'summary') draft.sections.set(key, s);
    section = s;
    return s;
  };

  const applyLabel = (key: LabelKey, word: string, line: Line) => {
    if (key === 'name') {
      // The name belongs to the position under way unless that one has a name already — from a field, or from a
      // title whose clauses came before this field (then this is the next position).
      const fills =
        current !== null && !current.sections.has('name') && (current.titleName === null || !hasContent(current));
      const d: Draft = fills ? current! : newDraft(line, null);
      openSection(d, 'name', word, line);
      return;
    }
    if (!current) {
      if (!boundary) {
        // Before any position: read over, as written.
        openSection(null, key, word, line);
        return;
      }
      newDraft(line, null);
    }
    const d = current!;
    const existing = key === 'skip' || key === 'summary' ? undefined : d.sections.get(key);
    if (existing?.implied) {
      // What came between the title and this heading (a web page's 发布时间 line …) belongs to no section.
      for (const p of existing.pieces)
        if (p.text.trim()) unrecognised.push({ text: p.text.trim(), where: p.where, seq: p.seq });
      existing.pieces = [];
      d.sections.delete(key);
      openSection(d, key, word, line);
      return;
    }
    if (existing) {
      if (existing.pieces.some((p) => p.text.trim())) {
        fail(line.where, `${describe(d)}中"${word}"出现了两次；如果这是下一个岗位，请在它前面写上"岗位名称"`);
      }
      section = existing;
      return;
    }
    openSection(d, key, word, line);
  };

  const describe = (d: Draft): string => {
    const name = nameOf(d);
    return name ? `岗位"${name}"` : `第${d.index + 1}个岗位`;
  };
  const nameOf = (d: Draft): string | null => {
    const s = d.sections.get('name');
    const value = s ? firstValue(s) : null;
    return value ? collapse(value.text) : d.titleName;
  };

  const applyTitle = (title: Title, line: Line) => {
    if (title.name === '') {
      // "岗位职务说明书": ends the position before it (unless that one has only its name so far).
      if (current && hasContent(current, ['name'])) current = null;
      if (!current) boundary = true;
      section = null;
    } else {
      newDraft(line, title.name);
      section = null;
      if (title.dutiesFollow) openSection(current, 'duty', '职责', line).implied = true;
    }
  };

  const addPiece = (line: Line, start: number, end: number) => {
    const text = line.text.slice(start, end);
    const piece: Piece = {
      text,
      simplified: line.simplified.slice(start, end),
      where: line.where,
      hard: line.hard && start === 0,
      seq: line.seq,
      lineStart: start === 0,
      unknown: line.unknown,
    };
    if (section) section.pieces.push(piece);
    else if (text.trim()) unrecognised.push({ text: text.trim(), where: line.where, seq: line.seq });
  };

  for (const line of lines) {
    if (line.label) {
      applyLabel(line.label.key, line.label.word, line);
      continue;
    }
    if (line.unknown) {
      // Belongs to no known section, nor do the rows under it.
      openSection(current, 'unknown', '', line);
      addPiece(line, 0, line.text.length);
      continue;
    }
    if (line.mayBeTitle) {
      const title = titleOf(line.text, line.simplified);
      if (title) {
        applyTitle(title, line);
        continue;
      }
    }
    const heading = headingOf(line.simplified);
    const headingLabel = heading ? labelOf(heading.word) : undefined;
    if (heading && headingLabel) {
      if (heading.numberStyle) headingStyles.add(heading.numberStyle);
      applyLabel(headingLabel.key, headingWord(line.text), line);
      continue;
    }
    scanLine(line);
  }

  function scanLine(line: Line) {
    const s = line.simplified;
    // Labels end with a colon or stand between spaces, titles end with 说明书: most lines have none of these.
    if (!/[:：︰\s]|说明书/.test(s)) {
      addPiece(line, 0, s.length);
      return;
    }
    const candidates: Array<{ index: number; end: number; word?: string }> = [];
    for (const m of s.matchAll(SPACED_LABEL))
      candidates.push({ index: m.index, end: m.index + m[0].length, word: m[1] });
    for (const m of s.matchAll(INLINE_LABEL))
      candidates.push({ index: m.index, end: m.index + m[0].length, word: m[1] });
    for (const m of s.matchAll(BARE_TITLE)) candidates.push({ index: m.index, end: m.index + m[0].length });
    candidates.sort((a, b) => a.index - b.index || b.end - a.end);
    let cursor = 0;
    for (const c of candidates) {
      if (c.index < cursor) continue;
      const before = s.slice(cursor, c.index);
      if (c.word === undefined) {
        addPiece(line, cursor, c.index);
        if (current && hasContent(current, ['name'])) current = null;
        if (!current) boundary = true;
        section = null;
        cursor = c.end;
        continue;
      }
      const info = labelOf(c.word)!;
      const atLineStart = s.slice(0, c.index).trim() === '';
      const open = section as Section | null;
      const inClauses = open !== null && (CLAUSE_KINDS as string[]).includes(open.key);
      // "2、 资格要求:熟悉…": a label right after an item's number is the item's text; a heading number
      // ("二、主要职责：…") at the start of the line is not an item's.
      let headingNumberOnly = false;
      if (ITEM_NUMBER_BEFORE.test(before)) {
        const headingNumber = HEADING_NUMBER_ONLY.exec(s.slice(0, c.index));
        const items = open ? open.pieces.find((p) => p.text.trim()) : undefined;
        const itemStyle = items ? firstStyle(items.simplified, false) : 'none';
        if (!headingNumber || (inClauses && itemStyle === (headingNumber[1] ? 'cn' : 'cn-paren'))) continue;
        headingNumberOnly = true;
      }
      if (info.weak && inClauses && !atLineStart) continue;
      if (open && open.key === info.key && inClauses && open.pieces.some((p) => p.text.trim())) continue;
      // "房管员职位说明书 职位名称 房管员 …": a title before the first label on a flattened line.
      const title = cursor === 0 && before.trim() ? titleOf(line.text.slice(0, c.index), before) : null;
      if (title) applyTitle(title, line);
      else if (!headingNumberOnly) addPiece(line, cursor, c.index);
      applyLabel(info.key, line.text.slice(c.index, c.end).replace(/[\s:：︰]+$/, ''), line);
      cursor = c.end;
    }
    addPiece(line, cursor, s.length);
  }

  // Sections → fields and clauses.
  const values = new Map<Draft, Partial<Record<FieldKey, string>>>();
  const clauses = new Map<Draft, Map<ClauseKind, Array<{ text: string }>>>();
  for (const s of sections) {
    const pieces = s.pieces.filter((p) => p.text.trim() !== '');
    if (!s.draft || s.key === 'unknown') {
      const label = s.key === 'unknown' ? '' : s.word;
      pieces.forEach((p, i) =>
        unrecognised.push({
          text: i === 0 && label ? `${label}：${p.text.trim()}` : p.text.trim(),
          where: p.where,
          seq: p.seq,
        }),
      );
      if (pieces.length === 0 && label) unrecognised.push({ text: label, where: s.where, seq: s.seq });
      continue;
    }
    if ((FIELD_KEYS as string[]).includes(s.key) || s.key === 'skip') {
      // One line: its value is the text after the label, or the next line when that is empty.
      const [value, ...rest] = pieces;
      for (const p of rest) unrecognised.push({ text: p.text.trim(), where: p.where, seq: p.seq });
      if (value && s.key !== 'skip') {
        const v = values.get(s.draft) ?? {};
        v[s.key as FieldKey] = collapse(value.text);
        values.set(s.draft, v);
      }
      continue;
    }
    const qualification = s.key === 'qualification';
    const style = pieces.length ? firstStyle(pieces[0].simplified, qualification) : 'none';
    const cut = pieces.findIndex(
      (p, i) =>
        ((i > 0 || p.lineStart) && isUnknownHeading(p, style, qualification)) ||
        // A summary runs over lines, but a list after it is no summary (its label is missing): show it.
        (s.key === 'summary' && i > 0 && markerStyleAt(p.simplified.trim(), 0) !== null),
    );
    const kept = cut < 0 ? pieces : pieces.slice(0, cut);
    if (cut >= 0)
      for (const p of pieces.slice(cut)) unrecognised.push({ text: p.text.trim(), where: p.where, seq: p.seq });
    if (s.key === 'summary') continue;
    const kind = s.key as ClauseKind;
    const { items, notes } = splitItems(kept, {
      qualification,
      kindLabel: `${describe(s.draft)}的"${s.word || FIELD_LABELS[kind]}"`,
    });
    const seqOf = new Map(kept.map((p) => [p.where, p.seq]));
    for (const n of notes)
      (n.readOver ? unrecognised : readNotes).push({ text: n.text, where: n.where, seq: seqOf.get(n.where) ?? s.seq });
    const byKind = clauses.get(s.draft) ?? new Map<ClauseKind, Array<{ text: string }>>();
    byKind.set(kind, [...(byKind.get(kind) ?? []), ...items]);
    clauses.set(s.draft, byKind);
  }

  function isUnknownHeading(p: Piece, style: string, qualification: boolean): boolean {
    if (p.unknown) return true;
    if (!p.lineStart) return false;
    const t = p.simplified.trim();
    if (/^(#{1,6}[ \t\u3000]|【)/.test(t)) return true;
    const h = headingOf(t);
    if (h?.numberStyle && headingStyles.has(h.numberStyle) && !sameStyle(h.numberStyle, style) && h.word.length <= 12)
      return true;
    const m = /^([\u4e00-\u9fff]{2,8})[ \t\u3000]*[:：︰]/.exec(t);
    if (!m || style === 'none' || INNER_WORDS.has(m[1]) || markerStyleAt(t, 0) !== null) return false;
    if (qualification) {
      QUALIFICATION_ITEM.lastIndex = 0;
      if (QUALIFICATION_ITEM.exec(t)) return false;
    }
    return true;
  }

  if (drafts.length === 0) {
    fail('', NO_POSITION);
  }

  const positions: ParsedPosition[] = [];
  const seen = new Map<string, string>();
  for (const d of drafts) {
    // A title with nothing under it (a link to another page, a table of contents) describes no position.
    if (d.titleName !== null && !hasContent(d) && !d.sections.has('name')) {
      unrecognised.push({ text: d.titleLine, where: d.where, seq: d.seq });
      continue;
    }
    const v = values.get(d) ?? {};
    const nameSection = d.sections.get('name');
    const name = v.name ?? d.titleName;
    if (!name) {
      if (nameSection)
        fail(nameSection.where, `第${d.index + 1}个岗位的"${nameSection.word}"为空；是否漏写了岗位名称？`);
      const first = [...d.sections.values()][0];
      const after = d.previous ? `（岗位"${nameOf(d.previous)}"之后）` : '';
      fail(
        d.where,
        `第${d.index + 1}个岗位${after}没有名称：在"${first?.word ?? ''}"之前缺少"岗位名称"；是否漏写了栏目名？`,
      );
    }
    if (name!.length > MAX_FIELD_LENGTH) {
      fail(
        nameSection?.where ?? d.where,
        `第${d.index + 1}个岗位的"${nameSection?.word ?? '岗位名称'}"过长（最多 ${MAX_FIELD_LENGTH} 个字）："${name!.slice(0, 20)}…"；是否缺少下一个部分的标题？`,
      );
    }
    for (const key of ['department', 'grade', 'supervisor', 'subordinates'] as const) {
      const text = v[key];
      const max = key === 'subordinates' ? MAX_SUBORDINATES_LENGTH : MAX_FIELD_LENGTH;
      if (text && text.length > max) {
        const s = d.sections.get(key)!;
        fail(
          s.where,
          `岗位"${name}"的"${s.word}"过长（最多 ${max} 个字）："${text.slice(0, 20)}…"；是否缺少下一个部分的标题？`,
        );
      }
    }
    const byKind = clauses.get(d);
    const list: ParsedClause[] = CLAUSE_KINDS.flatMap((kind) =>
      (byKind?.get(kind) ?? []).map((item, i) => ({ kind, number: i + 1, text: item.text })),
    );
    if (list.length === 0) {
      fail(d.where, `岗位"${name}"没有任何条款：没有在"岗位职责""职权""任职资格"等栏目下找到内容；是否漏写了栏目名？`);
    }
    const again = seen.get(name!);
    if (again !== undefined) fail(nameSection?.where ?? d.where, `岗位"${name}"在文档中出现了两次（第一次在${again}）`);
    seen.set(name!, nameSection?.where ?? d.where);
    positions.push({
      name: name!,
      departmentText: v.department || null,
      grade: v.grade || null,
      supervisorText: v.supervisor || null,
      subordinatesText: v.subordinates || null,
      clauses: list,
      source: file,
    });
  }

  if (positions.length === 0) fail('', NO_POSITION);
  const inOrder = (lines: Unrecognised[]) =>
    [...lines].sort((a, b) => a.seq - b.seq).map(({ text, where }) => ({ text, where }));
  return { positions, unrecognised: inOrder(unrecognised), notes: inOrder(readNotes) };
}

const NO_POSITION = '没有找到任何岗位——没有"岗位名称""职位名称"等栏目，也没有"……岗位职责"这样的标题';

/** A label right after an item's number ("2、 资格要求:") is text. */
const ITEM_NUMBER_BEFORE =
  /(?:(?:\d{1,2}|[一二三四五六七八九十]{1,3})[ \t\u3000]*[、.．)）]|[\u2460-\u2487]|[（(](?:\d{1,2}|[一二三四五六七八九十]{1,3})[)）])[ \t\u3000]*$/;
/** A heading's label as written: "二、主要职责：" → "主要职责", "【任职资格】" → "任职资格". */
function headingWord(text: string): string {
  return text
    .replace(/^[\s#*【[〖]*/, '')
    .replace(HEADING_PREFIX, '')
    .replace(/^[\s*【[〖]*/, '')
    .replace(/[\s*】\]〗:：︰]+$/, '');
}
const HEADING_PREFIX =
  /^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}[、.．]|第[一二三四五六七八九十\d]{1,3}[部分章节条项]+[、.．:：]?)/;

/** Only a heading number before the label at the start of a line: "二、主要职责：…". */
const HEADING_NUMBER_ONLY =
  /^[ \t\u3000]*(?:([一二三四五六七八九十]{1,3})[、.．]|[（(][一二三四五六七八九十]{1,3}[)）])[ \t\u3000]*$/;

function sameStyle(headingStyle: string, itemStyle: string): boolean {
  if (headingStyle === 'arabic') return ['dun', 'dot', 'rparen'].includes(itemStyle);
  return headingStyle === itemStyle;
}

function firstStyle(simplified: string, qualification: boolean): string {
  const t = simplified.replace(/^\s+/, '');
  const style = markerStyleAt(t, 0);
  if (style) return style;
  if (qualification) {
    QUALIFICATION_ITEM.lastIndex = 0;
    if (QUALIFICATION_ITEM.exec(t)) return 'sub-item';
  }
  return 'none';
}

function firstValue(s: Section): Piece | undefined {
  return s.pieces.find((p) => p.text.trim() !== '');
}

/** Single-line fields (name, department …) may wrap in the file: any run of whitespace becomes one space. */
function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

// ---------------------------------------------------------------------------------------------------------------
// Blocks → lines

function documentLines(doc: SourceDocument): Line[] {
  const lines: Line[] = [];
  const push = (line: Omit<Line, 'seq' | 'simplified'>) =>
    lines.push({ ...line, simplified: toSimplified(line.text), seq: lines.length });
  for (const block of doc.blocks) {
    if (block.kind === 'paragraph') {
      if (block.text.trim()) push({ text: block.text, where: block.where, hard: false, mayBeTitle: true });
      continue;
    }
    for (const row of block.rows) {
      const cells = numberColumns(row.filter((c) => !c.merged && c.text.trim() !== ''));
      if (cells.length === 0) continue;
      const cellLines = (cell: SourceCell, mayBeTitle: boolean) =>
        cell.text
          .split('\n')
          .filter((t) => t.trim() !== '')
          .forEach((text, i) => push({ text, where: cell.where, hard: i === 0, mayBeTitle }));
      if (cells.length === 1) {
        const label = labelCell(cells[0].text);
        if (label) push({ text: cells[0].text, where: cells[0].where, hard: false, label, mayBeTitle: false });
        else cellLines(cells[0], true);
        continue;
      }
      // A column header ("序号 | 工作内容 | 频次"), perhaps beside its section's label, holds nothing to import.
      const header = cells.findIndex((c) => HEADER_CELL.test(collapse(c.text)));
      if (header >= 0) cells.splice(header);
      if (cells.length === 0) continue;
      if (!labelCell(cells[0].text) && looksLikeLabel(cells[0].text)) {
        push({
          text: cells.map((c) => collapse(c.text)).join(' | '),
          where: cells[0].where,
          hard: true,
          unknown: true,
          mayBeTitle: false,
        });
        continue;
      }
      // Label and value cells; value cells side by side ("1、负责… | 每日") are one value.
      let values: SourceCell[] = [];
      const flush = () => {
        if (values.length > 0) cellLines({ text: values.map((c) => c.text).join(' '), where: values[0].where }, false);
        values = [];
      };
      for (const cell of cells) {
        const label = labelCell(cell.text);
        if (!label) {
          values.push(cell);
          continue;
        }
        flush();
        push({ text: cell.text, where: cell.where, hard: false, label, mayBeTitle: false });
      }
      flush();
    }
  }
  return lines;
}

const HEADER_CELL = /^(?:序号|编号|项次|序|No\.?|NO\.?)$/;

/** A label cell: "岗位职责", "岗 位 名 称：", "【任职资格】". */
function labelCell(text: string): { key: LabelKey; word: string } | null {
  const word = toSimplified(text).replace(/[\s:：︰【】[\]*]/g, '');
  const info = labelOf(word);
  return info ? { key: info.key, word: text.replace(/[\s:：︰]+/g, '') } : null;
}

/** A short cell of words only, such as a label the parser does not know ("工作环境"). */
function looksLikeLabel(text: string): boolean {
  const t = toSimplified(text).replace(/[\s:：︰]/g, '');
  return /^[\u4e00-\u9fff]{2,8}$/.test(t);
}

/** A number column ("1" | "负责…") reads as a numbered item ("1、负责…"). */
function numberColumns(cells: SourceCell[]): SourceCell[] {
  const out: SourceCell[] = [];
  for (let i = 0; i < cells.length; i++) {
    const m = /^[ \t\u3000]*(\d{1,2}|[一二三四五六七八九十]{1,3})[ \t\u3000]*[、.．]?[ \t\u3000]*$/.exec(cells[i].text);
    if (m && i + 1 < cells.length && !labelCell(cells[i + 1].text)) {
      out.push({ ...cells[i + 1], text: `${m[1]}、${cells[i + 1].text}` });
      i++;
    } else out.push(cells[i]);
  }
  return out;
}
