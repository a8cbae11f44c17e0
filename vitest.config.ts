import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  // one graphql instance for type-graphql (inlined below), Apollo and our code (STACK.md pitfall 2)
  resolve: { alias: [{ find: /^graphql$/, replacement: require.resolve('graphql') }] },
  test: {
    include: ['api/**/*.test.ts', 'tests/**/*.test.ts'],
    globalSetup: ['tests/support/global-setup.ts'],
    // type-graphql must share the one graphql module instance with the app (STACK.md pitfall 2)
    server: { deps: { inline: [/type-graphql/] } },
    pool: 'forks',
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
