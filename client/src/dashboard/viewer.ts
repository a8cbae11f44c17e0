/** Who is signed in and what the UI may offer them (the server enforces the same rules). */
import { createContext, useContext } from 'react';
import type { PeriodType, Role } from '../gql/graphql.ts';

export interface Person {
  id: string;
  name: string;
  role: Role;
  teamId: string | null;
  teamName: string | null;
}

export interface TeamInfo {
  id: string;
  name: string;
  managerId: string | null;
  members: Person[];
}

export interface ViewerInfo {
  me: Person & { email: string };
  teams: TeamInfo[];
  /** REPs and MANAGERs, by name: the people with figures. */
  sellers: Person[];
  /** Teams whose goals this viewer may write (ADMIN: all). */
  writableTeamIds: ReadonlySet<string>;
  canReadOthers: boolean;
  canReadGoals: boolean;
  canReadTeamFigures: boolean;
}

export function canWriteGoal(
  viewer: ViewerInfo,
  owner: { userTeamId: string | null | undefined; teamId: string | null | undefined },
): boolean {
  if (viewer.me.role === 'ADMIN') return true;
  if (viewer.me.role !== 'MANAGER') return false;
  const team = owner.teamId ?? owner.userTeamId ?? null;
  return team !== null && viewer.writableTeamIds.has(team);
}

export function canWriteAnyGoal(viewer: ViewerInfo): boolean {
  return viewer.me.role === 'ADMIN' || (viewer.me.role === 'MANAGER' && viewer.writableTeamIds.size > 0);
}

export const ViewerContext = createContext<ViewerInfo | null>(null);

export function useViewer(): ViewerInfo {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside ViewerContext');
  return viewer;
}

export interface PeriodSelection {
  periodType: PeriodType;
  /** 0: the current period; -1: the previous one; 1: the next one (goals only) ... */
  offset: number;
  /** The organisation's today (the server's clock), which offset counts from. */
  today: string;
}
