// Demo data: builds the DemoContext and runs every step in order. Deterministic for a given seed and "now".
import { Conflict, ValidationFailed } from '../../errors.js';
import { Owner, Staff } from '../../models/index.js';
import { ensureFoundation, type FoundationReport } from '../foundation.js';
import type { DemoContext } from './context.js';
import { Rng } from './fake.js';
import { DEMO_EMAILS, seedOrganisationDemo } from './organisation.js';
import { seedPropertyDemo } from './property.js';
import { seedFrontDeskDemo } from './front-desk.js';
import { seedFeesDemo, seedCashReportsDemo } from './fees.js';
import { seedRenovationDemo } from './renovation.js';
import { seedDunningDemo } from './dunning.js';
import { seedOfficeDemo } from './office.js';
import { seedImprovementProposalsDemo } from './improvement-proposals.js';

export const DEMO_SEED = 20261127;

/** The steps after the organisation, in the order they depend on each other. */
const STEPS: ReadonlyArray<{ label: string; run: (ctx: DemoContext) => Promise<void> }> = [
  { label: '小区、楼栋、房屋与业主', run: seedPropertyDemo },
  { label: '前台：报事、派工、回访、函件、通知', run: seedFrontDeskDemo },
  { label: '收费：账单与收款', run: seedFeesDemo },
  { label: '装修申请与押金', run: seedRenovationDemo },
  { label: '催缴计划与记录', run: seedDunningDemo },
  { label: '现金日报表', run: seedCashReportsDemo },
  { label: '办公：满意度调查、工作计划、资料归档', run: seedOfficeDemo },
  { label: '改进意见', run: seedImprovementProposalsDemo },
];

export interface DemoSeedOptions {
  /** Volume multiplier; 1 is the ordinary demo office. */
  scale: number;
  /** The "today" the data is built around; the current time unless given. */
  now?: Date;
  progress?: (message: string) => void;
}

export interface DemoSeedResult {
  scale: number;
  /** True when demo accounts already existed and `scale > 1` added another batch of business data. */
  toppedUp: boolean;
  seconds: number;
  /** The positions, organisation and default rules laid (or found) before the demo data. */
  foundation: FoundationReport;
}

/**
 * Seeds demo data into a database without demo accounts. On a database that already has them it refuses,
 * unless `scale > 1` is asked for: then the accounts and organisation are reused and every later step adds
 * another batch (with a different random seed, so names and numbers do not repeat the first batch).
 */
export async function runDemoSeed(options: DemoSeedOptions): Promise<DemoSeedResult> {
  const { scale } = options;
  if (!Number.isInteger(scale) || scale < 1)
    throw new ValidationFailed(`演示数据规模必须是正整数，实际是 ${scale}`, { scale: '必须是正整数' });
  const progress = options.progress ?? (() => undefined);
  const started = Date.now();

  const existingAccounts = await Staff.count({ where: { email: DEMO_EMAILS } });
  const toppedUp = existingAccounts > 0;
  if (toppedUp && scale <= 1) {
    throw new Conflict(
      '数据库中已有演示账号（如 reception@demo.local），演示数据不会重复生成。' +
        '如需在现有数据上追加一批大量数据，请明确指定 --scale N（N > 1）；如需全新的演示库，请换一个空数据库。',
    );
  }
  let seed = DEMO_SEED;
  if (toppedUp) {
    seed += await Owner.count();
    progress(`数据库已有演示账号：沿用账号与组织架构，按规模 ${scale} 追加一批业务数据`);
  }

  progress('岗位、内置组织架构与默认权限规则');
  const foundation = await ensureFoundation();

  const ctx = {
    scale,
    rng: new Rng(seed),
    now: options.now ?? new Date(),
    progress,
    communities: [],
    buildings: [],
    units: [],
    owners: [],
  } as Partial<DemoContext> & Pick<DemoContext, 'scale' | 'rng' | 'now' | 'progress'>;

  await seedOrganisationDemo(ctx);
  const full = ctx as DemoContext;
  for (const step of STEPS) {
    const stepStarted = Date.now();
    progress(`${step.label}…`);
    await step.run(full);
    progress(`${step.label}：完成（${((Date.now() - stepStarted) / 1000).toFixed(1)} 秒）`);
  }
  return { scale, toppedUp, seconds: (Date.now() - started) / 1000, foundation };
}
