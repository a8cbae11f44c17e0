/**
 * recordActivities validation: BAD_USER_INPUT naming `activities.<index>.<field>` for every bad
 * row, and a batch is all or nothing: one bad row stores none of it.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../schema/db/constants.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, type GraphQLResponse, type TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;

beforeAll(async () => ({ server, org } = await startOrgServer()));
afterAll(() => server?.close());

const RECORD =
  'mutation($activities: [ActivityInput!]!) { recordActivities(activities: $activities) { recorded } }';

let serial = 0;
type Row = Record<string, unknown>;
const call = (overrides: Row = {}): Row => ({
  userId: String(org.reps.east1.id),
  kind: 'CALL',
  occurredAt: '2026-01-15T10:00:00Z',
  externalId: `val-${++serial}`,
  ...overrides,
});
const order = (overrides: Row = {}): Row => call({ kind: 'ORDER_WON', amount: '100.00', ...overrides });

async function stored(): Promise<unknown> {
  return server.sql(sql`select
    (select count(*) from activities)::int as activities,
    (select count(*) from sales_performance)::int as rollups`);
}

/** Records a batch that must be refused; returns the fields named, sorted. */
async function badFields(activities: Row[], query = RECORD, as = org.admin): Promise<string[]> {
  const before = await stored();
  const response: GraphQLResponse = await server.gql(query, { activities }, as);
  expect(response.errors, `expected errors, got ${JSON.stringify(response.data)}`).toBeDefined();
  const fields = new Set<string>();
  for (const error of response.errors ?? []) {
    expect(error.extensions?.code, error.message).toBe('BAD_USER_INPUT');
    for (const { field } of (error.extensions?.fields ?? []) as { field: string }[]) fields.add(field);
  }
  expect(response.data ?? null).toBeNull();
  expect(await stored()).toEqual(before);
  return [...fields].sort();
}

describe('recordActivities refuses bad rows', () => {
  it('accepts the valid rows the cases below spoil', async () => {
    expect(dataOf(await server.gql(RECORD, { activities: [call(), order()] }, org.admin))).toEqual({
      recordActivities: { recorded: 2 },
    });
  });

  it.each([
    ['an amount on a CALL', () => call({ amount: '5.00' }), ['activities.0.amount']],
    ['no amount on ORDER_WON', () => order({ amount: null }), ['activities.0.amount']],
    ['an amount left out of ORDER_WON', () => ({ ...order(), amount: undefined }), ['activities.0.amount']],
    ['a negative amount', () => order({ amount: '-5.00' }), ['activities.0.amount']],
    ['an amount with three decimals', () => order({ amount: '10.123' }), ['activities.0.amount']],
    ['an amount that is not a number', () => order({ amount: 'ten' }), ['activities.0.amount']],
    [
      'an amount too large for numeric(14,2)',
      () => order({ amount: '1234567890123.00' }),
      ['activities.0.amount'],
    ],
    ['an empty externalId', () => call({ externalId: '' }), ['activities.0.externalId']],
    ['a blank externalId', () => call({ externalId: '   ' }), ['activities.0.externalId']],
    [
      'an externalId over 200 characters',
      () => call({ externalId: 'e'.repeat(201) }),
      ['activities.0.externalId'],
    ],
    ['an unknown kind', () => call({ kind: 'SALE' }), ['activities.0.kind']],
    [
      'an occurredAt that is not an instant',
      () => call({ occurredAt: 'yesterday' }),
      ['activities.0.occurredAt'],
    ],
    [
      'an occurredAt far in the future',
      () => call({ occurredAt: '2999-01-01T00:00:00Z' }),
      ['activities.0.occurredAt'],
    ],
  ])('refuses %s', async (_name, row, fields) => {
    expect(await badFields([row()])).toEqual(fields);
  });

  it('names every bad row of a batch at once', async () => {
    const batch = [
      call({ amount: '1.00' }),
      call(),
      call({ externalId: '' }),
      order(),
      order({ amount: null }),
    ];
    expect(await badFields(batch)).toEqual([
      'activities.0.amount',
      'activities.2.externalId',
      'activities.4.amount',
    ]);
  });

  it('names every bad field of one row at once', async () => {
    expect(await badFields([call({ amount: '1.00', externalId: '' })])).toEqual([
      'activities.0.amount',
      'activities.0.externalId',
    ]);
  });

  it('names rows that fail type coercion with their index', async () => {
    expect(await badFields([call(), order({ amount: '1.001' }), call({ kind: 'SALE' })])).toEqual([
      'activities.1.amount',
      'activities.2.kind',
    ]);
  });

  it('names fields relative to the argument, whatever the variable is called', async () => {
    const renamed = 'mutation($rows: [ActivityInput!]!) { recordActivities(activities: $rows) { recorded } }';
    const before = await stored();
    const response = await server.gql(renamed, { rows: [call(), order({ amount: '1.001' })] }, org.admin);
    expect(response.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'activities.1.amount' }],
    });
    expect(await stored()).toEqual(before);
  });

  it('stores nothing of a large batch with one bad row', async () => {
    const batch = Array.from({ length: 200 }, (_, i) => (i === 137 ? order({ amount: null }) : order()));
    expect(await badFields(batch)).toEqual(['activities.137.amount']);
  });
});

describe('recordActivities batch size', () => {
  const many = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => call({ externalId: `${prefix}-${i}` }));

  it(`refuses more than ${LIMITS.activityBatch} activities, storing none`, async () => {
    expect(await badFields(many(LIMITS.activityBatch + 1, 'over'))).toEqual(['activities']);
  });

  it(`accepts exactly ${LIMITS.activityBatch}`, async () => {
    const response = await server.gql(RECORD, { activities: many(LIMITS.activityBatch, 'max') }, org.admin);
    expect(dataOf(response)).toEqual({ recordActivities: { recorded: LIMITS.activityBatch } });
  });

  it('refuses an empty batch or records nothing', async () => {
    const response = await server.gql<{ recordActivities: { recorded: number } }>(
      RECORD,
      { activities: [] },
      org.admin,
    );
    if (response.errors) expect(response.errors[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    else expect(response.data?.recordActivities.recorded).toBe(0);
  });
});
