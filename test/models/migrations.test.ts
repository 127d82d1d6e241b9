import { expect } from 'chai';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createSequelize, isPostgres, sequelize } from '../../src/db.js';
import { createMigrator, migrate } from '../../src/models/migrate.js';

describe('migrations', () => {
  it('running them again applies nothing', async () => {
    expect(await migrate()).to.deep.equal([]);
  });

  it("create every model's table under the model's exact name", async () => {
    const tables = (await sequelize.getQueryInterface().showAllTables()).map((t) =>
      typeof t === 'string' ? t : (t as { tableName: string }).tableName,
    );
    for (const model of Object.values(sequelize.models)) {
      expect(tables, `table of ${model.name}`).to.include(model.getTableName() as string);
      expect(model.getTableName()).to.equal(model.name);
    }
  });

  it('go down and up again on a fresh database, stored without file extensions', async function () {
    if (isPostgres) this.skip();
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'migrations-'));
    const other = createSequelize(`sqlite:${path.join(dir, 'm.sqlite')}`);
    try {
      const migrator = createMigrator(other);
      const up = await migrator.up();
      expect(up.length).to.be.greaterThan(1);
      expect(up.every((m) => !/\.(ts|js)$/.test(m.name))).to.equal(true);
      await migrator.down({ to: 0 });
      expect(await migrator.executed()).to.deep.equal([]);
      expect((await migrator.up()).length).to.equal(up.length);
    } finally {
      await other.close();
    }
  });
});
