import { pino, type Logger } from 'pino';
import type { Config } from './config.ts';

/** Structured JSON logs (pipe through `npx pino-pretty` to read them in a terminal). */
export function createLogger(config: Pick<Config, 'logLevel'>): Logger {
  return pino({
    level: config.logLevel,
    base: { service: 'pulse' },
    redact: { paths: ['req.headers.authorization', 'authorization'], censor: '[redacted]' },
  });
}
