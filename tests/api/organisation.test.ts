/**
 * The organisation's settings over HTTP: everyone signed in reads them, only an admin changes
 * them (audit-logged), zones and currencies are checked, a new time zone rebuilds the rollups in
 * the same transaction and applies at once (the clock, periods of the performance query, the live
 * boards), and a value the environment pins (TZ_NAME, CURRENCY) is refused with CONFLICT.
 * A sale at a fixed past instant, 2025-03-10 03:00 UTC, is the 10th in UTC and the 9th in New York.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, startPeer, startTestServer, type TestServer } from '../support/server.ts';
import { until } from '../support/wait.ts';

let server: TestServer;
let org: OrgFixture;

const READ = `{ organisation { timeZone currency timeZonePinned currencyPinned } }`;
const UPDATE = `mutation($i: UpdateOrganisationInput!) { updateOrganisation(input: $i) { timeZone currency } }`;
const DAY = `query($u: ID!, $d: Date!) { performance(userId: $u, periodType: DAILY, date: $d) { revenue } }`;
const BOARD = `query($d: Date!) { leaderboard(periodType: DAILY, date: $d) { entries { revenue } } }`;
const LOG = `{ auditLog(targetType: "Organisation") { action before after } }`;

/** The day's leaderboard (from the live hub's memory when it is as fresh as a query): its revenues. */
const boardOn = async (date: string) =>
  dataOf(
    await server.gql<{ leaderboard: { entries: { revenue: string }[] } }>(BOARD, { d: date }, org.admin),
  ).leaderboard.entries.map((e) => e.revenue);

const revenueOn = async (date: string) =>
  dataOf(
    await server.gql<{ performance: { revenue: string } }>(DAY, { u: org.reps.east1.id, d: date }, org.admin),
  ).performance.revenue;

beforeAll(async () => {
  // TZ_NAME empty: not pinned, whatever TEST_ORG_TIME_ZONE says
  ({ server, org } = await startOrgServer({ TZ_NAME: '', CURRENCY: '' }));
  await server.gql(UPDATE, { i: { timeZone: 'UTC' } }, org.admin);
});
afterAll(() => server?.close());

describe('reading', () => {
  it('is for anyone signed in (a screen: the zone and currency only)', async () => {
    for (const as of [org.admin, org.managers.east, org.reps.east1.email]) {
      expect(dataOf(await server.gql(READ, {}, as))).toEqual({
        organisation: { timeZone: 'UTC', currency: 'USD', timeZonePinned: false, currencyPinned: false },
      });
    }
    const screen = `{ organisation { timeZone currency } }`;
    expect(dataOf(await server.gql(screen, {}, org.viewer))).toEqual({
      organisation: { timeZone: 'UTC', currency: 'USD' },
    });
    expect(errorOf(await server.gql(READ, {}, org.viewer)).code).toBe('FORBIDDEN');
    expect(errorOf(await server.gql(READ, {}, null)).code).toBe('UNAUTHENTICATED');
  });
});

describe('changing', () => {
  it('is for admins only', async () => {
    for (const as of [org.managers.east, org.reps.east1.email, org.viewer]) {
      expect(errorOf(await server.gql(UPDATE, { i: { currency: 'EUR' } }, as)).code).toBe('FORBIDDEN');
    }
  });

  it('refuses what is not an IANA zone or an ISO 4217 code, naming the field', async () => {
    for (const timeZone of ['Mars/Olympus', 'not a zone', '', '+01:00', 'x'.repeat(101)]) {
      expect(errorOf(await server.gql(UPDATE, { i: { timeZone } }, org.admin)), timeZone).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'timeZone' }],
      });
    }
    for (const currency of ['usd', 'XYZ', 'EURO', '']) {
      expect(errorOf(await server.gql(UPDATE, { i: { currency } }, org.admin)), currency).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [{ field: 'currency' }],
      });
    }
    expect(dataOf(await server.gql(READ, {}, org.admin)).organisation).toMatchObject({
      timeZone: 'UTC',
      currency: 'USD',
    });
  });

  it('changes the currency, and logs it', async () => {
    const changed = await server.gql(UPDATE, { i: { currency: 'EUR' } }, org.admin);
    expect(dataOf(changed)).toEqual({ updateOrganisation: { timeZone: 'UTC', currency: 'EUR' } });
    expect(dataOf(await server.gql(READ, {}, org.reps.east1.email))).toMatchObject({
      organisation: { currency: 'EUR' },
    });
    const [entry] = dataOf(
      await server.gql<{ auditLog: { action: string; before: string; after: string }[] }>(LOG, {}, org.admin),
    ).auditLog;
    expect(entry?.action).toBe('organisation.update');
    expect(JSON.parse(entry?.before ?? '')).toEqual({ timeZone: 'UTC', currency: 'USD' });
    expect(JSON.parse(entry?.after ?? '')).toEqual({ timeZone: 'UTC', currency: 'EUR' });
  });

  it('moves the periods to a new time zone at once: rollups rebuilt, the clock follows', async () => {
    await recordActivity(server, {
      userId: org.reps.east1.id,
      amount: '500.00',
      externalId: 'tz-1',
      occurredAt: '2025-03-10T03:00:00Z',
    });
    expect(await revenueOn('2025-03-10')).toBe('500.00');
    expect(await revenueOn('2025-03-09')).toBe('0.00');
    expect(await boardOn('2025-03-10')).toEqual(['500.00']);
    expect(await boardOn('2025-03-09')).toEqual([]);

    const changed = await server.gql(UPDATE, { i: { timeZone: 'america/new_york' } }, org.admin);
    expect(dataOf(changed)).toEqual({
      updateOrganisation: { timeZone: 'America/New_York', currency: 'EUR' },
    });
    expect(await revenueOn('2025-03-09')).toBe('500.00');
    expect(await revenueOn('2025-03-10')).toBe('0.00');
    expect(await boardOn('2025-03-09')).toEqual(['500.00']);
    expect(await boardOn('2025-03-10')).toEqual([]);
    const clock = await server.gql<{ clock: { timeZone: string } }>(`{ clock { timeZone } }`, {}, org.viewer);
    expect(dataOf(clock).clock.timeZone).toBe('America/New_York');
    expect(server.app.org.timeZone).toBe('America/New_York');
    const [entry] = dataOf(await server.gql<{ auditLog: { after: string }[] }>(LOG, {}, org.admin)).auditLog;
    expect(JSON.parse(entry?.after ?? '')).toEqual({ timeZone: 'America/New_York', currency: 'EUR' });

    // the same values again: nothing to change, nothing logged
    dataOf(await server.gql(UPDATE, { i: { timeZone: 'America/New_York' } }, org.admin));
    const log = dataOf(await server.gql<{ auditLog: unknown[] }>(LOG, {}, org.admin)).auditLog;
    expect(log).toHaveLength(2); // EUR, New York (the set-up's UTC changed nothing)
  });
});

describe('pinned by the environment', () => {
  it('refuses to change what TZ_NAME or CURRENCY sets, and says so', async () => {
    const pinned = await startTestServer({ TZ_NAME: 'Europe/Paris', CURRENCY: 'GBP' });
    try {
      expect(dataOf(await pinned.gql(READ, {}, org.admin))).toEqual({
        organisation: {
          timeZone: 'Europe/Paris',
          currency: 'GBP',
          timeZonePinned: true,
          currencyPinned: true,
        },
      });
      const tz = errorOf(await pinned.gql(UPDATE, { i: { timeZone: 'UTC' } }, org.admin));
      expect(tz.code).toBe('CONFLICT');
      expect(tz.message).toMatch(/TZ_NAME/);
      const money = errorOf(await pinned.gql(UPDATE, { i: { currency: 'EUR' } }, org.admin));
      expect(money.code).toBe('CONFLICT');
      expect(money.message).toMatch(/CURRENCY/);
      // the pinned value itself is accepted (nothing changes)
      expect(dataOf(await pinned.gql(UPDATE, { i: { timeZone: 'Europe/Paris' } }, org.admin))).toEqual({
        updateOrganisation: { timeZone: 'Europe/Paris', currency: 'GBP' },
      });
    } finally {
      await pinned.close();
    }
  });
});

describe.skipIf(!process.env.DATABASE_URL)('another API process on the same Postgres', () => {
  it('takes the new settings from the change log', async () => {
    const other = await startPeer(server.databaseUrl ?? '');
    try {
      dataOf(await server.gql(UPDATE, { i: { currency: 'JPY', timeZone: 'Asia/Tokyo' } }, org.admin));
      await until(
        () => other.org.currency === 'JPY' && other.org.timeZone === 'Asia/Tokyo',
        'the other process',
      );
    } finally {
      await other.stop();
    }
  });
});
