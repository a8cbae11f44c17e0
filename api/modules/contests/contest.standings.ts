/**
 * A contest's standings as every surface shows them (GraphQL, the live hub, REST, the freeze):
 * live while it has not ended, the stored results once it has.
 *
 * Invariants:
 * - Results are frozen exactly once per contest, whichever process or caller gets there first
 *   (contest_results' primary key: INSERT ... ON CONFLICT DO NOTHING), in one transaction with the
 *   winners' badges, the CONTEST_ENDED webhook rows and the participants' mails (CONTESTS): a
 *   freeze that lost the race writes nothing.
 * - A read of an ended contest that is not frozen yet freezes it first, so an ended contest never
 *   shows moving figures, whether or not the scheduler (contest.scheduler.ts) was there in time.
 * - Frozen standings never move again: later writes to activities inside the window are not read.
 * Why here: one function for every reader keeps the live page, REST and the results identical.
 */
import type { ContestFormat, ContestMetric, ContestStatus } from '../../../schema/db/constants.ts';
import type { OrgSettings } from '../../config.ts';
import type { Database, Queryable } from '../../db/client.ts';
import { contestStandings, contestStatus, type ContestEntryValue } from '../../domain/contests.ts';
import { localDate } from '../../domain/zoned-time.ts';
import { contestPeople, enqueueMail } from '../../jobs/notifications/outbox.ts';
import { findContest, type ContestWithParts } from './contest.queries.ts';
import {
  awardWinners,
  claimStartAnnouncement,
  contestFigures,
  enqueueWebhook,
  insertResult,
  namesOf,
} from './contest.results.ts';

export interface StandingsView {
  contestId: number;
  name: string;
  status: ContestStatus;
  startsAt: Date;
  endsAt: Date;
  generatedAt: Date;
  frozen: boolean;
  closedAt: Date | null;
  frozenAt: Date | null;
  entries: ContestEntryValue[];
  winnerIds: number[];
  /** The sellers ranked (live standings; null once frozen): whose changes can move them. */
  people: number[] | null;
}

/** HEAD_TO_HEAD: each person's opponent, both ways. */
export function pairsOf(c: ContestWithParts): Map<number, number> {
  const pairs = new Map<number, number>();
  for (const p of c.participants) {
    if (p.userId !== null && p.opponentId !== null) {
      pairs.set(p.userId, p.opponentId);
      pairs.set(p.opponentId, p.userId);
    }
  }
  return pairs;
}

/** The standings computed from the activities of the window, now. */
export async function computeStandings(
  db: Queryable,
  org: Pick<OrgSettings, 'timeZone'>,
  c: ContestWithParts,
): Promise<{ entries: ContestEntryValue[]; winnerIds: number[]; people: number[] }> {
  const figures = await contestFigures(db, c, localDate(c.startsAt, org.timeZone));
  const standings = contestStandings(
    c.metric as ContestMetric,
    c.format as ContestFormat,
    figures,
    pairsOf(c),
  );
  return { ...standings, people: figures.map((f) => f.userId) };
}

interface StoredStandings {
  entries: ContestEntryValue[];
}

function frozenView(c: ContestWithParts, now: Date): StandingsView {
  const result = c.result;
  if (!result) throw new Error(`contest ${c.id} has no results`);
  return {
    contestId: c.id,
    name: c.name,
    status: 'ENDED',
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    generatedAt: now,
    frozen: true,
    closedAt: result.closedAt,
    frozenAt: result.frozenAt,
    entries: (result.standings as StoredStandings).entries,
    winnerIds: result.winnerIds,
    people: null,
  };
}

/** The standings of `c` as of `now`: frozen results once it ended (freezing them if needed). */
export async function standingsOf(
  db: Database,
  org: Pick<OrgSettings, 'timeZone'>,
  c: ContestWithParts,
  now: Date,
): Promise<StandingsView> {
  if (c.result) return frozenView(c, now);
  if (now.getTime() >= c.endsAt.getTime()) {
    await freezeContest(db, org, c.id);
    const again = await findContest(db, c.id);
    if (again?.result) return frozenView(again, now);
  }
  const { entries, winnerIds, people } = await computeStandings(db, org, c);
  return {
    contestId: c.id,
    name: c.name,
    status: contestStatus(c.startsAt, c.endsAt, now, false),
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    generatedAt: now,
    frozen: false,
    closedAt: null,
    frozenAt: null,
    entries,
    winnerIds,
    people,
  };
}

/**
 * Freezes an ended contest: true for the one call that stored its results (with the badges and
 * the CONTEST_ENDED webhook rows in the same transaction), false when it already was.
 */
export async function freezeContest(
  db: Database,
  org: Pick<OrgSettings, 'timeZone'>,
  id: number,
): Promise<boolean> {
  return db.transaction(async (tx) => {
    const c = await findContest(tx, id);
    if (!c || c.result) return false;
    const { entries, winnerIds } = await computeStandings(tx, org, c);
    if (!(await insertResult(tx, c.id, c.endsAt, { entries }, winnerIds))) return false;
    const title = `Contest winner: ${c.name}`.slice(0, 200);
    await awardWinners(tx, winnerIds, title, c.prize);
    const podium = entries.filter((e) => e.rank !== null && e.rank <= 3);
    const names = await namesOf(
      tx,
      [...podium.flatMap((e) => (e.userId === null ? [] : [e.userId])), ...winnerIds],
      podium.flatMap((e) => (e.teamId === null ? [] : [e.teamId])),
    );
    await enqueueWebhook(tx, 'CONTEST_ENDED', `contest_ended:${c.id}`, {
      contest: contestPayload(c),
      closed_at: c.endsAt.toISOString(),
      podium: podium.map((e) => ({
        rank: e.rank,
        value: e.value,
        user_id: e.userId,
        user_name: e.userId === null ? null : (names.users.get(e.userId) ?? null),
        team_id: e.teamId,
        team_name: e.teamId === null ? null : (names.teams.get(e.teamId) ?? null),
      })),
      winners: winnerIds.map((w) => ({ user_id: w, user_name: names.users.get(w) ?? null })),
    });
    const ended = {
      event: 'ENDED',
      contest: contestPayload(c),
      winners: winnerIds.map((w) => ({ user_id: w, user_name: names.users.get(w) ?? null })),
      entries: entries.map((e) => ({ rank: e.rank, user_id: e.userId, team_id: e.teamId })),
    };
    await enqueueMail(
      tx,
      { kind: 'CONTESTS', key: `contest_ended:${c.id}`, payload: ended },
      contestPeople(c.id),
    );
    return true;
  });
}

/** Announces a started contest once (CONTEST_STARTED), whichever process claims it. */
export async function announceStart(db: Database, id: number, now: Date): Promise<boolean> {
  return db.transaction(async (tx) => {
    if (!(await claimStartAnnouncement(tx, id, now))) return false;
    const c = await findContest(tx, id);
    if (!c) return true;
    await enqueueWebhook(tx, 'CONTEST_STARTED', `contest_started:${id}`, { contest: contestPayload(c) });
    const started = { event: 'STARTED', contest: contestPayload(c) };
    await enqueueMail(
      tx,
      { kind: 'CONTESTS', key: `contest_started:${id}`, payload: started },
      contestPeople(id),
    );
    return true;
  });
}

function contestPayload(c: ContestWithParts) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    prize: c.prize,
    starts_at: c.startsAt.toISOString(),
    ends_at: c.endsAt.toISOString(),
    metric: c.metric,
    format: c.format,
  };
}
