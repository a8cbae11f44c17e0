/**
 * Contest standings (docs/contests.md), pure: from each participant's figures inside the window
 * to ranked entries, pairs and winners.
 *
 * Invariants:
 * - Every value is exact hundredths (bigint) until it is printed: money in cents, counts x 100,
 *   rates, percentages and averages rounded half up to 2 decimals; ranks compare those.
 * - Ties share a rank (1, 1, 3); a participant with no value (a rate without leads, % of a goal
 *   they do not have) has no rank and never wins.
 * - Nobody wins with nothing: winners are the rank-1 entries whose value is above zero (for
 *   HEAD_TO_HEAD, each pair's leader with a strictly larger value than their opponent's).
 * - TEAM_TOTAL sums, TEAM_AVERAGE divides by the team's participating members (zeros included),
 *   so unequal teams compete fairly; rates and % of goal have no meaningful total.
 * Why pure: the same function gives the live standings and the frozen results, and is tested alone.
 */
import type { ContestFormat, ContestMetric } from '../../schema/db/constants.ts';
import { divideMoney, formatMoney, parseMoney } from './money.ts';
import { competitionRanks } from './ranking.ts';
import { zoneOffsetMs } from './zoned-time.ts';

/** One participant's figures inside the window (SQL sums over activities). */
export interface ContestFigures {
  userId: number;
  teamId: number | null;
  /** Decimal string. */
  revenue: string;
  orders: number;
  leads: number;
  calls: number;
  meetings: number;
  /** Activities of the counted kind (every kind when the contest names none). */
  activities: number;
  /** GOAL_PERCENT: the goal metric's value in the window (decimal string) and the goal's target. */
  goalValue: string;
  goalTarget: string | null;
}

export interface ContestEntryValue {
  rank: number | null;
  /** A person (INDIVIDUAL, HEAD_TO_HEAD) or a team (TEAM_*). */
  userId: number | null;
  teamId: number | null;
  value: string | null;
  /** TEAM_*: how many participants the team's value is of. */
  members: number | null;
  /** HEAD_TO_HEAD: the assigned opponent, their value, and whether this entry leads the pair. */
  opponentId: number | null;
  opponentValue: string | null;
  leading: boolean | null;
}

export interface ContestStandingsValue {
  entries: ContestEntryValue[];
  /** People who win if it ended now (for a team format: the winning teams' participants). */
  winnerIds: number[];
}

/** Metrics counted in whole units (printed without decimals unless averaged). */
export const COUNT_METRICS: readonly ContestMetric[] = ['ORDERS', 'CALLS', 'MEETINGS', 'ACTIVITIES'];
/** Metrics whose team total means something (sums); the others are compared as averages. */
export const SUMMED_METRICS: readonly ContestMetric[] = ['REVENUE', ...COUNT_METRICS];

const cents = (decimal: string): bigint => parseMoney(decimal, 18) ?? 0n;

/** value / base x 100 in hundredths, half up; null without a base. */
function percent(valueHundredths: bigint, baseHundredths: bigint): bigint | null {
  if (baseHundredths <= 0n) return null;
  return divideMoney(valueHundredths * 10_000n, baseHundredths);
}

/** A participant's value in hundredths, or null when it has none. */
export function personValue(metric: ContestMetric, f: ContestFigures): bigint | null {
  switch (metric) {
    case 'REVENUE':
      return cents(f.revenue);
    case 'ORDERS':
      return BigInt(f.orders) * 100n;
    case 'CALLS':
      return BigInt(f.calls) * 100n;
    case 'MEETINGS':
      return BigInt(f.meetings) * 100n;
    case 'ACTIVITIES':
      return BigInt(f.activities) * 100n;
    case 'CONVERSION_RATE':
      return percent(BigInt(f.orders) * 100n, BigInt(f.leads) * 100n);
    case 'GOAL_PERCENT':
      return f.goalTarget === null ? null : percent(cents(f.goalValue), cents(f.goalTarget));
  }
}

export function printValue(hundredths: bigint | null, whole: boolean): string | null {
  if (hundredths === null) return null;
  return whole ? String(hundredths / 100n) : formatMoney(hundredths);
}

function rankOf<T>(items: T[], value: (t: T) => bigint | null): (number | null)[] {
  const ranks = competitionRanks(items, (t) => {
    const v = value(t);
    return v === null ? null : Number(v);
  });
  return ranks.map((rank, i) => (value(items[i] as T) === null ? null : rank));
}

/**
 * The standings of a contest from its participants' figures. `pairs` (HEAD_TO_HEAD): each person's
 * opponent; `teams` (TEAM_*): the teams taking part (a team with no participant figures still shows).
 */
export function contestStandings(
  metric: ContestMetric,
  format: ContestFormat,
  figures: readonly ContestFigures[],
  pairs: ReadonlyMap<number, number> = new Map(),
): ContestStandingsValue {
  const whole = COUNT_METRICS.includes(metric);
  if (format === 'TEAM_TOTAL' || format === 'TEAM_AVERAGE') {
    const byTeam = new Map<number, { total: bigint; members: number; counted: number; users: number[] }>();
    for (const f of figures) {
      if (f.teamId === null) continue;
      const team = byTeam.get(f.teamId) ?? { total: 0n, members: 0, counted: 0, users: [] };
      const v = personValue(metric, f);
      team.members += 1;
      team.users.push(f.userId);
      if (v !== null) {
        team.total += v;
        team.counted += 1;
      }
      byTeam.set(f.teamId, team);
    }
    const teams = [...byTeam.entries()]
      .map(([teamId, t]) => ({
        teamId,
        users: t.users,
        members: t.members,
        value:
          t.counted === 0
            ? null
            : format === 'TEAM_TOTAL'
              ? t.total
              : divideMoney(
                  t.total,
                  BigInt(metric === 'CONVERSION_RATE' || metric === 'GOAL_PERCENT' ? t.counted : t.members),
                ),
      }))
      .sort((a, b) => a.teamId - b.teamId);
    const ranks = rankOf(teams, (t) => t.value);
    const entries = teams.map((t, i) => ({
      rank: ranks[i] ?? null,
      userId: null,
      teamId: t.teamId,
      value: printValue(t.value, whole && format === 'TEAM_TOTAL'),
      members: t.members,
      opponentId: null,
      opponentValue: null,
      leading: null,
    }));
    const winners = teams.filter((t, i) => ranks[i] === 1 && t.value !== null && t.value > 0n);
    return {
      entries: sortEntries(entries),
      winnerIds: winners.flatMap((t) => t.users).sort((a, b) => a - b),
    };
  }
  const people = [...figures].sort((a, b) => a.userId - b.userId);
  const values = new Map(people.map((f) => [f.userId, personValue(metric, f)]));
  const ranks = rankOf(people, (f) => values.get(f.userId) ?? null);
  const winnerIds: number[] = [];
  const entries = people.map((f, i) => {
    const value = values.get(f.userId) ?? null;
    const entry: ContestEntryValue = {
      rank: ranks[i] ?? null,
      userId: f.userId,
      teamId: f.teamId,
      value: printValue(value, whole),
      members: null,
      opponentId: null,
      opponentValue: null,
      leading: null,
    };
    if (format === 'HEAD_TO_HEAD') {
      const opponentId = pairs.get(f.userId) ?? null;
      const theirs = opponentId === null ? null : (values.get(opponentId) ?? null);
      entry.opponentId = opponentId;
      entry.opponentValue = printValue(theirs, whole);
      entry.leading = value !== null && value > 0n && (theirs === null || value > theirs);
      if (entry.leading) winnerIds.push(f.userId);
    } else if (entry.rank === 1 && value !== null && value > 0n) {
      winnerIds.push(f.userId);
    }
    return entry;
  });
  return { entries: sortEntries(entries), winnerIds };
}

/** Ranked first (by rank, then id), the unranked after. */
function sortEntries(entries: ContestEntryValue[]): ContestEntryValue[] {
  const id = (e: ContestEntryValue) => e.userId ?? e.teamId ?? 0;
  return entries.sort(
    (a, b) => (a.rank ?? Number.MAX_SAFE_INTEGER) - (b.rank ?? Number.MAX_SAFE_INTEGER) || id(a) - id(b),
  );
}

/** Where a window stands at `now`. */
export function contestStatus(
  startsAt: Date,
  endsAt: Date,
  now: Date,
  frozen: boolean,
): 'UPCOMING' | 'RUNNING' | 'ENDED' {
  if (frozen || now.getTime() >= endsAt.getTime()) return 'ENDED';
  return now.getTime() < startsAt.getTime() ? 'UPCOMING' : 'RUNNING';
}

const WALL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

/**
 * The instant a wall clock in `timeZone` shows `local` ('YYYY-MM-DDTHH:MM', what a datetime-local
 * input holds): how the web client turns the organisation's times into a contest's window. A time
 * a DST jump skips is read with the offset before the jump (02:30 on spring-forward day in New
 * York is 03:30 EDT); a repeated one is its first occurrence. null: not such a string.
 */
export function wallTimeToInstant(local: string, timeZone: string): Date | null {
  const m = WALL.exec(local);
  if (!m) return null;
  const [, y, mo, d, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi);
  const first = wall - zoneOffsetMs(wall - 86_400_000 / 2, timeZone);
  const second = wall - zoneOffsetMs(first, timeZone);
  // the earlier of the two readings that show this wall time (a repeated hour: its first pass)
  for (const guess of [Math.min(first, second), Math.max(first, second)])
    if (guess + zoneOffsetMs(guess, timeZone) === wall) return new Date(guess);
  return new Date(first);
}

/** The wall clock in `timeZone` at `instant`, as 'YYYY-MM-DDTHH:MM' (a datetime-local value). */
export function instantToWallTime(instant: Date, timeZone: string): string {
  const ms = Math.floor(instant.getTime() / 60_000) * 60_000;
  return new Date(ms + zoneOffsetMs(ms, timeZone)).toISOString().slice(0, 16);
}
