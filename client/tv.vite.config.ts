/**
 * Vite build of the TV page (tv.html, src/tv/main.tsx) into client/dist/tv-app, served by the API
 * at /tv (api/transport/http/static-client.ts). The same React components as in development and
 * in the unit tests, run on preact/compat: the whole page is about a third of what it was with
 * React's runtime (60 KB of React DOM alone), so an office TV on a slow network starts sooner
 * (BENCHMARKS.md, M7). A build of its own because the runtime is chosen per build (aliases); the
 * dashboard keeps React. The browser tests drive this build, so every TV behaviour they check is
 * checked on Preact. `npm run build` and `npm start` (scripts/ensure-built.ts) build it.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { define, domainAlias, precompress } from './vite.common.ts';

export default defineConfig({
  root: import.meta.dirname,
  base: '/tv-app/',
  define,
  plugins: [precompress()],
  resolve: {
    alias: [
      domainAlias,
      // exact names: 'react-dom/client' must not become 'preact/compat/client' via 'react-dom'
      { find: /^react$/, replacement: 'preact/compat' },
      { find: /^react-dom$/, replacement: 'preact/compat' },
      { find: /^react-dom\/client$/, replacement: 'preact/compat/client' },
      { find: /^react\/jsx-runtime$/, replacement: 'preact/jsx-runtime' },
      { find: /^react\/jsx-dev-runtime$/, replacement: 'preact/jsx-dev-runtime' },
    ],
  },
  build: {
    outDir: 'dist/tv-app',
    emptyOutDir: true,
    reportCompressedSize: true,
    // read by tests/browser/bundle.test.ts to hold the TV page to its size budget
    manifest: true,
    rolldownOptions: { input: fileURLToPath(new URL('tv.html', import.meta.url)) },
  },
});
