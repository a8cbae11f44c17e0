/**
 * What the dashboard's build (vite.config.ts) and the TV page's (tv.vite.config.ts) share: the
 * version a paired TV reports, and the server's pure rules imported rather than copied (@domain).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The repository's root: @domain lives beside the client, in api/domain. */
export const repo = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = fileURLToPath(new URL('../api/domain', import.meta.url));
/** The version a paired TV reports in connection_init (the Screens page shows it). */
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const define = { 'import.meta.env.VITE_PULSE_VERSION': JSON.stringify(VERSION) };
export const domainAlias = { find: '@domain', replacement: DOMAIN };
