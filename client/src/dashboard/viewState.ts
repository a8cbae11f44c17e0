/**
 * What the dashboard shows — tab, person, team, period, goal filter — lives in the URL
 * (/goals?team=3&person=all&period=quarterly&start=2025-07-01), so a reload or a shared link
 * shows the same view. The URL only holds choices; the view is resolved from it against the
 * loaded directory and the organisation's clock on every render, so a default is never computed
 * before the people it names are known (an admin used to land on a Person select that showed
 * "David Kim" while nobody was chosen), and what a select shows is always what the page shows.
 *
 * Defaults: a manager lands on the team they manage, everyone in it; an admin on the first person
 * of the list; a rep on themself; the current month. "all" in the URL is an explicit "everyone"
 * (team=all, person=all), so it is not replaced by the default.
 */
import type { GoalStatus, PeriodType } from '../gql/graphql.ts';
import { GOAL_STATUSES_BY_ATTENTION } from '../lib/goals.ts';
import { PERIOD_TYPES, periodStart, periodsBetween, shiftPeriod } from '../lib/periods.ts';
import type { Person, PeriodSelection, ViewerInfo } from './viewer.ts';

export type TabId = 'goals' | 'leaderboard' | 'achievements' | 'team' | 'trends';

export const TAB_NAMES: Record<TabId, string> = {
  goals: 'Goals',
  leaderboard: 'Leaderboard',
  achievements: 'Achievements',
  team: 'Team',
  trends: 'Trends',
};

export function tabsFor(viewer: ViewerInfo): TabId[] {
  return viewer.me.role === 'VIEWER'
    ? ['leaderboard', 'achievements']
    : ['goals', 'leaderboard', 'achievements', 'team', 'trends'];
}

export function tabOf(path: string, tabs: readonly TabId[]): TabId {
  const name = path.replace(/^\/+/, '').split('/')[0] ?? '';
  const first = tabs[0] ?? 'leaderboard';
  return (tabs as readonly string[]).includes(name) ? (name as TabId) : first;
}

/** How far ahead the goals tab may step: goals are set for the coming periods too. */
export const GOALS_MAX_OFFSET = 4;

export interface DashboardView {
  tab: TabId;
  /** The team the dashboard is narrowed to; null: all teams. */
  teamId: string | null;
  /** People the Person select offers: the sellers of the chosen team (all teams: everyone). */
  people: Person[];
  /** The chosen person; null: everyone (of the team). */
  person: Person | null;
  period: PeriodSelection;
  /** The goals tab's status filter. */
  status: GoalStatus | null;
  /** A goal to bring into view (a link to it). */
  goalId: string | null;
}

/** The team a manager manages (the first, when several), or their own. */
export function managedTeam(viewer: ViewerInfo): string | null {
  return viewer.teams.find((t) => t.managerId === viewer.me.id)?.id ?? viewer.me.teamId;
}

function sellersOf(viewer: ViewerInfo, teamId: string | null): Person[] {
  return teamId === null ? viewer.sellers : viewer.sellers.filter((p) => p.teamId === teamId);
}

/** The first person of the Person select, which lists them by team. */
function firstListed(viewer: ViewerInfo, people: Person[]): Person | undefined {
  for (const team of viewer.teams) {
    const found = people.find((p) => p.teamId === team.id);
    if (found) return found;
  }
  return people[0];
}

export function resolveView(
  viewer: ViewerInfo,
  path: string,
  params: URLSearchParams,
  today: string,
): DashboardView {
  const tab = tabOf(path, tabsFor(viewer));
  const rawTeam = params.get('team');
  const knownTeam = viewer.teams.some((t) => t.id === rawTeam);
  const teamId =
    rawTeam === 'all'
      ? null
      : knownTeam
        ? rawTeam
        : viewer.me.role === 'MANAGER'
          ? managedTeam(viewer)
          : null;
  const people = sellersOf(viewer, teamId);

  let person: Person | null = null;
  if (viewer.me.role === 'REP') person = viewer.me;
  else if (viewer.canReadOthers) {
    const raw = params.get('person');
    const chosen = raw === 'all' ? null : (people.find((p) => p.id === raw) ?? undefined);
    if (chosen !== undefined) person = chosen;
    // not chosen, or not in the chosen team: the role's default (an admin: the first the list shows)
    else person = viewer.me.role === 'ADMIN' ? (firstListed(viewer, people) ?? null) : null;
  }

  const rawType = params.get('period')?.toUpperCase() ?? '';
  const periodType = (PERIOD_TYPES as readonly string[]).includes(rawType)
    ? (rawType as PeriodType)
    : 'MONTHLY';
  const rawStart = params.get('start');
  const offset =
    rawStart && /^\d{4}-\d{2}-\d{2}$/.test(rawStart) && !Number.isNaN(Date.parse(rawStart))
      ? periodsBetween(periodType, today, rawStart)
      : 0;
  const maxOffset = tab === 'goals' ? GOALS_MAX_OFFSET : 0;

  const rawStatus = params.get('status');
  const status = (GOAL_STATUSES_BY_ATTENTION as readonly string[]).includes(rawStatus ?? '')
    ? (rawStatus as GoalStatus)
    : null;

  return {
    tab,
    teamId,
    people,
    person,
    period: { periodType, offset: Math.min(offset, maxOffset), today },
    status,
    goalId: params.get('goal'),
  };
}

/** The query-string changes for a period chosen in the picker. */
export function periodParams(
  choice: Pick<PeriodSelection, 'periodType' | 'offset'>,
  today: string,
): Record<string, string | null> {
  return {
    period: choice.periodType === 'MONTHLY' ? null : choice.periodType.toLowerCase(),
    start: choice.offset === 0 ? null : shiftPeriod(choice.periodType, today, choice.offset),
  };
}

/** The query string of a view of one goal: its owner, team and period, and the goal itself. */
export function goalLinkParams(goal: {
  id: string;
  periodType: PeriodType;
  periodStart: string;
  userId: string | null;
  teamId: string | null;
}): Record<string, string | null> {
  return {
    team: goal.teamId ?? 'all',
    person: goal.userId ?? 'all',
    period: goal.periodType === 'MONTHLY' ? null : goal.periodType.toLowerCase(),
    start: periodStart(goal.periodType, goal.periodStart),
    status: null,
    goal: goal.id,
  };
}
