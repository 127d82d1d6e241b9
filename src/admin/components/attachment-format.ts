// Shared by the attachment components (bundled for the browser: no server modules here).
import { ViewHelpers } from 'adminjs';

/** 1023 → "1023 B", 2048 → "2.0 KB", 3.5 MB → "3.5 MB". */
export function formatBytes(value: unknown): string {
  const bytes = Number(value);
  if (value === null || value === undefined || value === '' || !Number.isFinite(bytes) || bytes < 0) return '';
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** Where the server streams a record's attachment (under the admin's root path). */
export function attachmentUrl(resourceId: string, recordId: string | number): string {
  return new ViewHelpers().urlBuilder(['attachments', resourceId, String(recordId)]);
}

export const ATTACHMENT_ACCEPT = '.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.jpg,.jpeg,.png,.txt,.zip';
export const ATTACHMENT_HINT = 'PDF、Word、Excel、PowerPoint、JPG/PNG 图片、TXT 或 ZIP，不超过 20 MB';
