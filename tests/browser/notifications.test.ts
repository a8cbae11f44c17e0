/**
 * E-mail notification settings in the account dialog (issue 19), in a real browser against the
 * real server: each choice is a checkbox saved when toggled, a reload shows what the server stored
 * (and the server's GraphQL answers the same); the weekly digest's box is there for a manager (off
 * at first) and not for a rep; without SMTP_URL the section says notifications are off.
 * Screenshots at 1280x720 and 1920x1080.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { chromiumPath, launchBrowser, screenshot, signedInPage } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const JOHN = 'john.smith@example.com'; // a REP
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise
const DIGEST = 'Weekly digest of my teams (Mondays)';
const MINE = '{ myNotificationSettings { mailEnabled badgeEarned teamRank goalProgress } }';

async function openNotifications(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Your account' });
  await dialog.waitFor();
  const section = dialog.getByRole('region', { name: 'Notifications' });
  await section.getByRole('checkbox').first().waitFor();
  return section;
}

describe.skipIf(!chromiumPath)('notification settings in the account dialog', () => {
  let browser: Browser;
  let smtp: TestSmtp;
  let server: BrowserServer;
  beforeAll(async () => {
    smtp = await startSmtp();
    [server, browser] = await Promise.all([startBrowserServer({ SMTP_URL: smtp.url }), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await smtp?.close();
  });

  it('saves a toggled choice at once, and a reload shows it', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(JOHN), {
      width: 1280,
      height: 720,
    });
    await page.goto('/');
    const section = await openNotifications(page);
    const badge = section.getByRole('checkbox', { name: 'I earned a badge' });
    const rank = section.getByRole('checkbox', { name: 'I took or lost #1 on my team’s monthly board' });
    expect(await section.getByRole('checkbox').count()).toBe(6);
    expect(await section.getByRole('checkbox', { name: DIGEST }).count()).toBe(0);
    for (const box of await section.getByRole('checkbox').all()) expect(await box.isChecked()).toBe(true);
    expect(await section.textContent()).toContain('E-mail me when:');

    await badge.uncheck();
    await section.getByRole('status').getByText('Saved: “I earned a badge” off.').waitFor();
    await rank.uncheck();
    await section
      .getByRole('status')
      .getByText(/“I took or lost #1.*” off\./)
      .waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-saved-1280x720');
    expect(await server.gql(JOHN, MINE)).toEqual({
      myNotificationSettings: { mailEnabled: true, badgeEarned: false, teamRank: false, goalProgress: true },
    });

    await page.reload();
    const again = await openNotifications(page);
    expect(await again.getByRole('checkbox', { name: 'I earned a badge' }).isChecked()).toBe(false);
    expect(
      await again.getByRole('checkbox', { name: 'I took or lost #1 on my team’s monthly board' }).isChecked(),
    ).toBe(false);
    expect(await again.getByRole('checkbox', { name: 'My goal fell behind pace' }).isChecked()).toBe(true);
    await again.getByRole('checkbox', { name: 'I earned a badge' }).check();
    await again.getByRole('status').getByText('Saved: “I earned a badge” on.').waitFor();
    await page.setViewportSize({ width: 1920, height: 1080 });
    await again.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-reloaded-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);

  it('offers a manager the weekly digest, off until they turn it on', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH), {
      width: 1280,
      height: 720,
    });
    await page.goto('/');
    const section = await openNotifications(page);
    expect(await section.getByRole('checkbox').count()).toBe(7);
    const digest = section.getByRole('checkbox', { name: DIGEST });
    expect(await digest.isChecked()).toBe(false);
    await digest.check();
    await section.getByRole('status').getByText(`Saved: “${DIGEST}” on.`).waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-digest-manager-1280x720');
    expect(await server.gql(SARAH, '{ myNotificationSettings { weeklyDigest badgeEarned } }')).toEqual({
      myNotificationSettings: { weeklyDigest: true, badgeEarned: true },
    });

    await page.reload();
    const again = await openNotifications(page);
    expect(await again.getByRole('checkbox', { name: DIGEST }).isChecked()).toBe(true);
    await again.getByRole('checkbox', { name: DIGEST }).uncheck();
    await again.getByRole('status').getByText(`Saved: “${DIGEST}” off.`).waitFor();
    expect(await server.gql(SARAH, '{ myNotificationSettings { weeklyDigest } }')).toEqual({
      myNotificationSettings: { weeklyDigest: false },
    });
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});

describe.skipIf(!chromiumPath)('notification settings without SMTP', () => {
  let browser: Browser;
  let server: BrowserServer;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
  }, 240_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says e-mail notifications are off', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(JOHN), {
      width: 1280,
      height: 720,
    });
    await page.goto('/');
    const section = await openNotifications(page);
    await section
      .getByRole('note')
      .getByText(/E-mail notifications are off/)
      .waitFor();
    await section.scrollIntoViewIfNeeded();
    await screenshot(page, 'notifications-off-1280x720');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
