/**
 * Text the database cannot hold (a NUL character: Postgres `text` refuses U+0000) is the client's
 * error on every surface, named like any other bad field, and stores nothing: GraphQL variables
 * and literals over HTTP, subscription variables over the WebSocket, REST bodies and query
 * parameters, and CSV cells. Found by the fuzz layer (tests/fuzz/), where a team named "\u0000"
 * was an INTERNAL_SERVER_ERROR. Also: an `input` argument that is null or not an object is named
 * "input" (its refusal named the field "").
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { rest, type RestErrorBody } from '../support/rest.ts';
import type { TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

const NUL = '\u0000';
const MESSAGE = 'must not contain the NUL character (U+0000)';

describe('a NUL character in text input', () => {
  let server: TestServer;
  let org: OrgFixture;
  const teams = async () =>
    (await server.sql<{ n: number }>(sql`select count(*)::int as n from teams`))[0]?.n;

  beforeAll(async () => ({ server, org } = await startOrgServer()));
  afterAll(async () => {
    await server?.close();
  });

  it('is refused in GraphQL variables and literals over HTTP, naming the field, with nothing stored', async () => {
    const before = await teams();
    const asVariable = await server.gql(
      'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
      { i: { name: `East${NUL}` } },
      org.admin,
    );
    expect(asVariable.status).toBe(400);
    expect(asVariable.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'name', message: MESSAGE }],
    });
    const asLiteral = await server.gql(
      'mutation { createTeam(input: { name: "East\\u0000" }) { id } }',
      {},
      org.admin,
    );
    expect(asLiteral.status).toBe(400);
    expect(asLiteral.errors?.[0]?.extensions).toMatchObject({
      fields: [{ field: 'name', message: MESSAGE }],
    });
    const inBatch = await server.gql(
      'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
      {
        a: [
          {
            userId: String(org.reps.east1.id),
            kind: 'CALL',
            occurredAt: '2026-11-02T10:00:00Z',
            externalId: 'ok-1',
          },
          {
            userId: String(org.reps.east1.id),
            kind: 'CALL',
            occurredAt: '2026-11-02T10:00:00Z',
            externalId: `x${NUL}`,
          },
        ],
      },
      org.admin,
    );
    expect(inBatch.errors?.[0]?.extensions).toMatchObject({ fields: [{ field: 'activities.1.externalId' }] });
    expect(await teams()).toBe(before);
    const [activities] = await server.sql<{ n: number }>(sql`select count(*)::int as n from activities`);
    expect(activities?.n).toBe(0);
  });

  it('is refused in a subscription’s variables over the WebSocket, and the socket stays open', async () => {
    const client = connect(server.url, await server.token(org.admin));
    try {
      const refused = subscribe(client, 'subscription($t: ID) { goalChanged(teamId: $t) { id } }', {
        t: `1${NUL}`,
      });
      const errors = (await refused.waitForError()) as { extensions?: unknown }[];
      expect(errors[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'teamId' }] });
      const board = subscribe<{ leaderboardChanged: { version: string } }>(
        client,
        'subscription { leaderboardChanged { version } }',
      );
      await board.waitFor(() => true);
      board.stop();
    } finally {
      await client.dispose();
    }
  });

  it('is refused in REST bodies and query parameters, naming the field', async () => {
    const posted = await rest<RestErrorBody>(server, 'POST', '/api/performance', {
      body: {
        type: 'achievement',
        user_id: org.reps.east1.id,
        achievement_type: 'Spirit',
        title: `Team${NUL}Player`,
        badge_icon: '🤝',
      },
    });
    expect(posted.status).toBe(400);
    expect(posted.body.error.fields).toEqual([{ field: 'title', message: MESSAGE }]);
    const read = await rest<RestErrorBody>(
      server,
      'GET',
      `/api/performance?type=goals&status=${encodeURIComponent(NUL)}`,
    );
    expect(read.status).toBe(400);
    expect(read.body.error.fields).toEqual([{ field: 'status', message: MESSAGE }]);
    const [badges] = await server.sql<{ n: number }>(sql`select count(*)::int as n from achievements`);
    expect(badges?.n).toBe(0);
  });

  it('is reported on its line and column by the CSV import, and the row is not stored', async () => {
    const csv = [
      'user_id,kind,occurred_at,external_id',
      `${org.reps.east1.id},CALL,2026-11-02T10:00:00Z,csv-ok`,
      `${org.reps.east1.id},CALL,2026-11-02T10:00:00Z,csv${NUL}bad`,
    ].join('\n');
    const response = await fetch(`${server.url}/import/activities?mode=skip`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await server.token(org.admin)}` },
      body: csv,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { imported: number; errors: unknown[] };
    expect(report.imported).toBe(1);
    expect(report.errors).toContainEqual({ line: 3, column: 'external_id', reason: MESSAGE });
    const stored = await server.sql<{ external_id: string }>(sql`select external_id from activities`);
    expect(stored.map((r) => r.external_id)).toEqual(['csv-ok']);
  });

  it('is reported once, in a user_email or any other cell, and never looked up (a 500 the fuzz layer found)', async () => {
    const csv = [
      'kind,occurred_at,external_id,user_email',
      'CALL,2026-11-02T10:00:00Z,csv-ok-2,alice@example.com',
      `CALL,2026-11-02T10:00:00Z,csv-email,${NUL}`,
      `CA${NUL}LL,2026-11-02T10:00:00Z,csv-kind,alice@example.com`,
    ].join('\n');
    const response = await fetch(`${server.url}/import/activities?mode=skip`, {
      method: 'POST',
      headers: { 'content-type': 'text/csv', authorization: `Bearer ${await server.token(org.admin)}` },
      body: csv,
    });
    expect(response.status).toBe(200);
    const report = (await response.json()) as { imported: number; errors: unknown[] };
    expect(report.imported).toBe(1);
    expect(report.errors).toEqual([
      { line: 3, column: 'user_email', reason: MESSAGE },
      { line: 4, column: 'kind', reason: MESSAGE },
    ]);
    const stored = await server.sql<{ external_id: string }>(sql`select external_id from activities`);
    expect(stored.map((r) => r.external_id).sort()).toEqual(['csv-ok', 'csv-ok-2']);
  });
});

describe('an input argument that is null or not an object', () => {
  let server: TestServer;
  beforeAll(async () => ({ server } = await startOrgServer()));
  afterAll(async () => {
    await server?.close();
  });

  it('is named "input" (the field of the refusal was empty, found by the fuzz layer)', async () => {
    for (const value of [null, 'a team', 7]) {
      const response = await server.gql(
        'mutation($input: CreateTeamInput!) { createTeam(input: $input) { id } }',
        { input: value },
        'admin@example.com',
      );
      expect(response.status).toBe(400);
      expect(response.errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'input' }],
      });
    }
  });
});
