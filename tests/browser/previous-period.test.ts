/**
 * Compared with the previous period, in a real browser against the demo organisation: a rep's
 * summary cards and a manager's team cards say "▲ 12 % vs the first 6 days of November 2025",
 * and the leaderboard says each seller's move since the previous period's close. Every text is
 * computed here from the API's figures (comparedWith, previousRank), never from this machine's
 * calendar. Screenshots at 1280x720 land in test-results/screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PeriodType } from '../../client/src/gql/graphql.ts';
import { formatNumber, formatPercent } from '../../client/src/lib/format.ts';
import { periodEnd, periodLabel, periodTick, shiftPeriod } from '../../client/src/lib/periods.ts';
import { chromiumPath, launchBrowser, screenshot, signedInPage } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const JOHN = 'john.smith@example.com';
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise, John's team
const ADMIN = 'admin@example.com';
const VIEWPORT = { width: 1280, height: 720 };

let server: BrowserServer;
let browser: Browser;

type Figure = string | number | null;
interface Compared {
  periodStart: string;
  periodEnd: string;
  [figure: string]: Figure;
}

/** "the first 6 days of November 2025", or the whole period's label. */
function vsLabel(periodType: PeriodType, c: Compared): string {
  const label = periodLabel(periodType, c.periodStart);
  if (c.periodEnd === periodEnd(periodType, c.periodStart)) return label;
  const days = (Date.parse(c.periodEnd) - Date.parse(c.periodStart)) / 86_400_000 + 1;
  return days === 1 ? `the first day of ${label}` : `the first ${days} days of ${label}`;
}

/** What a figure's mark reads ("▲ 12 % vs …"), written out plainly from the two figures. */
function expectedMark(now: Figure, before: Figure, kind: 'percent' | 'points', vs: string): string | null {
  if (now === null || before === null) return null;
  const a = Number(now);
  const b = Number(before);
  let text: string;
  if (kind === 'points') {
    const d = Math.round((a - b) * 10) / 10;
    text = d === 0 ? '= no change' : `${d > 0 ? '▲' : '▼'} ${formatNumber(Math.abs(d))} pts`;
  } else if (b <= 0) {
    text = a > 0 ? '★ new' : '= no change';
  } else {
    const d = Math.round(((a - b) / b) * 100);
    text = d === 0 ? '= no change' : `${d > 0 ? '▲' : '▼'} ${formatPercent(Math.abs(d), 0)}`;
  }
  return `${text} vs ${vs}`;
}

/** The visible text of a card's change line (the screen reader's words are hidden from it). */
async function markOf(page: Page, cards: string, title: string): Promise<string | null> {
  const card = page.locator(`${cards} .card`, {
    has: page.getByRole('heading', { name: title, exact: true }),
  });
  const mark = card.locator('.stat-change [aria-hidden="true"]');
  if ((await mark.count()) === 0) return null;
  return (await mark.allTextContents()).join('').replace(/\s+/g, ' ').trim();
}

describe.skipIf(!chromiumPath)('compared with the previous period, in the browser', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it("shows a rep's cards with their change from the API's comparison, with words for a screen reader", async () => {
    const { users } = await server.gql<{ users: { id: string; email: string }[] }>(
      ADMIN,
      '{ users { id email } }',
    );
    const john = users.find((u) => u.email === JOHN)?.id ?? '';
    const { performance: p } = await server.gql<{
      performance: Compared & {
        revenue: string;
        conversionRate: number | null;
        winRate: number | null;
        comparedWith: Compared;
      };
    }>(
      JOHN,
      `query($u: ID!) { performance(userId: $u, periodType: MONTHLY) {
        periodStart periodEnd revenue conversionRate winRate
        comparedWith { periodStart periodEnd revenue conversionRate winRate }
      } }`,
      { u: john },
    );
    expect(p.comparedWith.periodStart).toBe(shiftPeriod('MONTHLY', p.periodStart, -1));
    const vs = vsLabel('MONTHLY', p.comparedWith);
    const { context, page, errors } = await signedInPage(
      browser,
      server.url,
      await server.token(JOHN),
      VIEWPORT,
    );
    await page.goto('/');
    const cards = `.cards[aria-label="John Smith: ${periodLabel('MONTHLY', p.periodStart)}"][aria-busy="false"]`;
    await page.locator(`${cards} .stat-change`).first().waitFor();
    expect(await markOf(page, cards, 'Revenue')).toBe(
      expectedMark(p.revenue, p.comparedWith.revenue ?? null, 'percent', vs),
    );
    expect(await markOf(page, cards, 'Conversion rate')).toBe(
      expectedMark(p.conversionRate, p.comparedWith.conversionRate ?? null, 'points', vs),
    );
    expect(await markOf(page, cards, 'Win rate')).toBe(
      expectedMark(p.winRate, p.comparedWith.winRate ?? null, 'points', vs),
    );
    // a screen reader hears words, not arrows
    const spoken = await page.locator(`${cards} .stat-change .visually-hidden`).first().textContent();
    expect(spoken).toMatch(new RegExp(`^(up|down) .+ vs ${vs}$|^new since ${vs}$|^no change vs ${vs}$`));
    await screenshot(page, 'previous-period-rep-cards-1280x720');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a manager's team cards and the leaderboard's moves since the previous period's close", async () => {
    const { teamPerformance } = await server.gql<{
      teamPerformance: (Compared & {
        revenue: string;
        avgRevenuePerMember: string;
        conversionRate: number | null;
        team: { id: string; name: string };
        comparedWith: Compared;
      })[];
    }>(
      SARAH,
      `{ teamPerformance(periodType: MONTHLY) {
        periodStart periodEnd revenue avgRevenuePerMember conversionRate team { id name }
        comparedWith { periodStart periodEnd revenue avgRevenuePerMember conversionRate }
      } }`,
    );
    const { context, page, errors } = await signedInPage(
      browser,
      server.url,
      await server.token(SARAH),
      VIEWPORT,
    );
    await page.goto('/');
    const cards = '.team-cards[aria-busy="false"]';
    await page.locator(`${cards} .stat-change`).first().waitFor();
    const label = (await page.locator(cards).getAttribute('aria-label')) ?? '';
    const team = teamPerformance.find((t) => label.startsWith(`Team ${t.team.name}:`));
    expect(team).toBeDefined();
    const vs = vsLabel('MONTHLY', team!.comparedWith);
    expect(await markOf(page, cards, 'Team revenue')).toBe(
      expectedMark(team!.revenue, team!.comparedWith.revenue ?? null, 'percent', vs),
    );
    expect(await markOf(page, cards, 'Per member')).toBe(
      expectedMark(team!.avgRevenuePerMember, team!.comparedWith.avgRevenuePerMember ?? null, 'percent', vs),
    );
    await screenshot(page, 'previous-period-team-cards-1280x720');

    // the leaderboard: each row's move since the previous month's close, as previousRank says
    const { leaderboard } = await server.gql<{
      leaderboard: {
        periodStart: string;
        entries: { rank: number; previousRank: number | null; user: { name: string } }[];
      };
    }>(
      SARAH,
      `query($t: ID) { leaderboard(metric: REVENUE, periodType: MONTHLY, teamId: $t, limit: 25) {
        periodStart entries { rank previousRank user { name } }
      } }`,
      { t: team!.team.id },
    );
    await page.getByRole('tab', { name: 'Leaderboard' }).click();
    const table = page.locator('table[aria-label="Leaderboard by revenue"]');
    await table.waitFor();
    const previous = shiftPeriod('MONTHLY', leaderboard.periodStart, -1);
    const before = periodLabel('MONTHLY', previous);
    expect(await table.locator('thead th.move').textContent()).toBe(
      `Since ${periodTick('MONTHLY', previous)}`,
    );
    for (const e of leaderboard.entries) {
      const row = table.locator('tbody tr', {
        has: page.getByRole('rowheader', { name: new RegExp(`^${e.user.name}`) }),
      });
      const move = row.locator('td.move .rank-change');
      const expected =
        e.previousRank === null
          ? `not ranked in ${before}`
          : e.previousRank > e.rank
            ? `up ${e.previousRank - e.rank} since ${before}`
            : e.previousRank < e.rank
              ? `down ${e.rank - e.previousRank} since ${before}`
              : `same place as in ${before}`;
      expect(await move.getAttribute('aria-label')).toBe(expected);
    }
    await screenshot(page, 'previous-period-leaderboard-1280x720');
    expect(errors).toEqual([]);
    await context.close();
  });
});
