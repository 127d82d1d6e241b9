// A Word document (.docx) into source blocks: mammoth turns it into HTML (keeping tables and their merged cells,
// which its plain-text mode loses), and the HTML is walked in document order. Paragraphs, headings and list items
// are paragraphs ("第N段"); tables are tables with merged cells expanded ("表格N 第R行第C列"). Images, footnotes
// and endnotes are left out.
import mammoth from 'mammoth';
import { parse, type HTMLElement, type Node } from 'node-html-parser';
import { CellBudget } from './read-limits.js';
import { trimLine } from './read-text.js';
import type { SourceBlock, SourceCell, SourceTable } from './source.js';

// Word's automatic numbering is not in mammoth's HTML (an ordered list is a bare <ol>): written back so the parser
// sees "1、" as a reader of the document does. A nested ordered list counts "（1）", a bulleted one "• ".
function listMarker(ordered: boolean, depth: number, index: number): string {
  if (!ordered) return '• ';
  return depth === 0 ? `${index}、` : `（${index}）`;
}

const ELEMENT = 1;
const TEXT = 3;
const HEADING = /^h[1-6]$/;
const LIST = new Set(['ol', 'ul']);
// Footnotes and endnotes come as a list at the end (<li id="footnote-1">), referenced by <a id="footnote-ref-1">.
const NOTE = /^(footnote|endnote|comment)-/;
const NOTE_REFERENCE = /^(footnote|endnote|comment)-ref-/;

function tag(node: Node): string {
  return node.nodeType === ELEMENT ? ((node as HTMLElement).rawTagName?.toLowerCase() ?? '') : '';
}

function isNoteReference(element: HTMLElement): boolean {
  if (tag(element) === 'a' && NOTE_REFERENCE.test(element.getAttribute('id') ?? '')) return true;
  // <sup><a href="#footnote-1">[1]</a></sup>
  return (
    tag(element) === 'sup' &&
    element.childNodes.length === 1 &&
    tag(element.childNodes[0]) === 'a' &&
    NOTE_REFERENCE.test((element.childNodes[0] as HTMLElement).getAttribute('id') ?? '')
  );
}

/** The lines of an inline run: text, with <br> starting a new line. */
function inlineLines(nodes: Node[], lines: string[] = ['']): string[] {
  for (const node of nodes) {
    if (node.nodeType === TEXT) {
      lines[lines.length - 1] += node.text;
    } else if (node.nodeType === ELEMENT) {
      const element = node as HTMLElement;
      const name = tag(element);
      if (name === 'br') lines.push('');
      else if (name === 'img' || isNoteReference(element)) continue;
      else inlineLines(element.childNodes, lines);
    }
  }
  return lines;
}

/** A table expanded to its grid: a cell spanning rows or columns repeats its text in every slot it covers. */
interface GridCell {
  text: string;
  merged: boolean;
}

/** What a block-level walk yields: a line of text (one paragraph) or a table. */
type Item = { kind: 'line'; text: string; paragraph: number } | { kind: 'table'; grid: GridCell[][] };

class Walker {
  private paragraphs = 0;
  readonly items: Item[] = [];

  constructor(private readonly budget: CellBudget) {}

  walk(nodes: Node[]): void {
    let inline: Node[] = [];
    const flush = () => {
      if (inline.length) this.paragraph(inline);
      inline = [];
    };
    for (const node of nodes) {
      const name = tag(node);
      if (node.nodeType !== ELEMENT) {
        if (node.nodeType === TEXT && node.text.trim()) inline.push(node);
        continue;
      }
      const element = node as HTMLElement;
      if (name === 'p' || HEADING.test(name)) {
        flush();
        this.paragraph(element.childNodes);
      } else if (LIST.has(name)) {
        flush();
        this.list(element, 0);
      } else if (name === 'table') {
        flush();
        this.items.push({ kind: 'table', grid: this.table(element) });
      } else if (name === 'img') {
        continue;
      } else if (['div', 'section', 'article', 'blockquote', 'body', 'html'].includes(name)) {
        flush();
        this.walk(element.childNodes);
      } else {
        inline.push(element);
      }
    }
    flush();
  }

  private paragraph(nodes: Node[], prefix = ''): void {
    const lines = inlineLines(nodes).map(trimLine).filter(Boolean);
    if (!lines.length) return;
    this.paragraphs += 1;
    lines.forEach((line, index) =>
      this.items.push({ kind: 'line', text: index === 0 ? prefix + line : line, paragraph: this.paragraphs }),
    );
  }

  private list(list: HTMLElement, depth: number): void {
    const ordered = tag(list) === 'ol';
    let index = 0;
    for (const child of list.childNodes) {
      if (tag(child) !== 'li') continue;
      const item = child as HTMLElement;
      if (NOTE.test(item.getAttribute('id') ?? '')) continue;
      index += 1;
      const own = item.childNodes.filter((node) => !LIST.has(tag(node)) && tag(node) !== 'table');
      // mammoth puts an item's text inline; a footnote-like item may wrap it in <p>.
      const paragraphs = own.some((node) => tag(node) === 'p');
      if (paragraphs) {
        let first = true;
        for (const node of own) {
          if (tag(node) !== 'p') continue;
          this.paragraph((node as HTMLElement).childNodes, first ? listMarker(ordered, depth, index) : '');
          first = false;
        }
      } else {
        this.paragraph(own, listMarker(ordered, depth, index));
      }
      for (const node of item.childNodes) {
        if (LIST.has(tag(node))) this.list(node as HTMLElement, depth + 1);
        else if (tag(node) === 'table') this.items.push({ kind: 'table', grid: this.table(node as HTMLElement) });
      }
    }
  }

  /** The rows of a table (not of the tables nested in it), merged cells expanded. */
  private table(table: HTMLElement): GridCell[][] {
    const rows: HTMLElement[] = [];
    const collect = (element: HTMLElement) => {
      for (const child of element.childNodes) {
        const name = tag(child);
        if (name === 'tr') rows.push(child as HTMLElement);
        else if (name === 'thead' || name === 'tbody' || name === 'tfoot') collect(child as HTMLElement);
      }
    };
    collect(table);

    const grid: GridCell[][] = rows.map(() => []);
    const budget = this.budget;
    rows.forEach((row, r) => {
      let c = 0;
      for (const child of row.childNodes) {
        const name = tag(child);
        if (name !== 'td' && name !== 'th') continue;
        const cell = child as HTMLElement;
        while (grid[r][c]) c += 1;
        const text = cellText(cell, budget);
        const colspan = span(cell.getAttribute('colspan'));
        const rowspan = Math.min(span(cell.getAttribute('rowspan')), rows.length - r);
        budget.take(colspan * rowspan);
        for (let dr = 0; dr < rowspan; dr += 1) {
          for (let dc = 0; dc < colspan; dc += 1) {
            grid[r + dr][c + dc] = { text, merged: dr > 0 || dc > 0 };
          }
        }
        c += colspan;
      }
    });
    const width = grid.reduce((widest, row) => Math.max(widest, row.length), 0);
    // Short rows are filled out to the table's width.
    budget.take(grid.reduce((missing, row) => missing + width - row.length, 0));
    return grid.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? { text: '', merged: false }));
  }
}

function span(value: string | undefined): number {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 1 ? Math.min(n, 1000) : 1;
}

/**
 * A cell's text: its paragraphs (and list items, with their numbers) joined by "\n". A table nested in the cell
 * adds one line per row, the row's cells separated by a space.
 */
function cellText(cell: HTMLElement, budget: CellBudget): string {
  const walker = new Walker(budget);
  walker.walk(cell.childNodes);
  const lines: string[] = [];
  for (const item of walker.items) {
    if (item.kind === 'line') lines.push(item.text);
    else
      for (const row of item.grid) {
        const line = row
          .filter((c) => !c.merged && c.text)
          .map((c) => c.text.replace(/\n/g, ' '))
          .join(' ');
        if (line) lines.push(line);
      }
  }
  return lines.join('\n');
}

/** mammoth's HTML of the document; throws when the package is not a Word document it can read. */
export async function docxHtml(bytes: Buffer): Promise<string> {
  const { value } = await mammoth.convertToHtml(
    { buffer: bytes },
    // Images are left out: an empty source instead of every picture base64-encoded into the HTML.
    { convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
  );
  return value;
}

/** Throws TooManyCells when the tables would expand beyond the limit. */
export function docxBlocks(html: string): SourceBlock[] {
  const walker = new Walker(new CellBudget());
  walker.walk(parse(html).childNodes);

  const blocks: SourceBlock[] = [];
  let tables = 0;
  for (const item of walker.items) {
    if (item.kind === 'line') {
      blocks.push({ kind: 'paragraph', text: item.text, where: `第${item.paragraph}段` });
      continue;
    }
    // Counted as Word shows them, empty ones too, so "表格3" is the document's third table.
    tables += 1;
    if (!item.grid.some((row) => row.some((cell) => cell.text))) continue;
    const table: SourceTable = {
      kind: 'table',
      where: `表格${tables}`,
      rows: item.grid.map((row, r) =>
        row.map((cell, c): SourceCell => {
          const source: SourceCell = { text: cell.text, where: `表格${tables} 第${r + 1}行第${c + 1}列` };
          if (cell.merged) source.merged = true;
          return source;
        }),
      ),
    };
    blocks.push(table);
  }
  return blocks;
}
