/**
 * The process's viewer cache (api/live/directory.ts): one read per user until the users or teams
 * tables change, by any writer; then the next lookup sees the change.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UnauthenticatedError } from '../../api/errors.ts';
import { ViewerDirectory } from '../../api/live/directory.ts';
import { createOrg, type OrgFixture } from '../support/fixtures.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => {
  server = await startTestServer();
  org = await createOrg(server);
});
afterAll(() => server?.close());

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
async function until(check: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 5000;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(5);
  }
}

/** The fixture's directory notifications have all arrived: none for a quarter of a second. */
async function settled(): Promise<void> {
  let seen = -1;
  while (seen !== server.app.directory.invalidations) {
    seen = server.app.directory.invalidations;
    await sleep(250);
  }
}

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
});
