// Demo front desk: tickets in every status (with their work orders and return visits, spot checks among them),
// correspondence of every kind, notices in every status. Deterministic through ctx.rng and ctx.now.
// At scale 1: 60 tickets (4 guaranteed in every status, 2 of each handled by 工程部), 16 correspondence, 10 notices.
import type { CreationAttributes, Model, ModelStatic, Transaction } from 'sequelize';
import {
  Correspondence,
  Notice,
  ReturnVisit,
  Ticket,
  WorkOrder,
  sequelize,
  CORRESPONDENCE_KINDS,
  TICKET_DUE_HOURS,
  TICKET_NUMBER_PREFIX,
  TICKET_STATUSES,
  WORK_ORDER_NUMBER_PREFIX,
  defaultTicketDueAt,
  formatDailyNumber,
  nextDailyNumber,
  returnVisitLabel,
  type CorrespondenceKind,
  type Department,
  type NoticeStatus,
  type Owner,
  type Staff,
  type TicketCategory,
  type TicketChannel,
  type TicketStatus,
  type Unit,
} from '../../models/index.js';
import { shanghaiDay, shanghaiDayKey } from '../../lib/shanghai.js';
import type { DemoContext } from './context.js';
import { daysAgo, landline, mobile, personName, weighted, type Rng } from './fake.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const TICKETS_PER_SCALE = 60;
export const CORRESPONDENCE_PER_SCALE = 16;
/** Notices do not grow with the estate the way tickets do; a large scale only needs a long list, capped here. */
export const NOTICES_MAX = 500;
const BATCH = 500;
/** Guaranteed tickets per status (the first 2 of each handled by 工程部, one overdue of each open status). */
const GUARANTEED_PER_STATUS = 4;

export const DEPARTMENT_NAMES = ['客户中心', '工程部', '保安部', '保洁部', '财务部', '管理处'] as const;
type DepartmentName = (typeof DEPARTMENT_NAMES)[number];

interface TicketTemplate {
  category: TicketCategory;
  department: DepartmentName;
  title: string;
  description: string;
  result: string;
  /** A paid service 有偿服务: the fee range in yuan, and what was charged for. */
  paid?: { min: number; max: number; item: string };
}

const TEMPLATES: TicketTemplate[] = [
  // 维修 → 工程部
  {
    category: 'repair',
    department: '工程部',
    title: '卫生间天花板漏水',
    description: '业主来电：卫生间吊顶持续滴水，怀疑楼上卫生间防水层破损，已影响吊顶和灯具。',
    result: '已上门检查，系楼上卫生间地漏周边防水破损；已协调楼上业主重做防水并闭水试验，渗漏停止。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '厨房水龙头漏水',
    description: '厨房水龙头关不紧，一直滴水，阀芯可能损坏。',
    result: '更换水龙头阀芯一个，试水正常。',
    paid: { min: 30, max: 80, item: '更换水龙头阀芯（材料费+人工费）' },
  },
  {
    category: 'repair',
    department: '工程部',
    title: '电梯运行异响',
    description: '单元 2 号电梯运行时有明显异响，停靠时平层不准，老人小孩乘坐担心安全。',
    result: '已通知电梯维保单位到场，更换导靴并调整平层，试运行正常。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '电梯故障困人',
    description: '业主被困电梯约 10 分钟，经对讲报至监控中心，要求查明原因。',
    result: '工程部 5 分钟内到场放人，维保单位检修门机系统并更换门锁继电器，已恢复运行。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '楼道声控灯不亮',
    description: '本单元 9–12 层楼道声控灯不亮，夜间上下楼不安全。',
    result: '更换声控灯具 3 套，夜间测试正常。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '厨房下水道堵塞',
    description: '厨房洗菜盆下水很慢，已经返水。',
    result: '疏通厨房下水管道，清出油污杂物，排水正常。',
    paid: { min: 80, max: 150, item: '疏通下水管道' },
  },
  {
    category: 'repair',
    department: '工程部',
    title: '门禁对讲无法开门',
    description: '户内可视对讲能通话，但按开锁键单元门打不开。',
    result: '更换对讲分机开锁模块，测试正常。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '空调冷凝水滴落',
    description: '楼上空调外机冷凝水滴在本户阳台，长期滴水声扰人。',
    result: '为楼上空调加装冷凝水导流管并接入雨水管，已无滴水。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '入户门锁损坏',
    description: '入户门锁芯卡死，钥匙无法转动，业主暂住亲戚家。',
    result: '更换 C 级防盗锁芯一套，交付新钥匙 3 把。',
    paid: { min: 120, max: 260, item: '更换防盗门锁芯' },
  },
  {
    category: 'repair',
    department: '工程部',
    title: '外墙渗水',
    description: '连续下雨后卧室外墙内侧墙面发霉、渗水。',
    result: '外墙窗框周边重新打胶，雨后复查无渗漏，室内墙面待干燥后修补。',
  },
  {
    category: 'repair',
    department: '工程部',
    title: '室内电路跳闸',
    description: '开热水器就跳闸，厨房插座无电。',
    result: '检查发现厨房插座回路漏电，更换漏电开关及插座一个。',
    paid: { min: 50, max: 120, item: '更换漏电开关及插座' },
  },
  {
    category: 'repair',
    department: '工程部',
    title: '地下车库道闸抬杆故障',
    description: '地库入口道闸不抬杆，车辆排队，业主投诉。',
    result: '道闸电机控制板受潮，烘干并更换继电器，恢复正常。',
  },
  // 投诉
  {
    category: 'complaint',
    department: '保安部',
    title: '楼上装修噪音投诉',
    description: '楼上装修在中午 12:00–14:00 午休时间施工，电钻噪音扰民。',
    result: '保安到场制止，告知装修施工时间规定，施工方已书面承诺遵守。',
  },
  {
    category: 'complaint',
    department: '保安部',
    title: '夜间广场舞噪音投诉',
    description: '中心广场晚上 21:30 后仍有音响播放，影响休息。',
    result: '与广场舞队负责人沟通，音乐于 21:00 前结束并降低音量，保安加强巡查。',
  },
  {
    category: 'complaint',
    department: '保安部',
    title: '消防通道被私家车占用',
    description: '楼下消防通道长期停放私家车，救护车无法进入。',
    result: '联系车主移车并张贴告知书，消防通道增设隔离桩。',
  },
  {
    category: 'complaint',
    department: '保安部',
    title: '外来人员随意进出小区',
    description: '发现有推销人员跟随业主进入单元楼挨户敲门。',
    result: '加强门岗访客登记，调取监控对推销人员进行劝离。',
  },
  {
    category: 'complaint',
    department: '保洁部',
    title: '垃圾未及时清运',
    description: '楼下垃圾桶已满溢两天，气味很大。',
    result: '保洁部调整清运班次，每日早晚两次清运，并对垃圾桶周边消毒。',
  },
  {
    category: 'complaint',
    department: '保洁部',
    title: '电梯内宠物便溺未清理',
    description: '电梯轿厢内有宠物便溺，无人清理。',
    result: '已清洁消毒，调取监控提醒相关养犬业主文明养犬。',
  },
  {
    category: 'complaint',
    department: '工程部',
    title: '维修人员未按约定时间上门',
    description: '约好上午维修，等到下午仍无人上门，也无人通知。',
    result: '向业主致歉，工程部当日下午完成维修，并在部门内通报改进。',
  },
  {
    category: 'complaint',
    department: '客户中心',
    title: '前台服务态度投诉',
    description: '业主反映办理门禁卡时等待时间长，前台解释不清楚。',
    result: '客户中心助理向业主当面致歉，已对前台人员进行服务规范培训。',
  },
  // 咨询
  {
    category: 'inquiry',
    department: '财务部',
    title: '物业费账单疑问',
    description: '业主询问本月物业管理费金额与上月不一致的原因。',
    result: '已解释：本月含公共区域水电费分摊，已提供分摊明细。',
  },
  {
    category: 'inquiry',
    department: '财务部',
    title: '物业费发票开具',
    description: '业主需要开具去年全年物业费增值税普通发票。',
    result: '财务部已开具电子发票并发送至业主邮箱。',
  },
  {
    category: 'inquiry',
    department: '管理处',
    title: '装修手续咨询',
    description: '业主准备装修厨房卫生间，询问需要办理哪些手续、押金多少。',
    result: '已告知装修申请流程、所需资料及装修押金标准，业主将于本周来办理。',
  },
  {
    category: 'inquiry',
    department: '客户中心',
    title: '车位租赁咨询',
    description: '询问地下车库是否还有月租车位及收费标准。',
    result: '已告知剩余车位情况及月租标准，业主已登记等候。',
  },
  // 建议
  {
    category: 'suggestion',
    department: '管理处',
    title: '建议增设电动车充电桩',
    description: '小区电动车越来越多，建议在非机动车棚增设充电桩，避免飞线充电。',
    result: '管理处已纳入下季度改造计划，将先行在 3 栋车棚试点安装。',
  },
  {
    category: 'suggestion',
    department: '管理处',
    title: '建议增加智能快递柜',
    description: '快递经常放在门岗堆积，建议增加快递柜。',
    result: '已与快递柜运营商洽谈，拟在南门增设一组。',
  },
  {
    category: 'suggestion',
    department: '保洁部',
    title: '建议加强垃圾分类宣传',
    description: '很多住户不清楚垃圾分类标准，建议张贴分类指引。',
    result: '保洁部已在各投放点张贴分类指引，并安排督导员早晚值守。',
  },
  // 综合报事
  {
    category: 'comprehensive',
    department: '客户中心',
    title: '门禁卡失效补办',
    description: '业主门禁卡无法刷开单元门，另需补办一张给家中老人。',
    result: '已重新授权原门禁卡，补办新卡一张。',
    paid: { min: 20, max: 20, item: '门禁卡工本费' },
  },
  {
    category: 'comprehensive',
    department: '客户中心',
    title: '邻里漏水纠纷协调',
    description: '楼上漏水导致本户墙面受损，双方就赔偿协商不成，请物业协调。',
    result: '客户中心组织双方协商，工程部出具漏水原因说明，双方达成赔偿协议。',
  },
  {
    category: 'comprehensive',
    department: '管理处',
    title: '绿化树木遮挡采光',
    description: '楼前大树枝叶过密，遮挡低层住户采光，且招蚊虫。',
    result: '管理处报园林部门审批后完成修剪，并进行蚊虫消杀。',
  },
];

const CANCEL_REASONS = [
  '业主来电告知问题已自行解决',
  '重复报事，已合并至其他报事单',
  '业主要求取消，改为自行请人维修',
  '经核实不属于物业服务范围（户内私人装修问题）',
];

const FEEDBACK: Record<number, string[]> = {
  5: ['非常满意，维修师傅很专业', '处理及时，态度很好', '满意，谢谢物业'],
  4: ['基本满意，希望下次能更快一些', '满意，但师傅离开时没有清理现场'],
  3: ['一般，等了比较久', '问题解决了，但沟通不够及时'],
  2: ['不太满意，问题反复出现', '上门时间一再推迟'],
  1: ['很不满意，至今没有彻底解决', '对处理结果不认可，要求主管跟进'],
};

const SPOT_FINDINGS = [
  '抽查属实：业主确认问题已解决，对处理结果满意',
  '抽查属实：维修质量良好，现场已清理',
  '抽查发现业主反映维修后仍有轻微问题，已通知处理部门复查',
  '抽查发现原回访记录与业主陈述基本一致，处理时间偏长，已提醒部门改进',
];

const STATUS_WEIGHTS: ReadonlyArray<readonly [TicketStatus, number]> = [
  ['archived', 35],
  ['approved', 8],
  ['visited', 10],
  ['completed', 10],
  ['dispatched', 17],
  ['reported', 12],
  ['cancelled', 8],
];
const CHANNEL_WEIGHTS: ReadonlyArray<readonly [TicketChannel, number]> = [
  ['phone', 55],
  ['visit', 25],
  ['online', 12],
  ['letter', 8],
];
const SATISFACTION_WEIGHTS: ReadonlyArray<readonly [number, number]> = [
  [5, 45],
  [4, 35],
  [3, 12],
  [2, 5],
  [1, 3],
];
/** How long ago tickets of each (later) status were reported, in days. */
const AGE_DAYS: Partial<Record<TicketStatus, [number, number]>> = {
  completed: [1, 10],
  visited: [2, 15],
  approved: [3, 30],
  archived: [7, 180],
  cancelled: [1, 60],
};

/** Daily sequential numbers (BS…, PG…) continuing after whatever the database already holds for each day. */
class DailySequence {
  private next = new Map<string, number>();
  constructor(
    private model: ModelStatic<Model>,
    private prefix: string,
  ) {}
  async take(at: Date, transaction: Transaction): Promise<string> {
    const day = shanghaiDayKey(at);
    let seq = this.next.get(day);
    if (seq === undefined) {
      const first = await nextDailyNumber(this.model, this.prefix, at, transaction);
      seq = Number.parseInt(first.slice(first.lastIndexOf('-') + 1), 10);
    }
    this.next.set(day, seq + 1);
    return formatDailyNumber(this.prefix, at, seq);
  }
}

interface People {
  department(name: DepartmentName): Department;
  /** Staff who work in a department (assignees). */
  members(department: Department): Staff[];
  supervisorId(department: Department): number;
  registrar(): Staff;
  /** 接待员, 协调员, 助理: dispatch follow-up, return visits, spot checks, cancellations. */
  frontDesk: Staff[];
  archivers: Staff[];
}

function people(ctx: DemoContext): People {
  const { rng, staff } = ctx;
  const available = Object.values(ctx.departments);
  if (available.length === 0) throw new Error('演示数据：前台服务需要先有部门（ctx.departments）');
  const everyone = [...Object.values(staff), ...ctx.otherStaff];
  const membersCache = new Map<number, Staff[]>();
  return {
    department: (name) => ctx.departments[name] ?? ctx.departments['客户中心'] ?? available[0],
    members(department) {
      let list = membersCache.get(department.id);
      if (!list) {
        const byId = new Map(
          everyone.filter((s) => s.departmentId === department.id && s.id !== staff.it.id).map((s) => [s.id, s]),
        );
        list = [...byId.values()];
        if (list.length === 0 && department === ctx.departments['工程部']) list = [staff.engineer];
        membersCache.set(department.id, list);
      }
      return list;
    },
    supervisorId: (department) =>
      department.supervisorId ?? (department === ctx.departments['工程部'] ? staff.engineer.id : staff.director.id),
    registrar: () =>
      weighted(rng, [
        [staff.reception, 40],
        [staff.coordinator, 25],
        [staff.assistant, 15],
        [staff.cashier, 12],
        [staff.cashier2, 8],
      ] as const),
    frontDesk: [staff.reception, staff.coordinator, staff.assistant],
    archivers: [staff.reception, staff.assistant],
  };
}

interface TicketPlan {
  row: CreationAttributes<Ticket>;
  template: TicketTemplate;
  department: Department;
  /** The first work order was sent to someone else and reassigned. */
  reassigned: boolean;
  dispatcher: Staff;
  firstAssignee: Staff | null;
  visitor: Staff | null;
  spotCheck: boolean;
}

function ticketStatus(rng: Rng, index: number): TicketStatus {
  if (index < TICKET_STATUSES.length * GUARANTEED_PER_STATUS) return TICKET_STATUSES[index % TICKET_STATUSES.length];
  return weighted(rng, STATUS_WEIGHTS);
}

function planTicket(ctx: DemoContext, who: People, index: number, ownersById: Map<number, Owner>): TicketPlan {
  const { rng, now } = ctx;
  const status = ticketStatus(rng, index);
  const round = Math.floor(index / TICKET_STATUSES.length);
  const guaranteed = round < GUARANTEED_PER_STATUS;
  // The first two rounds go to 工程部 so its supervisor (the engineer demo account) has tickets to complete and approve.
  const pool = guaranteed && round < 2 ? TEMPLATES.filter((t) => t.department === '工程部') : TEMPLATES;
  const template =
    guaranteed && round < 2
      ? rng.pick(pool)
      : weighted(
          rng,
          pool.map((t) => [t, t.department === '工程部' ? 3 : 1] as const),
        );
  const department = who.department(template.department);
  const dueHours = TICKET_DUE_HOURS[template.category];
  const overdue = guaranteed ? round % 2 === 0 : rng.chance(0.35);
  const cancelledAfterDispatch = status === 'cancelled' && (guaranteed ? round % 2 === 1 : rng.chance(0.5));

  // Offsets of each event after reportedAt.
  const off: Partial<Record<'dispatched' | 'completed' | 'visited' | 'approved' | 'archived' | 'cancelled', number>> =
    {};
  const reached = (s: TicketStatus) =>
    TICKET_STATUSES.indexOf(status) >= TICKET_STATUSES.indexOf(s) && status !== 'cancelled';
  if (reached('dispatched') || cancelledAfterDispatch) off.dispatched = rng.int(10, 120) * MINUTE;
  if (reached('completed')) off.completed = off.dispatched! + rng.int(120, Math.round(dueHours * 1.3 * 60)) * MINUTE;
  if (reached('visited')) off.visited = off.completed! + rng.int(2, 48) * HOUR;
  if (reached('approved')) off.approved = off.visited! + rng.int(1, 48) * HOUR;
  if (reached('archived')) off.archived = off.approved! + rng.int(2, 96) * HOUR;
  if (status === 'cancelled') off.cancelled = (off.dispatched ?? 0) + rng.int(20, 600) * MINUTE;
  const lastOffset = Math.max(0, ...Object.values(off));

  let age: number;
  if (status === 'reported' || status === 'dispatched') {
    age = overdue ? dueHours * HOUR + rng.int(2, 72) * HOUR : rng.int(20, Math.round(dueHours * 60 * 0.6)) * MINUTE;
  } else {
    const [min, max] = AGE_DAYS[status]!;
    age = rng.int(min * 24, max * 24) * HOUR;
  }
  age = Math.max(age, lastOffset + rng.int(5, 120) * MINUTE);
  const reportedAt = new Date(Math.floor((now.getTime() - age) / MINUTE) * MINUTE);
  const at = (k: keyof typeof off) => (off[k] === undefined ? null : new Date(reportedAt.getTime() + off[k]!));

  const unit: Unit | undefined = ctx.units.length ? rng.pick(ctx.units) : undefined;
  const owner = unit?.ownerId ? ownersById.get(unit.ownerId) : undefined;
  const byOwner = owner && owner.phone && rng.chance(0.85);
  const members = who.members(department);
  const assignee = off.dispatched !== undefined && members.length ? rng.pick(members) : null;
  const reassigned = off.dispatched !== undefined && status !== 'cancelled' && members.length > 1 && rng.chance(0.15);
  const firstAssignee = reassigned ? rng.pick(members.filter((m) => m.id !== assignee?.id)) : assignee;
  const satisfaction = reached('visited') ? weighted(rng, SATISFACTION_WEIGHTS) : null;
  const registrar = who.registrar();
  const where = unit ? `${unit.label}` : '业主';

  const row: CreationAttributes<Ticket> = {
    channel: weighted(rng, CHANNEL_WEIGHTS),
    category: template.category,
    title: template.title,
    description: `${where}：${template.description}`,
    reporterName: byOwner ? owner!.name : personName(rng),
    reporterPhone: byOwner ? owner!.phone : rng.chance(0.9) ? mobile(rng) : landline(rng),
    ownerId: owner?.id ?? unit?.ownerId ?? null,
    unitId: unit?.id ?? null,
    status,
    departmentId: department.id,
    assigneeId: assignee?.id ?? null,
    registeredById: registrar.id,
    reportedAt,
    dueAt: defaultTicketDueAt(template.category, reportedAt),
    dispatchedAt: at('dispatched'),
    completedAt: at('completed'),
    visitedAt: at('visited'),
    approvedAt: at('approved'),
    approvedById: off.approved !== undefined ? who.supervisorId(department) : null,
    archivedAt: at('archived'),
    archivedById: off.archived !== undefined ? rng.pick(who.archivers).id : null,
    cancelledAt: at('cancelled'),
    cancelReason: status === 'cancelled' ? rng.pick(CANCEL_REASONS) : null,
    result: off.completed !== undefined ? template.result : null,
    satisfaction,
    createdAt: reportedAt,
    updatedAt: new Date(reportedAt.getTime() + lastOffset),
  };
  return {
    row,
    template,
    department,
    reassigned,
    dispatcher: rng.chance(0.6) ? registrar : rng.pick(who.frontDesk),
    firstAssignee,
    visitor: satisfaction !== null ? rng.pick(who.frontDesk) : null,
    spotCheck: false,
  };
}

function workOrdersFor(
  ctx: DemoContext,
  plan: TicketPlan,
  ticket: Ticket,
): Omit<CreationAttributes<WorkOrder>, 'number'>[] {
  const { rng } = ctx;
  if (!ticket.dispatchedAt) return [];
  const dispatchedAt = new Date(ticket.dispatchedAt);
  const dueAt = (from: Date) => new Date(Math.max(new Date(ticket.dueAt).getTime(), from.getTime() + 4 * HOUR));
  const finalStatus = ticket.status === 'dispatched' ? 'open' : ticket.status === 'cancelled' ? 'cancelled' : 'done';
  const paid = plan.template.paid && finalStatus !== 'cancelled' && rng.chance(0.7) ? plan.template.paid : undefined;
  const orders: Omit<CreationAttributes<WorkOrder>, 'number'>[] = [];
  let current = dispatchedAt;
  if (plan.reassigned) {
    orders.push({
      ticketId: ticket.id,
      departmentId: ticket.departmentId,
      assigneeId: plan.firstAssignee?.id ?? null,
      dispatchedById: plan.dispatcher.id,
      dispatchedAt,
      dueAt: dueAt(dispatchedAt),
      status: 'reassigned',
      note: '原处理人当班外出，改派他人',
      createdAt: dispatchedAt,
      updatedAt: dispatchedAt,
    });
    // Never after now (a ticket dispatched minutes ago) nor after the work was completed.
    const latest = Math.max(
      dispatchedAt.getTime(),
      Math.min(ctx.now.getTime(), ticket.completedAt ? new Date(ticket.completedAt).getTime() : Infinity) - MINUTE,
    );
    current = new Date(Math.min(dispatchedAt.getTime() + rng.int(15, 90) * MINUTE, latest));
  }
  const completedAt = finalStatus === 'done' && ticket.completedAt ? new Date(ticket.completedAt) : null;
  orders.push({
    ticketId: ticket.id,
    departmentId: ticket.departmentId,
    assigneeId: ticket.assigneeId ?? null,
    dispatchedById: plan.dispatcher.id,
    dispatchedAt: current,
    dueAt: dueAt(current),
    status: finalStatus,
    isPaidService: !!paid,
    feeAmount: paid ? rng.int(paid.min, paid.max) * 100 : 0,
    note: paid ? `有偿服务：${paid.item}，按管理处有偿服务收费标准收取` : `请于要求时间内处理：${plan.template.title}`,
    completedAt,
    result: completedAt ? ticket.result : null,
    createdAt: current,
    updatedAt: completedAt ?? (ticket.cancelledAt ? new Date(ticket.cancelledAt) : current),
  });
  return orders;
}

async function seedTickets(ctx: DemoContext, who: People): Promise<void> {
  const { rng, now } = ctx;
  const total = TICKETS_PER_SCALE * ctx.scale;
  const ownersById = new Map(ctx.owners.map((o) => [o.id, o]));
  const ticketNumbers = new DailySequence(Ticket as unknown as ModelStatic<Model>, TICKET_NUMBER_PREFIX);
  const orderNumbers = new DailySequence(WorkOrder as unknown as ModelStatic<Model>, WORK_ORDER_NUMBER_PREFIX);
  let spotChecksMade = 0;

  for (let start = 0; start < total; start += BATCH) {
    const count = Math.min(BATCH, total - start);
    await sequelize.transaction(async (transaction) => {
      const plans = Array.from({ length: count }, (_, j) => planTicket(ctx, who, start + j, ownersById));
      // Numbers follow the report time within each day.
      plans.sort((a, b) => a.row.reportedAt!.getTime() - b.row.reportedAt!.getTime());
      for (const plan of plans) plan.row.number = await ticketNumbers.take(plan.row.reportedAt!, transaction);
      const tickets = await Ticket.bulkCreate(
        plans.map((p) => p.row),
        { transaction, validate: true, returning: true },
      );

      const orders: CreationAttributes<WorkOrder>[] = [];
      tickets.forEach((ticket, j) =>
        orders.push(...workOrdersFor(ctx, plans[j], ticket).map((o) => ({ ...o, number: '' }))),
      );
      orders.sort((a, b) => a.dispatchedAt!.getTime() - b.dispatchedAt!.getTime());
      for (const order of orders) order.number = await orderNumbers.take(order.dispatchedAt!, transaction);
      await WorkOrder.bulkCreate(orders, { transaction, validate: true });

      const visitRows: CreationAttributes<ReturnVisit>[] = [];
      const visited: { ticket: Ticket; plan: TicketPlan }[] = [];
      tickets.forEach((ticket, j) => {
        const plan = plans[j];
        if (!plan.visitor || !ticket.visitedAt || ticket.satisfaction == null) return;
        const visitedAt = new Date(ticket.visitedAt);
        visitRows.push({
          label: returnVisitLabel(ticket.number, false, visitedAt),
          ticketId: ticket.id,
          visitorId: plan.visitor.id,
          visitedAt,
          method: rng.chance(0.8) ? 'phone' : 'visit',
          satisfaction: ticket.satisfaction,
          feedback: rng.pick(FEEDBACK[ticket.satisfaction]),
          createdAt: visitedAt,
          updatedAt: visitedAt,
        });
        visited.push({ ticket, plan });
      });
      const visits = await ReturnVisit.bulkCreate(visitRows, { transaction, validate: true, returning: true });

      // 抽查: someone other than the original visitor re-checks visits of tickets other departments handled.
      const spotRows: CreationAttributes<ReturnVisit>[] = [];
      visits.forEach((visit, j) => {
        const { ticket, plan } = visited[j];
        const eligible =
          plan.department !== ctx.departments['客户中心'] &&
          (ticket.status === 'approved' || ticket.status === 'archived');
        if (!eligible || !(spotChecksMade < 2 || rng.chance(0.25))) return;
        const others = who.frontDesk.filter((s) => s.id !== visit.visitorId);
        if (others.length === 0) return;
        const checker = rng.pick(others);
        const earliest = new Date(visit.visitedAt).getTime() + HOUR;
        const visitedAt = new Date(
          Math.min(earliest + rng.int(1, 72) * HOUR, Math.max(earliest, now.getTime() - 10 * MINUTE)),
        );
        const satisfaction = Math.min(5, Math.max(1, visit.satisfaction + rng.int(-1, 0)));
        spotRows.push({
          label: returnVisitLabel(ticket.number, true, visitedAt),
          ticketId: ticket.id,
          visitorId: checker.id,
          visitedAt,
          method: 'phone',
          satisfaction,
          feedback: rng.pick(FEEDBACK[satisfaction]),
          isSpotCheck: true,
          spotCheckOfId: visit.id,
          finding: rng.pick(SPOT_FINDINGS),
          createdAt: visitedAt,
          updatedAt: visitedAt,
        });
        spotChecksMade++;
      });
      await ReturnVisit.bulkCreate(spotRows, { transaction, validate: true });
    });
    if (total > BATCH) ctx.progress(`报事单：${Math.min(start + BATCH, total)}/${total}`);
  }
}

interface CorrespondenceTemplate {
  direction: 'incoming' | 'outgoing';
  party: (rng: Rng, owner?: Owner) => string;
  subject: string;
  content: string;
  result: string;
  aboutOwner?: boolean;
}

const CORRESPONDENCE: Record<CorrespondenceKind, CorrespondenceTemplate[]> = {
  mail: [
    {
      direction: 'incoming',
      party: () => '中国邮政 EMS',
      subject: '代收业主挂号信',
      content: '收到寄给业主的挂号信一封，前台代为签收并登记。',
      result: '已电话通知业主，业主本人凭身份证签收。',
      aboutOwner: true,
    },
    {
      direction: 'incoming',
      party: () => '顺丰速运',
      subject: '代收业主到付快递',
      content: '业主外出，委托前台代收文件快递一份。',
      result: '已放入前台代收柜，业主当晚领取。',
      aboutOwner: true,
    },
    {
      direction: 'outgoing',
      party: (_r, o) => o?.name ?? '业主',
      subject: '寄送物业费催缴通知函',
      content: '按催缴计划向长期在外地的业主邮寄物业费催缴通知函（EMS）。',
      result: '邮件已妥投，回执存档。',
      aboutOwner: true,
    },
  ],
  letter: [
    {
      direction: 'incoming',
      party: (_r, o) => o?.name ?? '业主',
      subject: '业主来信反映楼下商铺油烟扰民',
      content: '业主来信反映楼下餐饮商铺油烟排放影响开窗通风，要求物业协调整改。',
      result: '已转管理处约谈商铺经营者，限期加装油烟净化设备，并书面回复业主。',
      aboutOwner: true,
    },
    {
      direction: 'incoming',
      party: (_r, o) => o?.name ?? '业主',
      subject: '业主来信建议增设儿童游乐设施',
      content: '业主联名来信建议在中心花园增设儿童游乐设施。',
      result: '已呈报管理处主任，纳入年度公共设施改造讨论。',
      aboutOwner: true,
    },
    {
      direction: 'outgoing',
      party: () => '全体业主',
      subject: '致全体业主的一封信（春节安全）',
      content: '春节期间防火防盗、禁止在小区内燃放烟花爆竹的温馨提示。',
      result: '已投递至各户信报箱并在公告栏张贴。',
    },
    {
      direction: 'outgoing',
      party: (_r, o) => o?.name ?? '业主',
      subject: '关于漏水纠纷处理情况的复函',
      content: '就业主来信反映的楼上漏水问题，书面回复处理经过与结果。',
      result: '复函已由业主签收。',
      aboutOwner: true,
    },
  ],
  external_call: [
    {
      direction: 'outgoing',
      party: () => '深圳供电局南山供电分局',
      subject: '确认计划停电时间',
      content: '致电供电局确认小区配电房检修的计划停电时间与范围。',
      result: '确认停电时间，已拟写停电通知。',
    },
    {
      direction: 'outgoing',
      party: () => '深圳市水务集团',
      subject: '报修小区市政供水管爆裂',
      content: '南门外市政供水管爆裂，致电水务集团抢修。',
      result: '水务集团 2 小时内到场抢修，当晚恢复供水。',
    },
    {
      direction: 'outgoing',
      party: () => '迅达电梯深圳维保站',
      subject: '通知电梯维保单位到场检修',
      content: '通知维保单位对 2 号电梯异响进行检修。',
      result: '维保人员 40 分钟到场。',
    },
    {
      direction: 'outgoing',
      party: () => '桃源街道办事处',
      subject: '报送小区垃圾分类推进情况',
      content: '按街道要求电话报送本月垃圾分类督导情况。',
      result: '已报送，街道要求下月提交书面材料。',
    },
    {
      direction: 'incoming',
      party: () => '辖区派出所',
      subject: '派出所来电核实租户信息',
      content: '派出所来电核实部分出租屋租户登记情况。',
      result: '已提供租户登记台账复印件。',
    },
  ],
  phone_record: [
    {
      direction: 'incoming',
      party: (r, o) => o?.name ?? personName(r),
      subject: '业主来电咨询停水时间',
      content: '业主来电询问明日停水的具体时间段。',
      result: '已告知停水时间 9:00–17:00，并提醒提前储水。',
      aboutOwner: true,
    },
    {
      direction: 'incoming',
      party: (r, o) => o?.name ?? personName(r),
      subject: '业主来电询问装修押金退还进度',
      content: '业主询问装修验收后押金何时退还。',
      result: '已转收费员查询，告知验收通过后 7 个工作日内退还。',
      aboutOwner: true,
    },
    {
      direction: 'outgoing',
      party: (r, o) => o?.name ?? personName(r),
      subject: '电话通知业主领取门禁卡',
      content: '通知业主补办的门禁卡已制作完成。',
      result: '业主已到前台领取。',
      aboutOwner: true,
    },
    {
      direction: 'incoming',
      party: (r) => personName(r),
      subject: '访客来电询问小区地址与停车',
      content: '外来访客询问小区南门位置及临时停车收费。',
      result: '已告知南门位置及临时停车收费标准。',
    },
  ],
};

async function seedCorrespondence(ctx: DemoContext): Promise<void> {
  const { rng, now, staff } = ctx;
  const total = CORRESPONDENCE_PER_SCALE * ctx.scale;
  const handlers = [
    [staff.reception, 65],
    [staff.coordinator, 35],
  ] as const;
  for (let start = 0; start < total; start += BATCH) {
    const rows: CreationAttributes<Correspondence>[] = [];
    for (let i = start; i < Math.min(start + BATCH, total); i++) {
      const kind = CORRESPONDENCE_KINDS[i % CORRESPONDENCE_KINDS.length];
      const template = rng.pick(CORRESPONDENCE[kind]);
      const owner = template.aboutOwner && ctx.owners.length ? rng.pick(ctx.owners) : undefined;
      rows.push({
        kind,
        direction: template.direction,
        party: template.party(rng, owner),
        subject: template.subject,
        content: template.content,
        handlerId: weighted(rng, handlers).id,
        occurredOn: shanghaiDay(daysAgo(now, rng.int(0, 90))),
        result: template.result,
        ownerId: owner?.id ?? null,
      });
    }
    await sequelize.transaction((transaction) => Correspondence.bulkCreate(rows, { transaction, validate: true }));
  }
}

const NOTICES: { title: string; content: string; audience: string }[] = [
  {
    title: '停水通知',
    content: '因市政供水管网维修，{c} 将于本周六 9:00–17:00 暂停供水，请各位业主提前做好储水准备。不便之处，敬请谅解。',
    audience: '{c}全体业主',
  },
  {
    title: '计划停电通知',
    content: '接供电局通知，{c} 配电房将进行年度检修，届时电梯、单元门禁暂停使用，请提前安排出行。',
    audience: '{c}全体业主',
  },
  {
    title: '电梯年度检验通知',
    content: '根据特种设备检验要求，各栋电梯将轮流进行年度检验，每部电梯停用约 2 小时，请留意单元公告。',
    audience: '{c}各栋住户',
  },
  {
    title: '消防演练通知',
    content: '管理处定于本月 20 日下午 15:00 在中心广场组织消防疏散演练，届时警铃将试响，请勿惊慌。',
    audience: '{c}全体住户',
  },
  {
    title: '台风防御温馨提示',
    content: '据气象台预报，台风将于明日影响深圳，请业主收回阳台花盆及杂物、关好门窗，非必要不外出。',
    audience: '{c}全体住户',
  },
  {
    title: '二次供水水箱清洗通知',
    content: '为保障饮用水卫生，管理处将对地下水池及楼顶水箱进行清洗消毒，期间可能出现短时水压不足。',
    audience: '{c}全体业主',
  },
  {
    title: '关于规范电动自行车停放充电的告示',
    content: '严禁将电动自行车推入电梯、楼道及室内充电，请停放至非机动车棚并使用充电桩。',
    audience: '{c}全体住户',
  },
  {
    title: '物业管理费缴费提醒',
    content: '本季度物业管理费缴费期已开始，业主可到客户中心前台缴费，也可通过银行转账缴纳。',
    audience: '{c}全体业主',
  },
  {
    title: '垃圾分类投放时间调整公告',
    content: '自下月 1 日起，生活垃圾定时定点投放时间调整为每日 7:00–9:00、18:00–21:00。',
    audience: '{c}全体住户',
  },
  {
    title: '春节期间安全告示',
    content: '春节期间小区内禁止燃放烟花爆竹，外出探亲请关闭水电气阀门，贵重物品妥善保管。',
    audience: '{c}全体住户',
  },
];

async function seedNotices(ctx: DemoContext): Promise<void> {
  const { rng, now, staff } = ctx;
  const total = Math.min(10 * ctx.scale, NOTICES_MAX);
  const communities = ctx.communities.length ? ctx.communities.map((c) => c.name) : ['本小区'];
  const rows: CreationAttributes<Notice>[] = [];
  for (let i = 0; i < total; i++) {
    // Three drafts, five published and two withdrawn in every ten.
    const status: NoticeStatus = i % 10 < 3 ? 'draft' : i % 10 < 8 ? 'published' : 'withdrawn';
    const template = NOTICES[i % NOTICES.length];
    const community = rng.pick(communities);
    const writtenAt = new Date(daysAgo(now, rng.int(2, 120), 9).getTime() + rng.int(0, 480) * MINUTE);
    const publishedAt = status === 'draft' ? null : new Date(writtenAt.getTime() + rng.int(1, 24) * HOUR);
    const withdrawnAt =
      status === 'withdrawn' && publishedAt
        ? new Date(Math.min(publishedAt.getTime() + rng.int(1, 10) * DAY, now.getTime() - HOUR))
        : null;
    rows.push({
      title: `${community}${template.title}`,
      content: template.content.replaceAll('{c}', community),
      status,
      audience: template.audience.replaceAll('{c}', community),
      authorId: rng.chance(0.6) ? staff.reception.id : staff.assistant.id,
      publishedAt,
      withdrawnAt,
      createdAt: writtenAt,
      updatedAt: withdrawnAt ?? publishedAt ?? writtenAt,
    });
  }
  await sequelize.transaction((transaction) => Notice.bulkCreate(rows, { transaction, validate: true }));
}

export async function seedFrontDeskDemo(ctx: DemoContext): Promise<void> {
  const who = people(ctx);
  await seedTickets(ctx, who);
  await seedCorrespondence(ctx);
  await seedNotices(ctx);
}
