/**
 * How the server hands out the built client (api/transport/http/static-client.ts): content-named assets are kept by the
 * browser for a year without asking again, the pages are asked for every time, and deep links
 * get their page (the TV's below /tv, the dashboard's elsewhere) while a missing asset is a 404.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server?.close());

describe('the built client over HTTP', () => {
  it.each([
    ['/tv', '/tv-app/assets/'],
    ['/', '/assets/'],
  ])('lets browsers keep assets, named after their content, and asks again for %s', async (path, prefix) => {
    const page = await fetch(`${server.url}${path}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(page.headers.get('cache-control')).toBe('public, max-age=0');
    const html = await page.text();
    const assets = [...html.matchAll(/(?:src|href)="(\/[^"]+\.(?:js|css))"/g)].map((m) => m[1] ?? '');
    expect(assets.length).toBeGreaterThan(0);
    for (const asset of assets) {
      expect(asset.startsWith(prefix)).toBe(true);
      const response = await fetch(`${server.url}${asset}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
      await response.arrayBuffer();
    }
  });

  it('sends each script and stylesheet compressed to browsers that accept it, as it is to others', async () => {
    const html = await (await fetch(`${server.url}/tv`)).text();
    const [script] = [...html.matchAll(/src="(\/tv-app\/assets\/[^"]+\.js)"/g)].map((m) => m[1] ?? '');
    const [style] = [...html.matchAll(/href="(\/tv-app\/assets\/[^"]+\.css)"/g)].map((m) => m[1] ?? '');
    for (const asset of [script, style]) {
      expect(asset).toBeDefined();
      // undici's fetch decodes a Content-Encoding itself: the text is compared, the sizes counted
      const get = async (encoding: string) => {
        const response = await fetch(`${server.url}${asset}`, { headers: { 'accept-encoding': encoding } });
        expect(response.status).toBe(200);
        expect(response.headers.get('vary')).toMatch(/accept-encoding/i);
        expect(response.headers.get('content-type')).toMatch(
          asset?.endsWith('.js') ? /javascript/ : /text\/css/,
        );
        expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        const length = Number(response.headers.get('content-length'));
        return { encoding: response.headers.get('content-encoding'), length, text: await response.text() };
      };
      const plain = await get('identity');
      const br = await get('gzip, deflate, br');
      const gz = await get('gzip');
      expect(plain.encoding).toBeNull();
      expect(br.encoding).toBe('br');
      expect(gz.encoding).toBe('gzip');
      expect(br.text).toBe(plain.text);
      expect(gz.text).toBe(plain.text);
      expect(plain.length).toBe(Buffer.byteLength(plain.text));
      expect(br.length).toBeLessThan(plain.length / 2);
      expect(gz.length).toBeLessThan(plain.length / 2);
    }
  });

  it('serves each page for its deep links and 404 for a missing asset', async () => {
    const titleOf = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      expect(response.status).toBe(200);
      const html = await response.text();
      expect(html).toContain('<div id="root">');
      return /<title>([^<]*)<\/title>/.exec(html)?.[1];
    };
    for (const path of ['/tv', '/tv/', '/tv/lobby', '/tv?token=x'])
      expect(await titleOf(path)).toBe('Pulse TV');
    for (const path of ['/goals', '/contests', '/tvx']) expect(await titleOf(path)).toBe('Pulse');
    for (const path of ['/assets/nothing-here.js', '/tv-app/assets/nothing-here.js']) {
      const missing = await fetch(`${server.url}${path}`);
      expect(missing.status).toBe(404);
      await missing.arrayBuffer();
    }
  });
});
