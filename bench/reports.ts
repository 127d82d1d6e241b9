// npm run bench:reports — every report of the 报表 group on the large demo (`npm run seed -- --demo --scale 1700`:
// ~100,000 tickets, 480,000 owners, 137,000 bills), as 管理处主任 reads it: this month and last month, the whole
// office and one community. Each case runs ROUNDS times; the median is printed beside a baseline measured in the
// same process — one page of the ticket list (50 rows and its COUNT(*)), what staff already wait for on every list —
// as `report / list page: N×`. The target is under 1 s per report on SQLite and on PostgreSQL.
//
// Database: BENCH_DATABASE_URL (e.g. sqlite:/work/bigdb/demo-1700.sqlite or postgres://…/demo1700), read only.
// Not a test: the machine is shared and noisy; the figures are for the note and for regressions.
import { performance } from 'node:perf_hooks';

const url = process.env.BENCH_DATABASE_URL;
if (!url) {
  console.error(
    'BENCH_DATABASE_URL 未设置：请指向大规模演示数据库，例如 sqlite:/work/bigdb/demo-1700.sqlite（npm run seed -- --demo --scale 1700 生成）',
  );
  process.exit(2);
}
process.env.DATABASE_URL = url;
process.env.LOG_LEVEL ??= 'warn';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);

const { sequelize } = await import('../src/db.js');
const { Community, Staff, Ticket } = await import('../src/models/index.js');
const { loadActor } = await import('../src/auth/actor.js');
const { REPORTS } = await import('../src/domain/reports/index.js');
const { currentPeriod, previousPeriod } = await import('../src/domain/reports/period.js');

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function timed(run: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < ROUNDS; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  return median(times);
}

const director = await Staff.findOne({ where: { email: 'director@demo.local' } });
if (!director) throw new Error('演示数据库里没有 director@demo.local：请用 npm run seed -- --demo 生成的数据库');
const actor = (await loadActor(director.id))!;
const community = await Community.findOne({ order: [['id', 'ASC']] });
const tickets = await Ticket.count();
console.log(`database: ${sequelize.getDialect()} · ${tickets.toLocaleString('en-US')} tickets · ${ROUNDS} rounds each`);

const listPage = await timed(() =>
  Ticket.findAndCountAll({
    limit: 50,
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
  }),
);
console.log(`baseline: ticket list page (50 rows + COUNT) ${listPage.toFixed(1)} ms`);

const period = currentPeriod();
const cases = [
  { label: period, filters: { period } },
  { label: previousPeriod(period), filters: { period: previousPeriod(period) } },
  ...(community ? [{ label: `${period} · ${community.name}`, filters: { period, communityId: community.id } }] : []),
];
let slowest = 0;
for (const report of REPORTS) {
  for (const { label, filters } of cases) {
    if ('communityId' in filters && !report.filters.includes('community')) continue;
    const ms = await timed(() => report.run(filters, actor));
    slowest = Math.max(slowest, ms);
    console.log(
      `${report.name.padEnd(16)} ${label.padEnd(22)} ${ms.toFixed(0).padStart(6)} ms   report / list page: ${(ms / listPage).toFixed(1)}×${ms >= 1000 ? '   ← over 1 s' : ''}`,
    );
  }
}
console.log(`slowest: ${slowest.toFixed(0)} ms (target under 1000 ms)`);
await sequelize.close();
