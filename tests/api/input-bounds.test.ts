/**
 * Far dates and out-of-range numbers are a 400 naming the field, never a 500. Every Date, DateTime
 * and Int argument or input field of schema/schema.graphql has a case here (the first test checks
 * the list against the schema, so a new argument cannot be forgotten), and so has every date and
 * whole-number field of the REST API and the exports. Dates outside 1970-01-01..9998-12-31 are
 * refused (9999-12-31 in a WEEKLY period ends in year 10000); REST whole numbers are 32-bit like
 * GraphQL's Int; a pushed figure that would take a longer period's total out of its column's range
 * is refused by name; unknown REST fields named `__proto__` or `constructor` are named as sent.
 */
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import {
  buildSchema,
  getNamedType,
  isInputObjectType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputField,
} from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATE_RANGE } from '../../api/domain/periods.ts';
import { startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { errorFields, rest, type HttpResult, type RestErrorBody } from '../support/rest.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let goalId: string;

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  const created = await server.gql<{ createGoal: { id: string } }>(
    `mutation { createGoal(input: { userId: "${org.reps.east1.id}", metric: REVENUE, periodType: MONTHLY,
      periodStart: "2025-01-01", targetValue: 100 }) { id } }`,
    {},
    org.admin,
  );
  goalId = dataOf(created).createGoal.id;
});
afterAll(() => server?.close());

const user = () => String(org.reps.east1.id);

/** A GraphQL request that puts `$v` into one argument or input field, and the field an error must name. */
interface Probe {
  query: string;
  field: string;
  /** Subscriptions go over the WebSocket. */
  ws?: boolean;
}
type Case = (scalar: string) => Probe;

const DATE_CASES: Record<string, Case> = {
  'Query.goals.date': (t) => ({
    query: `query($v: ${t}) { goals(periodType: WEEKLY, date: $v) { id periodEnd } }`,
    field: 'date',
  }),
  'Query.leaderboard.date': (t) => ({
    query: `query($v: ${t}) { leaderboard(periodType: WEEKLY, date: $v) { periodStart periodEnd } }`,
    field: 'date',
  }),
  'Query.performance.date': (t) => ({
    query: `query($v: ${t}) { performance(userId: "${user()}", periodType: WEEKLY, date: $v) { periodEnd } }`,
    field: 'date',
  }),
  'Query.teamPerformance.date': (t) => ({
    query: `query($v: ${t}) { teamPerformance(periodType: WEEKLY, date: $v) { periodEnd } }`,
    field: 'date',
  }),
  'Query.trends.date': (t) => ({
    query: `query($v: ${t}) { trends(userId: "${user()}", periodType: WEEKLY, date: $v) { periodEnd } }`,
    field: 'date',
  }),
  'CreateGoalInput.periodStart': (t) => ({
    query: `mutation($v: ${t}!) { createGoal(input: { userId: "${user()}", metric: REVENUE, periodType: WEEKLY,
      periodStart: $v, targetValue: 100 }) { id periodEnd projectedValue } }`,
    field: 'periodStart',
  }),
  'RecordPerformanceInput.periodStart': (t) => ({
    query: `mutation($v: ${t}!) { recordPerformance(input: { userId: "${user()}", periodType: WEEKLY,
      periodStart: $v, calls: 1 }) { periodEnd } }`,
    field: 'periodStart',
  }),
};

const DATETIME_CASES: Record<string, Case> = {
  'ActivityInput.occurredAt': (t) => ({
    query: `mutation($v: ${t}!) { recordActivities(activities: [{ userId: "${user()}", kind: CALL,
      occurredAt: $v, externalId: "bounds-occurred" }]) { recorded } }`,
    field: 'activities.0.occurredAt',
  }),
  'CreateApiTokenInput.expiresAt': (t) => ({
    query: `mutation($v: ${t}) { createApiToken(input: { name: "bounds", expiresAt: $v }) { token } }`,
    field: 'expiresAt',
  }),
  'CreateServiceAccountInput.expiresAt': (t) => ({
    query: `mutation($v: ${t}) { createServiceAccount(input: { name: "bounds", role: REP, expiresAt: $v }) { token } }`,
    field: 'expiresAt',
  }),
  'CreateContestInput.startsAt': (t) => ({
    query: `mutation($v: ${t}!) { createContest(input: { name: "bounds", startsAt: $v,
      endsAt: "2030-01-02T00:00:00Z", metric: CALLS, everyone: true }) { id } }`,
    field: 'startsAt',
  }),
  'CreateContestInput.endsAt': (t) => ({
    query: `mutation($v: ${t}!) { createContest(input: { name: "bounds", startsAt: "2030-01-01T00:00:00Z",
      endsAt: $v, metric: CALLS, everyone: true }) { id } }`,
    field: 'endsAt',
  }),
  'UpdateContestInput.startsAt': (t) => ({
    query: `mutation($v: ${t}) { updateContest(id: "999999", input: { startsAt: $v }) { id } }`,
    field: 'startsAt',
  }),
  'UpdateContestInput.endsAt': (t) => ({
    query: `mutation($v: ${t}) { updateContest(id: "999999", input: { endsAt: $v }) { id } }`,
    field: 'endsAt',
  }),
  'RecordAchievementInput.achievedAt': (t) => ({
    query: `mutation($v: ${t}) { recordAchievement(input: { userId: "${user()}", kind: "k", title: "t",
      badgeIcon: "b", achievedAt: $v }) { achievedAt } }`,
    field: 'achievedAt',
  }),
};

const COUNTS = [
  'calls',
  'emails',
  'leadsCreated',
  'meetings',
  'opportunitiesCreated',
  'opportunitiesLost',
  'ordersWon',
  'quotationsAccepted',
  'quotationsSent',
] as const;

const INT_CASES: Record<string, Case> = {
  'UpdateScreenInput.secondsPerBoard': () => ({
    query: `mutation($v: Int) { updateScreen(id: "999999", input: { secondsPerBoard: $v }) { id } }`,
    field: 'secondsPerBoard',
  }),
  'Goal.contributions.first': () => ({
    query: `query($v: Int) { goal(id: "${goalId}") { contributions(first: $v) { totalCount } } }`,
    field: 'first',
  }),
  'LeaderboardEntry.contributions.first': () => ({
    query: `query($v: Int) { leaderboard { entries { contributions(first: $v) { totalCount } } } }`,
    field: 'first',
  }),
  'UpdateScreenInput.saleAmount': () => ({
    query: `mutation($v: Int) { updateScreen(id: "999999", input: { saleAmount: $v }) { id } }`,
    field: 'saleAmount',
  }),
  'CreateWebhookInput.digestMinutes': () => ({
    query: `mutation($v: Int) { createWebhook(input: { url: "https://hooks.example.com/x", events: [GOAL_ACHIEVED],
      digestMinutes: $v }) { secret } }`,
    field: 'digestMinutes',
  }),
  'UpdateWebhookInput.digestMinutes': () => ({
    query: `mutation($v: Int) { updateWebhook(id: "999999", input: { digestMinutes: $v }) { id } }`,
    field: 'digestMinutes',
  }),
  'Query.auditLog.first': () => ({
    query: `query($v: Int) { auditLog(first: $v) { id } }`,
    field: 'first',
  }),
  'Query.kudos.first': () => ({
    query: `query($v: Int) { kudos(first: $v) { hasNextPage } }`,
    field: 'first',
  }),
  'Query.contests.limit': () => ({
    query: `query($v: Int) { contests(limit: $v) { id } }`,
    field: 'limit',
  }),
  'Query.achievements.limit': () => ({
    query: `query($v: Int) { achievements(limit: $v) { id } }`,
    field: 'limit',
  }),
  'Query.leaderboard.limit': () => ({
    query: `query($v: Int) { leaderboard(limit: $v) { periodStart } }`,
    field: 'limit',
  }),
  'Query.trends.count': () => ({
    query: `query($v: Int) { trends(userId: "${user()}", periodType: DAILY, count: $v) { periodStart } }`,
    field: 'count',
  }),
  'Mutation.updateGoal.expectedVersion': () => ({
    query: `mutation($v: Int) { updateGoal(id: "${goalId}", expectedVersion: $v, input: { targetValue: 100 }) { id } }`,
    field: 'expectedVersion',
  }),
  'Subscription.leaderboardChanged.limit': () => ({
    query: `subscription($v: Int) { leaderboardChanged(limit: $v) { periodStart } }`,
    field: 'limit',
    ws: true,
  }),
  ...Object.fromEntries(
    COUNTS.map((count, i): [string, Case] => [
      `RecordPerformanceInput.${count}`,
      // a YEARLY period is in no longer one: the value itself is what is checked
      () => ({
        query: `mutation($v: Int) { recordPerformance(input: { userId: "${user()}", periodType: YEARLY,
          periodStart: "${2001 + i}-01-01", ${count}: $v }) { periodStart } }`,
        field: count,
      }),
    ]),
  ),
};

/** Every argument and input field of the schema whose type is the scalar, as "Type.field(.argument)". */
function coordinates(scalar: string): string[] {
  const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
  const found: string[] = [];
  const typed = (x: GraphQLArgument | GraphQLInputField) => getNamedType(x.type).name === scalar;
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        for (const arg of field.args) if (typed(arg)) found.push(`${type.name}.${field.name}.${arg.name}`);
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields()))
        if (typed(field)) found.push(`${type.name}.${field.name}`);
    }
  }
  return found.sort();
}

interface Outcome {
  status: number;
  code: unknown;
  fields: { field: string; message: string }[];
}

async function send(probe: Probe, value: unknown): Promise<Outcome> {
  if (probe.ws) {
    const client = connect(server.url, await server.token(org.admin));
    try {
      const frames = subscribe(client, probe.query, { v: value });
      const first = await Promise.race([frames.waitFor(() => true), frames.waitForError()]);
      frames.stop();
      const errors = (Array.isArray(first) ? first : frames.errors.flat()) as {
        extensions?: { code?: unknown; fields?: { field: string; message: string }[] };
      }[];
      const error = frames.values.length ? undefined : errors[0];
      return { status: 200, code: error?.extensions?.code ?? 'OK', fields: error?.extensions?.fields ?? [] };
    } finally {
      await client.dispose();
    }
  }
  const response = await server.gql(probe.query, { v: value }, org.admin);
  if (!response.errors?.length) return { status: response.status, code: 'OK', fields: [] };
  const { code, fields } = errorOf(response);
  return { status: response.status, code, fields };
}

const expectRefused = (outcome: Outcome, field: string, label: string) => {
  expect(outcome.code, label).toBe('BAD_USER_INPUT');
  expect(
    outcome.fields.map((f) => f.field),
    label,
  ).toContain(field);
};
const expectNoServerError = (outcome: Outcome, label: string) => {
  expect(outcome.status, label).toBeLessThan(500);
  expect(outcome.code, label).not.toBe('INTERNAL_SERVER_ERROR');
};

describe('GraphQL arguments', () => {
  it('have a case here for every Date, DateTime and Int argument and input field of the schema', () => {
    expect(Object.keys(DATE_CASES).sort()).toEqual(coordinates('Date'));
    expect(Object.keys(DATETIME_CASES).sort()).toEqual(coordinates('DateTime'));
    expect(Object.keys(INT_CASES).sort()).toEqual(coordinates('Int'));
  });

  it('refuse a Date outside 1970-01-01..9998-12-31 by name, and take the bounds themselves', async () => {
    for (const [coordinate, build] of Object.entries(DATE_CASES)) {
      const probe = build('Date');
      for (const far of ['0001-01-01', '1969-12-31', '9999-01-04', '9999-12-27', '9999-12-31']) {
        const outcome = await send(probe, far);
        expectRefused(outcome, probe.field, `${coordinate} ${far}`);
        expect(outcome.fields[0]?.message).toContain(
          `must be between ${DATE_RANGE.min} and ${DATE_RANGE.max}`,
        );
      }
      // writes refuse 1970-01-01 and 9998-12-31 as no week's Monday; nothing answers a 500
      for (const bound of [DATE_RANGE.min, DATE_RANGE.max, '9998-12-28'])
        expectNoServerError(await send(probe, bound), `${coordinate} ${bound}`);
      // the week of 9998-12-28 ends in 9999: answered, not refused
      if (!coordinate.startsWith('CreateGoal') && !coordinate.startsWith('RecordPerformance'))
        expect((await send(probe, '9998-12-28')).code, coordinate).toBe('OK');
    }
  });

  it('answer the far weekly performance and leaderboard of the issue with BAD_USER_INPUT on date', async () => {
    const performance = await server.gql(
      `{ performance(userId: "${user()}", periodType: WEEKLY, date: "9999-12-31") { periodStart } }`,
      {},
      org.admin,
    );
    expect(errorOf(performance)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'date' }] });
    const board = await server.gql(
      `{ leaderboard(periodType: WEEKLY, date: "9999-12-31") { periodStart } }`,
      {},
      org.admin,
    );
    expect(errorOf(board)).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'date' }] });
  });

  it('refuse a DateTime outside the same days (UTC) by name', async () => {
    for (const [coordinate, build] of Object.entries(DATETIME_CASES)) {
      const probe = build('DateTime');
      for (const far of [
        '0001-01-01T00:00:00+14:00', // year 0 in UTC
        '1969-12-31T23:59:59Z',
        '9999-12-31T23:59:59Z',
        '9999-12-31T23:59:59-14:00', // year 10000 in UTC
      ])
        expectRefused(await send(probe, far), probe.field, `${coordinate} ${far}`);
      expectNoServerError(await send(probe, '1970-01-01T00:00:00Z'), coordinate);
    }
  });

  it('answer every Int at the ends of the 32-bit range, and refuse one beyond it by name', async () => {
    for (const [coordinate, build] of Object.entries(INT_CASES)) {
      const probe = build('Int');
      for (const n of [-2147483648, -1, 0, 2147483647])
        expectNoServerError(await send(probe, n), `${coordinate} ${n}`);
      expectRefused(await send(probe, 2147483648), probe.field, `${coordinate} 2147483648`);
    }
  });

  it('refuse a pushed figure that would take a longer period’s total out of range, and store nothing', async () => {
    const push = (periodStart: string, calls: number) =>
      server.gql(
        `mutation($s: Date!, $c: Int) { recordPerformance(input: { userId: "${user()}", periodType: MONTHLY,
          periodStart: $s, calls: $c }) { calls } }`,
        { s: periodStart, c: calls },
        org.admin,
      );
    dataOf(await push('2030-01-01', 2147483647));
    const refused = errorOf(await push('2030-02-01', 1));
    expect(refused).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [
        { field: 'calls', message: 'would take the quarterly total from 2030-01-01 beyond 2147483647' },
      ],
    });
    const [february] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from sales_performance
          where user_id = ${org.reps.east1.id} and period_type = 'MONTHLY' and period_start = '2030-02-01'`,
    );
    expect(february?.n).toBe(0);
    // replacing January's own figure is no overflow
    expect(dataOf(await push('2030-01-01', 5))).toEqual({ recordPerformance: { calls: 5 } });
  });
});

describe('activities that would overflow a period total', () => {
  const RECORD = `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`;
  const storedWith = async (prefix: string) =>
    (
      await server.sql<{ n: number }>(
        sql`select count(*)::int as n from activities where external_id like ${`${prefix}%`}`,
      )
    )[0]?.n;

  it('are refused when a year’s revenue would leave numeric(16,2), and nothing is stored', async () => {
    // each amount is allowed; a hundred of them exceed 99,999,999,999,999.99 in one year
    const a = Array.from({ length: 101 }, (_, i) => ({
      userId: String(org.reps.west1.id),
      kind: 'ORDER_WON',
      amount: '999999999999.99',
      occurredAt: '2011-03-01T10:00:00Z',
      externalId: `huge-${i}`,
    }));
    const refused = errorOf(await server.gql(RECORD, { a }, org.admin));
    expect(refused).toMatchObject({ code: 'BAD_USER_INPUT', fields: [{ field: 'activities' }] });
    expect(await storedWith('huge-')).toBe(0);
  });

  it('are refused when a count would pass 2147483647', async () => {
    dataOf(
      await server.gql(
        `mutation { recordPerformance(input: { userId: "${user()}", periodType: YEARLY, periodStart: "2012-01-01",
          calls: 2147483647 }) { calls } }`,
        {},
        org.admin,
      ),
    );
    const a = [
      { userId: user(), kind: 'CALL', occurredAt: '2012-05-01T10:00:00Z', externalId: 'one-call-too-many' },
    ];
    expect(errorOf(await server.gql(RECORD, { a }, org.admin))).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'activities' }],
    });
    expect(await storedWith('one-call-too-many')).toBe(0);
  });
});

describe('REST fields', () => {
  const post = (body: Record<string, unknown>) => rest(server, 'POST', '/api/performance', { body });
  const performanceBody = (more: Record<string, unknown>) => ({
    type: 'performance',
    user_id: org.reps.east1.id,
    period_type: 'yearly',
    period_start: '2040-01-01',
    ...more,
  });
  const refusedBy = (result: HttpResult, field: string, label: string) => {
    expect(result.status, label).toBe(400);
    expect(errorFields(result), label).toContain(field);
  };

  it('answer calls_made: 3000000000 with 400 on calls_made (the issue’s case)', async () => {
    const result = await post(performanceBody({ calls_made: 3000000000 }));
    expect(result.status).toBe(400);
    expect((result.body as RestErrorBody).error).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'calls_made', message: 'must be a whole number from -2147483648 to 2147483647' }],
    });
  });

  it('refuse every whole-number field beyond 32 bits by name, and answer its largest value', async () => {
    const counts = [
      'leads_created',
      'opportunities_created',
      'quotations_sent',
      'quotations_accepted',
      'orders_created',
      'opportunities_lost',
      'calls_made',
      'emails_sent',
      'meetings_held',
    ];
    for (const [i, name] of counts.entries()) {
      refusedBy(await post(performanceBody({ [name]: 2147483648 })), name, name);
      const year = `${2041 + i}-01-01`;
      const largest = await post(performanceBody({ period_start: year, [name]: 2147483647 }));
      expect(largest.status, name).toBeLessThan(500);
    }
    const reads: [string, string][] = [
      ['limit', '/api/performance?type=leaderboard&limit='],
      ['limit', '/api/performance?type=achievements&limit='],
      ['count', `/api/performance?type=trends&user_id=${user()}&period_type=daily&count=`],
      ['limit', '/export/report?limit='],
    ];
    for (const [name, path] of reads) {
      refusedBy(await rest(server, 'GET', `${path}3000000000`), name, path);
      expect((await rest(server, 'GET', `${path}2147483647`)).status, path).toBeLessThan(500);
    }
    const patch = (version: number) =>
      rest(server, 'PATCH', `/api/performance/goals/${goalId}`, {
        body: { expected_version: version, target_value: 100 },
      });
    refusedBy(await patch(3000000000), 'expected_version', 'PATCH');
    expect((await patch(2147483647)).status).toBe(409);
  });

  it('refuse every date field outside 1970-01-01..9998-12-31 by name', async () => {
    const u = user();
    const reads: [string, string][] = [];
    for (const type of ['period', 'leaderboard', 'team', 'trends', 'goals'])
      for (const name of ['date', 'period', 'period_start'])
        reads.push([name, `/api/performance?type=${type}&user_id=${u}&period_type=weekly&${name}=`]);
    for (const report of ['performance', 'goals', 'leaderboard', 'report'])
      for (const name of ['date', 'period', 'period_start'])
        reads.push([name, `/export/${report}?period_type=weekly&${name}=`]);
    for (const [name, path] of reads)
      for (const far of ['1969-12-31', '9999-12-31'])
        refusedBy(await rest(server, 'GET', `${path}${far}`), name, `${path}${far}`);

    const writes: [string, Record<string, unknown>][] = [
      [
        'period_start',
        { type: 'goal', user_id: u, goal_type: 'Revenue', period_type: 'weekly', target_value: 5 },
      ],
      [
        'period_end',
        {
          type: 'goal',
          user_id: u,
          goal_type: 'Revenue',
          period_type: 'weekly',
          period_start: '2025-01-06',
          target_value: 5,
        },
      ],
      ['period_start', { type: 'performance', user_id: u, period_type: 'weekly', calls_made: 1 }],
      [
        'period_end',
        { type: 'performance', user_id: u, period_type: 'weekly', period_start: '2025-01-06', calls_made: 1 },
      ],
      [
        'achieved_at',
        { type: 'achievement', user_id: u, achievement_type: 'x', title: 't', badge_icon: 'b' },
      ],
    ];
    for (const [name, body] of writes)
      for (const far of [
        '1969-12-31',
        '9999-12-27',
        '9999-12-31T23:59:59-14:00',
        '0001-01-01T00:00:00+14:00',
      ]) {
        if (name !== 'achieved_at' && far.includes('T')) continue;
        refusedBy(await post({ ...body, [name]: far }), name, `${name} ${far}`);
      }
  });

  it('name unknown fields __proto__ and constructor as sent', async () => {
    const body = '{"type":"performance","__proto__":{"x":1},"constructor":2,"hasOwnProperty":3}';
    const result = await rest(server, 'POST', '/api/performance', { body });
    expect(result.status).toBe(400);
    expect(errorFields(result)).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'has_own_property']),
    );
    for (const field of (result.body as RestErrorBody).error.fields)
      expect(typeof field.field).toBe('string');
    const query = await rest(server, 'GET', '/api/performance?type=summary&constructor=1&__proto__=2');
    expect(query.status).toBe(400);
    expect(errorFields(query).sort()).toEqual(['__proto__', 'constructor']);
  });
});
