/**
 * WEEKLY_DIGEST mails: once a week, each MANAGER and ADMIN who turned the digest on gets one mail
 * about the last complete week (Monday to Sunday in the organisation's time zone) of their teams
 * (a manager: the teams they manage and their own, as permissions scope them; an admin: every team):
 * digest-data.ts says what it contains. A week's digest is due from Monday SEND_HOUR:00 of the next
 * week (organisation time) until that week ends; before that hour on a Monday nothing is due, and
 * an older week is never sent late.
 *
 * Every process with SMTP runs check() at start and every NOTIFY_DIGEST_CHECK_MS. It is cheap when
 * nothing is due: one statement lists the people who want a digest and have no outbox row with the
 * key digest:<week start> yet. Only then are the figures read (committed ones, as the API answers
 * them) and the rows inserted, in one statement, ON CONFLICT DO NOTHING on (user_id, dedupe_key):
 * two processes checking at once, or a restart, enqueue each digest once, and the worker sends it
 * once (outbox.ts). Nothing is enqueued while mail is off. The clock is injectable (tests move it).
 */
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { OrgSettings } from '../../config.ts';
import { rows, type Database } from '../../db/client.ts';
import { addPeriods, localDate, periodEnd, periodStart } from '../../domain/periods.ts';
import { startOfLocalDay, zoneOffsetMs } from '../../domain/zoned-time.ts';
import { readDigestTeams, type DigestPayload } from './digest-data.ts';
import { DIGEST_ROLES } from './kinds.ts';
import { mailEnabled } from './outbox.ts';

/** The hour (organisation time) on Monday from which last week's digest is due. */
export const SEND_HOUR = 7;

export interface DigestWeek {
  weekStart: string;
  weekEnd: string;
  /** When its digest became due: the next Monday at SEND_HOUR, organisation time. */
  dueAt: Date;
}

/** `hour`:00 on `date` in `timeZone` (the wall time, also on a day whose offset changes before it). */
export function wallTime(date: string, hour: number, timeZone: string): Date {
  const midnight = startOfLocalDay(date, timeZone).getTime();
  const guess = midnight + hour * 3_600_000;
  return new Date(guess - (zoneOffsetMs(guess, timeZone) - zoneOffsetMs(midnight, timeZone)));
}

/** The week whose digest is due at `now`, or null (Monday before SEND_HOUR). */
export function dueWeek(now: Date, timeZone: string): DigestWeek | null {
  const thisWeek = periodStart('WEEKLY', localDate(now, timeZone));
  const dueAt = wallTime(thisWeek, SEND_HOUR, timeZone);
  if (now.getTime() < dueAt.getTime()) return null;
  const weekStart = addPeriods('WEEKLY', thisWeek, -1);
  return { weekStart, weekEnd: periodEnd('WEEKLY', weekStart), dueAt };
}

const ROLES_IN = sql.join(
  DIGEST_ROLES.map((role) => sql`${role}`),
  sql`, `,
);

export const digestKey = (weekStart: string): string => `digest:${weekStart}`;

export interface WeeklyDigest {
  /** The instant the due week is judged at (tests replace `now`). */
  readonly clock: { now: () => number };
  /** Enqueues the due week's digests not enqueued yet; resolves to how many it enqueued. */
  check(): Promise<number>;
  /** Checks now, then every `intervalMs`. */
  start(): void;
  /** Stops the timer; resolves when a running check ended. */
  dispose(): Promise<void>;
}

interface Recipient {
  id: number;
  role: string;
  team_id: number | null;
  managed: number[] | null;
}

export function createWeeklyDigest(options: {
  db: Database;
  org: Pick<OrgSettings, 'timeZone'>;
  logger: Logger;
  intervalMs: number;
  clock?: { now: () => number };
}): WeeklyDigest {
  const { db, org, logger, intervalMs } = options;
  const clock = options.clock ?? { now: () => Date.now() };
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  async function run(): Promise<number> {
    if (disposed || !(await mailEnabled(db))) return 0;
    const week = dueWeek(new Date(clock.now()), org.timeZone);
    if (!week) return 0;
    const key = digestKey(week.weekStart);
    const recipients = await rows<Recipient>(
      db,
      sql`select u.id, u.role, u.team_id, array(select t.id from teams t where t.manager_id = u.id) as managed
          from users u left join notification_settings s on s.user_id = u.id
          where u.active and u.kind = 'person' and u.role in (${ROLES_IN}) and coalesce(s.weekly_digest, false)
            and not exists (select 1 from mail_outbox m where m.user_id = u.id and m.dedupe_key = ${key})
          order by u.id`,
    );
    if (recipients.length === 0) return 0;
    const everyTeam = recipients.some((r) => r.role === 'ADMIN')
      ? (await rows<{ id: number }>(db, sql`select id from teams`)).map((t) => t.id)
      : [];
    const scopes = new Map<number, Set<number>>();
    for (const r of recipients) {
      const teams =
        r.role === 'ADMIN'
          ? everyTeam
          : [...(r.managed ?? []).map(Number), ...(r.team_id === null ? [] : [r.team_id])];
      if (teams.length > 0) scopes.set(r.id, new Set(teams));
    }
    if (scopes.size === 0) return 0; // managers of no team: nothing to tell
    const all = [...new Set([...scopes.values()].flatMap((s) => [...s]))];
    const data = await readDigestTeams(db, all, week.weekStart, org.timeZone);
    const digests = [...scopes].map(([userId, scope]) => ({
      user_id: userId,
      payload: {
        week_start: week.weekStart,
        week_end: week.weekEnd,
        teams: [...data.values()].filter((t) => scope.has(t.team_id)),
      } satisfies DigestPayload,
    }));
    // the choice, the role and the switch are checked again in the insert itself
    const inserted = await rows<{ user_id: number }>(
      db,
      sql`insert into mail_outbox (user_id, kind, dedupe_key, payload)
          select u.id, 'WEEKLY_DIGEST', ${key}, v.payload
          from jsonb_to_recordset(${JSON.stringify(digests)}::jsonb) as v(user_id int, payload jsonb)
          join users u on u.id = v.user_id
          left join notification_settings s on s.user_id = u.id
          where u.active and u.kind = 'person' and u.role in (${ROLES_IN}) and coalesce(s.weekly_digest, false)
            and exists (select 1 from notification_state where mail_enabled)
          order by u.id
          on conflict (user_id, dedupe_key) do nothing
          returning user_id`,
    );
    if (inserted.length > 0)
      logger.info({ week: week.weekStart, digests: inserted.length }, 'notifications: weekly digests queued');
    return inserted.length;
  }

  const check = (): Promise<number> => {
    const next = chain.then(run);
    chain = next.catch(() => {});
    return next;
  };
  const checkLogged = () => {
    check().catch((error: unknown) =>
      logger.error({ err: error }, 'notifications: weekly digest check failed'),
    );
  };

  return {
    clock,
    check,
    start() {
      checkLogged();
      timer = setInterval(checkLogged, intervalMs);
      timer.unref();
    },
    async dispose() {
      disposed = true;
      clearInterval(timer);
      await chain;
    },
  };
}
