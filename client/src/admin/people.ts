/**
 * What the People page lists and offers (issue 15). The list is filtered here, in the browser,
 * from `users` (every person, active or not), by a search over name and e-mail and by team, role
 * and state. What a role may do is decided here only to leave out what the server would refuse
 * anyway: an ADMIN edits, deactivates, signs out and issues links for anyone; a MANAGER invites a
 * REP into a team they manage and issues links for the REPs of those teams, and nothing else.
 * With OIDC_ONLY (no passwords) an ADMIN adds people instead of inviting them, and no one issues
 * password links.
 */
import type { Role } from '../gql/graphql.ts';

export const ROLES: readonly Role[] = ['ADMIN', 'MANAGER', 'REP', 'VIEWER'];

export const ROLE_NAMES: Record<Role, string> = {
  ADMIN: 'Admin',
  MANAGER: 'Manager',
  REP: 'Rep',
  VIEWER: 'Viewer (screen)',
};

export interface PersonRow {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  team: { id: string; name: string } | null;
}

export interface PeopleFilter {
  /** Name or e-mail, any part, any case. */
  q: string;
  /** A team id, "none" for people in no team, or "" for all. */
  team: string;
  role: Role | '';
  state: 'active' | 'inactive' | '';
}

export function filterPeople(people: readonly PersonRow[], filter: PeopleFilter): PersonRow[] {
  const q = filter.q.trim().toLowerCase();
  return people.filter(
    (p) =>
      (!q || p.name.toLowerCase().includes(q) || p.email.toLowerCase().includes(q)) &&
      (!filter.team || (filter.team === 'none' ? p.team === null : p.team?.id === filter.team)) &&
      (!filter.role || p.role === filter.role) &&
      (!filter.state || (filter.state === 'active') === p.active),
  );
}

export interface Abilities {
  /**
   * OIDC_ONLY: the single sign-on's label. There are no passwords, so no invitations or password
   * links: an ADMIN adds people (createUser), who then sign in with the provider; a MANAGER adds
   * no one (the provider does, OIDC_AUTO_CREATE).
   */
  ssoOnly: string | null;
  /** Teams one may invite into; empty: no inviting. */
  inviteTeamIds: ReadonlySet<string> | 'any';
  inviteRoles: readonly Role[];
  edit: boolean;
  signOut: boolean;
  passwordLinkFor: (person: PersonRow) => boolean;
}

export function abilitiesOf(
  me: { id: string; role: Role },
  managedTeamIds: readonly string[],
  ssoOnly: string | null = null,
): Abilities {
  if (me.role === 'ADMIN')
    return {
      ssoOnly,
      inviteTeamIds: 'any',
      inviteRoles: ROLES,
      edit: true,
      signOut: true,
      passwordLinkFor: (p) => ssoOnly === null && p.active,
    };
  const managed = new Set(me.role === 'MANAGER' && ssoOnly === null ? managedTeamIds : []);
  return {
    ssoOnly,
    inviteTeamIds: managed,
    inviteRoles: managed.size ? ['REP'] : [],
    edit: false,
    signOut: false,
    passwordLinkFor: (p) => p.active && p.role === 'REP' && !!p.team && managed.has(p.team.id),
  };
}
