/**
 * GET /export/performance|goals|leaderboard?format=csv|xlsx&period=monthly&date=...&team_id=...
 * Reports for one period (the one of `period` containing `date`, default this month) and
 * optionally one team, read through the services the REST API and GraphQL use (same scope:
 * a REP exports their own figures, a VIEWER only leaderboards), in the REST API's column names.
 *   performance: each seller's figures (user_id narrows to one seller)
 *   goals: goals of that period, of the team and its members when team_id is given (status filters)
 *   leaderboard: everyone ranked (metric = revenue | orders | conversion_rate | win_rate)
 * GET /export/report?format=pdf&...: the performance report as a PDF (report.route.ts).
 */
import express, { type Router } from 'express';
import { LIMITS, type PeriodType } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { localDate, periodStart } from '../../domain/periods.ts';
import { NotFoundError } from '../../core/errors.ts';
import { goals } from '../../modules/goals/goal.service.ts';
import { DEFAULT_METRIC } from '../../modules/leaderboard/leaderboard.args.ts';
import { leaderboard } from '../../modules/leaderboard/leaderboard.service.ts';
import { periodPerformance } from '../../modules/performance/performance.service.ts';
import { Fields } from '../rest/fields.ts';
import { route, type RestDeps } from '../rest/respond.ts';
import { lower, parseGoalStatus, parseLeaderboardMetric } from '../rest/names.ts';
import {
  GOAL_COLUMNS,
  LEADERBOARD_COLUMNS,
  loadNames,
  PERIOD_COLUMNS,
  restGoal,
  restLeaderboardEntry,
  restPeriod,
  type Row,
} from '../rest/shapes.ts';
import type { Slots } from '../http/slots.ts';
import { sendPdfReport } from './report.route.ts';
import { FORMATS, sendReport, type Format, type Report } from './writers.ts';

interface Scope {
  periodType: PeriodType;
  date: string | null;
  teamId: string | null;
}

type Builder = (q: Fields, ctx: AppContext, scope: Scope) => Promise<Omit<Report, 'name' | 'title'>>;

function table<C extends readonly string[]>(
  columns: C,
  rows: Row<C>[],
  money: readonly C[number][],
): Omit<Report, 'name' | 'title'> {
  return { columns: [...columns], rows, money };
}

const builders: Record<string, Builder> = {
  async performance(q, ctx, scope) {
    const userId = q.id('user_id');
    q.rejectUnknown(['format']);
    q.done();
    const rows = await periodPerformance(ctx, { ...scope, userId: userId ?? null });
    const names = await loadNames(
      ctx,
      rows.map((r) => r.userId),
    );
    return table(
      PERIOD_COLUMNS,
      rows.map((r) => restPeriod(r, names)),
      ['total_revenue', 'avg_deal_size'],
    );
  },

  async goals(q, ctx, scope) {
    const userId = q.id('user_id');
    const statusText = q.text('status');
    const status = statusText == null ? null : parseGoalStatus(statusText);
    if (status === null && statusText != null) q.errors.add('status', 'is not a goal status');
    q.rejectUnknown(['format']);
    q.done();
    const rows = await goals(ctx, {
      userId: userId ?? null,
      teamId: scope.teamId,
      status,
      activeOnly: false,
      includeMembers: true,
      period: { periodType: scope.periodType, date: scope.date },
    });
    const names = await loadNames(
      ctx,
      rows.map((g) => g.userId),
      rows.map((g) => g.teamId),
    );
    return table(
      GOAL_COLUMNS,
      rows.map((g) => restGoal(g, names)),
      [],
    );
  },

  async leaderboard(q, ctx, scope) {
    const metricText = q.text('metric');
    const metric = metricText == null ? DEFAULT_METRIC : parseLeaderboardMetric(metricText);
    if (metric === null) q.errors.add('metric', 'must be one of revenue, orders, conversion_rate, win_rate');
    q.rejectUnknown(['format']);
    q.done();
    const board = await leaderboard(ctx, {
      ...scope,
      metric: metric ?? DEFAULT_METRIC,
      limit: LIMITS.leaderboardLimit,
    });
    const names = await loadNames(
      ctx,
      board.entries.map((e) => e.userId),
    );
    return table(
      LEADERBOARD_COLUMNS,
      board.entries.map((e) => restLeaderboardEntry(e, names)),
      ['total_revenue'],
    );
  },
};

export interface ExportDeps extends RestDeps {
  /** REPORT_MAX_CONCURRENT, REPORT_MAX_CONCURRENT_PER_USER: PDF reports drawn at once. */
  reportSlots: Slots;
}

export function exportRouter(deps: ExportDeps): Router {
  const router = express.Router();
  router.get(
    '/report',
    route(deps, (req, res, ctx) => sendPdfReport(req, res, ctx, deps.reportSlots)),
  );
  router.get(
    '/:report',
    route(deps, async (req, res, ctx) => {
      const kind = String(req.params.report);
      const build = Object.hasOwn(builders, kind) ? builders[kind] : undefined;
      if (!build) throw new NotFoundError('Export', `"${kind}" (performance, goals, leaderboard, report)`);
      const q = new Fields(req.query);
      const format = (q.text('format') ?? 'csv').toLowerCase() as Format;
      if (!FORMATS.includes(format)) q.errors.add('format', `must be one of ${FORMATS.join(', ')}`);
      const { periodType, date } = q.period();
      const teamId = q.id('team_id') ?? null;
      const body = await build(q, ctx, { periodType, date, teamId });
      const start = periodStart(periodType, date ?? localDate(ctx.now, ctx.org.timeZone));
      const name = `pulse-${kind}-${lower(periodType)}-${start}${teamId ? `-team-${teamId}` : ''}`;
      await sendReport(res, { ...body, name, title: `${kind} ${lower(periodType)} ${start}` }, format);
    }),
  );
  return router;
}
