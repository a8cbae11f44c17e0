/**
 * The database's projection (goal_projected_value, what every goal's projectedValue is) against
 * its reference in JavaScript (tests/oracles/projection.ts), over random goals: every metric kind,
 * every period type, instants before, inside and after the period, DST days in the zones.
 */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PERIOD_TYPES, periodBounds, periodStart } from '../../api/domain/periods.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { elapsedFraction, projectedValue } from './projection.ts';

const DAY_MS = 86_400_000;
const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Australia/Lord_Howe', 'Pacific/Kiritimati'];

let server: TestServer;
beforeAll(async () => (server = await startTestServer()));
afterAll(() => server?.close());

describe('goal_projected_value', () => {
  it('equals the reference projection for random goals, instants and zones (a cent at most apart)', async () => {
    const cases = fc
      .sample(
        fc.record({
          metric: fc.constantFrom('REVENUE', 'ORDERS', 'CALLS', 'CONVERSION_RATE', 'WIN_RATE', 'CUSTOM'),
          cents: fc.integer({ min: 0, max: 1_000_000_00 }),
          periodType: fc.constantFrom(...PERIOD_TYPES),
          day: fc.integer({ min: Date.UTC(2000, 0, 1) / DAY_MS, max: Date.UTC(2035, 11, 31) / DAY_MS }),
          // from a day before the period to well after it, in minutes
          offsetMinutes: fc.integer({ min: -1440, max: 400 * 1440 }),
          zone: fc.constantFrom(...ZONES),
        }),
        { numRuns: 400, seed: 20261206 },
      )
      .map((c) => {
        const start = periodStart(c.periodType, new Date(c.day * DAY_MS).toISOString().slice(0, 10));
        const at = new Date(
          periodBounds(c.periodType, start, c.zone).from.getTime() + c.offsetMinutes * 60_000,
        );
        return { ...c, start, at, current: (c.cents / 100).toFixed(2) };
      });
    const found = await server.sql<{ i: number; projected: string }>(
      sql`select k.i::int as i, goal_projected_value(k.m::goal_metric, k.c, k.pt::period_type, k.ps, k.at, k.tz)::text as projected
          from unnest(${`{${cases.map((c) => c.metric).join(',')}}`}::text[],
                      ${`{${cases.map((c) => c.current).join(',')}}`}::numeric[],
                      ${`{${cases.map((c) => c.periodType).join(',')}}`}::text[],
                      ${`{${cases.map((c) => c.start).join(',')}}`}::date[],
                      ${`{${cases.map((c) => `"${c.at.toISOString()}"`).join(',')}}`}::timestamptz[],
                      ${`{${cases.map((c) => c.zone).join(',')}}`}::text[])
               with ordinality as k(m, c, pt, ps, at, tz, i)
          order by k.i`,
    );
    expect(found).toHaveLength(cases.length);
    cases.forEach((c, i) => {
      const isRate = c.metric === 'CONVERSION_RATE' || c.metric === 'WIN_RATE';
      const expected = projectedValue(
        Number(c.current),
        elapsedFraction(c.periodType, c.start, c.at, c.zone),
        isRate,
      );
      const actual = Number(found[i]?.projected);
      expect(Math.abs(actual - expected), JSON.stringify({ ...c, expected, actual })).toBeLessThanOrEqual(
        0.0100001,
      );
    });
  });
});
