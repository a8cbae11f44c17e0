/**
 * The fuzz layer: a few thousand generated inputs (tests/support/fuzz-inputs.ts) through every
 * surface a client reaches — GraphQL over HTTP (queries and mutations, as variables and as
 * literals), GraphQL over WebSocket (subscriptions), the REST API (query parameters and the seed's
 * POST/PATCH bodies) and the CSV import — as each role. For every input:
 * - no 5xx status and no INTERNAL_SERVER_ERROR: bad input is the client's error, never the server's;
 * - every refusal carries one of the contract's codes, and a BAD_USER_INPUT names its field(s);
 * - a refused write stores nothing (the tables' row counts are unchanged).
 * It runs on every CI run on both databases; the counts of inputs tried are printed.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { buildSchema, type GraphQLField, type GraphQLObjectType } from 'graphql';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COLUMNS } from '../../api/transport/import/csv-rows.ts';
import { seedText } from '../support/curl.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import {
  argumentsFor,
  csvCell,
  csvQuote,
  EDGE_DATES,
  EDGE_INTS,
  EDGE_STRINGS,
  jsonLike,
  jsonText,
  operationFor,
  type ValueOptions,
} from '../support/fuzz-inputs.ts';
import type { TestServer } from '../support/server.ts';
import { connect } from '../support/ws.ts';

const CODES = ['UNAUTHENTICATED', 'FORBIDDEN', 'BAD_USER_INPUT', 'NOT_FOUND', 'CONFLICT'];
/** Runs per surface: a few thousand inputs in all, seconds not minutes. */
const RUNS = {
  queries: 900,
  mutations: 900,
  subscriptions: 150,
  restGet: 400,
  restWrite: 400,
  csv: 120,
  nested: 150,
};

/** A subscription that answers at once, sent after the generated one on the same socket. */
const FENCE = 'subscription { leaderboardChanged(limit: 1) { version } }';

const schema = buildSchema(readFileSync(new URL('../../schema/schema.graphql', import.meta.url), 'utf8'));
const rootFields = (type: GraphQLObjectType | null | undefined): GraphQLField<unknown, unknown>[] =>
  Object.values(type?.getFields() ?? {});

let server: TestServer;
let org: OrgFixture;
let options: ValueOptions;
let roles: string[];
const tried: Record<string, number> = {};

/** Row counts of every table a request can write: a refused request must leave them as they were. */
async function counts(): Promise<string> {
  const [row] = await server.sql<Record<string, number>>(sql`select
    (select count(*) from activities)::int as activities, (select count(*) from goals)::int as goals,
    (select count(*) from achievements)::int as achievements, (select count(*) from users)::int as users,
    (select count(*) from teams)::int as teams, (select count(*) from webhooks)::int as webhooks,
    (select count(*) from sales_performance)::int as figures, (select count(*) from contests)::int as contests,
    (select count(*) from contest_participants)::int as contest_participants,
    (select count(*) from kudos)::int as kudos,
    (select count(*) from kudos where deleted_at is not null)::int as removed_kudos`);
  return JSON.stringify(row);
}

interface ErrorLike {
  message?: unknown;
  extensions?: { code?: unknown; fields?: unknown };
}

/** What is wrong with a GraphQL answer to a generated input (empty when nothing is). */
function graphqlProblems(status: number, errors: readonly ErrorLike[] | undefined): string[] {
  const problems: string[] = [];
  if (status >= 500) problems.push(`HTTP ${status}`);
  for (const error of errors ?? []) {
    const code = error.extensions?.code;
    if (typeof code !== 'string' || !CODES.includes(code))
      problems.push(`code ${String(code)}: ${String(error.message)}`);
    if (code === 'BAD_USER_INPUT') {
      const fields = error.extensions?.fields;
      if (
        !Array.isArray(fields) ||
        fields.length === 0 ||
        fields.some((f: { field?: unknown }) => typeof f.field !== 'string' || f.field === '')
      )
        problems.push(`BAD_USER_INPUT without a named field: ${JSON.stringify(error)}`);
    }
  }
  return problems;
}

/** What is wrong with a REST answer (the REST API's `{ error: { code, message, fields } }`). */
function restProblems(status: number, body: unknown): string[] {
  if (status >= 500) return [`HTTP ${status}: ${JSON.stringify(body).slice(0, 300)}`];
  if (status < 400) return [];
  const error = (body as { error?: ErrorLike & { code?: unknown; fields?: unknown } } | null)?.error;
  const code = error?.code;
  if (typeof code !== 'string' || !CODES.includes(code)) return [`HTTP ${status} without a contract code`];
  if (status === 400) {
    const fields = error?.fields;
    if (
      !Array.isArray(fields) ||
      fields.length === 0 ||
      fields.some((f: { field?: unknown }) => typeof f.field !== 'string' || f.field === '')
    )
      return [`400 without a named field: ${JSON.stringify(body).slice(0, 300)}`];
  }
  return [];
}

async function post(
  path: string,
  body: string,
  token: string,
  type = 'application/json',
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}${path}`, {
    method: path.includes('/goals/') ? 'PATCH' : 'POST',
    headers: { 'content-type': type, authorization: `Bearer ${token}` },
    body,
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // kept as text: the assertion shows it
  }
  return { status: response.status, body: parsed };
}

/** A call of one of these root fields with generated arguments, by one of the roles. */
function callsOf(fields: GraphQLField<unknown, unknown>[]) {
  return fc.constantFrom(...fields).chain((field) =>
    fc.record({
      name: fc.constant(field.name),
      args: argumentsFor(field, options),
      inline: fc.boolean(),
      as: fc.constantFrom(...roles),
    }),
  );
}

describe('fuzz: generated inputs on every surface', () => {
  const tokens = new Map<string, string>();
  const tokenOf = async (email: string) => {
    let token = tokens.get(email);
    if (!token) tokens.set(email, (token = await server.token(email)));
    return token;
  };

  beforeAll(async () => {
    ({ server, org } = await startOrgServer());
    roles = [org.admin, org.admin, org.managers.east, org.reps.east1.email, org.viewer];
    const [max] = await server.sql<{ n: number }>(sql`select max(id)::int as n from users`);
    options = { ids: Array.from({ length: (max?.n ?? 1) + 1 }, (_, i) => String(i + 1)) };
    // a contest so that contest ids, updates, deletions and its subscription reach a real row
    await server.gql(
      `mutation { createContest(input: { name: "Fuzz", startsAt: "2030-01-01T00:00:00Z",
        endsAt: "2030-01-02T00:00:00Z", metric: CALLS, everyone: true }) { id } }`,
      {},
      org.admin,
    );
    // a few goals so that goal ids, updates and deletions reach real rows
    for (const rep of [org.reps.east1.id, org.reps.west1.id]) {
      await createGoal(server, {
        userId: rep,
        metric: 'CALLS',
        periodType: 'YEARLY',
        periodStart: '2026-01-01',
        targetValue: 10,
      });
    }
  }, 120_000);

  afterAll(async () => {
    console.log(
      `[fuzz] inputs tried: ${Object.entries(tried)
        .map(([surface, n]) => `${surface} ${n}`)
        .join(', ')}; ${Object.values(tried).reduce((a, b) => a + b, 0)} in all`,
    );
    await server?.close();
  });

  for (const kind of ['query', 'mutation'] as const) {
    it(`GraphQL ${kind === 'query' ? 'queries' : 'mutations'} over HTTP`, async () => {
      const fields = rootFields(kind === 'query' ? schema.getQueryType() : schema.getMutationType());
      const input = callsOf(fields);
      await fc.assert(
        fc.asyncProperty(input, async ({ name, args, inline, as }) => {
          const field = fields.find((f) => f.name === name)!;
          tried[`graphql-${kind}`] = (tried[`graphql-${kind}`] ?? 0) + 1;
          const operation = operationFor(kind, field, args, inline);
          const before = kind === 'mutation' ? await counts() : '';
          const response = await server.gql(operation.text, operation.variables, await tokenOf(as));
          const problems = graphqlProblems(response.status, response.errors);
          if (kind === 'mutation' && response.errors?.length && !response.data?.[field.name]) {
            const after = await counts();
            if (after !== before)
              problems.push(`a refused mutation changed the tables: ${before} -> ${after}`);
          }
          expect(problems, `${operation.text} ${JSON.stringify(operation.variables).slice(0, 500)}`).toEqual(
            [],
          );
        }),
        { numRuns: kind === 'query' ? RUNS.queries : RUNS.mutations },
      );
    }, 240_000);
  }

  // arguments of fields below the root (a figure's contributions): the root walk does not reach them
  it('GraphQL nested arguments: contributions(first, after) of goals and board entries', async () => {
    await recordActivity(server, { userId: org.reps.east1.id, amount: '10.00' });
    const ids = (await server.sql<{ id: number }>(sql`select id from goals`)).map((g) => String(g.id));
    const documents = [
      ...ids.map(
        (id) => `query($f: Int, $a: String) { goal(id: "${id}") {
          contributions(first: $f, after: $a) { totalCount total pushed endCursor nodes { id user { name } } } } }`,
      ),
      `query($f: Int, $a: String) { leaderboard(periodType: YEARLY) { entries {
        contributions(first: $f, after: $a) { totalCount hasNextPage nodes { id amount } } } } }`,
    ];
    const cursor = fc
      .tuple(fc.date({ noInvalidDate: true }), fc.constantFrom('0', '1', '99999999999999999999', '-1'))
      .map(([d, id]) => Buffer.from(`${d.toISOString().replace('Z', '000Z')}|${id}`).toString('base64url'));
    const input = fc.record({
      document: fc.constantFrom(...documents),
      first: fc.oneof(fc.constantFrom(...EDGE_INTS, null), fc.integer()),
      after: fc.oneof(
        fc.constant(null),
        fc.constantFrom(...EDGE_STRINGS.filter((x) => x.length < 1000)),
        fc.string(),
        cursor,
      ),
      as: fc.constantFrom(...roles),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ document, first, after, as }) => {
        tried['graphql-nested'] = (tried['graphql-nested'] ?? 0) + 1;
        const response = await server.gql(document, { f: first, a: after }, await tokenOf(as));
        expect(graphqlProblems(response.status, response.errors), `${document} ${first} ${after}`).toEqual(
          [],
        );
      }),
      { numRuns: RUNS.nested },
    );
  }, 240_000);

  it('GraphQL subscriptions over WebSocket', async () => {
    const fields = rootFields(schema.getSubscriptionType());
    const clients = new Map<string, ReturnType<typeof connect>>();
    const clientOf = async (email: string) => {
      let client = clients.get(email);
      if (!client) clients.set(email, (client = connect(server.url, await tokenOf(email))));
      return client;
    };
    const input = callsOf(fields);
    try {
      await fc.assert(
        fc.asyncProperty(input, async ({ name, args, inline, as }) => {
          const field = fields.find((f) => f.name === name)!;
          const operation = operationFor('subscription', field, args, inline);
          // a message over WS_MAX_PAYLOAD (64 KiB) closes the socket, by design (ws-security.test.ts)
          fc.pre(JSON.stringify(operation).length < 60_000);
          tried['graphql-subscription'] = (tried['graphql-subscription'] ?? 0) + 1;
          const client = await clientOf(as);
          // Its first frame or its refusal; a subscription with nothing to send yet (no goals,
          // no new badge) sends neither, so a board subscribed right after it on the same socket
          // is the fence: a refusal comes before the board's first frame, which needs a read
          const outcome = await new Promise<{ errors: ErrorLike[] }>((resolve) => {
            const stops: (() => void)[] = [];
            const done = (errors: ErrorLike[]) => {
              for (const stop of stops) stop();
              resolve({ errors });
            };
            stops.push(
              client.subscribe(
                { query: operation.text, variables: operation.variables },
                {
                  next: (result) => done((result.errors ?? []) as ErrorLike[]),
                  error: (error) =>
                    done(
                      Array.isArray(error)
                        ? (error as ErrorLike[])
                        : [{ message: String(error), extensions: {} }],
                    ),
                  complete: () => done([]),
                },
              ),
              client.subscribe(
                { query: FENCE },
                {
                  next: () => done([]),
                  error: (error) => done([{ message: `the fence failed: ${String(error)}`, extensions: {} }]),
                  complete: () => {},
                },
              ),
            );
          });
          expect(
            graphqlProblems(200, outcome.errors),
            `${operation.text} ${JSON.stringify(operation.variables).slice(0, 500)}`,
          ).toEqual([]);
        }),
        { numRuns: RUNS.subscriptions },
      );
      for (const client of clients.values()) expect(client.closes.filter((c) => c.code >= 4500)).toEqual([]);
    } finally {
      for (const client of clients.values()) await client.dispose();
    }
  }, 240_000);

  it('REST reads: every type of GET /api/performance with generated parameters', async () => {
    const types = [
      'summary',
      'current',
      'leaderboard',
      'goals',
      'achievements',
      'period',
      'team',
      'trends',
      'contests',
      'contest',
    ];
    const parameters = [
      'id',
      'user_id',
      'team_id',
      'period',
      'date',
      'metric',
      'limit',
      'count',
      'status',
      'active_only',
    ];
    const value = fc.oneof(
      fc.constantFrom(
        ...options.ids,
        'monthly',
        'weekly',
        'DAILY',
        'revenue',
        'conversion_rate',
        'true',
        'false',
        'upcoming',
        'running',
      ),
      fc.constantFrom(
        ...EDGE_STRINGS.filter((s) => s.length < 1000),
        ...EDGE_DATES,
        ...EDGE_INTS.map(String),
      ),
    );
    const input = fc.record({
      type: fc.oneof(fc.constantFrom(...types), fc.constantFrom('', 'nope', '__proto__')),
      params: fc.array(fc.tuple(fc.constantFrom(...parameters, '__proto__', 'constructor', 'other'), value), {
        maxLength: 5,
      }),
      as: fc.constantFrom(...roles),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ type, params, as }) => {
        tried['rest-get'] = (tried['rest-get'] ?? 0) + 1;
        const query = new URLSearchParams([['type', type], ...params]);
        const response = await fetch(`${server.url}/api/performance?${query.toString()}`, {
          headers: { authorization: `Bearer ${await tokenOf(as)}` },
        });
        const text = await response.text();
        expect(restProblems(response.status, JSON.parse(text)), query.toString()).toEqual([]);
      }),
      { numRuns: RUNS.restGet },
    );
  }, 240_000);

  it("REST writes: the seed's POST bodies and goal updates with generated values", async () => {
    const block = /\*\*POST Endpoints:\*\*\s*```json\n([\s\S]*?)```/.exec(seedText())?.[1] ?? '';
    const bodies = block
      .split(/^\/\/ /m)
      .filter((c) => c.trim())
      .map(
        (chunk) =>
          JSON.parse(
            chunk
              .split('\n')
              .slice(1)
              .filter((l) => !l.startsWith('POST '))
              .join('\n'),
          ) as unknown,
      );
    expect(bodies).toHaveLength(3);
    const patch = {
      target_value: 25000,
      current_value: 18000,
      description: 'x',
      expected_version: 1,
      status: 'achieved',
    };
    const input = fc.record({
      write: fc.oneof(
        fc
          .constantFrom(...bodies)
          .chain((body) => jsonLike(body, options))
          .map((body) => ({ path: '/api/performance', body })),
        fc
          .tuple(fc.constantFrom(...options.ids, '0', '-1', '2147483648', 'abc'), jsonLike(patch, options))
          .map(([id, body]) => ({ path: `/api/performance/goals/${id}`, body })),
      ),
      as: fc.constantFrom(...roles),
    });
    await fc.assert(
      fc.asyncProperty(input, async ({ write, as }) => {
        tried['rest-write'] = (tried['rest-write'] ?? 0) + 1;
        const before = await counts();
        const response = await post(write.path, jsonText(write.body), await tokenOf(as));
        const problems = restProblems(response.status, response.body);
        if (response.status >= 400 && (await counts()) !== before)
          problems.push('a refused write changed the tables');
        expect(problems, `${write.path} ${jsonText(write.body).slice(0, 500)}`).toEqual([]);
      }),
      { numRuns: RUNS.restWrite },
    );
  }, 240_000);

  it('CSV import: generated files in both modes', async () => {
    const columns = [...COLUMNS, 'unknown_column'];
    const input = fc
      .record({
        header: fc.shuffledSubarray(columns, { minLength: 1 }),
        rows: fc.integer({ min: 0, max: 5 }),
        mode: fc.constantFrom('skip', 'reject', 'SKIP', 'other'),
        as: fc.constantFrom(...roles),
      })
      .chain((file) =>
        fc.record({
          file: fc.constant(file),
          cells: fc.array(fc.tuple(...file.header.map((c) => csvCell(c, options))), {
            minLength: file.rows,
            maxLength: file.rows,
          }),
        }),
      );
    await fc.assert(
      fc.asyncProperty(input, async ({ file, cells }) => {
        tried['csv-import'] = (tried['csv-import'] ?? 0) + 1;
        const text = [file.header, ...cells].map((row) => row.map(csvQuote).join(',')).join('\n');
        const before = await counts();
        const response = await post(
          `/import/activities?mode=${file.mode}`,
          text,
          await tokenOf(file.as),
          'text/csv',
        );
        const report = response.body as {
          status?: string;
          imported?: number;
          errors?: { line?: unknown; reason?: unknown }[];
        };
        // a file refused as a whole answers 422 with its report: every bad row by line and reason
        const problems =
          response.status === 422
            ? (report.errors ?? [{}]).some((e) => typeof e.line !== 'number' || typeof e.reason !== 'string')
              ? [`a 422 report without lines and reasons: ${JSON.stringify(report).slice(0, 300)}`]
              : []
            : restProblems(response.status, response.body);
        if (response.status !== 200 && (await counts()) !== before)
          problems.push('a refused import stored rows');
        if (response.status === 200 && typeof report.imported !== 'number')
          problems.push('a report without imported');
        expect(problems, text.slice(0, 800)).toEqual([]);
      }),
      { numRuns: RUNS.csv },
    );
  }, 240_000);
});
