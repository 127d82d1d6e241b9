import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect } from 'chai';
import { Sequelize } from 'sequelize';
import sqlite3 from 'sqlite3';
import { createSequelize, databaseWritable, isPostgres } from '../src/db.js';
import { expectRefused } from './support/refusals.js';

const tempFile = () => path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'db-test-')), 'x.sqlite');

async function pragma(db: Sequelize, name: string, transaction?: import('sequelize').Transaction) {
  const row = (await db.query(`PRAGMA ${name}`, { plain: true, transaction })) as Record<string, unknown>;
  return Object.values(row)[0];
}

describe('the SQLite connections', () => {
  let db: Sequelize;
  beforeEach(() => {
    db = createSequelize(`sqlite:${tempFile()}`);
  });
  afterEach(async () => db.close());

  it('put a file database in WAL mode', async () => {
    expect(await pragma(db, 'journal_mode')).to.equal('wal');
  });

  it('wait 5 seconds for a lock, outside a transaction and on the connection of a transaction', async () => {
    expect(await pragma(db, 'busy_timeout')).to.equal(5000);
    expect(await db.transaction(async (t) => pragma(db, 'busy_timeout', t))).to.equal(5000);
    // A second transaction gets a new connection of its own.
    expect(await db.transaction(async (t) => pragma(db, 'busy_timeout', t))).to.equal(5000);
  });

  it('enforce foreign keys inside a transaction', async () => {
    expect(await db.transaction(async (t) => pragma(db, 'foreign_keys', t))).to.equal(1);
    await db.query('CREATE TABLE parent (id INTEGER PRIMARY KEY)');
    await db.query('CREATE TABLE child (id INTEGER PRIMARY KEY, parentId INTEGER REFERENCES parent (id))');
    await expectRefused(
      db.transaction(async (t) => db.query('INSERT INTO child (parentId) VALUES (42)', { transaction: t })),
      Error,
      /FOREIGN KEY constraint failed/,
    );
  });

  it('of an in-memory database work without WAL, which it cannot have', async () => {
    const memory = createSequelize('sqlite::memory:');
    try {
      expect(await pragma(memory, 'journal_mode')).to.equal('memory');
      expect(await memory.transaction(async (t) => pragma(memory, 'busy_timeout', t))).to.equal(5000);
    } finally {
      await memory.close();
    }
  });
});

describe('databaseWritable', () => {
  it('answers true on the test database', async () => {
    expect(await databaseWritable()).to.equal(true);
  });

  it('answers false on a SQLite file opened read-only, and writes nothing', async function () {
    const file = tempFile();
    const writer = createSequelize(`sqlite:${file}`);
    await writer.query('CREATE TABLE "SequelizeMeta" (name VARCHAR(255) PRIMARY KEY)');
    await writer.query(`INSERT INTO "SequelizeMeta" (name) VALUES ('001-initial')`);
    expect(await databaseWritable(writer)).to.equal(true);
    await writer.close();

    // Opened read-only by SQLite itself: tests may run as root, for whom a chmod makes nothing read-only.
    const reader = new Sequelize({
      dialect: 'sqlite',
      storage: file,
      logging: false,
      dialectOptions: { mode: sqlite3.OPEN_READONLY },
    });
    try {
      expect(await databaseWritable(reader)).to.equal(false);
      expect(await reader.query('SELECT name FROM "SequelizeMeta"', { plain: true })).to.deep.equal({
        name: '001-initial',
      });
    } finally {
      await reader.close();
    }
  });

  it('answers false on a PostgreSQL session that is read-only', async function () {
    if (!isPostgres) this.skip();
    const reader = new Sequelize(process.env.DATABASE_URL!, {
      dialect: 'postgres',
      logging: false,
      dialectOptions: { options: '-c default_transaction_read_only=on' },
    });
    try {
      expect(await databaseWritable(reader)).to.equal(false);
    } finally {
      await reader.close();
    }
  });
});
