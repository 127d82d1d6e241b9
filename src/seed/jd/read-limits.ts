// How much a read document may hold once its tables are expanded. Merged cells and ragged rows expand to full
// width, so a few kilobytes ("A1" and "XFD1000" in a sheet, a Markdown row of a million pipes) could ask for
// millions of cells; a job description has a few hundred.
export const MAX_TABLE_CELLS = 200_000;

/** Thrown by a reader when the document's tables would hold more than MAX_TABLE_CELLS cells. */
export class TooManyCells extends Error {
  constructor() {
    super(`more than ${MAX_TABLE_CELLS} table cells`);
  }
}

/** Counts the cells of the tables a reader builds, throwing before the limit is passed. */
export class CellBudget {
  private used = 0;

  take(cells: number): void {
    this.used += cells;
    if (this.used > MAX_TABLE_CELLS) throw new TooManyCells();
  }
}
