/**
 * Contests over GraphQL HTTP, in an organisation in America/New_York: windows are instants, so one
 * crossing midnight or a DST change counts exactly the activities inside it; an ended contest is
 * frozen once (results, the winner's badge, CONTEST_ENDED) and never moves again, even after a
 * backdated activity; % of goal and team averages compare fairly; head-to-head pairs; who may
 * create, edit, read; limits. Expectations are computed from the data written here and the
 * organisation's clock (TestServer.today), never from the calendar.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { addDays, createContest, localInstant, standings } from '../support/contests.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

const ZONE = 'America/New_York';
let server: TestServer;
let org: OrgFixture;
let today: string;

const at = (date: string, hh: number, mm = 0) => localInstant(date, hh, mm, ZONE).toISOString();
const order = (userId: number, occurredAt: string, amount: string) => ({ userId, occurredAt, amount });
const activity = (userId: number, kind: string, occurredAt: string) => ({ userId, kind, occurredAt });

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ TZ_NAME: ZONE, CONTEST_MAX_PARTICIPANTS: '5' }));
  today = await server.today();
});
afterAll(() => server?.close());

describe('contest windows', () => {
  it('counts a window crossing midnight by its instants, then freezes: a backdated sale changes nothing', async () => {
    const day = addDays(today, -3);
    const next = addDays(day, 1);
    const { east1, east2, west1 } = org.reps;
    await recordActivity(server, [
      order(east1.id, at(day, 23, 30), '100.00'),
      order(east1.id, at(next, 0, 30), '250.00'),
      order(east2.id, at(day, 22, 59), '900.00'), // before the start
      order(east2.id, at(next, 1, 0), '900.00'), // the end is excluded
      order(west1.id, at(next, 0, 59), '200.00'),
    ]);
    const id = await createContest(server, {
      name: 'Midnight madness',
      prize: 'Dinner for two',
      startsAt: at(day, 23),
      endsAt: at(next, 1),
      metric: 'REVENUE',
      everyone: true,
    });
    const first = await standings(server, id);
    expect(first).toMatchObject({ status: 'ENDED', frozen: true, closedAt: at(next, 1) });
    const table = first.entries.map((e) => [e.rank, e.user?.name, e.value]);
    expect(table.slice(0, 2)).toEqual([
      [1, 'Alice Able', '350.00'],
      [2, 'Carol Cruz', '200.00'],
    ]);
    expect(table.slice(2).every(([rank, , value]) => rank === 3 && value === '0.00')).toBe(true);
    expect(first.winners.map((w) => w.name)).toEqual(['Alice Able']);

    // a sale backdated into the window, after the close: the results say they are final and stay
    await recordActivity(server, [order(west1.id, at(next, 0, 10), '5000.00')]);
    expect(await standings(server, id)).toEqual(first);

    const badges = await server.sql<{ user_id: number; title: string }>(
      sql`select user_id, title from achievements where kind = 'contest_winner'`,
    );
    expect(badges).toEqual([{ user_id: east1.id, title: 'Contest winner: Midnight madness' }]);

    // the same results over REST, in the seed's style
    const rest = await fetch(`${server.url}/api/performance?type=contest&id=${id}`, {
      headers: { authorization: `Bearer ${await server.token(west1.email)}` },
    });
    expect(rest.status).toBe(200);
    const body = (await rest.json()) as { standings: unknown[] };
    expect(body).toMatchObject({
      name: 'Midnight madness',
      metric: 'revenue',
      status: 'ended',
      frozen: true,
      closed_at: at(next, 1),
      winners: [{ user_id: east1.id, user_name: 'Alice Able' }],
    });
    expect(body.standings.slice(0, 2)).toMatchObject([
      { rank: 1, user_name: 'Alice Able', value: '350.00' },
      { rank: 2, user_name: 'Carol Cruz', value: '200.00' },
    ]);
    const list = await fetch(`${server.url}/api/performance?type=contests&status=ended`, {
      headers: { authorization: `Bearer ${await server.token(west1.email)}` },
    });
    expect(((await list.json()) as { name: string }[]).map((c) => c.name)).toEqual(['Midnight madness']);
    const bad = await fetch(`${server.url}/api/performance?type=contests&status=soon`, {
      headers: { authorization: `Bearer ${await server.token(west1.email)}` },
    });
    expect(bad.status).toBe(400);
  });

  it('counts the real hours of a window across the spring-forward change', async () => {
    // the last spring-forward day whose 04:00 is past: the second Sunday of March in New York
    const sunday = (year: number) => {
      const first = new Date(Date.UTC(year, 2, 1)).getUTCDay();
      return `${year}-03-${String(1 + ((7 - first) % 7) + 7).padStart(2, '0')}`;
    };
    const year = Number(today.slice(0, 4));
    const day = localInstant(sunday(year), 4, 0, ZONE) < new Date() ? sunday(year) : sunday(year - 1);
    const startsAt = at(day, 1); // 01:00 EST = 06:00Z
    const endsAt = at(day, 4); // 04:00 EDT = 08:00Z: two real hours
    expect(Date.parse(endsAt) - Date.parse(startsAt)).toBe(2 * 3_600_000);
    const { east1, east2 } = org.reps;
    const z = (h: number, m: number) =>
      new Date(Date.parse(`${day}T00:00:00Z`) + (h * 60 + m) * 60_000).toISOString();
    await recordActivity(server, [
      activity(east1.id, 'CALL', z(6, 30)), // 01:30 EST
      activity(east1.id, 'CALL', z(7, 30)), // 03:30 EDT
      activity(east2.id, 'CALL', z(7, 59)), // 03:59 EDT
      activity(east2.id, 'CALL', z(8, 0)), // 04:00 EDT: the end
      activity(east2.id, 'CALL', z(5, 59)), // 00:59 EST: before
    ]);
    const id = await createContest(server, {
      name: 'Lost hour',
      startsAt,
      endsAt,
      metric: 'CALLS',
      userIds: [String(east1.id), String(east2.id)],
    });
    const s = await standings(server, id);
    expect(s.entries.map((e) => [e.rank, e.user?.name, e.value])).toEqual([
      [1, 'Alice Able', '2'],
      [2, 'Bob Baker', '1'],
    ]);
  });
});

describe('fair metrics and formats', () => {
  it('ranks by % of each person’s own goal, and teams by total or per-member average', async () => {
    const day = addDays(today, -5);
    const { east1, east2, west1 } = org.reps;
    const month = `${day.slice(0, 7)}-01`;
    await createGoal(server, { userId: east1.id, metric: 'REVENUE', periodStart: month, targetValue: 1000 });
    await createGoal(server, { userId: east2.id, metric: 'REVENUE', periodStart: month, targetValue: 8000 });
    await recordActivity(server, [
      order(east1.id, at(day, 10, 5), '500.00'), // 50 % of 1,000
      order(east2.id, at(day, 10, 10), '1000.00'), // 12.5 % of 8,000
      order(west1.id, at(day, 11, 0), '700.00'), // no goal: no rank
    ]);
    const window = { startsAt: at(day, 10), endsAt: at(day, 12) };
    const percent = await createContest(server, {
      name: 'Fair share',
      ...window,
      metric: 'GOAL_PERCENT',
      userIds: [east1, east2, west1].map((r) => String(r.id)),
    });
    expect((await standings(server, percent)).entries.map((e) => [e.rank, e.user?.name, e.value])).toEqual([
      [1, 'Alice Able', '50.00'],
      [2, 'Bob Baker', '12.50'],
      [null, 'Carol Cruz', null],
    ]);

    const teams = { teamIds: [String(org.teams.east), String(org.teams.west)] };
    const average = await createContest(server, {
      name: 'Average',
      ...window,
      metric: 'REVENUE',
      format: 'TEAM_AVERAGE',
      ...teams,
    });
    const total = await createContest(server, {
      name: 'Total',
      ...window,
      metric: 'REVENUE',
      format: 'TEAM_TOTAL',
      ...teams,
    });
    // East: Erin 0 + Alice 500 + Bob 1,000 over 3 sellers; West: Walt 0 + Carol 700 over 2
    const avg = await standings(server, average);
    expect(avg.entries.map((e) => [e.rank, e.team?.name, e.value, e.members])).toEqual([
      [1, 'East', '500.00', 3],
      [2, 'West', '350.00', 2],
    ]);
    expect(avg.winners.map((w) => w.name).sort()).toEqual(['Alice Able', 'Bob Baker', 'Erin East']);
    expect((await standings(server, total)).entries.map((e) => [e.rank, e.team?.name, e.value])).toEqual([
      [1, 'East', '1500.00'],
      [2, 'West', '700.00'],
    ]);
  });

  it('pairs each person with an assigned opponent (head-to-head)', async () => {
    const day = addDays(today, -6);
    const { east1, east2, west1 } = org.reps;
    const [walt] = await server.sql<{ id: number }>(
      sql`select id from users where email = 'walt@example.com'`,
    );
    await recordActivity(server, [
      activity(east1.id, 'MEETING', at(day, 9, 10)),
      activity(east1.id, 'MEETING', at(day, 9, 20)),
      activity(west1.id, 'MEETING', at(day, 9, 30)),
    ]);
    const id = await createContest(server, {
      name: 'Duels',
      startsAt: at(day, 9),
      endsAt: at(day, 10),
      metric: 'MEETINGS',
      format: 'HEAD_TO_HEAD',
      pairs: [
        { userId: String(east1.id), opponentId: String(west1.id) },
        { userId: String(east2.id), opponentId: String(walt!.id) },
      ],
    });
    const s = await standings(server, id);
    const byName: Record<string, unknown[]> = Object.fromEntries(
      s.entries.map((e) => [e.user?.name ?? '', [e.value, e.opponent?.id, e.opponentValue, e.leading]]),
    );
    expect(byName).toEqual({
      'Alice Able': ['2', String(west1.id), '1', true],
      'Carol Cruz': ['1', String(east1.id), '2', false],
      'Bob Baker': ['0', String(walt!.id), '0', false],
      'Walt West': ['0', String(east2.id), '0', false],
    });
    expect(s.winners.map((w) => w.name)).toEqual(['Alice Able']);
  });
});

describe('who may do what', () => {
  const upcoming = () => ({
    startsAt: new Date(Date.now() + 86_400_000).toISOString(),
    endsAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
    metric: 'ORDERS',
  });
  const list = async (as: string) =>
    dataOf(
      await server.gql<{ contests: { name: string }[] }>(`{ contests(status: UPCOMING) { name } }`, {}, as),
    ).contests.map((c) => c.name);

  it('lets managers run contests for their teams only, admins for anyone; reps and screens read theirs', async () => {
    const east = String(org.teams.east);
    const mine = await createContest(
      server,
      { name: 'East sprint', ...upcoming(), teamIds: [east] },
      org.managers.east,
    );
    for (const [input, as] of [
      [{ teamIds: [String(org.teams.west)] }, org.managers.east],
      [{ everyone: true }, org.managers.east],
      [{ teamIds: [east] }, org.reps.east1.email],
      [{ teamIds: [east] }, org.viewer],
    ] as const) {
      const refused = await server.gql(
        `mutation($i: CreateContestInput!) { createContest(input: $i) { id } }`,
        {
          i: { name: 'No', ...upcoming(), ...input },
        },
        as,
      );
      expect(errorOf(refused).code).toBe('FORBIDDEN');
    }
    await createContest(server, { name: 'All hands', ...upcoming(), everyone: true });
    expect(await list(org.reps.east1.email)).toEqual(expect.arrayContaining(['East sprint', 'All hands']));
    expect(await list(org.reps.west1.email)).toEqual(['All hands']);
    expect(await list(org.viewer)).toEqual(expect.arrayContaining(['East sprint', 'All hands']));
    // without a status: every one the caller reads, newest start first
    const all = dataOf(
      await server.gql<{ contests: { name: string }[] }>(`{ contests { name } }`, {}, org.reps.west1.email),
    );
    expect(all.contests.map((c) => c.name)).toEqual(
      expect.arrayContaining(['All hands', 'Midnight madness']),
    );
    expect(all.contests.map((c) => c.name)).not.toContain('East sprint');
    const read = await server.gql(
      `query($id: ID!) { contest(id: $id) { name } }`,
      { id: mine },
      org.reps.west1.email,
    );
    expect(errorOf(read).code).toBe('FORBIDDEN');
    const other = await server.gql(
      `mutation($id: ID!) { updateContest(id: $id, input: { name: "Mine now" }) { id } }`,
      { id: mine },
      org.managers.west,
    );
    expect(errorOf(other).code).toBe('FORBIDDEN');
    const gone = await server.gql(
      `mutation($id: ID!) { deleteContest(id: $id) }`,
      { id: mine },
      org.managers.east,
    );
    expect(dataOf(gone)).toEqual({ deleteContest: mine });
  });

  it('refuses changing a running contest’s metric or window (CONFLICT naming the field), not its name or prize', async () => {
    const id = await createContest(server, {
      name: 'Power hour',
      startsAt: new Date(Date.now() - 60_000).toISOString(),
      endsAt: new Date(Date.now() + 3_600_000).toISOString(),
      metric: 'ORDERS',
      teamIds: [String(org.teams.east)],
    });
    const update = (input: Record<string, unknown>) =>
      server.gql<{ updateContest: { name: string; prize: string | null; status: string } }>(
        `mutation($id: ID!, $i: UpdateContestInput!) { updateContest(id: $id, input: $i) { name prize status } }`,
        { id, i: input },
        'admin@example.com',
      );
    for (const [field, value] of [
      ['metric', 'REVENUE'],
      ['endsAt', new Date(Date.now() + 7_200_000).toISOString()],
    ] as const) {
      const refused = errorOf(await update({ [field]: value }));
      expect(refused).toMatchObject({ code: 'CONFLICT', fields: [{ field }] });
    }
    expect(dataOf(await update({ name: 'Power hour II', prize: 'Pizza' })).updateContest).toEqual({
      name: 'Power hour II',
      prize: 'Pizza',
      status: 'RUNNING',
    });
    const audit = await server.sql<{ action: string }>(
      sql`select action from audit_log where target_type = 'Contest' and target_id = ${id} order by id`,
    );
    expect(audit.map((a) => a.action)).toEqual(['contest.create', 'contest.update']);
  });

  it('bounds names, windows, formats and participants (CONTEST_MAX_PARTICIPANTS)', async () => {
    const base = { name: 'Bounds', ...upcoming(), everyone: true };
    const refusedField = async (input: Record<string, unknown>) =>
      errorOf(
        await server.gql(
          `mutation($i: CreateContestInput!) { createContest(input: $i) { id } }`,
          { i: { ...base, ...input } },
          'admin@example.com',
        ),
      );
    expect(await refusedField({ name: 'x'.repeat(201) })).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'name' }],
    });
    expect(
      await refusedField({ endsAt: new Date(Date.now() + 94 * 86_400_000).toISOString() }),
    ).toMatchObject({
      fields: [{ field: 'endsAt' }],
    });
    expect(await refusedField({ endsAt: base.startsAt })).toMatchObject({ fields: [{ field: 'endsAt' }] });
    expect(await refusedField({ metric: 'CONVERSION_RATE', format: 'TEAM_TOTAL' })).toMatchObject({
      fields: [{ field: 'format' }],
    });
    // five sellers is the limit here: a sixth makes "everyone" too many
    await server.sql(
      sql`insert into users (name, email, role, team_id) values ('Sixth', 'six@example.com', 'REP', ${org.teams.west})`,
    );
    expect(await refusedField({})).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'everyone' }] });
  });
});
