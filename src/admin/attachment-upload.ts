// The attachment of a record's new/edit form: the handler around the built-in one checks and stores the uploaded
// file, writes its fields into the payload, and keeps the disk in step with what was saved.
import fs from 'node:fs/promises';
import {
  ACTIONS,
  ValidationError,
  type ActionContext,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
  type After,
  type PropertyOptions,
} from 'adminjs';
import { ATTACHMENT_NOT_UPLOADED, ReceivedFile, removeAttachment, storeAttachment } from '../domain/attachments.js';
import { toAdminError } from './use-case.js';
import { Components } from './components/index.js';

const refuseText = (field: string) =>
  new ValidationError(
    { [field]: { message: ATTACHMENT_NOT_UPLOADED, type: 'attachment' } },
    { message: ATTACHMENT_NOT_UPLOADED, type: 'validation' },
  );

/**
 * Before hook, first of its form: the attachment field holds a file this request uploaded, or nothing (a form that
 * cleared its file input sends null). A path, a name or a JSON object sent as text is refused — before the payload
 * limit would quietly drop its sub-keys.
 */
export function attachmentIsUploaded(field: string) {
  return async (request: ActionRequest) => {
    for (const [key, value] of Object.entries(request.payload ?? {})) {
      if (
        key.startsWith(`${field}.`) ||
        (key === field && !(value instanceof ReceivedFile) && value !== '' && value !== null && value !== undefined)
      )
        throw refuseText(field);
    }
    return request;
  };
}

/**
 * The payload with the file sent in `field` checked and stored, and replaced by attachmentPath/Name/Size/Mime
 * (anything else sent in `field` is dropped); `stored` is the new file's path, if one was stored. A refused file
 * is a field error and nothing is written.
 */
async function storeUpload(
  payload: Record<string, unknown>,
  field: string,
): Promise<{ payload: Record<string, unknown>; stored: string | null }> {
  // attachmentIsUploaded, first of the form's hooks, has refused anything in `field` that is not an uploaded file.
  const { [field]: sent, ...rest } = payload;
  const file = sent instanceof ReceivedFile ? sent : null;
  if (!file) return { payload: rest, stored: null };
  // An empty file input still sends a part with no name and no content.
  if (file.name === '' && file.size === 0) {
    await fs.rm(file.path, { force: true });
    return { payload: rest, stored: null };
  }
  try {
    const stored = await storeAttachment(file, field);
    return { payload: { ...rest, ...stored }, stored: stored.attachmentPath };
  } catch (error) {
    throw toAdminError(error);
  }
}

const savedRecord = (response: ActionResponse | undefined) => {
  const record = response?.record as { id?: unknown; errors?: Record<string, unknown> } | undefined;
  return Boolean(record?.id) && Object.keys(record?.errors ?? {}).length === 0;
};

/**
 * The built-in new or edit, after its before hooks (the payload limit must let `field` through), with the file
 * of `field` stored and the disk kept in step: a record that was not saved (invalid or failed) leaves no stored
 * file behind; a saved edit that replaced the file removes the old one.
 */
export function keepingAttachment(actionName: 'new' | 'edit', field = 'attachment'): ActionHandler<ActionResponse> {
  const builtIn = ACTIONS[actionName].handler as ActionHandler<ActionResponse>;
  return async (request: ActionRequest, response, context: ActionContext) => {
    if (request.method !== 'post' || !request.payload) return builtIn(request, response, context);
    const { payload, stored } = await storeUpload(request.payload, field);
    const previous = context.record?.params?.attachmentPath;
    let result: ActionResponse;
    try {
      result = await builtIn({ ...request, payload }, response, context);
    } catch (error) {
      await removeAttachment(stored);
      throw error;
    }
    if (stored && !savedRecord(result)) await removeAttachment(stored);
    else if (stored && typeof previous === 'string' && previous !== '' && previous !== stored)
      await removeAttachment(previous);
    return result;
  };
}

/** After hook for delete/bulkDelete: the deleted records' files go with them. */
export const removeDeletedAttachments: After<ActionResponse> = async (response, request, context) => {
  if (request.method !== 'post' || (response as { notice?: { type?: string } }).notice?.type !== 'success')
    return response;
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
