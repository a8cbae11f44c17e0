/**
 * npm run --silent token -- <email> [--expires 30d]: prints a bearer token (stdout: the token
 * only) and names on stderr the secret that signed it. It signs only, never opens the database, so
 * it is safe while the server holds the embedded one. Invariants: it uses the server's secret
 * (JWT_SECRET, or DATA_DIR/jwt-secret) and refuses when there is none rather than making one that
 * server would not know; every token expires (`--expires`, else TOKEN_TTL), as auth.ts requires.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signToken } from '../core/auth.ts';
import { loadConfig, tokenLifetime, type Config } from '../config.ts';

class NoSecretError extends Error {}

/** The server's secret and where it was found; NoSecretError when there is none to sign with. */
function serverSecret(config: Config): { secret: string; source: string } {
  if (config.jwtSecret) return { secret: config.jwtSecret, source: 'JWT_SECRET' };
  if (!config.embedded) {
    throw new NoSecretError(
      'JWT_SECRET is not set: with DATABASE_URL the server signs with JWT_SECRET, so give this command the same one.',
    );
  }
  const file = join(config.dataDir, 'jwt-secret');
  const secret = existsSync(file) ? readFileSync(file, 'utf8').trim() : '';
  if (!secret) {
    throw new NoSecretError(
      [
        `No secret to sign with: ${file} ${existsSync(file) ? 'is empty' : 'does not exist'} and JWT_SECRET is not set.`,
        `The server writes that file into its DATA_DIR on its first start; this command used DATA_DIR=${config.dataDir}.`,
        'Run it with the server’s DATA_DIR (e.g. in the folder the server runs from) or its JWT_SECRET:',
        'a token signed with any other secret is refused by that server.',
      ].join('\n'),
    );
  }
  return { secret, source: `the secret in ${file} (DATA_DIR)` };
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { expires: { type: 'string', short: 'e' } },
});
const email = positionals[0];
const usage = 'usage: npm run --silent token -- <email> [--expires 30d]\n';
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  process.stderr.write(usage);
  process.exit(2);
}
const expires = values.expires === undefined ? undefined : tokenLifetime.safeParse(values.expires);
if (expires && !expires.success) {
  process.stderr.write(`--expires must be ${expires.error.issues[0]?.message ?? 'a duration'}\n${usage}`);
  process.exit(2);
}
try {
  const config = loadConfig();
  const { secret, source } = serverSecret(config);
  const lifetime = expires?.data ?? config.tokenTtl;
  const token = await signToken(secret, email, lifetime);
  process.stdout.write(token + '\n');
  process.stderr.write(
    `Signed for ${email.toLowerCase()} with ${source}, valid ${lifetime}: only a server with that secret accepts it.\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
