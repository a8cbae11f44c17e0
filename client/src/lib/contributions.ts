/**
 * Whose figures the signed-in person may see explained ("Why this number?"): the server's rule
 * (api/modules/goals/contributions.service.ts canExplain), so the button shows only where the
 * server would answer. An ADMIN every figure; a MANAGER their own and those of the teams they
 * manage (and their own team), members and team goals; a REP their own (not a team goal: it lists
 * teammates' activities); a screen none.
 */
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { countOf, noun } from './format.ts';

export type FigureOwner =
  { userId: string; userTeamId: string | null | undefined } | { teamId: string; userId?: undefined };

export function canExplain(viewer: ViewerInfo, owner: FigureOwner): boolean {
  const { role, id } = viewer.me;
  if (role === 'ADMIN') return true;
  if (owner.userId === undefined) return role === 'MANAGER' && viewer.writableTeamIds.has(owner.teamId);
  if (owner.userId === id) return role === 'MANAGER' || role === 'REP';
  return role === 'MANAGER' && !!owner.userTeamId && viewer.writableTeamIds.has(owner.userTeamId);
}

const ACTIVITY = { one: 'activity', other: 'activities' } as const;
const COUNT = { one: 'counts', other: 'count' } as const;

/** "12 activities count towards it, adding up to $270.50." (`total`: formatted, none for a rate). */
export function countedText(totalCount: number, total: string | null): string {
  const counted = `${countOf(totalCount, ACTIVITY)} ${noun(totalCount, COUNT)}`;
  return total === null ? `${counted}.` : `${counted} towards it, adding up to ${total}.`;
}
