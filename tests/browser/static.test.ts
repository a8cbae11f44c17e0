/**
 * How the server hands out the built client (api/transport/http/static-client.ts): content-named assets are kept by the
 * browser for a year without asking again, the page itself is asked for every time, and deep links
 * get the page (the client routes them) while a missing asset is a 404, not HTML.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server?.close());

describe('the built client over HTTP', () => {
  it('lets browsers keep assets, named after their content, and asks again for the page', async () => {
    const page = await fetch(`${server.url}/tv`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('public, max-age=0');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
  });

  it('serves the page for deep links and 404 for a missing asset', async () => {
    const deep = await fetch(`${server.url}/goals`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<div id="root">');
    const missing = await fetch(`${server.url}/assets/nothing-here.js`);
    expect(missing.status).toBe(404);
    await missing.arrayBuffer();
  });
});
