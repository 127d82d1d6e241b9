import { ValidationError, type ActionRequest, type RecordActionResponse, type ResourceWithOptions } from 'adminjs';
import { authorityCoverage } from '../../domain/authority-coverage.js';
import { Department, Position, PositionClause, Staff } from '../../models/index.js';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { navigation } from '../navigation.js';
import { readOnly } from '../properties.js';
import { Components } from '../components/index.js';

/** Turns the form's plain `password` into `passwordHash`; required for a new account, optional on edit. */
function hashPasswordField(required: boolean) {
  return async (request: ActionRequest) => {
    if (request.method !== 'post' || !request.payload) return request;
    const { password, ...payload } = request.payload as Record<string, unknown>;
    delete payload.passwordHash;
    if (password === undefined || password === '') {
      if (required) throw new ValidationError({ password: { message: '新账号必须设置密码' } }, { message: '请设置密码' });
      return { ...request, payload };
    }
    const problem = passwordProblem(String(password));
    if (problem) throw new ValidationError({ password: { message: problem } }, { message: problem });
    return { ...request, payload: { ...payload, passwordHash: await hashPassword(String(password)) } };
  };
}

/** The Position screen shows each 职权 with the rules implementing it (computed, not stored). */
async function withAuthorityCoverage(response: RecordActionResponse): Promise<RecordActionResponse> {
  if (response.record?.id) {
    response.record.params.authorityCoverage = JSON.stringify(await authorityCoverage(Number(response.record.id)));
  }
  return response;
}

export const organisationResources: ResourceWithOptions[] = [
  {
    resource: Department,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'supervisorId', 'description'],
      editProperties: ['name', 'supervisorId', 'description'],
      properties: { name: { isTitle: true }, description: { type: 'textarea' } },
    },
  },
  {
    resource: Position,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'departmentId', 'supervisorText', 'supervisorPositionId', 'grade', 'source'],
      filterProperties: ['name', 'departmentId'],
      showProperties: ['name', 'departmentId', 'departmentText', 'grade', 'supervisorText', 'supervisorPositionId', 'source', 'clauses', 'authorityCoverage'],
      editProperties: ['name', 'code', 'departmentId', 'departmentText', 'grade', 'supervisorText', 'supervisorPositionId'],
      properties: {
        name: { isTitle: true },
        clauses: { type: 'string', isVisible: { show: true, list: false, edit: false, filter: false }, components: { show: Components.PositionClauses } },
        authorityCoverage: { type: 'string', isVisible: { show: true, list: false, edit: false, filter: false }, components: { show: Components.AuthorityCoverage } },
      },
      actions: { show: { after: [withAuthorityCoverage] } },
    },
  },
  {
    resource: PositionClause,
    options: {
      navigation: navigation.organisation,
      listProperties: ['positionId', 'kind', 'number', 'text'],
      filterProperties: ['positionId', 'kind'],
      editProperties: ['positionId', 'kind', 'number', 'text'],
      properties: { text: { type: 'textarea', isTitle: true } },
      sort: { sortBy: 'id', direction: 'asc' },
    },
  },
  {
    resource: Staff,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'email', 'positionId', 'departmentId', 'phone', 'enabled', 'lastLoginAt'],
      filterProperties: ['name', 'email', 'positionId', 'departmentId', 'enabled'],
      showProperties: ['name', 'email', 'phone', 'positionId', 'departmentId', 'enabled', 'failedLogins', 'lockedUntil', 'lastLoginAt', 'createdAt'],
      editProperties: ['name', 'email', 'password', 'phone', 'positionId', 'departmentId', 'enabled'],
      properties: {
        name: { isTitle: true },
        passwordHash: { isVisible: false },
        password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
        failedLogins: readOnly(),
        lockedUntil: readOnly(),
        lastLoginAt: readOnly(),
      },
      actions: {
        new: { before: [hashPasswordField(true)] },
        edit: { before: [hashPasswordField(false)] },
        // Accounts are disabled, never deleted: tickets, receipts and logs keep pointing at them.
        delete: { isAccessible: false },
        bulkDelete: { isAccessible: false },
      },
    },
  },
];
