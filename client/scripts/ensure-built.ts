/**
 * `npm start` runs this first (prestart): builds the web client into client/dist (the TV page into
 * client/dist/tv-app, the API explorer into client/dist/explorer) when it is missing or older than its sources, so a fresh
 * clone shows the client at / after `npm install`.
 * Without dev dependencies (a production install) it says so and the server starts anyway; it then
 * serves client/index.html, which says how to build. Browser tests call ensureClientBuilt() too.
 */
import { existsSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type * as Vite from 'vite';

const clientDir = fileURLToPath(new URL('..', import.meta.url));
const dist = join(clientDir, 'dist');

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Whether client/dist is missing or older than anything it is built from. */
export function clientBuildIsStale(): boolean {
  const built = join(dist, 'index.html');
  for (const page of [built, join(dist, 'tv-app', 'tv.html'), join(dist, 'explorer', 'explorer.html')])
    if (!existsSync(page)) return true;
  // the server's pure rules are built in too (@domain: api/domain and the constants they import)
  const sources = [
    'index.html',
    'tv.html',
    'explorer.html',
    'src',
    'vite.config.ts',
    'vite.common.ts',
    'tv.vite.config.ts',
    'explorer.vite.config.ts',
    '../api/domain',
    '../schema/db/constants.ts',
  ].map((p) => join(clientDir, p));
  const newestSource = Math.max(...sources.filter((p) => existsSync(p)).map(newestMtime));
  return newestSource > statSync(built).mtimeMs;
}

/** Builds client/dist when stale; returns whether it built. */
export async function ensureClientBuilt({ quiet = false } = {}): Promise<boolean> {
  if (!clientBuildIsStale()) return false;
  let vite: typeof Vite;
  try {
    vite = await import('vite');
  } catch {
    process.stderr.write(
      'pulse: the web client is not built and vite is not installed (dev dependencies); ' +
        'run `npm install && npm run build` to build it. Starting the API anyway.\n',
    );
    return false;
  }
  const started = Date.now();
  if (!quiet) process.stderr.write('pulse: building the web client (client/dist)…\n');
  // Build beside client/dist, then swap it in: a server (or a parallel test run) never serves a
  // half-written dist, and two builds at once do not mix their files.
  // (node_modules/.cache: same file system as client/, ignored by git, lint and prettier)
  const staging = join(
    clientDir,
    '..',
    'node_modules',
    '.cache',
    `pulse-client-${process.pid}-${Date.now()}`,
  );
  // Vite bundles React's development build when NODE_ENV says so, and test runners set
  // NODE_ENV=test: this build is always the production one (dev React is 70 KB gzip bigger).
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    // the dashboard, the TV page (tv.vite.config.ts) and the API explorer, each in its folder
    for (const [config, outDir] of [
      ['vite.config.ts', staging],
      ['tv.vite.config.ts', join(staging, 'tv-app')],
      ['explorer.vite.config.ts', join(staging, 'explorer')],
    ] as const) {
      await vite.build({
        configFile: join(clientDir, config),
        mode: 'production',
        logLevel: quiet ? 'silent' : 'warn',
        build: { outDir, emptyOutDir: true },
      });
    }
    rmSync(dist, { recursive: true, force: true });
    try {
      renameSync(staging, dist);
    } catch (error) {
      // another build swapped its own output in first: that one is just as fresh
      if (!existsSync(join(dist, 'index.html'))) throw error;
    }
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
    rmSync(staging, { recursive: true, force: true });
  }
  if (!quiet)
    process.stderr.write(`pulse: web client built in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return true;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  await ensureClientBuilt().catch((error: unknown) => {
    process.stderr.write(`pulse: building the web client failed: ${String(error)}\n`);
    process.exitCode = 1;
  });
}
