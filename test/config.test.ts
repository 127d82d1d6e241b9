import { expect } from 'chai';
import { ConfigError, loadConfig } from '../src/config.js';

describe('configuration', () => {
  it('has a working default for every variable in development', () => {
    const config = loadConfig({});
    expect(config.port).to.equal(3000);
    expect(config.databaseUrl).to.match(/^sqlite:.*data\/customer-centre\.sqlite$/);
    expect(config.seedDemo).to.equal(true);
    expect(config.demoPassword).to.equal('demo123456');
    expect(config.nodeEnv).to.equal('development');
  });

  it('requires SESSION_SECRET in production, and a long one', () => {
    expect(() => loadConfig({ NODE_ENV: 'production' })).to.throw(ConfigError, /SESSION_SECRET is required/);
    expect(() => loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'short' })).to.throw(ConfigError, /at least 32/);
    expect(loadConfig({ NODE_ENV: 'production', SESSION_SECRET: 'x'.repeat(40) }).sessionSecret).to.have.length(40);
  });

  it('refuses a malformed PORT, DATABASE_URL, SEED_DEMO or LOG_LEVEL with a clear message', () => {
    expect(() => loadConfig({ PORT: 'eighty' })).to.throw(ConfigError, /PORT/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).to.throw(ConfigError, /DATABASE_URL/);
    expect(() => loadConfig({ SEED_DEMO: 'maybe' })).to.throw(ConfigError, /SEED_DEMO/);
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).to.throw(ConfigError, /LOG_LEVEL/);
  });

  it('reads SEED_DEMO=false, a PostgreSQL URL and DEMO_PASSWORD', () => {
    const config = loadConfig({
      SEED_DEMO: 'false',
      DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/db',
      DEMO_PASSWORD: 'secret-1',
    });
    expect(config.seedDemo).to.equal(false);
    expect(config.databaseUrl).to.equal('postgres://u:p@127.0.0.1:5432/db');
    expect(config.demoPassword).to.equal('secret-1');
  });
});
