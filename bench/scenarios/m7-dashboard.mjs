/**
 * M7: the office TV page in Chromium against Pulse on the generated data set.
 * - interactive: from navigation start until the first leaderboard rows are on screen (the board
 *   arrives over the graphql-ws subscription: the page is live), measured in the page
 *   (performance.now() when `.tv-board .tv-row` first appears); cold = a fresh browser context
 *   (empty cache), warm = the same context loading the page again. Median of several loads.
 * - client JS for /tv: every script the page loads, gzip -9, summed.
 * The client is built first if client/dist is missing or stale (client/scripts/ensure-built.ts,
 * what `npm start` does); without Chromium or a buildable client the scenario is skipped with a note.
 *
 *   node --import tsx bench/scenarios/m7-dashboard.mjs [--quick]
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { QUICK, ROOT, TV_EMAIL, log, median, round, runMain, writeResult } from '../lib/common.mjs';
import { pulseToken, startServer } from '../lib/servers.mjs';

const LOADS = QUICK ? 2 : 5;

function chromiumPath() {
  for (const p of [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'])
    if (p && existsSync(p)) return p;
  return null;
}

async function main() {
  const executablePath = chromiumPath();
  let playwright;
  try {
    playwright = await import('playwright-core');
  } catch {
    playwright = undefined;
  }
  if (!executablePath || !playwright) {
    writeResult('m7', {
      skipped: `Chromium (${executablePath ?? 'missing'}) or playwright-core (${playwright ? 'ok' : 'missing'}) not available`,
    });
    return;
  }
  try {
    const t0 = Date.now();
    execFileSync(process.execPath, ['--import', 'tsx', 'client/scripts/ensure-built.ts'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    log(`m7: client build checked in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  } catch (error) {
    writeResult('m7', { skipped: `the web client could not be built: ${error.message}` });
    return;
  }
  if (!existsSync(`${ROOT}client/dist/index.html`)) {
    writeResult('m7', { skipped: 'client/dist is not built (vite missing?)' });
    return;
  }
  const server = await startServer('pulse', { label: 'm7-pulse' });
  const browser = await playwright.chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  try {
    const token = await pulseToken(TV_EMAIL);
    const base = server.url.replace(/\/graphql$/, '');
    const url = `${base}/tv?token=${encodeURIComponent(token)}&metric=REVENUE&rotate=0`;
    const probe = () => {
      /* global window, document, MutationObserver -- the page's, not Node's */
      // runs in the page before its scripts: note when the first board row appears
      window.__tvReady = undefined;
      const mark = () => {
        if (window.__tvReady === undefined && document.querySelector('.tv-board .tv-row')) {
          window.__tvReady = performance.now();
          return true;
        }
        return false;
      };
      new MutationObserver(() => mark()).observe(document, { childList: true, subtree: true });
    };
    const load = async (page) => {
      const scripts = [];
      const onResponse = async (response) => {
        if (response.request().resourceType() !== 'script') return;
        try {
          const body = await response.body();
          scripts.push({
            url: response.url().replace(base, ''),
            status: response.status(),
            bytes: body.length,
            gzip: gzipSync(body, { level: 9 }).length,
          });
        } catch {
          /* 304 without a body */
        }
      };
      page.on('response', onResponse);
      await page.goto(url, { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__tvReady !== undefined, null, { timeout: 30_000 });
      const timing = await page.evaluate(() => {
        const nav = performance.getEntriesByType('navigation')[0];
        const fcp = performance.getEntriesByName('first-contentful-paint')[0];
        return {
          interactiveMs: window.__tvReady,
          domContentLoadedMs: nav?.domContentLoadedEventEnd,
          loadMs: nav?.loadEventEnd,
          firstContentfulPaintMs: fcp?.startTime,
          transferredBytes:
            performance.getEntriesByType('resource').reduce((n, r) => n + (r.transferSize ?? 0), 0) +
            (nav?.transferSize ?? 0),
        };
      });
      page.off('response', onResponse);
      return { ...timing, scripts };
    };
    const cold = [];
    const warm = [];
    let scripts = [];
    for (let i = 0; i < LOADS; i += 1) {
      const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
      await context.addInitScript(probe);
      const page = await context.newPage();
      const first = await load(page);
      cold.push(first);
      if (i === 0) scripts = first.scripts;
      warm.push(await load(page));
      await context.close();
    }
    const jsGzip = scripts.reduce((n, s) => n + s.gzip, 0);
    const jsRaw = scripts.reduce((n, s) => n + s.bytes, 0);
    const summary = (runs) => ({
      interactiveMs: median(runs.map((r) => r.interactiveMs)),
      firstContentfulPaintMs: median(runs.map((r) => r.firstContentfulPaintMs)),
      domContentLoadedMs: median(runs.map((r) => r.domContentLoadedMs)),
      transferredBytes: median(runs.map((r) => r.transferredBytes)),
    });
    const result = {
      loads: LOADS,
      cold: summary(cold),
      warm: summary(warm),
      coldRuns: cold.map(({ scripts: _s, ...r }) => r),
      warmRuns: warm.map(({ scripts: _s, ...r }) => r),
      js: { gzipBytes: jsGzip, rawBytes: jsRaw, files: scripts },
    };
    log(
      `m7: TV interactive cold ${round(result.cold.interactiveMs, 0)} ms, warm ${round(result.warm.interactiveMs, 0)} ms; ` +
        `JS ${round(jsGzip / 1024)} KiB gzip (${round(jsRaw / 1024)} KiB raw, ${scripts.length} files)`,
    );
    writeResult('m7', result);
  } finally {
    await browser.close();
    await server.stop();
  }
}

runMain(main);
