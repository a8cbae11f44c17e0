/**
 * Vite build of the API explorer page (explorer.html: GraphiQL, Monaco and Monaco's workers) into
 * client/dist/explorer, served by the API at /explorer (api/transport/http/explorer.ts). A build of
 * its own rather than a second input of vite.config.ts: the groups there put every graphql module
 * any page uses into the dashboard's Apollo chunk, so GraphiQL's would have grown the dashboard;
 * separate, the dashboard and TV bundles stay byte for byte what they were. Every asset is
 * bundled (nothing from a CDN), named after its content, and addressed under /explorer/assets.
 * `npm run build` and `npm start` (scripts/ensure-built.ts) build it after the client.
 */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export default defineConfig({
  root: import.meta.dirname,
  base: '/explorer/',
  plugins: [react()],
  build: {
    outDir: 'dist/explorer',
    emptyOutDir: true,
    // Monaco alone is over 2 MB (minified): this page is a developer's tool, loaded on demand
    chunkSizeWarningLimit: 5000,
    reportCompressedSize: false,
    rolldownOptions: {
      input: fileURLToPath(new URL('explorer.html', import.meta.url)),
      // GraphiQL's React Compiler output marks modules "use no memo", which bundling drops (harmless)
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
  },
});
