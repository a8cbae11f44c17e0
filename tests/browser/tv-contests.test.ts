/**
 * Contests on a paired TV in a real browser against the real server with the demo organisation
 * (issue 17): a short "power hour" created over the API joins the screen's rotation without a
 * reload, counts down to its start on the server's clock (the browser's own clock is set ten
 * minutes slow by an init script: the countdown does not follow it), turns into live standings
 * that move after a sale recorded over the API, and at its end the screen shows a full-screen
 * card with the winner, then the frozen winners on the contest's board. No fixed sleeps: every
 * step waits for the page's state. Screenshots at 1920x1080 and 1280x720, looked at.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, noScrollbars, screenshot } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';
import { openTv, pairTeamScreen, tvContext } from './support/tv.ts';

const ADMIN = 'admin@example.com';
/** How far the browser's clock is set behind the server's. */
const BROWSER_SLOW_MS = 600_000;
/** The contest starts this long after it is created (by the server's clock), and lasts this long. */
const LEAD_MS = 20_000;
const LENGTH_MS = 25_000;

let server: BrowserServer;
let browser: Browser;
let team: { id: string; members: { id: string; name: string }[] };
let tv: { context: BrowserContext; page: Page; errors: string[] };

describe.skipIf(!chromiumPath)('Contests on a paired TV', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    const data = await server.gql<{
      teams: { id: string; name: string; members: { id: string; name: string }[] }[];
    }>(ADMIN, '{ teams { id name members { id name } } }');
    team = data.teams.find((t) => t.name === 'Enterprise')!;
    const screen = await pairTeamScreen(server, team.id, 'Sales floor', {
      boards: ['REVENUE'],
      secondsPerBoard: 5,
      celebrations: ['CONTEST_WON'],
    });
    const context = await tvContext(browser, server.url, screen.token);
    await context.addInitScript((slow) => {
      const real = Date.now.bind(Date);
      Date.now = () => real() - slow;
    }, BROWSER_SLOW_MS);
    tv = await openTv(context);
  }, 240_000);
  afterAll(async () => {
    await tv?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('counts down, moves with a sale, and celebrates the winner at the end', async () => {
    const { page } = tv;
    await page.locator('.tv-board[data-metric="REVENUE"] .tv-row').first().waitFor({ timeout: 30_000 });
    // the start, computed from the server's clock a little ahead
    const { clock } = await server.gql<{ clock: { now: string } }>(ADMIN, '{ clock { now } }');
    const startsAt = Date.parse(clock.now) + LEAD_MS;
    const created = await server.gql<{ createContest: { id: string } }>(
      ADMIN,
      'mutation($i: CreateContestInput!) { createContest(input: $i) { id } }',
      {
        i: {
          name: 'Power hour',
          prize: 'Lunch on the boss',
          startsAt: new Date(startsAt).toISOString(),
          endsAt: new Date(startsAt + LENGTH_MS).toISOString(),
          metric: 'ORDERS',
          teamIds: [team.id],
        },
      },
    );
    const id = created.createContest.id;
    const board = page.locator(`.tv-contest[data-contest="${id}"]`);

    // it joins the rotation without a reload, counting down on the server's clock
    await page.locator(`main.tv[data-screen="contest:${id}"]`).waitFor({ timeout: 20_000 });
    const countdown = board.locator('[data-countdown]');
    await countdown.waitFor();
    const left = (await countdown.textContent()) ?? '';
    expect(left).toMatch(/^00:00:[0-2]\d$/); // not 00:10:…, as the browser's slow clock would say
    expect(await board.locator('.tv-contest-prize').textContent()).toBe('Prize: Lunch on the boss');
    await noScrollbars(page);
    await screenshot(page, 'tv-contest-countdown-1920x1080');

    // the start: standings (nobody yet), then a sale moves them
    await page
      .locator(`.tv-contest[data-contest="${id}"][data-status="RUNNING"]`)
      .waitFor({ timeout: 40_000 });
    const seller = team.members[0]!;
    await server.gql(
      ADMIN,
      'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
      {
        a: [
          {
            userId: seller.id,
            kind: 'ORDER_WON',
            amount: '900.00',
            occurredAt: new Date().toISOString(),
            externalId: `power-hour-${id}`,
          },
        ],
      },
    );
    // the seller's row stands at 0 from the start: wait for the frame that moves it
    const row = board.locator(`.tv-contest-row[data-user="${seller.name}"]`);
    await row.locator('.tv-value', { hasText: /^1$/ }).waitFor({ timeout: 20_000 });
    expect(await row.locator('.tv-value').textContent()).toBe('1');
    expect(await board.locator('.tv-contest-time').textContent()).toMatch(/^00:00:[0-2]\d left$/);
    await page.locator(`main.tv[data-screen="contest:${id}"]`).waitFor({ timeout: 20_000 });
    await noScrollbars(page);
    await screenshot(page, 'tv-contest-standings-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });
    await noScrollbars(page);
    await screenshot(page, 'tv-contest-standings-1280x720');

    // the end: a card with the winner, once; then the frozen winners on its board
    const card = page.locator('.tv-celebration[data-kind="CONTEST_WON"]');
    await card.waitFor({ timeout: 60_000 });
    expect(await card.textContent()).toContain(`${seller.name} won Power hour`);
    expect(await card.textContent()).toContain('Prize: Lunch on the boss');
    // its entrance animation ended (an event, not a pause), for the screenshot
    await page
      .locator('.tv-celebration-backdrop')
      .evaluate((e) =>
        Promise.all(e.getAnimations({ subtree: true }).map((a) => a.finished)).then(() => null),
      );
    await screenshot(page, 'tv-contest-won-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'tv-contest-won-1920x1080');
    await card.waitFor({ state: 'detached', timeout: 20_000 });
    await page.locator(`main.tv[data-screen="contest:${id}"]`).waitFor({ timeout: 20_000 });
    expect(await board.getAttribute('data-status')).toBe('FROZEN');
    expect(await board.locator('.tv-contest-winners').textContent()).toBe(`Winner: ${seller.name}`);
    await noScrollbars(page);
    await screenshot(page, 'tv-contest-final-1920x1080');
    expect(tv.errors).toEqual([]);
  }, 240_000);
});
