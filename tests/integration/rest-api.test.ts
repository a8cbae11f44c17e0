/**
 * The REST adapter beyond the seed's examples: every GET type, the error shape and statuses
 * (400/401/403/404/409) with the client's field names, scope checks shared with GraphQL, and the
 * documented decisions (derived rates, derived status, tracked current_value).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods, periodEnd, periodStart } from '../../api/domain/periods.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { errorFields, rest, type HttpResult, type RestErrorBody } from '../support/rest.ts';
import type { TestServer } from '../support/server.ts';

let server: TestServer;
let org: OrgFixture;
let today: string;
let month: string;
type Row = Record<string, unknown>;

const code = (r: HttpResult) => (r.body as RestErrorBody).error.code;
const get = <T = Row[]>(query: string, as?: string | null) =>
  rest<T>(server, 'GET', `/api/performance?${query}`, { as: as === undefined ? org.admin : as });
const post = (body: Row, as?: string) =>
  rest<Row>(server, 'POST', '/api/performance', { body, as: as ?? org.admin });
const goalBody = (extra: Row = {}): Row => ({
  type: 'goal',
  user_id: org.reps.east1.id,
  goal_type: 'Revenue',
  period_type: 'monthly',
  period_start: month,
  target_value: 10000,
  ...extra,
});

beforeAll(async () => {
  ({ server, org } = await startOrgServer());
  today = await server.today();
  month = periodStart('MONTHLY', today);
  await recordActivity(server, [
    {
      userId: org.reps.east1.id,
      kind: 'ORDER_WON',
      amount: '2500.50',
      occurredAt: new Date().toISOString(),
      externalId: 'r-1',
    },
    {
      userId: org.reps.east1.id,
      kind: 'LEAD_CREATED',
      occurredAt: new Date().toISOString(),
      externalId: 'r-2',
    },
    {
      userId: org.reps.west1.id,
      kind: 'ORDER_WON',
      amount: '900.00',
      occurredAt: new Date().toISOString(),
      externalId: 'r-3',
    },
  ]);
});
afterAll(() => server?.close());

describe('GET /api/performance', () => {
  it('answers every type of the seed with its snake_case names', async () => {
    const alice = org.reps.east1.id;
    const summary = await get(`type=summary&user_id=${alice}`);
    expect(summary.body[0]).toMatchObject({
      user_id: alice,
      user_name: 'Alice Able',
      total_revenue: '2500.50',
      total_orders: 1,
      total_leads: 1,
    });
    const current = await get('type=current&period=monthly');
    expect(current.body.find((r) => r.user_id === alice)).toMatchObject({
      period_type: 'monthly',
      period_start: month,
      orders_created: 1,
      conversion_rate: 100,
    });
    const board = await get('type=leaderboard&metric=revenue&limit=2');
    expect(board.body.map((e) => [e.user_name, e.rank, e.medal])).toEqual([
      ['Alice Able', 1, 'gold'],
      ['Carol Cruz', 2, 'silver'],
    ]);
    const period = await get<Row>(`type=period&user_id=${alice}&period=${month}`);
    expect(period.body).toMatchObject({
      period_type: 'monthly',
      period_start: month,
      period_end: periodEnd('MONTHLY', month),
      total_revenue: '2500.50',
    });
    const weekly = await get<Row>(`type=period&user_id=${alice}&period=weekly&date=${today}`);
    expect(weekly.body).toMatchObject({ period_type: 'weekly', period_start: periodStart('WEEKLY', today) });
    const trends = await get(`type=trends&user_id=${alice}&period=monthly&count=3`);
    expect(trends.body.map((r) => r.period_start)).toEqual([
      addPeriods('MONTHLY', month, -2),
      addPeriods('MONTHLY', month, -1),
      month,
    ]);
    const team = await get(`type=team&team_id=${org.teams.east}`);
    expect(team.body[0]).toMatchObject({
      team_name: 'East',
      team_members: 3,
      total_revenue: '2500.50',
      top_performer_name: 'Alice Able',
    });
    expect((team.body[0]?.members as Row[]).length).toBe(3);
    const badges = await get('type=achievements');
    expect(badges.status).toBe(200);
    const goals = await get('type=goals');
    expect(goals.status).toBe(200);
  });

  it('refuses a missing or unknown type, a typo in a parameter and a malformed id, naming each', async () => {
    expect(errorFields(await get(''))).toEqual(['type']);
    expect(errorFields(await get('type=everything'))).toEqual(['type']);
    const typo = await get('type=summary&userid=3');
    expect([typo.status, code(typo), errorFields(typo)]).toEqual([400, 'BAD_USER_INPUT', ['userid']]);
    expect(errorFields(await get('type=period&user_id=abc&period=fortnightly'))).toEqual([
      'user_id',
      'period',
    ]);
    expect(errorFields(await get('type=trends'))).toEqual(['user_id']);
    expect(errorFields(await get('type=leaderboard&limit=0'))).toEqual(['limit']);
  });

  it('keeps GraphQL’s scope: 401 without a token, 403 out of scope, 404 for what does not exist', async () => {
    expect((await get('type=current', null)).status).toBe(401);
    const badToken = await get('type=current', 'not-a-token');
    expect([badToken.status, code(badToken)]).toEqual([401, 'UNAUTHENTICATED']);
    const other = await get(`type=period&user_id=${org.reps.west1.id}`, org.reps.east1.email);
    expect([other.status, code(other)]).toEqual([403, 'FORBIDDEN']);
    expect((await get('type=goals', org.viewer)).status).toBe(403);
    expect((await get('type=leaderboard', org.viewer)).status).toBe(200);
    const mine = await get('type=current', org.reps.east1.email);
    expect(mine.body.map((r) => r.user_id)).toEqual([org.reps.east1.id]);
    expect((await get('type=period&user_id=99999')).status).toBe(404);
    expect((await rest(server, 'GET', '/api/nothing/here')).status).toBe(404);
  });
});

describe('POST /api/performance', () => {
  it('names the seed’s fields in errors the services find (goal_type, period_start, target_value)', async () => {
    const bad = await post(
      goalBody({ goal_type: 'Happiness', period_start: '2026-02-30', target_value: 'lots' }),
    );
    expect([bad.status, errorFields(bad)]).toEqual([400, ['goal_type', 'period_start', 'target_value']]);
    const service = await post(goalBody({ period_start: `${month.slice(0, 8)}15`, target_value: -5 }));
    expect(errorFields(service).sort()).toEqual(['period_start', 'target_value']);
    const end = await post(goalBody({ period_end: `${month.slice(0, 8)}15` }));
    expect(errorFields(end)).toEqual(['period_end']);
    const unknown = await post(goalBody({ target: 5 }));
    expect(errorFields(unknown)).toEqual(['target']);
  });

  it('creates goals with the seed’s goal types and answers 409 for a second one of the same kind', async () => {
    const created = await post(goalBody({ goal_type: 'Conversion Rate', target_value: 30, created_by: 999 }));
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      goal_type: 'Conversion Rate',
      target_value: 30,
      current_value: 100,
      status: 'achieved',
    });
    const again = await post(goalBody({ goal_type: 'conversion_rate', target_value: 40 }));
    expect([again.status, code(again)]).toEqual([409, 'CONFLICT']);
  });

  it('lets only managers of the user’s team and admins write (403 otherwise)', async () => {
    const west = await post(goalBody({ goal_type: 'Orders', target_value: 3 }), org.managers.west);
    expect([west.status, code(west)]).toEqual([403, 'FORBIDDEN']);
    const rep = await post(goalBody({ goal_type: 'Orders', target_value: 3 }), org.reps.east1.email);
    expect(rep.status).toBe(403);
    const east = await post(goalBody({ goal_type: 'Orders', target_value: 3 }), org.managers.east);
    expect(east.status).toBe(201);
  });

  it('refuses pushed rates that disagree with the counts or determine no whole count', async () => {
    const base = {
      type: 'performance',
      user_id: org.reps.east2.id,
      period_type: 'monthly',
      period_start: addPeriods('MONTHLY', month, -1),
    };
    const wrong = await post({ ...base, leads_created: 10, orders_created: 3, conversion_rate: 20 });
    expect(errorFields(wrong)).toEqual(['conversion_rate']);
    const fraction = await post({ ...base, orders_created: 3, conversion_rate: 7 });
    expect(errorFields(fraction)).toEqual(['conversion_rate']);
    const alone = await post({ ...base, win_rate: 50 });
    expect(errorFields(alone)).toEqual(['win_rate']);
    // a rate so small that the count it names is beyond any integer (found by the fuzz layer)
    const tiny = await post({ ...base, orders_created: 3, win_rate: 1.6688053938804014e-306 });
    expect([tiny.status, errorFields(tiny)]).toEqual([400, ['win_rate']]);
    const tinyConversion = await post({ ...base, orders_created: 3, conversion_rate: 1e-300 });
    expect([tinyConversion.status, errorFields(tinyConversion)]).toEqual([400, ['conversion_rate']]);
    const rounded = await post({
      ...base,
      leads_created: 3,
      orders_created: 1,
      conversion_rate: 33.3,
      win_rate: 25,
    });
    expect(rounded.status).toBe(200);
    expect(rounded.body).toMatchObject({ conversion_rate: 33.33, opportunities_lost: 3, win_rate: 25 });
    const money = await post({ ...base, total_revenue: '12.345' });
    expect(errorFields(money)).toEqual(['total_revenue']);
    const notStart = await post({
      ...base,
      period_start: today === month ? addPeriods('DAILY', month, 1) : today,
    });
    expect(errorFields(notStart)).toEqual(['period_start']);
  });

  it('answers 400 in the same shape for a body that is not JSON', async () => {
    const r = await rest(server, 'POST', '/api/performance', {
      body: '{"type":',
      headers: { 'content-type': 'application/json' },
    });
    expect(r.status).toBe(400);
    expect(r.body).toEqual({
      error: {
        code: 'BAD_USER_INPUT',
        message: 'Invalid body: is not valid JSON',
        fields: [{ field: 'body', message: 'is not valid JSON' }],
      },
    });
    expect(errorFields(await rest(server, 'POST', '/api/performance', { body: '[1]' }))).toEqual(['body']);
  });
});

describe('/api/performance/goals/:id', () => {
  let custom: Row;
  beforeAll(async () => {
    custom = (
      await post(goalBody({ goal_type: 'Custom', target_value: 10, current_value: 2, description: 'NPS' }))
    ).body;
  });

  it('reads, updates and deletes a goal', async () => {
    const path = `/api/performance/goals/${String(custom.id)}`;
    expect((await rest<Row>(server, 'GET', path)).body).toMatchObject({
      goal_type: 'Custom',
      current_value: 2,
      status: 'at_risk',
    });
    const patched = await rest<Row>(server, 'PATCH', path, {
      body: { current_value: 8, description: 'Net promoter', expected_version: 1 },
    });
    expect(patched.headers.get('x-pulse-ignored')).toBeNull();
    expect(patched.body).toMatchObject({
      current_value: 8,
      achievement_percentage: 80,
      performance_status: 'On Track',
      version: 2,
      description: 'Net promoter',
    });
    const deleted = await rest<Row>(server, 'DELETE', path);
    expect(deleted.body).toEqual({ id: custom.id, deleted: true });
    expect((await rest(server, 'GET', path)).status).toBe(404);
    expect((await rest(server, 'PATCH', path, { body: { target_value: 3 } })).status).toBe(404);
  });

  it('refuses a written status (it is derived) and a stale version (409 with the current goal)', async () => {
    const goal = (await post(goalBody({ goal_type: 'Custom', target_value: 4, description: 'Referrals' })))
      .body;
    const path = `/api/performance/goals/${String(goal.id)}`;
    const status = await rest(server, 'PATCH', path, { body: { status: 'achieved' } });
    expect([status.status, errorFields(status)]).toEqual([400, ['status']]);
    await rest(server, 'PATCH', path, { body: { target_value: 5 } });
    const stale = await rest<RestErrorBody & { error: Row }>(server, 'PATCH', path, {
      body: { target_value: 6, expected_version: 1 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({
      code: 'CONFLICT',
      current_version: 2,
      current: { target_value: 5, version: 2 },
    });
    expect(errorFields(await rest(server, 'PATCH', path, { body: { target_value: 0 } }))).toEqual([
      'target_value',
    ]);
    expect((await rest(server, 'GET', path, { as: org.reps.west1.email })).status).toBe(403);
    expect((await rest(server, 'DELETE', path, { as: org.managers.west })).status).toBe(403);
    expect(errorFields(await rest(server, 'GET', '/api/performance/goals/x1'))).toEqual(['id']);
  });
});
