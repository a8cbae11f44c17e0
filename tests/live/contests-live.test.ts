/**
 * contestChanged over a real graphql-ws socket: the standings at once and after each change, one
 * recomputation per change whatever the number of viewers; a countdown's target before the start;
 * the freeze at the end by the contest timer (its clock moved, no viewer needed), with the
 * winner's badge and CONTEST_STARTED / CONTEST_ENDED in the webhook outbox; a rep outside the
 * contest is refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { createContest, STANDINGS, type Standings } from '../support/contests.ts';
import { dataOf, type TestServer } from '../support/server.ts';
import { settle, until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;

interface Frame {
  contestChanged: Standings;
}
const SUB = `subscription($id: ID!) { contestChanged(id: $id) { ${STANDINGS} } }`;

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ WEBHOOK_ALLOW_PRIVATE: 'true' }));
  dataOf(
    await server.gql(
      `mutation { createWebhook(input: { url: "http://127.0.0.1:9/hook", events: [CONTEST_STARTED, CONTEST_ENDED] }) { secret } }`,
      {},
      org.admin,
    ),
  );
});
afterAll(() => server?.close());

const outbox = (event: string) =>
  server.sql<{ payload: Record<string, unknown> }>(
    sql`select payload from webhook_outbox where event = ${event}::webhook_event order by id`,
  );

describe('contestChanged', () => {
  it('streams live standings to every viewer with one recomputation per change, then freezes at the end', async () => {
    const startsAt = new Date(Date.now() - 60_000);
    const endsAt = new Date(Date.now() + 3_600_000);
    const id = await createContest(server, {
      name: 'Power hour',
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      metric: 'ORDERS',
      teamIds: [String(org.teams.east)],
    });
    // the contest timer announces the start once (the outbox row for the webhook)
    await until(async () => (await outbox('CONTEST_STARTED')).length === 1, 'CONTEST_STARTED');

    const rep = connect(server.url, await server.token(org.reps.east1.email));
    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const a = subscribe<Frame>(rep, SUB, { id });
      const b = subscribe<Frame>(tv, SUB, { id });
      for (const f of [a, b]) await f.waitFor((v) => v.contestChanged.status === 'RUNNING');
      await settle(server);
      const before = server.app.live.stats.contestRecomputations;
      await recordActivity(server, [{ userId: org.reps.east2.id, amount: '10.00' }]);
      const leads = (v: Frame) => v.contestChanged.entries[0]?.user?.name === 'Bob Baker';
      const [fa, fb] = await Promise.all([a.waitFor(leads), b.waitFor(leads)]);
      expect(fa.contestChanged.entries[0]).toMatchObject({ rank: 1, value: '1' });
      expect(fb).toEqual(fa);
      await settle(server);
      expect(server.app.live.stats.contestRecomputations - before).toBe(1);

      // a sale of someone outside the contest recomputes nothing
      await recordActivity(server, [{ userId: org.reps.west1.id, amount: '10.00' }]);
      await settle(server);
      expect(server.app.live.stats.contestRecomputations - before).toBe(1);

      // the end: the timer (its clock moved past the window) freezes it, nobody needed on the page
      server.app.contests.clock.now = () => new Date(endsAt.getTime() + 1000);
      await server.app.contests.check();
      const final = await a.waitFor((v) => v.contestChanged.frozen);
      expect(final.contestChanged).toMatchObject({
        status: 'ENDED',
        closedAt: endsAt.toISOString(),
        winners: [{ name: 'Bob Baker' }],
      });
      await b.waitFor((v) => v.contestChanged.frozen);
      const [ended] = await outbox('CONTEST_ENDED');
      expect(ended?.payload).toMatchObject({
        contest: { id: Number(id), name: 'Power hour' },
        podium: [{ rank: 1, value: '1', user_name: 'Bob Baker' }, { rank: 2 }, { rank: 2 }],
        winners: [{ user_id: org.reps.east2.id, user_name: 'Bob Baker' }],
      });
      const badges = await server.sql<{ title: string }>(
        sql`select title from achievements where user_id = ${org.reps.east2.id} and kind = 'contest_winner'`,
      );
      expect(badges).toEqual([{ title: 'Contest winner: Power hour' }]);
      // a second pass (another replica's timer) freezes nothing twice
      await server.app.contests.check();
      expect(await outbox('CONTEST_ENDED')).toHaveLength(1);
    } finally {
      server.app.contests.clock.now = () => new Date();
      await rep.dispose();
      await tv.dispose();
    }
  });

  it('shows a running contest’s new name to its viewers, and the sales after it', async () => {
    const id = await createContest(server, {
      name: 'Friday push',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      metric: 'ORDERS',
      teamIds: [String(org.teams.east)],
    });
    const tv = connect(server.url, await server.token(org.viewer));
    const named = `subscription($id: ID!) { contestChanged(id: $id) { name ${STANDINGS} } }`;
    try {
      const s = subscribe<{ contestChanged: Standings & { name: string } }>(tv, named, { id });
      await s.waitFor((v) => v.contestChanged.status === 'RUNNING');
      const orders = (v: { contestChanged: Standings }) =>
        v.contestChanged.entries.reduce((n, e) => n + Number(e.value ?? 0), 0);
      const before = orders(await s.waitFor(() => true));
      // a sale recomputes it from the contest row the hub keeps...
      await recordActivity(server, [{ userId: org.reps.east1.id, amount: '10.00' }]);
      await s.waitFor((v) => orders(v) === before + 1);
      // ...which an edit replaces: the new name, then the next sale under it
      dataOf(
        await server.gql(
          `mutation($id: ID!) { updateContest(id: $id, input: { name: "Friday final push" }) { id } }`,
          { id },
          org.admin,
        ),
      );
      await s.waitFor((v) => v.contestChanged.name === 'Friday final push');
      await recordActivity(server, [{ userId: org.reps.east2.id, amount: '10.00' }]);
      const last = await s.waitFor((v) => orders(v) === before + 2);
      expect(last.contestChanged.name).toBe('Friday final push');
    } finally {
      await tv.dispose();
    }
  });

  it('sends the countdown’s target before the start, and refuses a rep outside the contest', async () => {
    const startsAt = new Date(Date.now() + 3_600_000).toISOString();
    const id = await createContest(server, {
      name: 'Tomorrow',
      startsAt,
      endsAt: new Date(Date.now() + 7_200_000).toISOString(),
      metric: 'CALLS',
      teamIds: [String(org.teams.east)],
    });
    const rep = connect(server.url, await server.token(org.reps.east1.email));
    const outsider = connect(server.url, await server.token(org.reps.west1.email));
    try {
      const first = await subscribe<Frame>(rep, SUB, { id }).waitFor(() => true);
      expect(first.contestChanged).toMatchObject({ status: 'UPCOMING', startsAt, frozen: false });
      const refused = subscribe<Frame>(outsider, SUB, { id });
      expect(JSON.stringify(await refused.waitForError())).toContain('FORBIDDEN');
    } finally {
      await rep.dispose();
      await outsider.dispose();
    }
  });
});
