// Points the app at a fresh database for this run, before any product module reads its configuration.
// SQLite: a new file in the temp folder. PostgreSQL: TEST_DATABASE_URL, emptied first.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

process.env.NODE_ENV = 'test';
process.env.LOG_LEVEL ??= 'warn';
if (process.env.TEST_DATABASE_URL) {
  process.env.DATABASE_URL = process.env.TEST_DATABASE_URL;
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'customer-centre-test-'));
  process.env.DATABASE_URL = `sqlite:${path.join(dir, 'test.sqlite')}`;
}
process.env.UPLOAD_DIR ??= fs.mkdtempSync(path.join(os.tmpdir(), 'customer-centre-uploads-'));
