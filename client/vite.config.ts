/**
 * Vite build of the web client. The server serves client/dist at / (api/http.ts), so `npm start`
 * builds it first when it is missing or stale (client/scripts/ensure-built.ts). In development,
 * `npm run dev:client` serves the client with hot reload and proxies /graphql (HTTP and WebSocket)
 * to the API on :4000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const root = import.meta.dirname;

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
            injectTo: 'head',
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

export default defineConfig({
  root,
  plugins: [react(), preloadScreen()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // The dashboard, the TV page and the charts are separate chunks (React.lazy); the entry holds
    // only React, Apollo and the router, so an office TV downloads no dashboard or chart code.
    chunkSizeWarningLimit: 600,
    reportCompressedSize: true,
    // read by tests/browser/bundle.test.ts to hold the TV page to its size budget
    manifest: true,
    rolldownOptions: {
      output: {
        // name the chunks both screens share instead of after whichever module came first
        codeSplitting: {
          groups: [
            {
              name: 'apollo',
              test: /node_modules[\\/](@apollo|@wry|graphql|graphql-ws|graphql-tag|optimism|rxjs|tslib)[\\/]/,
            },
            // (not the router: the entry needs nothing else before it knows which screen to load)
            { name: 'shared', test: /client[\\/]src[\\/](components|gql|lib[\\/](?!router))/ },
          ],
        },
      },
    },
  },
  server: {
    proxy: {
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: false },
      '/healthz': 'http://localhost:4000',
      '/demo': 'http://localhost:4000',
      '/export': 'http://localhost:4000',
    },
  },
});
