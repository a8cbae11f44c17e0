/**
 * GET /export/report?format=pdf: the performance report of a person, a team or the organisation,
 * read back with poppler's pdftotext. Every figure the PDF must show is asked of the GraphQL API
 * first (performance, teamPerformance, currentPerformance, trends, goals, leaderboard,
 * achievements) and looked for in the text: the report says what the API says. Also its scope
 * (a REP: their own; a VIEWER: none), its 400s naming the field, and a long leaderboard that goes
 * on over pages without losing a row. Page 1 is rendered to test-results/screenshots (pdftoppm)
 * to be looked at. poppler-utils is required in CI (.ci/run installs it); elsewhere the file is
 * skipped, saying why.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { changeOf } from '../../api/domain/change.ts';
import { sumMoney } from '../../api/domain/money.ts';
import { addPeriods, lastPeriods, periodStart } from '../../api/domain/periods.ts';
import { conversionRate, winRate } from '../../api/domain/rates.ts';
import { startOfLocalDay } from '../../api/domain/zoned-time.ts';
import { createGoal, recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { errorFields, rest } from '../support/rest.ts';
import { dataOf, type TestServer } from '../support/server.ts';

const poppler = spawnSync('pdftotext', ['-v']).error === undefined;
if (!poppler && process.env.CI) {
  throw new Error(
    'poppler-utils (pdftotext, pdftoppm) is required for the report tests in CI (.ci/run installs it).',
  );
}

const SCREENSHOTS = fileURLToPath(new URL('../../test-results/screenshots/', import.meta.url));

let server: TestServer;
let org: OrgFixture;
let month: string;
let zone: string;
let currency: string;
let work: string;

/** Money as the report writes it (the mails' formatter: Intl 'en', the organisation's currency). */
const money = (value: string | number) =>
  new Intl.NumberFormat('en', { style: 'currency', currency }).format(Number(value));
/** A rate as the dashboard's cards show it. */
const rate = (value: number | null) => (value === null ? '—' : `${Number(value.toFixed(1))} %`);
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Noon on a day of the organisation's. */
const noonOf = (day: string) => new Date(startOfLocalDay(day, zone).getTime() + 12 * 3600_000).toISOString();

interface Pdf {
  status: number;
  bytes: Buffer;
  headers: Headers;
  /** pdftotext -layout, one string per page. */
  pages: string[];
  text: string;
  file: string;
}

/** A GraphQL request, as the admin unless `as` says whom. */
const gql = <T>(query: string, variables: Record<string, unknown> = {}, as: string = org.admin) =>
  server.gql<T>(query, variables, as);

let downloads = 0;
async function report(query: string, as: string | null = org.admin): Promise<Pdf> {
  const response = await fetch(`${server.url}/export/report${query}`, {
    headers: as ? { authorization: `Bearer ${await server.token(as)}` } : {},
  });
  const bytes = Buffer.from(await response.arrayBuffer());
  const file = join(work, `report-${++downloads}.pdf`);
  writeFileSync(file, bytes);
  if (response.status !== 200)
    return { status: response.status, bytes, headers: response.headers, pages: [], text: '', file };
  expect(response.headers.get('content-type')).toBe('application/pdf');
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // pdftotext ends every page with a form feed
  const pages = text.split('\f').slice(0, -1);
  return { status: 200, bytes, headers: response.headers, pages, text, file };
}

/** Page 1 as a PNG in test-results/screenshots, to be looked at. */
function screenshot(pdf: Pdf, name: string, page = 1): void {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const out = join(SCREENSHOTS, name);
  execFileSync('pdftoppm', [
    '-png',
    '-r',
    '80',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    pdf.file,
    out,
  ]);
}

function changeText(now: number | string | null, before: number | string | null, kind: 'percent' | 'points') {
  const change = changeOf(now, before, kind);
  if (!change) return null;
  if (change.direction === 'same') return 'no change';
  if (change.direction === 'new') return 'new';
  const amount = `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(change.amount)}${kind === 'points' ? ' pts' : ' %'}`;
  // DejaVu Sans draws the arrows; the standard font's fallback writes a sign
  return new RegExp(`(${change.direction === 'up' ? '▲ |\\+' : '▼ |-'})${escape(amount)}`);
}

interface Goal {
  metric: string;
  periodType: string;
  periodStart: string;
  targetValue: number;
  currentValue: number;
  achievementPercentage: number;
  status: string;
}
interface Entry {
  rank: number;
  revenue: string;
  ordersWon: number;
  user: { name: string; team: { name: string } | null };
}

const GOAL_FIELDS = 'metric periodType periodStart targetValue currentValue achievementPercentage status';
const BOARD = `leaderboard(metric: REVENUE, periodType: MONTHLY, date: $date, teamId: $team, limit: $limit) {
  entries { rank revenue ordersWon user { name team { name } } } }`;

/** A goal as a row reads: "$1,234.56 of $5,000.00 … 24.7 %". */
function goalPattern(g: Goal): RegExp {
  const value = (v: number) =>
    g.metric === 'REVENUE' ? money(v) : new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(v);
  return new RegExp(
    `${escape(value(g.currentValue))} of ${escape(value(g.targetValue))}\\s+${escape(rate(g.achievementPercentage))}`,
  );
}

/** The summary cards' figures, side by side on one line: revenue, orders won, conversion, win rate. */
function cards(revenue: string, ordersWon: number, conversion: number | null, win: number | null): RegExp {
  return new RegExp(
    [escape(money(revenue)), String(ordersWon), escape(rate(conversion)), escape(rate(win))].join('\\s+'),
  );
}

/** A leaderboard row: "#1   Carol Cruz   West   1   $5,000.00". */
function rowPattern(e: Entry): RegExp {
  return new RegExp(
    `#${e.rank}\\s+${escape(e.user.name)}\\s+${escape(e.user.team?.name ?? '—')}\\s+${e.ordersWon}\\s+${escape(money(e.revenue))}`,
  );
}

const monthGoals = (goals: Goal[]) =>
  goals.filter((g) => g.periodType === 'MONTHLY' && g.periodStart === month);

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'pulse-report-'));
  if (!poppler) return;
  ({ server, org } = await startOrgServer());
  ({ timeZone: zone, currency } = dataOf(
    await gql<{ organisation: { timeZone: string; currency: string } }>(
      '{ organisation { timeZone currency } }',
    ),
  ).organisation);
  month = periodStart('MONTHLY', await server.today());
  const previous = addPeriods('MONTHLY', month, -1);
  const { east1, east2, west1 } = org.reps;
  await recordActivity(server, [
    { userId: east1.id, amount: '1234.56' },
    { userId: east1.id, amount: '765.44' },
    ...[1, 2, 3].map(() => ({ userId: east1.id, kind: 'LEAD_CREATED' })),
    { userId: east1.id, kind: 'OPPORTUNITY_LOST' },
    { userId: east2.id, amount: '99.00' },
    ...[1, 2].map(() => ({ userId: east2.id, kind: 'LEAD_CREATED' })),
    { userId: west1.id, amount: '5000.00' },
    // the previous period's first day (compared with) and one three periods back (the trend)
    { userId: east1.id, amount: '500.00', occurredAt: noonOf(previous) },
    { userId: west1.id, amount: '250.00', occurredAt: noonOf(previous) },
    { userId: east1.id, amount: '321.00', occurredAt: noonOf(addPeriods('MONTHLY', month, -3)) },
  ]);
  await createGoal(server, { userId: east1.id, metric: 'REVENUE', targetValue: 5000 });
  await createGoal(server, { userId: west1.id, metric: 'REVENUE', targetValue: 1000 });
  await createGoal(server, { teamId: org.teams.east, metric: 'ORDERS', targetValue: 10 });
  // a goal of another period is not this report's
  await createGoal(server, { userId: east1.id, metric: 'ORDERS', periodStart: previous, targetValue: 3 });
  const award = (title: string, achievedAt: string) =>
    gql(
      `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`,
      { i: { userId: String(east1.id), kind: 'Manual', title, badgeIcon: '🏆', achievedAt } },
      org.admin,
    );
  // today's first second: this period's on any day and at any hour
  const today = await server.today();
  dataOf(
    await award('Closer of the Month', new Date(startOfLocalDay(today, zone).getTime() + 1000).toISOString()),
  );
  dataOf(await award('Last Month Legend', noonOf(previous)));
});
afterAll(async () => {
  await server?.close();
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!poppler)(
  'GET /export/report (pdftotext reads it back; skipped without poppler-utils)',
  () => {
    it('a person’s report shows what the API answers: cards, changes, trend, goals, board, badges', async () => {
      const userId = String(org.reps.east1.id);
      const api = dataOf(
        await gql<{
          performance: {
            revenue: string;
            ordersWon: number;
            leadsCreated: number;
            opportunitiesLost: number;
            conversionRate: number | null;
            winRate: number | null;
            comparedWith: {
              revenue: string;
              ordersWon: number;
              conversionRate: number | null;
              winRate: number | null;
            } | null;
          };
          trends: { revenue: string }[];
          goals: Goal[];
          leaderboard: { entries: Entry[] };
          achievements: { title: string; achievedAt: string }[];
        }>(
          `query($u: ID!, $date: Date, $team: ID, $limit: Int) {
          performance(userId: $u, periodType: MONTHLY) { revenue ordersWon leadsCreated opportunitiesLost conversionRate winRate
            comparedWith { revenue ordersWon conversionRate winRate } }
          trends(userId: $u, periodType: MONTHLY, count: 12) { revenue }
          goals(userId: $u, periodType: MONTHLY, activeOnly: false) { ${GOAL_FIELDS} }
          ${BOARD}
          achievements(userId: $u) { title achievedAt }
        }`,
          { u: userId, date: null, team: null, limit: 25 },
        ),
      );
      const pdf = await report(`?format=pdf&period=monthly&user_id=${userId}`);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-disposition')).toBe(
        `attachment; filename="pulse-report-monthly-${month}-user-${userId}.pdf"`,
      );
      screenshot(pdf, 'report-pdf-person');
      const { text } = pdf;
      const p = api.performance;
      expect(text).toContain('Performance report: Alice Able');
      expect(text).toMatch(cards(p.revenue, p.ordersWon, p.conversionRate, p.winRate));
      expect(text).toContain(`${p.ordersWon} orders won`);
      expect(text).toContain(rate(p.conversionRate));
      expect(text).toContain(`${p.ordersWon} orders from ${p.leadsCreated} leads`);
      expect(text).toContain(rate(p.winRate));
      expect(p.comparedWith).not.toBeNull();
      const revenueChange = changeText(p.revenue, p.comparedWith?.revenue ?? null, 'percent');
      expect(revenueChange).not.toBeNull();
      if (typeof revenueChange === 'string') expect(text).toContain(revenueChange);
      else if (revenueChange) expect(text).toMatch(revenueChange);
      // the trend's figures, in the caption under the chart
      expect(text).toContain(`${money(sumMoney(api.trends.map((t) => t.revenue)))} in these 12 months`);
      const goals = monthGoals(api.goals);
      expect(goals.map((g) => g.metric)).toEqual(['REVENUE']);
      for (const g of goals) expect(text).toMatch(goalPattern(g));
      // last month's goal is not this report's
      expect(text).toMatch(new RegExp(`Goals\\s+${goals.length} goals?\\n`));
      expect(api.leaderboard.entries.length).toBeGreaterThan(0);
      for (const e of api.leaderboard.entries) expect(text).toMatch(rowPattern(e));
      const inPeriod = api.achievements.filter(
        (a) => a.achievedAt >= startOfLocalDay(month, zone).toISOString(),
      );
      expect(inPeriod.map((a) => a.title)).toContain('Closer of the Month');
      for (const a of inPeriod) expect(text).toContain(a.title);
      expect(text).not.toContain('Last Month Legend');
    });

    it('a team’s report adds up its members as teamPerformance does, with their goals and the team’s board', async () => {
      const team = String(org.teams.east);
      const starts = lastPeriods('MONTHLY', month, 12);
      const api = dataOf(
        await gql<{
          teamPerformance: {
            revenue: string;
            ordersWon: number;
            conversionRate: number | null;
            winRate: number | null;
            members: { leadsCreated: number }[];
          }[];
          goals: Goal[];
          leaderboard: { entries: Entry[] };
        }>(
          `query($team: ID!, $date: Date, $limit: Int) {
          teamPerformance(teamId: $team, periodType: MONTHLY) { revenue ordersWon conversionRate winRate members { leadsCreated } }
          goals(teamId: $team, includeMembers: true, periodType: MONTHLY, activeOnly: false) { ${GOAL_FIELDS} }
          ${BOARD}
        }`,
          { team, date: null, limit: 25 },
          org.managers.east,
        ),
      );
      const trend = await Promise.all(
        starts.map(
          async (date) =>
            dataOf(
              await gql<{ teamPerformance: { revenue: string }[] }>(
                `query($team: ID!, $date: Date) { teamPerformance(teamId: $team, periodType: MONTHLY, date: $date) { revenue } }`,
                { team, date },
                org.managers.east,
              ),
            ).teamPerformance[0]?.revenue ?? '0.00',
        ),
      );
      const pdf = await report(`?team_id=${team}`, org.managers.east);
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-disposition')).toContain(
        `pulse-report-monthly-${month}-team-${team}.pdf`,
      );
      const [t] = api.teamPerformance;
      if (!t) throw new Error('no team figures');
      expect(pdf.text).toContain('Performance report: East (team)');
      expect(pdf.text).toMatch(cards(t.revenue, t.ordersWon, t.conversionRate, t.winRate));
      expect(pdf.text).toContain(`${t.ordersWon} orders won`);
      expect(pdf.text).toContain(rate(t.conversionRate));
      expect(pdf.text).toContain(rate(t.winRate));
      const leads = t.members.reduce((s, m) => s + m.leadsCreated, 0);
      expect(pdf.text).toContain(`${t.ordersWon} orders from ${leads} leads`);
      expect(pdf.text).toContain(`${money(sumMoney(trend))} in these 12 months`);
      const goals = monthGoals(api.goals);
      expect(goals.map((g) => g.metric).sort()).toEqual(['ORDERS', 'REVENUE']);
      for (const g of goals) expect(pdf.text).toMatch(goalPattern(g));
      // the team's board: its members only
      expect(api.leaderboard.entries.map((e) => e.user.team?.name)).toEqual(
        api.leaderboard.entries.map(() => 'East'),
      );
      for (const e of api.leaderboard.entries) expect(pdf.text).toMatch(rowPattern(e));
      expect(pdf.text).not.toContain('Carol Cruz');
    });

    it('the organisation’s report adds up every seller the API lists', async () => {
      const api = dataOf(
        await gql<{
          currentPerformance: {
            revenue: string;
            ordersWon: number;
            leadsCreated: number;
            opportunitiesLost: number;
          }[];
          leaderboard: { entries: Entry[] };
        }>(
          `query($date: Date, $team: ID, $limit: Int) {
          currentPerformance(periodType: MONTHLY) { revenue ordersWon leadsCreated opportunitiesLost }
          ${BOARD}
        }`,
          { date: null, team: null, limit: 25 },
        ),
      );
      const rows = api.currentPerformance;
      const orders = rows.reduce((s, r) => s + r.ordersWon, 0);
      const leads = rows.reduce((s, r) => s + r.leadsCreated, 0);
      const lost = rows.reduce((s, r) => s + r.opportunitiesLost, 0);
      const pdf = await report('?period=monthly');
      expect(pdf.status).toBe(200);
      expect(pdf.headers.get('content-disposition')).toContain(`pulse-report-monthly-${month}.pdf`);
      screenshot(pdf, 'report-pdf-organisation');
      expect(pdf.text).toContain('Performance report: All teams');
      expect(pdf.text).toMatch(
        cards(
          sumMoney(rows.map((r) => r.revenue)),
          orders,
          conversionRate(Math.max(0, orders), Math.max(0, leads)),
          winRate(Math.max(0, orders), Math.max(0, lost)),
        ),
      );
      expect(pdf.text).toContain(`${orders} orders won`);
      expect(pdf.text).toContain(rate(conversionRate(Math.max(0, orders), Math.max(0, leads))));
      expect(pdf.text).toContain(rate(winRate(Math.max(0, orders), Math.max(0, lost))));
      for (const e of api.leaderboard.entries) expect(pdf.text).toMatch(rowPattern(e));
    });

    it('keeps the scope: a REP reads their own report only, a VIEWER none', async () => {
      const alice = org.reps.east1;
      const own = await report('', alice.email);
      expect(own.status).toBe(200);
      expect(own.text).toContain('Performance report: Alice Able');
      expect(own.headers.get('content-disposition')).toContain(`-user-${alice.id}.pdf`);
      expect((await report(`?user_id=${alice.id}`, alice.email)).status).toBe(200);
      expect((await report(`?user_id=${org.reps.east2.id}`, alice.email)).status).toBe(403);
      expect((await report(`?team_id=${org.teams.east}`, alice.email)).status).toBe(403);
      expect((await report('', org.viewer)).status).toBe(403);
      expect((await report(`?team_id=${org.teams.east}`, org.viewer)).status).toBe(403);
      expect((await report('', null)).status).toBe(401);
    });

    it('answers 400 naming the field for a bad format or parameter, 404 for an unknown team or person', async () => {
      const csv = await rest(server, 'GET', '/export/report?format=csv');
      expect(csv.status).toBe(400);
      expect(errorFields(csv)).toEqual(['format']);
      const unknown = await rest(server, 'GET', '/export/report?format=pdf&team=1');
      expect(unknown.status).toBe(400);
      expect(errorFields(unknown)).toEqual(['team']);
      const both = await rest(
        server,
        'GET',
        `/export/report?user_id=${org.reps.east1.id}&team_id=${org.teams.east}`,
      );
      expect(errorFields(both)).toEqual(['team_id']);
      const limit = await rest(server, 'GET', '/export/report?limit=0&period=fortnightly');
      expect(errorFields(limit).sort()).toEqual(['limit', 'period']);
      expect((await rest(server, 'GET', '/export/report?team_id=999999')).status).toBe(404);
      expect((await rest(server, 'GET', '/export/report?user_id=999999')).status).toBe(404);
    });

    it('a long leaderboard goes on over pages, every row once and in order', async () => {
      const past = addPeriods('MONTHLY', month, -5);
      const sellers = await server.sql<{ id: number }>(
        // sixty sellers of West, named so that they sort by number
        sql`insert into users (name, email, role, team_id)
        select 'Seller ' || lpad(g::text, 2, '0'), 'seller' || g || '@example.com', 'REP', ${org.teams.west}
        from generate_series(1, 60) g returning id`,
      );
      await recordActivity(
        server,
        sellers.map((s, i) => ({ userId: s.id, amount: `${100 + i}.00`, occurredAt: noonOf(past) })),
      );
      const { leaderboard } = dataOf(
        await gql<{ leaderboard: { entries: Entry[] } }>(
          `query($date: Date, $team: ID, $limit: Int) { ${BOARD} }`,
          { date: past, team: null, limit: 60 },
        ),
      );
      expect(leaderboard.entries).toHaveLength(60);
      const pdf = await report(`?date=${past}&limit=60`);
      expect(pdf.status).toBe(200);
      expect(pdf.pages.length).toBeGreaterThanOrEqual(2);
      // each row on exactly one page, the board's order kept from page to page
      const found = leaderboard.entries.map((e) => {
        const pages = pdf.pages.flatMap((page, i) => (rowPattern(e).test(page) ? [i] : []));
        expect(pages, `row #${e.rank} ${e.user.name}`).toHaveLength(1);
        return { page: pages[0] ?? -1, at: pdf.pages[pages[0] ?? 0]?.search(rowPattern(e)) ?? -1 };
      });
      for (let i = 1; i < found.length; i++) {
        const [a, b] = [found[i - 1], found[i]];
        expect(a && b && (a.page < b.page || (a.page === b.page && a.at < b.at))).toBe(true);
      }
      const spans = new Set(found.map((f) => f.page));
      expect(spans.size).toBeGreaterThanOrEqual(2);
      const next = Math.max(...spans);
      expect(pdf.pages[next]).toContain('Leaderboard (continued)');
      for (const [i, page] of pdf.pages.entries())
        expect(page).toContain(`Page ${i + 1} of ${pdf.pages.length}`);
      screenshot(pdf, 'report-pdf-long-last-page', next + 1);
    });
  },
);
