/**
 * The server's periodic housekeeping, on timers that never keep the process alive (unref): goals
 * whose period ended are closed by the database (refresh_goal_statuses) and the pace alerts swept,
 * once at start and then every minute; ended sessions and stale sign-in failure counts deleted
 * hourly, not per request. A failed round is logged and the next one runs as planned.
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { rows, type Database } from './db/client.ts';
import type { PaceAlerts } from './jobs/pace/pace-alerts.ts';
import type { AuthService } from './modules/auth/service.ts';

/** Goals whose period ended are closed (MISSED) by the database; this asks it to look every minute. */
const GOAL_SWEEP_MS = 60_000;
/** Ended sessions and stale sign-in failure counts are deleted this often (auth/service.ts prune). */
const AUTH_PRUNE_MS = 3_600_000;

/** Sweeps once (awaited), then starts both timers; `dispose` clears them. */
export async function startMaintenance(deps: {
  db: Database;
  paceAlerts: Pick<PaceAlerts, 'sweep'>;
  auth: Pick<AuthService, 'prune'>;
  logger: Logger;
}): Promise<{ dispose(): void }> {
  const { db, paceAlerts, auth, logger } = deps;
  const sweep = async () => {
    try {
      await rows(db, sql`select refresh_goal_statuses()`);
    } catch (error) {
      logger.error({ err: error }, 'goal status sweep failed');
    }
    try {
      await paceAlerts.sweep();
    } catch (error) {
      logger.error({ err: error }, 'pace alert sweep failed');
    }
  };
  await sweep();
  const sweeper = setInterval(() => void sweep(), GOAL_SWEEP_MS);
  sweeper.unref();

  // ended sessions and old sign-in failure counts are deleted hourly, not per request
  const prune = setInterval(() => {
    auth.prune().catch((error: unknown) => logger.error({ err: error }, 'sign-in pruning failed'));
  }, AUTH_PRUNE_MS);
  prune.unref();
  return {
    // as the stop stack did: the prune timer first, then the sweep's
    dispose: () => {
      clearInterval(prune);
      clearInterval(sweeper);
    },
  };
}
