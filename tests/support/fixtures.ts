/** Small org fixtures written straight to the database (fast), for tests to build on. */
import { sql } from 'drizzle-orm';
import type { Role } from '../../schema/db/constants.ts';
import type { TestServer } from './server.ts';

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
