import { asc, eq } from 'drizzle-orm';
import { teams, type TeamRow } from '../../../schema/db/index.ts';
import type { Queryable } from '../../db/client.ts';

export function listTeams(db: Queryable): Promise<TeamRow[]> {
  return db.select().from(teams).orderBy(asc(teams.name), asc(teams.id));
}

export async function findTeam(db: Queryable, id: number): Promise<TeamRow | undefined> {
  const [row] = await db.select().from(teams).where(eq(teams.id, id));
  return row;
}

export async function insertTeam(
  db: Queryable,
  values: { name: string; managerId: number | null },
): Promise<TeamRow> {
  const [row] = await db.insert(teams).values(values).returning();
  if (!row) throw new Error('insert into teams returned nothing');
  return row;
}
