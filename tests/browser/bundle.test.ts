/**
 * The production bundle (built by this run's global setup): the TV route is its own chunk, holds
 * no dashboard, chart or Apollo code (tv/live.ts is its client), and everything /tv downloads stays
 * within the product's budget of 150 KB gzip, so a TV on a slow office network starts fast and a
 * rebuild cannot quietly bloat it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = join(import.meta.dirname, '../../client/dist');
const TV_BUDGET_GZIP = 150 * 1024;

interface Chunk {
  file: string;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
}

const manifest = JSON.parse(readFileSync(join(dist, '.vite/manifest.json'), 'utf8')) as Record<string, Chunk>;

/** Every file a page loads up front from these chunks: them, their static imports, their CSS. */
function filesOf(keys: string[]): Set<string> {
  const files = new Set<string>();
  const seen = new Set<string>();
  const visit = (key: string) => {
    const chunk = manifest[key];
    if (!chunk || seen.has(key)) return;
    seen.add(key);
    files.add(chunk.file);
    chunk.css?.forEach((css) => files.add(css));
    chunk.imports?.forEach(visit);
  };
  keys.forEach(visit);
  return files;
}

const gzipSize = (files: Set<string>) =>
  [...files].reduce(
    (total, file) => total + gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
    0,
  );

describe('production bundle', () => {
  it('splits the TV page and the dashboard from the entry (React.lazy)', () => {
    expect(manifest['index.html']?.dynamicImports).toEqual(
      expect.arrayContaining(['src/tv/TvApp.tsx', 'src/dashboard/DashboardApp.tsx']),
    );
  });

  it('keeps the TV page free of dashboard and chart code, within 150 KB gzip', () => {
    const tv = filesOf(['index.html', 'src/tv/TvApp.tsx']);
    const dashboardOnly = [
      manifest['src/dashboard/DashboardApp.tsx']?.file,
      manifest['src/dashboard/TrendsTab.tsx']?.file,
    ];
    for (const file of dashboardOnly) expect(tv.has(file ?? '')).toBe(false);
    const size = gzipSize(tv);
    console.info(`TV page: ${(size / 1024).toFixed(1)} KB gzip in ${tv.size} files`);
    expect(size).toBeLessThanOrEqual(TV_BUDGET_GZIP);
  });

  it('keeps Apollo Client and the document map off the TV page and the entry, not off the dashboard', () => {
    // Apollo Client announces itself to its devtools under this name; minified code keeps it
    const hasApollo = (files: Set<string>) =>
      [...files].some((f) => f.endsWith('.js') && readFileSync(join(dist, f), 'utf8').includes('__APOLLO_'));
    expect(hasApollo(filesOf(['index.html']))).toBe(false);
    expect(hasApollo(filesOf(['index.html', 'src/tv/TvApp.tsx']))).toBe(false);
    expect(hasApollo(filesOf(['index.html', 'src/dashboard/DashboardApp.tsx']))).toBe(true);
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
    const dashboard = filesOf(['index.html', 'src/dashboard/DashboardApp.tsx']);
    expect(dashboard.has(manifest['src/dashboard/TrendsTab.tsx']?.file ?? '')).toBe(false);
    console.info(`dashboard (before Trends): ${(gzipSize(dashboard) / 1024).toFixed(1)} KB gzip`);
  });

  it("has index.html fetch the path's screen chunk with the entry, not after it runs", () => {
    const html = readFileSync(join(dist, 'index.html'), 'utf8');
    const script = /<script>(\(\(\)=>\{.*?\}\)\(\))<\/script>/s.exec(html)?.[1];
    expect(script).toBeDefined();
    // runs the inline script against a stand-in document: the links it adds, as "rel href"
    const linksFor = (pathname: string) => {
      const added: { rel?: string; href?: string }[] = [];
      const document = {
        createElement: () => ({}),
        head: { appendChild: (link: { rel?: string; href?: string }) => added.push(link) },
      };
      runInNewContext(script ?? '', { location: { pathname }, document });
      return added.map((l) => `${l.rel} ${l.href}`);
    };
    const tv = manifest['src/tv/TvApp.tsx'];
    const dashboard = manifest['src/dashboard/DashboardApp.tsx'];
    const tvLinks = [`modulepreload /${tv?.file}`, ...(tv?.css ?? []).map((c) => `stylesheet /${c}`)];
    for (const path of ['/tv', '/tv/', '/tv/lobby']) {
      expect(linksFor(path)).toEqual(expect.arrayContaining(tvLinks));
      expect(linksFor(path)).not.toContain(`modulepreload /${dashboard?.file}`);
    }
    for (const path of ['/', '/goals', '/tvx']) {
      expect(linksFor(path)).toContain(`modulepreload /${dashboard?.file}`);
      expect(linksFor(path)).not.toContain(`modulepreload /${tv?.file}`);
    }
    // nothing the entry already links
    const entry = filesOf(['index.html']);
    for (const link of [...linksFor('/tv'), ...linksFor('/')])
      expect(entry.has(link.split(' /')[1] ?? '')).toBe(false);
  });
});
