/**
 * Every environment setting, validated once at start. Nothing else reads process.env, so a bad
 * value fails the start with a message naming the variable instead of failing later (but the
 * OpenTelemetry SDK, loaded when OTEL_EXPORTER_OTLP_ENDPOINT is set, reads its own OTEL_* tuning). Over 300
 * lines on purpose: every setting, its default and its bound in one schema, the README's table.
 */
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import bytes from 'bytes';
import { z } from 'zod';
import { LIMITS, ROLES, type Role } from '../schema/db/constants.ts';
import type { RateMinimums } from './domain/ranking.ts';

const bool = z
  .enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off'])
  .transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

/** A token lifetime: a positive whole number of seconds, minutes, hours, days or weeks ("30d"). */
export const tokenLifetime = z.string().regex(/^[1-9]\d*[smhdw]$/, 'a positive duration like 30d, 12h');

/** "30d" -> milliseconds (a tokenLifetime). */
export function lifetimeMs(text: string): number {
  const unit = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 }[text.slice(-1)];
  if (unit === undefined) throw new ConfigError(`not a duration: ${text}`);
  return Number(text.slice(0, -1)) * unit;
}

/** Longer passwords are refused before hashing: a bound on what one attempt costs (docs/sign-in.md). */
export const PASSWORD_MAX_LENGTH = 256;

/** A size such as 50mb, 512kb or 1048576 (bytes), as a positive number of bytes. */
const size = z.string().transform((text, ctx) => {
  const n = bytes.parse(text);
  if (n === null || !Number.isFinite(n) || n <= 0) {
    ctx.addIssue({ code: 'custom', message: `must be a size such as 50mb or 512kb, not ${text}` });
    return z.NEVER;
  }
  return n;
});

export const isTimeZone = (tz: string): boolean => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/**
 * TRUST_PROXY: the peers whose X-Forwarded-For / X-Forwarded-Proto are believed (express's `trust
 * proxy` list): `none`, or names (loopback, linklocal, uniquelocal), addresses and CIDR ranges.
 */
const trustedProxies = z.string().transform((text, ctx) => {
  const items = text
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 1 && items[0] === 'none') return [];
  const bad = items.find((item) => !isProxyItem(item));
  if (items.length === 0 || bad !== undefined) {
    ctx.addIssue({
      code: 'custom',
      message: `must be none, or a list of loopback, linklocal, uniquelocal, addresses and CIDR ranges${bad === undefined ? '' : `, not ${bad}`}`,
    });
    return z.NEVER;
  }
  return items;
});

function isProxyItem(item: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(item)) return true;
  const [address = '', prefix, extra] = item.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}

/** https, or http to this machine (a provider under test, a local Keycloak). */
function secureOrLoopback(text: string): boolean {
  const url = new URL(text);
  return url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackName(url.hostname));
}

const isLoopbackName = (host: string): boolean =>
  host === 'localhost' || host === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);

/** "a=ADMIN,b=MANAGER" -> [[a, ADMIN], [b, MANAGER]]; `check` refuses a value (answers why). */
function parseMap(name: string, text: string, check: (value: string) => string | null): [string, string][] {
  const pairs: [string, string][] = [];
  for (const item of text.split(',')) {
    if (item.trim() === '') continue;
    const at = item.lastIndexOf('=');
    const key = item.slice(0, Math.max(0, at)).trim();
    const value = item.slice(at + 1).trim();
    const problem = at <= 0 || key === '' || value === '' ? 'each item must be group=value' : check(value);
    if (problem) throw new ConfigError(`invalid configuration:\n  ${name}: ${problem} (${item.trim()})`);
    pairs.push([key, value]);
  }
  return pairs;
}

export interface OidcConfig {
  issuer: string;
  clientId: string;
  clientSecret: string | undefined;
  scopes: string;
  roleClaim: string | undefined;
  /** group -> role, in the order written. */
  roleMap: readonly (readonly [string, Role])[];
  teamClaim: string | undefined;
  /** group -> team name. */
  teamMap: readonly (readonly [string, string])[];
  autoCreate: boolean;
  only: boolean;
  buttonLabel: string;
}

const schema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  /** Listen address; default: loopback while the demo sign-in is on, else every interface (see below). */
  HOST: z.string().optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().default('./data'),
  SEED_DEMO: bool.optional(),
  JWT_SECRET: z.string().min(32, 'JWT_SECRET must be at least 32 characters').optional(),
  TOKEN_TTL: tokenLifetime.default('30d'),
  ADMIN_EMAIL: z.string().email().default('admin@example.com'),
  TZ_NAME: z.string().refine(isTimeZone, 'not an IANA time zone').optional(),
  CURRENCY: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().default('development'),
  INTROSPECTION: bool.optional(),
  /** The API explorer (GraphiQL) at /explorer and for browsers at GET /graphql (docs/api.md#api-explorer). */
  EXPLORER: bool.optional(),
  STACK_TRACES: bool.default(false),
  /** Adds extensions.sqlStatements to each response (tests and benchmarks count statements). */
  EXPOSE_SQL_COUNT: bool.default(false),
  /** Names this process in an X-Pulse-Replica response header (HTTP and the WebSocket upgrade); unset: no header. */
  REPLICA_NAME: z
    .string()
    .regex(/^[A-Za-z0-9._-]{1,64}$/, '1 to 64 letters, digits, dots, dashes or underscores')
    .optional(),
  /**
   * OpenTelemetry traces (docs/operations.md#traces): on when an OTLP endpoint is set. These decide
   * whether the SDK loads, which exporter and the service's name; the SDK reads its other OTEL_*
   * variables itself.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: z.string().url().optional(),
  OTEL_EXPORTER_OTLP_PROTOCOL: z.enum(['http/protobuf', 'http/json']).default('http/protobuf'),
  OTEL_SERVICE_NAME: z.string().min(1).default('pulse'),
  MAX_BODY: z.string().default('1mb'),
  MAX_DEPTH: z.coerce.number().int().positive().default(8),
  MAX_ALIASES: z.coerce.number().int().positive().default(15),
  /** About how many values a response may hold, lists counted at their size (api/core/graphql/query-cost.ts). */
  MAX_COST: z.coerce.number().int().positive().default(50_000),
  /** Lexical tokens in one document, checked while parsing (HTTP and WebSocket alike). */
  MAX_TOKENS: z.coerce.number().int().positive().default(2000),
  /** A response (or subscription event) larger than this is not sent (api/core/graphql/response-limit.ts). */
  MAX_RESPONSE_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(5 * 1024 * 1024),
  DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
  SHUTDOWN_GRACE_MS: z.coerce.number().int().nonnegative().default(10000),
  /** The whole request (headers and body) of every route but the CSV upload; 408 after it. */
  HTTP_REQUEST_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  HTTP_HEADERS_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().positive().default(5_000),
  /** Sockets (HTTP and WebSocket) the process holds; more are closed as they connect. */
  HTTP_MAX_CONNECTIONS: z.coerce.number().int().positive().default(20_000),
  /** A body answered before it was read (refused) is read and discarded this long, at most this much. */
  HTTP_LINGER_MS: z.coerce.number().int().positive().default(5_000),
  HTTP_LINGER_BYTES: size.default(16 * 1024 * 1024),
  /** The CSV upload (POST /import/activities): its size, its deadline, how many run at once. */
  MAX_IMPORT_BYTES: size.default(50 * 1024 * 1024),
  IMPORT_TIMEOUT_MS: z.coerce.number().int().positive().default(600_000),
  IMPORT_MAX_CONCURRENT: z.coerce.number().int().positive().default(4),
  IMPORT_MAX_CONCURRENT_PER_USER: z.coerce.number().int().positive().default(1),
  /** PDF reports (GET /export/report) drawn at once: each holds the CPU while it is drawn. */
  REPORT_MAX_CONCURRENT: z.coerce.number().int().positive().default(2),
  REPORT_MAX_CONCURRENT_PER_USER: z.coerce.number().int().positive().default(1),
  /** Comma-separated browser origins allowed to open the WebSocket; same-origin and non-browser clients always may. */
  ALLOWED_ORIGINS: z.string().default(''),
  WS_MAX_PAYLOAD: z.coerce
    .number()
    .int()
    .positive()
    .default(64 * 1024),
  WS_KEEPALIVE_MS: z.coerce.number().int().positive().default(12_000),
  /** Subscriptions one socket may hold at once; the next is refused (the socket stays open). */
  WS_MAX_SUBSCRIPTIONS: z.coerce.number().int().positive().default(100),
  /** A socket whose unsent data exceeds this, or that has not taken a frame for WS_SEND_TIMEOUT_MS, is closed. */
  WS_MAX_BUFFERED: z.coerce
    .number()
    .int()
    .positive()
    .default(1024 * 1024),
  WS_SEND_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** One-click sign-in as the demo accounts (embedded demo only). */
  DEMO_SIGN_IN: bool.default(true),
  /** The demo sign-in also when HOST is not a loopback address (still only for browsers on this machine). */
  DEMO_SIGN_IN_ANY_HOST: bool.default(false),
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
  // E-mail notifications (docs/notifications.md): sent only while SMTP_URL is set
  /** The mail worker's longest sleep between two looks at the outbox (a NOTIFY wakes it sooner). */
  NOTIFY_POLL_MS: z.coerce.number().int().positive().default(30_000),
  /** Attempts before a mail is FAILED; waits double from NOTIFY_RETRY_BASE_MS, capped at an hour. */
  NOTIFY_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(8),
  NOTIFY_RETRY_BASE_MS: z.coerce.number().int().positive().default(60_000),
  /** How often each process looks whether a weekly digest is due (a cheap query when none is). */
  NOTIFY_DIGEST_CHECK_MS: z.coerce.number().int().min(1000).max(3_600_000).default(600_000),
  /** Leads a seller needs in the period before the conversion board ranks them. */
  LEADERBOARD_MIN_LEADS: z.coerce.number().int().min(1).max(1_000_000).default(5),
  /** Decided opportunities (won + lost) a seller needs before the win-rate board ranks them. */
  LEADERBOARD_MIN_CLOSED: z.coerce.number().int().min(1).max(1_000_000).default(5),
  /** Most people one contest may rank (teams resolved to their members; docs/contests.md). */
  CONTEST_MAX_PARTICIPANTS: z.coerce.number().int().min(2).max(100_000).default(500),
  /** Longest contest window, in days (a quarter by default). */
  CONTEST_MAX_DAYS: z.coerce.number().int().min(1).max(3660).default(92),
  /** The largest page of a figure's contributions (`first`); at most LIMITS.contributionsCeiling. */
  CONTRIBUTIONS_MAX: z.coerce.number().int().min(1).max(LIMITS.contributionsCeiling).default(100),
  /** Kudos one person may give in any rolling hour (removed ones count; docs/kudos.md). */
  KUDOS_PER_HOUR: z.coerce.number().int().min(1).max(10_000).default(20),
  /** A goal behind pace by more than this % of its target raises GOAL_BEHIND_PACE (docs/goals-pace.md). */
  PACE_ALERT_PERCENT: z.coerce.number().int().min(1).max(100).default(10),
  // Sign-in and sessions (docs/sign-in.md)
  /** Shortest password accepted, in characters (NIST 800-63B: length, no composition rules). */
  PASSWORD_MIN_LENGTH: z.coerce.number().int().min(8).max(PASSWORD_MAX_LENGTH).default(12),
  /** Failed sign-ins for one e-mail, or from one address, within SIGN_IN_LOCK_MS that lock it for SIGN_IN_LOCK_MS. */
  SIGN_IN_MAX_FAILURES: z.coerce.number().int().positive().default(5),
  SIGN_IN_MAX_FAILURES_PER_ADDRESS: z.coerce.number().int().positive().default(50),
  SIGN_IN_LOCK_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(15 * 60_000),
  /** A session's absolute lifetime, and how long it may go unused. */
  SESSION_TTL: tokenLifetime.default('14d'),
  SESSION_IDLE_TTL: tokenLifetime.default('2d'),
  /** The session cookie's Secure attribute: default, when the request came over HTTPS. */
  COOKIE_SECURE: bool.optional(),
  /** Proxies whose X-Forwarded-For/-Proto are believed (client address for throttles, HTTPS). */
  TRUST_PROXY: trustedProxies.default(['loopback']),
  /** Mail for invitations and password resets (smtp://user:pass@host:587, smtps://...); none: links are shown to copy. */
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).default('Pulse <pulse@localhost>'),
  /** Where people open Pulse, for the links in mails (default http://localhost:PORT). */
  PUBLIC_URL: z.string().url().optional(),
  /** How long an invitation link and a password-reset link stay valid. */
  INVITATION_TTL: tokenLifetime.default('7d'),
  RESET_TTL: tokenLifetime.default('1h'),
  // Single sign-on with OpenID Connect (docs/sign-in.md#single-sign-on-openid-connect)
  /** The provider's issuer URL (discovery at <issuer>/.well-known/openid-configuration); unset: no SSO. */
  OIDC_ISSUER: z
    .string()
    .url()
    .refine(secureOrLoopback, 'must be https (http only for a loopback address)')
    .optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  /** Unset: a public client (PKCE only, no client authentication). */
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_SCOPES: z.string().default('openid email profile'),
  /** The claim holding a person's groups for OIDC_ROLE_MAP and OIDC_TEAM_MAP (a string or a list). */
  OIDC_ROLE_CLAIM: z.string().min(1).optional(),
  /** group=ROLE,...: re-applied at every sign-in; several matches: the highest role; none: REP. */
  OIDC_ROLE_MAP: z.string().default(''),
  OIDC_TEAM_CLAIM: z.string().min(1).optional(),
  /** group=Team name,...: re-applied at every sign-in; none matches: no team. */
  OIDC_TEAM_MAP: z.string().default(''),
  /** Create a person at their first SSO sign-in (else only people already here may sign in). */
  OIDC_AUTO_CREATE: bool.default(false),
  /** SSO is the only way in: password sign-in, set-password links and reset requests are refused. */
  OIDC_ONLY: bool.default(false),
  OIDC_BUTTON_LABEL: z.string().min(1).max(60).default('SSO'),
  /** A paired screen offline longer than this is flagged on the Screens page. */
  SCREEN_OFFLINE_AFTER: tokenLifetime.default('10m'),
  // Prometheus metrics (docs/operations.md#metrics): GET /metrics answers only with one of these
  /** The bearer token /metrics asks for; set alone, /metrics answers on PORT. */
  METRICS_TOKEN: z.string().min(16, 'must be at least 16 characters').optional(),
  /** A port of its own for /metrics (on METRICS_HOST); PORT then has no /metrics. */
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** METRICS_PORT's listen address: loopback unless set (anything else needs METRICS_TOKEN). */
  METRICS_HOST: z.string().min(1).optional(),
});

/** Traces on (api/core/tracing.ts): the exporter's encoding (gRPC is not installed), the service's name. */
export interface TracingSettings {
  protocol: z.infer<typeof schema>['OTEL_EXPORTER_OTLP_PROTOCOL'];
  serviceName: string;
}

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
  explorer: boolean;
  stackTraces: boolean;
  exposeSqlCount: boolean;
  replicaName: string | undefined;
  /** undefined: no OTLP endpoint, and nothing of OpenTelemetry is loaded. */
  tracing: TracingSettings | undefined;
  maxBody: string;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxResponseBytes: number;
  dbPoolSize: number;
  shutdownGraceMs: number;
  httpRequestTimeoutMs: number;
  httpHeadersTimeoutMs: number;
  httpKeepAliveTimeoutMs: number;
  httpMaxConnections: number;
  httpLingerMs: number;
  httpLingerBytes: number;
  maxImportBytes: number;
  importTimeoutMs: number;
  importMaxConcurrent: number;
  importMaxConcurrentPerUser: number;
  reportMaxConcurrent: number;
  reportMaxConcurrentPerUser: number;
  allowedOrigins: readonly string[];
  wsMaxPayload: number;
  wsKeepAliveMs: number;
  wsMaxSubscriptions: number;
  wsMaxBuffered: number;
  wsSendTimeoutMs: number;
  liveCoalesceMs: number;
  liveMaxCoalesceMs: number;
  demoSignIn: boolean;
  demoSignInAnyHost: boolean;
  liveHeartbeatMs: number;
  liveHeartbeatTimeoutMs: number;
  webhookPollMs: number;
  webhookTimeoutMs: number;
  webhookMaxAttempts: number;
  webhookRetryBaseMs: number;
  notifyPollMs: number;
  notifyMaxAttempts: number;
  notifyRetryBaseMs: number;
  notifyDigestCheckMs: number;
  webhookAllowPrivate: boolean;
  leaderboardMinLeads: number;
  leaderboardMinClosed: number;
  contestMaxParticipants: number;
  contestMaxDays: number;
  contributionsMax: number;
  kudosPerHour: number;
  paceAlertPercent: number;
  passwordMinLength: number;
  signInMaxFailures: number;
  signInMaxFailuresPerAddress: number;
  signInLockMs: number;
  sessionTtlMs: number;
  sessionIdleMs: number;
  /** undefined: Secure when the request came over HTTPS. */
  cookieSecure: boolean | undefined;
  /** Peers believed about the client's address and protocol (express's `trust proxy`); empty: none. */
  trustProxy: readonly string[];
  smtpUrl: string | undefined;
  mailFrom: string;
  /** No trailing slash; undefined: http://localhost:<the port the server listens on>. */
  publicUrl: string | undefined;
  invitationTtlMs: number;
  resetTtlMs: number;
  /** Single sign-on; undefined: off (OIDC_ISSUER unset). */
  oidc: OidcConfig | undefined;
  screenOfflineAfterMs: number;
  /** Prometheus metrics: undefined when /metrics answers nowhere (neither METRICS_TOKEN nor METRICS_PORT). */
  metrics: MetricsConfig | undefined;
}>;

/** Where /metrics answers: PORT with a bearer token, or a port of its own (token optional). */
export interface MetricsConfig {
  token: string | undefined;
  /** undefined: on PORT (then a token is set). */
  port: number | undefined;
  host: string;
}

/**
 * The organisation's settings, as every operation and the live hub read them: the time zone and
 * currency (bootstrap.ts: the configuration, else the stored row) and the samples the rate boards
 * ask for (LEADERBOARD_MIN_LEADS, LEADERBOARD_MIN_CLOSED). One object per process, read at each
 * use (never copied), so a change applies to the next operation: updateOrganisation, or another
 * process's change heard through the change log, calls `apply` (app.ts), whose listeners then
 * recompute the live boards. A value the environment sets (TZ_NAME, CURRENCY) is `pinned`: the
 * API refuses to change it, since the next start would put the environment's back.
 */
export interface OrgSettings {
  readonly timeZone: string;
  readonly currency: string;
  /** The samples the rate boards ask for (LEADERBOARD_MIN_LEADS, LEADERBOARD_MIN_CLOSED). */
  readonly rateMinimums: RateMinimums;
  /** Contest limits (CONTEST_MAX_PARTICIPANTS, CONTEST_MAX_DAYS): people ranked, window length. */
  readonly contestLimits: { readonly participants: number; readonly days: number };
  /** The largest page of contributions a caller may ask for (CONTRIBUTIONS_MAX). */
  readonly contributionsMax: number;
  /**
   * Kudos: how many one person may give in any rolling hour (KUDOS_PER_HOUR), and the clock their
   * edit window and rate limit are judged by (tests move it; docs/kudos.md).
   */
  readonly kudos: { readonly perHour: number; readonly clock: { now: () => number } };
  /** Goal pace counts Monday–Friday days (stored setting; docs/goals-pace.md). */
  readonly paceWorkingDays: boolean;
  /** Behind pace by more than this % of the target alerts (PACE_ALERT_PERCENT). */
  readonly paceAlertPercent: number;
  /** Set by the environment (TZ_NAME, CURRENCY): not changeable over the API. */
  readonly pinned: { readonly timeZone: boolean; readonly currency: boolean };
  /** Takes the settings as now stored; the listeners hear of it when something changed. */
  apply(stored: OrgValues): void;
  /** `listener` runs after every `apply` that changed a value. */
  onChange(listener: () => void): void;
}

export interface OrgValues {
  readonly timeZone: string;
  readonly currency: string;
  /** Absent (a reader that predates it): false. */
  readonly paceWorkingDays?: boolean;
}

export function createOrgSettings(
  initial: OrgValues,
  config: Pick<
    Config,
    | 'timeZone'
    | 'currency'
    | 'leaderboardMinLeads'
    | 'leaderboardMinClosed'
    | 'contributionsMax'
    | 'paceAlertPercent'
  > &
    Partial<Pick<Config, 'contestMaxParticipants' | 'contestMaxDays' | 'kudosPerHour'>>,
): OrgSettings {
  const valuesOf = (v: OrgValues) => ({
    timeZone: v.timeZone,
    currency: v.currency,
    paceWorkingDays: v.paceWorkingDays ?? false,
  });
  let values = valuesOf(initial);
  const listeners: (() => void)[] = [];
  return {
    get timeZone() {
      return values.timeZone;
    },
    get currency() {
      return values.currency;
    },
    get paceWorkingDays() {
      return values.paceWorkingDays;
    },
    paceAlertPercent: config.paceAlertPercent,
    rateMinimums: { leads: config.leaderboardMinLeads, closed: config.leaderboardMinClosed },
    contestLimits: { participants: config.contestMaxParticipants ?? 500, days: config.contestMaxDays ?? 92 },
    contributionsMax: config.contributionsMax,
    kudos: { perHour: config.kudosPerHour ?? 20, clock: { now: () => Date.now() } },
    pinned: { timeZone: config.timeZone !== undefined, currency: config.currency !== undefined },
    apply(stored) {
      const next = valuesOf(stored);
      if (
        next.timeZone === values.timeZone &&
        next.currency === values.currency &&
        next.paceWorkingDays === values.paceWorkingDays
      )
        return;
      values = next;
      for (const listener of listeners) listener();
    },
    onChange(listener) {
      listeners.push(listener);
    },
  };
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(env).filter(([, v]) => v !== '')));
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  if (e.HTTP_HEADERS_TIMEOUT_MS > e.HTTP_REQUEST_TIMEOUT_MS) {
    throw new ConfigError(
      'invalid configuration:\n  HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)',
    );
  }
  const embedded = e.DATABASE_URL === undefined;
  const oidc = oidcConfig(e);
  const production = e.NODE_ENV === 'production';
  const seedDemo = e.SEED_DEMO ?? embedded;
  // The demo sign-in hands out tokens without a password and answers only when HOST is loopback
  // (demo.ts): `npm start` of the embedded demo listens there, so it works at http://localhost:4000
  // and nothing else on the network reaches it. Anything else (Postgres, no demo, DEMO_SIGN_IN
  // off) listens on every interface, as a server does; HOST overrides both.
  const demoOn = embedded && seedDemo && e.DEMO_SIGN_IN;
  return {
    port: e.PORT,
    host: e.HOST ?? (demoOn ? '127.0.0.1' : '0.0.0.0'),
    databaseUrl: e.DATABASE_URL,
    dataDir: resolve(e.DATA_DIR),
    embedded,
    seedDemo,
    jwtSecret: e.JWT_SECRET,
    tokenTtl: e.TOKEN_TTL,
    adminEmail: e.ADMIN_EMAIL.toLowerCase(),
    timeZone: e.TZ_NAME,
    currency: e.CURRENCY,
    logLevel: e.LOG_LEVEL,
    production,
    introspection: e.INTROSPECTION ?? !production,
    explorer: e.EXPLORER ?? !production,
    stackTraces: e.STACK_TRACES,
    exposeSqlCount: e.EXPOSE_SQL_COUNT,
    replicaName: e.REPLICA_NAME,
    tracing: e.OTEL_EXPORTER_OTLP_ENDPOINT
      ? { protocol: e.OTEL_EXPORTER_OTLP_PROTOCOL, serviceName: e.OTEL_SERVICE_NAME }
      : undefined,
    maxBody: e.MAX_BODY,
    maxDepth: e.MAX_DEPTH,
    maxAliases: e.MAX_ALIASES,
    maxCost: e.MAX_COST,
    maxTokens: e.MAX_TOKENS,
    maxResponseBytes: e.MAX_RESPONSE_BYTES,
    dbPoolSize: e.DB_POOL_SIZE,
    shutdownGraceMs: e.SHUTDOWN_GRACE_MS,
    httpRequestTimeoutMs: e.HTTP_REQUEST_TIMEOUT_MS,
    httpHeadersTimeoutMs: e.HTTP_HEADERS_TIMEOUT_MS,
    httpKeepAliveTimeoutMs: e.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    httpMaxConnections: e.HTTP_MAX_CONNECTIONS,
    httpLingerMs: e.HTTP_LINGER_MS,
    httpLingerBytes: e.HTTP_LINGER_BYTES,
    maxImportBytes: e.MAX_IMPORT_BYTES,
    importTimeoutMs: e.IMPORT_TIMEOUT_MS,
    importMaxConcurrent: e.IMPORT_MAX_CONCURRENT,
    importMaxConcurrentPerUser: e.IMPORT_MAX_CONCURRENT_PER_USER,
    reportMaxConcurrent: e.REPORT_MAX_CONCURRENT,
    reportMaxConcurrentPerUser: e.REPORT_MAX_CONCURRENT_PER_USER,
    allowedOrigins: e.ALLOWED_ORIGINS.split(',')
      .map((o) => o.trim())
      .filter(Boolean),
    wsMaxPayload: e.WS_MAX_PAYLOAD,
    wsKeepAliveMs: e.WS_KEEPALIVE_MS,
    wsMaxSubscriptions: e.WS_MAX_SUBSCRIPTIONS,
    wsMaxBuffered: e.WS_MAX_BUFFERED,
    wsSendTimeoutMs: e.WS_SEND_TIMEOUT_MS,
    liveCoalesceMs: e.LIVE_COALESCE_MS,
    liveMaxCoalesceMs: e.LIVE_MAX_COALESCE_MS,
    demoSignIn: e.DEMO_SIGN_IN,
    demoSignInAnyHost: e.DEMO_SIGN_IN_ANY_HOST,
    liveHeartbeatMs: e.LIVE_HEARTBEAT_MS,
    liveHeartbeatTimeoutMs: e.LIVE_HEARTBEAT_TIMEOUT_MS,
    webhookPollMs: e.WEBHOOK_POLL_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    webhookMaxAttempts: e.WEBHOOK_MAX_ATTEMPTS,
    webhookRetryBaseMs: e.WEBHOOK_RETRY_BASE_MS,
    notifyPollMs: e.NOTIFY_POLL_MS,
    notifyMaxAttempts: e.NOTIFY_MAX_ATTEMPTS,
    notifyRetryBaseMs: e.NOTIFY_RETRY_BASE_MS,
    notifyDigestCheckMs: e.NOTIFY_DIGEST_CHECK_MS,
    webhookAllowPrivate: e.WEBHOOK_ALLOW_PRIVATE,
    leaderboardMinLeads: e.LEADERBOARD_MIN_LEADS,
    leaderboardMinClosed: e.LEADERBOARD_MIN_CLOSED,
    contestMaxParticipants: e.CONTEST_MAX_PARTICIPANTS,
    contestMaxDays: e.CONTEST_MAX_DAYS,
    contributionsMax: e.CONTRIBUTIONS_MAX,
    kudosPerHour: e.KUDOS_PER_HOUR,
    paceAlertPercent: e.PACE_ALERT_PERCENT,
    passwordMinLength: e.PASSWORD_MIN_LENGTH,
    signInMaxFailures: e.SIGN_IN_MAX_FAILURES,
    signInMaxFailuresPerAddress: e.SIGN_IN_MAX_FAILURES_PER_ADDRESS,
    signInLockMs: e.SIGN_IN_LOCK_MS,
    sessionTtlMs: lifetimeMs(e.SESSION_TTL),
    sessionIdleMs: lifetimeMs(e.SESSION_IDLE_TTL),
    cookieSecure: e.COOKIE_SECURE,
    trustProxy: e.TRUST_PROXY,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    invitationTtlMs: lifetimeMs(e.INVITATION_TTL),
    resetTtlMs: lifetimeMs(e.RESET_TTL),
    oidc,
    screenOfflineAfterMs: lifetimeMs(e.SCREEN_OFFLINE_AFTER),
    metrics: metricsConfig(e),
  };
}

/**
 * /metrics is never public by default: nowhere unless METRICS_TOKEN or METRICS_PORT is set; on a
 * port of its own it listens on loopback unless METRICS_HOST names another address, which then
 * needs the token too (else anyone on that network reads the metrics).
 */
function metricsConfig(e: z.infer<typeof schema>): MetricsConfig | undefined {
  const fail = (problem: string) => new ConfigError(`invalid configuration:\n  ${problem}`);
  if (e.METRICS_PORT === undefined) {
    if (e.METRICS_HOST !== undefined) throw fail('METRICS_HOST: needs METRICS_PORT');
    return e.METRICS_TOKEN === undefined ? undefined : { token: e.METRICS_TOKEN, port: undefined, host: '' };
  }
  if (e.METRICS_PORT !== 0 && e.METRICS_PORT === e.PORT)
    throw fail('METRICS_PORT: must differ from PORT (unset it to serve /metrics on PORT with METRICS_TOKEN)');
  const host = e.METRICS_HOST ?? '127.0.0.1';
  if (!isLoopbackName(host) && host !== '::1' && e.METRICS_TOKEN === undefined)
    throw fail(`METRICS_HOST: ${host} is not a loopback address: set METRICS_TOKEN too`);
  return { token: e.METRICS_TOKEN, port: e.METRICS_PORT, host };
}

function oidcConfig(e: z.infer<typeof schema>): OidcConfig | undefined {
  if (!e.OIDC_ISSUER) {
    const stray = (['OIDC_CLIENT_ID', 'OIDC_ONLY', 'OIDC_AUTO_CREATE'] as const).find((k) => e[k]);
    if (stray) throw new ConfigError(`invalid configuration:\n  ${stray}: needs OIDC_ISSUER`);
    return undefined;
  }
  if (!e.OIDC_CLIENT_ID)
    throw new ConfigError('invalid configuration:\n  OIDC_CLIENT_ID: needed with OIDC_ISSUER');
  if (!e.OIDC_SCOPES.split(/\s+/).includes('openid'))
    throw new ConfigError('invalid configuration:\n  OIDC_SCOPES: must include openid');
  const roleMap = parseMap('OIDC_ROLE_MAP', e.OIDC_ROLE_MAP, (v) =>
    (ROLES as readonly string[]).includes(v) ? null : `roles are ${ROLES.join(', ')}`,
  ) as [string, Role][];
  const teamMap = parseMap('OIDC_TEAM_MAP', e.OIDC_TEAM_MAP, () => null);
  const teamClaim = e.OIDC_TEAM_CLAIM ?? e.OIDC_ROLE_CLAIM;
  if (roleMap.length > 0 && !e.OIDC_ROLE_CLAIM)
    throw new ConfigError('invalid configuration:\n  OIDC_ROLE_CLAIM: needed with OIDC_ROLE_MAP');
  if (teamMap.length > 0 && !teamClaim)
    throw new ConfigError('invalid configuration:\n  OIDC_TEAM_CLAIM: needed with OIDC_TEAM_MAP');
  return {
    issuer: e.OIDC_ISSUER,
    clientId: e.OIDC_CLIENT_ID,
    clientSecret: e.OIDC_CLIENT_SECRET,
    scopes: e.OIDC_SCOPES.trim(),
    roleClaim: e.OIDC_ROLE_CLAIM,
    roleMap,
    teamClaim,
    teamMap,
    autoCreate: e.OIDC_AUTO_CREATE,
    only: e.OIDC_ONLY,
    buttonLabel: e.OIDC_BUTTON_LABEL,
  };
}
