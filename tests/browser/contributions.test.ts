/**
 * "Why this number?" in a real browser against the demo organisation: a rep opens it from their
 * goal card (1280x720) and a manager from a member's board row (1920x1080), by keyboard; the
 * dialog lists the activities the figure counts, newest first, pages on with "Load more", says how
 * many count and what they add up to in the organisation's currency and time zone, and closes
 * with Escape. Rows and goals the viewer may not see explained have no button. Every expectation
 * is read from the API (the demo's figures depend on the day it is seeded). Screenshots land in
 * test-results/screenshots.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countedText } from '../../client/src/lib/contributions.ts';
import { formatMoney, formatNumber } from '../../client/src/lib/format.ts';
import { chromiumPath, launchBrowser, screenshot, signedInPage } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const ADMIN = 'admin@example.com';
const JOHN = 'john.smith@example.com';
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise, John's team
const PAGE_SIZE = 25;

let server: BrowserServer;
let browser: Browser;
let organisation: { timeZone: string; currency: string };

interface Summary {
  totalCount: number;
  total: number | null;
}

describe.skipIf(!chromiumPath)('why this number', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    ({ organisation } = await server.gql<{ organisation: typeof organisation }>(
      SARAH,
      '{ organisation { timeZone currency } }',
    ));
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  /** The open dialog shows the API's count and total, then every page by keyboard. */
  async function expectDialog(page: Page, summary: Summary, money: boolean, name: string) {
    const dialog = page.getByRole('dialog', { name: 'Why this number?' });
    await dialog.waitFor();
    const text = dialog.locator('.contributions-summary');
    await text.waitFor();
    const total =
      summary.total === null
        ? null
        : money
          ? formatMoney(summary.total, { currency: organisation.currency })
          : formatNumber(summary.total);
    expect(await text.textContent()).toContain(countedText(summary.totalCount, total));
    expect(await text.textContent()).toContain(`Times in ${organisation.timeZone}`);
    const rows = dialog.locator('tbody tr');
    expect(await rows.count()).toBe(Math.min(PAGE_SIZE, summary.totalCount));
    const more = dialog.getByRole('button', { name: /^Load more/ });
    if (summary.totalCount > PAGE_SIZE) {
      await more.focus();
      await page.keyboard.press('Enter');
      await dialog.locator(`tbody tr:nth-child(${Math.min(2 * PAGE_SIZE, summary.totalCount)})`).waitFor();
      expect(await rows.count()).toBe(Math.min(2 * PAGE_SIZE, summary.totalCount));
    } else expect(await more.count()).toBe(0);
    await screenshot(page, name);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  }

  it('a rep asks their goal card at 1280x720; team goals have no button', async () => {
    const { goals } = await server.gql<{
      goals: { id: string; metric: string; user: { id: string } | null; team: { id: string } | null }[];
    }>(JOHN, '{ goals { id metric user { id } team { id } } }');
    const own =
      goals.find((g) => g.user && g.metric === 'REVENUE') ??
      goals.find((g) => g.user && g.metric !== 'CUSTOM')!;
    // more orders than a page, so that "Load more" is there to press
    const { me } = await server.gql<{ me: { id: string } }>(JOHN, '{ me { id } }');
    const at = new Date(Date.now() - 1000).toISOString();
    await server.gql(
      ADMIN,
      'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
      {
        a: Array.from({ length: PAGE_SIZE + 1 }, (_, i) => ({
          userId: me.id,
          kind: 'ORDER_WON',
          amount: '1.00',
          occurredAt: at,
          externalId: `why-${i}`,
        })),
      },
    );
    const { goal } = await server.gql<{ goal: { contributions: Summary } }>(
      JOHN,
      'query($id: ID!) { goal(id: $id) { contributions(first: 1) { totalCount total } } }',
      { id: own.id },
    );
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(JOHN), {
      width: 1280,
      height: 720,
    });
    await page.goto('/goals');
    const card = page.locator(`.goal[data-goal-id="${own.id}"]`);
    await card.waitFor();
    for (const team of goals.filter((g) => g.team)) {
      const other = page.locator(`.goal[data-goal-id="${team.id}"]`);
      if (await other.count()) expect(await other.getByRole('button', { name: /^Why/ }).count()).toBe(0);
    }
    await card.getByRole('button', { name: /^Why/ }).focus();
    await page.keyboard.press('Enter');
    await expectDialog(page, goal.contributions, own.metric === 'REVENUE', 'contributions-goal-1280x720');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('a manager asks a member’s board row at 1920x1080; other teams’ rows have no button', async () => {
    const { me } = await server.gql<{ me: { team: { id: string } } }>(SARAH, '{ me { team { id } } }');
    const { leaderboard } = await server.gql<{
      leaderboard: {
        entries: { revenue: string; user: { id: string; name: string; team: { id: string } | null } }[];
      };
    }>(SARAH, '{ leaderboard(limit: 25) { entries { revenue user { id name team { id } } } } }');
    const member = leaderboard.entries.find((e) => e.user.team?.id === me.team.id)!;
    const stranger = leaderboard.entries.find((e) => e.user.team?.id !== me.team.id);
    const { leaderboard: mine } = await server.gql<{
      leaderboard: { standing: { entry: { contributions: Summary } } };
    }>(
      SARAH,
      'query($u: ID!) { leaderboard { standing(userId: $u) { entry { contributions(first: 1) { totalCount total } } } } }',
      { u: member.user.id },
    );
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH), {
      width: 1920,
      height: 1080,
    });
    await page.goto('/leaderboard');
    const row = (name: string) =>
      page.locator('.leaderboard-tab table.board tbody tr', { has: page.getByText(name, { exact: true }) });
    await row(member.user.name).waitFor();
    if (stranger) expect(await row(stranger.user.name).getByRole('button', { name: /^Why/ }).count()).toBe(0);
    const why = row(member.user.name).getByRole('button', {
      name: `Why? ${member.user.name}: ${formatMoney(member.revenue)}`,
    });
    await why.focus();
    await page.keyboard.press('Enter');
    await expectDialog(page, mine.standing.entry.contributions, true, 'contributions-board-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
