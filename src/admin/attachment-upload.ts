// The attachment of a record's new/edit form: the before hook checks and stores the uploaded file and writes its
// fields into the payload; the handler around the built-in one keeps the disk in step with what was saved.
import fs from 'node:fs/promises';
import { ACTIONS, type ActionContext, type ActionHandler, type ActionRequest, type ActionResponse, type After, type PropertyOptions } from 'adminjs';
import { removeAttachment, storeAttachment, type UploadedFile } from '../domain/attachments.js';
import { toAdminError } from './use-case.js';
import { Components } from './components/index.js';

/** Per request: the file stored by the before hook, and the one it replaces on an edit. */
const pending = new WeakMap<ActionContext, { stored: string; replaced: string | null }>();

/** A file the multipart parser saved (an object with its temporary path), not a text field. */
function uploadedFile(value: unknown): UploadedFile | null {
  if (!value || typeof value !== 'object') return null;
  const file = value as { path?: unknown; name?: unknown; size?: unknown };
  if (typeof file.path !== 'string' || typeof file.size !== 'number') return null;
  return { path: file.path, name: typeof file.name === 'string' ? file.name : '', size: file.size };
}

/**
 * Before hook for new/edit, after the payload is limited (which must let `field` through): a file in `field` is
 * checked and stored, and replaced in the payload by attachmentPath/Name/Size/Mime. Anything else sent in
 * `field` is dropped. A refused file is a field error and nothing is written.
 */
export function attachmentUpload(field = 'attachment') {
  return async (request: ActionRequest, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return request;
    const { [field]: sent, ...payload } = request.payload;
    const file = uploadedFile(sent);
    if (!file) return { ...request, payload };
    // An empty file input still sends a part with no name and no content.
    if (file.name === '' && file.size === 0) {
      await fs.rm(file.path, { force: true });
      return { ...request, payload };
    }
    let stored;
    try {
      stored = await storeAttachment(file, field);
    } catch (error) {
      throw toAdminError(error);
    }
    const previous = context.record?.params?.attachmentPath;
    pending.set(context, { stored: stored.attachmentPath, replaced: typeof previous === 'string' && previous !== '' ? previous : null });
    return { ...request, payload: { ...payload, ...stored } };
  };
}

const savedRecord = (response: ActionResponse | undefined) => {
  const record = response?.record as { id?: unknown; errors?: Record<string, unknown> } | undefined;
  return Boolean(record?.id) && Object.keys(record?.errors ?? {}).length === 0;
};

/**
 * The built-in new or edit with the attachment kept in step: a record that was not saved (invalid or failed)
 * leaves no stored file behind; a saved edit that replaced the file removes the old one.
 */
export function keepingAttachment(actionName: 'new' | 'edit'): ActionHandler<ActionResponse> {
  const builtIn = ACTIONS[actionName].handler as ActionHandler<ActionResponse>;
  return async (request, response, context) => {
    let result: ActionResponse;
    try {
      result = await builtIn(request, response, context);
    } catch (error) {
      await removeAttachment(pending.get(context)?.stored);
      throw error;
    }
    const upload = pending.get(context);
    if (upload) {
      if (!savedRecord(result)) await removeAttachment(upload.stored);
      else if (upload.replaced && upload.replaced !== upload.stored) await removeAttachment(upload.replaced);
    }
    return result;
  };
}

/** After hook for delete/bulkDelete: the deleted records' files go with them. */
export const removeDeletedAttachments: After<ActionResponse> = async (response, request, context) => {
  if (request.method !== 'post' || (response as { notice?: { type?: string } }).notice?.type !== 'success') return response;
  for (const record of [context.record, ...(context.records ?? [])]) {
    const stored = record?.params?.attachmentPath;
    if (typeof stored === 'string') await removeAttachment(stored);
  }
  return response;
};

/** The `attachment` form field (not a column): a file picker on the forms, a download link on the show page, a paperclip in the list. */
export function attachmentProperty(): PropertyOptions {
  return {
    isSortable: false,
    components: { edit: Components.AttachmentEdit, show: Components.AttachmentShow, list: Components.AttachmentList },
  };
}
