// An Excel workbook (.xlsx) into source blocks: one table per visible worksheet that holds any text, trimmed to the
// rows and columns that do, merged ranges expanded (the covered cells repeat the first cell's text, marked merged).
// Cells say where they are as Excel does: "工作表「岗位」B4".
import ExcelJS from 'exceljs';
import { CellBudget } from './read-limits.js';
import { trimLine } from './read-text.js';
import type { SourceBlock, SourceCell } from './source.js';

function columnLetters(column: number): string {
  let letters = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A date as a person writes it (exceljs's own text is JavaScript's "Fri Jan 05 2024 00:00:00 GMT…"). */
function dateText(date: Date): string {
  const day = `${date.getUTCFullYear()}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;
  const seconds = date.getUTCHours() * 3600 + date.getUTCMinutes() * 60 + date.getUTCSeconds();
  return seconds ? `${day} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}` : day;
}

/** The text a cell shows: rich text joined, a formula's result, a date as a date; line breaks kept as "\n". */
function cellText(cell: ExcelJS.Cell): string {
  const value = cell.type === ExcelJS.ValueType.Formula ? cell.result : cell.value;
  const text = value instanceof Date ? dateText(value) : cell.text;
  return trimLine((text ?? '').replace(/\r\n?/g, '\n'));
}

/** The workbook; throws when the package is not a workbook exceljs can read. */
export async function loadWorkbook(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  // exceljs's types name an older Buffer; the bytes are what it reads.
  await workbook.xlsx.load(bytes as unknown as ExcelJS.Buffer);
  return workbook;
}

/** Throws TooManyCells when the sheets' tables would expand beyond the limit. */
export function xlsxBlocks(workbook: ExcelJS.Workbook): SourceBlock[] {
  const budget = new CellBudget();
  const blocks: SourceBlock[] = [];
  for (const sheet of workbook.worksheets) {
    if (sheet.state === 'hidden' || sheet.state === 'veryHidden') continue;
    const name = sheet.name;
    // Only the cells that hold text: row → column → cell. Merged cells take the text of their range's first cell.
    const texts = new Map<number, Map<number, { text: string; merged: boolean }>>();
    let first = Infinity;
    let last = 0;
    sheet.eachRow({ includeEmpty: false }, (row, r) => {
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const merged = cell.isMerged && cell.master.address !== cell.address;
        const text = cellText(merged ? cell.master : cell);
        if (!text) return;
        if (!texts.has(r)) texts.set(r, new Map());
        texts.get(r)!.set(c, { text, merged });
        first = Math.min(first, c);
        last = Math.max(last, c);
      });
    });
    if (!texts.size) continue;

    const rowNumbers = [...texts.keys()].sort((a, b) => a - b);
    budget.take(rowNumbers.length * (last - first + 1));
    const rows = rowNumbers.map((r) => {
      const cells = texts.get(r)!;
      const row: SourceCell[] = [];
      for (let c = first; c <= last; c += 1) {
        const found = cells.get(c);
        const cell: SourceCell = { text: found?.text ?? '', where: `工作表「${name}」${columnLetters(c)}${r}` };
        if (found?.merged) cell.merged = true;
        row.push(cell);
      }
      return row;
    });
    blocks.push({ kind: 'table', rows, where: `工作表「${name}」` });
  }
  return blocks;
}
