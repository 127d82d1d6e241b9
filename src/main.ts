// npm start: migrate, seed an empty database (job descriptions, demo data unless SEED_DEMO=false), make sure there
// are authority rules, serve.
import { config } from './config.js';
import { logger } from './logger.js';
import { migrate } from './models/migrate.js';
import { seedDefaultRulesIfNone, seedIfEmpty } from './seed/index.js';
import { startServer } from './server.js';

async function main() {
  const applied = await migrate();
  if (applied.length) logger.info(`migrations applied: ${applied.join(', ')}`);
  const seeded = await seedIfEmpty({ progress: (message) => logger.info(message) });
  if (seeded.seeded) {
    const clauses = seeded.jobDescriptions?.clauses;
    logger.info(`首次启动：已导入岗位职务说明书（新增条款 ${clauses?.created ?? 0} 条）与内置部门、岗位`);
    if (seeded.demo)
      logger.info(
        `已生成演示数据（${seeded.demo.seconds.toFixed(1)} 秒）；演示账号如 reception@demo.local，密码为 DEMO_PASSWORD（默认 demo123456）`,
      );
    else logger.info('未生成演示数据（SEED_DEMO=false）：请运行 npm run seed -- --admin 邮箱 创建系统管理员');
  }
  const rules = await seedDefaultRulesIfNone();
  if (rules) logger.warn(`数据库中没有权限规则：已导入默认规则 ${rules.created} 条`);
  const running = await startServer(config.port);
  logger.info(`客户中心已启动：${running.url}/admin`);
  const shutdown = async () => {
    await running.stop();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error) => {
  logger.error(error instanceof Error ? error.message : String(error), error);
  process.exit(1);
});
