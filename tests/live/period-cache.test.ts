/**
 * Team figures kept in memory (api/live/caches/period-cache.ts): the cache's rules with a stand-in
 * listener, then team performance over HTTP held to the database through plain-SQL and GraphQL
 * writes, team moves and renames: a query right after any of them shows it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PerfMessage } from '../../api/live/feed/messages.ts';
import { PeriodCache } from '../../api/live/caches/period-cache.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { settle } from '../support/wait.ts';
import type { TestServer } from '../support/server.ts';

describe('PeriodCache', () => {
  const make = (state = { caughtUp: true, current: true }, capacity?: number) => {
    const cache = new PeriodCache({
      caughtUp: () => Promise.resolve(state.caughtUp),
      current: () => state.current,
      ...(capacity ? { capacity } : {}),
    });
    let loads = 0;
    const get = (key = 'k', start = '2026-11-01') =>
      cache.get('MONTHLY', start, key, () => Promise.resolve(`${key}@${start}#${(loads += 1)}`));
    return { cache, state, get, loads: () => loads };
  };
  const perf = (periodStart: string): PerfMessage => ({
    t: 'perf',
    periods: [{ periodType: 'MONTHLY', periodStart }],
    teams: null,
  });

  it('serves a value again until a change to its period arrives', async () => {
    const { cache, get } = make();
    expect(await get()).toBe('k@2026-11-01#1');
    expect(await get()).toBe('k@2026-11-01#1');
    cache.handle(perf('2026-10-01')); // another period
    cache.handle({ t: 'goal', ids: [1] });
    expect(await get()).toBe('k@2026-11-01#1');
    cache.handle(perf('2026-11-01'));
    expect(await get()).toBe('k@2026-11-01#2');
    expect([cache.hits, cache.reads]).toEqual([2, 2]);
  });

  it('drops everything on a directory change, on "all" and on a reconnection', async () => {
    const { cache, get } = make();
    await get('a');
    for (const drop of [
      () => cache.handle({ t: 'dir' }),
      () => cache.handle({ t: 'all' }),
      () => cache.invalidate(),
    ]) {
      const before = cache.reads;
      drop();
      await get('a');
      expect(cache.reads).toBe(before + 1);
    }
  });

  it('reads again while the listener is behind, and keeps nothing while it is not current', async () => {
    const { cache, state, get } = make();
    await get();
    state.caughtUp = false;
    expect(await get()).toBe('k@2026-11-01#2');
    state.caughtUp = true;
    state.current = false;
    expect(await get()).toBe('k@2026-11-01#3');
    expect(cache.size).toBe(0);
    state.current = true;
    expect(await get()).toBe('k@2026-11-01#4');
    expect(await get()).toBe('k@2026-11-01#4');
  });

  it('does not keep a read during which its period changed', async () => {
    const { cache } = make();
    let release: (v: string) => void = () => {};
    const slow = cache.get('MONTHLY', '2026-11-01', 'k', () => new Promise<string>((r) => (release = r)));
    cache.handle(perf('2026-11-01'));
    release('old');
    expect(await slow).toBe('old');
    expect(cache.size).toBe(0);
  });

  it('keeps at most its capacity, the oldest out first', async () => {
    const { cache, get } = make(undefined, 2);
    await get('a');
    await get('b');
    await get('c');
    expect(cache.size).toBe(2);
    const reads = cache.reads;
    await get('c');
    await get('b');
    expect(cache.reads).toBe(reads);
    await get('a');
    expect(cache.reads).toBe(reads + 1);
  });
});

describe('team performance from memory, over HTTP', () => {
  let server: TestServer;
  let org: OrgFixture;
  let serial = 0;
  beforeAll(async () => ({ server, org } = await startOrgServer()));
  afterAll(() => server?.close());

  const TEAMS = `{ teamPerformance(periodType: MONTHLY) {
    team { id name } revenue ordersWon memberCount topPerformer { name }
    members { user { id name } revenue ordersWon calls }
  } }`;
  const read = async () => {
    const response = await server.gql<{ teamPerformance: unknown[] }>(TEAMS, {}, org.admin);
    expect(response.errors).toBeUndefined();
    return {
      teams: response.data?.teamPerformance,
      statements: response.extensions?.sqlStatements as number,
    };
  };
  /** What the same query answers with the cache emptied first: read from the database. */
  const fresh = async () => {
    server.app.figures.invalidate();
    return (await read()).teams;
  };
  const sale = (userId: number, amount: string) =>
    sql`insert into activities (user_id, kind, amount, occurred_at, external_id)
        values (${userId}, 'ORDER_WON', ${amount}::numeric, now(), ${`figures-${(serial += 1)}`})`;

  it('answers from memory once read, and shows every kind of change at once', async () => {
    await read();
    // once the listener has every change, a read is a hit; on a loaded machine one can still find
    // the listener behind (a heartbeat past its deadline) and read the database: read again
    const hits = server.app.figures.hits;
    let quiet: Awaited<ReturnType<typeof read>> | undefined;
    for (let attempt = 1; !quiet; attempt += 1) {
      await settle(server);
      const before = server.app.figures.hits;
      const answer = await read();
      if (server.app.figures.hits === before + 1) quiet = answer;
      else if (attempt === 5) throw new Error('five reads in a row were not answered from memory');
    }
    expect(quiet.statements).toBe(1); // the change log checked: nothing new
    const reps = [org.reps.east1.id, org.reps.east2.id, org.reps.west1.id];
    const writes = [
      // plain SQL, then at once a query: it must show it (the listener may not have it yet)
      ...reps.map((id, i) => () => server.sql(sale(id, `${100 + i}.50`))),
      () =>
        server.gql(
          'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
          {
            a: [
              {
                userId: String(org.reps.west1.id),
                kind: 'CALL',
                occurredAt: new Date().toISOString(),
                externalId: `figures-${(serial += 1)}`,
              },
            ],
          },
          org.admin,
        ),
      () => server.sql(sql`update users set team_id = ${org.teams.west} where id = ${org.reps.east2.id}`),
      () => server.sql(sql`update users set name = 'Renamed Rep' where id = ${org.reps.east1.id}`),
      () => server.sql(sql`update teams set name = 'West Renamed' where id = ${org.teams.west}`),
      () => server.sql(sql`update users set active = false where id = ${org.reps.west1.id}`),
    ];
    for (let round = 0; round < 3; round += 1) {
      for (const write of writes) {
        await write();
        const answer = (await read()).teams;
        expect(answer).toEqual(await fresh());
      }
    }
    expect(server.app.figures.hits).toBeGreaterThan(hits);
  });
});
