import {
  ValidationError,
  type ActionContext,
  type ActionRequest,
  type ActionResponse,
  type RecordActionResponse,
  type ResourceWithOptions,
} from 'adminjs';
import { authorityCoverage } from '../../domain/authority-coverage.js';
import {
  assignPosition,
  lockAccount,
  settleProposedPosition,
  unlockAccount,
  type ProposalOutcome,
} from '../../domain/accounts.js';
import { Department, Position, PositionClause, STAFF_STATUSES, Staff } from '../../models/index.js';
import { hashPassword, passwordProblem } from '../../auth/password.js';
import { Op } from 'sequelize';
import { registerConditionFilters } from '../adapter.js';
import { navigation } from '../navigation.js';
import { limitPayload, refuseChanges } from '../payload.js';
import { readOnly } from '../properties.js';
import { actorOf } from '../access.js';
import { workflowAction } from '../use-case.js';
import { Components } from '../components/index.js';

// What each form writes (AdminJS's forms would write whatever a request holds): IT proposes a position, never sets one; lock state and sign-in times are the
// actions' and the sign-in's own.
const DEPARTMENT_FIELDS = ['name', 'supervisorId', 'description'] as const;
const POSITION_FIELDS = [
  'name',
  'code',
  'departmentId',
  'departmentText',
  'grade',
  'supervisorText',
  'supervisorPositionId',
  'subordinatesText',
] as const;
const CLAUSE_FIELDS = ['positionId', 'kind', 'number', 'text'] as const;
const STAFF_FIELDS = ['name', 'email', 'password', 'phone', 'proposedPositionId', 'departmentId', 'enabled'] as const;

const PROPOSAL_NOTICES: Record<ProposalOutcome, string> = {
  none: '',
  applied: '；岗位已生效',
  firstDirector: '；系统中没有在岗的管理处主任，已任命为首任管理处主任（已记入操作日志）',
  pending: '；拟任岗位涉及业务权限，须经管理处主任核定后生效',
};

// 我的工作台 links: accounts waiting for their position to be approved, and locked accounts.
registerConditionFilters('Staff', {
  pendingPosition: (value) =>
    value === 'true' ? { proposedPositionId: { [Op.ne]: null } } : { proposedPositionId: null },
  locked: (value) => (value === 'true' ? { lockedAt: { [Op.ne]: null } } : { lockedAt: null }),
});

/** After an account form is saved: the proposed position takes effect, or waits for approval (domain/accounts.ts). */
async function settleProposal(
  response: ActionResponse,
  request: ActionRequest,
  context: ActionContext,
): Promise<ActionResponse> {
  const record = response.record as { id?: string | number; errors?: Record<string, unknown> } | undefined;
  if (request.method !== 'post' || !record?.id || Object.keys(record.errors ?? {}).length > 0) return response;
  const outcome = await settleProposedPosition(actorOf(context.currentAdmin), Number(record.id));
  if (response.notice && PROPOSAL_NOTICES[outcome])
    response.notice = { ...response.notice, message: `已保存${PROPOSAL_NOTICES[outcome]}` };
  return response;
}

/** Turns the form's plain `password` into `passwordHash`; required for a new account, optional on edit. */
function hashPasswordField(required: boolean) {
  return async (request: ActionRequest) => {
    if (request.method !== 'post' || !request.payload) return request;
    const { password, ...payload } = request.payload as Record<string, unknown>;
    delete payload.passwordHash;
    if (password === undefined || password === '') {
      if (required)
        throw new ValidationError({ password: { message: '新账号必须设置密码' } }, { message: '请设置密码' });
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
      editProperties: [...DEPARTMENT_FIELDS],
      properties: { name: { isTitle: true }, description: { type: 'textarea' } },
      actions: {
        new: { before: [limitPayload(DEPARTMENT_FIELDS)] },
        edit: { before: [limitPayload(DEPARTMENT_FIELDS)] },
      },
      sort: { sortBy: 'name', direction: 'asc' },
    },
  },
  {
    resource: Position,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'departmentId', 'supervisorText', 'supervisorPositionId', 'grade', 'source'],
      filterProperties: ['name', 'departmentId'],
      showProperties: [
        'name',
        'code',
        'departmentId',
        'departmentText',
        'grade',
        'supervisorText',
        'supervisorPositionId',
        'subordinatesText',
        'source',
        'clauses',
        'authorityCoverage',
      ],
      editProperties: [...POSITION_FIELDS],
      properties: {
        name: { isTitle: true },
        // The code the rules name the position by: on IT's screens only (admin/internal-codes.ts).
        code: { description: '权限规则按代码识别岗位：创建后不能修改', components: { show: Components.InternalCode } },
        clauses: {
          type: 'string',
          isVisible: { show: true, list: false, edit: false, filter: false },
          components: { show: Components.PositionClauses },
        },
        authorityCoverage: {
          type: 'string',
          isVisible: { show: true, list: false, edit: false, filter: false },
          components: { show: Components.AuthorityCoverage },
        },
      },
      actions: {
        show: { after: [withAuthorityCoverage] },
        new: { before: [limitPayload(POSITION_FIELDS)] },
        // A rule names a position by its code: renaming codes would move authority (or escape a hard deny).
        edit: {
          before: [
            limitPayload(POSITION_FIELDS),
            refuseChanges({ code: '岗位代码创建后不能修改：权限规则按代码识别岗位' }),
          ],
        },
      },
      // By department, then name (adapter THEN_BY).
      sort: { sortBy: 'departmentId', direction: 'asc' },
    },
  },
  {
    resource: PositionClause,
    options: {
      navigation: navigation.organisation,
      listProperties: ['positionId', 'kind', 'number', 'text'],
      filterProperties: ['positionId', 'kind'],
      editProperties: [...CLAUSE_FIELDS],
      properties: { text: { type: 'textarea', isTitle: true } },
      actions: { new: { before: [limitPayload(CLAUSE_FIELDS)] }, edit: { before: [limitPayload(CLAUSE_FIELDS)] } },
      // Each position's clauses together, by kind and number (adapter THEN_BY).
      sort: { sortBy: 'positionId', direction: 'asc' },
    },
  },
  {
    resource: Staff,
    options: {
      navigation: navigation.organisation,
      listProperties: ['name', 'email', 'positionId', 'proposedPositionId', 'departmentId', 'status', 'lastLoginAt'],
      filterProperties: ['name', 'email', 'positionId', 'proposedPositionId', 'departmentId', 'enabled'],
      showProperties: [
        'name',
        'email',
        'phone',
        'positionId',
        'proposedPositionId',
        'departmentId',
        'status',
        'lockReason',
        'lockedAt',
        'enabled',
        'lastLoginAt',
        'createdAt',
      ],
      editProperties: [...STAFF_FIELDS],
      properties: {
        name: { isTitle: true },
        passwordHash: { isVisible: false },
        password: { type: 'password', isVisible: { list: false, filter: false, show: false, edit: true } },
        positionId: readOnly(),
        proposedPositionId: { description: '涉及业务权限的岗位须经管理处主任核定后生效' },
        // Derived (enabled, lockedAt); the values are shown as their labels in the locale (正常, 已锁定, 已停用).
        status: {
          isVisible: { list: true, show: true, edit: false, filter: false },
          isSortable: false,
          availableValues: STAFF_STATUSES.map((value) => ({ value, label: value })),
        },
        lockedAt: readOnly(),
        lockReason: readOnly(),
        lastLoginAt: readOnly(),
      },
      actions: {
        new: { before: [limitPayload(STAFF_FIELDS), hashPasswordField(true)], after: [settleProposal] },
        edit: { before: [limitPayload(STAFF_FIELDS), hashPasswordField(false)], after: [settleProposal] },
        lock: workflowAction(lockAccount, {
          done: '账号已锁定，其登录会话已结束',
          icon: 'Lock',
          variant: 'danger',
          submit: '锁定账号',
          fields: [
            {
              name: 'lockReason',
              label: '锁定原因',
              type: 'textarea',
              placeholder: '例如：疑似密码泄露，待本人重设密码',
            },
          ],
          confirm: '锁定后该员工立即退出登录，在解除锁定前不能登录。',
        }),
        unlock: workflowAction(unlockAccount, {
          done: '已解除锁定，该员工可以重新登录',
          icon: 'Unlock',
          submit: '解除锁定',
        }),
        assignPosition: workflowAction(assignPosition, {
          done: '岗位核定结果已保存',
          icon: 'UserCheck',
          submit: '提交核定结果',
          fields: [
            {
              name: 'decision',
              label: '核定结果',
              type: 'select',
              options: [
                { value: 'approve', label: '批准：拟任岗位生效' },
                { value: 'reject', label: '驳回：保持原岗位' },
              ],
            },
          ],
        }),
        // Accounts are disabled, never deleted: tickets, receipts and logs keep pointing at them.
        delete: { isAccessible: false },
        bulkDelete: { isAccessible: false },
      },
      // By department, then name (adapter THEN_BY).
      sort: { sortBy: 'departmentId', direction: 'asc' },
    },
  },
];
