/**
 * The administration pages beside the dashboard's tabs (issue 15): /people and /screens for ADMIN
 * and MANAGER, /audit for ADMIN only. They are whole pages reached from the top bar, not tabs, because they
 * have nothing to do with the dashboard's team, person and period. A path naming a page the role
 * may not open is not one: the dashboard's own default shows instead (the server refuses anyway).
 */
import type { Role } from '../gql/graphql.ts';

export type AdminPageId = 'people' | 'screens' | 'audit';

export const ADMIN_PAGE_NAMES: Record<AdminPageId, string> = {
  people: 'People',
  screens: 'Screens',
  audit: 'Audit log',
};

export function adminPagesFor(role: Role): AdminPageId[] {
  if (role === 'ADMIN') return ['people', 'screens', 'audit'];
  if (role === 'MANAGER') return ['people', 'screens'];
  return [];
}

export function adminPageOf(path: string, pages: readonly AdminPageId[]): AdminPageId | null {
  const name = path.replace(/^\/+/, '').split('/')[0] ?? '';
  return (pages as readonly string[]).includes(name) ? (name as AdminPageId) : null;
}
