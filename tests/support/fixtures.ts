/**
 * Small org fixtures written straight to the database (fast), for tests to build on, and the
 * writes tests make through the API over and over (goals, activities), so that each file does not
 * keep a copy of its own: the org's server (`startOrgServer`), `createGoal`, `updateGoal`,
 * `deleteGoal`, `recordActivity`, and the `fingerprint` that proves a request wrote nothing. They
 * fail loudly (dataOf) on any GraphQL error.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Role } from '../../schema/db/constants.ts';
import { dataOf, startTestServer, type TestServer, type TestServerOptions } from './server.ts';

export interface OrgFixture {
  admin: string;
  teams: { east: number; west: number };
  managers: { east: string; west: string };
  reps: {
    east1: { id: number; email: string };
    east2: { id: number; email: string };
    west1: { id: number; email: string };
  };
  viewer: string;
}

async function user(
  server: TestServer,
  name: string,
  email: string,
  role: Role,
  teamId: number | null,
): Promise<number> {
  const [row] = await server.sql<{ id: number }>(
    sql`insert into users (name, email, role, team_id) values (${name}, ${email}, ${role}, ${teamId}) returning id`,
  );
  if (!row) throw new Error('no user');
  return row.id;
}

async function team(server: TestServer, name: string): Promise<number> {
  const [row] = await server.sql<{ id: number }>(sql`insert into teams (name) values (${name}) returning id`);
  if (!row) throw new Error('no team');
  return row.id;
}

/** Two teams (East, West), each with a manager; reps east1, east2, west1; a viewer; the admin. */
export async function createOrg(server: TestServer): Promise<OrgFixture> {
  const east = await team(server, 'East');
  const west = await team(server, 'West');
  const eastManager = await user(server, 'Erin East', 'erin@example.com', 'MANAGER', east);
  const westManager = await user(server, 'Walt West', 'walt@example.com', 'MANAGER', west);
  await server.sql(sql`update teams set manager_id = ${eastManager} where id = ${east}`);
  await server.sql(sql`update teams set manager_id = ${westManager} where id = ${west}`);
  const east1 = await user(server, 'Alice Able', 'alice@example.com', 'REP', east);
  const east2 = await user(server, 'Bob Baker', 'bob@example.com', 'REP', east);
  const west1 = await user(server, 'Carol Cruz', 'carol@example.com', 'REP', west);
  await user(server, 'Office TV', 'tv@example.com', 'VIEWER', null);
  return {
    admin: 'admin@example.com',
    teams: { east, west },
    managers: { east: 'erin@example.com', west: 'walt@example.com' },
    reps: {
      east1: { id: east1, email: 'alice@example.com' },
      east2: { id: east2, email: 'bob@example.com' },
      west1: { id: west1, email: 'carol@example.com' },
    },
    viewer: 'tv@example.com',
  };
}

/** A test server (startTestServer) with the org above in it: what most files start with. */
export async function startOrgServer(
  env: Record<string, string> = {},
  options: TestServerOptions = {},
): Promise<{ server: TestServer; org: OrgFixture }> {
  const server = await startTestServer(env, options);
  return { server, org: await createOrg(server) };
}

const ADMIN = 'admin@example.com';

export interface GoalInput {
  userId?: number | string;
  teamId?: number | string;
  metric: string;
  /** @default 'MONTHLY' */
  periodType?: string;
  /** @default the first day of the organisation's current month (TestServer.today) */
  periodStart?: string;
  /** @default 10 */
  targetValue?: number;
  description?: string;
}

/** createGoal as the admin (or `as`); returns the goal's id. */
export async function createGoal(server: TestServer, input: GoalInput, as: string = ADMIN): Promise<string> {
  const { userId, teamId, ...rest } = input;
  const i = {
    periodType: 'MONTHLY',
    periodStart: input.periodStart ?? `${(await server.today()).slice(0, 7)}-01`,
    targetValue: 10,
    ...rest,
    ...(userId === undefined ? {} : { userId: String(userId) }),
    ...(teamId === undefined ? {} : { teamId: String(teamId) }),
  };
  return dataOf(
    await server.gql<{ createGoal: { id: string } }>(
      `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }`,
      { i },
      as,
    ),
  ).createGoal.id;
}

/** updateGoal as the admin (or `as`). */
export async function updateGoal(
  server: TestServer,
  id: string,
  input: Record<string, unknown>,
  as: string = ADMIN,
): Promise<void> {
  dataOf(
    await server.gql(
      `mutation($id: ID!, $i: UpdateGoalInput!) { updateGoal(id: $id, input: $i) { id } }`,
      { id, i: input },
      as,
    ),
  );
}

/** deleteGoal as the admin (or `as`); fails unless it answers the goal's id. */
export async function deleteGoal(server: TestServer, id: string, as: string = ADMIN): Promise<void> {
  const deleted = dataOf(
    await server.gql<{ deleteGoal: string }>(`mutation($id: ID!) { deleteGoal(id: $id) }`, { id }, as),
  ).deleteGoal;
  if (deleted !== id) throw new Error(`deleteGoal(${id}) answered ${deleted}`);
}

export interface ActivityInput {
  userId: number | string;
  /** @default 'ORDER_WON' */
  kind?: string;
  /** Required by ORDER_WON; none for the other kinds unless given. */
  amount?: string;
  /** @default a second ago (inside the current period, and not in the future on any clock) */
  occurredAt?: string;
  /** @default a new unique id */
  externalId?: string;
}

/** recordActivities with these activities (one statement), as the admin (or `as`). */
export async function recordActivity(
  server: TestServer,
  activities: ActivityInput | ActivityInput[],
  as: string = ADMIN,
): Promise<void> {
  const a = (Array.isArray(activities) ? activities : [activities]).map((x) => ({
    kind: 'ORDER_WON',
    occurredAt: new Date(Date.now() - 1000).toISOString(),
    externalId: `fixture-${randomUUID()}`,
    ...x,
    userId: String(x.userId),
  }));
  dataOf(
    await server.gql(
      `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
      { a },
      as,
    ),
  );
}

/**
 * Counts that change whenever any write of the API lands (a user, team, goal or goal version,
 * activity, rollup row or call, achievement): equal before and after a request proves it wrote
 * nothing.
 */
export async function fingerprint(server: TestServer): Promise<unknown> {
  return server.sql(sql`select
    (select count(*) from users)::int as users,
    (select count(*) from teams)::int as teams,
    (select count(*) from goals)::int as goals,
    (select coalesce(sum(version), 0) from goals)::int as goal_versions,
    (select count(*) from activities)::int as activities,
    (select count(*) from sales_performance)::int as rollups,
    (select coalesce(sum(calls), 0) from sales_performance)::int as calls,
    (select count(*) from achievements)::int as achievements`);
}

/**
 * Makes the database refuse every insert into achievements with `message` (a trigger named
 * `name`): a mutation that fails inside the database, for tests of masked errors.
 */
export async function refuseAchievementInserts(
  server: TestServer,
  name: string,
  message: string,
): Promise<void> {
  await server.sql(
    sql.raw(`create function ${name}() returns trigger language plpgsql as $$
      begin raise exception '${message}'; end $$`),
  );
  await server.sql(
    sql.raw(`create trigger ${name} before insert on achievements
      for each row execute function ${name}()`),
  );
}
