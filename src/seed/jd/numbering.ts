// Splits a section's text into its items however the document numbers them: 1、 1. 1） （1） ⑴ ① 一、 （一） a、
// "职责一：", bullets (* • · -), qualification sub-items (学历：… 经验：…) or nothing (each line one item). The
// section's top level is the style its first item uses; markers of another style inside an item stay its text.
import { QUALIFICATION_ITEM } from './labels.js';

/** One line of a section as it stands in the document (or the part of a line after its label). */
export interface SectionLine {
  text: string;
  /** toSimplified(text): same length, used for matching only. */
  simplified: string;
  where: string;
  /** A table cell's first line: always starts a new item. */
  hard: boolean;
}

export interface Item {
  /** As written, marker removed (a qualification sub-item keeps its label), surrounding whitespace trimmed. */
  text: string;
  where: string;
}

export interface Note {
  text: string;
  where: string;
  /** Text of the document left out (before the first item), rather than a note about what was read. */
  readOver?: boolean;
}

type StyleId =
  | 'dun'
  | 'dot'
  | 'rparen'
  | 'paren'
  | 'circled-paren'
  | 'circled'
  | 'cn'
  | 'cn-paren'
  | 'alpha'
  | 'prefixed'
  | 'bullet'
  | 'sub-item';

interface Style {
  id: StyleId;
  /** Sticky: matches a marker (and the spaces after it) exactly at lastIndex. */
  marker: RegExp;
  /** The marker's number, or null for bullets and sub-items. */
  number: (m: RegExpExecArray) => number | null;
  /** Markers in the middle of a line (a document flattened onto one line) count; bullets only start lines. */
  midLine: boolean;
  /** The marker stays in the item's text (学历：…). */
  keep?: boolean;
}

const SP = '[ \\t\\u3000]*';
const CN = '[一二三四五六七八九十]{1,3}';

const STYLES: Style[] = [
  {
    id: 'circled',
    marker: /([\u2460-\u2473])[ \t\u3000]*/y,
    number: (m) => m[1].charCodeAt(0) - 0x245f,
    midLine: true,
  },
  {
    id: 'circled-paren',
    marker: /([\u2474-\u2487])[ \t\u3000]*/y,
    number: (m) => m[1].charCodeAt(0) - 0x2473,
    midLine: true,
  },
  { id: 'cn-paren', marker: new RegExp(`[（(](${CN})[)）]${SP}`, 'y'), number: (m) => cnNumber(m[1]), midLine: true },
  { id: 'paren', marker: new RegExp(`[（(](\\d{1,2})[)）]${SP}`, 'y'), number: (m) => Number(m[1]), midLine: true },
  {
    id: 'prefixed',
    marker: new RegExp(`(?:职责|职权|权限|任务)${SP}(${CN}|\\d{1,2})(?:${SP}[:：︰、.．])?${SP}`, 'y'),
    number: (m) => (/\d/.test(m[1]) ? Number(m[1]) : cnNumber(m[1])),
    midLine: true,
  },
  { id: 'cn', marker: new RegExp(`(${CN})${SP}[、.．]${SP}`, 'y'), number: (m) => cnNumber(m[1]), midLine: true },
  { id: 'dun', marker: new RegExp(`(\\d{1,2})${SP}、${SP}`, 'y'), number: (m) => Number(m[1]), midLine: true },
  // "1." but not "1.5米".
  { id: 'dot', marker: new RegExp(`(\\d{1,2})[.．](?!\\d)${SP}`, 'y'), number: (m) => Number(m[1]), midLine: true },
  { id: 'rparen', marker: new RegExp(`(\\d{1,2})[)）]${SP}`, 'y'), number: (m) => Number(m[1]), midLine: true },
  {
    id: 'alpha',
    marker: new RegExp(`([a-zA-Z])[、.．)）]${SP}`, 'y'),
    number: (m) => m[1].toLowerCase().charCodeAt(0) - 96,
    midLine: false,
  },
  { id: 'bullet', marker: /(?:[*\-–—][ \t\u3000]+|[•·●○■□◆◇▪►√※][ \t\u3000]*)/y, number: () => null, midLine: false },
];

const SUB_ITEM: Style = { id: 'sub-item', marker: QUALIFICATION_ITEM, number: () => null, midLine: true, keep: true };

/** 一 … 九十九. */
function cnNumber(text: string): number {
  const digit = (c: string) => '一二三四五六七八九'.indexOf(c) + 1;
  if (text === '十') return 10;
  const ten = text.indexOf('十');
  if (ten < 0) return digit(text[0]);
  const tens = ten === 0 ? 1 : digit(text[0]);
  const ones = text.length > ten + 1 ? digit(text[ten + 1]) : 0;
  return tens * 10 + ones;
}

/** Where a marker may stand in the middle of a line: after whitespace or sentence punctuation. */
const BOUNDARY = /[\s。；;，,:：︰!！?？]/;

function at(style: Style, simplified: string, index: number): RegExpExecArray | null {
  style.marker.lastIndex = index;
  return style.marker.exec(simplified);
}

interface Start {
  /** Offset in the joined content where the item's text begins (after its marker, unless the marker is kept). */
  textStart: number;
  /** Offset of the marker itself. */
  start: number;
  number: number | null;
  marker: string;
}

/**
 * The items of a section. `kindLabel` (岗位"收费员"的"职责") names the section in notes; notes tell what was read over: text before
 * the first item, an empty item, numbering that skips or repeats (items are numbered by their place all the same).
 */
export function splitItems(
  lines: SectionLine[],
  options: { qualification: boolean; kindLabel: string },
): { items: Item[]; notes: Note[] } {
  const notes: Note[] = [];
  const present = lines.filter((l) => l.text.trim() !== '');
  if (present.length === 0) return { items: [], notes };

  // The lines joined as they stand, so an item that wraps keeps its line breaks.
  const starts: number[] = [];
  let text = '';
  let simplified = '';
  for (const line of present) {
    if (starts.length > 0) {
      text += '\n';
      simplified += '\n';
    }
    starts.push(text.length);
    text += line.text;
    simplified += line.simplified;
  }
  const lineAt = (offset: number) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineEnd = (i: number) => (i + 1 < starts.length ? starts[i + 1] - 1 : text.length);
  const firstChar = (i: number) => {
    let p = starts[i];
    while (p < lineEnd(i) && /\s/.test(simplified[p])) p++;
    return p;
  };

  const styles = options.qualification ? [...STYLES, SUB_ITEM] : STYLES;
  const styleAt = (index: number) => styles.find((s) => at(s, simplified, index) !== null) ?? null;

  // The top level: the style of the first item. Text before a first item numbered 1 is a preamble.
  let contentStart = firstChar(0);
  let style = styleAt(contentStart);
  if (!style) {
    // A section on one line ("职责: 说明 1、 … 2、 …") may carry a few words before its first item.
    const found =
      (present.length === 1 ? findFirstMarker(simplified, contentStart, lineEnd(0), styles) : null) ?? findMarkedLine();
    if (found) {
      style = found.style;
      const preambleEnd = found.index;
      for (let i = 0; i < starts.length && starts[i] < preambleEnd; i++) {
        const piece = text.slice(Math.max(starts[i], contentStart), Math.min(lineEnd(i), preambleEnd)).trim();
        if (piece) notes.push({ text: piece, where: present[i].where, readOver: true });
      }
      contentStart = preambleEnd;
    }
  }
  function findMarkedLine(): { style: Style; index: number } | null {
    for (let i = 1; i < starts.length; i++) {
      const p = firstChar(i);
      const s = styleAt(p);
      if (!s) continue;
      const previous = present[i - 1].text.trim();
      const numberOne = s.number(at(s, simplified, p)!);
      if ((numberOne === 1 || numberOne === null) && /[:：︰]$/.test(previous)) return { style: s, index: p };
      return null;
    }
    return null;
  }

  if (!style) {
    // No numbering: each line is one item.
    const items = present.map((line) => ({ text: line.text.trim(), where: line.where }));
    return { items, notes };
  }

  const itemStarts: Start[] = [];
  const push = (index: number, m: RegExpExecArray | null, s: Style) => {
    itemStarts.push({
      start: index,
      textStart: m && !s.keep ? index + m[0].length : index,
      number: m ? s.number(m) : null,
      marker: m ? m[0].trim() : '',
    });
  };
  const first = at(style, simplified, contentStart)!;
  push(contentStart, first, style);
  let last = itemStarts[0].number;
  const lineOfContentStart = lineAt(contentStart);
  let scanFrom = contentStart + first[0].length;
  for (let i = lineOfContentStart; i < starts.length; i++) {
    if (i > lineOfContentStart) {
      const p = firstChar(i);
      const m = at(style, simplified, p);
      if (m) {
        push(p, m, style);
        if (m && style.number(m) !== null) last = style.number(m);
        scanFrom = p + m[0].length;
      } else {
        if (present[i].hard) push(p, null, style);
        scanFrom = p;
      }
    }
    if (!style.midLine) continue;
    for (let p = scanFrom; p < lineEnd(i); p++) {
      if (!BOUNDARY.test(simplified[p - 1] ?? ' ')) continue;
      const m = at(style, simplified, p);
      if (!m) continue;
      const n = style.number(m);
      // The next number may follow any boundary; a repeated or skipped one only a finished sentence ("…。 1、").
      const afterSentence = /[。；;!！?？][ \t\u3000]+$/.test(simplified.slice(Math.max(0, p - 4), p));
      const accepted =
        n === null ||
        (last === null
          ? n === 1
          : n === last + 1 || (afterSentence && (n === last || n === last + 2 || n === last + 3)));
      if (!accepted) continue;
      push(p, m, style);
      last = n;
      p += m[0].length - 1;
    }
  }

  const items: Item[] = [];
  let previous: number | null = null;
  itemStarts.forEach((s, k) => {
    const end = k + 1 < itemStarts.length ? itemStarts[k + 1].start : text.length;
    const itemText = text.slice(s.textStart, end).trim();
    const where = present[lineAt(s.start)].where;
    const place = items.length + 1;
    if (s.number !== null) {
      // Numbers that follow on from the last one, or that agree with the item's place, need no word.
      if (s.number !== place && s.number !== (previous ?? 0) + 1) {
        notes.push({
          text:
            previous === null
              ? `${options.kindLabel}的编号从 ${s.number} 开始，按顺序记为第 ${place} 条`
              : s.number === previous
                ? `${options.kindLabel}的第 ${s.number} 条编号重复，按顺序记为第 ${place} 条`
                : `${options.kindLabel}的编号不连续：第 ${previous} 条之后是第 ${s.number} 条，按顺序记为第 ${place} 条`,
          where,
        });
      }
      previous = s.number;
    }
    if (itemText === '') {
      notes.push({ text: `${options.kindLabel}中"${s.marker}"之后没有内容，未导入`, where });
      return;
    }
    items.push({ text: itemText, where });
  });
  return { items, notes };
}

/** The first marker numbered 1 in the middle of the first line ("说明 1、 组织…"). */
function findFirstMarker(
  simplified: string,
  from: number,
  to: number,
  styles: Style[],
): { style: Style; index: number } | null {
  for (let p = from + 1; p < to; p++) {
    if (!BOUNDARY.test(simplified[p - 1])) continue;
    for (const style of styles) {
      if (!style.midLine) continue;
      const m = at(style, simplified, p);
      if (m && style.number(m) === 1 && followedByTwo(style, simplified, p + m[0].length, to))
        return { style, index: p };
    }
  }
  return null;
}

/** A marker numbered 2 of the same style follows at a boundary: the 1 starts a list. */
function followedByTwo(style: Style, simplified: string, from: number, to: number): boolean {
  // An item is rarely longer than this; looking no further keeps a huge one-line file linear.
  for (let p = from; p < Math.min(to, from + 2000); p++) {
    if (!BOUNDARY.test(simplified[p - 1])) continue;
    const m = at(style, simplified, p);
    if (m && style.number(m) === 2) return true;
  }
  return false;
}

/** The style of a line's own marker, if any (for telling a heading "三、工作环境" from an item). */
export function markerStyleAt(simplified: string, index: number): StyleId | null {
  return STYLES.find((s) => at(s, simplified, index) !== null)?.id ?? null;
}

export type { StyleId };
