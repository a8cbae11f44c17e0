/**
 * Structured JSON logs (pipe through `npx pino-pretty` to read them in a terminal) that never carry
 * a credential or a statement's bound values.
 *
 * - A failed SQL statement is logged as its text, SQLSTATE and the names Postgres gives (constraint,
 *   table, column), never its parameters: drizzle puts them in DrizzleQueryError's message, stack
 *   and `params`, PGlite and postgres.js (debug) on the driver error, and Postgres itself in
 *   `detail` ("Failing row contains (...)") and in data-exception messages ('value "..." is out of
 *   range'). A webhook's signing secret reached the error log that way.
 * - Any key that names a credential (token, secret, password, authorization, cookie, api key), at
 *   any depth of a log object, is replaced by "[redacted]": pino's `redact` paths have a fixed
 *   depth, so the object is walked instead (log objects are small; the walk is bounded).
 */
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { pino, type Logger, type LoggerOptions } from 'pino';
import type { Config } from '../config.ts';

export const REDACTED = '[redacted]';
const SECRET_KEY = /passw(or)?d|passphrase|secret|token|authori[sz]ation|cookie|api[-_]?key|credential/i;
const MAX_DEPTH = 8;

/** What Postgres says about a failed statement that names no value (node-postgres and postgres.js spellings). */
const DB_ERROR_FIELDS: Record<string, string> = {
  code: 'code',
  severity: 'severity',
  constraint: 'constraint',
  constraint_name: 'constraint',
  table: 'table',
  table_name: 'table',
  column: 'column',
  column_name: 'column',
  schema: 'schema',
  schema_name: 'schema',
  dataType: 'dataType',
  data_type_name: 'dataType',
  routine: 'routine',
};

type Plain = Record<string, unknown>;

/** A Postgres error of either driver: its SQLSTATE, or null for any other error. */
function sqlState(e: Error): string | null {
  const { code, severity } = e as Error & { code?: unknown; severity?: unknown };
  return typeof code === 'string' && /^[0-9A-Z]{5}$/.test(code) && typeof severity === 'string' ? code : null;
}

/** The stack with its first line(s), the message, replaced by a safe one. */
function restack(stack: string | undefined, type: string, message: string): string | undefined {
  if (stack === undefined) return undefined;
  const frames = stack.indexOf('\n    at ');
  return `${type}: ${message}${frames < 0 ? '' : stack.slice(frames)}`;
}

/** Error -> plain object without bound values; its cause likewise. */
function safeError(error: Error, depth: number): Plain {
  const type = error.constructor?.name || error.name || 'Error';
  if (error instanceof DrizzleQueryError) {
    const message = `Failed query: ${error.query}`;
    return {
      type,
      message,
      query: error.query,
      stack: restack(error.stack, type, message),
      ...(error.cause !== undefined ? { cause: safeValue(error.cause, depth + 1) } : {}),
    };
  }
  const code = sqlState(error);
  if (code !== null) {
    // class 22 (data exception) messages quote the value that was refused
    const message = code.startsWith('22') ? error.message.replace(/"(?:[^"]|"")*"/g, '"…"') : error.message;
    const out: Plain = { type, message };
    for (const [from, to] of Object.entries(DB_ERROR_FIELDS)) {
      const value = (error as unknown as Plain)[from];
      if (value !== undefined && value !== null) out[to] = value;
    }
    out.stack = restack(error.stack, type, message);
    return out;
  }
  const out: Plain = { type, message: error.message, stack: error.stack };
  for (const [key, value] of Object.entries(error)) {
    if (!(key in out)) out[key] = SECRET_KEY.test(key) ? REDACTED : safeValue(value, depth + 1);
  }
  if (error.cause !== undefined) out.cause = safeValue(error.cause, depth + 1);
  if (error instanceof AggregateError) out.errors = safeValue(error.errors, depth + 1);
  return out;
}

/** A log value with credentials redacted and errors made safe, to a bounded depth. */
function safeValue(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null) return value;
  if (depth > MAX_DEPTH) return '[too deep]';
  if (value instanceof Error) return safeError(value, depth);
  if (Array.isArray(value)) return value.map((v) => safeValue(v, depth + 1));
  // Dates, Buffers, URLs: written through their toJSON, as JSON.stringify would
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return value;
  const out: Plain = {};
  for (const [key, v] of Object.entries(value)) {
    out[key] = SECRET_KEY.test(key) ? REDACTED : safeValue(v, depth + 1);
  }
  return out;
}

/** The logger options that keep credentials and statement parameters out of every line. */
export const safeLogOptions: Pick<LoggerOptions, 'formatters' | 'serializers' | 'hooks'> = {
  formatters: { log: (object) => safeValue(object, 0) as Plain },
  // every Error was made plain above; pino's own error serializer would copy `params` back in
  serializers: { err: (value: unknown) => safeValue(value, 0) },
  hooks: {
    // logger.error(err) logs err.message as the line's message: the safe one
    logMethod(args, method) {
      const [first, ...rest] = args as unknown[];
      if (first instanceof Error && typeof rest[0] !== 'string') {
        const safe = safeError(first, 0);
        return method.apply(this, [{ err: safe }, String(safe.message)]);
      }
      return method.apply(this, args);
    },
  },
};

export function createLogger(config: Pick<Config, 'logLevel'>, destination?: pino.DestinationStream): Logger {
  const options: LoggerOptions = { level: config.logLevel, base: { service: 'pulse' }, ...safeLogOptions };
  return destination ? pino(options, destination) : pino(options);
}
