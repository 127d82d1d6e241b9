// The print pages' HTML: every value escaped, one served stylesheet (no inline style or script, so the CSP stays as
// strict as the rest of the app's), a 打印 button that the print stylesheet hides.
import { formatFen } from '../../lib/money.js';
import { chineseAmount } from '../../lib/chinese-amount.js';

/** The office's name, as the admin's branding names it. */
export const OFFICE_NAME = '客户中心 · 翠湖花园物业管理处';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text as HTML: a payer called `<script>` prints as the letters, never as markup. */
export function escapeHtml(value: unknown): string {
  if (value === null || value === undefined) return '';
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** A fragment of HTML already escaped; html`` escapes every value put into it that is not one. */
export class Html {
  constructor(readonly text: string) {}
  toString() {
    return this.text;
  }
}

const fragment = (value: unknown): string => {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(fragment).join('');
  return escapeHtml(value);
};

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0];
  values.forEach((value, i) => {
    out += fragment(value) + strings[i + 1];
  });
  return new Html(out);
}

/** ¥1,234.56 */
export const yuan = (fen: number) => formatFen(fen);
/** 人民币壹仟贰佰叁拾肆元伍角陆分 */
export const capitals = (fen: number) => `人民币${chineseAmount(fen)}`;

/** 'YYYY-MM-DD HH:mm' of a moment in Asia/Shanghai (UTC+8 all year). */
export function shanghaiMinute(at: Date | string | null | undefined): string {
  if (!at) return '';
  const time = new Date(at).getTime();
  if (Number.isNaN(time)) return '';
  return new Date(time + 8 * 3_600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/** A label and its value, as the forms print them: 交款人：王建国. */
export const field = (label: string, value: unknown, wide = false) =>
  html`<div class="field${wide ? ' wide' : ''}">
    <span class="label">${label}</span><span class="value">${value ?? ''}</span>
  </div>`;

export const signatures = (...labels: string[]) =>
  html`<div class="signatures">
    ${labels.map((label) => html`<div class="signature"><span class="label">${label}</span><span class="line"></span></div>`)}
  </div>`;

/**
 * A whole print page. `paper` names the @page rule of print.css the document prints on (A5 landscape for a
 * receipt, A4 portrait for a report or a work order).
 */
export function page(options: {
  title: string;
  paper: 'a5-landscape' | 'a4-portrait';
  body: Html;
  watermark?: string;
}): string {
  const { title, paper, body, watermark } = options;
  return `<!doctype html>${
    html`<html lang="zh-CN" class="paper-${paper}">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${title} · ${OFFICE_NAME}</title>
        <link rel="stylesheet" href="/assets/print.css" />
        <script src="/assets/print.js" defer></script>
      </head>
      <body>
        <nav class="toolbar">
          <button type="button" id="print-button">打印</button
          ><span class="hint"
            >打印时请选择${paper === 'a5-landscape' ? 'A5 横向' : 'A4 纵向'}纸张；也可在打印对话框中另存为 PDF。</span
          >
        </nav>
        <main class="sheet${watermark ? ' voided' : ''}">
          ${watermark ? html`<div class="watermark" aria-hidden="true">${watermark}</div>` : ''} ${body}
        </main>
      </body>
    </html>`.text
  }`;
}

/** A short page for a refusal (401, 403, 404): the reason in words, and the way back. */
export function messagePage(title: string, message: string): string {
  return `<!doctype html>${
    html`<html lang="zh-CN" class="paper-a4-portrait">
      <head>
        <meta charset="utf-8" />
        <title>${title} · ${OFFICE_NAME}</title>
        <link rel="stylesheet" href="/assets/print.css" />
      </head>
      <body>
        <main class="sheet message">
          <h1>${title}</h1>
          <p>${message}</p>
          <p><a href="/admin">返回${OFFICE_NAME}</a></p>
        </main>
      </body>
    </html>`.text
  }`;
}
