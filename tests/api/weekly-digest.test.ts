/**
 * The weekly digest (issue 19) through the public surface, with real mail: managers and admins
 * choose it (off by default, not offered to a REP or a VIEWER), it is enqueued once the clock passes
 * Monday 07:00 of the next week in the organisation's zone, once per person and week whatever the
 * number of checks, restarts or processes, and it says what the API says about that week: each
 * member's WEEKLY figures (compared with teamPerformance's answers), the goals overlapping the week,
 * the week's badges and the team's weekly revenue for 12 weeks, drawn as an inline PNG. The week
 * is the last complete one before today and the clock is the digest job's own (tests move it), so
 * nothing depends on the day the tests run. Waiting: until the outbox has nothing pending (the
 * SMTP server holds a mail before the worker marks it SENT).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addPeriods, periodEnd, periodStart } from '../../api/domain/periods.ts';
import { startOfLocalDay } from '../../api/domain/zoned-time.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { dataOf, errorOf, startPeer, type TestServer } from '../support/server.ts';
import { startSmtp, type ReceivedMail, type TestSmtp } from '../support/smtp.ts';
import { until } from '../support/wait.ts';

const MINE = `query { myNotificationSettings { goalProgress teamRank kudos weeklyDigest } }`;
const UPDATE = `mutation($i: UpdateNotificationSettingsInput!) { updateMyNotificationSettings(input: $i) { weeklyDigest } }`;
const TEAM_WEEK = `query($t: ID!, $d: Date!) { teamPerformance(teamId: $t, periodType: WEEKLY, date: $d) {
  revenue ordersWon conversionRate members { user { name } revenue ordersWon conversionRate } } }`;
const GOAL = `query($id: ID!) { goal(id: $id) { id metric periodType periodStart periodEnd targetValue currentValue
  achievementPercentage status user { name } team { name } } }`;
const AWARD = `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`;
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const HOUR = 3_600_000;
/** poppler's pdftotext reads the attached report back: required in CI (.ci/run installs it). */
const poppler = spawnSync('pdftotext', ['-v']).error === undefined;

interface TeamWeek {
  revenue: string;
  ordersWon: number;
  conversionRate: number | null;
  members: { user: { name: string }; revenue: string; ordersWon: number; conversionRate: number | null }[];
}
interface GoalView {
  id: string;
  metric: string;
  periodType: string;
  periodStart: string;
  periodEnd: string;
  targetValue: number;
  currentValue: number;
  achievementPercentage: number;
  status: string;
  user: { name: string } | null;
  team: { name: string } | null;
}

const kindOf = (m: ReceivedMail) => m.headers['x-pulse-notification'];
const unsubscribeOf = (m: ReceivedMail) => /^<(.+)>$/.exec(m.headers['list-unsubscribe'] ?? '')?.[1] ?? '';
const euro = (v: string | number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency: 'EUR' }).format(Number(v));
const rate = (v: number | null) =>
  v === null ? '–' : `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(v)}%`;
const percent = (v: number) => `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(v)}%`;
const weekLabel = (date: string) =>
  new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** The lines of a text part under `header` up to the next blank line or section header. */
function section(text: string, header: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(header);
  if (at < 0) return [];
  const out: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.startsWith('- ')) break;
    out.push(line.slice(2));
  }
  return out;
}

/** The part of a text part about one team: from its "Team X: revenue" line to the blank line after it. */
function teamPart(text: string, team: string): string {
  const start = text.indexOf(`\nTeam ${team}: revenue`);
  if (start < 0) return '';
  const end = text.indexOf('\n\n', start + 1);
  return text.slice(start + 1, end < 0 ? undefined : end);
}

describe('weekly digest', () => {
  let smtp: TestSmtp;
  let server: TestServer;
  let org: OrgFixture;
  let zone: string;
  /** The last complete week before today (organisation's zone), its Monday. */
  let week: string;
  /** Monday 07:00 of this week, organisation time: from then on `week`'s digest is due. */
  let dueAt: number;
  const digestsTo = (email: string) =>
    smtp.mails.filter((m) => m.to === email && kindOf(m) === 'WEEKLY_DIGEST');
  const at = (date: string, hours: number) => new Date(startOfLocalDay(date, zone).getTime() + hours * HOUR);
  const idOf = async (email: string) =>
    (await server.sql<{ id: number }>(sql`select id from users where email = ${email}`))[0]!.id;
  const allSent = () =>
    until(async () => {
      const [row] = await server.sql<{ n: number }>(
        sql`select count(*)::int as n from mail_outbox where status = 'PENDING'`,
      );
      return row?.n === 0;
    }, 'every queued mail sent');
  const checkAt = async (instant: number) => {
    const digest = server.app.notifications!.digest;
    digest.clock.now = () => instant;
    return digest.check();
  };

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ server, org } = await startOrgServer(
      { SMTP_URL: smtp.url, MAIL_FROM: 'Pulse <pulse@example.com>', CURRENCY: 'EUR' },
      { persistent: true },
    ));
    zone = server.app.org.timeZone;
    const thisWeek = periodStart('WEEKLY', await server.today());
    week = addPeriods('WEEKLY', thisWeek, -1);
    dueAt = at(thisWeek, 7).getTime();
  });
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('is offered off to managers and admins only; a REP reads null and may not turn it on', async () => {
    for (const who of [org.managers.east, org.admin]) {
      expect(dataOf(await server.gql<{ myNotificationSettings: unknown }>(MINE, {}, who))).toEqual({
        myNotificationSettings: { goalProgress: true, teamRank: true, kudos: true, weeklyDigest: false },
      });
    }
    // (a VIEWER reads no notification settings at all: core/permissions.ts SCREEN_FIELDS)
    for (const who of [org.reps.east2.email]) {
      expect(
        dataOf(await server.gql<{ myNotificationSettings: { weeklyDigest: unknown } }>(MINE, {}, who))
          .myNotificationSettings.weeklyDigest,
      ).toBeNull();
      const refused = errorOf(await server.gql(UPDATE, { i: { weeklyDigest: true } }, who));
      expect(refused.code).toBe('FORBIDDEN');
      expect(refused.message).toContain('weeklyDigest');
      // off is what they have: accepted, and still not offered
      expect(dataOf(await server.gql(UPDATE, { i: { weeklyDigest: false } }, who))).toEqual({
        updateMyNotificationSettings: { weeklyDigest: null },
      });
    }
    const bad = errorOf(await server.gql(UPDATE, { i: { weeklyDigest: null } }, org.managers.east));
    expect(bad.code).toBe('BAD_USER_INPUT');
    expect(bad.fields.map((f) => f.field)).toEqual(['weeklyDigest']);
    for (const who of [org.managers.east, org.admin]) {
      expect(dataOf(await server.gql(UPDATE, { i: { weeklyDigest: true } }, who))).toEqual({
        updateMyNotificationSettings: { weeklyDigest: true },
      });
    }
  });

  it('mails the last complete week once after Monday 07:00, to those who want it, with the API’s figures', async () => {
    const { east1, east2, west1 } = org.reps;
    const wednesday = addPeriods('DAILY', week, 2);
    const noon = at(wednesday, 12).toISOString();
    const earlier = addPeriods('WEEKLY', week, -2);
    await recordActivity(server, [
      { userId: east1.id, amount: '400.00', occurredAt: noon },
      { userId: east1.id, amount: '150.50', occurredAt: noon },
      { userId: east1.id, kind: 'LEAD_CREATED', occurredAt: noon },
      { userId: east1.id, kind: 'LEAD_CREATED', occurredAt: noon },
      { userId: east1.id, kind: 'LEAD_CREATED', occurredAt: noon },
      { userId: east2.id, amount: '999.99', occurredAt: noon },
      { userId: west1.id, amount: '75.00', occurredAt: noon },
      {
        userId: east1.id,
        amount: '220.00',
        occurredAt: at(addPeriods('DAILY', earlier, 1), 10).toISOString(),
      },
    ]);
    const goals = [
      await createGoal(server, {
        userId: east1.id,
        metric: 'REVENUE',
        periodType: 'WEEKLY',
        periodStart: week,
        targetValue: 1000,
      }),
      await createGoal(server, {
        userId: east2.id,
        metric: 'ORDERS',
        periodType: 'MONTHLY',
        periodStart: periodStart('MONTHLY', week),
        targetValue: 4,
      }),
      await createGoal(server, {
        teamId: org.teams.east,
        metric: 'REVENUE',
        periodType: 'WEEKLY',
        periodStart: addPeriods('WEEKLY', week, 1),
        targetValue: 500,
      }),
      await createGoal(server, {
        userId: west1.id,
        metric: 'REVENUE',
        periodType: 'WEEKLY',
        periodStart: week,
        targetValue: 300,
      }),
    ];
    // one badge earned that week, one now (this week: not in the digest)
    for (const [title, achievedAt] of [
      ['Digest star', noon],
      ['Not that week', null],
    ] as const)
      dataOf(
        await server.gql(
          AWARD,
          { i: { userId: String(east1.id), kind: 'manual', title, badgeIcon: '⭐', achievedAt } },
          org.admin,
        ),
      );
    // ended goals closed now, not by the minute's sweep between the digest and the API's answer
    await server.sql(sql`select refresh_goal_statuses()`);
    // a REP whose stored choice says on (set before a role change, say) is still not sent one
    await server.sql(
      sql`insert into notification_settings (user_id, weekly_digest) values (${east2.id}, true)
          on conflict (user_id) do update set weekly_digest = true`,
    );

    // Monday 06:59: nothing is due yet
    expect(await checkAt(dueAt - 60_000)).toBe(0);
    const before = await server.sql<{ n: number }>(
      sql`select count(*)::int as n from mail_outbox where kind = 'WEEKLY_DIGEST'`,
    );
    expect(before[0]?.n).toBe(0);
    // 07:01: the manager of East and the admin; a second check finds nothing more to do
    expect(await checkAt(dueAt + 60_000)).toBe(2);
    expect(await checkAt(dueAt + 2 * HOUR)).toBe(0);
    await allSent();

    const [erin] = digestsTo(org.managers.east);
    expect(digestsTo(org.managers.east)).toHaveLength(1);
    expect(digestsTo(org.admin)).toHaveLength(1);
    for (const nobody of [org.managers.west, east1.email, east2.email, west1.email, org.viewer])
      expect(digestsTo(nobody)).toEqual([]);
    const [row] = await server.sql<{ key: string }>(
      sql`select dedupe_key as key from mail_outbox where kind = 'WEEKLY_DIGEST' and user_id = ${await idOf(org.managers.east)}`,
    );
    expect(row?.key).toBe(`digest:${week}`);

    // the figures are the API's for that week, member by member, highest revenue first
    const mail = erin!;
    expect(mail.subject).toContain('weekly digest');
    expect(mail.text).toMatch(/^Hello Erin East,/);
    const api = async (team: number, date: string) =>
      dataOf(
        await server.gql<{ teamPerformance: TeamWeek[] }>(TEAM_WEEK, { t: String(team), d: date }, org.admin),
      ).teamPerformance[0]!;
    const east = await api(org.teams.east, week);
    const part = teamPart(mail.text, 'East');
    expect(part.split('\n')[0]).toBe(
      `Team East: revenue ${euro(east.revenue)} · orders won ${east.ordersWon} · conversion ${rate(east.conversionRate)}`,
    );
    expect(section(part, 'Members:')).toEqual(
      east.members.map(
        (m) =>
          `${m.user.name}: revenue ${euro(m.revenue)} · orders won ${m.ordersWon} · conversion ${rate(m.conversionRate)}`,
      ),
    );
    expect(teamPart(mail.text, 'West')).toBe(''); // not Erin's team

    // goals whose period overlaps the week (East's and its members'), with the API's values
    const views = await Promise.all(
      goals.map(async (id) => dataOf(await server.gql<{ goal: GoalView }>(GOAL, { id }, org.admin)).goal),
    );
    const weekEnd = periodEnd('WEEKLY', week);
    const eastGoals = views.filter(
      (g) =>
        (g.team?.name === 'East' || ['Alice Able', 'Bob Baker'].includes(g.user?.name ?? '')) &&
        g.periodStart <= weekEnd &&
        g.periodEnd >= week,
    );
    expect(eastGoals.length).toBe(2);
    const goalLines = section(part, 'Goals:');
    expect(goalLines.length).toBe(eastGoals.length);
    for (const g of eastGoals) {
      const value = (v: number) => (g.metric === 'REVENUE' ? euro(v) : new Intl.NumberFormat('en').format(v));
      const line = goalLines.find((l) => l.startsWith(`${g.user?.name ?? `Team ${g.team?.name}`}, `));
      expect(line).toContain(
        `: ${value(g.currentValue)} of ${value(g.targetValue)} (${percent(g.achievementPercentage)}), ${g.status.toLowerCase().replace('_', ' ')}`,
      );
    }

    // the week's badges only
    const badges = section(part, 'Badges this week:');
    expect(badges.some((b) => b.includes('Alice Able: Digest star'))).toBe(true);
    expect(badges.some((b) => b.includes('Not that week'))).toBe(false);

    // 12 weeks of team revenue, the API's, oldest first
    const weeks = Array.from({ length: 12 }, (_, i) => addPeriods('WEEKLY', week, i - 11));
    const revenues = await Promise.all(weeks.map(async (w) => (await api(org.teams.east, w)).revenue));
    const trendAt = part.split('\n').indexOf('Team East: weekly revenue, last 12 weeks:');
    expect(part.split('\n')[trendAt + 1]).toBe(
      weeks.map((w, i) => `${weekLabel(w)} ${euro(revenues[i]!)}`).join(' · '),
    );
    expect(Number(revenues[9])).toBeGreaterThan(0); // the sale two weeks earlier

    // the chart: an inline PNG the HTML part shows by its Content-ID
    const cid = `trend-${org.teams.east}@pulse`;
    expect(mail.html).toContain(`<img src="cid:${cid}"`);
    const image = mail.attachments.find((a) => a.cid === cid);
    expect(image?.contentType).toBe('image/png');
    expect(image?.content.subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    expect(image!.content.length).toBeGreaterThan(1000);
    expect(mail.html).toContain(`${euro(east.members[0]!.revenue)}`);

    // the week's PDF report of the team (api/reports), attached
    const pdf = mail.attachments.find((a) => a.contentType === 'application/pdf');
    expect(pdf?.filename).toBe(`pulse-report-weekly-${week}-team-${org.teams.east}.pdf`);
    expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(mail.text).toContain(`Attached: the week’s PDF report (${pdf!.filename}).`);
    if (poppler || process.env.CI === 'true') {
      const read = execFileSync('pdftotext', ['-layout', '-', '-'], {
        input: pdf!.content,
        encoding: 'utf8',
      });
      expect(read).toContain('East');
      expect(read).toContain(euro(east.revenue));
    }

    // the admin's covers every team, each with its chart, and the organisation's report
    const admin = digestsTo(org.admin)[0]!;
    const west = await api(org.teams.west, week);
    expect(teamPart(admin.text, 'East')).toBe(part);
    expect(section(teamPart(admin.text, 'West'), 'Members:')).toEqual(
      west.members.map(
        (m) =>
          `${m.user.name}: revenue ${euro(m.revenue)} · orders won ${m.ordersWon} · conversion ${rate(m.conversionRate)}`,
      ),
    );
    expect(
      admin.attachments
        .filter((a) => a.contentType === 'image/png')
        .map((a) => a.cid)
        .sort(),
    ).toEqual([`trend-${org.teams.east}@pulse`, `trend-${org.teams.west}@pulse`].sort());
    expect(
      admin.attachments.filter((a) => a.contentType === 'application/pdf').map((a) => a.filename),
    ).toEqual([`pulse-report-weekly-${week}.pdf`]);
  });

  it('has a one-click link that turns off the weekly digest only', async () => {
    const mail = digestsTo(org.managers.east)[0]!;
    expect(mail.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const link = unsubscribeOf(mail);
    expect(link).toMatch(/\/unsubscribe\?u=\d+&k=WEEKLY_DIGEST&s=[\w-]+$/);
    const page = await fetch(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<form method="post"');
    const done = await fetch(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(dataOf(await server.gql(MINE, {}, org.managers.east))).toEqual({
      myNotificationSettings: { goalProgress: true, teamRank: true, kudos: true, weeklyDigest: false },
    });
  });

  it('sends nobody the same week twice after a restart', async () => {
    await allSent();
    const sent = smtp.mails.filter((m) => kindOf(m) === 'WEEKLY_DIGEST').length;
    await server.restart();
    expect(await checkAt(dueAt + 3 * HOUR)).toBe(0);
    // someone who turns it on now still gets that week's, once
    dataOf(await server.gql(UPDATE, { i: { weeklyDigest: true } }, org.managers.west));
    expect(await checkAt(dueAt + 4 * HOUR)).toBe(1);
    expect(await checkAt(dueAt + 5 * HOUR)).toBe(0);
    await allSent();
    expect(smtp.mails.filter((m) => kindOf(m) === 'WEEKLY_DIGEST').length).toBe(sent + 1);
    const walt = digestsTo(org.managers.west);
    expect(walt).toHaveLength(1);
    expect(teamPart(walt[0]!.text, 'West')).not.toBe('');
    expect(teamPart(walt[0]!.text, 'East')).toBe('');
    expect(digestsTo(org.admin)).toHaveLength(1);
  });

  it.skipIf(!process.env.DATABASE_URL)(
    'enqueues each digest once when two processes check at the same time (Postgres)',
    async () => {
      const peer = await startPeer(server.databaseUrl!, { SMTP_URL: smtp.url, CURRENCY: 'EUR' });
      try {
        // a week later: the week after `week` is complete and due
        const later = dueAt + 7 * 24 * HOUR + 60_000;
        server.app.notifications!.digest.clock.now = () => later;
        peer.notifications!.digest.clock.now = () => later;
        const counts = await Promise.all([
          server.app.notifications!.digest.check(),
          peer.notifications!.digest.check(),
        ]);
        expect(counts[0] + counts[1]).toBe(2); // the admin and West's manager
        await allSent();
        const next = addPeriods('WEEKLY', week, 1);
        const keys = await server.sql<{ key: string; n: number }>(
          sql`select dedupe_key as key, count(*)::int as n from mail_outbox where kind = 'WEEKLY_DIGEST' group by 1 order by 1`,
        );
        expect(keys).toEqual([
          { key: `digest:${week}`, n: 3 },
          { key: `digest:${next}`, n: 2 },
        ]);
        expect(digestsTo(org.admin)).toHaveLength(2);
        expect(digestsTo(org.managers.west)).toHaveLength(2);
      } finally {
        await peer.stop();
      }
    },
  );
});

describe('weekly digest without SMTP', () => {
  it('queues nothing and runs no check', async () => {
    const { server, org } = await startOrgServer();
    try {
      dataOf(await server.gql(UPDATE, { i: { weeklyDigest: true } }, org.managers.east));
      expect(server.app.notifications).toBeUndefined();
      const [row] = await server.sql<{ n: number }>(sql`select count(*)::int as n from mail_outbox`);
      expect(row?.n).toBe(0);
    } finally {
      await server.close();
    }
  });
});
