/** Contest rows to GraphQL objects, pure (status from the window, `now` and the frozen results). */
import type { ContestFormat, ContestGoalMetric, ContestMetric } from '../../../schema/db/constants.ts';
import { contestStatus } from '../../domain/contests.ts';
import type { ContestWithParts } from './contest.queries.ts';
import type { StandingsView } from './contest.standings.ts';
import type { Contest, ContestStandings } from './contest.type.ts';

export function toContest(c: ContestWithParts, now: Date): Contest {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    prize: c.prize,
    startsAt: c.startsAt,
    endsAt: c.endsAt,
    metric: c.metric as ContestMetric,
    activityKind: c.activityKind,
    goalMetric: c.goalMetric as ContestGoalMetric | null,
    format: c.format as ContestFormat,
    everyone: c.everyone,
    status: contestStatus(c.startsAt, c.endsAt, now, c.result !== null),
    createdAt: c.createdAt,
    createdById: c.createdBy,
    userIds: c.participants.flatMap((p) => (p.userId !== null && p.opponentId === null ? [p.userId] : [])),
    teamIds: c.participants.flatMap((p) => (p.teamId !== null ? [p.teamId] : [])),
    pairIds: c.participants.flatMap((p): [number, number][] =>
      p.userId !== null && p.opponentId !== null ? [[p.userId, p.opponentId]] : [],
    ),
  };
}

export function toStandings(v: StandingsView): ContestStandings {
  return {
    contestId: v.contestId,
    name: v.name,
    status: v.status,
    startsAt: v.startsAt,
    endsAt: v.endsAt,
    generatedAt: v.generatedAt,
    frozen: v.frozen,
    closedAt: v.closedAt,
    frozenAt: v.frozenAt,
    winnerIds: v.winnerIds,
    entries: v.entries.map((e) => ({
      rank: e.rank,
      value: e.value,
      members: e.members,
      opponentValue: e.opponentValue,
      leading: e.leading,
      userId: e.userId,
      teamId: e.teamId,
      opponentId: e.opponentId,
    })),
  };
}
