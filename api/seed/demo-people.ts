/**
 * The demo organisation: three teams, their managers, fifteen reps and the office TV account.
 * Each seller carries a profile (skill, trend, seasonality, win rate) that the activity generator
 * turns into twelve months of history, so trends and leaderboards differ from person to person.
 */
import { eq } from 'drizzle-orm';
import type { Role } from '../../schema/db/constants.ts';
import { teams, users } from '../../schema/db/index.ts';
import type { Queryable } from '../db/client.ts';

export interface TeamSpec {
  readonly name: string;
  /** ORDER_WON amounts are drawn between these (log-uniform). */
  readonly dealMin: number;
  readonly dealMax: number;
  /** Leads a typical rep of the team creates on a weekday. */
  readonly leadsPerDay: number;
  readonly meetingsPerDay: number;
}

export interface SellerProfile {
  /** Activity multiplier: 1 is a typical rep of the team. */
  readonly skill: number;
  /** Relative change of activity per month across the year (+0.06: rising, -0.05: falling). */
  readonly trend: number;
  /** Calendar month (1-12) of the seasonal peak, and its strength (0: flat). */
  readonly peakMonth: number;
  readonly season: number;
  /** Share of quotations that end accepted and won. */
  readonly winRate: number;
}

export interface PersonSpec {
  readonly name: string;
  readonly role: Extract<Role, 'MANAGER' | 'REP' | 'VIEWER'>;
  /** Index into DEMO_TEAMS, or null (the TV account). */
  readonly team: number | null;
  readonly email?: string;
  readonly profile?: SellerProfile;
}

export interface SeededPerson {
  readonly id: number;
  readonly spec: PersonSpec;
  readonly teamId: number | null;
}

export interface SeededTeam {
  readonly id: number;
  readonly spec: TeamSpec;
  readonly managerId: number;
}

export const DEMO_TEAMS: readonly TeamSpec[] = [
  { name: 'Enterprise', dealMin: 6000, dealMax: 25000, leadsPerDay: 0.8, meetingsPerDay: 0.8 },
  { name: 'Mid-Market', dealMin: 2500, dealMax: 12000, leadsPerDay: 1.1, meetingsPerDay: 0.5 },
  { name: 'SMB', dealMin: 500, dealMax: 4000, leadsPerDay: 1.5, meetingsPerDay: 0.3 },
];

const p = (
  skill: number,
  trend: number,
  peakMonth: number,
  season: number,
  winRate: number,
): SellerProfile => ({
  skill,
  trend,
  peakMonth,
  season,
  winRate,
});

/** In insertion order: John Smith first, so that he is user 1 as in the original spec. */
export const DEMO_PEOPLE: readonly PersonSpec[] = [
  { name: 'John Smith', role: 'REP', team: 0, profile: p(1.0, 0.02, 11, 0.15, 0.55) },
  { name: 'Emily Chen', role: 'REP', team: 0, profile: p(1.3, 0.05, 12, 0.1, 0.6) },
  { name: 'Michael Brown', role: 'REP', team: 0, profile: p(1.15, -0.05, 6, 0.1, 0.5) },
  { name: 'Sofia Garcia', role: 'REP', team: 0, profile: p(0.75, 0.08, 3, 0.05, 0.45) },
  { name: 'David Kim', role: 'REP', team: 0, profile: p(0.9, 0, 11, 0.35, 0.5) },
  { name: 'Olivia Johnson', role: 'REP', team: 1, profile: p(1.25, 0.01, 12, 0.1, 0.6) },
  { name: 'James Wilson', role: 'REP', team: 1, profile: p(0.85, 0.07, 9, 0.1, 0.5) },
  { name: 'Priya Patel', role: 'REP', team: 1, profile: p(1.05, -0.03, 4, 0.3, 0.55) },
  { name: 'Lucas Martin', role: 'REP', team: 1, profile: p(0.7, -0.06, 1, 0.05, 0.4) },
  { name: 'Hannah Lee', role: 'REP', team: 1, profile: p(1.0, 0.04, 11, 0.2, 0.5) },
  { name: 'Noah Davis', role: 'REP', team: 2, profile: p(1.2, 0.03, 12, 0.25, 0.55) },
  { name: 'Ava Thompson', role: 'REP', team: 2, profile: p(0.95, 0.09, 10, 0.1, 0.5) },
  { name: 'Ethan Clark', role: 'REP', team: 2, profile: p(1.1, -0.04, 5, 0.15, 0.45) },
  { name: 'Mia Rodriguez', role: 'REP', team: 2, profile: p(0.8, 0.02, 7, 0.4, 0.6) },
  { name: 'Liam Walker', role: 'REP', team: 2, profile: p(0.65, 0.05, 11, 0.1, 0.4) },
  { name: 'Sarah Mitchell', role: 'MANAGER', team: 0, profile: p(0.25, 0, 12, 0.1, 0.65) },
  { name: 'Robert Taylor', role: 'MANAGER', team: 1, profile: p(0.3, 0.01, 12, 0.1, 0.6) },
  { name: 'Laura Bennett', role: 'MANAGER', team: 2, profile: p(0.3, -0.01, 12, 0.1, 0.6) },
  { name: 'Office TV', role: 'VIEWER', team: null, email: 'tv@example.com' },
];

export function emailOf(spec: PersonSpec): string {
  return spec.email ?? `${spec.name.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com`;
}

/** Inserts the teams, then the people one by one (identity ids follow the list), then the managers. */
export async function insertPeople(db: Queryable): Promise<{ people: SeededPerson[]; teams: SeededTeam[] }> {
  const teamIds: number[] = [];
  for (const spec of DEMO_TEAMS) {
    const [row] = await db.insert(teams).values({ name: spec.name }).returning({ id: teams.id });
    if (!row) throw new Error(`seed: team ${spec.name} was not inserted`);
    teamIds.push(row.id);
  }
  const people: SeededPerson[] = [];
  for (const spec of DEMO_PEOPLE) {
    const teamId = spec.team === null ? null : (teamIds[spec.team] ?? null);
    const [row] = await db
      .insert(users)
      .values({ name: spec.name, email: emailOf(spec), role: spec.role, teamId })
      .returning({ id: users.id });
    if (!row) throw new Error(`seed: user ${spec.name} was not inserted`);
    people.push({ id: row.id, spec, teamId });
  }
  const seededTeams: SeededTeam[] = [];
  for (const [index, spec] of DEMO_TEAMS.entries()) {
    const id = teamIds[index];
    const manager = people.find((person) => person.spec.role === 'MANAGER' && person.spec.team === index);
    if (id === undefined || !manager) throw new Error(`seed: team ${spec.name} has no manager`);
    await db.update(teams).set({ managerId: manager.id }).where(eq(teams.id, id));
    seededTeams.push({ id, spec, managerId: manager.id });
  }
  return { people, teams: seededTeams };
}
