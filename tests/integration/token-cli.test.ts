/**
 * `npm run token` (api/cli/token.ts) signs with the server's secret or not at all: it names the
 * secret it used, and refuses — instead of generating a secret of its own — when it finds none in
 * DATA_DIR and JWT_SECRET is not set, so it never prints a token the server would refuse. The
 * token it signs with a server's DATA_DIR is accepted by that server (embedded PGlite, whose
 * secret lives in DATA_DIR; with DATABASE_URL the server needs JWT_SECRET and so does the CLI).
 */
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { createOrg } from '../support/fixtures.ts';
import { dataOf, startTestServer, TEST_JWT_SECRET, type TestServer } from '../support/server.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
let server: TestServer | undefined;
afterAll(() => server?.close());

function token(args: string[], env: Record<string, string>) {
  return new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
    execFile(
      process.execPath,
      ['--import', 'tsx', 'api/cli/token.ts', ...args],
      // nothing of this process's own settings: only what each case gives
      { cwd: root, env: { PATH: process.env.PATH ?? '', JWT_SECRET: '', DATABASE_URL: '', ...env } },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('npm run token', () => {
  it('refuses to sign without the server’s secret instead of making one up, and says where it looked', async () => {
    const elsewhere = mkdtempSync(join(tmpdir(), 'pulse-token-'));
    const result = await token(['tv@example.com'], { DATA_DIR: elsewhere });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toContain(join(elsewhere, 'jwt-secret'));
    expect(result.stderr).toContain('does not exist');
    expect(result.stderr).toContain('DATA_DIR');
    expect(readdirSync(elsewhere)).toEqual([]); // no secret of its own

    const postgres = await token(['tv@example.com'], {
      DATA_DIR: elsewhere,
      DATABASE_URL: 'postgres://somewhere/pulse',
    });
    expect(postgres.code).toBe(1);
    expect(postgres.stderr).toContain('JWT_SECRET');
  });

  it('names JWT_SECRET when it signs with it', async () => {
    const result = await token(['tv@example.com', '--expires', '2h'], { JWT_SECRET: TEST_JWT_SECRET });
    expect(result.code).toBe(0);
    expect(result.stdout.trim()).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
    expect(result.stderr).toContain('with JWT_SECRET, valid 2h');
  });

  it.skipIf(process.env.DATABASE_URL)(
    'signs with the secret the embedded server generated into its DATA_DIR, and that server accepts it',
    async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'pulse-token-server-'));
      // the server's own secret: no JWT_SECRET, so it generates DATA_DIR/jwt-secret on start
      server = await startTestServer({ JWT_SECRET: '', DATA_DIR: dataDir });
      const org = await createOrg(server);
      const file = join(dataDir, 'jwt-secret');
      expect(existsSync(file)).toBe(true);
      const result = await token([org.viewer], { DATA_DIR: dataDir });
      expect(result.code).toBe(0);
      expect(result.stderr).toContain(`with the secret in ${file} (DATA_DIR)`);
      expect(readFileSync(file, 'utf8').trim()).not.toBe(TEST_JWT_SECRET);
      const me = await server.gql<{ me: { email: string } }>('{ me { email } }', {}, result.stdout.trim());
      expect(dataOf(me).me.email).toBe(org.viewer);
    },
  );
});
