// A job-description document as read from its file, before any layout is recognised: paragraphs and tables in
// document order, each saying where it is in the file (for messages: "第12行", "表格2 第3行第1列", "工作表「岗位」B4").
// read.ts makes these from .docx, .xlsx, .txt, .md and pasted text; parse.ts finds the positions in them.

export interface SourceParagraph {
  kind: 'paragraph';
  /** One line of text (a .txt line, a Word paragraph, a heading); never holds "\n". */
  text: string;
  where: string;
}

export interface SourceCell {
  /** The cell's text; its paragraphs joined by "\n". */
  text: string;
  where: string;
  /**
   * True for the cells a merged cell covers beyond its first: they repeat the first cell's text, so a layout can
   * tell "the label on the left spans these rows" from a repeated value.
   */
  merged?: boolean;
}

export interface SourceTable {
  kind: 'table';
  /** Rows of cells, merged cells expanded so every row has its full width. */
  rows: SourceCell[][];
  where: string;
}

export type SourceBlock = SourceParagraph | SourceTable;

export type SourceFormat = 'docx' | 'xlsx' | 'txt' | 'md' | 'text';

export interface SourceDocument {
  /** The file's name as uploaded (or "粘贴的文本"); every message names it. */
  fileName: string;
  format: SourceFormat;
  blocks: SourceBlock[];
}

/** The largest file an import reads. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
