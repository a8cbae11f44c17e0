/** The database's period functions and api/domain/periods.ts must agree: triggers use one, the API the other. */
import fc from 'fast-check';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, rows, type DatabaseHandle } from '../../api/db/client.ts';
import { migrateDatabase } from '../../api/db/migrate.ts';
import { PERIOD_TYPES, periodEnd, periodStart } from '../../api/domain/periods.ts';

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await openDatabase({});
  await migrateDatabase(handle);
});
afterAll(() => handle?.close());

const day = fc
  .integer({ min: Date.UTC(1990, 0, 1), max: Date.UTC(2060, 11, 31) })
  .map((ms) => new Date(ms).toISOString().slice(0, 10));
const edges = [
  '2020-12-31',
  '2021-01-03',
  '2026-12-31',
  '2024-02-29',
  '2025-03-31',
  '2025-04-01',
  '2025-12-29',
  '2027-01-01',
];

describe('period functions in SQL and TypeScript', () => {
  it('agree on start and end for random days and known edges', async () => {
    const samples = fc.sample(day, 300).concat(edges);
    const cases = samples.flatMap((d) => PERIOD_TYPES.map((t) => ({ t, d })));
    const values = sql.join(
      cases.map((c) => sql`(${c.t}::period_type, ${c.d}::date)`),
      sql`, `,
    );
    const result = await rows<{ t: string; d: string; s: string; e: string }>(
      handle.db,
      sql`select v.t::text as t, v.d::text as d, period_start_of(v.t, v.d)::text as s,
            period_end_of(v.t, period_start_of(v.t, v.d))::text as e
          from (values ${values}) as v(t, d)`,
    );
    for (const r of result) {
      const t = r.t as (typeof PERIOD_TYPES)[number];
      expect({ ...r, s: periodStart(t, r.d), e: periodEnd(t, periodStart(t, r.d)) }).toEqual(r);
    }
  });
});
