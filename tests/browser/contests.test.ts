/**
 * Contests in a real browser against the real server (demo data): an admin creates a power-hour
 * contest in the dialog (times typed in the organisation's zone), lands on its live page, and a
 * sale recorded meanwhile moves the standings without a reload; an upcoming contest shows its
 * countdown. Screenshots of the live page, the list and the countdown at 1280x720 and 1920x1080.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instantToWallTime } from '../../api/domain/contests.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';
import { chromiumPath, launchBrowser, screenshot, signedInPage } from './support/browser.ts';

const ADMIN = 'admin@example.com';

let server: BrowserServer;
let browser: Browser;
let timeZone: string;

describe.skipIf(!chromiumPath)('Contests', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    timeZone = (await server.gql<{ clock: { timeZone: string } }>(ADMIN, '{ clock { timeZone } }')).clock
      .timeZone;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a power hour in the dialog and shows its standings live', async () => {
    const { users } = await server.gql<{ users: { id: string; name: string; role: string }[] }>(
      ADMIN,
      '{ users { id name role } }',
    );
    const seller = users.find((u) => u.role === 'REP');
    if (!seller) throw new Error('no REP in the demo data');
    const { page, errors, context } = await signedInPage(browser, server.url, await server.token(ADMIN), {
      width: 1280,
      height: 720,
    });
    await page.goto('/');
    await page.getByRole('link', { name: 'Contests', exact: true }).click();
    await page.getByRole('heading', { name: 'Contests', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'New contest' }).click();
    const dialog = page.getByRole('dialog', { name: 'New contest' });
    await dialog.getByLabel('Name').fill('Power hour');
    await dialog.getByLabel('Prize').fill('Lunch on the boss');
    const start = new Date(Date.now() - 120_000);
    await dialog.getByLabel(/^Starts/).fill(instantToWallTime(start, timeZone));
    await dialog.getByLabel(/^Ends/).fill(instantToWallTime(new Date(start.getTime() + 3_600_000), timeZone));
    await dialog.getByLabel('Metric').selectOption('ORDERS');
    await dialog.getByLabel('Everyone').check();
    await dialog.getByRole('button', { name: 'Create contest' }).click();
    await page.getByRole('heading', { name: 'Power hour', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/contests\/\d+$/);
    await page.locator('.contest-standings').waitFor();

    // a burst of sales by one seller, recorded elsewhere, reaches the page without a reload
    const activities = Array.from({ length: 30 }, (_, i) => ({
      userId: seller.id,
      kind: 'ORDER_WON',
      amount: '120.00',
      occurredAt: new Date(Date.now() - 1000).toISOString(),
      externalId: `browser-contest-${i}`,
    }));
    await server.gql(
      ADMIN,
      'mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }',
      {
        a: activities,
      },
    );
    const first = page.locator('.contest-standings tbody tr').first();
    await expect.poll(() => first.textContent(), { timeout: 15_000 }).toContain(seller.name);
    expect(await first.locator('td').first().textContent()).toBe('1');
    await screenshot(page, 'contest-live-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'contest-live-1920x1080');
    await page.getByRole('link', { name: '← Contests' }).click();
    await page.getByRole('heading', { name: 'Running', level: 2 }).waitFor();
    await page.getByRole('link', { name: 'Power hour' }).waitFor();
    await screenshot(page, 'contests-list-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('counts down to an upcoming contest', async () => {
    const startsAt = new Date(Date.now() + 2 * 3_600_000);
    const { createContest } = await server.gql<{ createContest: { id: string } }>(
      ADMIN,
      'mutation($i: CreateContestInput!) { createContest(input: $i) { id } }',
      {
        i: {
          name: 'Friday calls',
          prize: 'Team breakfast',
          startsAt: startsAt.toISOString(),
          endsAt: new Date(startsAt.getTime() + 3_600_000).toISOString(),
          metric: 'CALLS',
          everyone: true,
        },
      },
    );
    const { page, errors, context } = await signedInPage(browser, server.url, await server.token(ADMIN), {
      width: 1280,
      height: 720,
    });
    await page.goto(`/contests/${createContest.id}`);
    const timer = page.getByRole('timer');
    await timer.getByText(/^0?1:5\d:\d\d$/).waitFor();
    await screenshot(page, 'contest-countdown-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'contest-countdown-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  });
});
