import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { configDefaults, defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);
/** The server's pure rules, which the web client imports as @domain/* (client/vite.config.ts). */
const domain = {
  find: /^@domain\//,
  replacement: `${fileURLToPath(new URL('./api/domain/', import.meta.url))}`,
};

/**
 * PULSE_TEST_NO_BROWSER=1: the suite without tests/browser (CI runs the browser files once, on
 * Postgres, and the rest again on PGlite beside it: docs/development.md#ci).
 */
const noBrowser = process.env.PULSE_TEST_NO_BROWSER === '1';

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
          exclude: [...configDefaults.exclude, ...(noBrowser ? ['tests/browser/**'] : [])],
          environment: 'node',
          // the database template, then the built client for the browser tests
          globalSetup: [
            'tests/support/global-setup.ts',
            ...(noBrowser ? [] : ['tests/browser/global-setup.ts']),
          ],
          // one fast-check seed a run (PROPERTY_SEED, docs/development.md)
          setupFiles: ['tests/support/property-seed.ts'],
          // type-graphql must share the one graphql module instance with the app (STACK.md pitfall 2)
          server: { deps: { inline: [/type-graphql/] } },
          pool: 'forks',
          // bounds on a failure, not waits: a test that starts a server of its own (a PGlite boot and
          // its migrations) takes a minute under CI's load (two suites, or two pinned days, at once)
          testTimeout: 60_000,
          hookTimeout: 90_000,
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
