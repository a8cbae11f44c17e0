import { defineConfig } from 'drizzle-kit';

// Migrations are generated from schema/db and applied by the server at start (api/db/migrate.ts).
// Every SQL function's current body is in drizzle/functions/<name>.sql, edited there and applied
// after the migrations on every start; a hand-written migration (`npx drizzle-kit generate
// --custom`) is only for other schema changes: triggers, a new signature, a drop (docs/sql-functions.md).
export default defineConfig({
  dialect: 'postgresql',
  schema: './schema/db/index.ts',
  out: './drizzle',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres' },
});
