/**
 * Vite build of the web client. The server serves client/dist at / (api/transport/http/server.ts), so `npm start`
 * builds it first when it is missing or stale (client/scripts/ensure-built.ts). In development,
 * `npm run dev:client` serves the client with hot reload and proxies /graphql (HTTP and WebSocket),
 * /auth, /demo and /export to the API on :4000.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;
const repo = fileURLToPath(new URL('..', import.meta.url));
const DOMAIN = fileURLToPath(new URL('../api/domain', import.meta.url));
/** The version a paired TV reports in connection_init (the Screens page shows it). */
const VERSION = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string }
).version;

/** The lazily loaded screens, by the paths that show them (main.tsx picks the same way). */
const SCREENS = [
  { entry: /src[\\/]tv[\\/]TvApp\.tsx$/, paths: '^/tv(/|$)' },
  { entry: /src[\\/]dashboard[\\/]DashboardApp\.tsx$/, paths: '' },
];

/**
 * Fetches the screen's chunk with the entry instead of after it. React.lazy asks for the TV (or
 * dashboard) chunk only once the entry has run, a second round of requests after
 * DOMContentLoaded (40-60 ms of a cold TV load in BENCHMARKS.md, M7). An inline script in <head>
 * adds `modulepreload` links for the chunks (and stylesheets) of the screen the path shows; Vite's
 * own preload then finds them already there.
 */
function preloadScreen(): Plugin {
  return {
    name: 'pulse-preload-screen',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler(_html, ctx) {
        const bundle = ctx.bundle;
        if (!bundle) return undefined;
        const chunks = Object.values(bundle).flatMap((o) => (o.type === 'chunk' ? [o] : []));
        const byFile = new Map(chunks.map((c) => [c.fileName, c]));
        // what the entry loads anyway (Vite links it already)
        const loaded = new Set<string>();
        const visit = (file: string, js: Set<string>, css: Set<string>) => {
          const chunk = byFile.get(file);
          if (!chunk || js.has(file) || loaded.has(file)) return;
          js.add(file);
          for (const f of chunk.viteMetadata?.importedCss ?? []) css.add(f);
          for (const f of chunk.imports) visit(f, js, css);
        };
        const entryCss = new Set<string>();
        for (const c of chunks) if (c.isEntry) visit(c.fileName, loaded, entryCss);
        const screens = SCREENS.map(({ entry, paths }) => {
          const start = chunks.find((c) => c.facadeModuleId && entry.test(c.facadeModuleId));
          const js = new Set<string>();
          const css = new Set<string>();
          if (start) visit(start.fileName, js, css);
          for (const f of entryCss) css.delete(f);
          return { paths, js: [...js].map((f) => `/${f}`), css: [...css].map((f) => `/${f}`) };
        });
        if (screens.some((s) => s.js.length === 0)) return undefined;
        return [
          {
            tag: 'script',
            injectTo: 'head-prepend',
            children:
              `(()=>{const s=${JSON.stringify(screens)}.find((x)=>new RegExp(x.paths).test(location.pathname));` +
              `const add=(rel,href)=>{const l=document.createElement('link');l.rel=rel;l.href=href;` +
              `l.crossOrigin='';document.head.appendChild(l)};` +
              `s.js.forEach((h)=>add('modulepreload',h));s.css.forEach((h)=>add('stylesheet',h))})()`,
          },
        ];
      },
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
  root,
  plugins: [react(), loadingScreen(), preloadScreen()],
  define: { 'import.meta.env.VITE_PULSE_VERSION': JSON.stringify(VERSION) },
  // the server's pure rules (goal status, goal values), imported rather than copied
  resolve: { alias: { '@domain': DOMAIN } },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The dashboard, the TV page and the charts are separate chunks (React.lazy); the entry holds
    // only React and the router, so an office TV downloads no dashboard, Apollo or chart code.
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
    // read by tests/browser/bundle.test.ts to hold the TV page to its size budget
    manifest: true,
    rolldownOptions: {
      output: {
        // name the chunks the screens share instead of after whichever module came first
        codeSplitting: {
          groups: [
            // React, then what both screens share, then the dashboard's: each group takes its
            // modules' dependencies along, so a later one must not reach what an earlier one holds
            // (Apollo's group would carry React and the socket, and the entry and the TV with them)
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 3 },
            // both screens': components, helpers and the graphql-ws socket (not the router: the
            // entry needs nothing else before it knows which screen to load)
            {
              name: 'shared',
              test: /node_modules[\\/]graphql-ws[\\/]|client[\\/]src[\\/](components|lib[\\/](?!router|apollo|errors))/,
              priority: 2,
            },
            // the dashboard's: Apollo Client, graphql-js and the app's typed documents (the TV page
            // has its own small client, tv/live.ts, and loads none of this)
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
