/**
 * The original API's own documentation as the test: the seed's sample data is loaded through the
 * REST API and gives the statuses the seed lists, then every curl example of its "API Usage
 * Examples" section runs verbatim (base URL swapped, Authorization added) over real HTTP, and the
 * JSON bodies of its "POST Endpoints" section are accepted as written.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, periodEnd, periodStart } from '../../api/domain/periods.ts';
import { runCurlExample, seedCurlExamples, seedText, type CurlResult } from '../support/curl.ts';
import { rest } from '../support/rest.ts';
import { startTestServer, type TestServer } from '../support/server.ts';

let server: TestServer;
const month = periodStart('MONTHLY', localDate(new Date(), 'UTC'));
const ADMIN_ID = 1000;

type Row = Record<string, unknown>;

/** The seed's examples name John Smith as user 1; the bootstrap admin took id 1 of this fresh database. */
async function johnSmithAsUserOne(): Promise<void> {
  await server.sql(sql`update users set id = ${ADMIN_ID} where email = 'admin@example.com'`);
  const [team] = await server.sql<{ id: number }>(
    sql`insert into teams (name) values ('Enterprise') returning id`,
  );
  await server.sql(sql`insert into users (id, name, email, role, team_id)
    values (1, 'John Smith', 'john.smith@example.com', 'REP', ${team?.id}),
           (2, 'Maria Manager', 'maria@example.com', 'MANAGER', ${team?.id}),
           (3, 'Ana Alves', 'ana@example.com', 'REP', ${team?.id})`);
  await server.sql(sql`update teams set manager_id = 2 where id = ${team?.id}`);
  await server.sql(sql`select setval('users_id_seq', 10)`);
}

beforeAll(async () => {
  // the seed's dates are read as UTC days here (also in the pinned-date runs in other zones)
  server = await startTestServer({ TZ_NAME: 'UTC' });
  await johnSmithAsUserOne();
});
afterAll(() => server?.close());

describe("the seed's sample data, loaded through the REST API", () => {
  it('takes John Smith’s month as the seed states it: 15,000 revenue, 3 orders, 20 % conversion, 50 % win rate', async () => {
    const pushed = await rest<Row>(server, 'POST', '/api/performance', {
      body: {
        type: 'performance',
        user_id: 1,
        period_type: 'monthly',
        period_start: month,
        period_end: periodEnd('MONTHLY', month),
        orders_created: 3,
        total_revenue: 15000,
        conversion_rate: 20,
        win_rate: 50,
      },
    });
    expect(pushed.status).toBe(200);
    // rates are derived from counts here, so the rates name the counts they come from
    expect(pushed.body).toMatchObject({
      user_id: 1,
      user_name: 'John Smith',
      period_type: 'monthly',
      period_start: month,
      leads_created: 15,
      orders_created: 3,
      opportunities_lost: 3,
      total_revenue: '15000.00',
      avg_deal_size: '5000.00',
      conversion_rate: 20,
      win_rate: 50,
    });
  });

  it('gives the seed’s goal statuses: 15K / 20K = 75 % On Track, 3 / 5 = 60 % Behind', async () => {
    const goal = (goal_type: string, target_value: number, description: string) =>
      rest<Row>(server, 'POST', '/api/performance', {
        body: {
          type: 'goal',
          user_id: 1,
          goal_type,
          period_type: 'monthly',
          period_start: month,
          target_value,
          description,
        },
      });
    const revenue = await goal('Revenue', 20000, 'Monthly revenue target');
    const orders = await goal('Orders', 5, 'Monthly orders target');
    expect([revenue.status, orders.status]).toEqual([201, 201]);
    expect(revenue.body).toMatchObject({
      id: 1,
      goal_type: 'Revenue',
      current_value: 15000,
      target_value: 20000,
      achievement_percentage: 75,
      status: 'on_track',
      performance_status: 'On Track',
      created_by: ADMIN_ID,
    });
    expect(orders.body).toMatchObject({
      id: 2,
      goal_type: 'Orders',
      current_value: 3,
      target_value: 5,
      achievement_percentage: 60,
      status: 'behind',
      performance_status: 'Behind',
    });
  });

  it('awards the seed’s two badges by rule: 💰 First $10K and 🎯 Deal Closer', async () => {
    const badges = await rest<Row[]>(server, 'GET', '/api/performance?type=achievements&user_id=1');
    expect(badges.status).toBe(200);
    expect(badges.body.map((b) => [b.badge_icon, b.title, b.description]).sort()).toEqual([
      ['🎯', 'Deal Closer', 'Closed 3 deals in a month'],
      ['💰', 'First $10K', 'Reached $10,000 in revenue'],
    ]);
  });
});

describe("the seed's curl examples, verbatim", () => {
  const examples = seedCurlExamples();
  const seen: string[] = [];
  let token: string;
  beforeAll(async () => {
    token = await server.token('admin@example.com');
  });

  const expectations: Record<string, (r: CurlResult) => void> = {
    'Get Current Month Performance': (r) => {
      expect(r.status).toBe(200);
      const john = (r.body as Row[]).find((row) => row.user_id === 1);
      expect(john).toMatchObject({
        total_revenue: '15000.00',
        orders_created: 3,
        conversion_rate: 20,
        win_rate: 50,
      });
    },
    "Get User's Goals": (r) => {
      expect(r.status).toBe(200);
      expect(
        (r.body as Row[]).map((g) => [g.goal_type, g.achievement_percentage, g.performance_status]),
      ).toEqual([
        ['Revenue', 75, 'On Track'],
        ['Orders', 60, 'Behind'],
      ]);
    },
    'Get Leaderboard': (r) => {
      expect(r.status).toBe(200);
      expect((r.body as Row[])[0]).toMatchObject({
        user_name: 'John Smith',
        revenue_rank: 1,
        rank: 1,
        medal: 'gold',
        medal_icon: '🥇',
      });
    },
    'Create New Goal': (r) => {
      expect(r.status).toBe(201);
      // December 2025 has ended without revenue: the database closes the goal as missed
      expect(r.body).toMatchObject({
        user_id: 1,
        goal_type: 'Revenue',
        period_type: 'monthly',
        period_start: '2025-12-01',
        period_end: '2025-12-31',
        target_value: 25000,
        current_value: 0,
        description: 'December revenue target',
        status: 'missed',
        performance_status: 'Missed',
        created_by: ADMIN_ID,
      });
    },
    'Update Goal Progress': (r) => {
      expect(r.status).toBe(200);
      // goal 1 tracks revenue from activity: a written current_value is ignored and said so
      expect(r.headers['x-pulse-ignored']).toBe('current_value');
      expect(r.body).toMatchObject({ id: 1, current_value: 15000, target_value: 20000, status: 'on_track' });
    },
  };

  it('finds the five examples of the seed', () => {
    expect(examples.map((e) => e.title)).toEqual(Object.keys(expectations));
  });

  for (const title of Object.keys(expectations)) {
    it(`runs "${title}"`, async () => {
      const example = examples.find((e) => e.title === title);
      if (!example) throw new Error(`the seed has no example "${title}"`);
      seen.push(title);
      expectations[title]?.(await runCurlExample(example, server.url, token));
    });
  }

  it('answers 401 to the same examples without a token', async () => {
    const response = await fetch(`${server.url}/api/performance?type=current`);
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ error: { code: 'UNAUTHENTICATED', fields: [] } });
  });
});

describe("the seed's POST bodies, as written", () => {
  /** The bodies of the "POST Endpoints" block, each after its `// title` comment. */
  function postBodies(): Record<string, Row> {
    const text = seedText();
    const block = /\*\*POST Endpoints:\*\*\s*```json\n([\s\S]*?)```/.exec(text)?.[1] ?? '';
    const bodies: Record<string, Row> = {};
    for (const chunk of block.split(/^\/\/ /m).filter((c) => c.trim())) {
      const [title = '', ...lines] = chunk.split('\n');
      bodies[title.trim()] = JSON.parse(lines.filter((l) => !l.startsWith('POST ')).join('\n')) as Row;
    }
    return bodies;
  }
  const bodies = postBodies();

  it('has the three bodies', () => {
    expect(Object.keys(bodies)).toEqual(['Create Goal', 'Record Achievement', 'Record Performance']);
  });

  it('records the performance body: rates agree with the counts, the win rate names the lost deals', async () => {
    const r = await rest<Row>(server, 'POST', '/api/performance', { body: bodies['Record Performance'] });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({
      period_start: '2025-11-01',
      leads_created: 15,
      opportunities_created: 10,
      orders_created: 3,
      opportunities_lost: 3,
      total_revenue: '15000.00',
      conversion_rate: 20,
      win_rate: 50,
    });
  });

  it('creates the goal body (created_by is the caller, not the body)', async () => {
    const r = await rest<Row>(server, 'POST', '/api/performance', { body: bodies['Create Goal'] });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      goal_type: 'Revenue',
      period_start: '2025-11-01',
      period_end: '2025-11-30',
      current_value: 15000,
      achievement_percentage: 75,
      status: 'missed',
      created_by: ADMIN_ID,
    });
  });

  it('records the achievement body, dated at the start of its day', async () => {
    const body = bodies['Record Achievement'];
    const r = await rest<Row>(server, 'POST', '/api/performance', { body });
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      user_id: 1,
      achievement_type: 'Revenue',
      title: 'First $10K',
      // the seed file carries its emoji mis-decoded (UTF-8 read as Mac Roman): stored as sent
      badge_icon: body?.badge_icon,
      achievement_value: 10000,
      achieved_at: '2025-11-05T00:00:00.000Z',
      rule_id: null,
    });
  });
});
