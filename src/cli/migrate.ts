// `npm run migrate`: applies pending migrations and prints their names.
import { sequelize } from '../db.js';
import { migrate } from '../models/migrate.js';

try {
  const applied = await migrate();
  console.log(
    applied.length === 0
      ? '没有待执行的迁移 / no pending migrations'
      : `已执行迁移 / applied:\n  ${applied.join('\n  ')}`,
  );
  await sequelize.close();
  process.exit(0);
} catch (error) {
  console.error(`迁移失败 / migration failed: ${(error as Error).message}`);
  await sequelize.close().catch(() => undefined);
  process.exit(1);
}
