import { defineConfig } from 'drizzle-kit';

// Migrations are generated from schema/db and applied by the server at start (api/db/migrate.ts).
// Hand-written SQL (functions, triggers) lives beside them: `npx drizzle-kit generate --custom`.
export default defineConfig({
  dialect: 'postgresql',
  schema: './schema/db/index.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
});
