/**
 * Twelve months of generated sales activity (up to `now`, never after it) plus John Smith's
 * scripted current month, which reproduces the original spec's sample exactly: 15 leads,
 * 10 opportunities, 3 orders worth 15,000.00 and 3 lost opportunities. John's earlier months keep
 * fewer than 3 orders won each, so his only "Deal Closer" badge is the current month's.
 *
 * Activities are inserted in chronological order, in chunks, so the rollup triggers award rule
 * badges month by month; the badges are then dated at the activity that earned them.
 */
import { sql } from 'drizzle-orm';
import type { ActivityKind } from '../../schema/db/constants.ts';
import { activities } from '../../schema/db/index.ts';
import type { Queryable } from '../db/client.ts';
import { addPeriods, localDate, periodBounds, periodStart } from '../domain/periods.ts';
import { DEMO_TEAMS, type SeededPerson } from './demo-people.ts';
import type { Random } from './demo-random.ts';

export interface DemoActivity {
  readonly userId: number;
  readonly kind: ActivityKind;
  /** Only on ORDER_WON: a numeric string with 2 decimals. */
  readonly amount: string | null;
  readonly occurredAt: Date;
}

const HOUR_MS = 3_600_000;
const CHUNK = 2000;
const WEEKDAY_FACTOR = [0.05, 1, 1, 1, 0.95, 0.85, 0.12]; // Sunday .. Saturday

/** John Smith's current month: the original spec's sample plus a little everyday activity. */
const JOHN_MONTH: readonly (readonly [ActivityKind, number])[] = [
  ['LEAD_CREATED', 15],
  ['OPPORTUNITY_CREATED', 10],
  ['QUOTATION_SENT', 5],
  ['QUOTATION_ACCEPTED', 3],
  ['OPPORTUNITY_LOST', 3],
  ['CALL', 8],
  ['EMAIL', 10],
  ['MEETING', 4],
];
const JOHN_ORDERS = ['4000.00', '5000.00', '6000.00'] as const;
/**
 * John's orders won per earlier month stay below the "Deal Closer" threshold (3 in a month), so
 * that he holds exactly the spec's badges: "First $10K" and one "Deal Closer" (this month's).
 */
const JOHN_MAX_EARLIER_ORDERS = 2;

function monthIndex(date: string): number {
  return Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;
}

function dealAmount(random: Random, min: number, max: number): string {
  const raw = Math.exp(random.between(Math.log(min), Math.log(max)));
  return (Math.round(raw / 50) * 50).toFixed(2);
}

/**
 * All demo activities, sorted by occurred_at. `john` is excluded from the generated part of the
 * current month (organisation time zone) and gets the scripted sample instead.
 */
export function generateActivities(
  people: readonly SeededPerson[],
  john: SeededPerson,
  random: Random,
  now: Date,
  timeZone: string,
): DemoActivity[] {
  const today = localDate(now, timeZone);
  const monthStart = periodStart('MONTHLY', today);
  const firstMonth = addPeriods('MONTHLY', monthStart, -11);
  const sellers = people.filter((person) => person.spec.profile !== undefined && person.spec.team !== null);
  const generated: DemoActivity[] = [];
  const johnsOrders = new Map<number, number>(); // month index -> orders won before the current month
  for (let day = firstMonth; day <= today; day = addPeriods('DAILY', day, 1)) {
    const { from, to } = periodBounds('DAILY', day, timeZone);
    const months = monthIndex(day) - monthIndex(firstMonth);
    const calendarMonth = Number(day.slice(5, 7));
    const weekday = WEEKDAY_FACTOR[new Date(`${day}T00:00:00Z`).getUTCDay()] ?? 1;
    for (const seller of sellers) {
      const profile = seller.spec.profile;
      const team = DEMO_TEAMS[seller.spec.team ?? 0];
      if (!profile || !team) continue;
      if (seller.id === john.id && day >= monthStart) continue;
      const trend = Math.max(0.25, 1 + profile.trend * (months - 5.5));
      const season = 1 + profile.season * Math.cos((2 * Math.PI * (calendarMonth - profile.peakMonth)) / 12);
      const f = profile.skill * trend * season * weekday * random.between(0.7, 1.3);
      const leads = team.leadsPerDay * f;
      const opportunities = leads * 0.55;
      const quotations = opportunities * 0.6;
      const rates: [ActivityKind, number][] = [
        ['LEAD_CREATED', leads],
        ['OPPORTUNITY_CREATED', opportunities],
        ['QUOTATION_SENT', quotations],
        ['QUOTATION_ACCEPTED', quotations * profile.winRate],
        ['ORDER_WON', quotations * profile.winRate * 0.95],
        ['OPPORTUNITY_LOST', opportunities * (1 - profile.winRate) * 0.45],
        ['CALL', 1.6 * f],
        ['EMAIL', 2.2 * f],
        ['MEETING', team.meetingsPerDay * f],
      ];
      for (const [kind, rate] of rates) {
        const count = random.poisson(rate);
        for (let i = 0; i < count; i += 1) {
          // Business hours, 08:00-18:00 local; the day's real length bounds it on DST days.
          const offset = Math.min(HOUR_MS * random.between(8, 18), to.getTime() - from.getTime() - 1);
          const occurredAt = new Date(from.getTime() + Math.floor(offset));
          const amount = kind === 'ORDER_WON' ? dealAmount(random, team.dealMin, team.dealMax) : null;
          // Drawn either way, so the other sellers' data does not depend on John's cap.
          if (seller.id === john.id && kind === 'ORDER_WON') {
            const won = johnsOrders.get(months) ?? 0;
            if (won >= JOHN_MAX_EARLIER_ORDERS) continue;
            johnsOrders.set(months, won + 1);
          }
          if (occurredAt.getTime() <= now.getTime()) {
            generated.push({ userId: seller.id, kind, amount, occurredAt });
          }
        }
      }
    }
  }
  const all = [...generated, ...johnsMonth(john.id, monthStart, random, now, timeZone)];
  // Stable: ties keep generation order.
  return all.sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
}

/** The spec's sample, spread evenly over [first instant of the month, now]. */
function johnsMonth(
  userId: number,
  monthStart: string,
  random: Random,
  now: Date,
  timeZone: string,
): DemoActivity[] {
  const kinds: { kind: ActivityKind; amount: string | null }[] = JOHN_MONTH.flatMap(([kind, count]) =>
    Array.from({ length: count }, () => ({ kind, amount: null })),
  );
  kinds.push(...JOHN_ORDERS.map((amount) => ({ kind: 'ORDER_WON' as const, amount })));
  const ordered = random.shuffle(kinds);
  const from = periodBounds('MONTHLY', monthStart, timeZone).from.getTime();
  const span = Math.max(0, now.getTime() - from);
  return ordered.map(({ kind, amount }, i) => ({
    userId,
    kind,
    amount,
    occurredAt: new Date(from + Math.floor((span * (i + 0.5)) / ordered.length)),
  }));
}

/** Inserts in chronological chunks (external ids demo-1, demo-2, ... in that order). */
export async function insertActivities(db: Queryable, list: readonly DemoActivity[]): Promise<void> {
  for (let offset = 0; offset < list.length; offset += CHUNK) {
    const chunk = list.slice(offset, offset + CHUNK).map((activity, i) => ({
      userId: activity.userId,
      kind: activity.kind,
      amount: activity.amount,
      occurredAt: activity.occurredAt,
      externalId: `demo-${offset + i + 1}`,
      source: 'demo',
    }));
    await db.insert(activities).values(chunk);
  }
}

/**
 * The rule trigger dates a badge at the moment the rollup was written (for a period that already
 * ended: its last second), which for a seed means "now" or month ends. Date each rule badge at the
 * activity that crossed the threshold instead, as if the activities had arrived live.
 */
export async function dateRuleBadges(db: Queryable): Promise<void> {
  await db.execute(sql`
    UPDATE achievements ach SET achieved_at = coalesce((
      SELECT x.occurred_at FROM (
        SELECT a.occurred_at, sum(CASE r.metric
            WHEN 'REVENUE' THEN coalesce(a.amount, 0)
            WHEN 'ORDERS' THEN (a.kind = 'ORDER_WON')::int
            WHEN 'LEADS' THEN (a.kind = 'LEAD_CREATED')::int
            WHEN 'OPPORTUNITIES' THEN (a.kind = 'OPPORTUNITY_CREATED')::int
            WHEN 'CALLS' THEN (a.kind = 'CALL')::int
            WHEN 'MEETINGS' THEN (a.kind = 'MEETING')::int
          END) OVER (ORDER BY a.occurred_at, a.id) AS running
        FROM activities a
        WHERE a.user_id = ach.user_id
          AND (ach.period_type IS NULL OR (
            a.occurred_at >= ach.period_start::timestamp AT TIME ZONE org_time_zone()
            AND a.occurred_at < (period_end_of(ach.period_type, ach.period_start) + 1)::timestamp
              AT TIME ZONE org_time_zone()))
      ) x
      WHERE x.running >= r.threshold
      ORDER BY x.occurred_at
      LIMIT 1), ach.achieved_at)
    FROM achievement_rules r
    WHERE r.id = ach.rule_id
  `);
}
