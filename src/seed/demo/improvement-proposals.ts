// 改进意见 in the demo office: what the coordinator drew from last month's and this month's return visits, two or more
// in every state — just proposed, adopted and being carried out, not adopted, and done — followed up by the assistant
// or the director with what they found. Deterministic for a given ctx.now.
import { ImprovementProposal, type ImprovementProposalStatus, type TicketCategory } from '../../models/index.js';
import { addMonths, shanghaiMonth } from '../../lib/shanghai.js';
import type { DemoContext } from './context.js';

interface ProposalDef {
  department: string | null;
  category: TicketCategory | null;
  finding: string;
  proposal: string;
  status: ImprovementProposalStatus;
  followUp?: string;
}

const PROPOSALS: ProposalDef[] = [
  {
    department: '工程部',
    category: 'repair',
    finding: '夜间报修的回访不满意偏多，业主反映第二天才有人联系',
    proposal: '夜间报修由值班电工当晚电话回复，次日上午上门',
    status: 'proposed',
  },
  {
    department: '保洁部',
    category: 'complaint',
    finding: '垃圾清运时间的投诉回访中有三户仍不满意',
    proposal: '清运时间避开早七点前，并在楼道张贴清运时间表',
    status: 'proposed',
  },
  {
    department: '工程部',
    category: 'repair',
    finding: '同一户漏水报修两次返工，回访均为“一般”',
    proposal: '防水类维修完工后三天内由工程部主管复查一次',
    status: 'adopted',
    followUp: '工程部主管同意，本月起执行复查登记',
  },
  {
    department: '保安部',
    category: 'complaint',
    finding: '访客登记排队时间长，回访意见集中在周末',
    proposal: '周末高峰增设一名岗亭人员协助登记',
    status: 'adopted',
    followUp: '保安部已排班，下月回访时再看效果',
  },
  {
    department: null,
    category: 'inquiry',
    finding: '咨询类回访中业主多次问到缴费方式',
    proposal: '在通知栏和收据背面印上各种缴费方式',
    status: 'rejected',
    followUp: '收据格式由公司统一，不单独改动；改为在通知栏张贴',
  },
  {
    department: '保洁部',
    category: 'suggestion',
    finding: '业主建议增加绿化修剪次数',
    proposal: '夏季每两周修剪一次',
    status: 'rejected',
    followUp: '本年度绿化预算已定，明年编制预算时考虑',
  },
  {
    department: '客户中心',
    category: 'comprehensive',
    finding: '综合报事的回访有两单超过三天才回访',
    proposal: '综合报事完成后由协调员当天排入回访',
    status: 'done',
    followUp: '已采纳\n已落实：本月综合报事均在完成当天回访',
  },
  {
    department: '工程部',
    category: 'repair',
    finding: '电梯故障报修的回访中业主不清楚维修进度',
    proposal: '电梯停运超过两小时在大堂张贴进度告示',
    status: 'done',
    followUp: '已采纳\n已落实：告示模板已发各楼栋，本月两次停运均张贴',
  },
];

export async function seedImprovementProposalsDemo(ctx: DemoContext): Promise<void> {
  const thisMonth = shanghaiMonth(ctx.now);
  const batches = Math.min(ctx.scale, 3);
  const rows = [];
  for (let batch = 0; batch < batches; batch += 1) {
    for (const [i, def] of PROPOSALS.entries()) {
      // The settled ones answer last month's visits; the open ones this month's too.
      const period = addMonths(thisMonth, def.status === 'proposed' || i % 2 === 1 ? -batch : -batch - 1);
      const followed = def.status !== 'proposed';
      rows.push({
        period,
        departmentId: def.department ? (ctx.departments[def.department]?.id ?? null) : null,
        category: def.category,
        finding: def.finding,
        proposal: def.proposal,
        proposerId: ctx.staff.coordinator.id,
        status: def.status,
        followUpNote: def.followUp ?? null,
        followedById: followed ? (i % 2 === 0 ? ctx.staff.assistant.id : ctx.staff.director.id) : null,
        followedAt: followed ? new Date(ctx.now.getTime() - (i + 1) * 86_400_000) : null,
      });
    }
  }
  await ImprovementProposal.bulkCreate(rows, { validate: true });
}
