/**
 * A browser test file's real server (app.ts) and Chromium: both started, side by side, before the
 * file's tests and closed after them. Neither starts where Chromium is missing (the file's
 * `describe.skipIf(!chromiumPath)` then skips every test).
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startBrowserServer, type BrowserServer } from './app.ts';
import { chromiumPath, launchBrowser } from './browser.ts';

export interface BrowserSuite {
  readonly server: BrowserServer;
  readonly browser: Browser;
}

/** `env`: the server's extra configuration, as startBrowserServer takes it. */
export function browserSuite(env: Record<string, string> = {}): BrowserSuite {
  let server: BrowserServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    if (!chromiumPath) return;
    [server, browser] = await Promise.all([startBrowserServer(env), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the browser suite has not started (beforeAll failed?)');
    return value;
  };
  return {
    get server() {
      return started(server);
    },
    get browser() {
      return started(browser);
    },
  };
}
