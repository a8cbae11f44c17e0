/**
 * With DATABASE_URL set, tests run on that Postgres server: this creates a migrated template
 * database for the run (each test file then copies it: CREATE DATABASE ... TEMPLATE, cheap) and
 * drops everything the run created at the end. Without DATABASE_URL, tests use in-memory PGlite.
 */
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../../api/db/client.ts';
import { migrateDatabase } from '../../api/db/migrate.ts';
import { databaseUrlFor } from './databases.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    templateDatabase: string | null;
    runId: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const base = process.env.DATABASE_URL;
  const runId = `${process.pid}_${Date.now().toString(36)}`;
  project.provide('runId', runId);
  if (!base) {
    project.provide('templateDatabase', null);
    return async () => {};
  }
  const template = `pulse_test_${runId}_template`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  const handle = await openDatabase({ databaseUrl: databaseUrlFor(base, template), poolSize: 1 });
  await migrateDatabase(handle, databaseUrlFor(base, template));
  await handle.close();
  project.provide('templateDatabase', template);
  return async () => {
    const leftovers = await admin<{ datname: string }[]>`
      select datname from pg_database where datname like ${`pulse_test_${runId}_%`}`;
    for (const { datname } of leftovers) {
      await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    }
    await admin.end();
  };
}
