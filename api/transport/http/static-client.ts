/**
 * The web client at /: the built one (client/dist) when there is one, else the source index.html.
 * Vite names every asset after its content, so assets are kept by browsers for a year and the
 * pages are asked for each time; client-side routes get their page (/tv and below the TV page,
 * client/dist/tv-app/tv.html, a build of its own; the rest the dashboard's index.html), but only
 * extension-less paths outside the API's own prefixes, so a missing asset or API path is a 404.
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express from 'express';
import expressStaticGzip from 'express-static-gzip';

/** Mounted after every API route: its fallback would answer theirs. */
export function mountClient(app: express.Express): void {
  const clientDir = fileURLToPath(new URL('../../../client/', import.meta.url));
  const built = `${clientDir}dist`;
  if (existsSync(built)) {
    // Vite names every asset after its content: a file never changes under its name, so browsers
    // keep it for a year without asking again (a TV's reload, a dashboard's next visit); index.html
    // (below) is asked for each time (max-age=0 with its ETag) and names the current files. The
    // build wrote a brotli and a gzip copy of each script and stylesheet (client/vite.common.ts,
    // precompress): a browser that accepts one gets it (Vary: Accept-Encoding), others the file.
    for (const assets of ['/assets', '/tv-app/assets'])
      app.use(
        assets,
        expressStaticGzip(`${built}${assets}`, {
          enableBrotli: true,
          orderPreference: ['br', 'gzip'],
          index: false,
          serveStatic: { immutable: true, maxAge: '1y', index: false },
        }),
      );
    app.use(express.static(built));
    // the TV page: /tv, /tv/ and anything below (not /tvx)
    app.get(/^\/tv(?:\/[^.]*)?$/, (_req, res) => res.sendFile(`${built}/tv-app/tv.html`));
    // SPA fallback: the dashboard's routes (/goals, /contests, ... deep links and reloads) get its
    // index.html. Only extension-less paths outside the API's own prefixes, so a missing
    // /assets/x.js or /api/nothing is still a 404, not HTML.
    app.get(
      /^\/(?!(?:graphql|healthz|readyz|metrics|api|demo|import|export|auth|admin)(?:\/|$))[^.]*$/,
      (_req, res) => res.sendFile(`${built}/index.html`),
    );
  } else app.get('/', (_req, res) => res.sendFile(`${clientDir}index.html`));
}
