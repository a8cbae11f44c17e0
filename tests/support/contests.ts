/**
 * Contest helpers for tests: create a contest through the API, read its standings, and turn the
 * organisation's wall-clock times into instants (as the web client does) without assuming a date.
 */
import { zoneOffsetMs } from '../../api/domain/zoned-time.ts';
import { dataOf, type TestServer } from './server.ts';

export interface Entry {
  rank: number | null;
  value: string | null;
  members: number | null;
  opponentValue: string | null;
  leading: boolean | null;
  user: { id: string; name: string } | null;
  team: { id: string; name: string } | null;
  opponent: { id: string } | null;
}

export interface Standings {
  status: string;
  frozen: boolean;
  closedAt: string | null;
  frozenAt: string | null;
  startsAt: string;
  endsAt: string;
  entries: Entry[];
  winners: { id: string; name: string }[];
}

export const STANDINGS = `status frozen closedAt frozenAt startsAt endsAt
  entries { rank value members opponentValue leading user { id name } team { id name } opponent { id } }
  winners { id name }`;

/** createContest; returns its id. */
export async function createContest(
  server: TestServer,
  input: Record<string, unknown>,
  as = 'admin@example.com',
): Promise<string> {
  return dataOf(
    await server.gql<{ createContest: { id: string } }>(
      `mutation($i: CreateContestInput!) { createContest(input: $i) { id } }`,
      { i: input },
      as,
    ),
  ).createContest.id;
}

export async function standings(
  server: TestServer,
  id: string,
  as = 'admin@example.com',
): Promise<Standings> {
  const contest = dataOf(
    await server.gql<{ contest: { standings: Standings } | null }>(
      `query($id: ID!) { contest(id: $id) { standings { ${STANDINGS} } } }`,
      { id },
      as,
    ),
  ).contest;
  if (!contest) throw new Error(`contest ${id} not found`);
  return contest.standings;
}

/** The instant a wall clock in `timeZone` shows `date` `hh:mm` (a time a DST jump skips: after it). */
export function localInstant(date: string, hh: number, mm: number, timeZone: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - zoneOffsetMs(wall, timeZone);
  guess = wall - zoneOffsetMs(guess, timeZone);
  return new Date(guess);
}

/** `date` plus `days` ('YYYY-MM-DD'). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}
