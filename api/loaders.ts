/**
 * Per-operation DataLoaders: every nested user/team/members lookup of one operation is batched
 * into one statement per kind, so a 100-row leaderboard costs what a 10-row one costs.
 */
import DataLoader from 'dataloader';
import { inArray } from 'drizzle-orm';
import { teams, users, type TeamRow, type UserRow } from '../schema/db/index.ts';
import type { Database } from './db/client.ts';

export interface Loaders {
  readonly userById: DataLoader<number, UserRow | null>;
  readonly teamById: DataLoader<number, TeamRow | null>;
  readonly membersByTeamId: DataLoader<number, UserRow[]>;
}

export function createLoaders(db: Database): Loaders {
  const userById = new DataLoader<number, UserRow | null>(async (ids) => {
    const found = await db
      .select()
      .from(users)
      .where(inArray(users.id, [...ids]));
    const byId = new Map(found.map((u) => [u.id, u]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const teamById = new DataLoader<number, TeamRow | null>(async (ids) => {
    const found = await db
      .select()
      .from(teams)
      .where(inArray(teams.id, [...ids]));
    const byId = new Map(found.map((t) => [t.id, t]));
    return ids.map((id) => byId.get(id) ?? null);
  });
  const membersByTeamId = new DataLoader<number, UserRow[]>(async (teamIds) => {
    const found = await db
      .select()
      .from(users)
      .where(inArray(users.teamId, [...teamIds]))
      .orderBy(users.name, users.id);
    for (const u of found) userById.prime(u.id, u);
    return teamIds.map((id) => found.filter((u) => u.teamId === id));
  });
  return { userById, teamById, membersByTeamId };
}
