/**
 * E-mail notifications (issue 19) through the public surface, with real mail: an in-process SMTP
 * server takes what the server's mail worker sends. Each kind reaches the right people (expected
 * mails are computed from the data written), with a text and an HTML part and the one-click
 * unsubscribe headers; the signed link turns that kind off; a restart on the same database
 * resends nothing; without SMTP_URL nothing is queued. Waiting is by fences: a later mail that must
 * arrive proves the earlier ones that must not did not (one worker sends in outbox order).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createContest } from '../support/contests.ts';
import { recordActivity, startOrgServer, updateGoal, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, startPeer, type TestServer } from '../support/server.ts';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.ts';
import { settle, until } from '../support/wait.ts';

const SETTINGS = 'mailEnabled goalProgress goalBehindPace badgeEarned contests teamRank';
const MINE = `query { myNotificationSettings { ${SETTINGS} } }`;
const UPDATE = `mutation($i: UpdateNotificationSettingsInput!) { updateMyNotificationSettings(input: $i) { ${SETTINGS} } }`;
const AWARD = `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`;

const kindOf = (m: ReceivedMail) => m.headers['x-pulse-notification'];
const unsubscribeOf = (m: ReceivedMail) => /^<(.+)>$/.exec(m.headers['list-unsubscribe'] ?? '')?.[1] ?? '';

async function customGoal(
  server: TestServer,
  userId: number,
  targetValue: number,
  start?: string,
): Promise<string> {
  const periodStart = start ?? `${(await server.today()).slice(0, 7)}-01`;
  return dataOf(
    await server.gql<{ createGoal: { id: string } }>(
      `mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }`,
      { i: { userId: String(userId), metric: 'CUSTOM', periodType: 'MONTHLY', periodStart, targetValue } },
      'admin@example.com',
    ),
  ).createGoal.id;
}

/** The 50/75/100 steps a goal passes, each once, as its value moves through `values` (from 0). */
function stepsPassed(target: number, values: number[]): number[] {
  let reached = 0;
  const mailed: number[] = [];
  for (const value of values) {
    const top = [50, 75, 100].filter((s) => (value / target) * 100 >= s).pop() ?? 0;
    if (top > reached) {
      mailed.push(top);
      reached = top;
    }
  }
  return mailed;
}

describe('with SMTP', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let org: OrgFixture;
  const mailsOf = (email: string, kind: string) =>
    smtp.mails.filter((m) => m.to === email && kindOf(m) === kind);
  /** A badge for `email`'s person, and its mail: what later tests fence on. */
  const award = async (userId: number, title: string) =>
    dataOf(
      await server.gql(
        AWARD,
        { i: { userId: String(userId), kind: 'manual', title, badgeIcon: '🏅' } },
        org.admin,
      ),
    );
  const badgeMail = (email: string, title: string) =>
    until(
      () => smtp.mails.find((m) => m.to === email && m.subject.includes(title)),
      `the badge mail "${title}" to ${email}`,
    );

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ server, org } = await startOrgServer(
      { SMTP_URL: smtp.url, MAIL_FROM: 'Pulse <pulse@example.com>', CURRENCY: 'EUR' },
      { persistent: true },
    ));
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('gives each person their own settings, all on by default; validation names the field', async () => {
    const rep = org.reps.east2.email;
    expect(dataOf(await server.gql(MINE, {}, rep))).toEqual({
      myNotificationSettings: {
        mailEnabled: true,
        goalProgress: true,
        goalBehindPace: true,
        badgeEarned: true,
        contests: true,
        teamRank: true,
      },
    });
    const updated = dataOf(
      await server.gql<{ updateMyNotificationSettings: Record<string, boolean> }>(
        UPDATE,
        { i: { goalProgress: false } },
        rep,
      ),
    ).updateMyNotificationSettings;
    expect(updated).toMatchObject({ goalProgress: false, badgeEarned: true });
    expect(
      dataOf(await server.gql<{ myNotificationSettings: unknown }>(MINE, {}, rep)).myNotificationSettings,
    ).toEqual(updated);
    // someone else's are untouched
    expect(
      dataOf(
        await server.gql<{ myNotificationSettings: { goalProgress: boolean } }>(
          MINE,
          {},
          org.reps.east1.email,
        ),
      ).myNotificationSettings.goalProgress,
    ).toBe(true);
    const bad = errorOf(await server.gql(UPDATE, { i: { teamRank: null } }, rep));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.fields.map((f) => f.field)).toEqual(['teamRank']);

    const erp = dataOf(
      await server.gql<{ createServiceAccount: { token: string } }>(
        'mutation($i: CreateServiceAccountInput!) { createServiceAccount(input: $i) { token } }',
        { i: { name: 'ERP', role: 'REP' } },
        org.admin,
      ),
    ).createServiceAccount.token;
    expect(dataOf(await server.gql(MINE, {}, erp))).toEqual({ myNotificationSettings: null });
    expect(errorOf(await server.gql(UPDATE, { i: { badgeEarned: false } }, erp)).code).toBe('FORBIDDEN');
  });

  it('mails goal progress at 50, 75 and 100 % once each, to the owner who wants it', async () => {
    const { east1, east2 } = org.reps;
    const target = 1000;
    const values = [400, 600, 550, 900, 1100, 700, 1200];
    const mine = await customGoal(server, east1.id, target);
    const optedOut = await customGoal(server, east2.id, target); // east2 turned GOAL_PROGRESS off
    for (const value of values) {
      await updateGoal(server, mine, { currentValue: value });
      await updateGoal(server, optedOut, { currentValue: value });
    }
    const expected = stepsPassed(target, values).map((s) =>
      s === 100 ? 'You achieved your monthly custom goal' : `You reached ${s}% of your monthly custom goal`,
    );
    await award(east2.id, 'Fence one');
    await badgeMail(east2.email, 'Fence one');
    await until(() => mailsOf(east1.email, 'GOAL_PROGRESS').length >= expected.length, 'the progress mails');
    const got = mailsOf(east1.email, 'GOAL_PROGRESS');
    expect(got.map((m) => m.subject.replace(/^\S+ /, ''))).toEqual(expected);
    expect(mailsOf(east2.email, 'GOAL_PROGRESS')).toEqual([]);
    const last = got.at(-1)!;
    expect(last.text).toContain('1,100 of 1,000 (110%)');
    expect(last.html).toContain('<h2');
    expect(last.html).toContain('1,100 of 1,000 (110%)');
    expect(last.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    expect(unsubscribeOf(last)).toMatch(/\/unsubscribe\?u=\d+&k=GOAL_PROGRESS&s=[\w-]+$/);
  });

  it('mails a badge, in the organisation’s currency, and the one-click link turns badges off', async () => {
    const { east1 } = org.reps;
    dataOf(
      await server.gql(
        AWARD,
        { i: { userId: String(east1.id), kind: 'manual', title: 'Big deal', badgeIcon: '💰', value: 2500 } },
        org.admin,
      ),
    );
    const mail = await badgeMail(east1.email, 'Big deal');
    expect(mail.subject).toBe('💰 You earned the badge “Big deal”');
    expect(mail.text).toMatch(/^Hello Alice Able,/);
    expect(mail.html).toContain('Big deal');
    const link = unsubscribeOf(mail);
    expect(link).toContain('k=BADGE_EARNED');

    // a forged link changes nothing; GET only asks
    const forged = await fetch(link.replace(/s=[\w-]+$/, 's=AAAA'), { method: 'POST' });
    expect(forged.status).toBe(400);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const one = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(one.status).toBe(200);
    expect(
      dataOf(await server.gql<{ myNotificationSettings: { badgeEarned: boolean } }>(MINE, {}, east1.email))
        .myNotificationSettings.badgeEarned,
    ).toBe(false);

    await award(east1.id, 'Not mailed');
    await award(org.reps.west1.id, 'Fence two');
    await badgeMail(org.reps.west1.email, 'Fence two');
    expect(smtp.mails.filter((m) => m.subject.includes('Not mailed'))).toEqual([]);
    const [queued] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from mail_outbox where user_id = ${east1.id} and payload->'achievement'->>'title' = 'Not mailed'`,
    );
    expect(queued?.n).toBe(0);
  });

  it('mails who took #1 on their team’s monthly board, at most once a day', async () => {
    const { east1, east2, west1 } = org.reps;
    const team = new Map([
      [east1.id, 'East'],
      [east2.id, 'East'],
      [west1.id, 'West'],
    ]);
    const email = new Map([east1, east2, west1].map((r) => [r.id, r.email]));
    const sales: [number, number][] = [
      [west1.id, 50],
      [east2.id, 300],
      [east1.id, 400],
      [east2.id, 50],
    ];
    // expected: replay the sales, each team's #1 (ties share it) after each; a person's first
    // change of the day is mailed, later ones that day are not
    const revenue = new Map<number, number>();
    const leaders = new Map<string, number[]>();
    const expected = new Map<string, string>();
    for (const [userId, amount] of sales) {
      revenue.set(userId, (revenue.get(userId) ?? 0) + amount);
      const name = team.get(userId)!;
      const members = [...team].filter(([, t]) => t === name).map(([id]) => id);
      const top = Math.max(...members.map((id) => revenue.get(id) ?? 0));
      const now = members.filter((id) => (revenue.get(id) ?? 0) === top && top > 0);
      const before = leaders.get(name) ?? [];
      leaders.set(name, now);
      for (const id of now.filter((x) => !before.includes(x))) {
        if (!expected.has(email.get(id)!))
          expected.set(email.get(id)!, `🥇 You took #1 on team ${name}’s monthly revenue board`);
      }
      for (const id of before.filter((x) => !now.includes(x))) {
        if (!expected.has(email.get(id)!))
          expected.set(email.get(id)!, `You lost #1 on team ${name}’s monthly revenue board`);
      }
    }
    for (const [userId, amount] of sales) {
      await recordActivity(server, { userId, amount: amount.toFixed(2) });
      await settle(server);
      await server.app.notifications?.teamRank.settled();
    }
    await award(west1.id, 'Fence three');
    await badgeMail(west1.email, 'Fence three');
    for (const r of [east1, east2, west1]) {
      expect(mailsOf(r.email, 'TEAM_RANK').map((m) => m.subject)).toEqual(
        expected.has(r.email) ? [expected.get(r.email)] : [],
      );
    }
    const took = mailsOf(east1.email, 'TEAM_RANK')[0];
    expect(took?.text).toContain(`Revenue to lead: €${revenue.get(east1.id)!.toFixed(2)}`);
  });

  it('mails a contest’s people when it starts and when it ends', async () => {
    const { east1, east2, west1 } = org.reps;
    const now = Date.now();
    const id = await createContest(server, {
      name: 'Sprint',
      startsAt: new Date(now + 3_600_000).toISOString(),
      endsAt: new Date(now + 7_200_000).toISOString(),
      metric: 'REVENUE',
      userIds: [String(east1.id), String(west1.id)],
    });
    server.app.contests.clock.now = () => new Date(now + 3_700_000);
    await server.app.contests.check();
    server.app.contests.clock.now = () => new Date(now + 7_300_000);
    await server.app.contests.check();
    for (const email of [east1.email, west1.email]) {
      const got = await until(() => {
        const m = mailsOf(email, 'CONTESTS').filter((x) => x.subject.includes('“Sprint”'));
        return m.length >= 2 && m;
      }, `the contest mails to ${email}`);
      expect(got.map((m) => m.subject)).toEqual([
        '🏁 The contest “Sprint” has started',
        '🏆 The contest “Sprint” has ended',
      ]);
    }
    expect(mailsOf(east2.email, 'CONTESTS').filter((m) => m.subject.includes('“Sprint”'))).toEqual([]);
    const [ended] = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from mail_outbox where dedupe_key = ${`contest_ended:${id}`}`,
    );
    expect(ended?.n).toBe(2);
  });

  it('mails a goal falling behind pace to its owner', async () => {
    const { west1 } = org.reps;
    // March 2025, 7430 to reach and nothing done: at noon on the 10th 2270 were expected
    const goal = await customGoal(server, west1.id, 7430, '2025-03-01');
    server.app.paceAlerts.clock.now = () => Date.parse('2025-03-10T16:00:00Z');
    try {
      expect(await server.app.paceAlerts.sweep()).toBeGreaterThanOrEqual(1);
    } finally {
      server.app.paceAlerts.clock.now = () => Date.now();
    }
    const mail = await until(() => mailsOf(west1.email, 'GOAL_BEHIND_PACE')[0], 'the behind-pace mail');
    expect(mail.subject).toBe('🐢 Your monthly custom goal is behind pace');
    expect(mail.text).toContain('0 of 7,430 (0%)');
    expect(mail.text).toContain('Period: Mar 1 – 31, 2025');
    const [row] = await server.sql<{ key: string }>(
      sql`select dedupe_key as key from mail_outbox where kind = 'GOAL_BEHIND_PACE' and user_id = ${west1.id}`,
    );
    expect(row?.key).toBe(`pace:${goal}:2025-03-10`);
  });

  it('sends nothing twice after a restart on the same database', async () => {
    // the earlier tests' mails all sent and marked first: a mail the SMTP server has taken but
    // the worker not yet marked is still PENDING, so counting both sides at once could count it twice
    await until(async () => {
      const [row] = await server.sql<{ n: number }>(
        sql`select count(*)::int as n from mail_outbox where status = 'PENDING'`,
      );
      return row?.n === 0;
    }, 'the earlier mails marked');
    const sent = smtp.mails.length;
    await server.restart();
    await award(org.reps.east2.id, 'After restart');
    await badgeMail(org.reps.east2.email, 'After restart');
    expect(smtp.mails.length).toBe(sent + 1);
    const keys = smtp.mails.map((m) => `${m.to}|${kindOf(m)}|${m.subject}`);
    const repeated = keys.filter((k, i) => keys.indexOf(k) !== i && !k.includes('TEAM_RANK'));
    expect(repeated).toEqual([]);
    // the last mail is marked SENT once the SMTP server took it: wait for that mark
    const states = await until(async () => {
      const [row] = await server.sql<{ sent: number; pending: number }>(
        sql`select count(*) filter (where status = 'SENT')::int as sent, count(*) filter (where status = 'PENDING')::int as pending from mail_outbox`,
      );
      return row?.pending === 0 && row;
    }, 'every mail marked');
    expect(states.sent).toBe(smtp.mails.length);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'sends each mail once with two processes on one database (Postgres: PGlite is one process)',
    async () => {
      const peer = await startPeer(server.databaseUrl!, { SMTP_URL: smtp.url });
      try {
        const sent = smtp.mails.length;
        const titles = Array.from({ length: 12 }, (_, i) => `Pair ${i}`);
        for (const title of titles) await award(org.reps.west1.id, title);
        await until(
          () => titles.every((t) => smtp.mails.some((m) => m.subject.includes(`“${t}”`))),
          'every pair badge mail',
        );
        await award(org.reps.east2.id, 'Pair fence');
        await badgeMail(org.reps.east2.email, 'Pair fence');
        expect(smtp.mails.length).toBe(sent + titles.length + 1);
      } finally {
        await peer.stop();
      }
    },
  );
});

describe('without SMTP', () => {
  let server: TestServer;
  let org: OrgFixture;
  beforeAll(async () => {
    ({ server, org } = await startOrgServer());
  });
  afterAll(() => server?.close());

  it('says mail is off and queues nothing, whatever happens', async () => {
    const { east1 } = org.reps;
    expect(
      dataOf(await server.gql<{ myNotificationSettings: { mailEnabled: boolean } }>(MINE, {}, east1.email))
        .myNotificationSettings.mailEnabled,
    ).toBe(false);
    const goal = await customGoal(server, east1.id, 100);
    for (const value of [60, 80, 120]) await updateGoal(server, goal, { currentValue: value });
    await recordActivity(server, { userId: east1.id, amount: '900.00' });
    dataOf(
      await server.gql(
        AWARD,
        { i: { userId: String(east1.id), kind: 'manual', title: 'Quiet', badgeIcon: '🤫' } },
        org.admin,
      ),
    );
    await settle(server);
    const [counts] = await server.sql<{ mails: number; steps: number; leaders: number }>(
      sql`select (select count(*) from mail_outbox)::int as mails, (select count(*) from goal_mail_steps)::int as steps,
        (select count(*) from team_rank_leaders)::int as leaders`,
    );
    expect(counts).toEqual({ mails: 0, steps: 0, leaders: 0 });
    expect(server.app.notifications).toBeUndefined();
  });
});
