/**
 * The API explorer (issue 18) against the real server, in Chromium: the page (GraphiQL, Monaco
 * and its workers) loads with no request to any other origin and no Content-Security-Policy
 * violation; signed in by the session cookie it runs an example query and shows the answer, and
 * runs the leaderboard subscription and shows the frame the server pushes after a sale recorded
 * through the API; a pasted token signs its requests in instead. The server runs with
 * INTROSPECTION off: the editor knows the schema from /explorer/schema.graphql. Over HTTP: GET
 * /graphql serves the page only to a browser, a POST or a JSON GET as before, and with EXPLORER
 * off /explorer is 404. Screenshots at 1280x720 and 1920x1080.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, passwordSignedInPage, screenshot } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: BrowserServer;
let off: TestServer;
let browser: Browser | undefined;

const ADMIN = 'admin@example.com';
const JOHN = 'john.smith@example.com';
const PASSWORD = 'correct horse battery staple';
/** What Chromium sends for a page. */
const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';

/**
 * Watches a context: every request, WebSocket and CSP violation of its pages (an off-origin
 * request the policy blocks never reaches the network, but is reported as a violation).
 */
async function watch(context: BrowserContext) {
  const foreign: string[] = [];
  const origin = new URL(server.url).origin;
  const check = (url: string) => {
    const parsed = new URL(url);
    if (parsed.protocol === 'data:' || parsed.protocol === 'blob:') return;
    if (parsed.host !== new URL(origin).host) foreign.push(url);
  };
  context.on('request', (request) => check(request.url()));
  context.on('page', (page) => page.on('websocket', (ws) => check(ws.url())));
  await context.addInitScript(() => {
    const w = window as unknown as { cspViolations: string[] };
    w.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      w.cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  return { foreign };
}

const cspViolations = (page: Page) =>
  page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);

/** The response pane's text (Monaco draws non-breaking spaces). */
async function responseText(page: Page): Promise<string> {
  return ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\u00a0/g, ' ');
}

/** Waits until the response pane shows `text`. */
async function waitResponse(page: Page, text: string): Promise<string> {
  await page.locator('.graphiql-response .view-lines').filter({ hasText: text }).waitFor({ timeout: 30_000 });
  return responseText(page);
}

/**
 * Opens an example from the sidebar in a new tab and runs it, once the active tab is named after
 * the example's operation (GraphiQL names a tab from the query it holds): a click before that
 * would run the tab that was open before.
 */
async function runExample(page: Page, title: string, operation: string) {
  await page
    .getByRole('region', { name: 'Examples' })
    .getByRole('button', { name: title, exact: true })
    .click();
  await page.locator('.graphiql-tab-active').filter({ hasText: operation }).waitFor();
  await page.locator('.graphiql-execute-button').click();
}

/** The explorer, loaded: Monaco drew the operation editor and the schema is known. */
async function openExplorer(page: Page, caller: string) {
  await page.goto('/explorer');
  await page.locator('.graphiql-query-editor .monaco-editor').waitFor();
  await page.getByRole('status').filter({ hasText: caller }).waitFor();
}

describe('the API explorer over HTTP', () => {
  beforeAll(async () => {
    // the demo organisation with introspection off; and a bare server with the explorer off
    server = await startBrowserServer({ INTROSPECTION: 'false' });
    off = await startTestServer({ EXPLORER: 'false' });
    await server.gql(JOHN, 'mutation($p: String!) { changePassword(newPassword: $p) }', { p: PASSWORD });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await Promise.all([server?.close(), off?.close()]);
  });

  it('serves the page to browsers at /graphql and /explorer, with its own strict CSP', async () => {
    for (const path of ['/explorer', '/graphql']) {
      const response = await fetch(`${server.url}${path}`, { headers: { accept: BROWSER_ACCEPT } });
      expect(response.status).toBe(200);
      const csp = response.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).toContain("script-src 'self'");
      expect(csp).not.toMatch(/unsafe-eval|https?:|\*/);
      const html = await response.text();
      expect(html).toMatch(/<script type="module" crossorigin src="\/explorer\/assets\/[^"]+\.js">/);
    }
    // the client's own pages carry no such policy
    const index = await fetch(`${server.url}/`);
    expect(index.headers.get('content-security-policy')).toBeNull();
    await index.arrayBuffer();
  });

  it('leaves POST and non-HTML GETs of /graphql to GraphQL', async () => {
    const token = await server.token(ADMIN);
    const post = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email } }' }),
    });
    expect(await post.json()).toEqual({ data: { me: { email: ADMIN } } });
    const get = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { authorization: `Bearer ${token}`, 'apollo-require-preflight': 'true' },
    });
    expect(await get.json()).toEqual({ data: { me: { email: ADMIN } } });
    // and the server's CSRF rule for GETs without the preflight header is unchanged
    const csrf = await fetch(`${server.url}/graphql?query=${encodeURIComponent('{ me { email } }')}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(csrf.status).toBe(400);
    await csrf.arrayBuffer();
  });

  it("gives the server's own schema to signed-in callers only", async () => {
    const anonymous = await fetch(`${server.url}/explorer/schema.graphql`);
    expect(anonymous.status).toBe(401);
    expect(
      ((await anonymous.json()) as { errors: { extensions: { code: string } }[] }).errors[0]?.extensions.code,
    ).toBe('UNAUTHENTICATED');
    const signedIn = await fetch(`${server.url}/explorer/schema.graphql`, {
      headers: { authorization: `Bearer ${await server.token(JOHN)}` },
    });
    expect(signedIn.status).toBe(200);
    const sdl = await signedIn.text();
    expect(sdl).toContain('type Subscription {');
    expect(sdl).toContain('leaderboardChanged(');
  });

  it('is absent when EXPLORER is off: /explorer is 404 and GET /graphql is not the explorer', async () => {
    const page = await fetch(`${server.url}/explorer`);
    const asset = /src="(\/explorer\/assets\/[^"]+)"/.exec(await page.text())?.[1] ?? '';
    expect(asset).not.toBe('');
    for (const path of ['/explorer', '/explorer/', asset, '/explorer/schema.graphql']) {
      const response = await fetch(`${off.url}${path}`, {
        headers: { accept: BROWSER_ACCEPT, authorization: `Bearer ${await off.token(ADMIN)}` },
      });
      expect([path, response.status]).toEqual([path, 404]);
      await response.arrayBuffer();
    }
    const graphql = await fetch(`${off.url}/graphql`, { headers: { accept: BROWSER_ACCEPT } });
    const html = await graphql.text();
    expect(html).not.toContain('/explorer/');
    expect(graphql.headers.get('content-security-policy')).toBeNull();
  });

  describe.skipIf(!chromiumPath)('in Chromium', () => {
    beforeAll(async () => {
      browser = await launchBrowser();
    });

    it('signed in by the session: runs a query and a subscription that shows a pushed frame, all on this origin', async () => {
      if (!browser) throw new Error('no browser');
      const { context, page, errors } = await passwordSignedInPage(browser, server.url, JOHN, PASSWORD, {
        width: 1920,
        height: 1080,
      });
      const { foreign } = await watch(context);
      const john = await server.gql<{ me: { id: string; name: string } }>(JOHN, '{ me { id name } }');
      await openExplorer(page, `Session: ${john.me.name} (REP)`);

      // the schema came from the SDL route (INTROSPECTION is off): the documentation knows Query
      await page.getByRole('button', { name: /Show Documentation Explorer/ }).click();
      await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).first().waitFor();

      const clock = await server.gql<{ clock: { timeZone: string; today: string } }>(
        JOHN,
        '{ clock { timeZone today } }',
      );
      await page.getByRole('button', { name: /Show Examples/ }).click();
      await runExample(page, 'Clock', 'Clock');
      const answer = await waitResponse(page, clock.clock.timeZone);
      expect(answer).toContain(`"today": "${clock.clock.today}"`);

      await runExample(page, 'Live leaderboard', 'LeaderboardChanged');
      const first = await waitResponse(page, '"leaderboardChanged"');
      const version = Number(/"version": "(\d+)"/.exec(first)?.[1]);
      expect(version).toBeGreaterThan(0);
      // a sale through the API: the server pushes a new board version on the same socket
      await server.gql(
        ADMIN,
        'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
        {
          a: [
            {
              userId: john.me.id,
              kind: 'ORDER_WON',
              amount: '2500.00',
              occurredAt: new Date().toISOString(),
              externalId: `explorer-${Date.now()}`,
            },
          ],
        },
      );
      await page.waitForFunction(
        (before) => {
          const text = (document.querySelector('.graphiql-response')?.textContent ?? '').replace(
            /\u00a0/g,
            ' ',
          );
          const now = /"version": "(\d+)"/.exec(text)?.[1];
          return now !== undefined && Number(now) > before;
        },
        version,
        { timeout: 15_000 },
      );
      expect(await responseText(page)).toContain(john.me.name);
      await screenshot(page, 'explorer-subscription-1920x1080');

      expect(foreign).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(errors).toEqual([]);

      // the server's CSRF rule still holds for this page's cookie: a text/plain POST is refused
      // (last: the browser logs the 400)
      const plain = await page.evaluate(async () => {
        const response = await fetch('/graphql', {
          method: 'POST',
          headers: { 'content-type': 'text/plain' },
          body: JSON.stringify({ query: '{ me { email } }' }),
        });
        return response.status;
      });
      expect(plain).toBe(400);
      await context.close();
    }, 90_000);

    it('signed in by a pasted token: its requests carry it, the caller shows', async () => {
      if (!browser) throw new Error('no browser');
      const context = await browser.newContext({
        viewport: { width: 1280, height: 720 },
        baseURL: server.url,
      });
      const { foreign } = await watch(context);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      const authorizations: (string | undefined)[] = [];
      page.on('request', (request) => {
        if (request.method() === 'POST' && new URL(request.url()).pathname === '/graphql')
          authorizations.push(request.headers().authorization);
      });
      await openExplorer(page, 'Not signed in');

      const token = await server.token(ADMIN);
      await page.getByLabel('Bearer token').fill(token);
      await page.getByLabel('Bearer token').press('Enter');
      const admin = await server.gql<{ me: { name: string } }>(ADMIN, '{ me { name } }');
      await page
        .getByRole('status')
        .filter({ hasText: `Token: ${admin.me.name} (ADMIN)` })
        .waitFor();

      const teams = await server.gql<{ teamPerformance: { team: { name: string } }[] }>(
        ADMIN,
        '{ teamPerformance { team { name } } }',
      );
      await runExample(page, 'Team aggregates', 'TeamPerformance');
      const answer = await waitResponse(page, '"teamPerformance"');
      expect(answer).toContain(`"name": "${teams.teamPerformance[0]?.team.name}"`);
      expect(authorizations.at(-1)).toBe(`Bearer ${token}`);
      await screenshot(page, 'explorer-query-1280x720');

      expect(foreign).toEqual([]);
      expect(await cspViolations(page)).toEqual([]);
      expect(errors).toEqual([]);
      await context.close();
    }, 90_000);
  });
});
