// Plain text and Markdown, already decoded, into source blocks: every non-blank line a paragraph ("第N行", N counting
// blank lines too, as an editor does); in Markdown the markup is taken off and a pipe table becomes a table. List
// markers ("* ", "- ", "1. ") stay: the parser reads numbering and bullets.
import { CellBudget } from './read-limits.js';
import type { SourceBlock, SourceCell } from './source.js';

// Besides whitespace, the invisible characters web pages and Word leave around text: zero-width space and joiners,
// word joiner, byte-order mark.
const INVISIBLE = /[\s\u200b-\u200d\u2060\ufeff]/;

/** A line without the whitespace and invisible characters around it (a line of nothing else is blank). */
export function trimLine(line: string): string {
  const trimmed = line.trim();
  let start = 0;
  let end = trimmed.length;
  while (start < end && INVISIBLE.test(trimmed[start])) start += 1;
  while (end > start && INVISIBLE.test(trimmed[end - 1])) end -= 1;
  return start === 0 && end === trimmed.length ? trimmed : trimmed.slice(start, end);
}

/** The lines of a text, whatever its line ends (Windows, old Mac, Unicode line and paragraph separators). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|[\r\n\u2028\u2029\u0085]/);
}

export function textBlocks(text: string): SourceBlock[] {
  const blocks: SourceBlock[] = [];
  splitLines(text).forEach((line, index) => {
    const trimmed = trimLine(line);
    if (trimmed) blocks.push({ kind: 'paragraph', text: trimmed, where: `第${index + 1}行` });
  });
  return blocks;
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const RULE = /^\s{0,3}([-*_])(\s*\1){2,}\s*$/;
const SETEXT_UNDERLINE = /^\s{0,3}=+\s*$/;
const TABLE_SEPARATOR = /^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;
const HTML_COMMENT = /^\s*<!--.*-->\s*$/;

/**
 * Markdown's inline markup taken off: emphasis, links, images, code spans, escapes; `<br>` kept as a line break.
 * Spans are bounded so a long line full of unmatched marks stays linear.
 */
export function stripInlineMarkdown(text: string): string {
  return (
    text
      .replace(/!\[[^[\]]{0,500}\]\([^()]{0,2000}\)/g, '')
      .replace(/\[([^[\]]{0,500})\]\([^()]{0,2000}\)/g, '$1')
      .replace(/`([^`]{1,500})`/g, '$1')
      .replace(/\*\*(?=\S)(.{1,500}?)\*\*/g, '$1')
      .replace(/__(?=\S)(.{1,500}?)__/g, '$1')
      .replace(/~~(?=\S)(.{1,500}?)~~/g, '$1')
      // *word*: not a list marker ("* " at the start) nor a lone star; its closing star follows text.
      .replace(/(?<![*\\\w])\*(?=[^\s*])([^*\n]{0,500}?[^\s*\\])\*(?!\*)/g, '$1')
      .replace(/<br\s*\/?>/gi, '\n')
      .replace(/\\([\\`*_{}[\]()#+\-.!|>~])/g, '$1')
  );
}

/** A Markdown line without its blockquote and heading marks. */
function stripLineMarkdown(line: string): string {
  const unquoted = line.replace(/^\s{0,3}(>\s?)+/, '');
  const heading = /^\s{0,3}#{1,6}(?:\s+|$)(.*)$/.exec(unquoted);
  // A heading may close with hashes too: "## 职责 ##".
  return stripInlineMarkdown(heading ? heading[1].replace(/(^|\s)#+\s*$/, '') : unquoted);
}

/** The cells of a pipe-table row: split on "|" that are not escaped, the outer pipes dropped. */
function tableCells(line: string): string[] {
  let body = line.replace(/^\s{0,3}(>\s?)+/, '').trim();
  if (body.startsWith('|')) body = body.slice(1);
  if (body.endsWith('|') && !body.endsWith('\\|')) body = body.slice(0, -1);
  return body.split(/(?<!\\)\|/).map((cell) => cell.trim());
}

function isTableRow(line: string): boolean {
  return /(?<!\\)\|/.test(line);
}

/** Throws TooManyCells when the pipe tables would expand beyond the limit. */
export function markdownBlocks(text: string): SourceBlock[] {
  const budget = new CellBudget();
  const lines = splitLines(text);
  const blocks: SourceBlock[] = [];
  let inFence: string | null = null;
  let tables = 0;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i];
    const fence = FENCE.exec(line);
    if (fence) {
      if (inFence === null) inFence = fence[1][0];
      else if (fence[1][0] === inFence) inFence = null;
      continue;
    }
    if (inFence !== null) {
      const trimmed = trimLine(line);
      if (trimmed) blocks.push({ kind: 'paragraph', text: trimmed, where: `第${i + 1}行` });
      continue;
    }

    // A pipe table: a row, the separator line under it, then the rows that follow.
    if (isTableRow(line) && i + 1 < lines.length && TABLE_SEPARATOR.test(lines[i + 1]) && lines[i + 1].includes('-')) {
      tables += 1;
      const start = i;
      const rows: Array<{ line: number; cells: string[] }> = [{ line: i + 1, cells: tableCells(line) }];
      i += 2;
      while (i < lines.length && lines[i].trim() && isTableRow(lines[i])) {
        if (!TABLE_SEPARATOR.test(lines[i])) rows.push({ line: i + 1, cells: tableCells(lines[i]) });
        i += 1;
      }
      i -= 1;
      const width = rows.reduce((widest, row) => Math.max(widest, row.cells.length), 0);
      budget.take(rows.length * width);
      blocks.push({
        kind: 'table',
        where: `第${start + 1}行起的表格${tables}`,
        rows: rows.map((row) =>
          Array.from({ length: width }, (_, c): SourceCell => ({
            text: splitLines(stripInlineMarkdown(row.cells[c] ?? ''))
              .map(trimLine)
              .filter(Boolean)
              .join('\n'),
            where: `第${row.line}行第${c + 1}列`,
          })),
        ),
      });
      continue;
    }

    if (RULE.test(line) || SETEXT_UNDERLINE.test(line) || HTML_COMMENT.test(line)) continue;
    for (const part of splitLines(stripLineMarkdown(line))) {
      const trimmed = trimLine(part);
      if (trimmed) blocks.push({ kind: 'paragraph', text: trimmed, where: `第${i + 1}行` });
    }
  }
  return blocks;
}
