/**
 * The security model of ARCHITECTURE.md, in one place. Services call these; the client only hides
 * what these would refuse.
 *
 * - ADMIN: everything.
 * - MANAGER: reads everything; writes goals, achievements, activities and performance for the
 *   members of the teams they manage (teams.manager_id = them, and their own team) and for those teams.
 * - REP: reads their own data, their own goals (and their team's goals), leaderboards, badges.
 * - VIEWER (office TV): leaderboards and achievements only, and of the people on them only what a
 *   screen shows: names and team names (SCREEN_FIELDS); a paired screen whose admin allows it
 *   (showGoals) also its team's goals (screenSeesGoal); its team's contests while its admin
 *   leaves showContests on (screenReadsContests; contest.reads.ts scopes them). A board or
 *   badge leads to users and teams, and from there to e-mail addresses, roles, members and
 *   managers: the services scope rows, and field visibility (core/graphql/visibility.ts) refuses
 *   every field a screen does not need, on every type, new fields included, over HTTP and
 *   WebSocket alike.
 *
 * Just over 300 lines on purpose: the whole security model in one file, to review in one place.
 */
import type { CelebrationKind, LeaderboardMetric, PeriodType, Role } from '../../schema/db/constants.ts';
import { ForbiddenError } from './errors.ts';

export interface Viewer {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: number | null;
  /** Teams a MANAGER may write for; empty for other roles. */
  readonly managedTeamIds: readonly number[];
  /**
   * A paired screen's account (users.kind 'screen', always VIEWER): what it shows. Its reads are
   * limited to its own team's boards and badges (assertScreenReads); absent for everyone else,
   * including a legacy VIEWER person such as tv@example.com.
   */
  readonly screen?: ScreenLayout;
}

/** What a paired screen rotates (schema/db/screens.ts), pushed to it by `myScreen`. */
export interface ScreenLayout {
  /** The boards in rotation, in order (at least one). */
  readonly boards: readonly LeaderboardMetric[];
  readonly secondsPerBoard: number;
  readonly periodType: PeriodType;
  /** Shown alone, instead of the rotation, when set. */
  readonly pinned: LeaderboardMetric | null;
  /** Its credential reads its team's goals, and its TV rotates a goals board (screenReadsGoals). */
  readonly showGoals: boolean;
  /** Its credential reads its team's contests, and its TV rotates them (screenReadsContests). */
  readonly showContests: boolean;
  /** The events that interrupt its rotation with a card (issue 17). */
  readonly celebrations: readonly CelebrationKind[];
  /** A sale is celebrated from this amount (whole units of the organisation's currency). */
  readonly saleAmount: number;
  /** A short chime with each card. */
  readonly sound: boolean;
}

/**
 * A paired screen reads its own team's boards and badges only (a screen of no team: the whole
 * organisation's), never one person's: `teamId` is the team asked for (null: everyone),
 * `userId` a person asked for. Everyone else passes. Checked in memory, from the viewer.
 */
export function assertScreenReads(viewer: Viewer, teamId: number | null, userId: number | null = null): void {
  if (!viewer.screen) return;
  if (userId !== null)
    throw new ForbiddenError('A screen reads its team’s boards and badges, not a person’s.');
  if (viewer.teamId !== null && teamId !== viewer.teamId)
    throw new ForbiddenError(
      `This screen shows team ${viewer.teamId} only: ask for teamId ${viewer.teamId}.`,
    );
}

/**
 * Whether a paired screen may read goals now: its admin allowed it (`showGoals`). Read from the
 * viewer, which the directory keeps in memory and drops on every screens change, so the goal
 * streams check it per event at no cost and a switch-off binds the next event (and ends open goal
 * streams at once: subscriptions.streams.ts).
 */
export function screenReadsGoals(viewer: Viewer): boolean {
  return viewer.screen?.showGoals === true;
}

/**
 * Whether a VIEWER may read contests now: a paired screen whose admin left `showContests` on (the
 * default), or a VIEWER that is no paired screen (a legacy `?token=` TV, as before). Read from the
 * viewer in memory, like screenReadsGoals: a switch-off binds the next request and event.
 */
export function screenReadsContests(viewer: Viewer): boolean {
  return viewer.screen === undefined || viewer.screen.showContests;
}

/**
 * The goals a screen allowed to read them sees: its team's own goals (a screen of no team: every
 * team's), never a person's (a screen shows no one's own figures).
 */
export function screenSeesGoal(viewer: Viewer, owner: { userId: number | null; teamId: number | null }) {
  return (
    screenReadsGoals(viewer) &&
    owner.userId === null &&
    owner.teamId !== null &&
    (viewer.teamId === null || owner.teamId === viewer.teamId)
  );
}

/**
 * A goal read by a VIEWER: a paired screen allowed to read goals asking for its team's goals (no
 * user, its team or none), or FORBIDDEN as before for every other screen. Other roles pass.
 */
export function assertScreenGoalReads(viewer: Viewer, userId: number | null, teamId: number | null): void {
  if (viewer.role !== 'VIEWER') return;
  if (!screenReadsGoals(viewer)) assertNotViewer(viewer);
  if (userId !== null) throw new ForbiddenError('A screen reads its team’s goals, not a person’s.');
  if (viewer.teamId !== null && teamId !== null && teamId !== viewer.teamId)
    throw new ForbiddenError(
      `This screen shows team ${viewer.teamId} only: ask for teamId ${viewer.teamId}.`,
    );
}

export interface Owned {
  readonly id: number;
  readonly teamId: number | null;
}

/** Whether the viewer may read a user's figures, goals and profile details (a screen: nobody's). */
export function canReadUser(viewer: Viewer, userId: number): boolean {
  if (viewer.role === 'VIEWER') return false;
  return viewer.role === 'ADMIN' || viewer.role === 'MANAGER' || viewer.id === userId;
}

export function assertCanReadUser(viewer: Viewer, userId: number): void {
  assertNotViewer(viewer);
  if (!canReadUser(viewer, userId)) throw new ForbiddenError('You may only read your own figures.');
}

/** Users whose data the viewer may list: every user, or only themselves. VIEWER: none. */
export function readableUserScope(viewer: Viewer): 'all' | number {
  if (viewer.role === 'ADMIN' || viewer.role === 'MANAGER') return 'all';
  if (viewer.role === 'REP') return viewer.id;
  throw new ForbiddenError('Screens signed in as VIEWER read leaderboards and achievements only.');
}

export function canWriteForTeam(viewer: Viewer, teamId: number | null): boolean {
  if (viewer.role === 'ADMIN') return true;
  return viewer.role === 'MANAGER' && teamId !== null && viewer.managedTeamIds.includes(teamId);
}

export function assertCanWriteForUser(viewer: Viewer, user: Owned): void {
  if (!canWriteForTeam(viewer, user.teamId)) {
    throw new ForbiddenError(
      viewer.role === 'MANAGER'
        ? `User ${user.id} is not in a team you manage.`
        : 'Only managers and admins record data or set goals.',
    );
  }
}

export function assertCanWriteForTeam(viewer: Viewer, teamId: number): void {
  if (!canWriteForTeam(viewer, teamId)) {
    throw new ForbiddenError(
      viewer.role === 'MANAGER'
        ? `Team ${teamId} is not a team you manage.`
        : 'Only managers and admins set team goals.',
    );
  }
}

export function assertRole(viewer: Viewer, roles: readonly Role[], message?: string): void {
  if (!roles.includes(viewer.role)) throw new ForbiddenError(message);
}

export function assertNotViewer(viewer: Viewer): void {
  if (viewer.role === 'VIEWER') {
    throw new ForbiddenError('Screens signed in as VIEWER read leaderboards and achievements only.');
  }
}

/**
 * Whose view of the directory an execution is for: people who may read it, or a screen (VIEWER).
 * Two audiences, not one view per caller: a board's subscription is executed once per audience
 * and shared by all its subscribers of that audience (live/shared-execution.ts).
 */
export type Audience = 'directory' | 'screen';

export function audienceOf(viewer: Viewer): Audience {
  return viewer.role === 'VIEWER' ? 'screen' : 'directory';
}

/**
 * The only fields of object types a screen reads (root fields are the services' to allow or
 * refuse): what the TV page and a VIEWER's dashboard show on boards and badges. Every field not
 * listed here, on any type, including fields added later, is refused to a screen.
 */
export const SCREEN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  Leaderboard: [
    'periodType',
    'periodStart',
    'periodEnd',
    'metric',
    'version',
    'generatedAt',
    'totalEntries',
    'entries',
    'team',
    'minimumSample',
    'unrankedCount',
    // a seller's place on a board the caller may read: nothing the same board with a larger
    // limit would not show (the dashboard's Leaderboard tab asks for it, also for a screen)
    'standing',
  ],
  LeaderboardStanding: ['rank', 'sample', 'gap', 'entry', 'ahead'],
  LeaderboardEntry: [
    'rank',
    // public board data too: the move since the previous period's close, shown on the TV
    'previousRank',
    'medal',
    'revenue',
    'ordersWon',
    'conversionRate',
    'winRate',
    'revenueRank',
    'ordersRank',
    'conversionRank',
    'winRateRank',
    'leadsCreated',
    'opportunitiesClosed',
    'user',
  ],
  Achievement: ['id', 'kind', 'title', 'description', 'badgeIcon', 'value', 'achievedAt', 'ruleId', 'user'],
  // kudos of the screen's team (kudos.service.ts scopes them); a private one's message resolves to
  // null for every screen (kudos.resolver.ts), whatever the field list says
  Kudos: ['id', 'message', 'private', 'createdAt', 'giver', 'recipient'],
  KudosPage: ['nodes', 'hasNextPage', 'endCursor'],
  User: ['id', 'name', 'team'],
  Team: ['id', 'name'],
  // the organisation's calendar: a screen's period picker says "current" by it, not by its own clock
  OrganisationClock: ['timeZone', 'today', 'now', 'periods', 'paceBasis'],
  Organisation: ['timeZone', 'currency'],
  CurrentPeriod: ['periodType', 'periodStart', 'periodEnd', 'elapsedDays', 'periodDays'],
  // contests of the screen's team (contest.reads.ts scopes them): names, window and standings
  Contest: [
    'id',
    'name',
    'description',
    'prize',
    'startsAt',
    'endsAt',
    'metric',
    'activityKind',
    'goalMetric',
    'format',
    'everyone',
    'status',
    'users',
    'teams',
    'pairs',
    'standings',
  ],
  ContestPair: ['user', 'opponent'],
  ContestList: ['generatedAt', 'contests'],
  ContestStandings: [
    'contestId',
    'name',
    'status',
    'startsAt',
    'endsAt',
    'generatedAt',
    'frozen',
    'closedAt',
    'frozenAt',
    'entries',
    'winners',
  ],
  ContestEntry: ['rank', 'value', 'members', 'opponentValue', 'leading', 'user', 'team', 'opponent'],
  // a paired screen's own layout (myScreen: no other screen's is reachable)
  ScreenLayout: [
    'boards',
    'secondsPerBoard',
    'periodType',
    'pinned',
    'showGoals',
    'showContests',
    'celebrations',
    'saleAmount',
    'sound',
  ],
  // what the TV's goals board shows; reachable only through the goal roots, which give a screen
  // its team's goals when its admin allows it (screenReadsGoals) and refuse every other screen
  Goal: [
    'id',
    'metric',
    'periodType',
    'periodStart',
    'periodEnd',
    'targetValue',
    'currentValue',
    'achievementPercentage',
    'status',
    'projectedValue',
    'user',
    'team',
  ],
};

/**
 * Rows that may be the caller's own, by type: a screen reads all of its own profile (`me { email
 * role }`: the TV page asks for its role).
 */
export const OWN_ROWS: Readonly<Record<string, (row: unknown) => number | undefined>> = {
  User: (row) => (row as { id?: number }).id,
};

/** A field a screen may not read: FORBIDDEN, naming the field as `Type.field`. */
export class HiddenFieldError extends ForbiddenError {
  constructor(readonly field: string) {
    super(`Screens signed in as VIEWER do not see ${field}.`);
  }
  override extensions(): Record<string, unknown> {
    return { fields: [{ field: this.field, message: 'is not shown to screens (VIEWER)' }] };
  }
}
