/**
 * npm run --silent token -- <email> [--expires 30d]
 * Prints a bearer token for the user with that email. It signs only: it never opens the database,
 * so it is safe while the server holds the embedded one.
 */
import { parseArgs } from 'node:util';
import { resolveJwtSecret, signToken } from '../auth.ts';
import { loadConfig } from '../config.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { expires: { type: 'string', short: 'e' } },
});
const email = positionals[0];
if (!email || !/^[^@\s]+@[^@\s]+$/.test(email)) {
  process.stderr.write('usage: npm run --silent token -- <email> [--expires 30d]\n');
  process.exit(2);
}
try {
  const config = loadConfig();
  const token = await signToken(resolveJwtSecret(config), email, values.expires ?? config.tokenTtl);
  process.stdout.write(token + '\n');
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
