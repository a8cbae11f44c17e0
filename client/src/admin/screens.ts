/**
 * What the Screens page offers (issue 15): the teams a screen may be paired into and whether
 * "no team" is a choice. An ADMIN pairs a screen into any team or none (the whole organisation);
 * a MANAGER only into a team they manage, a team being required. Decided here only to leave out
 * what the server would refuse anyway (pairScreen checks the same).
 */
import type { Role } from '../gql/graphql.ts';

export interface TeamChoice {
  id: string;
  name: string;
}

export interface PairChoices {
  teams: TeamChoice[];
  /** Whether the screen may belong to no team (the whole organisation's boards). */
  noTeam: boolean;
}

export function pairChoicesOf(
  me: { id: string; role: Role },
  teams: readonly (TeamChoice & { managerId: string | null })[],
): PairChoices {
  const choices = (list: typeof teams) => list.map((t) => ({ id: t.id, name: t.name }));
  if (me.role === 'ADMIN') return { teams: choices(teams), noTeam: true };
  if (me.role === 'MANAGER')
    return { teams: choices(teams.filter((t) => t.managerId === me.id)), noTeam: false };
  return { teams: [], noTeam: false };
}

/** The code as typed: letters and digits only, upper case ("k7qm 2xpd" → "K7QM2XPD"). */
export function normalCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Shown while typing: "K7QM2XPD" → "K7QM-2XPD" (at most 8 characters kept). */
export function displayCode(typed: string): string {
  const code = normalCode(typed).slice(0, 8);
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}
