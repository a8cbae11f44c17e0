import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

describe('server basics', () => {
  it('answers /healthz when the database answers', async () => {
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  it('creates the admin at start and knows the caller', async () => {
    const me = dataOf(
      await server.gql<{ me: { email: string; role: string } }>('{ me { email role } }', {}, org.admin),
    );
    expect(me.me).toEqual({ email: 'admin@example.com', role: 'ADMIN' });
  });

  it('refuses operations without a token', async () => {
    const response = await server.gql('{ me { id } }');
    expect(errorOf(response).code).toBe('UNAUTHENTICATED');
  });

  it('lists teams with managers and members', async () => {
    const data = dataOf(
      await server.gql<{
        teams: { name: string; manager: { email: string }; members: { name: string }[] }[];
      }>('{ teams { name manager { email } members { name } } }', {}, org.admin),
    );
    expect(data.teams.map((t) => t.name)).toEqual(['East', 'West']);
    expect(data.teams[0]?.manager.email).toBe('erin@example.com');
    expect(data.teams[0]?.members.map((m) => m.name)).toEqual(['Alice Able', 'Bob Baker', 'Erin East']);
  });
});
