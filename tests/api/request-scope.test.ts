/**
 * The request scope (api/core/request-scope.ts) through the public surface: each HTTP request has
 * its own statement count (extensions.sqlStatements) and its own request id (X-Request-Id echoed,
 * named in a masked error), also while many requests run at once on both roads to Apollo (the
 * JSON POST's short road and express's). The scope is carried explicitly (no AsyncLocalStorage),
 * so interleaved requests are what could mix counts or ids up: each request of a burst must report
 * exactly what it reports alone.
 *
 * An internal error is provoked as limits.test.ts does: a trigger raising on every insert into
 * achievements makes recordAchievement fail with a plain database error.
 */
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refuseAchievementInserts, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { settle } from '../support/wait.ts';

interface Answer {
  requestId: string | null;
  statements: unknown;
  errors: { message: string; extensions?: Record<string, unknown> }[] | undefined;
}

const LIGHT = '{ me { id name } }';
const HEAVY = '{ teams { name members { name team { name } } } }';
const AWARD = 'mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }';
const BOOM = 'request-scope test: the database refuses this insert';

describe('request scope', () => {
  let server: TestServer;
  let org: OrgFixture;
  let bearer: string;

  /** POST /graphql with an X-Request-Id; `express`: a gzipped body, which takes express's road. */
  async function post(
    query: string,
    requestId: string,
    options: { express?: boolean; variables?: Record<string, unknown> } = {},
  ): Promise<Answer> {
    const text = JSON.stringify({ query, variables: options.variables });
    const response = await fetch(`${server.url}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${bearer}`,
        'x-request-id': requestId,
        ...(options.express ? { 'content-encoding': 'gzip' } : {}),
      },
      body: options.express ? gzipSync(text) : text,
    });
    const body = (await response.json()) as {
      errors?: Answer['errors'];
      extensions?: { sqlStatements?: unknown };
    };
    return {
      requestId: response.headers.get('x-request-id'),
      statements: body.extensions?.sqlStatements,
      errors: body.errors,
    };
  }

  beforeAll(async () => {
    ({ server, org } = await startOrgServer());
    bearer = await server.token(org.admin);
    await refuseAchievementInserts(server, 'request_scope_test_boom', BOOM);
    // the fixture's own writes notified the caches: their drops must not land in a count below
    await settle(server);
  });
  afterAll(() => server?.close());

  it('counts each of many concurrent requests’ statements on its own, on both roads', async () => {
    // alone, twice: the counts are stable (the caller cached after the first request)
    await post(LIGHT, 'warm-light');
    await post(HEAVY, 'warm-heavy');
    const light = (await post(LIGHT, 'alone-light')).statements;
    const heavy = (await post(HEAVY, 'alone-heavy')).statements;
    expect(light).toEqual(expect.any(Number));
    expect(heavy).toEqual(expect.any(Number));
    expect(heavy).toBeGreaterThan(light as number);
    expect((await post(HEAVY, 'again-heavy', { express: true })).statements).toBe(heavy);

    const burst = Array.from({ length: 40 }, (_, i) => ({
      id: `burst-${i}`,
      query: i % 2 === 0 ? HEAVY : LIGHT,
      expected: i % 2 === 0 ? heavy : light,
      express: i % 4 >= 2,
    }));
    const answers = await Promise.all(burst.map((r) => post(r.query, r.id, { express: r.express })));
    answers.forEach((answer, i) => {
      const sent = burst[i]!;
      expect(answer.errors, sent.id).toBeUndefined();
      expect(answer.requestId, sent.id).toBe(sent.id);
      expect(answer.statements, sent.id).toBe(sent.expected);
    });
  });

  it('names each concurrent request in its own masked error, on both roads', async () => {
    const input = {
      userId: String(org.reps.east1.id),
      kind: 'Spirit',
      title: 'Team Player',
      badgeIcon: '🤝',
    };
    const ids = Array.from({ length: 12 }, (_, i) => `boom-${i}`);
    const answers = await Promise.all(
      ids.map((id, i) =>
        Promise.all([
          post(AWARD, id, { express: i % 2 === 1, variables: { i: input } }),
          // queries in between: other requests' scopes interleave with the failing ones
          post(LIGHT, `${id}-between`),
        ]),
      ),
    );
    answers.forEach(([answer, between], i) => {
      const id = ids[i]!;
      expect(answer.requestId).toBe(id);
      expect(answer.errors).toHaveLength(1);
      expect(answer.errors?.[0]?.message).toBe(`Internal server error (request ${id})`);
      expect(answer.errors?.[0]?.extensions).toEqual({ code: 'INTERNAL_SERVER_ERROR', requestId: id });
      expect(JSON.stringify(answer)).not.toContain(BOOM);
      expect(between.errors).toBeUndefined();
      expect(between.requestId).toBe(`${id}-between`);
    });
  });
});
