// npm start: migrate, seed an empty database (job descriptions, demo data unless SEED_DEMO=false), serve.
import { config } from './config.js';
import { logger } from './logger.js';
import { migrate } from './models/migrate.js';
import { seedIfEmpty } from './seed/index.js';
import { startServer } from './server.js';

async function main() {
  const applied = await migrate();
  if (applied.length) logger.info(`migrations applied: ${applied.join(', ')}`);
  await seedIfEmpty();
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
