import { config, type LogLevel } from './config.js';

const order: LogLevel[] = ['error', 'warn', 'info', 'debug'];
const enabled = (level: LogLevel) => order.indexOf(level) <= order.indexOf(config.logLevel);

function write(level: LogLevel, message: string, extra?: unknown) {
  if (!enabled(level)) return;
  const line = `[${new Date().toISOString()}] ${level.toUpperCase()} ${message}`;
  const out = level === 'error' || level === 'warn' ? console.error : console.log;
  if (extra === undefined) out(line);
  else out(line, extra);
}

export const logger = {
  error: (m: string, e?: unknown) => write('error', m, e),
  warn: (m: string, e?: unknown) => write('warn', m, e),
  info: (m: string, e?: unknown) => write('info', m, e),
  debug: (m: string, e?: unknown) => write('debug', m, e),
};
