/**
 * "Why is my number that?": the activities counted in a figure a person sees — a goal's
 * currentValue, a leaderboard entry's figures — a page at a time, newest first.
 *
 * Invariants:
 * - Listed = counted. A figure's subject (whose, which kinds, which days) comes from the same
 *   rules the rollups and goal_tracked_values apply: the metric's kinds (KINDS), the period's days
 *   in the organisation's zone, a team's current members (contributions.queries.ts applies them
 *   as the rollups do). `total` is what the listed activities add up to; `pushed` the rest of the
 *   figure, which figures pushed with recordPerformance make and no activity explains.
 * - Scope: an ADMIN explains every figure, a MANAGER their own and their teams' (members and team
 *   goals), a REP only their own (not a team goal: it lists teammates' activities); a screen none
 *   (visibility.ts refuses the field first). A live board is one execution shared by all its
 *   viewers, so it cannot be scoped per viewer: contributions are read with a query.
 * - Cost: the pages of all the figures of one operation are read in one statement, their totals
 *   in another (DataLoaders, per operation), so a board's 25 entries cost what one does.
 */
import DataLoader from 'dataloader';
import type { ActivityKind, GoalMetric, LeaderboardMetric } from '../../../schema/db/constants.ts';
import type { AppContext } from '../../core/context.ts';
import { BadInputError, ForbiddenError } from '../../core/errors.ts';
import type { Viewer } from '../../core/permissions.ts';
import type { Loaders } from '../../core/loaders.ts';
import { sumMoney } from '../../domain/money.ts';
import type { LeaderboardEntry } from '../leaderboard/leaderboard.type.ts';
import {
  readPages,
  readSummaries,
  type ContributionRow,
  type Cursor,
  type PageRequest,
  type Subject,
  type SummaryRow,
} from './contributions.queries.ts';
import { Contribution, ContributionPage, type Explained } from './contributions.type.ts';
import type { Goal } from './goal.type.ts';

/** The kinds of activity each metric counts (rollup_apply's columns behind goal_tracked_values). */
export const KINDS: Readonly<Record<GoalMetric, readonly ActivityKind[]>> = {
  REVENUE: ['ORDER_WON'],
  ORDERS: ['ORDER_WON'],
  LEADS: ['LEAD_CREATED'],
  OPPORTUNITIES: ['OPPORTUNITY_CREATED'],
  CALLS: ['CALL'],
  MEETINGS: ['MEETING'],
  CONVERSION_RATE: ['ORDER_WON', 'LEAD_CREATED'],
  WIN_RATE: ['ORDER_WON', 'OPPORTUNITY_LOST'],
  // set by hand: no activity counts in it
  CUSTOM: [],
};

export const DEFAULT_FIRST = 20;

/** What a leaderboard entry explains: its board's period and metric (set by the leaderboard query). */
export interface BoardOfEntry {
  metric: LeaderboardMetric;
  periodStart: string;
  periodEnd: string;
}

/** Whose figure: a seller (with their team), or a team. */
type Owner = { userId: number; userTeamId: number | null } | { teamId: number };

export function canExplain(viewer: Viewer, owner: Owner): boolean {
  if (viewer.role === 'ADMIN') return true;
  if ('teamId' in owner) return viewer.role === 'MANAGER' && viewer.managedTeamIds.includes(owner.teamId);
  if (owner.userId === viewer.id) return viewer.role === 'MANAGER' || viewer.role === 'REP';
  return (
    viewer.role === 'MANAGER' && owner.userTeamId !== null && viewer.managedTeamIds.includes(owner.userTeamId)
  );
}

function assertCanExplain(viewer: Viewer, owner: Owner): void {
  if (canExplain(viewer, owner)) return;
  throw new ForbiddenError(
    viewer.role === 'REP'
      ? 'You may only see the activities behind your own figures.'
      : viewer.role === 'MANAGER'
        ? 'You may only see the activities behind the figures of your teams and their members.'
        : 'Screens signed in as VIEWER read leaderboards and achievements only.',
  );
}

// ---------------------------------------------------------------------------------------------
// cursors: base64url of "<occurred_at UTC to the microsecond>|<id>"

const CURSOR = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)\.\d{6}Z\|([1-9]\d{0,17})$/;

export function encodeCursor(row: { at: string; id: string }): string {
  return Buffer.from(`${row.at}|${row.id}`, 'utf8').toString('base64url');
}

export function decodeCursor(text: string): Cursor {
  const refused = BadInputError.one('after', 'is not a cursor of this list: pass an endCursor it gave');
  if (text.length > 100 || !/^[A-Za-z0-9_-]+$/.test(text)) throw refused;
  const plain = Buffer.from(text, 'base64url').toString('utf8');
  const m = CURSOR.exec(plain);
  if (!m) throw refused;
  const [, y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0] = m.map(Number);
  const date = new Date(0);
  date.setUTCFullYear(y, mo - 1, d); // years below 100 as they are (Date.UTC would add 1900)
  date.setUTCHours(h, mi, s);
  // a real instant (no 31 February, no hour 24) of years 1–9999
  if (
    y < 1 ||
    date.getUTCFullYear() !== y ||
    date.getUTCMonth() !== mo - 1 ||
    date.getUTCDate() !== d ||
    date.getUTCHours() !== h ||
    date.getUTCMinutes() !== mi ||
    date.getUTCSeconds() !== s
  )
    throw refused;
  const [at, id] = plain.split('|') as [string, string];
  return { at, id };
}

function checkFirst(ctx: AppContext, first: number): void {
  const max = ctx.org.contributionsMax;
  if (!Number.isInteger(first) || first < 1 || first > max)
    throw BadInputError.one('first', `must be between 1 and ${max} (CONTRIBUTIONS_MAX)`);
}

// ---------------------------------------------------------------------------------------------
// loaders: one statement for every page of an operation, one for every total

interface ContributionLoaders {
  pages: DataLoader<PageRequest, ContributionRow[], string>;
  summaries: DataLoader<Subject, SummaryRow, string>;
}

/** Per operation: the loaders object is made afresh for each (context.ts), so these are too. */
const byOperation = new WeakMap<Loaders, ContributionLoaders>();

function loadersOf(ctx: AppContext): ContributionLoaders {
  let found = byOperation.get(ctx.loaders);
  if (!found) {
    const db = ctx.db;
    found = {
      pages: new DataLoader<PageRequest, ContributionRow[], string>(
        async (requests) => {
          const all = await readPages(db, requests);
          return requests.map((_, i) => all.filter((r) => r.ord === i));
        },
        { cacheKeyFn: (r) => JSON.stringify(r) },
      ),
      summaries: new DataLoader<Subject, SummaryRow, string>(
        async (list) => {
          const all = await readSummaries(db, list);
          return list.map((_, i) => all.find((r) => r.ord === i) ?? { ord: i, count: 0, amount: '0.00' });
        },
        { cacheKeyFn: (s) => JSON.stringify(s) },
      ),
    };
    byOperation.set(ctx.loaders, found);
  }
  return found;
}

async function page(
  ctx: AppContext,
  subject: Subject,
  explained: Explained,
  first: number,
  after: string | null,
): Promise<ContributionPage> {
  checkFirst(ctx, first);
  const cursor = after === null ? null : decodeCursor(after);
  const rows =
    subject.kinds.length === 0
      ? []
      : await loadersOf(ctx).pages.load({ subject, take: first + 1, after: cursor });
  const shown = rows.slice(0, first);
  const last = shown.at(-1);
  return Object.assign(new ContributionPage(), {
    subject,
    explained,
    nodes: shown.map((r) =>
      Object.assign(new Contribution(), {
        userId: r.user_id,
        id: r.id,
        kind: r.kind,
        amount: r.amount,
        occurredAt: new Date(r.at),
        recordedAt: new Date(r.recorded_at),
        recordedVia: r.source,
        externalId: r.external_id,
      }),
    ),
    hasNextPage: rows.length > first,
    endCursor: last ? encodeCursor(last) : null,
  });
}

/** The counted activities' count and sum (what `totalCount`, `total` and `pushed` show). */
export async function summaryOf(
  ctx: AppContext,
  found: ContributionPage,
): Promise<{ count: number; total: number | null; pushed: number | null }> {
  const { subject, explained } = found;
  if (subject.kinds.length === 0) return { count: 0, total: null, pushed: null };
  const summary = await loadersOf(ctx).summaries.load(subject);
  const { figure, unit } = explained;
  if (figure === null) return { count: summary.count, total: null, pushed: null };
  if (unit === 'count')
    return { count: summary.count, total: summary.count, pushed: Number(figure) - summary.count };
  // to the cent, from the decimal texts: no float drift in what is left over
  const rest = sumMoney([figure, `-${summary.amount}`]);
  return { count: summary.count, total: Number(summary.amount), pushed: Number(rest) };
}

/** A live board's shared execution has no viewer (and its entries no board): not read there. */
const inLiveBoard = () =>
  BadInputError.one(
    'contributions',
    'is read with a query (HTTP), not in a live board: a board version is shared by all its viewers',
  );

function viewerOf(ctx: AppContext): Viewer {
  if (ctx.viewer) return ctx.viewer;
  throw inLiveBoard();
}

export async function goalContributions(
  ctx: AppContext,
  goal: Goal,
  first: number,
  after: string | null,
): Promise<ContributionPage> {
  const viewer = viewerOf(ctx);
  if (goal.userId !== null) {
    const user = await ctx.loaders.userById.load(goal.userId);
    assertCanExplain(viewer, { userId: goal.userId, userTeamId: user?.teamId ?? null });
  } else if (goal.teamId !== null) {
    assertCanExplain(viewer, { teamId: goal.teamId });
  } else throw new ForbiddenError('This goal has no owner: nothing counts in it.');
  const kinds = KINDS[goal.metric];
  const rate = goal.metric === 'CONVERSION_RATE' || goal.metric === 'WIN_RATE';
  const subject: Subject = {
    userId: goal.userId,
    teamId: goal.userId === null ? goal.teamId : null,
    kinds,
    from: goal.periodStart,
    to: goal.periodEnd,
  };
  const money = goal.metric === 'REVENUE';
  return page(
    ctx,
    subject,
    {
      // currentValue came from numeric(…, 2): toFixed gives back the stored amount
      figure:
        rate || kinds.length === 0 ? null : money ? goal.currentValue.toFixed(2) : String(goal.currentValue),
      unit: money ? 'amount' : 'count',
    },
    first,
    after,
  );
}

export async function entryContributions(
  ctx: AppContext,
  entry: LeaderboardEntry & { board?: BoardOfEntry },
  first: number,
  after: string | null,
): Promise<ContributionPage> {
  const viewer = viewerOf(ctx);
  const board = entry.board;
  if (!board) throw inLiveBoard();
  const user = await ctx.loaders.userById.now(entry.userId);
  assertCanExplain(viewer, { userId: entry.userId, userTeamId: user?.teamId ?? null });
  const kinds = KINDS[board.metric];
  return page(
    ctx,
    { userId: entry.userId, teamId: null, kinds, from: board.periodStart, to: board.periodEnd },
    board.metric === 'REVENUE'
      ? { figure: entry.revenue, unit: 'amount' }
      : board.metric === 'ORDERS'
        ? { figure: String(entry.ordersWon), unit: 'count' }
        : { figure: null, unit: 'count' },
    first,
    after,
  );
}
