/**
 * What a screen (VIEWER token) sees of the directory: names and team names on boards and badges,
 * and never e-mail addresses, roles, active flags, members or managers (api/core/permissions.ts
 * SCREEN_FIELDS, api/core/graphql/visibility.ts). Checked through the public surface:
 * - the issue's query over HTTP, and the same selection as a subscription over the WebSocket,
 *   where a board version is executed once for many subscribers: a VIEWER and an ADMIN watching
 *   with the same document get their own views, also after a role change while subscribed;
 * - a walk of the schema (introspection) from every entry point a VIEWER may use, queries and
 *   subscriptions, that selects every field of every object type reachable from them and checks
 *   it is shown exactly when a screen should see it: a field added later is covered by itself;
 * - a paired screen whose admin lets it show its team's goals (showGoals) gets the goals board's
 *   fields of them, and nothing more, from the same walk over the goal roots;
 * - the documents the TV page and a VIEWER's dashboard load still work;
 * - the REST API and exports give a VIEWER names only.
 */
import { sql } from 'drizzle-orm';
import {
  buildClientSchema,
  getIntrospectionQuery,
  getNamedType,
  isEnumType,
  isNonNullType,
  isInputObjectType,
  isObjectType,
  print,
  type DocumentNode,
  type GraphQLField,
  type GraphQLInputType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type IntrospectionQuery,
} from 'graphql';
import type { Client } from 'graphql-ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as documents from '../../client/src/gql/graphql.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest } from '../support/rest.ts';
import { pairScreen } from '../support/screens.ts';
import { dataOf, type GraphQLResponse, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';
import { connect } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let schema: GraphQLSchema;
let tvId: number;
let serial = 0;

type GqlError = {
  message: string;
  path?: readonly unknown[];
  extensions?: Record<string, unknown>;
};
interface Result {
  data?: Record<string, unknown> | null;
  errors?: readonly GqlError[];
}

async function sale(userId: number, amount: string): Promise<void> {
  await recordActivity(server, {
    userId,
    kind: 'ORDER_WON',
    amount,
    occurredAt: new Date().toISOString(),
    externalId: `visibility-${++serial}`,
  });
}

async function award(userId: number, title: string): Promise<string> {
  return dataOf(
    await server.gql<{ recordAchievement: { id: string } }>(
      'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }',
      { i: { userId: String(userId), kind: 'Manual', title, badgeIcon: '🏅', description: 'well done' } },
      org.admin,
    ),
  ).recordAchievement.id;
}

/** Kudos from Bob to Alice (both of East): what the kudos feed and kudosGiven show. */
async function kudos(message: string): Promise<void> {
  dataOf(
    await server.gql(
      'mutation($i: GiveKudosInput!) { giveKudos(input: $i) { id } }',
      { i: { recipientId: String(org.reps.east1.id), message } },
      org.reps.east2.email,
    ),
  );
}

/** Every result of one subscription (data and errors together), and how it ended. */
function watch(client: Client, query: string, variables: Record<string, unknown> = {}) {
  const results: Result[] = [];
  let failure: readonly GqlError[] | undefined;
  client.subscribe<Record<string, unknown>>(
    { query, variables },
    {
      next: (result) => results.push(result),
      error: (error) => {
        failure = Array.isArray(error) ? (error as GqlError[]) : [{ message: String(error) }];
      },
      complete: () => {},
    },
  );
  return {
    results,
    get failure() {
      return failure;
    },
    /** The first result for which `test` holds. */
    async next(test: (result: Result) => boolean = () => true): Promise<Result> {
      await until(() => results.some(test), `a frame of ${query.slice(0, 80)}`);
      return results.find(test)!;
    },
  };
}

/** The hub holds `count` more subscriptions than `before` (a badge subscription has no first frame). */
const registered = (before: number, count: number) =>
  until(() => server.app.live.subscriberCount >= before + count, 'the subscriptions to register');

const EMAIL = /@example\.com/;
/** E-mail addresses in a result other than the screen's own (its own profile is its own). */
const othersEmails = (data: unknown) =>
  (JSON.stringify(data ?? null).match(/[\w.+-]+@[\w.-]+/g) ?? []).filter((e) => e !== org.viewer);

/** Waits until no subscription is held (the previous test's are released as its sockets close). */
const idle = async () => {
  await until(() => server.app.live.subscriberCount === 0, 'earlier subscriptions to be released');
  return 0;
};

beforeAll(async () => {
  // the schema walk holds one subscription per reachable field on one socket: more than the default cap
  ({ server, org } = await startOrgServer({ WS_MAX_SUBSCRIPTIONS: '1000' }));
  const [tv] = await server.sql<{ id: number }>(sql`select id from users where email = ${org.viewer}`);
  tvId = tv?.id ?? -1;
  // Alice (East, managed by Erin) leads the month's board and has the newest badge
  await sale(org.reps.east1.id, '900.00');
  await sale(org.reps.west1.id, '400.00');
  await award(org.reps.east1.id, 'Closer');
  await kudos('Thanks for the handover');
  // a running contest the walk's sample id (Alice's) reaches, with a person, a team and a pair in it
  // (written directly: the API keeps formats apart), Alice leading her pair: every contest field is reached
  await server.sql(sql`insert into contests (id, name, starts_at, ends_at, metric, format)
    values (${org.reps.east1.id}, 'Walk', now() - interval '1 day', now() + interval '1 day', 'REVENUE', 'HEAD_TO_HEAD')`);
  await server.sql(sql`insert into contest_participants (contest_id, user_id, team_id, opponent_id) values
    (${org.reps.east1.id}, ${org.reps.east1.id}, null, ${org.reps.west1.id}),
    (${org.reps.east1.id}, ${org.reps.east2.id}, null, null),
    (${org.reps.east1.id}, null, ${org.teams.east}, null)`);
  const introspection = await server.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, org.admin);
  schema = buildClientSchema(dataOf(introspection));
});
afterAll(() => server?.close());

const ISSUE_QUERY =
  '{ leaderboard { entries { user { name team { name members { email role } manager { email } } } } } }';

/** Every error is a FORBIDDEN naming one of these fields (`Type.field`), and there is one. */
function expectHidden(result: Result, fields: string[]): void {
  expect(result.errors?.length).toBeGreaterThan(0);
  for (const error of result.errors ?? []) {
    expect(error.extensions?.code).toBe('FORBIDDEN');
    const named = (error.extensions?.fields as { field: string }[] | undefined)?.[0]?.field ?? '';
    expect(fields).toContain(named);
    expect(error.message).toBe(`Screens signed in as VIEWER do not see ${named}.`);
    expect(error.path?.at(-1)).toBe(named.split('.')[1]);
  }
}

describe('the issue’s query', () => {
  it('over HTTP: a VIEWER gets names, and FORBIDDEN instead of e-mails, roles, members and managers', async () => {
    const viewer = await server.gql<{
      leaderboard: { entries: { user: { name: string; team: unknown } }[] };
    }>(ISSUE_QUERY, {}, org.viewer);
    expect(viewer.status).toBe(200);
    expect(JSON.stringify(viewer.data)).not.toMatch(EMAIL);
    expect(JSON.stringify(viewer.data)).not.toMatch(/"(REP|MANAGER|ADMIN|VIEWER)"/);
    expectHidden(viewer, ['Team.members', 'Team.manager']);
    const entries = viewer.data?.leaderboard.entries ?? [];
    expect(entries.map((e) => e.user.name).slice(0, 2)).toEqual(['Alice Able', 'Carol Cruz']);
    // members is a non-null list: its error nulls the (nullable) team
    for (const entry of entries) expect(entry.user.team).toBeNull();

    // the board itself, as a screen asks for it, has the names and team names
    const shown = dataOf(
      await server.gql<{ leaderboard: { entries: { user: { name: string; team: { name: string } } }[] } }>(
        '{ leaderboard { entries { user { id name team { id name } } } } }',
        {},
        org.viewer,
      ),
    );
    expect(shown.leaderboard.entries[0]?.user).toMatchObject({ name: 'Alice Able', team: { name: 'East' } });
  });

  it('over HTTP: an ADMIN still reads the directory through the board', async () => {
    const admin = dataOf(
      await server.gql<{
        leaderboard: {
          entries: { user: { team: { members: { email: string }[]; manager: { email: string } } } }[];
        };
      }>(ISSUE_QUERY, {}, org.admin),
    );
    const alice = admin.leaderboard.entries[0]?.user.team;
    expect(alice?.members.map((m) => m.email)).toContain('alice@example.com');
    expect(alice?.manager.email).toBe(org.managers.east);
  });

  it.each([
    ['{ leaderboard { entries { user { email } } } }', 'User.email'],
    ['{ leaderboard { entries { user { role } } } }', 'User.role'],
    ['{ leaderboard { entries { user { active } } } }', 'User.active'],
    ['{ achievements { user { email } } }', 'User.email'],
    ['{ achievements { user { team { members { name } } } } }', 'Team.members'],
  ])('over HTTP: %s is refused to a VIEWER naming %s', async (query, field) => {
    const response = await server.gql(query, {}, org.viewer);
    expectHidden(response, [field]);
    expect(JSON.stringify(response.data ?? null)).not.toMatch(EMAIL);
  });

  it('over HTTP: a VIEWER reads its own profile (the TV page asks for its role)', async () => {
    const me = dataOf(await server.gql('{ me { id name email role active } }', {}, org.viewer));
    expect(me).toEqual({
      me: { id: String(tvId), name: 'Office TV', email: org.viewer, role: 'VIEWER', active: true },
    });
  });

  it('over the WebSocket: a VIEWER and an ADMIN watching with the same document each get their own view', async () => {
    const document = `subscription { leaderboardChanged { version
      entries { user { name team { name members { email } manager { email } } } } } }`;
    const tv = connect(server.url, await server.token(org.viewer));
    const admin = connect(server.url, await server.token(org.admin));
    try {
      const screen = watch(tv, document);
      const directory = watch(admin, document);
      const [first, adminFirst] = await Promise.all([screen.next(), directory.next()]);
      const version = (r: Result) => BigInt((r.data?.leaderboardChanged as { version: string }).version);
      await sale(org.reps.east2.id, '50.00');
      const later = (v: bigint) => (r: Result) => r.data != null && version(r) > v;
      const [second, adminSecond] = await Promise.all([
        screen.next(later(version(first))),
        directory.next(later(version(adminFirst))),
      ]);
      for (const frame of [first, second]) {
        expect(JSON.stringify(frame.data)).not.toMatch(EMAIL);
        expect(JSON.stringify(frame.data)).toContain('"Alice Able"');
        expectHidden(frame, ['Team.members', 'Team.manager']);
        expect(frame.errors?.[0]?.path?.[0]).toBe('leaderboardChanged');
      }
      for (const frame of [adminFirst, adminSecond]) {
        expect(frame.errors).toBeUndefined();
        expect(JSON.stringify(frame.data)).toContain('"alice@example.com"');
        expect(JSON.stringify(frame.data)).toContain(`"${org.managers.east}"`);
      }
      expect(version(second)).toBe(version(adminSecond));
    } finally {
      await Promise.all([tv.dispose(), admin.dispose()]);
    }
  });

  it('over the WebSocket: someone made a VIEWER while subscribed sees no e-mail from the next board on', async () => {
    await server.sql(
      sql`insert into users (name, email, role) values ('Ada Admin', 'ada@example.com', 'ADMIN')`,
    );
    const client = connect(server.url, await server.token('ada@example.com'));
    try {
      const frames = watch(
        client,
        `subscription { leaderboardChanged { version entries { user { name email } } } }`,
      );
      const before = await frames.next();
      expect(JSON.stringify(before.data)).toContain('"alice@example.com"');
      await server.sql(sql`update users set role = 'VIEWER' where email = 'ada@example.com'`);
      await until(() => server.app.bridge.caughtUp(), 'the listener to read the role change');
      const seen = frames.results.length;
      await sale(org.reps.east1.id, '1.00');
      await until(() => frames.results.length > seen, 'the next board');
      const after = frames.results[seen]!;
      // email is non-null: the error takes the whole board with it, never the address
      expect(JSON.stringify(after.data ?? null)).not.toMatch(EMAIL);
      expectHidden(after, ['User.email']);
    } finally {
      await client.dispose();
    }
  });
  it('over the WebSocket: a badge watcher made a VIEWER while subscribed gets no e-mail from the next badge on', async () => {
    await server.sql(
      sql`insert into users (name, email, role) values ('Bea Boss', 'bea@example.com', 'ADMIN')`,
    );
    const client = connect(server.url, await server.token('bea@example.com'));
    try {
      const before = await idle();
      const frames = watch(client, 'subscription { achievementUnlocked { id user { name email } } }');
      await registered(before, 1);
      await award(org.reps.east1.id, 'Seen by an admin');
      expect(JSON.stringify((await frames.next()).data)).toContain('"alice@example.com"');
      await server.sql(sql`update users set role = 'VIEWER' where email = 'bea@example.com'`);
      await until(() => server.app.bridge.caughtUp(), 'the listener to read the role change');
      const id = await award(org.reps.east1.id, 'Seen by a screen');
      const after = await frames.next((r) => r.errors !== undefined || JSON.stringify(r.data).includes(id));
      expect(JSON.stringify(after.data ?? null)).not.toMatch(EMAIL);
      expectHidden(after, ['User.email']);
    } finally {
      await client.dispose();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// The walk: every field reachable from a VIEWER's entry points

/** What a screen shows, by type (the TV page's and a VIEWER's dashboard documents need these). */
const SCREEN: Record<string, string[]> = {
  Leaderboard: [
    'entries',
    'generatedAt',
    'metric',
    'minimumSample',
    'periodEnd',
    'periodStart',
    'periodType',
    'standing',
    'team',
    'totalEntries',
    'unrankedCount',
    'version',
  ],
  LeaderboardStanding: ['ahead', 'entry', 'gap', 'rank', 'sample'],
  LeaderboardEntry: [
    'conversionRank',
    'conversionRate',
    'leadsCreated',
    'medal',
    'opportunitiesClosed',
    'ordersRank',
    'ordersWon',
    // the move since the previous period's close: public board data, shown on the TV
    'previousRank',
    'rank',
    'revenue',
    'revenueRank',
    'user',
    'winRate',
    'winRateRank',
  ],
  Achievement: ['achievedAt', 'badgeIcon', 'description', 'id', 'kind', 'ruleId', 'title', 'user', 'value'],
  Kudos: ['createdAt', 'giver', 'id', 'message', 'private', 'recipient'],
  KudosPage: ['endCursor', 'hasNextPage', 'nodes'],
  User: ['id', 'name', 'team'],
  Team: ['id', 'name'],
  // the organisation's calendar (a screen's "current" period is the organisation's)
  OrganisationClock: ['now', 'paceBasis', 'periods', 'timeZone', 'today'],
  CurrentPeriod: ['elapsedDays', 'periodDays', 'periodEnd', 'periodStart', 'periodType'],
  // the zone and currency a screen formats with; not whether the environment pins them
  Organisation: ['currency', 'timeZone'],
  // contests (a screen: its team's, read-only): what the contest page and a TV show
  Contest: [
    'activityKind',
    'description',
    'endsAt',
    'everyone',
    'format',
    'goalMetric',
    'id',
    'metric',
    'name',
    'pairs',
    'prize',
    'standings',
    'startsAt',
    'status',
    'teams',
    'users',
  ],
  ContestPair: ['opponent', 'user'],
  ContestStandings: [
    'closedAt',
    'contestId',
    'endsAt',
    'entries',
    'frozen',
    'frozenAt',
    'generatedAt',
    'name',
    'startsAt',
    'status',
    'winners',
  ],
  ContestEntry: ['leading', 'members', 'opponent', 'opponentValue', 'rank', 'team', 'user', 'value'],
  ContestList: ['contests', 'generatedAt'],
};

function sample(type: GraphQLInputType): string {
  const named = getNamedType(type);
  if (isEnumType(named)) return named.getValues()[0]!.name;
  if (isInputObjectType(named)) {
    const required = Object.values(named.getFields()).filter(
      (f) => isNonNullType(f.type) && f.defaultValue === undefined,
    );
    return `{ ${required.map((f) => `${f.name}: ${sample(f.type)}`).join(', ')} }`;
  }
  const values: Record<string, string> = {
    ID: JSON.stringify(String(org.reps.east1.id)),
    Int: '1',
    Float: '1',
    Boolean: 'true',
    String: '"x"',
    Date: JSON.stringify(new Date().toISOString().slice(0, 10)),
    DateTime: JSON.stringify(new Date().toISOString()),
    Decimal: '"1.00"',
  };
  const value = values[named.name];
  if (value === undefined) throw new Error(`no sample value for ${named.name}: add one`);
  return value;
}

/** `field(requiredArgs) { __typename }`, or the bare field for a scalar. */
function select(field: GraphQLField<unknown, unknown>): string {
  const required = field.args.filter((a) => isNonNullType(a.type) && a.defaultValue === undefined);
  const args = required.length ? `(${required.map((a) => `${a.name}: ${sample(a.type)}`).join(', ')})` : '';
  return `${field.name}${args}${isObjectType(getNamedType(field.type)) ? ' { __typename }' : ''}`;
}

interface Probe {
  root: GraphQLField<unknown, unknown>;
  /** Field names from the root field's value to the object holding `field`. */
  path: string[];
  type: GraphQLObjectType;
  field: string;
  document: string;
}

/** One probe per field of every object type reachable from `root`, along every acyclic path. */
function probes(operation: 'query' | 'subscription', root: GraphQLField<unknown, unknown>): Probe[] {
  const found: Probe[] = [];
  // heads: the path's fields with their required arguments (`standing(userId: "1")`)
  const visit = (type: GraphQLObjectType, path: string[], heads: string[], onPath: Set<string>) => {
    for (const field of Object.values(type.getFields())) {
      const nest = (inner: string) =>
        [...heads].reverse().reduce((body, head) => `${head} { ${body} }`, inner);
      const rootArgs = select(root).replace(/ \{ __typename \}$/, '');
      found.push({
        root,
        path,
        type,
        field: field.name,
        document: `${operation} { ${rootArgs} { ${nest(select(field))} } }`,
      });
      const next = getNamedType(field.type);
      if (isObjectType(next) && !onPath.has(next.name) && path.length < 4) {
        const head = select(field).replace(/ \{ __typename \}$/, '');
        visit(next, [...path, field.name], [...heads, head], new Set([...onPath, next.name]));
      }
    }
  };
  const type = getNamedType(root.type);
  if (isObjectType(type)) visit(type, [], [], new Set([type.name]));
  return found;
}

/** 'below-hidden': a field on the way to it was refused (its type is reachable only through it). */
type Outcome = 'shown' | 'hidden' | 'unreached' | 'below-hidden';

/** Whether the probe's field came back, was refused (FORBIDDEN naming it), or its object was absent. */
function outcome(probe: Probe, result: Result): Outcome {
  const target = [probe.root.name, ...probe.path, probe.field].join('.');
  const refused = (result.errors ?? []).find(
    (e) => (e.path ?? []).filter((p) => typeof p === 'string').join('.') === target,
  );
  if (refused) {
    expect(refused.extensions?.code, target).toBe('FORBIDDEN');
    expect(refused.extensions?.fields, target).toEqual([
      { field: `${probe.type.name}.${probe.field}`, message: 'is not shown to screens (VIEWER)' },
    ]);
    return 'hidden';
  }
  const above = (result.errors ?? []).some((e) => {
    const at = (e.path ?? []).filter((p) => typeof p === 'string').join('.');
    return e.extensions?.code === 'FORBIDDEN' && target.startsWith(`${at}.`);
  });
  if (above) return 'below-hidden';
  let value: unknown = result.data?.[probe.root.name];
  for (const name of probe.path) {
    if (Array.isArray(value)) value = value[0];
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[name] : undefined;
  }
  if (Array.isArray(value)) value = value[0];
  return value && typeof value === 'object' ? 'shown' : 'unreached';
}

/** A screen sees SCREEN's fields, and every field of its own profile (`me`). */
const expected = (probe: Probe): Outcome =>
  (probe.root.name === 'me' && probe.path.length === 0) || SCREEN[probe.type.name]?.includes(probe.field)
    ? 'shown'
    : 'hidden';

describe('every field reachable from a VIEWER’s entry points', () => {
  it('is shown exactly when a screen shows it, over HTTP and over the WebSocket', async () => {
    const queryRoots = Object.values(schema.getQueryType()!.getFields());
    const subscriptionRoots = Object.values(schema.getSubscriptionType()!.getFields());

    // the entry points: root fields a VIEWER is not refused
    const openQueries: GraphQLField<unknown, unknown>[] = [];
    for (const root of queryRoots) {
      const response = await server.gql(`{ ${select(root)} }`, {}, org.viewer);
      const refusal = response.errors?.find((e) => e.path?.length === 1 && e.path[0] === root.name);
      if (refusal) expect(refusal.extensions?.code, root.name).toBe('FORBIDDEN');
      else openQueries.push(root);
    }
    expect(openQueries.map((r) => r.name).sort()).toEqual([
      'achievements',
      'clock',
      'contest',
      'contests',
      'kudos',
      'leaderboard',
      'me',
      // a screen has none: null, and updateMyNotificationSettings is FORBIDDEN
      'myNotificationSettings',
      'organisation',
    ]);

    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const before = await idle();
      const tries = subscriptionRoots.map((root) => ({
        root,
        frames: watch(tv, `subscription { ${select(root)} }`),
      }));
      // each is refused at once or holds a hub subscription (a badge one has no first frame)
      await until(
        () =>
          tries.filter((t) => t.frames.failure !== undefined).length +
            server.app.live.subscriberCount -
            before >=
          tries.length,
        'every subscription to be refused or held',
      );
      await award(org.reps.east1.id, 'Walker');
      await kudos('Walker');
      await until(
        () => tries.every((t) => t.frames.failure !== undefined || t.frames.results.length > 0),
        'a first frame of every open subscription',
      );
      for (const t of tries) {
        if (t.frames.failure) expect(t.frames.failure[0]?.extensions?.code, t.root.name).toBe('FORBIDDEN');
      }
      const openSubscriptions = tries.filter((t) => t.frames.failure === undefined).map((t) => t.root);
      expect(openSubscriptions.map((r) => r.name).sort()).toEqual([
        'achievementUnlocked',
        'contestChanged',
        'contestsChanged',
        'kudosGiven',
        'leaderboardChanged',
      ]);

      // every field of every object type reachable from them, queries over HTTP...
      const results: { probe: Probe; result: Result }[] = [];
      for (const root of openQueries) {
        for (const probe of probes('query', root)) {
          results.push({ probe, result: await server.gql(probe.document, {}, org.viewer) });
        }
      }
      // ...and subscriptions over the WebSocket (board versions: the shared execution)
      const live = openSubscriptions.flatMap((root) => probes('subscription', root));
      const countBefore = server.app.live.subscriberCount;
      const watched = live.map((probe) => ({ probe, frames: watch(tv, probe.document) }));
      // a probe too costly to run (a list inside a list: MAX_COST) is refused at once, as over HTTP
      const refused = () => watched.filter((w) => w.frames.failure !== undefined).length;
      await until(
        () => server.app.live.subscriberCount - countBefore + refused() >= watched.length,
        'the subscriptions to register or be refused',
      );
      await award(org.reps.east1.id, 'Walker again');
      await kudos('Walker again');
      for (const { probe, frames } of watched) {
        const failure = frames.failure;
        if (failure) expect(failure[0]?.extensions?.code, probe.document).toBe('BAD_USER_INPUT');
        results.push({ probe, result: failure ? { errors: failure } : await frames.next() });
      }

      const reached = new Map<string, Set<Outcome>>();
      for (const { probe, result } of results) {
        const got = outcome(probe, result);
        const key = `${probe.type.name}.${probe.field}`;
        if (!reached.has(key)) reached.set(key, new Set());
        reached.get(key)!.add(got);
        if (got !== 'unreached' && got !== 'below-hidden')
          expect(got, `${probe.document}`).toBe(expected(probe));
        expect(othersEmails(result.data), probe.document).toEqual([]);
      }
      // every reachable field was reached through some path (else: add data so it is)
      // (a type only a hidden field leads to, such as a figure's contributions, is not reached: fine)
      const unreached = [...reached]
        .filter(([, o]) => !o.has('shown') && !o.has('hidden') && !o.has('below-hidden'))
        .map(([k]) => k);
      expect(unreached).toEqual([]);
      const hidden = [...reached].filter(([, o]) => o.has('hidden')).map(([k]) => k);
      expect(hidden).toEqual(
        expect.arrayContaining([
          'User.email',
          'User.role',
          'User.active',
          'Team.members',
          'Team.manager',
          'LeaderboardEntry.contributions',
        ]),
      );
      expect([...reached.keys()].map((k) => k.split('.')[0])).toEqual(
        expect.arrayContaining(Object.keys(SCREEN)),
      );
    } finally {
      await tv.dispose();
    }
  }, 180_000); // every field of the schema, over HTTP and the WebSocket: grows with the schema
});

/** The fields of a goal the TV's goals board shows (SCREEN_FIELDS.Goal). */
const GOAL_BOARD = [
  'achievementPercentage',
  'currentValue',
  'id',
  'metric',
  'periodEnd',
  'periodStart',
  'periodType',
  'projectedValue',
  'status',
  'targetValue',
  'team',
  'user',
];

describe('a paired screen allowed its team’s goals', () => {
  it('reads of them exactly what the goals board shows, over HTTP and over the WebSocket', async () => {
    const screen = await pairScreen(server, org.admin, 'Goals wall', org.teams.east);
    dataOf(
      await server.gql(
        'mutation($id: ID!) { updateScreen(id: $id, input: { showGoals: true }) { id } }',
        { id: screen.id },
        org.admin,
      ),
    );
    await createGoal(server, { teamId: org.teams.east, metric: 'ORDERS' });
    const roots = (type: GraphQLObjectType | null | undefined, names: string[]) =>
      names.map((name) => type!.getFields()[name]!);
    const expectedOf = (probe: Probe): Outcome =>
      (probe.type.name === 'Goal' ? GOAL_BOARD : (SCREEN[probe.type.name] ?? [])).includes(probe.field)
        ? 'shown'
        : 'hidden';
    const results: { probe: Probe; result: Result }[] = [];
    for (const root of roots(schema.getQueryType(), ['goals'])) {
      for (const probe of probes('query', root))
        results.push({ probe, result: await server.gql(probe.document, {}, screen.token) });
    }
    const tv = connect(server.url, screen.token);
    try {
      // goalChanged starts with the active goals: every probe gets its first frame at once
      const watched = roots(schema.getSubscriptionType(), ['goalChanged'])
        .flatMap((root) => probes('subscription', root))
        .map((probe) => ({ probe, frames: watch(tv, probe.document) }));
      for (const { probe, frames } of watched) results.push({ probe, result: await frames.next() });
    } finally {
      await tv.dispose();
    }
    const shown = new Set<string>();
    for (const { probe, result } of results) {
      const got = outcome(probe, result);
      if (got === 'shown') shown.add(`${probe.type.name}.${probe.field}`);
      // below a refused field (Goal.contributions) the refusal above is the answer (outcome())
      if (got !== 'unreached' && got !== 'below-hidden') expect(got, probe.document).toBe(expectedOf(probe));
      expect(othersEmails(result.data), probe.document).toEqual([]);
    }
    expect([...shown].filter((f) => f.startsWith('Goal.')).sort()).toEqual(
      GOAL_BOARD.map((f) => `Goal.${f}`),
    );
  });
});

// ---------------------------------------------------------------------------------------------

describe('the screens a VIEWER loads', () => {
  const today = new Date().toISOString().slice(0, 10);
  const doc = (d: DocumentNode) => print(d);

  /** The screen's own user id: the dashboard asks for its own standing on boards (`$me`). */
  const viewerId = async () =>
    (await server.gql<{ me: { id: string } }>('{ me { id } }', {}, org.viewer)).data?.me.id;

  it('the TV page’s and the dashboard’s queries answer without errors', async () => {
    const me = await viewerId();
    for (const [document, variables] of [
      [documents.TvMeDocument, {}],
      [documents.MeDocument, {}],
      [
        documents.LeaderboardTabDocument,
        { metric: 'REVENUE', periodType: 'MONTHLY', teamId: null, date: today, me },
      ],
      [documents.AchievementsTabDocument, { userId: null, teamId: null, limit: 50 }],
    ] as const) {
      const response: GraphQLResponse = await server.gql(doc(document), variables, org.viewer);
      expect(response.errors, doc(document)).toBeUndefined();
      expect(othersEmails(response.data)).toEqual([]);
    }
  });

  it('the TV page’s and the dashboard’s subscriptions answer without errors; goals stay refused', async () => {
    const tv = connect(server.url, await server.token(org.viewer));
    const me = await viewerId();
    try {
      const before = await idle();
      const boards = [
        watch(tv, doc(documents.TvBoardDocument), { metric: 'REVENUE', periodType: 'MONTHLY', teamId: null }),
        // the board the TV's sale celebrations are watched on
        watch(tv, doc(documents.TvSalesDocument), { periodType: 'MONTHLY', teamId: null }),
        watch(tv, doc(documents.LeaderboardLiveDocument), {
          metric: 'ORDERS',
          periodType: 'MONTHLY',
          teamId: null,
          me,
        }),
        watch(tv, doc(documents.FiguresChangedDocument), { periodType: 'MONTHLY', me }),
      ];
      const badges = [
        watch(tv, doc(documents.TvAchievementDocument), { teamId: null }),
        watch(tv, doc(documents.AchievementUnlockedDocument), { teamId: null }),
      ];
      const goals = watch(tv, doc(documents.TvGoalChangedDocument));
      await registered(before, boards.length + badges.length);
      const id = await award(org.reps.east1.id, 'On screen');
      for (const frames of [...boards, ...badges]) {
        const frame = await frames.next();
        expect(frame.errors).toBeUndefined();
        expect(JSON.stringify(frame.data)).not.toMatch(EMAIL);
      }
      const board = (await boards[0]!.next()).data?.leaderboardChanged as {
        entries: { user: { name: string; team: { name: string } } }[];
      };
      expect(board.entries[0]?.user).toMatchObject({ name: 'Alice Able', team: { name: 'East' } });
      const badge = (await badges[0]!.next()).data?.achievementUnlocked as {
        id: string;
        user: { name: string };
      };
      expect(badge).toMatchObject({ id, user: { name: 'Alice Able' } });
      await until(() => goals.failure !== undefined, 'the goals subscription to be refused');
      expect(goals.failure?.[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await tv.dispose();
    }
  });
});

describe('REST and exports', () => {
  it('give a VIEWER the leaderboard and badges with names, no e-mail, role or team directory', async () => {
    for (const path of [
      '/api/performance?type=leaderboard',
      '/api/performance?type=achievements',
      '/export/leaderboard?format=csv',
    ]) {
      const response = await rest(server, 'GET', path, { as: org.viewer });
      expect(response.status, path).toBe(200);
      const text = typeof response.body === 'string' ? response.body : JSON.stringify(response.body);
      expect(text, path).toContain('Alice Able');
      expect(text, path).not.toMatch(EMAIL);
      expect(text, path).not.toMatch(/\b(REP|MANAGER|ADMIN|VIEWER)\b/);
    }
  });

  it('refuse a VIEWER every other report, its own figures included', async () => {
    for (const path of [
      `/api/performance?type=period&user_id=${tvId}`,
      `/api/performance?type=trends&user_id=${tvId}`,
      `/api/performance?type=summary&user_id=${tvId}`,
      '/api/performance?type=team',
      '/api/performance?type=goals',
      `/export/performance?user_id=${tvId}`,
      '/export/goals',
      '/export/report',
      `/export/report?format=pdf&user_id=${tvId}`,
      `/export/report?team_id=${org.teams.east}`,
      '/admin/backup',
    ]) {
      const response = await rest<{ error: { code: string } }>(server, 'GET', path, { as: org.viewer });
      expect(response.status, path).toBe(403);
    }
  });
});
