/** Drops the bench database (the runner's last step unless --keep). */
import pg from 'pg';
import { DB_NAME, PG_ADMIN_URL, log, runMain } from './common.mjs';

runMain(async () => {
  const client = new pg.Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  await client.query(`drop database if exists "${DB_NAME}" with (force)`);
  await client.end();
  log(`dropped ${DB_NAME}`);
});
