/**
 * Debian's Chromium driven by playwright-core (STACK.md pitfall 6: `npx playwright install` cannot
 * download here). Without Chromium the browser tests are skipped locally and fail in CI, where
 * .ci/run installs it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type ConsoleMessage, type Page } from 'playwright-core';
import { expect } from 'vitest';

function findChromium(): string | null {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  for (const name of ['chromium', 'chromium-browser']) {
    try {
      const path = execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim();
      if (path) return path;
    } catch {
      // not on PATH
    }
  }
  return null;
}

export const chromiumPath = findChromium();

if (!chromiumPath && process.env.CI) {
  throw new Error('Chromium is required for the browser tests in CI (.ci/run installs it with apt-get).');
}

/**
 * Under libfaketime (the pinned-date runs of .ci/run: `faketime` sets FAKETIME and LD_PRELOAD) the
 * server and the database run at the pinned date. Chromium hangs under that preload, so it starts
 * without it, and each of its contexts gets the test process's clock instead (Playwright's clock,
 * installed at the pinned instant and running on from there like the server's).
 */
const pinnedClock = process.env.FAKETIME !== undefined;

export async function launchBrowser(): Promise<Browser> {
  if (!chromiumPath) throw new Error('Chromium not found');
  const browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    ...(pinnedClock ? { env: { ...process.env, LD_PRELOAD: '' } } : {}),
  });
  if (pinnedClock) {
    const newContext = browser.newContext.bind(browser);
    browser.newContext = async (options) => {
      const context = await newContext(options);
      await context.clock.install({ time: Date.now() });
      return context;
    };
  }
  return browser;
}

/** test-results/screenshots, or SCREENSHOTS_DIR (a run of one's own while others run tests in the same tree). */
export const SCREENSHOTS =
  process.env.SCREENSHOTS_DIR || join(import.meta.dirname, '../../../test-results/screenshots');

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`) });
}

/** A page whose localStorage already holds the token (signed in), at the given size. */
export async function signedInPage(
  browser: Browser,
  baseUrl: string,
  token: string,
  viewport = { width: 1920, height: 1080 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  await context.addInitScript((t) => {
    if (!localStorage.getItem('pulse.token')) localStorage.setItem('pulse.token', t);
  }, token);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return { context, page, errors };
}

/**
 * A console error a signed-out page gets on purpose: a 401 (the session probe before signing in, a
 * request of a session ended elsewhere), or the 404 of /demo/accounts on a server that is not the
 * embedded demo (on Postgres), which the sign-in page asks whether to offer demo buttons.
 */
export function expectedWhileSignedOut(message: ConsoleMessage): boolean {
  const text = message.text();
  return text.includes('401') || (text.includes('404') && message.location().url.endsWith('/demo/accounts'));
}

/**
 * A fresh browser signed in with e-mail and password through the sign-in page, at the dashboard.
 * `errors` collects page errors and console errors but the 401s a signed-out page gets on purpose
 * (the session probe before signing in, a request of a session ended elsewhere).
 */
export async function passwordSignedInPage(
  browser: Browser,
  baseUrl: string,
  email: string,
  password: string,
  viewport = { width: 1280, height: 720 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ viewport, baseURL: baseUrl });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (message) => {
    if (message.type() === 'error' && !expectedWhileSignedOut(message)) errors.push(message.text());
  });
  await page.goto('/');
  await page.getByLabel('E-mail').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor();
  return { context, page, errors };
}

/** The page fits its viewport: no horizontal or vertical scrollbar (the TV's layouts). */
export async function noScrollbars(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => ({
    x: document.documentElement.scrollWidth - window.innerWidth,
    y: document.documentElement.scrollHeight - window.innerHeight,
  }));
  expect(overflow).toEqual({ x: 0, y: 0 });
}
