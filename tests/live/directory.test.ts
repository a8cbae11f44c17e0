/**
 * The process's viewer cache (api/live/caches/directory.ts): one read per user until the users or teams
 * tables change, by any writer; then the next lookup sees the change.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, periodStart } from '../../api/domain/periods.ts';
import { UnauthenticatedError } from '../../api/core/errors.ts';
import { ViewerDirectory } from '../../api/live/caches/directory.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest } from '../support/rest.ts';
import { errorOf, dataOf, type TestServer } from '../support/server.ts';
import { settle, until } from '../support/wait.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

/** The fixture's directory notifications have all been handled (support/wait.ts). */
const settled = () => settle(server);

describe('viewer directory', () => {
  it('reads a user once, however often and however concurrently asked', async () => {
    const directory = server.app.directory;
    await settled();
    const before = directory.reads;
    const viewers = await Promise.all(
      Array.from({ length: 20 }, () => directory.viewer(org.reps.west1.email.toUpperCase())),
    );
    await directory.viewer(org.reps.west1.email);
    expect(directory.reads - before).toBe(1);
    expect(new Set(viewers.map((v) => v.id))).toEqual(new Set([org.reps.west1.id]));
  });

  it('sees a change written with plain SQL once its notification arrives', async () => {
    const directory = server.app.directory;
    const email = org.reps.west1.email;
    expect((await directory.viewer(email)).role).toBe('REP');
    await server.sql(sql`update users set role = 'MANAGER' where id = ${org.reps.west1.id}`);
    await until(() => directory.size === 0, 'the dir notification');
    const promoted = await directory.viewer(email);
    expect(promoted.role).toBe('MANAGER');
    expect(promoted.managedTeamIds).toEqual([org.teams.west]);

    await server.sql(sql`update users set role = 'REP', active = false where id = ${org.reps.west1.id}`);
    await until(() => directory.size === 0, 'the dir notification');
    await expect(directory.viewer(email)).rejects.toBeInstanceOf(UnauthenticatedError);
    await server.sql(sql`update users set active = true where id = ${org.reps.west1.id}`);
    await until(() => directory.size === 0, 'the dir notification');
    expect((await directory.viewer(email)).role).toBe('REP');
  });

  it('peeks (no read, no wait) only at a settled, current answer: the live fast path per event', async () => {
    const directory = server.app.directory;
    const email = org.reps.east1.email;
    await settled();
    directory.invalidate();
    expect(directory.peek(email)).toBeUndefined(); // never read: only viewer() may read
    const asked = directory.viewer(email);
    expect(directory.peek(email)).toBeUndefined(); // being read: not settled yet
    const viewer = await asked;
    const reads = directory.reads;
    expect(directory.peek(email.toUpperCase())).toEqual(viewer);
    expect(directory.reads).toBe(reads);
    // a change drops it: the next event asks viewer() again
    await server.sql(sql`update users set name = name where id = ${org.reps.east1.id}`);
    await until(() => directory.size === 0, 'the dir notification');
    expect(directory.peek(email)).toBeUndefined();
    // a user who is not active is never peeked
    await expect(directory.viewer('nobody@example.com')).rejects.toBeInstanceOf(UnauthenticatedError);
    expect(directory.peek('nobody@example.com')).toBeUndefined();
  });

  it('knows a user created after an unknown email was asked for', async () => {
    const directory = server.app.directory;
    await expect(directory.viewer('late@example.com')).rejects.toBeInstanceOf(UnauthenticatedError);
    await server.sql(
      sql`insert into users (name, email, role) values ('Late', 'late@example.com', 'VIEWER')`,
    );
    await until(() => directory.size === 0, 'the dir notification');
    expect((await directory.viewer('late@example.com')).role).toBe('VIEWER');
  });

  it('keeps at most its capacity of users, dropping the oldest', async () => {
    const small = new ViewerDirectory(server.app.database.db, { capacity: 2 });
    await small.viewer(org.reps.east1.email);
    await small.viewer(org.reps.east2.email);
    await small.viewer(org.reps.west1.email);
    expect(small.size).toBe(2);
    const reads = small.reads;
    await small.viewer(org.reps.west1.email);
    await small.viewer(org.reps.east1.email); // dropped first: read again
    expect(small.reads - reads).toBe(1);
  });

  describe('over HTTP (every route authenticates through it)', () => {
    const ME = '{ me { role } }';

    it('serves a request from the cache and applies a plain-SQL change once it is notified', async () => {
      const directory = server.app.directory;
      const email = org.reps.east2.email;
      await settled();
      expect(dataOf(await server.gql<{ me: { role: string } }>(ME, {}, email)).me.role).toBe('REP');
      const reads = directory.reads;
      const cached = await server.gql<{ me: { role: string } }>(ME, {}, email);
      expect(dataOf(cached).me.role).toBe('REP');
      expect(directory.reads).toBe(reads);

      await server.sql(sql`update users set active = false where id = ${org.reps.east2.id}`);
      await until(() => directory.size === 0, 'the dir notification');
      expect(errorOf(await server.gql(ME, {}, email)).code).toBe('UNAUTHENTICATED');
      await server.sql(sql`update users set active = true where id = ${org.reps.east2.id}`);
      await until(() => directory.size === 0, 'the dir notification');
      expect(dataOf(await server.gql<{ me: { role: string } }>(ME, {}, email)).me.role).toBe('REP');
    });

    it('knows a user this process created at once, even one it was asked about before', async () => {
      const email = 'hired@example.com';
      expect(errorOf(await server.gql(ME, {}, email)).code).toBe('UNAUTHENTICATED');
      const created = await server.gql(
        `mutation { createUser(input: { name: "Hired", email: "${email}", role: REP }) { id } }`,
        {},
        org.admin,
      );
      dataOf(created);
      // no waiting for the notification: the mutation dropped the cache when it committed
      expect(dataOf(await server.gql<{ me: { role: string } }>(ME, {}, email)).me.role).toBe('REP');
    });

    it('reads every time, and keeps nothing, while the listener is not known to hear every change', async () => {
      let current = false;
      const directory = new ViewerDirectory(server.app.database.db, { current: () => current });
      await directory.viewer(org.reps.east1.email);
      await directory.viewer(org.reps.east1.email);
      expect(directory.reads).toBe(2);
      expect(directory.size).toBe(0);
      current = true;
      await directory.viewer(org.reps.east1.email);
      await directory.viewer(org.reps.east1.email);
      expect(directory.reads).toBe(3);
      current = false;
      await directory.viewer(org.reps.east1.email);
      expect(directory.size).toBe(0);
      expect(directory.reads).toBe(4);
    });

    it('authorises every write against the users as committed, even before the notification arrives', async () => {
      const directory = server.app.directory;
      const [held] = await server.sql<{ id: number }>(
        sql`insert into users (name, email, role, team_id) values ('Hal Held', 'hal@example.com', 'MANAGER', ${org.teams.east}) returning id`,
      );
      if (!held) throw new Error('no user');
      await until(() => directory.size === 0, 'the dir notification');
      const record = (n: number) =>
        server.gql(
          'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
          {
            a: [
              {
                userId: String(org.reps.east1.id),
                kind: 'CALL',
                occurredAt: new Date().toISOString(),
                externalId: `held-${n}`,
              },
            ],
          },
          'hal@example.com',
        );
      const post = () =>
        rest(server, 'POST', '/api/performance', {
          as: 'hal@example.com',
          body: {
            type: 'goal',
            user_id: org.reps.east1.id,
            goal_type: 'Revenue',
            period_type: 'monthly',
            period_start: periodStart('MONTHLY', localDate(new Date(), 'UTC')),
            target_value: 1000,
          },
        });
      expect(dataOf(await server.gql<{ me: { role: string } }>(ME, {}, 'hal@example.com')).me.role).toBe(
        'MANAGER',
      );
      expect(dataOf(await record(1))).toEqual({ recordActivities: { recorded: 1 } });

      // the directory's notifications are held back: it keeps serving what it read
      const handle = directory.handle.bind(directory);
      directory.handle = () => {};
      try {
        await server.sql(sql`update users set role = 'REP' where id = ${held.id}`);
        const reads = directory.reads;
        expect((await directory.viewer('hal@example.com')).role).toBe('MANAGER');
        expect(directory.reads).toBe(reads);
        expect(errorOf(await record(2)).code).toBe('FORBIDDEN');
        expect((await post()).status).toBe(403);
        await server.sql(sql`update users set active = false where id = ${held.id}`);
        expect(errorOf(await record(3)).code).toBe('UNAUTHENTICATED');
        expect((await post()).status).toBe(401);
        const [calls] = await server.sql<{ n: number }>(
          sql`select count(*)::int as n from activities where external_id like 'held-%'`,
        );
        expect(calls?.n).toBe(1);
      } finally {
        directory.handle = handle;
        directory.invalidate();
      }
    });

    it('is current once the listener registered, and the app wires it to the bridge', () => {
      expect(server.app.bridge.current).toBe(true);
    });
  });
});
