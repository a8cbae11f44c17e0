import { describe, expect, it } from 'vitest';
import type { Role } from '../gql/graphql.ts';
import { periodsBetween, relativePeriodLabel } from '../lib/periods.ts';
import type { Person, ViewerInfo } from './viewer.ts';
import { periodParams, resolveView } from './viewState.ts';

const person = (id: string, name: string, teamId: string, role: Role = 'REP'): Person => ({
  id,
  name,
  role,
  teamId,
  teamName: teamId === 't1' ? 'Enterprise' : 'SMB',
});
const sarah = person('9', 'Sarah Mitchell', 't1', 'MANAGER');
const people = [
  person('1', 'John Smith', 't1'),
  person('2', 'David Kim', 't1'),
  sarah,
  person('3', 'Ava Thompson', 't2'),
];

function viewerAs(role: Role, me: Person): ViewerInfo {
  const teams = [
    { id: 't1', name: 'Enterprise', managerId: '9', members: people.filter((p) => p.teamId === 't1') },
    { id: 't2', name: 'SMB', managerId: null, members: people.filter((p) => p.teamId === 't2') },
  ];
  return {
    me: { ...me, role, email: 'x@example.com' },
    teams,
    sellers: [...people].sort((a, b) => a.name.localeCompare(b.name)),
    writableTeamIds: new Set(role === 'MANAGER' ? ['t1'] : []),
    canReadOthers: role === 'ADMIN' || role === 'MANAGER',
    canReadGoals: role !== 'VIEWER',
    canReadTeamFigures: role === 'ADMIN' || role === 'MANAGER',
  };
}
const TODAY = '2026-12-06';
const view = (viewer: ViewerInfo, path: string, query = '') =>
  resolveView(viewer, path, new URLSearchParams(query), TODAY);

describe('the dashboard’s view from the URL', () => {
  it('lands a manager on the team they manage, everyone in it, the current month', () => {
    const v = view(viewerAs('MANAGER', sarah), '/');
    expect(v).toMatchObject({ tab: 'goals', teamId: 't1', person: null, status: null, goalId: null });
    expect(v.people.map((p) => p.name)).toEqual(['David Kim', 'John Smith', 'Sarah Mitchell']);
    expect(v.period).toEqual({ periodType: 'MONTHLY', offset: 0, today: TODAY });
  });

  it('lands an admin on the first person the Person select lists (by team), a rep on themself', () => {
    expect(view(viewerAs('ADMIN', person('0', 'Admin', 't1')), '/').person?.name).toBe('David Kim');
    expect(view(viewerAs('REP', people[0]!), '/', 'person=2').person?.name).toBe('John Smith');
  });

  it('keeps explicit choices, and falls back when the person is not in the chosen team', () => {
    const admin = viewerAs('ADMIN', person('0', 'Admin', 't1'));
    expect(view(admin, '/team', 'team=all&person=all')).toMatchObject({
      tab: 'team',
      teamId: null,
      person: null,
    });
    expect(view(admin, '/', 'team=t2&person=3').person?.name).toBe('Ava Thompson');
    expect(view(admin, '/', 'team=t2&person=1').person?.name).toBe('Ava Thompson');
    expect(view(viewerAs('MANAGER', sarah), '/', 'team=t2&person=1').person).toBeNull();
    expect(view(admin, '/', 'team=nope').teamId).toBeNull();
  });

  it('reads the period from its type and start, counted from the organisation’s today', () => {
    const admin = viewerAs('ADMIN', person('0', 'Admin', 't1'));
    expect(view(admin, '/leaderboard', 'period=quarterly&start=2026-07-01').period).toEqual({
      periodType: 'QUARTERLY',
      offset: -1,
      today: TODAY,
    });
    // ahead only on the goals tab
    expect(view(admin, '/goals', 'start=2027-01-01').period.offset).toBe(1);
    expect(view(admin, '/leaderboard', 'start=2027-01-01').period.offset).toBe(0);
    expect(view(admin, '/goals', 'period=bogus&start=nonsense').period).toMatchObject({
      periodType: 'MONTHLY',
      offset: 0,
    });
    expect(periodParams({ periodType: 'WEEKLY', offset: -2 }, TODAY)).toEqual({
      period: 'weekly',
      start: '2026-11-16',
    });
    expect(periodParams({ periodType: 'MONTHLY', offset: 0 }, TODAY)).toEqual({ period: null, start: null });
  });
});

describe('periods by name', () => {
  it('counts periods between two days', () => {
    expect(periodsBetween('WEEKLY', '2026-12-06', '2026-11-30')).toBe(0); // a Sunday: the same ISO week
    expect(periodsBetween('WEEKLY', '2026-12-07', '2026-11-30')).toBe(-1);
    expect(periodsBetween('MONTHLY', '2026-12-06', '2027-02-28')).toBe(2);
    expect(periodsBetween('QUARTERLY', '2026-12-06', '2026-01-01')).toBe(-3);
    expect(periodsBetween('YEARLY', '2026-12-06', '2024-05-05')).toBe(-2);
    expect(periodsBetween('DAILY', '2026-12-06', '2027-01-01')).toBe(26);
  });

  it('names periods relative to today, weeks Monday to Sunday', () => {
    expect(relativePeriodLabel('MONTHLY', TODAY, 0)).toBe('This month · December 2026');
    expect(relativePeriodLabel('MONTHLY', TODAY, -1)).toBe('Last month · November 2026');
    expect(relativePeriodLabel('QUARTERLY', TODAY, 1)).toBe('Next quarter · Q1 2027');
    expect(relativePeriodLabel('WEEKLY', TODAY, 0)).toBe('This week · Nov 30 – Dec 6, 2026 (Mon–Sun)');
    expect(relativePeriodLabel('WEEKLY', TODAY, 1)).toBe('Next week · Dec 7 – Dec 13, 2026 (Mon–Sun)');
    expect(relativePeriodLabel('DAILY', TODAY, 3)).toBe('Wed, Dec 9, 2026');
  });
});
