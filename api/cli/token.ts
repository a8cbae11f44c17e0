/**
 * npm run --silent token -- <email> [--expires 30d]
 * Prints a bearer token for the user with that email. It signs only: it never opens the database,
 * so it is safe while the server holds the embedded one. Every token expires (`--expires`, else
 * TOKEN_TTL): the server refuses a token without `exp` (auth.ts), so the CLI accepts only a
 * positive duration and never signs one that would be refused or valid forever.
 */
import { parseArgs } from 'node:util';
import { resolveJwtSecret, signToken } from '../auth.ts';
import { loadConfig, tokenLifetime } from '../config.ts';

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
  const token = await signToken(resolveJwtSecret(config), email, expires?.data ?? config.tokenTtl);
  process.stdout.write(token + '\n');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
