/**
 * pgbench against the bench database: `clients` writers running `script` for `seconds`, as M6 and
 * the contests scenario measure the write path. Resolves with tps (without connection time),
 * average latency and failed transactions.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { DB_NAME, PG_ADMIN_URL } from './common.mjs';

const run = promisify(execFile);

export async function pgbench(clients, script, { seconds, pgOptions } = {}) {
  const url = new URL(PG_ADMIN_URL);
  const args = ['-n', '-h', url.hostname, '-p', url.port || '5432'];
  args.push('-U', decodeURIComponent(url.username || 'postgres'), '-c', String(clients));
  args.push('-j', String(Math.min(clients, 2)), '-T', String(seconds), '-f', script, DB_NAME);
  const env = pgOptions ? { ...process.env, PGOPTIONS: pgOptions } : process.env;
  const { stdout } = await run('pgbench', args, { maxBuffer: 1 << 22, env });
  const tps = Number(/tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1]);
  const latency = Number(/latency average = ([\d.]+) ms/.exec(stdout)?.[1]);
  const failed = Number(/number of failed transactions: (\d+)/.exec(stdout)?.[1] ?? 0);
  return { tps, latencyMs: latency, failed };
}
