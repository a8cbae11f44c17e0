/**
 * Custom badge rules (issue 19) over GraphQL against a real database: the preview lists exactly
 * what a backfill then awards; "from now on" awards nothing reached before the save (neither an
 * ended period nor this period's or a lifetime's earlier qualifiers) and what is reached after it,
 * live; an edit never takes a badge back; deactivating stops awards; a burst awards once; ADMIN
 * only; input refused with BAD_USER_INPUT naming the field. Dates come from the organisation's
 * today (UTC here, so an activity at noon of a day is in that day everywhere).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods } from '../../api/domain/periods.ts';
import { recordActivity, startOrgServer, type ActivityInput, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';
import { settle, until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

let server: TestServer;
let org: OrgFixture;
let month: string;
const monthsAgo = (n: number) => addPeriods('MONTHLY', month, -n);

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ TZ_NAME: 'UTC' }));
  month = `${(await server.today()).slice(0, 7)}-01`;
});
afterAll(() => server?.close());

const RULE = `id title badgeIcon icon kind metric periodType threshold active awardsFrom`;
interface Rule {
  id: string;
  title: string;
  badgeIcon: string;
  icon: string | null;
  kind: string;
  threshold: number;
  active: boolean;
  awardsFrom: string | null;
}
interface Preview {
  newCount: number;
  currentCount: number;
  periods: {
    periodStart: string | null;
    current: boolean;
    count: number;
    newCount: number;
    people: { user: { id: string }; value: string; awarded: boolean }[];
  }[];
}

const admin = <T>(query: string, variables: Record<string, unknown>) =>
  server.gql<T>(query, variables, org.admin).then(dataOf);

const createRule = (i: Record<string, unknown>, as = org.admin) =>
  server.gql<{ createBadgeRule: Rule }>(
    `mutation($i: CreateBadgeRuleInput!) { createBadgeRule(input: $i) { ${RULE} } }`,
    { i },
    as,
  );
const updateRule = (id: string, i: Record<string, unknown>, as = org.admin) =>
  server.gql<{ updateBadgeRule: Rule }>(
    `mutation($id: ID!, $i: UpdateBadgeRuleInput!) { updateBadgeRule(id: $id, input: $i) { ${RULE} } }`,
    { id, i },
    as,
  );
const previewRule = (i: Record<string, unknown>, as = org.admin) =>
  server.gql<{ previewBadgeRule: Preview }>(
    `query($i: PreviewBadgeRuleInput!) { previewBadgeRule(input: $i) {
       newCount currentCount
       periods { periodStart current count newCount people { user { id } value awarded } } } }`,
    { i },
    as,
  );

/** Every (user, period) the rule awarded, sorted. */
async function awardsOf(ruleId: string): Promise<string[]> {
  const found = await server.sql<{ key: string }>(
    sql`select user_id || '@' || coalesce(period_start::text, 'lifetime') as key
        from achievements where rule_id = ${Number(ruleId)} order by 1`,
  );
  return found.map((r) => r.key);
}

/** The (user, period) pairs a preview would award (not yet awarded), sorted. */
const previewed = (p: Preview) =>
  p.periods
    .flatMap((period) =>
      period.people.filter((x) => !x.awarded).map((x) => `${x.user.id}@${period.periodStart ?? 'lifetime'}`),
    )
    .sort();

/** `count` activities of a kind for a user at noon of a day (default: a second ago). */
const many = (userId: number, kind: string, count: number, day?: string): ActivityInput[] =>
  Array.from({ length: count }, () => ({
    userId,
    kind,
    ...(kind === 'ORDER_WON' ? { amount: '100.00' } : {}),
    ...(day ? { occurredAt: `${day}T12:00:00Z` } : {}),
  }));

describe('badge rules', () => {
  it('previews who would have earned a rule, and the backfill awards exactly that', async () => {
    const { east1: alice, east2: bob, west1: carol } = org.reps;
    await recordActivity(server, [
      ...many(alice.id, 'ORDER_WON', 2, monthsAgo(2)),
      ...many(alice.id, 'ORDER_WON', 2),
      ...many(bob.id, 'ORDER_WON', 3, monthsAgo(1)),
      ...many(carol.id, 'ORDER_WON', 1, monthsAgo(1)),
      ...many(alice.id, 'ORDER_WON', 2, monthsAgo(12)), // before the 12 previewed months
    ]);
    // what the data says, month by month: who has at least 2 orders
    const expected = [`${alice.id}@${month}`, `${bob.id}@${monthsAgo(1)}`, `${alice.id}@${monthsAgo(2)}`];
    const def = { metric: 'ORDERS', periodType: 'MONTHLY', threshold: '2' };
    const preview = dataOf(await previewRule(def)).previewBadgeRule;
    expect(preview.periods.map((p) => p.periodStart)).toEqual(
      Array.from({ length: 12 }, (_, i) => monthsAgo(i)),
    );
    expect(preview.periods.map((p) => p.current)).toEqual([true, ...Array<boolean>(11).fill(false)]);
    expect(previewed(preview)).toEqual([...expected].sort());
    expect(preview.newCount).toBe(expected.length);
    expect(preview.currentCount).toBe(1);

    const rule = dataOf(
      await createRule({ ...def, title: 'Two a month', icon: 'ROCKET', backfill: true }),
    ).createBadgeRule;
    expect(rule).toMatchObject({
      kind: 'Orders',
      badgeIcon: '🚀',
      icon: 'ROCKET',
      threshold: 2,
      active: true,
    });
    expect(rule.awardsFrom).toBe(monthsAgo(11));
    expect(await awardsOf(rule.id)).toEqual(previewed(preview));
    // the same preview for the saved rule now marks them all awarded: nothing new to backfill
    const again = dataOf(await previewRule({ ...def, ruleId: rule.id })).previewBadgeRule;
    expect(again.newCount).toBe(0);
    expect(previewed(again)).toEqual([]);

    // a backdated write before awards_from awards nothing; one inside the window does, live
    await recordActivity(server, many(alice.id, 'ORDER_WON', 1, monthsAgo(12)));
    await recordActivity(server, many(carol.id, 'ORDER_WON', 1, monthsAgo(1)));
    expect(await awardsOf(rule.id)).toEqual([...previewed(preview), `${carol.id}@${monthsAgo(1)}`].sort());
    // a badge of an ended month is dated in that month
    const [dated] = await server.sql<{ at: string }>(
      sql`select achieved_at::date::text as at from achievements
          where rule_id = ${Number(rule.id)} and user_id = ${bob.id}`,
    );
    expect(dated?.at).toBe(addPeriods('DAILY', month, -1));
  });

  it('"from now on" awards nothing met before the save, and what is reached after it, live', async () => {
    const { east1: alice, east2: bob, west1: carol } = org.reps;
    await recordActivity(server, [
      ...many(alice.id, 'MEETING', 2),
      ...many(bob.id, 'MEETING', 2, monthsAgo(1)),
    ]);
    const def = { metric: 'MEETINGS', periodType: 'MONTHLY', threshold: '2' };
    const preview = dataOf(await previewRule(def)).previewBadgeRule;
    expect(preview.currentCount).toBe(1);
    expect(preview.newCount).toBe(2);
    const rule = dataOf(
      await createRule({ ...def, title: 'Meeting maker', icon: 'CALENDAR' }),
    ).createBadgeRule;
    expect(rule.awardsFrom).toBe(await server.today());
    expect(await awardsOf(rule.id)).toEqual([]);

    await settle(server);
    const tv = connect(server.url, await server.token(org.viewer));
    try {
      const before = server.app.live.subscriberCount;
      const frames = subscribe<{
        achievementUnlocked: { title: string; badgeIcon: string; user: { id: string } };
      }>(tv, `subscription { achievementUnlocked { title badgeIcon user { id } } }`);
      await until(() => server.app.live.subscriberCount > before, 'the badge subscription');
      await recordActivity(server, many(alice.id, 'MEETING', 1)); // met it before the save: no badge
      await recordActivity(server, many(bob.id, 'MEETING', 1, monthsAgo(1))); // an ended month: none
      expect(await awardsOf(rule.id)).toEqual([]);
      await recordActivity(server, many(carol.id, 'MEETING', 2)); // reached after the save
      const frame = await frames.waitFor((f) => f.achievementUnlocked.title === 'Meeting maker');
      expect(frame.achievementUnlocked).toEqual({
        title: 'Meeting maker',
        badgeIcon: '📅',
        user: { id: String(carol.id) },
      });
      expect(await awardsOf(rule.id)).toEqual([`${carol.id}@${month}`]);
    } finally {
      await tv.dispose();
    }
  });

  it('an edit never takes a badge back; deactivating stops awards; lifetime keeps its baseline', async () => {
    const { east1: alice, east2: bob, west1: carol } = org.reps;
    await recordActivity(server, many(alice.id, 'LEAD_CREATED', 1));
    const rule = dataOf(
      await createRule({
        metric: 'LEADS',
        periodType: null,
        threshold: '1',
        title: 'First lead',
        icon: 'STAR',
      }),
    ).createBadgeRule;
    await recordActivity(server, many(alice.id, 'LEAD_CREATED', 1)); // in the lifetime baseline
    await recordActivity(server, many(bob.id, 'LEAD_CREATED', 1));
    expect(await awardsOf(rule.id)).toEqual([`${bob.id}@lifetime`]);

    const edited = dataOf(
      await updateRule(rule.id, { threshold: '5', title: 'Five leads', icon: 'FLAME' }),
    ).updateBadgeRule;
    expect(edited).toMatchObject({ title: 'Five leads', badgeIcon: '🔥', threshold: 5 });
    expect(await awardsOf(rule.id)).toEqual([`${bob.id}@lifetime`]);
    const [kept] = await server.sql<{ title: string; value: string }>(
      sql`select title, value::text as value from achievements where rule_id = ${Number(rule.id)}`,
    );
    expect(kept).toEqual({ title: 'First lead', value: '1.00' });

    // back to 1 with a backfill: Alice, whom the baseline held out, gets it now; Bob keeps his one
    await updateRule(rule.id, { threshold: '1', backfill: true });
    expect(await awardsOf(rule.id)).toEqual([`${alice.id}@lifetime`, `${bob.id}@lifetime`].sort());

    const off = dataOf(
      await server.gql<{ deactivateBadgeRule: Rule }>(
        `mutation($id: ID!) { deactivateBadgeRule(id: $id) { ${RULE} } }`,
        { id: rule.id },
        org.admin,
      ),
    ).deactivateBadgeRule;
    expect(off.active).toBe(false);
    await recordActivity(server, many(carol.id, 'LEAD_CREATED', 1));
    expect(await awardsOf(rule.id)).toEqual([`${alice.id}@lifetime`, `${bob.id}@lifetime`].sort());
    const listed = await admin<{ badgeRules: Rule[] }>(`query { badgeRules(active: false) { ${RULE} } }`, {});
    expect(listed.badgeRules.map((r) => r.id)).toEqual([rule.id]);
    const audited = await server.sql<{ action: string }>(
      sql`select action from audit_log where target_type = 'BadgeRule' and target_id = ${rule.id} order by id`,
    );
    expect(audited.map((a) => a.action)).toEqual([
      'badgeRule.create',
      'badgeRule.update',
      'badgeRule.update',
      'badgeRule.deactivate',
    ]);
  });

  it('a burst of activities awards once per person and period', async () => {
    const people = Object.values(org.reps);
    const rule = dataOf(
      await createRule({
        metric: 'OPPORTUNITIES',
        periodType: 'DAILY',
        threshold: '3',
        title: 'Busy day',
        icon: 'CHART',
      }),
    ).createBadgeRule;
    const burst = () =>
      recordActivity(
        server,
        people.flatMap((p) => many(p.id, 'OPPORTUNITY_CREATED', 150)),
      );
    await burst();
    await burst();
    const today = await server.today();
    expect(await awardsOf(rule.id)).toEqual(people.map((p) => `${p.id}@${today}`).sort());
  });

  it('is for admins only', async () => {
    const def = { metric: 'CALLS', periodType: 'WEEKLY', threshold: '10' };
    const [rule] = dataOf(
      await server.gql<{ badgeRules: Rule[] }>(`query { badgeRules { id } }`, {}, org.admin),
    ).badgeRules;
    for (const as of [org.managers.east, org.reps.east1.email, org.viewer]) {
      const refused = [
        await server.gql(`query { badgeRules { id } }`, {}, as),
        await previewRule(def, as),
        await createRule({ ...def, title: `By ${as}`, icon: 'PHONE' }, as),
        await updateRule(String(rule?.id), { title: `By ${as}` }, as),
        await server.gql(`mutation($id: ID!) { deactivateBadgeRule(id: $id) { id } }`, { id: rule?.id }, as),
      ];
      expect(refused.map((r) => errorOf(r).code)).toEqual(Array(5).fill('FORBIDDEN'));
    }
    const [{ n } = { n: -1 }] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from achievement_rules where title like 'By %'`,
    );
    expect(n).toBe(0);
  });

  it('refuses bad input with BAD_USER_INPUT naming the field, writing nothing', async () => {
    const ok = { metric: 'ORDERS', periodType: 'MONTHLY', threshold: '3', title: 'Valid', icon: 'STAR' };
    const count = async () =>
      (await server.sql<{ n: number }>(sql`select count(*)::int as n from achievement_rules`))[0]?.n;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ threshold: '0' }, 'threshold'],
      [{ threshold: '2.5' }, 'threshold'],
      [{ title: '   ' }, 'title'],
      [{ title: 'x'.repeat(201) }, 'title'],
      [{ description: 'x'.repeat(2001) }, 'description'],
      [{ title: 'deal closer' }, 'title'], // a seeded rule's, in another case
    ];
    for (const [change, field] of cases) {
      const e = errorOf(await createRule({ ...ok, ...change }));
      expect([e.code, e.fields.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', [field]]);
    }
    expect(errorOf(await previewRule({ metric: 'CALLS', threshold: '-1' })).fields[0]?.field).toBe(
      'threshold',
    );
    expect(errorOf(await createRule({ ...ok, icon: 'UNICORN' })).code).toMatch(
      /BAD_USER_INPUT|GRAPHQL_VALIDATION/,
    );
    const [seeded] = dataOf(
      await server.gql<{ badgeRules: Rule[] }>(`query { badgeRules { id } }`, {}, org.admin),
    ).badgeRules;
    const off = await admin<{ deactivateBadgeRule: Rule }>(
      `mutation($id: ID!) { deactivateBadgeRule(id: $id) { id } }`,
      { id: seeded?.id },
    );
    const e = errorOf(await updateRule(off.deactivateBadgeRule.id, { backfill: true }));
    expect([e.code, e.fields.map((f) => f.field)]).toEqual(['BAD_USER_INPUT', ['backfill']]);
    expect(errorOf(await updateRule('999999', { title: 'Nobody' })).code).toBe('NOT_FOUND');
    expect(await count()).toBe(before);
    await updateRule(off.deactivateBadgeRule.id, { active: true });
  });
});
