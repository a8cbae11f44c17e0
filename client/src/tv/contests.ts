/**
 * Contests on the TV, without React: which contests join the rotation and the winners' card.
 * - Shown: every contest the screen reads that runs now, starts within CONTEST_SOON_MS, or ended
 *   less than CONTEST_ENDED_MS ago (its frozen winners), by the server's clock (serverClock.ts);
 *   running first (ending soonest first), then upcoming (soonest first), then ended.
 * - A contest won is celebrated once, by its id: when a frame of a contest seen before without
 *   its results arrives frozen. A contest already over when the page first sees it (a reload) is
 *   not celebrated, and a reconnect that ends between two frames still celebrates it, once.
 */
import type { ContestFormat, ContestMetric, ContestStatus } from '../gql/graphql.ts';
import type { Celebration } from './celebrations.ts';

/** An upcoming contest joins the rotation (with a countdown) this long before its start. */
export const CONTEST_SOON_MS = 24 * 3_600_000;
/** An ended contest's winners stay in the rotation this long (the server lists an hour). */
export const CONTEST_ENDED_MS = 30 * 60_000;

export interface ListedContest {
  id: string;
  name: string;
  prize?: string | null;
  status: ContestStatus;
  startsAt: string;
  endsAt: string;
  metric: ContestMetric;
  format: ContestFormat;
}

/** The contests to rotate, at the server's `now` (ms), in the order above. */
export function contestsToShow<T extends ListedContest>(list: readonly T[], now: number): T[] {
  const at = (s: string) => Date.parse(s);
  const running: T[] = [];
  const upcoming: T[] = [];
  const ended: T[] = [];
  for (const c of list) {
    if (c.status === 'ENDED' || at(c.endsAt) <= now) {
      if (now - at(c.endsAt) < CONTEST_ENDED_MS) ended.push(c);
    } else if (at(c.startsAt) > now) {
      if (at(c.startsAt) - now <= CONTEST_SOON_MS) upcoming.push(c);
    } else running.push(c);
  }
  running.sort((a, b) => at(a.endsAt) - at(b.endsAt));
  upcoming.sort((a, b) => at(a.startsAt) - at(b.startsAt));
  ended.sort((a, b) => at(b.endsAt) - at(a.endsAt));
  return [...running, ...upcoming, ...ended];
}

/** A contest frame as the winners' watch reads it (contestChanged). */
export interface ContestFrame {
  contestId: string;
  name: string;
  frozen: boolean;
  winners: readonly { name: string }[];
}

/** "Ann Lee", "Ann Lee and Bo Chen", "Ann Lee, Bo Chen and 3 more". */
export function namesOf(names: readonly string[]): string {
  if (names.length <= 2) return names.join(' and ');
  if (names.length === 3) return `${names[0]}, ${names[1]} and ${names[2]}`;
  return `${names[0]}, ${names[1]} and ${names.length - 2} more`;
}

export class ContestWinWatch {
  private readonly open = new Set<string>();

  observe(frame: ContestFrame, prize: string | null = null): Celebration[] {
    if (!frame.frozen) {
      this.open.add(frame.contestId);
      return [];
    }
    if (!this.open.delete(frame.contestId)) return [];
    const names = frame.winners.map((w) => w.name);
    return [
      {
        kind: 'CONTEST_WON',
        id: `contest:${frame.contestId}`,
        who: names.length === 1 ? names[0] : null,
        title: names.length ? `${namesOf(names)} won` : 'Nobody won',
        strong: frame.name,
        detail: prize ? `Prize: ${prize}` : null,
      },
    ];
  }
}
