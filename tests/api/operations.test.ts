/** Operations: the token CLI, the server process (start, SIGTERM with a request in flight), health, settings. */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, describe, expect, it } from 'vitest';
import { resolveJwtSecret, verifyToken } from '../../api/core/auth.ts';
import { databaseUrlFor } from '../support/databases.ts';
import { rawSubscriber } from '../support/live-load.ts';
import { waitUntil } from '../support/live-tools.ts';
import { dataOf, errorOf, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';

const run = promisify(execFile);
const root = new URL('../..', import.meta.url).pathname;

describe('token CLI', () => {
  it('prints a token for an email and never opens the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-token-'));
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', JWT_SECRET: TEST_JWT_SECRET };
    const { stdout } = await run('npm', ['run', '--silent', 'token', '--', 'Someone@Example.com'], {
      cwd: root,
      env,
    });
    const claims = await verifyToken(TEST_JWT_SECRET, stdout.trim());
    expect(claims.email).toBe('someone@example.com');
    expect(readdirSync(dataDir)).toEqual([]);
  });

  it('signs with the secret the embedded server generated into DATA_DIR, without opening the database', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-token-'));
    // as the server does on its first start (the CLI never makes one: token-cli.test.ts)
    const secret = resolveJwtSecret({ jwtSecret: undefined, embedded: true, dataDir });
    const env = { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', JWT_SECRET: '' };
    const first = await run('npm', ['run', '--silent', 'token', '--', 'a@example.com'], { cwd: root, env });
    expect(readdirSync(dataDir)).toEqual(['jwt-secret']);
    await expect(verifyToken(secret, first.stdout.trim())).resolves.toMatchObject({ email: 'a@example.com' });
    expect(existsSync(join(dataDir, 'pglite'))).toBe(false);
  });

  it('refuses a missing email', async () => {
    await expect(run('npm', ['run', '--silent', 'token'], { cwd: root })).rejects.toMatchObject({ code: 2 });
  });
});

/** Until /healthz answers, the child exits, or 90 s (a loaded CI machine boots slowly). */
async function waitForHealth(url: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 90_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('server did not become healthy in 90 s');
}

describe('server process', () => {
  it('finishes an in-flight request on SIGTERM, then exits 0', async () => {
    const port = 40000 + Math.floor(Math.random() * 20000);
    const dataDir = mkdtempSync(join(tmpdir(), 'pulse-proc-'));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
      SHUTDOWN_GRACE_MS: '60000', // a loaded CI machine may take a while to finish the batch
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: '',
    };
    const child = spawn(process.execPath, ['--import', 'tsx', 'api/main.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const url = `http://127.0.0.1:${port}`;
    await waitForHealth(url, child).catch((error: Error) => {
      throw new Error(`${error.message}: ${stderr.slice(-2000)}`);
    });
    const { signToken } = await import('../../api/core/auth.ts');
    const token = await signToken(TEST_JWT_SECRET, 'admin@example.com');
    // a batch large enough to still be running when the signal arrives
    const activities = Array.from({ length: 5000 }, (_, i) => ({
      userId: '1',
      kind: 'CALL',
      occurredAt: '2025-01-01T10:00:00Z',
      externalId: `sigterm-${i}`,
    }));
    const inFlight = fetch(`${url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: 'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
        variables: { a: activities },
      }),
    });
    // let the request reach the server first (a loaded machine is slow to connect); the batch
    // itself takes longer than this, so the signal still arrives while it runs
    await new Promise((r) => setTimeout(r, 300));
    child.kill('SIGTERM');
    const response = await inFlight;
    expect(await response.json()).toEqual({ data: { recordActivities: { recorded: 5000 } } });
    expect(await exited).toBe(0);
  }, 180_000);
});

describe('settings', () => {
  let server: TestServer | undefined;
  afterAll(() => server?.close());

  it('turns introspection off in production', async () => {
    server = await startTestServer({ NODE_ENV: 'production' });
    const response = await server.gql('{ __schema { queryType { name } } }', {}, 'admin@example.com');
    expect(response.data ?? null).toBeNull();
    expect(response.errors?.length).toBeGreaterThan(0);
    expect(dataOf(await server.gql('{ me { role } }', {}, 'admin@example.com'))).toEqual({
      me: { role: 'ADMIN' },
    });
  });
});

describe('readiness', () => {
  it('answers /readyz 200 when ready, and 503 naming the listener once it stops', async () => {
    const server = await startTestServer();
    try {
      const ready = await fetch(`${server.url}/readyz`);
      expect(ready.status).toBe(200);
      expect(await ready.json()).toEqual({
        status: 'ready',
        database: true,
        listener: true,
        stopping: false,
      });
      await server.app.bridge.dispose();
      const down = await fetch(`${server.url}/readyz`);
      expect(down.status).toBe(503);
      expect(await down.json()).toEqual({
        status: 'not ready',
        database: true,
        listener: false,
        stopping: false,
      });
      // alive all the same: /healthz is about the process and its database
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
    } finally {
      await server.close();
    }
  });

  it('closes open WebSockets with 1001 (Going away) when it stops: clients reconnect on it', async () => {
    const server = await startTestServer();
    try {
      const tv = await rawSubscriber(
        server.url,
        await server.token('admin@example.com'),
        'subscription { leaderboardChanged { version } }',
        1,
      );
      await server.app.stop();
      await waitUntil(() => tv.state.closed, 5000, 'the socket to be closed');
      expect(tv.state.closeCode).toBe(1001);
    } finally {
      await server.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)(
  'health (real Postgres: needs a database that can go away)',
  () => {
    it('answers 503 when the database does not answer', async () => {
      const server = await startTestServer();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
      const name = new URL(server.databaseUrl!).pathname.slice(1);
      const admin = postgres(databaseUrlFor(process.env.DATABASE_URL!, 'postgres'), {
        max: 1,
        onnotice: () => {},
      });
      await admin.unsafe(`drop database "${name}" with (force)`);
      await admin.end();
      expect((await fetch(`${server.url}/healthz`)).status).toBe(503);
      expect(((await (await fetch(`${server.url}/readyz`)).json()) as { database: boolean }).database).toBe(
        false,
      );
      const response = await server.gql('{ me { id } }', {}, 'admin@example.com');
      expect(errorOf(response).code).toBe('INTERNAL_SERVER_ERROR');
      expect(errorOf(response).message).toMatch(/request [0-9a-f-]{36}/);
      await server.close();
    });
  },
);

describe('demo sign-in', () => {
  it('hands out tokens for demo accounts in the embedded demo only', async () => {
    const demo = await startTestServer({ SEED_DEMO: 'true', DATABASE_URL: '' });
    try {
      const { accounts } = (await (await fetch(`${demo.url}/demo/accounts`)).json()) as {
        accounts: { email: string; role: string }[];
      };
      expect(accounts.map((a) => a.role)).toEqual([
        'ADMIN',
        'REP',
        'MANAGER',
        'MANAGER',
        'MANAGER',
        'VIEWER',
      ]);
      const response = await fetch(`${demo.url}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'john.smith@example.com' }),
      });
      const { token } = (await response.json()) as { token: string };
      expect(dataOf(await demo.gql('{ me { name } }', {}, token))).toEqual({ me: { name: 'John Smith' } });
      const other = await fetch(`${demo.url}/demo/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: 'emily.chen@example.com' }),
      });
      expect(other.status).toBe(404);
    } finally {
      await demo.close();
    }
    const plain = await startTestServer();
    try {
      expect((await fetch(`${plain.url}/demo/accounts`)).status).toBe(404);
    } finally {
      await plain.close();
    }
  }, 60_000);
});
