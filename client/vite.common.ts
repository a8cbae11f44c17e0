/**
 * What the dashboard's build (vite.config.ts) and the TV page's (tv.vite.config.ts) share: the
 * version a paired TV reports, the server's pure rules imported rather than copied (@domain), and
 * the compressed copies of every script and stylesheet the server hands out (precompress).
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { Plugin } from 'vite';

/** The repository's root: @domain lives beside the client, in api/domain. */
export const repo = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = fileURLToPath(new URL('../api/domain', import.meta.url));
/** The version a paired TV reports in connection_init (the Screens page shows it). */
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

export const define = { 'import.meta.env.VITE_PULSE_VERSION': JSON.stringify(VERSION) };
export const domainAlias = { find: '@domain', replacement: DOMAIN };

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

/**
 * Writes `<file>.br` and `<file>.gz` beside every script and stylesheet of the build, compressed
 * once at the highest levels, for the server to send to browsers that accept them
 * (api/transport/http/static-client.ts): an office TV on a slow network fetches a third of the
 * bytes, with no compression work per request. Files under 1 KiB stay as they are.
 */
export function precompress(): Plugin {
  return {
    name: 'pulse-precompress',
    apply: 'build',
    async writeBundle(options, bundle) {
      const dir = options.dir;
      if (!dir) return;
      const files = Object.keys(bundle).filter((f) => /\.(?:js|css)$/.test(f));
      await Promise.all(
        files.map(async (file) => {
          const path = join(dir, file);
          const raw = await readFile(path);
          if (raw.length < 1024) return;
          const [br, gz] = await Promise.all([
            brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY } }),
            gzipped(raw, { level: 9 }),
          ]);
          await Promise.all([writeFile(`${path}.br`, br), writeFile(`${path}.gz`, gz)]);
        }),
      );
    },
  };
}
