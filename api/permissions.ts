/**
 * The security model of ARCHITECTURE.md, in one place. Services call these; the client only hides
 * what these would refuse.
 *
 * - ADMIN: everything.
 * - MANAGER: reads everything; writes goals, achievements, activities and performance for the
 *   members of the teams they manage (teams.manager_id = them, and their own team) and for those teams.
 * - REP: reads their own data, their own goals (and their team's goals), leaderboards, badges.
 * - VIEWER (office TV): leaderboards and achievements only.
 */
import type { Role } from '../schema/db/constants.ts';
import { ForbiddenError } from './errors.ts';

export interface Viewer {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly teamId: number | null;
  /** Teams a MANAGER may write for; empty for other roles. */
  readonly managedTeamIds: readonly number[];
}

export interface Owned {
  readonly id: number;
  readonly teamId: number | null;
}

/** Whether the viewer may read another user's figures, goals and profile details. */
export function canReadUser(viewer: Viewer, userId: number): boolean {
  return viewer.role === 'ADMIN' || viewer.role === 'MANAGER' || viewer.id === userId;
}

export function assertCanReadUser(viewer: Viewer, userId: number): void {
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
