/**
 * Vite build of the web client's dashboard. The server serves client/dist at / (api/transport/http/static-client.ts),
 * so `npm start` builds it first when it is missing or stale (client/scripts/ensure-built.ts);
 * the TV page (tv.vite.config.ts) and the API explorer are builds of their own. In development,
 * `npm run dev:client` serves the client with hot reload and proxies /graphql (HTTP and WebSocket),
 * /auth, /demo and /export to the API on :4000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';
import { define, domainAlias, precompress, repo } from './vite.common.ts';

/**
 * In development the TV page (tv.html) is served at /tv and below, as the API serves the built
 * one; on React here, on preact/compat in the build (tv.vite.config.ts).
 */
function tvPageInDevelopment(): Plugin {
  return {
    name: 'pulse-tv-page',
    apply: 'serve',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        const url = req.url ?? '';
        if (/^\/tv(\/[^.?]*)?(\?|$)/.test(url)) req.url = `/tv.html${url.slice(url.search(/\?|$/))}`;
        next();
      });
    },
  };
}

/**
 * The built page shows "Loading…" until the first screen renders. index.html's own content of #root
 * says the client is not built (the server serves that file only then); left in the build, it
 * flashed on every load while the scripts came in.
 */
function loadingScreen(): Plugin {
  return {
    name: 'pulse-loading-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      handler(html) {
        const root = /(<div id="root">)[\s\S]*?(<\/div>\s*<script type="module")/;
        if (!root.test(html)) throw new Error('index.html: #root followed by the module script not found');
        return html.replace(root, '$1<p class="loading-screen">Loading…</p>$2');
      },
    },
  };
}

export default defineConfig({
  root: import.meta.dirname,
  plugins: [react(), loadingScreen(), tvPageInDevelopment(), precompress()],
  define,
  // the server's pure rules (goal status, goal values), imported rather than copied
  resolve: { alias: [domainAlias] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The charts are a chunk of their own (React.lazy: the Trends tab). The TV page is a build of
    // its own (tv.vite.config.ts), so nothing here is shared with it.
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
    // read by tests/browser/bundle.test.ts
    manifest: true,
    rolldownOptions: {
      output: {
        // the libraries apart from the app's code, which changes more often: a new release of
        // Pulse leaves a browser's cached React and Apollo in place
        codeSplitting: {
          groups: [
            // each group takes its modules' dependencies along, so a later one must not reach
            // what an earlier one holds (Apollo's group would carry React with it)
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 2 },
            // Apollo Client, graphql-js and the app's typed documents
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|@wry|graphql|graphql-tag|optimism|rxjs|tslib)[\\/]|client[\\/]src[\\/](gql[\\/]|lib[\\/](apollo|errors)\.ts)/,
              priority: 1,
            },
          ],
        },
      },
    },
  },
  // the pages this server shows: the optimizer would otherwise scan explorer.html too, whose
  // Monaco workers (?worker imports) only explorer.vite.config.ts's build can load
  optimizeDeps: { entries: ['index.html', 'tv.html'] },
  server: {
    // @domain lives beside the client, in api/domain (and imports schema/db/constants.ts)
    fs: { allow: [repo] },
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: false },
      '/healthz': 'http://localhost:4000',
      // sign-in and sign-out: the session cookie is set for localhost, whatever the port
      '/auth': 'http://localhost:4000',
      // the API's demo sign-in answers only requests naming it (Host localhost:4000, Origin
      // http://localhost:4000: api/transport/demo-sign-in.ts); Vite itself refuses Hosts outside server.allowedHosts
      '/demo': {
        target: 'http://localhost:4000',
        changeOrigin: true,
        configure: (proxy) =>
          proxy.on('proxyReq', (request) => {
            if (request.getHeader('origin') !== undefined)
              request.setHeader('origin', 'http://localhost:4000');
          }),
      },
      '/export': 'http://localhost:4000',
    },
  },
});
