/**
 * Every environment setting, validated once at start. Nothing else reads process.env, so a bad
 * value fails the start with a message naming the variable instead of failing later.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('0.0.0.0'),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  SEED_DEMO: bool.optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL: z
    .string()
    .regex(/^\d+[smhdw]$/, 'like 30d, 12h')
    .default('30d'),
  ADMIN_EMAIL: z.string().email().default('admin@example.com'),
  TZ_NAME: z.string().refine(isTimeZone, 'not an IANA time zone').optional(),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  INTROSPECTION: bool.optional(),
  STACK_TRACES: bool.default(false),
  /** Adds extensions.sqlStatements to each response (tests and benchmarks count statements). */
  EXPOSE_SQL_COUNT: bool.default(false),
  MAX_BODY: z.string().default('1mb'),
  MAX_DEPTH: z.coerce.number().int().positive().default(8),
  MAX_ALIASES: z.coerce.number().int().positive().default(15),
  MAX_COST: z.coerce.number().int().positive().default(20000),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10000),
  /** Comma-separated browser origins allowed to open the WebSocket; same-origin and non-browser clients always may. */
  ALLOWED_ORIGINS: z.string().default(''),
  WS_MAX_PAYLOAD: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  WS_KEEPALIVE_MS: z.coerce.number().int().positive().default(12_000),
  /** A socket whose unsent data exceeds this, or that has not taken a frame for WS_SEND_TIMEOUT_MS, is closed. */
  WS_MAX_BUFFERED: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  WS_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** One-click sign-in as the demo accounts (embedded demo only). */
  DEMO_SIGN_IN: bool.default(true),
  LIVE_COALESCE_MS: z.coerce.number().int().nonnegative().default(25),
  /** The longest coalescing window, reached during a sustained burst of changes. */
  LIVE_MAX_COALESCE_MS: z.coerce.number().int().nonnegative().default(250),
  LIVE_HEARTBEAT_MS: z.coerce.number().int().positive().default(5000),
  LIVE_HEARTBEAT_TIMEOUT_MS: z.coerce.number().int().positive().default(3000),
  /** The webhook worker's fallback poll: it is woken by NOTIFY and times due retries itself. */
  WEBHOOK_POLL_MS: z.coerce.number().int().positive().default(30_000),
  WEBHOOK_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Attempts before a delivery is FAILED; waits double from WEBHOOK_RETRY_BASE_MS, capped at an hour. */
  WEBHOOK_MAX_ATTEMPTS: z.coerce.number().int().positive().default(12),
  WEBHOOK_RETRY_BASE_MS: z.coerce.number().int().positive().default(1000),
  /** Webhooks may point to private, loopback and link-local addresses (refused by default: SSRF). */
  WEBHOOK_ALLOW_PRIVATE: bool.default(false),
  /** Leads a seller needs in the period before the conversion board ranks them. */
  LEADERBOARD_MIN_LEADS: z.coerce.number().int().min(1).max(1_000_000).default(5),
  /** Decided opportunities (won + lost) a seller needs before the win-rate board ranks them. */
  LEADERBOARD_MIN_CLOSED: z.coerce.number().int().min(1).max(1_000_000).default(5),
});

export type Config = Readonly<{
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  embedded: boolean;
  seedDemo: boolean;
  jwtSecret: string | undefined;
  tokenTtl: string;
  adminEmail: string;
  timeZone: string | undefined;
  currency: string | undefined;
  logLevel: z.infer<typeof schema>['LOG_LEVEL'];
  production: boolean;
  introspection: boolean;
  stackTraces: boolean;
  exposeSqlCount: boolean;
  maxBody: string;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  dbPoolSize: number;
  shutdownGraceMs: number;
  allowedOrigins: readonly string[];
  wsMaxPayload: number;
  wsKeepAliveMs: number;
  wsMaxBuffered: number;
  wsSendTimeoutMs: number;
  liveCoalesceMs: number;
  liveMaxCoalesceMs: number;
  demoSignIn: boolean;
  liveHeartbeatMs: number;
  liveHeartbeatTimeoutMs: number;
  webhookPollMs: number;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookRetryBaseMs: number;
  webhookAllowPrivate: boolean;
  leaderboardMinLeads: number;
  leaderboardMinClosed: number;
}>;

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const embedded = e.DATABASE_URL === undefined;
  const production = e.NODE_ENV === 'production';
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    embedded,
    seedDemo: e.SEED_DEMO ?? embedded,
    jwtSecret: e.JWT_SECRET,
    tokenTtl: e.TOKEN_TTL,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    timeZone: e.TZ_NAME,
    currency: e.CURRENCY,
    logLevel: e.LOG_LEVEL,
    production,
    introspection: e.INTROSPECTION ?? !production,
    stackTraces: e.STACK_TRACES,
    exposeSqlCount: e.EXPOSE_SQL_COUNT,
    maxBody: e.MAX_BODY,
    maxDepth: e.MAX_DEPTH,
    maxAliases: e.MAX_ALIASES,
    maxCost: e.MAX_COST,
    dbPoolSize: e.DB_POOL_SIZE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    wsMaxPayload: e.WS_MAX_PAYLOAD,
    wsKeepAliveMs: e.WS_KEEPALIVE_MS,
    wsMaxBuffered: e.WS_MAX_BUFFERED,
    wsSendTimeoutMs: e.WS_SEND_TIMEOUT_MS,
    liveCoalesceMs: e.LIVE_COALESCE_MS,
    liveMaxCoalesceMs: e.LIVE_MAX_COALESCE_MS,
    demoSignIn: e.DEMO_SIGN_IN,
    liveHeartbeatMs: e.LIVE_HEARTBEAT_MS,
    liveHeartbeatTimeoutMs: e.LIVE_HEARTBEAT_TIMEOUT_MS,
    webhookPollMs: e.WEBHOOK_POLL_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    webhookMaxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    leaderboardMinLeads: e.LEADERBOARD_MIN_LEADS,
    leaderboardMinClosed: e.LEADERBOARD_MIN_CLOSED,
  };
}
