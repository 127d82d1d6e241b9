// Built-in actions whose work is a domain use case: the admin only translates the outcome for AdminJS.
import {
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type ActionContext,
  type ActionHandler,
  type ActionRequest,
  type ActionResponse,
  type RecordActionResponse,
} from 'adminjs';
import {
  ValidationError as ModelValidationError,
  type Model,
  type ValidationErrorItem as ModelValidationErrorItem,
} from 'sequelize';
import { fieldLabel } from './locale/index.js';
import { AppError, ForbiddenByRule, NotFound, ValidationFailed } from '../errors.js';
import type { Actor } from '../rules/actor.js';
import { actorOf, decideFor } from './access.js';
import { Components } from './components/index.js';

/** A model's message about a field, with the field's name in front when it does not say it already. */
function namedMessage(item: ModelValidationErrorItem): string {
  const resource = (item.instance?.constructor as { name?: string } | undefined)?.name;
  const label = resource && item.path ? fieldLabel(resource, item.path) : (item.path ?? '');
  return item.message.startsWith(label) ? item.message : `${label}${item.message}`;
}

/** Domain errors become the AdminJS errors its UI shows on the form or as a notice. */
export function toAdminError(error: unknown): unknown {
  if (error instanceof ForbiddenByRule) return new ForbiddenError(error.message);
  if (error instanceof NotFound) return new NotFoundError(error.message, 'use case');
  if (error instanceof ValidationFailed) {
    const fields = Object.fromEntries(
      Object.entries(error.details).map(([field, message]) => [field, { message, type: 'validation' }]),
    );
    return new ValidationError(fields, { message: error.message, type: 'validation' });
  }
  if (error instanceof AppError) return new ValidationError({}, { message: error.message, type: error.code });
  // A value the model refuses (too long, wrong type …), reached through a use case's input: a form error, not a 500.
  if (error instanceof ModelValidationError) {
    const fields = Object.fromEntries(
      error.errors
        .filter((item) => item.path)
        .map((item) => [item.path, { message: item.message, type: 'validation' }]),
    );
    const message = error.errors.map(namedMessage).join('；') || '输入有误，请按提示修改';
    return new ValidationError(fields, { message, type: 'validation' });
  }
  return error;
}

/**
 * A use case's inputs are single values; an object or list (a JSON body's sub-keys, AdminJS's empty-object marker)
 * is refused on its field rather than read as the text "[object Object]".
 */
export function singleValues(payload: Record<string, unknown> | undefined): Record<string, unknown> {
  const input = payload ?? {};
  for (const [field, value] of Object.entries(input)) {
    if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
      throw new ValidationError(
        { [field.split('.')[0]]: { message: '格式不正确', type: 'type' } },
        { message: '输入有误，请按提示修改', type: 'validation' },
      );
    }
  }
  return input;
}

/** A `new` action performed by `create(actor, payload)`; shows the created record with `notice(row)`. */
export function createThrough<T extends Model>(
  create: (actor: Actor | null, payload: Record<string, unknown>) => Promise<T>,
  notice: (row: T) => string,
): ActionHandler<RecordActionResponse> {
  const handler = async (request: ActionRequest, _response: unknown, context: ActionContext) => {
    if (request.method !== 'post') throw new Error('new action can be invoked only via `post` http method');
    const { resource, h, currentAdmin } = context;
    let row: T;
    try {
      row = await create(actorOf(currentAdmin), singleValues(request.payload));
    } catch (error) {
      throw toAdminError(error);
    }
    const id = String(row.get('id'));
    const record = await resource.findOne(id, context);
    return {
      redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: id, actionName: 'show' }),
      notice: { message: notice(row), type: 'success' },
      record: record!.toJSON(currentAdmin),
    };
  };
  // The use case writes its own audit line (admin/access.ts audits the plain built-in forms).
  return Object.assign(handler, { auditsItself: true });
}

/**
 * A workflow action on one record, performed by `perform(actor, id, payload)`. Only POST performs it: AdminJS
 * fetches an action with a GET when its page or form opens (and a reload repeats it), so a GET just shows the
 * record and its form.
 */
export function performThrough<T extends Model>(
  perform: (actor: Actor | null, id: number, payload: Record<string, unknown>) => Promise<T>,
  notice: (row: T) => string,
): ActionHandler<RecordActionResponse> {
  return async (request: ActionRequest, _response: unknown, context: ActionContext) => {
    const { resource, record, h, currentAdmin } = context;
    if (!record) throw new NotFoundError('记录不存在', 'use case');
    if (request.method !== 'post') return { record: record.toJSON(currentAdmin) };
    let row: T;
    try {
      row = await perform(actorOf(currentAdmin), Number(record.id()), singleValues(request.payload));
    } catch (error) {
      throw toAdminError(error);
    }
    const fresh = await resource.findOne(String(record.id()), context);
    return {
      redirectUrl: h.recordActionUrl({ resourceId: resource.id(), recordId: String(record.id()), actionName: 'show' }),
      notice: { message: notice(row), type: 'success' },
      record: fresh!.toJSON(currentAdmin),
    };
  };
}

/** One input of a workflow action's form; `reference` offers the titles of another resource, `prefill` starts from the record's value. */
export interface FormField {
  name: string;
  label: string;
  type: 'money' | 'text' | 'textarea' | 'select' | 'reference';
  options?: { value: string; label: string }[];
  reference?: string;
  prefill?: boolean;
  placeholder?: string;
  hint?: string;
  /**
   * A reference whose choices depend on other inputs of the form: filter path of the referenced list → the input
   * whose value it takes, e.g. `{ departmentId: 'departmentId' }` offers only the chosen department's staff.
   */
  dependsOn?: Record<string, string>;
  /** Fixed filters of a reference's choices, e.g. `{ enabled: 'true' }`. */
  filters?: Record<string, string>;
  /** Said when the inputs it depends on are not chosen yet, e.g. 先选择处理部门. */
  waitText?: string;
  /** Said when a reference has no choices, e.g. 该部门还没有员工. */
  emptyText?: string;
}

export interface WorkflowActionOptions<T extends Model = Model> {
  /** The notice after success, e.g. "已发布", or made from the record the step left. */
  done: string | ((row: T) => string);
  icon: string;
  variant?: 'default' | 'primary' | 'danger' | 'success' | 'info';
  fields?: FormField[];
  confirm?: string;
  submit: string;
}

/** A record action performed by a use case, opened as a small form (RecordActionForm). */
export function workflowAction<T extends Model>(
  perform: (actor: Actor | null, id: number, payload: Record<string, unknown>) => Promise<T>,
  options: WorkflowActionOptions<T>,
) {
  const { done } = options;
  return {
    actionType: 'record' as const,
    icon: options.icon,
    variant: options.variant,
    component: Components.RecordActionForm,
    handler: performThrough(perform, (row) => (typeof done === 'function' ? done(row) : done)),
    custom: { fields: options.fields ?? [], confirm: options.confirm, submit: options.submit },
  };
}

/**
 * An action on a whole resource (no record), e.g. the monthly billing run, performed by `run(actor, payload)`
 * and opened as the same small form. Only POST performs it; its notice is the message `run` returns.
 */
export function resourceWorkflowAction(
  run: (actor: Actor | null, payload: Record<string, unknown>) => Promise<string>,
  options: Omit<WorkflowActionOptions, 'done'>,
) {
  return {
    actionType: 'resource' as const,
    icon: options.icon,
    variant: options.variant,
    component: Components.RecordActionForm,
    handler: (async (request: ActionRequest, _response: unknown, context: ActionContext) => {
      const { resource, h, currentAdmin } = context;
      if (request.method !== 'post') return {};
      let message: string;
      try {
        message = await run(actorOf(currentAdmin), singleValues(request.payload));
      } catch (error) {
        throw toAdminError(error);
      }
      // Back to the list when the person may read it (the billing run); else stay on the form (the administrator's restore).
      const listed = decideFor(currentAdmin, `${resource.id()}.list`).allowed;
      const redirectUrl = listed
        ? h.resourceUrl({ resourceId: resource.id() })
        : h.resourceActionUrl({ resourceId: resource.id(), actionName: request.params.action });
      return { redirectUrl, notice: { message, type: 'success' } };
    }) as ActionHandler<ActionResponse>,
    custom: { fields: options.fields ?? [], confirm: options.confirm, submit: options.submit },
  };
}
