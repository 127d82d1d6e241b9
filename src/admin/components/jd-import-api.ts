// The import page's requests to /api/job-descriptions: the document (a file, or pasted text) as multipart form data
// with the session it is signed in with; a refusal comes back in the API's own Chinese words.
import type { ImportOutcome, ImportPreview } from '../../seed/jd/preview.js';

export type { ImportOutcome };
export type Preview = ImportPreview;

/** What IT gave the page: one file, or pasted text with an optional name. */
export type Source = { kind: 'file'; file: File } | { kind: 'text'; text: string; name: string };

export type Answer<T> = { ok: true; body: T } | { ok: false; status: number; message: string };

export const MAX_BYTES = 5 * 1024 * 1024;
export const ACCEPT = '.docx,.xlsx,.txt,.md';
const EXTENSIONS = ['.docx', '.xlsx', '.txt', '.md'];

/** A file the API would refuse anyway, said before it is sent; null when it may go. */
export function fileProblem(file: File): string | null {
  const lower = file.name.toLowerCase();
  if (!EXTENSIONS.some((ext) => lower.endsWith(ext)))
    return `文件「${file.name}」的类型不支持：请选择 Word 文档（.docx）、Excel 表格（.xlsx）或文本文件（.txt、.md）`;
  if (file.size > MAX_BYTES) return `文件「${file.name}」超过 5 MB，无法导入`;
  if (file.size === 0) return `文件「${file.name}」是空的`;
  return null;
}

function formOf(source: Source, extra: Record<string, string>): FormData {
  const form = new FormData();
  if (source.kind === 'file') form.append('file', source.file, source.file.name);
  else {
    form.append('text', source.text);
    if (source.name.trim()) form.append('name', source.name.trim());
  }
  for (const [key, value] of Object.entries(extra)) form.append(key, value);
  return form;
}

const FALLBACK: Record<number, string> = {
  401: '登录已失效，请重新登录后再试',
  403: '没有权限导入岗位职务说明书',
  409: '文件或系统中的岗位在预览之后有了变化，请重新预览',
  413: '文件超过 5 MB，无法导入',
};

async function post<T>(path: 'preview' | 'import', form: FormData): Promise<Answer<T>> {
  let response: Response;
  try {
    response = await fetch(`/api/job-descriptions/${path}`, { method: 'POST', body: form, credentials: 'same-origin' });
  } catch {
    return { ok: false, status: 0, message: '无法连接服务器，请检查网络后再试；没有写入任何内容' };
  }
  const body = (await response.json().catch(() => null)) as { error?: string; message?: string } | null;
  if (response.ok && body) return { ok: true, body: body as T };
  const status = response.status;
  // A signed-out session is told to sign in again, whatever the body says.
  const message =
    status === 401
      ? FALLBACK[401]
      : (body?.error ??
        body?.message ??
        FALLBACK[status] ??
        '服务器出错，没有写入任何内容；请稍后再试或联系系统管理员');
  return { ok: false, status, message };
}

export const previewImport = (source: Source) => post<Preview>('preview', formOf(source, {}));

export const confirmImport = (source: Source, digest: string, supervisors: Record<string, number | null>) =>
  post<ImportOutcome>('import', formOf(source, { digest, supervisors: JSON.stringify(supervisors) }));

/** Whether the rules let this person do `action` (the same decision the admin makes); false when unsure. */
export async function mayDo(action: string): Promise<boolean> {
  try {
    const response = await fetch(`/api/authority/decide?${new URLSearchParams({ action })}`, {
      credentials: 'same-origin',
    });
    return response.ok && ((await response.json()) as { allowed?: boolean }).allowed === true;
  } catch {
    return false;
  }
}
