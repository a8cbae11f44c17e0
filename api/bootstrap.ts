/**
 * What happens to the database at start, after migrations: the organisation's settings follow the
 * configuration, demo data on a first start, and an admin exists. Runs under an advisory lock so
 * that instances starting together do not seed twice.
 */
import { eq, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { activities, settings, users } from '../schema/db/index.ts';
import { createOrgSettings, type Config, type OrgSettings, type OrgValues } from './config.ts';
import { rows, type Database, type Queryable } from './db/client.ts';

const BOOTSTRAP_LOCK_KEY = 7_263_531_002;

/** The stored time zone, currency and pace basis (row 1), undefined before the first start wrote them. */
export async function readOrgValues(db: Queryable): Promise<OrgValues | undefined> {
  const [stored] = await db
    .select({
      timeZone: settings.timeZone,
      currency: settings.currency,
      paceWorkingDays: settings.paceWorkingDays,
    })
    .from(settings)
    .where(eq(settings.id, 1));
  return stored;
}

export async function bootstrapDatabase(
  db: Database,
  config: Config,
  logger: Logger,
  now = new Date(),
): Promise<OrgSettings> {
  return db.transaction(async (tx) => {
    await rows(tx, sql`select pg_advisory_xact_lock(${BOOTSTRAP_LOCK_KEY})`);
    const [stored] = await tx.select().from(settings).where(eq(settings.id, 1));
    const timeZone = config.timeZone ?? stored?.timeZone ?? 'UTC';
    const currency = config.currency ?? stored?.currency ?? 'USD';
    if (stored?.timeZone !== timeZone || stored.currency !== currency) {
      await tx
        .insert(settings)
        .values({ id: 1, timeZone, currency })
        .onConflictDoUpdate({ target: settings.id, set: { timeZone, currency, updatedAt: now } });
      if (stored && stored.timeZone !== timeZone) {
        const [any] = await tx.select({ id: activities.id }).from(activities).limit(1);
        if (any) {
          logger.warn(
            { from: stored.timeZone, to: timeZone },
            'time zone changed: rebuilding rollups from activities',
          );
          await rows(tx, sql`select rebuild_rollups()`);
        }
      }
    }
    if (config.seedDemo) {
      const [someone] = await tx.select({ id: users.id }).from(users).limit(1);
      if (!someone) {
        const started = Date.now();
        // loaded only when needed: most starts never seed
        const { seedDemo } = await import('./seed/demo.ts');
        const summary = await seedDemo(tx, { now, timeZone });
        logger.info({ ...summary, ms: Date.now() - started }, 'seeded demo data');
      }
    }
    const created = await rows<{ email: string }>(
      tx,
      sql`insert into users (name, email, role)
          select 'Administrator', ${config.adminEmail}, 'ADMIN'
          where not exists (select 1 from users where role = 'ADMIN' and active)
          on conflict (email) do update set role = 'ADMIN', active = true
          returning email`,
    );
    if (created.length) logger.info({ email: config.adminEmail }, 'created admin user');
    return createOrgSettings({ timeZone, currency, paceWorkingDays: stored?.paceWorkingDays }, config);
  });
}
