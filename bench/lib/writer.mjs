/**
 * Sales written straight into Postgres, the way an ERP does (one ORDER_WON activity per
 * transaction, every trigger on), to the sellers on the board's top 10, plus the clock that measures commit -> frame latency:
 * each sale reads the board version its own commit produces (the rollup's updated_at, which is
 * the board's max(updated_at) for a single writer) before COMMIT is sent, and records the instant
 * COMMIT is sent.
 */
import pg from 'pg';
import { DB_URL, now, percentile, sleep } from './common.mjs';

const RUN = `${process.pid}-${Date.now().toString(36)}`;
let sequence = 0;

export async function createWriter({ url = DB_URL } = {}) {
  const client = new pg.Client({ connectionString: url, application_name: 'bench-writer' });
  await client.connect();
  const [{ start }] = (await client.query(`select period_start_of('MONTHLY', org_today())::text as start`))
    .rows;
  // Sales go to the board's current top 10, so every one changes what the board shows (revenue):
  // Pulse drops recomputed boards that look the same, and a sale below the top 10 would send no frame.
  const sellers = (
    await client.query(
      `select u.id from users u
       left join sales_performance sp on sp.user_id = u.id and sp.period_type = 'MONTHLY' and sp.period_start = $1
       where u.role in ('REP', 'MANAGER') and u.active
       order by coalesce(sp.revenue, 0) desc, u.id limit 10`,
      [start],
    )
  ).rows.map((r) => r.id);
  const everyone = (
    await client.query(`select id from users where role in ('REP', 'MANAGER') and active order by id`)
  ).rows.map((r) => r.id);
  return {
    sellers,
    monthStart: start,
    /**
     * One sale; resolves with { version, t } (t = when COMMIT was sent). `beforeCommit` gets the
     * same object just before COMMIT goes out, so a frame can never arrive before its commit is known.
     */
    async sale(beforeCommit) {
      sequence += 1;
      const n = sequence;
      const user = sellers[n % sellers.length];
      const amount = (100 + ((n * 37) % 5000)).toFixed(2);
      await client.query('BEGIN');
      try {
        await client.query(
          `insert into activities (user_id, kind, amount, occurred_at, external_id, source)
           values ($1, 'ORDER_WON', $2, now(), $3, 'bench')`,
          [user, amount, `bench-${RUN}-${n}`],
        );
        const { rows } = await client.query(
          `select floor(extract(epoch from updated_at) * 1000000)::bigint::text as v
           from sales_performance where user_id = $1 and period_type = 'MONTHLY' and period_start = $2`,
          [user, start],
        );
        const c = { version: Number(rows[0].v), t: now() };
        beforeCommit?.(c);
        await client.query('COMMIT');
        return c;
      } catch (error) {
        await client.query('ROLLBACK').catch(() => {});
        throw error;
      }
    },
    /** `count` sales by sellers across the whole board in one transaction (bursts). */
    async sales(count) {
      const users = [];
      const amounts = [];
      const ids = [];
      for (let i = 0; i < count; i += 1) {
        sequence += 1;
        users.push(everyone[(sequence * 7919) % everyone.length]);
        amounts.push((100 + ((sequence * 37) % 5000)).toFixed(2));
        ids.push(`bench-${RUN}-${sequence}`);
      }
      await client.query(
        `insert into activities (user_id, kind, amount, occurred_at, external_id, source)
         select u, 'ORDER_WON', a, now(), e, 'bench' from unnest($1::int[], $2::numeric[], $3::text[]) as t(u, a, e)`,
        [users, amounts, ids],
      );
    },
    query: (text, params) => client.query(text, params),
    close: () => client.end(),
  };
}

/**
 * Calls fn `rate` times a second for `durationMs`, never overlapping itself; if fn falls behind,
 * it catches up without sleeping. Resolves with the number of calls.
 */
export async function paced(rate, durationMs, fn) {
  const period = 1000 / rate;
  const start = now();
  let n = 0;
  while (now() - start < durationMs) {
    const due = start + n * period;
    const wait = due - now();
    if (wait > 1) await sleep(wait);
    await fn(n);
    n += 1;
  }
  return n;
}

/**
 * Commit -> frame latency: for every (subscriber, commit) pair, the time from the commit until
 * the first frame whose version includes it. A frame that carries several commits (coalesced)
 * settles them all, each with its own latency.
 */
export class LatencyTracker {
  constructor() {
    this.commits = [];
    this.samples = [];
    this.subs = new Set();
  }
  watch(subs) {
    for (const s of subs) {
      s.ptr = this.commits.length;
      this.subs.add(s);
    }
  }
  commit(c) {
    this.commits.push(c);
  }
  frame(sub, version, at) {
    if (version === undefined || sub.ptr === undefined) return;
    const commits = this.commits;
    let i = sub.ptr;
    while (i < commits.length && commits[i].version <= version) {
      this.samples.push(at - commits[i].t);
      i += 1;
    }
    sub.ptr = i;
  }
  /** Pairs still waiting for a frame. */
  pending() {
    let n = 0;
    for (const s of this.subs) n += this.commits.length - s.ptr;
    return n;
  }
  async settle(timeoutMs) {
    const until = now() + timeoutMs;
    while (this.pending() > 0 && now() < until) await sleep(20);
  }
  /** Summary; pairs never settled count as (end - commit), a lower bound, and are reported. */
  summary(end = now()) {
    const values = [...this.samples];
    let missing = 0;
    for (const s of this.subs) {
      for (let i = s.ptr; i < this.commits.length; i += 1) {
        values.push(end - this.commits[i].t);
        missing += 1;
      }
    }
    return {
      commits: this.commits.length,
      pairs: values.length,
      missing,
      p50: percentile(values, 50),
      p90: percentile(values, 90),
      p99: percentile(values, 99),
      max: values.reduce((m, v) => (v > m ? v : m), values.length ? -Infinity : null),
    };
  }
}
