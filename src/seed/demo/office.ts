// Demo data for the office work: satisfaction surveys (in every state, with questions and collected answers),
// the front four's and the director's monthly plans (last month and this month, with carried items), and
// archived documents of every type. Deterministic for a given ctx.rng and ctx.now.
import {
  ARCHIVE_DOC_TYPES,
  ArchiveDocument,
  Survey,
  SurveyQuestion,
  SurveyResponse,
  WorkPlan,
  WorkPlanItem,
  sequelize,
  type ArchiveDocType,
  type Staff,
  type SurveyAnswers,
  type SurveyQuestionKind,
  type SurveyStatus,
  type WorkPlanItemStatus,
} from '../../models/index.js';
import { addDays, addMonths, monthLabel, shanghaiDay, shanghaiMoment, shanghaiMonth } from '../../lib/shanghai.js';
import { WORK_PLAN_NOTE, workPlanTitle } from '../../domain/work-plans.js';
import type { DemoContext } from './context.js';
import { CHUNK, bulkInsert } from './bulk.js';
import { daysAgo, personName, type Rng } from './fake.js';

const clamp = (n: number, min: number, max: number) => Math.min(max, Math.max(min, n));
const CN_DIGITS = '〇一二三四五六七八九';

// ---------- dates (Asia/Shanghai) ----------

function ymd(date: Date) {
  const [y, m, d] = shanghaiDay(date).split('-').map(Number);
  return { y, m, d };
}
function monthKey(y: number, m: number): string {
  return `${y}-${String(m).padStart(2, '0')}`;
}
/** Quarter `delta` quarters from the one holding `now`: its label and first day. */
function quarter(now: Date, delta: number) {
  const { y, m } = ymd(now);
  const index = y * 4 + Math.floor((m - 1) / 3) + delta;
  const year = Math.floor(index / 4);
  const q = (index % 4) + 1;
  return { label: `${year}年第${CN_DIGITS[q]}季度`, firstDay: `${monthKey(year, (q - 1) * 3 + 1)}-01` };
}

// ---------- surveys ----------

type QuestionDef = { text: string; kind: SurveyQuestionKind };
const score = (text: string): QuestionDef => ({ text, kind: 'score' });
const text = (t: string): QuestionDef => ({ text: t, kind: 'text' });

const OWNER_QUESTIONS: QuestionDef[] = [
  score('客户中心接待人员的服务态度'),
  score('报事报修的响应速度'),
  score('维修人员的维修质量'),
  score('公共区域的清洁卫生'),
  score('小区安全秩序与门岗管理'),
  score('绿化养护情况'),
  score('物业管理费收费及公示的透明度'),
  text('您对物业管理处还有哪些意见或建议？'),
];
const RENOVATION_QUESTIONS: QuestionDef[] = [
  score('装修申请手续办理的便捷程度'),
  score('工程部审核意见的专业性'),
  score('装修押金收取与退还的及时性'),
  score('装修期间噪音与垃圾清运的管理'),
  text('您对装修管理还有哪些建议？'),
];
const PARKING_QUESTIONS: QuestionDef[] = [
  score('车位租赁办理流程是否便捷'),
  score('车库秩序与车辆安全'),
  score('会所设施与卫生'),
  score('会所收费明细是否清楚'),
  text('对停车场和会所服务的其他意见'),
];

const SUGGESTIONS = [
  '维修师傅来得很及时，态度也好。',
  '希望晚上加强巡逻，地下车库灯光太暗。',
  '电梯经常出故障，希望尽快彻底维修。',
  '垃圾桶清理不够及时，夏天有异味。',
  '前台接待很热情，办事效率高。',
  '希望物业费的使用情况能定期公示。',
  '小区绿化修剪得很好，感谢园林师傅。',
  '快递堆放在大堂比较乱，建议设置快递柜。',
  '装修噪音时间管理要更严格，周末上午太吵。',
  '停车位太紧张，希望合理规划访客车位。',
  '报修电话有时打不通，建议增加值班人员。',
  '整体满意，继续保持。',
];

interface SurveyDef {
  title: string;
  period: string;
  description: string;
  status: SurveyStatus;
  plannedStart: string;
  plannedEnd: string;
  startedAt: Date | null;
  closedAt: Date | null;
  questions: QuestionDef[];
  /** Responses at scale 1. */
  responses: number;
  /** Mean score the demo answers gather around. */
  mean: number;
}

function surveyPlans(now: Date): SurveyDef[] {
  const today = shanghaiDay(now);
  const plans: SurveyDef[] = [];
  for (const delta of [-2, -1]) {
    const q = quarter(now, delta);
    const plannedStart = addDays(q.firstDay, 40);
    const plannedEnd = addDays(plannedStart, 20);
    plans.push({
      title: `${q.label}业主满意度调查`,
      period: q.label,
      description: '按季度对全体业主进行满意度调查：上门发放问卷与电话回访相结合，每栋抽样不少于 10 户。',
      status: 'closed',
      plannedStart,
      plannedEnd,
      startedAt: shanghaiMoment(plannedStart, 9),
      closedAt: shanghaiMoment(plannedEnd, 18),
      questions: OWNER_QUESTIONS,
      responses: 30,
      mean: delta === -2 ? 3.6 : 3.95,
    });
  }
  const current = quarter(now, 0);
  plans.push({
    title: `${current.label}业主满意度调查`,
    period: current.label,
    description: '本季度例行满意度调查，重点了解报修响应与公共区域卫生的改进效果。',
    status: 'running',
    plannedStart: addDays(today, -15),
    plannedEnd: addDays(today, 15),
    startedAt: shanghaiMoment(addDays(today, -15), 9),
    closedAt: null,
    questions: OWNER_QUESTIONS,
    responses: 12,
    mean: 4.05,
  });
  const { y } = ymd(now);
  plans.push({
    title: `${y}年装修服务专项满意度调查`,
    period: `${y}年`,
    description: '针对本年度办理过装修手续的业主，了解装修审批、押金收退和施工管理的满意度。',
    status: 'running',
    plannedStart: addDays(today, -8),
    plannedEnd: addDays(today, 22),
    startedAt: shanghaiMoment(addDays(today, -8), 9),
    closedAt: null,
    questions: RENOVATION_QUESTIONS,
    responses: 8,
    mean: 3.8,
  });
  const next = quarter(now, 1);
  plans.push({
    title: `${next.label}业主满意度调查`,
    period: next.label,
    description: '下季度例行满意度调查计划（草拟中）：沿用本季度问卷，增加快递收发服务一题待定。',
    status: 'draft',
    plannedStart: addDays(next.firstDay, 40),
    plannedEnd: addDays(next.firstDay, 60),
    startedAt: null,
    closedAt: null,
    questions: OWNER_QUESTIONS,
    responses: 0,
    mean: 4,
  });
  plans.push({
    title: '停车场与会所服务满意度调查',
    period: monthLabel(addMonths(today.slice(0, 7), 1)),
    description: '了解车位租赁办理、车库秩序和会所收费的满意度，供收费员与车库管理员改进工作。',
    status: 'draft',
    plannedStart: addDays(today, 20),
    plannedEnd: addDays(today, 40),
    startedAt: null,
    closedAt: null,
    questions: PARKING_QUESTIONS,
    responses: 0,
    mean: 4,
  });
  return plans;
}

interface Respondent {
  ownerId: number | null;
  unitId: number | null;
  name: string;
}

function respondents(ctx: DemoContext): Respondent[] {
  const ownerName = new Map(ctx.owners.map((o) => [o.id, o.name]));
  return ctx.units
    .filter((u) => u.ownerId && ownerName.has(u.ownerId))
    .map((u) => ({ ownerId: u.ownerId!, unitId: u.id, name: ownerName.get(u.ownerId!)! }));
}

function scoreAround(rng: Rng, mean: number): number {
  return clamp(Math.round(mean + (rng.next() + rng.next() - 1) * 1.6), 1, 5);
}

type ResponseRow = {
  surveyId: number;
  ownerId: number | null;
  unitId: number | null;
  respondentName: string;
  collectedById: number;
  collectedAt: Date;
  answers: SurveyAnswers;
  overallScore: number;
  comment: string | null;
};

function buildResponses(
  ctx: DemoContext,
  survey: Survey,
  def: SurveyDef,
  questions: SurveyQuestion[],
  pool: Respondent[],
): ResponseRow[] {
  const { rng } = ctx;
  const count = def.responses * ctx.scale;
  const from = survey.startedAt!.getTime();
  const to = (survey.closedAt ?? ctx.now).getTime();
  const collectors = [ctx.staff.assistant, ctx.staff.coordinator];
  const start = pool.length ? rng.int(0, pool.length - 1) : 0;
  const rows: ResponseRow[] = [];
  for (let i = 0; i < count; i++) {
    const who: Respondent = pool.length
      ? pool[(start + i) % pool.length]
      : { ownerId: null, unitId: null, name: personName(rng) };
    const answers: SurveyAnswers = {};
    let sum = 0;
    let scored = 0;
    let comment: string | null = null;
    for (const q of questions) {
      if (q.kind === 'score') {
        const s = scoreAround(rng, def.mean);
        answers[String(q.id)] = s;
        sum += s;
        scored++;
      } else if (rng.chance(0.4)) {
        comment = rng.pick(SUGGESTIONS);
        answers[String(q.id)] = comment;
      }
    }
    rows.push({
      surveyId: survey.id,
      ownerId: who.ownerId,
      unitId: who.unitId,
      respondentName: who.name,
      // The two who collect answers: 客户服务助理 organises, 协调员 assists (协调员 职责7).
      collectedById: collectors[i % 2].id,
      collectedAt: new Date(from + Math.floor(rng.next() * Math.max(1, to - from))),
      answers,
      overallScore: clamp(Math.round(sum / Math.max(1, scored) + (rng.next() - 0.5) * 0.6), 1, 5),
      comment,
    });
  }
  return rows;
}

interface SurveyStats {
  count: number;
  overall: number;
  satisfiedRate: number;
  byQuestion: { number: number; text: string; mean: number }[];
}

function statsOf(rows: ResponseRow[], questions: SurveyQuestion[]): SurveyStats {
  const byQuestion = questions
    .filter((q) => q.kind === 'score')
    .map((q) => {
      const scores = rows.map((r) => r.answers[String(q.id)]).filter((a): a is number => typeof a === 'number');
      return { number: q.number, text: q.text, mean: scores.reduce((a, b) => a + b, 0) / Math.max(1, scores.length) };
    });
  return {
    count: rows.length,
    overall: rows.reduce((a, r) => a + r.overallScore, 0) / Math.max(1, rows.length),
    satisfiedRate: rows.filter((r) => r.overallScore >= 4).length / Math.max(1, rows.length),
    byQuestion,
  };
}

function reportText(
  def: SurveyDef,
  stats: SurveyStats,
  previous: { def: SurveyDef; stats: SurveyStats } | null,
): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`;
  const sorted = [...stats.byQuestion].sort((a, b) => a.mean - b.mean);
  const lines = [
    `一、调查概况：${def.period}共收回有效问卷 ${stats.count} 份（上门发放与电话回访），由客户服务助理组织、客户服务协调员协助完成。`,
    `二、总体评价：总体满意度平均 ${stats.overall.toFixed(2)} 分（5 分制），满意率（4 分及以上）${pct(stats.satisfiedRate)}。`,
    `三、分项得分：${stats.byQuestion.map((q) => `${q.number}. ${q.text} ${q.mean.toFixed(2)} 分`).join('；')}。`,
  ];
  if (previous) {
    const diff = stats.overall - previous.stats.overall;
    const moved = stats.byQuestion
      .map((q) => ({ q, before: previous.stats.byQuestion.find((p) => p.text === q.text) }))
      .filter((x) => x.before)
      .map(
        (x) =>
          `${x.q.text}${x.q.mean >= x.before!.mean ? '上升' : '下降'} ${Math.abs(x.q.mean - x.before!.mean).toFixed(2)} 分`,
      );
    lines.push(
      `四、与上期（${previous.def.period}）比较：总体满意度${diff >= 0 ? '上升' : '下降'} ${Math.abs(diff).toFixed(2)} 分，满意率由 ${pct(previous.stats.satisfiedRate)} 变为 ${pct(stats.satisfiedRate)}；${moved.join('，')}。`,
    );
  } else {
    lines.push('四、与上期比较：本期为首期按新问卷开展的调查，作为今后比较的基准。');
  }
  lines.push(
    `五、改进建议：得分最低的是“${sorted[0]?.text ?? '—'}”和“${sorted[1]?.text ?? '—'}”，建议由协调员牵头制定整改措施，客户服务助理跟踪落实，下期调查重点回访。`,
  );
  return lines.join('\n');
}

async function seedSurveys(ctx: DemoContext) {
  const pool = respondents(ctx);
  const organiser = ctx.staff.assistant;
  let previous: { def: SurveyDef; stats: SurveyStats } | null = null;
  for (const def of surveyPlans(ctx.now)) {
    // A top-up run (scale > 1 on an existing demo) adds answers to the surveys already there.
    let survey = await Survey.findOne({ where: { title: def.title, ownerStaffId: organiser.id } });
    const isNew = !survey;
    if (!survey) {
      survey = await sequelize.transaction(async (transaction) => {
        const created = await Survey.create(
          {
            title: def.title,
            period: def.period,
            description: def.description,
            status: def.status,
            plannedStart: def.plannedStart,
            plannedEnd: def.plannedEnd,
            ownerStaffId: organiser.id,
            startedAt: def.startedAt,
            closedAt: def.closedAt,
          },
          { transaction },
        );
        await SurveyQuestion.bulkCreate(
          def.questions.map((q, i) => ({ surveyId: created.id, number: i + 1, text: q.text, kind: q.kind })),
          { transaction, validate: true },
        );
        return created;
      });
    }
    if (survey.status === 'draft') continue;
    const questions = await SurveyQuestion.findAll({ where: { surveyId: survey.id }, order: [['number', 'ASC']] });
    const rows = buildResponses(ctx, survey, def, questions, pool);
    await bulkInsert(SurveyResponse, rows, {
      validate: true,
      each: (created, start) => {
        const done = start + created.length;
        if (rows.length > 10 * CHUNK && (done % (10 * CHUNK) === 0 || done === rows.length))
          ctx.progress(`满意度调查「${def.title}」：已录入 ${done}/${rows.length} 份答卷`);
      },
    });
    if (survey.status === 'closed') {
      const stats = statsOf(rows, questions);
      if (isNew) await survey.update({ reportSummary: reportText(def, stats, previous) });
      previous = { def, stats };
    }
  }
}

// ---------- monthly plans ----------

const PLAN_WORK: Record<'reception' | 'coordinator' | 'cashier' | 'assistant' | 'director', string[]> = {
  reception: [
    '整理上周报事单、派工单并归档',
    '编制月派工报事统计分析表',
    '督促工程部完成积压报事的派工处理',
    '抽查保洁部报事的回访情况并记录',
    '更新各楼栋公告栏通知、告示',
    '整理业主来信、邮件及外联电话记录',
    '编制有偿服务收费明细表',
    '参与 3 栋、5 栋欠费业主的沟通协调',
  ],
  coordinator: [
    '业主档案定期清理（1—3 栋）',
    '整理本月培训记录和会议记要',
    '更新 ISO9002 质量记录与部门邮件存档',
    '客户中心报事单、派工单回访',
    '综合报事向相关部门通报并按时归档',
    '协助助理组织本季度满意度调查',
    '编写满意度调查分析报告初稿',
    '整理回访意见，提出改进建议',
  ],
  cashier: [
    '物管费收取及月度统计',
    '每日编制现金日报表',
    '核对装修押金收退台账',
    '核对其他收费员的收费情况',
    '审核车库管理员车位租赁登记',
    '校核会所收费明细',
    '欠费用户电话沟通并做好记录',
    '财务资料装订、保管、存档',
  ],
  assistant: [
    '拟定下季度客户满意度调查计划',
    '核批业主上报的装修手续',
    '督促协调员完成整改项目的跟踪落实',
    '抽查各部门报事回访的完成情况',
    '制定本月欠费催缴计划',
    '沟通协调管理处各专业部门内部事务',
    '审核各专业部门报事单处理情况',
    '报事数据月度统计分析，转交简报主办人员',
  ],
  director: [
    '召开管理处月度工作例会',
    '审阅客户满意度调查分析报告',
    '检查各部门月工作计划执行情况',
    '审定权限规则调整申请',
    '督办重大投诉的处理',
    '组织小区消防安全检查',
    '审核月度收支报表',
    '与业主委员会沟通季度工作',
  ],
};

const PLANNERS = ['reception', 'coordinator', 'cashier', 'cashier2', 'assistant', 'director'] as const;

type ItemRow = {
  planId: number;
  week: number;
  content: string;
  status: WorkPlanItemStatus;
  carriedFromId?: number | null;
};

function planItems(rng: Rng, work: string[], offset: number): { week: number; content: string }[] {
  const items: { week: number; content: string }[] = [];
  let k = offset;
  for (let week = 1; week <= 5; week++) {
    const n = week === 5 ? 1 : rng.int(1, 2);
    for (let j = 0; j < n; j++) items.push({ week, content: work[k++ % work.length] });
  }
  return items;
}

async function seedWorkPlans(ctx: DemoContext) {
  const { rng } = ctx;
  const thisMonth = shanghaiMonth(ctx.now);
  const currentWeek = clamp(Math.ceil(ymd(ctx.now).d / 7), 1, 5);
  // Earlier months only for bigger demos: a year or two of finished plans.
  const historyMonths = Math.min(24, ctx.scale - 1);
  const planners = PLANNERS.map((key) => ({
    staff: ctx.staff[key] as Staff,
    work: PLAN_WORK[key === 'cashier2' ? 'cashier' : key],
  }));
  const existing = await WorkPlan.findAll({
    where: { staffId: planners.map((p) => p.staff.id) },
    attributes: ['staffId', 'month'],
  });
  const taken = new Set(existing.map((p) => `${p.staffId}:${p.month}`));

  await sequelize.transaction(async (transaction) => {
    const makePlan = (staff: Staff, month: string) =>
      WorkPlan.create(
        { staffId: staff.id, month, title: workPlanTitle(staff.name, month), note: WORK_PLAN_NOTE },
        { transaction },
      );

    for (let back = historyMonths + 1; back >= 2; back--) {
      const month = addMonths(thisMonth, -back);
      for (const { staff, work } of planners) {
        if (taken.has(`${staff.id}:${month}`)) continue;
        const plan = await makePlan(staff, month);
        const rows: ItemRow[] = planItems(rng, work, rng.int(0, work.length - 1)).map((i) => ({
          ...i,
          planId: plan.id,
          status: 'done',
        }));
        await WorkPlanItem.bulkCreate(rows, { transaction, validate: true });
      }
    }

    const lastMonth = addMonths(thisMonth, -1);
    for (const { staff, work } of planners) {
      let carried: WorkPlanItem[] = [];
      if (!taken.has(`${staff.id}:${lastMonth}`)) {
        const plan = await makePlan(staff, lastMonth);
        const items = planItems(rng, work, rng.int(0, work.length - 1));
        // A month that is over: done, except what did not get finished in time, carried into this month.
        const rows: ItemRow[] = items.map((item, i) => ({
          ...item,
          planId: plan.id,
          status: i === items.length - 1 || (item.week >= 4 && rng.chance(0.4)) ? 'carried' : 'done',
        }));
        await WorkPlanItem.bulkCreate(rows, { transaction, validate: true });
        carried = await WorkPlanItem.findAll({
          where: { planId: plan.id, status: 'carried' },
          order: [['id', 'ASC']],
          transaction,
        });
      }
      if (taken.has(`${staff.id}:${thisMonth}`)) continue;
      const plan = await makePlan(staff, thisMonth);
      const rows: ItemRow[] = carried.map((from, i) => ({
        planId: plan.id,
        week: 1,
        content: from.content,
        status: i === 0 ? 'done' : 'doing',
        carriedFromId: from.id,
      }));
      for (const item of planItems(rng, work, rng.int(0, work.length - 1))) {
        const status: WorkPlanItemStatus =
          item.week < currentWeek ? (rng.chance(0.8) ? 'done' : 'doing') : item.week === currentWeek ? 'doing' : 'todo';
        rows.push({ ...item, planId: plan.id, status });
      }
      // Every plan shows something still ahead, even in the month's last days.
      if (!rows.some((r) => r.status === 'todo')) rows[rows.length - 1].status = 'todo';
      await WorkPlanItem.bulkCreate(rows, { transaction, validate: true });
    }
  });
}

// ---------- archived documents ----------

const TRAINING_TOPICS = [
  '客户服务礼仪',
  '投诉处理技巧',
  '消防安全知识',
  '《物业管理条例》解读',
  '新员工入职',
  '收费系统操作',
  '急救常识',
  'ISO9002 内审员',
];
const MEETINGS = ['客户中心周例会', '管理处月度工作例会', '业主委员会沟通会', '装修管理协调会', '收费工作专题会'];
const ISO9002_DOCS = [
  '质量手册',
  '程序文件：客户投诉处理控制程序',
  '作业指导书：报事登记与派工',
  '质量记录：顾客满意度统计',
  '内部质量审核报告',
  '管理评审记录',
];
const ISO14000_DOCS = [
  '环境因素识别与评价表',
  '环境管理方案：垃圾分类',
  '消杀药剂管理规定',
  '噪声监测记录',
  '节能降耗检查记录',
];
const FINANCE_DOCS = [
  '物管费收费统计表',
  '现金日报表汇总',
  '装修押金收退台账',
  '车位租赁收费明细',
  '会所收费明细',
  '收据存根',
];
const MAIL_TOPICS = [
  '春节值班安排',
  '电梯年检通知',
  '停水停电通知转发',
  '满意度调查安排',
  '客户中心排班调整',
  '台风防御工作部署',
];
const OTHER_DOCS = ['业主公约', '小区平面图及楼栋分布', '前期物业服务合同', '突发事件应急预案汇编', '合格供应商名录'];

function documentTitle(rng: Rng, docType: ArchiveDocType, day: string, serial: number): string {
  const [y, m, d] = day.split('-').map(Number);
  switch (docType) {
    case 'training':
      return `${y}年${m}月${rng.pick(TRAINING_TOPICS)}培训记录`;
    case 'minutes':
      return `${rng.pick(MEETINGS)}会议记要（${y}年${m}月${d}日）`;
    case 'iso9002':
      return `ISO9002 ${rng.pick(ISO9002_DOCS)}（${y}年第 ${serial} 号）`;
    case 'iso14000':
      return `ISO14000 ${rng.pick(ISO14000_DOCS)}（${y}年${m}月）`;
    case 'finance':
      return `${y}年${m}月${rng.pick(FINANCE_DOCS)}`;
    case 'mail':
      return `部门邮件：关于${rng.pick(MAIL_TOPICS)}（${m}月${d}日）`;
    default:
      return `${rng.pick(OTHER_DOCS)}（${y}年版）`;
  }
}

function documentLocation(rng: Rng, docType: ArchiveDocType): string {
  if (docType === 'finance') return `财务资料柜 C-${rng.int(1, 4)} 第 ${rng.int(1, 5)} 格`;
  const cabinet = { training: 'A', minutes: 'A', iso9002: 'B', iso14000: 'B', mail: 'D', other: 'D' }[docType];
  return `客户中心资料柜 ${cabinet}-${rng.int(1, 6)} ${rng.pick(['蓝色', '红色', '黑色', '绿色'])}文件夹`;
}

async function seedDocuments(ctx: DemoContext) {
  const { rng } = ctx;
  const keeperFor = (docType: ArchiveDocType, i: number): Staff => {
    if (docType === 'finance') return i % 2 === 0 ? ctx.staff.cashier : ctx.staff.cashier2;
    if (docType === 'other') return ctx.staff.assistant;
    return ctx.staff.coordinator;
  };
  const rows = [];
  const perType = 3 * ctx.scale;
  for (const docType of ARCHIVE_DOC_TYPES) {
    for (let i = 0; i < perType; i++) {
      const day = shanghaiDay(daysAgo(ctx.now, rng.int(1, 730)));
      rows.push({
        title: documentTitle(rng, docType, day, i + 1),
        docType,
        docDate: day,
        keeperId: keeperFor(docType, i).id,
        location: documentLocation(rng, docType),
        note: rng.chance(0.2)
          ? rng.pick([
              '原件已交公司存档，此处为复印件',
              '含签到表及考核试卷',
              '待主任签字后归档',
              '电子版已存客户中心共享盘',
            ])
          : null,
      });
    }
  }
  await bulkInsert(ArchiveDocument, rows, {
    validate: true,
    each: (created, start) => {
      const done = start + created.length;
      if (rows.length > 10 * CHUNK && (done % (10 * CHUNK) === 0 || done === rows.length))
        ctx.progress(`资料归档：已登记 ${done}/${rows.length} 份`);
    },
  });
}

export async function seedOfficeDemo(ctx: DemoContext): Promise<void> {
  ctx.progress('满意度调查、问卷与答卷');
  await seedSurveys(ctx);
  ctx.progress('月工作计划（五周滚动计划）');
  await seedWorkPlans(ctx);
  ctx.progress('资料归档');
  await seedDocuments(ctx);
}
