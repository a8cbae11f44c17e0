/**
 * GET /api/performance?type=... — the seed's read API, each type a pass-through to the service
 * GraphQL uses for the same question (same scope checks, same validation).
 */
import type { Request, Response } from 'express';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { NotFoundError } from '../../core/errors.ts';
import { assertNotViewer } from '../../core/permissions.ts';
import type { Contest } from '../../modules/contests/contest.type.ts';
import { achievements } from '../../modules/achievements/achievement.service.ts';
import { contest, contests, standings } from '../../modules/contests/contest.reads.ts';
import { CONTEST_STATUSES } from '../../../schema/db/constants.ts';
import { goals } from '../../modules/goals/goal.service.ts';
import { boardArgsOf, DEFAULT_METRIC } from '../../modules/leaderboard/leaderboard.args.ts';
import { leaderboard } from '../../modules/leaderboard/leaderboard.service.ts';
import {
  performance,
  performanceSummary,
  periodPerformance,
  trends,
} from '../../modules/performance/performance.service.ts';
import { teamPerformance } from '../../modules/performance/team-performance.service.ts';
import { Fields } from './fields.ts';
import { parseGoalStatus, parseLeaderboardMetric } from './names.ts';
import {
  loadNames,
  restAchievement,
  restGoal,
  restLeaderboardEntry,
  restPeriod,
  restSummary,
  restTeam,
} from './shapes.ts';

export const GET_TYPES = [
  'summary',
  'current',
  'leaderboard',
  'goals',
  'achievements',
  'period',
  'team',
  'trends',
  'contests',
  'contest',
] as const;
type GetType = (typeof GET_TYPES)[number];

type Reader = (q: Fields, ctx: AppContext) => Promise<unknown>;

const readers: Record<GetType, Reader> = {
  async summary(q, ctx) {
    const userId = q.id('user_id');
    q.rejectUnknown(['type']);
    q.done();
    const rows = await performanceSummary(ctx, userId ?? null);
    const names = await loadNames(
      ctx,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => restSummary(r, names));
  },

  async current(q, ctx) {
    const userId = q.id('user_id');
    const teamId = q.id('team_id');
    const { periodType, date } = q.period();
    if (date !== null) q.errors.add('date', 'type=current is always the current period; use type=period');
    q.rejectUnknown(['type']);
    q.done();
    const rows = await periodPerformance(ctx, {
      userId: userId ?? null,
      teamId: teamId ?? null,
      periodType,
      date: null,
    });
    const names = await loadNames(
      ctx,
      rows.map((r) => r.userId),
    );
    return rows.map((r) => restPeriod(r, names));
  },

  async leaderboard(q, ctx) {
    const { periodType, date } = q.period();
    const metricText = q.text('metric');
    const metric = metricText == null ? DEFAULT_METRIC : parseLeaderboardMetric(metricText);
    if (metric === null) q.errors.add('metric', 'must be one of revenue, orders, conversion_rate, win_rate');
    const teamId = q.id('team_id');
    const limit = q.int('limit');
    q.rejectUnknown(['type']);
    q.done();
    const board = await leaderboard(ctx, {
      ...boardArgsOf({ periodType, metric, teamId, limit }),
      date,
    });
    const names = await loadNames(
      ctx,
      board.entries.map((e) => e.userId),
    );
    return board.entries.map((e) => restLeaderboardEntry(e, names));
  },

  async goals(q, ctx) {
    const userId = q.id('user_id');
    const teamId = q.id('team_id');
    const statusText = q.text('status');
    const status = statusText == null ? null : parseGoalStatus(statusText);
    if (status === null && statusText != null)
      q.errors.add('status', 'must be one of achieved, on_track, behind, at_risk, missed');
    const activeOnly = q.bool('active_only') ?? true;
    q.rejectUnknown(['type']);
    q.done();
    // screens read goals over GraphQL only (see goals.ts readGoal)
    assertNotViewer(requireViewer(ctx));
    const rows = await goals(ctx, {
      userId: userId ?? null,
      teamId: teamId ?? null,
      status,
      activeOnly,
      includeMembers: true,
    });
    const names = await loadNames(
      ctx,
      rows.map((g) => g.userId),
      rows.map((g) => g.teamId),
    );
    return rows.map((g) => restGoal(g, names));
  },

  async achievements(q, ctx) {
    const userId = q.id('user_id');
    const teamId = q.id('team_id');
    const limit = q.int('limit');
    q.rejectUnknown(['type']);
    q.done();
    const rows = await achievements(ctx, {
      userId: userId ?? null,
      teamId: teamId ?? null,
      limit: limit ?? 200,
    });
    const names = await loadNames(
      ctx,
      rows.map((a) => a.userId),
    );
    return rows.map((a) => restAchievement(a, names));
  },

  async period(q, ctx) {
    const userId = q.id('user_id', true);
    const { periodType, date } = q.period();
    q.rejectUnknown(['type']);
    q.done();
    const row = await performance(ctx, userId ?? '', periodType, date);
    return restPeriod(row, await loadNames(ctx, [row.userId]));
  },

  async team(q, ctx) {
    const teamId = q.id('team_id');
    const { periodType, date } = q.period();
    q.rejectUnknown(['type']);
    q.done();
    const rows = await teamPerformance(ctx, teamId ?? null, periodType, date);
    const names = await loadNames(
      ctx,
      rows.flatMap((t) => [t.topPerformerId, ...t.members.map((m) => m.userId)]),
      rows.map((t) => t.teamId),
    );
    return rows.map((t) => restTeam(t, names));
  },

  async trends(q, ctx) {
    const userId = q.id('user_id', true);
    const { periodType, date } = q.period();
    const count = q.int('count');
    q.rejectUnknown(['type']);
    q.done();
    const rows = await trends(ctx, userId ?? '', periodType, count ?? 12, date);
    const names = await loadNames(ctx, [rows[0]?.userId ?? null]);
    return rows.map((r) => restPeriod(r, names));
  },

  async contests(q, ctx) {
    const statusText = q.text('status');
    const status =
      statusText == null ? null : (CONTEST_STATUSES.find((s) => s.toLowerCase() === statusText) ?? null);
    if (status === null && statusText != null)
      q.errors.add('status', 'must be one of upcoming, running, ended');
    const limit = q.int('limit');
    q.rejectUnknown(['type']);
    q.done();
    const rows = await contests(ctx, { status: status, limit: limit ?? 50 });
    return rows.map(restContest);
  },

  async contest(q, ctx) {
    const id = q.id('id', true);
    q.rejectUnknown(['type']);
    q.done();
    const found = await contest(ctx, id ?? '');
    if (!found) throw new NotFoundError('Contest', id ?? '');
    const view = await standings(ctx, found.id);
    const names = await loadNames(
      ctx,
      [...view.entries.flatMap((e) => [e.userId, e.opponentId]), ...view.winnerIds],
      view.entries.map((e) => e.teamId),
    );
    return {
      ...restContest(found),
      status: view.status.toLowerCase(),
      frozen: view.frozen,
      closed_at: view.closedAt?.toISOString() ?? null,
      frozen_at: view.frozenAt?.toISOString() ?? null,
      standings: view.entries.map((e) => ({
        rank: e.rank,
        value: e.value,
        user_id: e.userId,
        user_name: names.user(e.userId),
        team_id: e.teamId,
        team_name: names.team(e.teamId),
        members: e.members,
        opponent_id: e.opponentId,
        opponent_name: names.user(e.opponentId),
        opponent_value: e.opponentValue,
        leading: e.leading,
      })),
      winners: view.winnerIds.map((w) => ({ user_id: w, user_name: names.user(w) })),
    };
  },
};

function restContest(c: Contest) {
  return {
    id: c.id,
    name: c.name,
    description: c.description,
    prize: c.prize,
    starts_at: c.startsAt.toISOString(),
    ends_at: c.endsAt.toISOString(),
    metric: c.metric.toLowerCase(),
    activity_type: c.activityKind?.toLowerCase() ?? null,
    goal_type: c.goalMetric?.toLowerCase() ?? null,
    format: c.format.toLowerCase(),
    everyone: c.everyone,
    status: c.status.toLowerCase(),
    user_ids: c.userIds,
    team_ids: c.teamIds,
    pairs: c.pairIds.map(([user, opponent]) => ({ user_id: user, opponent_id: opponent })),
  };
}

export async function getPerformance(req: Request, res: Response, ctx: AppContext): Promise<void> {
  const q = new Fields(req.query);
  const type = q.text('type');
  const reader = GET_TYPES.find((t) => t === type);
  if (!reader) {
    q.errors.add('type', `must be one of ${GET_TYPES.join(', ')}`);
    q.done();
    return;
  }
  res.json(await readers[reader](q, ctx));
}
