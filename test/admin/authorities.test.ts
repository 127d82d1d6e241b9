// The default authorities (src/rules/default-authorities.ts: each position's 职权 in the job descriptions, as
// rules), one built-in action at a time, through the HTTP API the admin UI uses: the position the table grants may
// (the row is written, the field changes, the list answers), another position — or the same one on a record the
// condition excludes — may not (refused with a ForbiddenError that names the person and the action, nothing changes).
// Workflow actions and the money use cases (Payment.new, RenovationDeposit.new, CashReport.submit …) are tested in
// test/domain/*.test.ts.
import { expect } from 'chai';
import { Op, type Model, type ModelStatic, type WhereOptions } from 'sequelize';
import {
  ArchiveDocument,
  AuthorityRule,
  AuthorityTest,
  RuleDraft,
  CashReport,
  Correspondence,
  DunningPlan,
  DunningRecord,
  DunningTarget,
  Notice,
  Owner,
  ParkingRental,
  Position,
  RenovationApplication,
  Staff,
  Survey,
  SurveyQuestion,
  SurveyResponse,
  Ticket,
  WorkPlan,
  WorkPlanItem,
} from '../../src/models/index.js';
import { actionLabel } from '../../src/rules/catalogue.js';
import type { PositionCode } from '../../src/rules/default-authorities.js';
import { department, staff, TEST_PASSWORD } from '../support/factories.js';
import { smallEstate } from '../support/estate.js';
import { ticket } from '../support/records.js';
import { parkingSpace } from '../support/parking.js';
import { signedInClient } from '../support/http.js';
import { POSITION_NAMES } from '../../src/vocabulary/positions.js';

type Form = Record<string, string | number | boolean>;
type Side = 'may' | 'mayNot';
type AnyModel = ModelStatic<Model>;

/** What a test knows when it builds a form or a record: who acts, and a tag that makes its rows its own. */
interface Ctx {
  member: Staff;
  tag: string;
  side: Side;
}

interface Common {
  /** `Resource.action`, as the rules name it. */
  action: string;
  /** The position(s) the table grants: one `it` each. */
  may: PositionCode | PositionCode[];
  /** The position(s) refused. */
  mayNot: PositionCode | PositionCode[];
  /** When the refusal is about the record, not the position: what the record is (shown in the test name). */
  mayOn?: string;
  mayNotOn?: string;
}

/** A built-in `new`: the form is posted; allowed → the row exists, refused → no such row and the table did not grow. */
interface NewCase extends Common {
  kind: 'new';
  model: AnyModel;
  form: (ctx: Ctx) => Promise<Form>;
  /** The row this form writes (found by the test's tag or the signed-in person). */
  row: (ctx: Ctx, form: Form) => WhereOptions;
}

/** A built-in `edit`: one field changed on a record made for the case; allowed → stored, refused → unchanged. */
interface EditCase extends Common {
  kind: 'edit';
  make: (ctx: Ctx) => Promise<Model>;
  change: (ctx: Ctx) => Form;
}

/** A built-in `list`: allowed → the records come back; refused → ForbiddenError, no records. */
interface ListCase extends Common {
  kind: 'list';
}

type Case = NewCase | EditCase | ListCase;

let counter = 0;
const newTag = () => `测${++counter}${Date.now().toString(36)}`;

// ── records the cases act on ───────────────────────────────────────────────────────────────────────────────────────

/**
 * One estate for the whole file: smallEstate numbers its owners' phones with a two-digit run counter, so every call
 * spends one of the run's ~99 estates. Plans and applications are fresh per test, so sharing the unit and owner is safe.
 */
let estate: ReturnType<typeof smallEstate> | null = null;
const sharedEstate = async () => {
  const { units, owners } = await (estate ??= smallEstate(1));
  return { unitId: units[0].id, ownerId: owners[0].id };
};

/** A reported or dispatched ticket whose title carries the test's tag. */
const taggedTicket = (status: 'reported' | 'dispatched', tag: string) => ticket(status, { title: `卫生间漏水${tag}` });

async function notice(status: 'draft' | 'published', tag: string): Promise<Notice> {
  const author = await staff('receptionist');
  return Notice.create({
    title: `停水通知${tag}`,
    content: '12月3日9:00—17:00 3栋停水检修',
    authorId: author.id,
    status,
    ...(status === 'published' ? { publishedAt: new Date() } : {}),
  } as never);
}

async function dunningPlan(
  status: 'draft' | 'started',
  tag: string,
  withTarget = false,
): Promise<{ plan: DunningPlan; target?: DunningTarget; ownerId: number }> {
  const { unitId, ownerId } = await sharedEstate();
  const coordinator = await staff('coordinator');
  const plan = await DunningPlan.create({
    title: `2026年11月物业费催缴${tag}`,
    status,
    createdById: coordinator.id,
    ...(status === 'started' ? { startedById: (await staff('cashier')).id, startedAt: new Date() } : {}),
  } as never);
  const target = withTarget
    ? await DunningTarget.create({
        planId: plan.id,
        ownerId,
        unitId,
        arrearsAmount: 93_078,
        monthsInArrears: 2,
      } as never)
    : undefined;
  return { plan, target, ownerId };
}

async function survey(status: 'draft' | 'running', tag: string): Promise<Survey> {
  const organiser = await staff('assistant');
  return Survey.create({
    title: `2026年第四季度满意度调查${tag}`,
    ownerStaffId: organiser.id,
    status,
    ...(status === 'running' ? { startedAt: new Date() } : {}),
  } as never);
}

/** A month plan of `owner` (a fresh month per call, so one person may hold several). */
let month = 0;
async function workPlan(owner: Staff, tag: string): Promise<WorkPlan> {
  month += 1;
  const m = `${2030 + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
  return WorkPlan.create({ staffId: owner.id, month: m, title: `${m} 月工作计划${tag}` } as never);
}

/** The plan of the person acting (may), or of another person of the same position (may not: not their own). */
async function planOfActorOrOther(ctx: Ctx): Promise<WorkPlan> {
  if (ctx.side === 'may') return workPlan(ctx.member, ctx.tag);
  return workPlan(await staff(await positionCodeOf(ctx.member)), ctx.tag);
}

async function positionCodeOf(member: Staff): Promise<string> {
  const pos = await Position.findByPk(member.positionId!);
  return pos!.code!;
}

async function archiveDocument(docType: string, tag: string): Promise<ArchiveDocument> {
  const keeper = await staff('coordinator');
  return ArchiveDocument.create({ title: `资料${tag}`, docType, docDate: '2026-11-20', keeperId: keeper.id } as never);
}

// ── the authority table ────────────────────────────────────────────────────────────────────────────────────────────

const CASES: Case[] = [
  // 报事
  {
    kind: 'new',
    action: 'Ticket.new',
    may: ['receptionist', 'coordinator', 'cashier', 'assistant'],
    mayNot: ['garage_keeper', 'director'],
    model: Ticket as AnyModel,
    form: async ({ tag }) => ({
      channel: 'phone',
      category: 'repair',
      title: `厨房下水道堵塞${tag}`,
      reporterName: '李秀英',
      reporterPhone: '13800138001',
      departmentId: (await department('工程部')).id,
    }),
    row: (_, form) => ({ title: form.title }),
  },
  {
    kind: 'edit',
    action: 'Ticket.edit',
    may: ['receptionist', 'assistant'],
    mayNot: 'garage_keeper',
    mayOn: '已登记的报事单',
    mayNotOn: '已登记的报事单',
    make: ({ tag }) => taggedTicket('reported', tag),
    change: ({ tag }) => ({ title: `卫生间漏水（已核实）${tag}` }),
  },
  {
    kind: 'edit',
    action: 'Ticket.edit',
    may: [],
    mayNot: 'receptionist',
    mayNotOn: '已派工的报事单',
    make: ({ tag }) => taggedTicket('dispatched', tag),
    change: ({ tag }) => ({ title: `改过的标题${tag}` }),
  },
  // 业主档案
  {
    kind: 'new',
    action: 'Owner.new',
    may: ['coordinator', 'assistant'],
    mayNot: ['receptionist', 'cashier'],
    model: Owner as AnyModel,
    form: async ({ tag }) => ({ name: `业主${tag}`.slice(0, 40), phone: '13900139000', moveInDate: '2020-05-01' }),
    row: (_, form) => ({ name: form.name }),
  },
  {
    kind: 'edit',
    action: 'Owner.edit',
    may: ['coordinator', 'assistant'],
    mayNot: ['receptionist', 'cashier'],
    make: ({ tag }) => Owner.create({ name: `业主${tag}`.slice(0, 40), phone: '13900139001' } as never),
    change: ({ tag }) => ({ notes: `已更换联系电话${tag}` }),
  },
  // 函件
  {
    kind: 'new',
    action: 'Correspondence.new',
    may: ['receptionist', 'coordinator'],
    mayNot: ['cashier', 'assistant'],
    model: Correspondence as AnyModel,
    form: async ({ tag }) => ({
      kind: 'letter',
      direction: 'incoming',
      occurredOn: '2026-11-20',
      party: '王建国',
      subject: `业主来信${tag}`,
    }),
    row: (_, form) => ({ subject: form.subject }),
  },
  {
    kind: 'edit',
    action: 'Correspondence.edit',
    may: ['receptionist', 'coordinator'],
    mayNot: ['cashier', 'assistant'],
    make: async ({ tag }) =>
      Correspondence.create({
        kind: 'external_call',
        direction: 'outgoing',
        occurredOn: '2026-11-20',
        party: '自来水公司',
        subject: `停水咨询${tag}`,
        handlerId: (await staff('receptionist')).id,
      } as never),
    change: ({ tag }) => ({ result: `已答复：周六恢复供水${tag}` }),
  },
  // 通知
  {
    kind: 'new',
    action: 'Notice.new',
    may: ['receptionist', 'assistant'],
    mayNot: ['coordinator', 'cashier'],
    model: Notice as AnyModel,
    form: async ({ tag }) => ({ title: `电梯年检${tag}`, audience: '5栋住户', content: '5栋电梯年检，暂停使用半天' }),
    row: (_, form) => ({ title: form.title }),
  },
  {
    kind: 'edit',
    action: 'Notice.edit',
    may: ['receptionist', 'assistant'],
    mayNot: ['coordinator', 'cashier'],
    mayOn: '草稿通知',
    mayNotOn: '草稿通知',
    make: ({ tag }) => notice('draft', tag),
    change: ({ tag }) => ({ content: `改为12月4日停水${tag}` }),
  },
  {
    kind: 'edit',
    action: 'Notice.edit',
    may: [],
    mayNot: ['receptionist', 'assistant'],
    mayNotOn: '已发布的通知',
    make: ({ tag }) => notice('published', tag),
    change: ({ tag }) => ({ content: `发布后又改${tag}` }),
  },
  // 收费
  {
    kind: 'new',
    action: 'CashReport.new',
    may: 'cashier',
    mayNot: ['receptionist', 'assistant'],
    model: CashReport as AnyModel,
    form: async ({ tag }) => ({ reportDate: '2026-11-27', note: `日报${tag}` }),
    row: ({ member }) => ({ cashierId: member.id }),
  },
  // 催缴
  {
    kind: 'new',
    action: 'DunningPlan.new',
    may: ['coordinator', 'assistant'],
    mayNot: ['cashier', 'receptionist'],
    model: DunningPlan as AnyModel,
    form: async ({ tag }) => ({ title: `2026年12月物业费催缴${tag}`, minMonthsInArrears: 2 }),
    row: (_, form) => ({ title: form.title }),
  },
  {
    kind: 'edit',
    action: 'DunningPlan.edit',
    may: ['coordinator', 'assistant'],
    mayNot: ['cashier', 'receptionist'],
    mayOn: '草稿计划',
    mayNotOn: '草稿计划',
    make: async ({ tag }) => (await dunningPlan('draft', tag)).plan,
    change: ({ tag }) => ({ note: `先电话后上门${tag}` }),
  },
  {
    kind: 'edit',
    action: 'DunningPlan.edit',
    may: [],
    mayNot: 'coordinator',
    mayNotOn: '已开始的计划',
    make: async ({ tag }) => (await dunningPlan('started', tag)).plan,
    change: ({ tag }) => ({ note: `开始后又改${tag}` }),
  },
  {
    kind: 'new',
    action: 'DunningTarget.new',
    may: ['coordinator', 'assistant'],
    mayNot: ['cashier', 'receptionist'],
    mayOn: '草稿计划',
    mayNotOn: '草稿计划',
    model: DunningTarget as AnyModel,
    form: async ({ tag }) => {
      const { plan, ownerId } = await dunningPlan('draft', tag);
      return { planId: plan.id, ownerId, note: `欠费两个月${tag}` };
    },
    row: (_, form) => ({ planId: form.planId, ownerId: form.ownerId }),
  },
  {
    kind: 'new',
    action: 'DunningRecord.new',
    may: ['receptionist', 'coordinator', 'cashier', 'assistant'],
    mayNot: ['director', 'garage_keeper'],
    mayOn: '已开始的计划',
    mayNotOn: '已开始的计划',
    model: DunningRecord as AnyModel,
    form: async ({ tag }) => {
      const { plan, target, ownerId } = await dunningPlan('started', tag, true);
      return {
        planId: plan.id,
        targetId: target!.id,
        ownerId,
        contactedAt: '2026-11-20T10:00:00+08:00',
        method: 'phone',
        result: 'refused',
        note: `业主称月底前缴${tag}`,
      };
    },
    row: (_, form) => ({ note: form.note }),
  },
  // 装修
  {
    kind: 'new',
    action: 'RenovationApplication.new',
    may: ['receptionist', 'coordinator', 'assistant'],
    mayNot: ['cashier', 'engineering_supervisor'],
    model: RenovationApplication as AnyModel,
    form: async ({ tag }) => {
      const { unitId, ownerId } = await sharedEstate();
      return {
        unitId,
        ownerId,
        contractor: '南山美家装饰工程有限公司',
        contractorPhone: '13600136000',
        scope: `客厅地面翻新${tag}`,
        startDate: '2026-12-01',
        endDate: '2027-01-10',
      };
    },
    row: (_, form) => ({ scope: form.scope }),
  },
  // 车位
  {
    kind: 'new',
    action: 'ParkingRental.new',
    may: 'garage_keeper',
    mayNot: ['cashier', 'receptionist'],
    model: ParkingRental as AnyModel,
    form: async () => ({
      renterName: '李强',
      renterPhone: '13800138002',
      plateNumber: '粤B12345',
      spaceId: (await parkingSpace()).id,
      startDate: '2026-12-01',
      endDate: '2027-11-30',
      monthlyRent: 45_000,
    }),
    row: (_, form) => ({ spaceId: form.spaceId }),
  },
  // 满意度调查
  {
    kind: 'new',
    action: 'Survey.new',
    may: 'assistant',
    mayNot: ['coordinator', 'director'],
    model: Survey as AnyModel,
    form: async ({ tag }) => ({
      title: `2027年第一季度满意度调查${tag}`,
      period: '2027Q1',
      plannedStart: '2027-01-05',
      plannedEnd: '2027-01-20',
    }),
    row: (_, form) => ({ title: form.title }),
  },
  {
    kind: 'edit',
    action: 'Survey.edit',
    may: 'assistant',
    mayNot: ['coordinator', 'receptionist'],
    mayOn: '草稿调查',
    mayNotOn: '草稿调查',
    make: ({ tag }) => survey('draft', tag),
    change: ({ tag }) => ({ description: `增加物业费满意度一题${tag}` }),
  },
  {
    kind: 'edit',
    action: 'Survey.edit',
    may: [],
    mayNot: 'assistant',
    mayNotOn: '进行中的调查',
    make: ({ tag }) => survey('running', tag),
    change: ({ tag }) => ({ description: `开始后又改${tag}` }),
  },
  {
    kind: 'new',
    action: 'SurveyQuestion.new',
    may: 'assistant',
    mayNot: ['coordinator', 'receptionist'],
    mayOn: '草稿调查',
    mayNotOn: '草稿调查',
    model: SurveyQuestion as AnyModel,
    form: async ({ tag }) => ({
      surveyId: (await survey('draft', tag)).id,
      number: 1,
      kind: 'score',
      text: `您对保安服务是否满意${tag}`,
    }),
    row: (_, form) => ({ text: form.text }),
  },
  {
    kind: 'new',
    action: 'SurveyResponse.new',
    may: ['assistant', 'coordinator'],
    mayNot: ['receptionist', 'cashier'],
    mayOn: '进行中的调查',
    mayNotOn: '进行中的调查',
    model: SurveyResponse as AnyModel,
    form: async ({ tag }) => ({
      surveyId: (await survey('running', tag)).id,
      respondentName: `张伟${tag}`.slice(0, 40),
      overallScore: 4,
      comment: '保洁很好',
    }),
    row: (_, form) => ({ respondentName: form.respondentName }),
  },
  // 工作计划
  {
    kind: 'new',
    action: 'WorkPlan.new',
    may: ['receptionist', 'coordinator', 'cashier', 'assistant', 'director'],
    mayNot: ['garage_keeper', 'engineering_supervisor'],
    model: WorkPlan as AnyModel,
    form: async ({ tag }) => ({ month: '2026-12', title: `12月工作计划${tag}`, note: '五周滚动' }),
    row: ({ member }, form) => ({ staffId: member.id, title: form.title }),
  },
  {
    kind: 'edit',
    action: 'WorkPlan.edit',
    may: ['receptionist', 'cashier', 'director'],
    mayNot: ['receptionist', 'cashier', 'director'],
    mayOn: '本人的计划',
    mayNotOn: '他人的计划',
    make: planOfActorOrOther,
    change: ({ tag }) => ({ note: `第三周增加业主回访${tag}` }),
  },
  {
    kind: 'new',
    action: 'WorkPlanItem.new',
    may: ['coordinator', 'assistant'],
    mayNot: ['garage_keeper', 'engineering_supervisor'],
    mayOn: '本人的计划',
    mayNotOn: '本人的计划',
    model: WorkPlanItem as AnyModel,
    form: async ({ member, tag }) => ({
      planId: (await workPlan(member, tag)).id,
      week: 2,
      content: `整理业主档案${tag}`,
      status: 'todo',
    }),
    row: (_, form) => ({ content: form.content }),
  },
  {
    kind: 'edit',
    action: 'WorkPlanItem.edit',
    may: ['coordinator', 'assistant'],
    mayNot: ['coordinator', 'assistant'],
    mayOn: '本人计划的事项',
    mayNotOn: '他人计划的事项',
    make: async (ctx) =>
      WorkPlanItem.create({
        planId: (await planOfActorOrOther(ctx)).id,
        week: 1,
        content: `电话回访${ctx.tag}`,
      } as never),
    change: () => ({ status: 'done' }),
  },
  // 资料归档
  {
    kind: 'new',
    action: 'ArchiveDocument.new',
    may: ['coordinator', 'cashier'],
    mayNot: ['receptionist', 'assistant'],
    model: ArchiveDocument as AnyModel,
    form: async ({ tag, member }) => ({
      title: `资料${tag}`,
      docType: (await positionCodeOf(member)) === 'cashier' ? 'finance' : 'minutes',
      docDate: '2026-11-20',
      location: 'A柜3层',
    }),
    row: (_, form) => ({ title: form.title }),
  },
  {
    // 收费员 files finance documents only (职责5); training records are the coordinator's (职责2).
    kind: 'new',
    action: 'ArchiveDocument.new',
    may: [],
    mayNot: 'cashier',
    mayNotOn: '培训资料（非财务资料）',
    model: ArchiveDocument as AnyModel,
    form: async ({ tag }) => ({ title: `培训记录${tag}`, docType: 'training', docDate: '2026-11-20' }),
    row: (_, form) => ({ title: form.title }),
  },
  {
    kind: 'edit',
    action: 'ArchiveDocument.edit',
    may: 'coordinator',
    mayNot: ['receptionist', 'assistant'],
    mayOn: '培训资料',
    mayNotOn: '培训资料',
    make: ({ tag }) => archiveDocument('training', tag),
    change: ({ tag }) => ({ location: `B柜${tag}`.slice(0, 100) }),
  },
  {
    kind: 'edit',
    action: 'ArchiveDocument.edit',
    may: 'cashier',
    mayNot: [],
    mayOn: '财务资料',
    make: ({ tag }) => archiveDocument('finance', tag),
    change: ({ tag }) => ({ location: `财务室${tag}` }),
  },
  {
    kind: 'edit',
    action: 'ArchiveDocument.edit',
    may: [],
    mayNot: 'cashier',
    mayNotOn: '培训资料（非财务资料）',
    make: ({ tag }) => archiveDocument('training', tag),
    change: ({ tag }) => ({ location: `财务室${tag}` }),
  },
  // 管理
  {
    kind: 'new',
    action: 'AuthorityRule.new',
    may: 'director',
    mayNot: ['assistant', 'system_admin'],
    // Saving a new rule makes a 规则草稿, which governs nobody until published (switched off besides).
    model: RuleDraft as AnyModel,
    form: async ({ tag }) => ({
      name: `test: 车库管理员督促${tag}`,
      description: '测试用，已停用',
      actions: '["Ticket.urge"]',
      effect: 'allow',
      conditions: '{"all":[{"fact":"actor","path":"positionCode","operator":"equal","value":"garage_keeper"}]}',
      priority: 1,
      enabled: false,
      clause: '测试',
    }),
    row: ({ member }) => ({ kind: 'create', status: 'pending', createdById: member.id }),
  },
  { kind: 'list', action: 'AuthorityRule.list', may: ['assistant', 'director'], mayNot: ['cashier', 'receptionist'] },
  { kind: 'list', action: 'RuleDraft.list', may: ['assistant', 'director'], mayNot: ['cashier', 'receptionist'] },
  {
    kind: 'list',
    action: 'RuleChangeSet.list',
    may: ['assistant', 'director'],
    mayNot: ['coordinator', 'receptionist'],
  },
  { kind: 'list', action: 'AuthorityTest.list', may: ['assistant', 'director'], mayNot: ['cashier', 'coordinator'] },
  {
    kind: 'new',
    action: 'AuthorityTest.new',
    may: 'director',
    mayNot: ['assistant', 'system_admin'],
    model: AuthorityTest as AnyModel,
    form: async ({ tag }) => ({
      name: `test: 收费员可以退押金${tag}`,
      positionCode: 'cashier',
      action: 'RenovationDeposit.refund',
      recordFacts: '{"status": "held", "inspectionResult": "passed"}',
      expect: 'allow',
    }),
    row: (_, form) => ({ name: form.name }),
  },
  {
    kind: 'edit',
    action: 'AuthorityTest.edit',
    may: 'director',
    mayNot: 'assistant',
    make: ({ tag }) =>
      AuthorityTest.create({
        name: `test: 接待员不能退押金${tag}`,
        positionCode: 'receptionist',
        action: 'RenovationDeposit.refund',
        recordFacts: { status: 'held' },
        expect: 'deny',
      }),
    change: () => ({ enabled: 'false' }),
  },
  { kind: 'list', action: 'DecisionLog.list', may: ['director', 'assistant'], mayNot: ['receptionist', 'coordinator'] },
  { kind: 'list', action: 'AuditLog.list', may: ['director', 'assistant'], mayNot: ['receptionist', 'cashier'] },
  {
    kind: 'list',
    action: 'Staff.list',
    may: ['director', 'assistant', 'system_admin', 'receptionist', 'cashier'],
    mayNot: ['garage_keeper', 'engineering_supervisor'],
  },
  {
    kind: 'new',
    action: 'Staff.new',
    may: 'system_admin',
    mayNot: ['director', 'assistant'],
    model: Staff as AnyModel,
    form: async ({ tag }) => ({
      name: `新员工${tag}`.slice(0, 40),
      email: `new.${tag.replace(/[^a-z0-9]/gi, '')}.${counter}@test.local`.toLowerCase(),
      password: 'abc12345x',
    }),
    row: (_, form) => ({ email: form.email }),
  },
  // 阅读跟着工作走
  {
    kind: 'list',
    action: 'Payment.list',
    may: ['cashier', 'assistant', 'director'],
    mayNot: ['receptionist', 'coordinator'],
  },
  {
    kind: 'list',
    action: 'RenovationDeposit.list',
    may: ['cashier', 'assistant'],
    mayNot: ['coordinator', 'receptionist'],
  },
  {
    kind: 'list',
    action: 'Ticket.list',
    may: ['receptionist', 'cashier', 'engineering_supervisor'],
    mayNot: ['garage_keeper'],
  },
  {
    kind: 'list',
    action: 'ParkingRental.list',
    may: ['garage_keeper', 'cashier'],
    mayNot: ['receptionist', 'coordinator'],
  },
  {
    kind: 'list',
    action: 'Correspondence.list',
    may: ['receptionist', 'coordinator'],
    mayNot: ['cashier', 'garage_keeper'],
  },
];

// ── the two sides of every case ────────────────────────────────────────────────────────────────────────────────────

const list = <T>(value: T | T[]) => (Array.isArray(value) ? value : [value]);
const resourceOf = (action: string) => action.split('.')[0];
const on = (what?: string) => (what ? ` (${what})` : '');

async function actingAs(code: PositionCode, side: Side) {
  const member = await staff(code);
  const client = await signedInClient(member.email, TEST_PASSWORD);
  return { member, client, ctx: { member, tag: newTag(), side } as Ctx };
}

/** A refusal: the ForbiddenError the admin shows, naming the person's position and the action. */
function expectRefused(body: any, code: PositionCode, action: string, byRecord: boolean) {
  const error = body.record?.baseError;
  expect(error?.type, JSON.stringify(body).slice(0, 400)).to.equal('ForbiddenError');
  expect(error.message).to.include(POSITION_NAMES[code]).and.to.include(actionLabel(action));
  // The system administrator is refused every business action before any rule is read.
  if (code === 'system_admin') expect(error.message).to.include('不能执行业务操作');
  else if (!byRecord) expect(error.message).to.include('没有任何规则允许');
  else expect(error.message).to.include('不符合条件');
}

describe('the default authority table, through the admin API', () => {
  after(async () => {
    await AuthorityRule.destroy({ where: { name: { [Op.like]: 'test: 车库管理员督促%' } } });
    await RuleDraft.update({ status: 'discarded' }, { where: { status: 'pending' } });
    await AuthorityTest.destroy({ where: { name: { [Op.like]: 'test: %' } } });
  });

  for (const c of CASES) {
    const resource = resourceOf(c.action);

    for (const code of list(c.may)) {
      it(`${POSITION_NAMES[code]} may ${c.action}${on(c.mayOn)}`, async () => {
        const { client, ctx } = await actingAs(code, 'may');
        if (c.kind === 'new') {
          const form = await c.form(ctx);
          const { body } = await client.create(resource, form);
          expect(
            body.notice?.type,
            JSON.stringify({ notice: body.notice, errors: body.record?.errors, baseError: body.record?.baseError }),
          ).to.equal('success');
          expect(await c.model.count({ where: c.row(ctx, form) })).to.equal(1);
        } else if (c.kind === 'edit') {
          const row = await c.make(ctx);
          const change = c.change(ctx);
          const { body } = await client.edit(resource, String(row.get('id')), change);
          expect(
            body.notice?.type,
            JSON.stringify({ notice: body.notice, errors: body.record?.errors, baseError: body.record?.baseError }),
          ).to.equal('success');
          await row.reload();
          for (const [field, value] of Object.entries(change)) expect(String(row.get(field))).to.equal(String(value));
        } else {
          const body = await client.list(resource, {}, { perPage: 5 });
          expect(body.record?.baseError, JSON.stringify(body).slice(0, 400)).to.equal(undefined);
          expect(body.records).to.be.an('array');
          expect(body.meta.total).to.be.a('number');
        }
      });
    }

    for (const code of list(c.mayNot)) {
      it(`${POSITION_NAMES[code]} may not ${c.action}${on(c.mayNotOn)}`, async () => {
        const { client, ctx } = await actingAs(code, 'mayNot');
        // The position holds the action on other records: the refusal is about this record.
        const byRecord = list(c.may).includes(code) || (!!c.mayNotOn && c.mayNotOn !== c.mayOn);
        if (c.kind === 'new') {
          const form = await c.form(ctx);
          const before = await c.model.count();
          const { status, body } = await client.create(resource, form);
          expect(status).to.equal(200);
          expectRefused(body, code, c.action, byRecord);
          expect(await c.model.count({ where: c.row(ctx, form) })).to.equal(0);
          expect(await c.model.count()).to.equal(before);
        } else if (c.kind === 'edit') {
          const row = await (await c.make(ctx)).reload();
          const before = { ...row.get({ plain: true }) } as Record<string, unknown>;
          const change = c.change(ctx);
          const { status, body } = await client.edit(resource, String(row.get('id')), change);
          expect(status).to.equal(200);
          expectRefused(body, code, c.action, byRecord);
          await row.reload();
          for (const field of Object.keys(change)) expect(row.get(field)).to.deep.equal(before[field]);
          expect((row.get('updatedAt') as Date).getTime()).to.equal((before.updatedAt as Date).getTime());
        } else {
          const { status, body } = await client.json('GET', `/admin/api/resources/${resource}/actions/list?perPage=5`);
          expect(status).to.equal(200);
          expectRefused(body, code, c.action, false);
          expect(body.records ?? []).to.have.length(0);
        }
      });
    }
  }
});
