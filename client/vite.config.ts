/**
 * Vite build of the web client. The server serves client/dist at / (api/http.ts), so `npm start`
 * builds it first when it is missing or stale (client/scripts/ensure-built.ts). In development,
 * `npm run dev:client` serves the client with hot reload and proxies /graphql (HTTP and WebSocket)
 * to the API on :4000.
 */
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const root = import.meta.dirname;

export default defineConfig({
  root,
  plugins: [react()],
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
