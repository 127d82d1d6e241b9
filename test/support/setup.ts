// Loaded by mocha before any test file. The imports are static, so the hooks and the tests share one instance of
// every product module (the rules in force above all) however mocha loads the files; env.js comes first so the
// configuration sees the test database.
import './env.js';
import { prepareTestDatabase } from './database.js';
import { stopTestServer } from './http.js';
import { sequelize } from '../../src/db.js';

export const mochaHooks = {
  async beforeAll(this: Mocha.Context) {
    this.timeout(120_000);
    await prepareTestDatabase();
  },
  async afterAll() {
    await stopTestServer();
    await sequelize.close();
  },
};
