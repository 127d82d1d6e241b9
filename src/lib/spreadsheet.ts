// .xlsx workbooks for the office's exports (the authority matrix, the reports), written with exceljs:
// a bold, frozen header row, column widths, wrapped text, and cell fills for what a row or cell means.
import ExcelJS from 'exceljs';

export interface SheetColumn {
  header: string;
  /** Width in characters. */
  width?: number;
}

export interface SheetCell {
  value: string | number | null;
  /** Background colour as RRGGBB. */
  fill?: string;
  bold?: boolean;
  /** Excel number format: '0.00' for yuan, '0.0%' for a rate. */
  numFmt?: string;
}

export interface Sheet {
  name: string;
  title?: string;
  columns: SheetColumn[];
  rows: (SheetCell | string | number | null)[][];
  /** Print on A4 landscape, fitted to the page width. */
  landscape?: boolean;
}

const cellOf = (cell: SheetCell | string | number | null): SheetCell =>
  cell !== null && typeof cell === 'object' ? cell : { value: cell };

export async function workbook(sheets: readonly Sheet[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.created = new Date();
  for (const sheet of sheets) {
    const ws = book.addWorksheet(sheet.name.slice(0, 31), {
      pageSetup: {
        paperSize: 9, // A4
        orientation: sheet.landscape ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
      },
    });
    let first = 1;
    if (sheet.title) {
      ws.addRow([sheet.title]).font = { bold: true, size: 14 };
      first = 2;
    }
    const header = ws.addRow(sheet.columns.map((column) => column.header));
    header.font = { bold: true };
    header.alignment = { vertical: 'middle', wrapText: true };
    sheet.columns.forEach((column, i) => (ws.getColumn(i + 1).width = column.width ?? 14));
    ws.views = [{ state: 'frozen', xSplit: 1, ySplit: first }];
    ws.pageSetup.printTitlesRow = `${first}:${first}`;
    for (const cells of sheet.rows) {
      const row = ws.addRow(cells.map((cell) => cellOf(cell).value));
      row.alignment = { vertical: 'top', wrapText: true };
      cells.forEach((cell, i) => {
        const { fill, bold, numFmt } = cellOf(cell);
        const target = row.getCell(i + 1);
        if (fill) target.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${fill}` } };
        if (bold) target.font = { bold: true };
        if (numFmt) target.numFmt = numFmt;
      });
    }
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}
