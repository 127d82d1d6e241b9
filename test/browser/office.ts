// A demo office for browser tests: a fresh SQLite database seeded like `npm start`, the real server on a free
// port, and headless Chromium. The database is chosen before any product module reads its configuration.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function startDemoOffice(name: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `customer-centre-${name}-`));
  process.env.DATABASE_URL = `sqlite:${path.join(dir, `${name}.sqlite`)}`;
  process.env.LOG_LEVEL ??= 'warn';
  const screenshots = path.resolve('test-results');
  fs.mkdirSync(screenshots, { recursive: true });

  const { chromium } = await import('playwright-core');
  const { migrate } = await import('../../src/models/migrate.js');
  const { seedIfEmpty } = await import('../../src/seed/index.js');
  const { startServer } = await import('../../src/server.js');
  const { config } = await import('../../src/config.js');

  await migrate();
  await seedIfEmpty();
  const server = await startServer(0);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
      '--disable-quic',
    ],
  });
  return { server, browser, screenshots, password: config.demoPassword };
}
