// The only module that reads process.env: every setting is typed, defaulted and checked once at start.
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export type NodeEnv = 'development' | 'production' | 'test';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug';

export interface Config {
  nodeEnv: NodeEnv;
  port: number;
  databaseUrl: string;
  sessionSecret: string;
  demoPassword: string;
  seedDemo: boolean;
  logLevel: LogLevel;
  uploadDir: string;
  /** Where AdminJS writes the bundle of the product's components (its ADMIN_JS_TMP_DIR). */
  adminBundleDir: string;
}

export class ConfigError extends Error {}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  if (value === undefined || value === '') return fallback;
  if (/^(true|1|yes)$/i.test(value)) return true;
  if (/^(false|0|no)$/i.test(value)) return false;
  throw new ConfigError(`${name} must be true or false, got "${value}"`);
}

function parsePort(value: string | undefined): number {
  if (value === undefined || value === '') return 3000;
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`PORT must be an integer between 0 and 65535, got "${value}"`);
  }
  return port;
}

function parseDatabaseUrl(value: string | undefined): string {
  const url =
    value && value.trim() !== '' ? value.trim() : `sqlite:${path.join(projectRoot, 'data', 'customer-centre.sqlite')}`;
  if (!/^(sqlite:|postgres:\/\/|postgresql:\/\/)/.test(url)) {
    throw new ConfigError(`DATABASE_URL must start with sqlite: or postgres://, got "${url}"`);
  }
  return url;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const nodeEnv = (env.NODE_ENV ?? 'development') as NodeEnv;
  if (!['development', 'production', 'test'].includes(nodeEnv)) {
    throw new ConfigError(`NODE_ENV must be development, production or test, got "${nodeEnv}"`);
  }
  const logLevel = (env.LOG_LEVEL ?? (nodeEnv === 'test' ? 'warn' : 'info')) as LogLevel;
  if (!['error', 'warn', 'info', 'debug'].includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of error, warn, info, debug, got "${logLevel}"`);
  }
  let sessionSecret = env.SESSION_SECRET ?? '';
  if (sessionSecret === '') {
    if (nodeEnv === 'production') throw new ConfigError('SESSION_SECRET is required when NODE_ENV=production');
    sessionSecret = 'development-only-session-secret-change-me';
  } else if (nodeEnv === 'production' && sessionSecret.length < 32) {
    throw new ConfigError('SESSION_SECRET must be at least 32 characters in production');
  }
  return {
    nodeEnv,
    port: parsePort(env.PORT),
    databaseUrl: parseDatabaseUrl(env.DATABASE_URL),
    sessionSecret,
    demoPassword: env.DEMO_PASSWORD && env.DEMO_PASSWORD !== '' ? env.DEMO_PASSWORD : 'demo123456',
    seedDemo: parseBoolean('SEED_DEMO', env.SEED_DEMO, true),
    logLevel,
    uploadDir:
      env.UPLOAD_DIR && env.UPLOAD_DIR !== ''
        ? path.resolve(env.UPLOAD_DIR)
        : path.join(projectRoot, 'data', 'uploads'),
    adminBundleDir: path.resolve(env.ADMIN_JS_TMP_DIR || '.adminjs'),
  };
}

export const config: Config = loadConfig();
