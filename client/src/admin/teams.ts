/**
 * The Teams page's grouping (issue 15), pure: people by team, in the teams' order (the server's:
 * by name), then the people in no team, a group shown only when someone is in it. Screens
 * (VIEWER accounts) are not members the page moves: they are paired on the Screens page, so they
 * are left out. Manager choices are what the server accepts for a team's manager: active
 * MANAGERs and ADMINs.
 */
import type { Role } from '../gql/graphql.ts';

export interface TeamPerson {
  id: string;
  name: string;
  role: Role;
  active: boolean;
  team: { id: string } | null;
}

export interface TeamGroup<T> {
  team: T | null;
  members: TeamPerson[];
}

const byName = (a: TeamPerson, b: TeamPerson) => a.name.localeCompare(b.name);

export function groupByTeam<T extends { id: string }>(
  teams: readonly T[],
  people: readonly TeamPerson[],
): TeamGroup<T>[] {
  const members = people.filter((p) => p.role !== 'VIEWER');
  const groups: TeamGroup<T>[] = teams.map((team) => ({
    team,
    members: members.filter((p) => p.team?.id === team.id).sort(byName),
  }));
  const known = new Set(teams.map((t) => t.id));
  const none = members.filter((p) => !p.team || !known.has(p.team.id)).sort(byName);
  if (none.length) groups.push({ team: null, members: none });
  return groups;
}

export function managerChoices(people: readonly TeamPerson[]): TeamPerson[] {
  return people.filter((p) => p.active && (p.role === 'MANAGER' || p.role === 'ADMIN')).sort(byName);
}
