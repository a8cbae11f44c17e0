/**
 * The administration pages beside the dashboard's tabs (issue 15): /people, /teams and /screens
 * for ADMIN and MANAGER (a manager's Teams page is read-only), /badges, /webhooks, /organisation and /audit
 * for ADMIN only. They are whole pages reached from the top bar, not tabs, because they
 * have nothing to do with the dashboard's team, person and period. A path naming a page the role
 * may not open is not one: the dashboard's own default shows instead (the server refuses anyway).
 */
import type { Role } from '../gql/graphql.ts';

export type AdminPageId = 'people' | 'teams' | 'screens' | 'badges' | 'webhooks' | 'organisation' | 'audit';

export const ADMIN_PAGE_NAMES: Record<AdminPageId, string> = {
  people: 'People',
  teams: 'Teams',
  screens: 'Screens',
  badges: 'Badges',
  webhooks: 'Webhooks',
  organisation: 'Organisation',
  audit: 'Audit log',
};

export function adminPagesFor(role: Role): AdminPageId[] {
  if (role === 'ADMIN') return ['people', 'teams', 'screens', 'badges', 'webhooks', 'organisation', 'audit'];
  if (role === 'MANAGER') return ['people', 'teams', 'screens'];
  return [];
}

export function adminPageOf(path: string, pages: readonly AdminPageId[]): AdminPageId | null {
  const name = path.replace(/^\/+/, '').split('/')[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as AdminPageId) : null;
}
