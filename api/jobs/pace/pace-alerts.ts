/**
 * Pace alerts: a goal BEHIND_PACE by more than PACE_ALERT_PERCENT % of its target raises
 * GOAL_BEHIND_PACE (webhooks, through the outbox) and a live event (subscription goalBehindPace),
 * at most once per goal per organisation day, and once more only after it was back on pace
 * (AHEAD or ON_PACE) in between (docs/goals-pace.md).
 *
 * Pace moves with time alone, so every process sweeps the goals running today (sweep(), each
 * minute), and evaluates a goal again when its value, target or period changes (goalsChanged(),
 * from the change log every process reads). Several processes judge the same goal: the database
 * decides. A row per goal (goal_pace_alerts) is claimed by one conditional upsert — not alerted
 * since its last recovery, no alert today — and only the transaction that claimed it writes the
 * outbox rows (webhooks, and the owner's mail: docs/notifications.md) and the live event, so an
 * alert is sent once whatever the number of replicas.
 * The clock is injectable (tests move it; nothing here sleeps on the calendar).
 */
import { and, eq, gte, inArray, lte, sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { goalPaceAlerts, goals } from '../../../schema/db/index.ts';
import type { OrgSettings } from '../../config.ts';
import { rows, type Database } from '../../db/client.ts';
import { goalPace, type Pace } from '../../domain/pace.ts';
import { localDate } from '../../domain/periods.ts';
import { batchedQueue } from '../batched-queue.ts';
import { enqueueMail } from '../notifications/outbox.ts';

/** How long goal changes are gathered before one evaluation (a burst of writes is one query). */
const BATCH_MS = 50;

export interface PaceClock {
  now: () => number;
}

export interface PaceAlerts {
  /** The instant pace is judged at (tests replace `now`). */
  readonly clock: PaceClock;
  /** Judges every goal whose period contains the organisation's today; resolves to the alerts sent. */
  sweep(): Promise<number>;
  /** These goals changed: judged again after a short batch. */
  goalsChanged(ids: readonly number[]): void;
  /** Resolves once the evaluations asked for so far have run. */
  settled(): Promise<void>;
  /** Stops evaluating; resolves when a running evaluation ended. */
  dispose(): Promise<void>;
}

export function createPaceAlerts(options: {
  db: Database;
  org: OrgSettings;
  logger: Logger;
  clock?: PaceClock;
}): PaceAlerts {
  const { db, org, logger } = options;
  const clock: PaceClock = options.clock ?? { now: () => Date.now() };
  // one evaluation at a time in a process; changed goals gathered for BATCH_MS
  const queue = batchedQueue(
    BATCH_MS,
    (ids) => evaluate(ids),
    (error) => logger.error({ err: error }, 'pace alerts: evaluating changed goals failed'),
  );

  async function evaluate(ids: number[] | null): Promise<number> {
    const now = new Date(clock.now());
    const today = localDate(now, org.timeZone);
    const basis = org.paceWorkingDays ? 'WORKING_DAYS' : 'CALENDAR_DAYS';
    const running = await db
      .select({
        id: goals.id,
        metric: goals.metric,
        periodType: goals.periodType,
        periodStart: goals.periodStart,
        targetValue: goals.targetValue,
        currentValue: goals.currentValue,
        alerted: goalPaceAlerts.alerted,
        alertDay: goalPaceAlerts.alertDay,
      })
      .from(goals)
      .leftJoin(goalPaceAlerts, eq(goalPaceAlerts.goalId, goals.id))
      .where(
        and(
          lte(goals.periodStart, today),
          gte(goals.periodEnd, today),
          ids === null ? undefined : inArray(goals.id, ids),
        ),
      );
    let sent = 0;
    for (const goal of running) {
      const pace = goalPace(
        { ...goal, targetValue: Number(goal.targetValue), currentValue: Number(goal.currentValue) },
        { now, timeZone: org.timeZone, basis },
        org.paceAlertPercent,
      );
      try {
        if (pace.alerting && !goal.alerted && (goal.alertDay === null || goal.alertDay < today)) {
          if (await alert(goal.id, pace, today)) sent += 1;
        } else if (pace.state !== 'BEHIND_PACE' && goal.alerted) {
          // back on pace: the next fall behind may alert again (from the next day on)
          await db
            .update(goalPaceAlerts)
            .set({ alerted: false, updatedAt: sql`now()` })
            .where(and(eq(goalPaceAlerts.goalId, goal.id), eq(goalPaceAlerts.alerted, true)));
        }
      } catch (error) {
        // one goal (deleted meanwhile, say) does not hold up the others; the next sweep tries again
        logger.error({ err: error, goalId: goal.id }, 'pace alerts: judging a goal failed');
      }
    }
    return sent;
  }

  /** Claims today's alert for the goal; only the claiming transaction enqueues and emits. */
  function alert(goalId: number, pace: Pace, today: string): Promise<boolean> {
    return db.transaction(async (tx) => {
      const claimed = await tx
        .insert(goalPaceAlerts)
        .values({ goalId, alerted: true, alertDay: today, alerts: 1, updatedAt: sql`now()` })
        .onConflictDoUpdate({
          target: goalPaceAlerts.goalId,
          set: {
            alerted: true,
            alertDay: today,
            alerts: sql`${goalPaceAlerts.alerts} + 1`,
            updatedAt: sql`now()`,
          },
          setWhere: sql`not ${goalPaceAlerts.alerted} and (${goalPaceAlerts.alertDay} is null or ${goalPaceAlerts.alertDay} < ${today})`,
        })
        .returning({ goalId: goalPaceAlerts.goalId });
      if (claimed.length === 0) return false; // another process (or an earlier run) sent it
      const pacePayload = JSON.stringify({
        state: pace.state,
        expected_value: pace.expectedValue.toFixed(2),
        gap: pace.gap.toFixed(2),
        required_rate: pace.requiredRate === null ? null : pace.requiredRate.toFixed(2),
        days_left: pace.daysLeft,
        basis: pace.basis,
        elapsed_percent: pace.elapsedPercent,
        alert_percent: org.paceAlertPercent,
        day: today,
      });
      await rows(
        tx,
        sql`insert into webhook_outbox (webhook_id, event, idempotency_key, payload)
          select w.id, 'GOAL_BEHIND_PACE'::webhook_event, 'goal:' || g.id || ':pace:' || ${today},
            jsonb_build_object('goal', jsonb_build_object(
              'id', g.id, 'user_id', g.user_id, 'user_name', u.name, 'team_id', g.team_id, 'team_name', t.name,
              'metric', g.metric, 'period_type', g.period_type, 'period_start', g.period_start,
              'period_end', g.period_end, 'target_value', g.target_value, 'current_value', g.current_value,
              'achievement_percentage', g.achievement_percentage, 'status', g.status,
              'description', g.description, 'version', g.version),
              'pace', ${pacePayload}::jsonb)
          from goals g
          join webhooks w on 'GOAL_BEHIND_PACE'::webhook_event = any (w.events)
          left join users u on u.id = g.user_id
          left join teams t on t.id = g.team_id
          where g.id = ${goalId}
          order by w.id
          on conflict (webhook_id, idempotency_key) do nothing`,
      );
      await enqueueMail(
        tx,
        {
          kind: 'GOAL_BEHIND_PACE',
          key: `pace:${goalId}:${today}`,
          payload: sql`(select jsonb_build_object('goal', jsonb_build_object('id', g.id, 'metric', g.metric,
            'period_type', g.period_type, 'period_start', g.period_start, 'period_end', g.period_end,
            'target_value', g.target_value, 'current_value', g.current_value,
            'achievement_percentage', g.achievement_percentage, 'description', g.description),
            'pace', ${pacePayload}::jsonb) from goals g where g.id = ${goalId})`,
        },
        sql`select user_id from goals where id = ${goalId}`,
      );
      await rows(tx, sql`select live_emit(${JSON.stringify({ t: 'pace', ids: [goalId] })})`);
      return true;
    });
  }

  return {
    clock,
    sweep: () => (queue.disposed ? Promise.resolve(0) : queue.run(() => evaluate(null))),
    goalsChanged: (ids) => queue.add(ids),
    settled: () => queue.settled(),
    dispose: () => queue.dispose(),
  };
}
