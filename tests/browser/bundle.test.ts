/**
 * The production bundles (built by this run's global setup): the TV page is a build of its own
 * (client/dist/tv-app, tv.vite.config.ts) on preact/compat, holds no dashboard, chart or Apollo
 * code (tv/live.ts is its client), and everything /tv downloads stays within the budget of 60 KB
 * gzip (issue 20's M7 target), so a TV on a slow office network starts fast and a rebuild cannot
 * quietly bloat it. The dashboard keeps React; the explorer is a build of its own too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../client/dist');
const TV_BUDGET_GZIP = 60 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}
type Manifest = Record<string, Chunk>;

const manifestOf = (dir: string) =>
  JSON.parse(readFileSync(join(dir, '.vite/manifest.json'), 'utf8')) as Manifest;
const manifest = manifestOf(dist);
const tvDist = join(dist, 'tv-app');
const tvManifest = manifestOf(tvDist);

/** Every file a page loads up front from these chunks: them, their static imports, their CSS. */
function filesOf(keys: string[], from: Manifest = manifest, dir = dist): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = from[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.add(join(dir, chunk.file));
    chunk.css?.forEach((css) => files.add(join(dir, css)));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

const gzipSize = (files: Set<string>) =>
  [...files].reduce((total, file) => total + gzipSync(readFileSync(file), { level: 9 }).length, 0);

const tvFiles = () => filesOf(['tv.html'], tvManifest, tvDist);
const dashboardFiles = () => filesOf(['index.html']);
/** Whether any script among `files` contains `marker` (minified code keeps string literals). */
const scriptsHave = (files: Set<string>, marker: string) =>
  [...files].some((f) => f.endsWith('.js') && readFileSync(f, 'utf8').includes(marker));

describe('production bundle', () => {
  it('builds the TV page on its own, within 60 KB gzip, on preact/compat and free of dashboard code', () => {
    const tv = tvFiles();
    const size = gzipSize(tv);
    console.info(`TV page: ${(size / 1024).toFixed(1)} KB gzip in ${tv.size} files`);
    expect(size).toBeLessThanOrEqual(TV_BUDGET_GZIP);
    // React 19 tags its elements with this symbol's name; Preact's hooks keep their state under __H
    expect(scriptsHave(tv, 'react.transitional.element')).toBe(false);
    expect(scriptsHave(tv, '__H')).toBe(true);
    expect(scriptsHave(dashboardFiles(), 'react.transitional.element')).toBe(true);
    // Apollo Client announces itself to its devtools under this name; the charts draw with recharts
    expect(scriptsHave(tv, '__APOLLO_')).toBe(false);
    expect(Object.keys(tvManifest).filter((k) => /dashboard|Trends|recharts/i.test(k))).toEqual([]);
    const page = readFileSync(join(tvDist, 'tv.html'), 'utf8');
    expect(page).toMatch(/src="\/tv-app\/assets\/[^"]+\.js"/);
    expect(page).toContain('<div id="root"><p class="loading-screen">Loading…</p></div>');
  });

  it('keeps the TV page out of the dashboard build, and Apollo in it', () => {
    expect(Object.keys(manifest).filter((k) => /src\/tv\//.test(k))).toEqual([]);
    expect(scriptsHave(dashboardFiles(), '__APOLLO_')).toBe(true);
  });

  it('leaves the API explorer (GraphiQL, Monaco) to a build of its own, under explorer/', () => {
    const sources = Object.values(manifest).flatMap((c) => [c.file, ...(c.imports ?? [])]);
    expect(Object.keys(manifest).filter((k) => /graphiql|monaco|explorer/i.test(k))).toEqual([]);
    expect(sources.filter((f) => /graphiql|monaco|explorer/i.test(f))).toEqual([]);
    const page = readFileSync(join(dist, 'explorer/explorer.html'), 'utf8');
    expect(page).toMatch(/src="\/explorer\/assets\/[^"]+\.js"/);
  });

  it('shows "Loading…" until the first screen renders, not the source page\'s "not built" note', () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    expect(html).toContain('<div id="root"><p class="loading-screen">Loading…</p></div>');
    expect(html).not.toContain('not built');
  });

  it('loads the chart library only with the Trends tab', () => {
    const dashboard = dashboardFiles();
    expect(dashboard.has(join(dist, manifest['src/dashboard/TrendsTab.tsx']?.file ?? '-'))).toBe(false);
    console.info(`dashboard (before Trends): ${(gzipSize(dashboard) / 1024).toFixed(1)} KB gzip`);
  });
});
