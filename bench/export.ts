// npm run bench:export — the ticket list (报事单, as 管理处主任 sees it: every ticket, newest first) exported as .xlsx
// through the export's own code path (writeListExport: the list's filter and sort, batches of 2,000 through the
// resource's find, its populator and after hooks, exceljs's streaming writer) into a byte counter (/dev/null), timed
// against a plain SELECT of the same rows through Sequelize in the same process.
//
// Database: BENCH_DATABASE_URL when set (e.g. sqlite:/work/bigdb/demo-1700.sqlite, the large demo — read only; its
// rules are read, never written), else a temporary SQLite file seeded with the small demo and 100,000 generated
// tickets. Prints rows, seconds, rows/s, the workbook's size, peak RSS and `export / raw query: N×`. Not a test: the
// issue's target is under 30 s for 100,000 tickets on the office's machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { performance } from 'node:perf_hooks';

const TICKETS = 100_000;
const given = process.env.BENCH_DATABASE_URL;
const scratch = given ? null : fs.mkdtempSync(path.join(os.tmpdir(), 'customer-centre-bench-export-'));
process.env.DATABASE_URL = given ?? `sqlite:${path.join(scratch!, 'bench.sqlite')}`;
process.env.LOG_LEVEL ??= 'warn';
process.env.SEED_DEMO = 'false';

const { sequelize } = await import('../src/db.js');
const { migrate } = await import('../src/models/migrate.js');
const { Department, Staff, Ticket, Unit } = await import('../src/models/index.js');
const { loadRules } = await import('../src/rules/store.js');
const { loadActor } = await import('../src/auth/actor.js');
const { buildAdmin } = await import('../src/admin/admin.js');
const { writeListExport } = await import('../src/admin/export.js');

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/** The small demo office, then tickets up to TICKETS, inserted in bulk (numbers and times made here, not by hooks). */
async function prepareScratch() {
  const { seedIfEmpty, seedDemoData } = await import('../src/seed/index.js');
  await migrate();
  await seedIfEmpty();
  await seedDemoData({ scale: 1 });
  const existing = await Ticket.count();
  const departments = (await Department.findAll({ attributes: ['id'], raw: true })).map((d) => d.id);
  const clerks = (await Staff.findAll({ attributes: ['id'], raw: true })).map((s) => s.id);
  const units = await Unit.findAll({ attributes: ['id', 'ownerId'], raw: true });
  const categories = ['repair', 'complaint', 'inquiry', 'suggestion', 'comprehensive'];
  const statuses = ['reported', 'dispatched', 'completed', 'visited', 'approved', 'archived', 'cancelled'];
  const start = Date.UTC(2024, 0, 1);
  const queries = sequelize.getQueryInterface();
  const CHUNK = 2_000;
  for (let from = existing; from < TICKETS; from += CHUNK) {
    const rows = [];
    for (let i = from; i < Math.min(TICKETS, from + CHUNK); i++) {
      const reportedAt = new Date(start + i * 9 * 60_000);
      const unit = units[i % units.length];
      rows.push({
        number: `BX${String(i).padStart(8, '0')}`,
        channel: 'phone',
        category: categories[i % categories.length],
        title: `报事内容 ${i}：卫生间漏水`,
        reporterName: '王建国',
        reporterPhone: '13800138000',
        unitId: unit?.id ?? null,
        ownerId: unit?.ownerId ?? null,
        status: statuses[i % statuses.length],
        departmentId: departments[i % departments.length],
        registeredById: clerks[i % clerks.length],
        reportedAt,
        dueAt: new Date(reportedAt.getTime() + 24 * 3_600_000),
        createdAt: reportedAt,
        updatedAt: reportedAt,
      });
    }
    await queries.bulkInsert('Ticket', rows);
  }
}

/** Resident set size, sampled every 50 ms while `work` runs: the highest seen. */
async function peakRss<T>(work: () => Promise<T>): Promise<{ result: T; peak: number }> {
  let peak = process.memoryUsage().rss;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss);
  }, 50);
  try {
    const result = await work();
    return { result, peak: Math.max(peak, process.memoryUsage().rss) };
  } finally {
    clearInterval(timer);
  }
}

try {
  if (scratch) {
    const began = performance.now();
    await prepareScratch();
    console.log(`准备 / prepared: ${TICKETS} tickets in ${((performance.now() - began) / 1000).toFixed(1)} s`);
  }
  await loadRules();
  const director = await Staff.findOne({ where: { email: 'director@demo.local' } });
  const actor = director ? await loadActor(director.id) : null;
  if (!actor) throw new Error('the database has no director@demo.local (seed the demo first)');
  const admin = buildAdmin();
  const total = await Ticket.count();

  let bytes = 0;
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done();
    },
  });
  const rssBefore = process.memoryUsage().rss;
  const exportStart = performance.now();
  const { result, peak } = await peakRss(() => writeListExport(admin, 'Ticket', {}, actor, sink));
  const seconds = (performance.now() - exportStart) / 1000;

  // Baseline, after the export so that its rows do not weigh on the export's RSS: the same rows, newest first, as one
  // plain SELECT (raw objects, no titles, no workbook).
  const rawStart = performance.now();
  const raw = await Ticket.findAll({
    order: [
      ['createdAt', 'DESC'],
      ['id', 'DESC'],
    ],
    raw: true,
  });
  const rawSeconds = (performance.now() - rawStart) / 1000;
  const rawCount = raw.length;
  raw.length = 0;

  console.log(`database: ${sequelize.getDialect()} ${given ?? '(temporary)'}; tickets in it: ${total}`);
  console.log(`raw query: ${rawCount} rows in ${rawSeconds.toFixed(2)} s`);
  console.log(
    `export: ${result.rows} rows in ${seconds.toFixed(2)} s, ${Math.round(result.rows / seconds)} rows/s, ` +
      `workbook ${mb(bytes)}`,
  );
  console.log(
    `RSS: ${mb(rssBefore)} before, peak ${mb(peak)} during the export; process peak ${mb(process.resourceUsage().maxRSS * 1024)}`,
  );
  console.log(`export / raw query: ${(seconds / rawSeconds).toFixed(1)}×`);
  if (result.rows !== total) throw new Error(`exported ${result.rows} rows of ${total}`);
} finally {
  await sequelize.close();
  // BENCH_KEEP=1 keeps the generated database for another run (BENCH_DATABASE_URL=sqlite:<the path printed>).
  if (scratch && process.env.BENCH_KEEP) console.log(`kept: ${path.join(scratch, 'bench.sqlite')}`);
  else if (scratch) fs.rmSync(scratch, { recursive: true, force: true });
}
