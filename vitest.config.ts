import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
/** The server's pure rules, which the web client imports as @domain/* (client/vite.config.ts). */
const domain = {
  find: /^@domain\//,
  replacement: `${fileURLToPath(new URL('./api/domain/', import.meta.url))}`,
};

export default defineConfig({
  test: {
    projects: [
      {
        // the server, its integration tests and the browser tests (tests/browser): Node
        extends: true,
        // one graphql instance for type-graphql (inlined below), Apollo and our code (STACK.md pitfall 2)
        resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }, domain] },
        test: {
          name: 'server',
          include: ['api/**/*.test.ts', 'tests/**/*.test.ts'],
          environment: 'node',
          // the database template, then the built client for the browser tests
          globalSetup: ['tests/support/global-setup.ts', 'tests/browser/global-setup.ts'],
          // one fast-check seed a run (PROPERTY_SEED, docs/development.md)
          setupFiles: ['tests/support/property-seed.ts'],
          // type-graphql must share the one graphql module instance with the app (STACK.md pitfall 2)
          server: { deps: { inline: [/type-graphql/] } },
          pool: 'forks',
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // the web client's components: a DOM (jsdom), no server
        plugins: [react()],
        resolve: { alias: [domain] },
        test: {
          name: 'client',
          include: ['client/**/*.test.{ts,tsx}'],
          environment: 'jsdom',
          setupFiles: ['client/src/test-setup.ts'],
        },
      },
    ],
  },
});
