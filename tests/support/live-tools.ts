/**
 * Helpers for the live tests on a real Postgres (tests/live/{faults,scale,processes}.test.ts):
 * condition waits, leaderboard frames with arrival times, the HTTP board to compare them with,
 * bulk SQL fixtures, the API as a child process, figures for the diagnostic lines they print, and
 * the steps that undo what a test set up.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { performance } from 'node:perf_hooks';
import type { Client } from 'graphql-ws';
import type postgres from 'postgres';
import { afterEach } from 'vitest';
import { dataOf, type GraphQLResponse } from './server.ts';
import { until } from './wait.ts';

export const ROOT = new URL('../..', import.meta.url).pathname;
export { sleep } from './wait.ts';
export const now = () => performance.now();

/** support/wait.ts's `until`, with the deadline first (the live tests' order). */
export const waitUntil = <T>(
  check: () => T | undefined | false | Promise<T | undefined | false>,
  timeoutMs: number,
  what: string | (() => string),
  everyMs = 10,
): Promise<T> => until(check, what, { timeoutMs, everyMs });

// ------------------------------------------------------------------ leaderboards

export interface Entry {
  rank: number;
  revenue: string;
  ordersWon: number;
  user: { name: string };
}
export interface Board {
  version: string;
  periodStart: string;
  generatedAt: string;
  entries: Entry[];
}
export interface BoardArgs {
  m?: 'REVENUE' | 'ORDERS' | 'CONVERSION_RATE' | 'WIN_RATE';
  p?: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
  t?: string;
  l?: number;
}
const FIELDS = 'version periodStart generatedAt entries { rank revenue ordersWon user { name } }';
const VARS = '$m: LeaderboardMetric, $p: PeriodType, $t: ID, $l: Int';
const ARGS = 'metric: $m, periodType: $p, teamId: $t, limit: $l';
export const BOARD_SUBSCRIPTION = `subscription(${VARS}) { leaderboardChanged(${ARGS}) { ${FIELDS} } }`;
export const BOARD_QUERY = `query(${VARS}) { leaderboard(${ARGS}) { ${FIELDS} } }`;
export type BoardFrame = { leaderboardChanged: Board };

type Ranked = { entries: { rank: number; revenue: string; user: { name: string } }[] };
/** What both sides must agree on: who, revenue, rank (order included). */
export const entriesOf = (board: Ranked | undefined) =>
  board?.entries.map((e) => ({ name: e.user.name, revenue: e.revenue, rank: e.rank })) ?? [];
export const sameEntries = (a: Ranked | undefined, b: Ranked | undefined) =>
  JSON.stringify(entriesOf(a)) === JSON.stringify(entriesOf(b));
/** Revenue of the whole board in cents (all sellers when the limit covers them). */
export const boardCents = (board: Board) =>
  board.entries.reduce((sum, e) => sum + Math.round(Number(e.revenue) * 100), 0);
export const revenueOf = (board: Board, name: string) =>
  board.entries.find((e) => e.user.name === name)?.revenue;

type Gql = <T>(
  query: string,
  variables?: Record<string, unknown>,
  as?: string | null,
) => Promise<GraphQLResponse<T>>;

export async function httpBoard(server: { gql: Gql }, as: string, args: BoardArgs): Promise<Board> {
  return dataOf(await server.gql<{ leaderboard: Board }>(BOARD_QUERY, { ...args }, as)).leaderboard;
}

/** POST /graphql on any server (a bearer token, not an email). */
export function gqlAt(url: string, token: string): Gql {
  return async <T>(query: string, variables?: Record<string, unknown>) => {
    const response = await fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as Omit<GraphQLResponse<T>, 'status'>;
    return { status: response.status, data: body.data, errors: body.errors, extensions: body.extensions };
  };
}

// ------------------------------------------------------------------ subscriptions with arrival times

export interface Stream<T> {
  readonly frames: { at: number; data: T }[];
  readonly errors: unknown[];
  readonly completed: boolean;
  last(): T | undefined;
  /** The first frame (from index `from`) for which `test` holds, waiting up to timeoutMs. */
  waitFor(test: (data: T) => boolean, timeoutMs?: number, from?: number): Promise<{ at: number; data: T }>;
  stop(): void;
}

export function stream<T>(client: Client, query: string, variables: Record<string, unknown> = {}): Stream<T> {
  const frames: { at: number; data: T }[] = [];
  const errors: unknown[] = [];
  let completed = false;
  const stop = client.subscribe<T>(
    { query, variables },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors);
        if (result.data) frames.push({ at: now(), data: result.data });
      },
      error: (error) => errors.push(error),
      complete: () => {
        completed = true;
      },
    },
  );
  return {
    frames,
    errors,
    get completed() {
      return completed;
    },
    last: () => frames.at(-1)?.data,
    waitFor: (test, timeoutMs = 5000, from = 0) =>
      waitUntil(
        () => frames.slice(from).find((f) => test(f.data)),
        timeoutMs,
        () =>
          `a matching frame; errors ${JSON.stringify(errors)}; last ${JSON.stringify(frames.at(-1))}`.slice(
            0,
            2000,
          ),
        2,
      ),
    stop,
  };
}

/** Versions as BigInt, and whether they never decrease. */
export function versionsNeverDecrease(boards: Board[]): boolean {
  const versions = boards.map((b) => BigInt(b.version));
  return versions.every((v, i) => i === 0 || v >= (versions[i - 1] as bigint));
}

// ------------------------------------------------------------------ fixtures and writes

/** `count` sellers (REPs) named `${prefix} 001`...; returns their ids. */
export async function createSellers(
  db: postgres.Sql,
  prefix: string,
  count: number,
  teamId: number | null = null,
): Promise<number[]> {
  const slug = prefix.toLowerCase().replace(/[^a-z0-9]+/g, '-');
  const rows = await db<{ id: number }[]>`
    insert into users (name, email, role, team_id)
    select ${prefix} || ' ' || lpad(g::text, 3, '0'), ${slug} || '-' || g || '@example.com', 'REP', ${teamId}
    from generate_series(1, ${count}) g
    returning id`;
  return rows.map((r) => r.id);
}

let externalSeq = 0;
export const externalId = (tag: string) => `${tag}-${process.pid}-${(externalSeq += 1)}`;

/** One INSERT statement of ORDER_WON rows (user id, amount in whole currency units). */
export async function insertOrders(
  db: postgres.Sql | postgres.TransactionSql,
  tag: string,
  orders: [number, number][],
): Promise<void> {
  const rows = orders.map(([userId, amount]) => ({
    user_id: userId,
    kind: 'ORDER_WON',
    amount: String(amount),
    occurred_at: new Date(),
    external_id: externalId(tag),
  }));
  await db`insert into activities ${db(rows, 'user_id', 'kind', 'amount', 'occurred_at', 'external_id')}`;
}

export const RECORD = `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`;
export const orderInputs = (tag: string, orders: [number, number][]) =>
  orders.map(([userId, amount]) => ({
    userId: String(userId),
    kind: 'ORDER_WON',
    amount: `${amount}.00`,
    occurredAt: new Date().toISOString(),
    externalId: externalId(tag),
  }));

// ------------------------------------------------------------------ the API as a child process

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  readonly child: ChildProcess;
  readonly url: string;
  readonly exited: Promise<number | null>;
  output(): string;
  /** SIGTERM, then the exit code (SIGKILL after timeoutMs). */
  stop(timeoutMs?: number): Promise<number | null>;
}

/**
 * `node --import tsx api/main.ts` with env; resolves once /healthz answers 200 (`timeoutMs`: a
 * deadline for a start that broke; several processes starting at once on a busy host need more).
 */
export async function startServerProcess(
  port: number,
  env: Record<string, string>,
  { timeoutMs = 20_000 }: { timeoutMs?: number } = {},
): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  child.stderr?.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = `http://127.0.0.1:${port}`;
  const proc: ServerProcess = {
    child,
    url,
    exited,
    output: () => output,
    async stop(timeoutMs = 10_000) {
      if (child.exitCode !== null || child.signalCode !== null) return child.exitCode;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
      const code = await exited;
      clearTimeout(timer);
      return code;
    },
  };
  try {
    await waitUntil(
      async () => {
        if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}: ${output}`);
        try {
          return (await fetch(`${url}/healthz`)).ok;
        } catch {
          return false; // not listening yet
        }
      },
      timeoutMs,
      () => `the server process to answer /healthz: ${output}`,
      50,
    );
  } catch (error) {
    await proc.stop(1000);
    throw error;
  }
  return proc;
}

// ------------------------------------------------------------------ memory and numbers

export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}
export const median = (values: number[]) => percentile(values, 50);
export const ms = (x: number) => Math.round(x * 10) / 10;

/**
 * Registers an afterEach in the calling file that runs the steps pushed onto the returned list
 * during a test, last first (a server closed after the clients on it), and empties the list.
 */
export function cleanupAfterEach(): (() => unknown)[] {
  const steps: (() => unknown)[] = [];
  afterEach(async () => {
    for (const step of steps.splice(0).reverse()) await step();
  });
  return steps;
}
