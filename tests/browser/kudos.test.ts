/**
 * Kudos in a real browser against the real server with the demo organisation (issue 19): John
 * gives Emily kudos from the dashboard's Achievements tab, the kudos shows in the tab's feed, and
 * the paired TV of their team (Enterprise) celebrates it with a card; a private kudos to Michael
 * is celebrated without its message. The TV's kudos subscription is waited for on the server
 * before anything is given (it has no first frame); every other step waits for the page's state.
 * Screenshots at 1280x720 (dashboard) and 1920x1080 (TV), looked at.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../support/wait.ts';
import { chromiumPath, launchBrowser, noScrollbars, screenshot, signedInPage } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';
import { openTv, pairTeamScreen, tvContext } from './support/tv.ts';

const ADMIN = 'admin@example.com';
const JOHN = 'john.smith@example.com';

let server: BrowserServer;
let browser: Browser;
let tv: { context: BrowserContext; page: Page; errors: string[] };

async function giveKudos(page: Page, colleague: string, message: string, secret = false) {
  await page.getByRole('button', { name: 'Give kudos' }).click();
  const dialog = page.getByRole('dialog', { name: 'Give kudos' });
  await dialog.getByLabel('Colleague', { exact: true }).selectOption({ label: colleague });
  await dialog.getByLabel('Message', { exact: true }).fill(message);
  if (secret) await dialog.getByRole('checkbox', { name: /^Private/ }).check();
  return dialog;
}

describe.skipIf(!chromiumPath)('Kudos from the dashboard to a TV', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    const data = await server.gql<{ teams: { id: string; name: string }[] }>(ADMIN, '{ teams { id name } }');
    const team = data.teams.find((t) => t.name === 'Enterprise')!;
    const screen = await pairTeamScreen(server, team.id, 'Enterprise floor', {
      boards: ['REVENUE'],
      secondsPerBoard: 30,
      celebrations: ['KUDOS'],
    });
    tv = await openTv(await tvContext(browser, server.url, screen.token));
  }, 240_000);
  afterAll(async () => {
    await tv?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('gives kudos from the Achievements tab and the team’s TV celebrates it', async () => {
    await tv.page.locator('.tv-board[data-metric="REVENUE"] .tv-row').first().waitFor({ timeout: 30_000 });
    await until(() => server.kudosSubscribers() >= 1, 'the TV’s kudos subscription', { timeoutMs: 30_000 });

    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(JOHN), {
      width: 1280,
      height: 720,
    });
    await page.goto('/');
    await page.getByRole('tab', { name: 'Achievements' }).click();
    const dialog = await giveKudos(page, 'Emily Chen (Enterprise)', 'Thanks for covering my demo!');
    await screenshot(page, 'kudos-dialog-1280x720');
    await dialog.getByRole('button', { name: 'Send kudos' }).click();
    await page.getByRole('status').getByText('Kudos sent to Emily Chen.').waitFor();
    const item = page.locator('.kudos-item', { hasText: 'Thanks for covering my demo!' });
    await item.waitFor();
    expect(await item.locator('.kudos-who').textContent()).toBe('John Smith thanked Emily Chen');
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'kudos-feed-1280x720');

    const card = tv.page.locator('.tv-celebration[data-kind="KUDOS"]');
    await card.waitFor({ timeout: 20_000 });
    expect(await card.locator('.tv-celebration-kicker').textContent()).toBe('Kudos');
    expect(await card.locator('.tv-celebration-title').textContent()).toBe('John Smith thanks Emily Chen');
    expect(await card.locator('.tv-celebration-description').textContent()).toBe(
      'Thanks for covering my demo!',
    );
    await noScrollbars(tv.page);
    await screenshot(tv.page, 'tv-kudos-1920x1080');

    // a private one: the TV celebrates it, never with its message; the giver still reads it
    await giveKudos(page, 'Michael Brown (Enterprise)', 'Between us: great negotiation', true);
    await page
      .getByRole('dialog', { name: 'Give kudos' })
      .getByRole('button', { name: 'Send kudos' })
      .click();
    await page.getByRole('status').getByText('Kudos sent to Michael Brown.').waitFor();
    await page.locator('.kudos-item', { hasText: 'Between us: great negotiation' }).waitFor();
    const secret = tv.page.locator('.tv-celebration[data-kind="KUDOS"]', { hasText: 'Michael Brown' });
    await secret.waitFor({ timeout: 20_000 });
    expect(await secret.locator('.tv-celebration-title').textContent()).toBe(
      'John Smith thanks Michael Brown',
    );
    expect(await secret.locator('.tv-celebration-description').count()).toBe(0);
    expect(await tv.page.locator('body').textContent()).not.toContain('Between us');
    await screenshot(tv.page, 'tv-kudos-private-1920x1080');

    expect(errors).toEqual([]);
    expect(tv.errors).toEqual([]);
    await context.close();
  }, 120_000);
});
