/**
 * The Webhooks, Teams and Organisation pages in a real browser against the real server (issue
 * 15), walked as an admin: add a webhook pointed at a real receiver (its secret shown once, to
 * copy), see a delivery arrive and send it again, pause the webhook (the next event waits, shown
 * as waiting) and resume it (it goes out); create a team, rename it and move a person into it;
 * change the currency (the dashboard's amounts follow). The audit log then shows each of those
 * actions, newest first. A manager gets Teams read-only and neither Webhooks nor Organisation. Events come from goals set for a
 * long-past month (MISSED at once, whatever the date). Screenshots of each page at 1280x720 and
 * 1920x1080.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver, type Receiver } from '../support/receiver.ts';
import { chromiumPath, launchBrowser, passwordSignedInPage, screenshot } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const ADMIN = 'admin@example.com';
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise
const PASSWORD = 'correct horse battery staple';

let server: BrowserServer;
let browser: Browser;
let receiver: Receiver;

/** A goal for a month long over, so it is MISSED at once: one GOAL_MISSED per webhook. */
async function missGoal(month: string): Promise<void> {
  const { users } = await server.gql<{ users: { id: string; email: string }[] }>(
    ADMIN,
    '{ users { id email } }',
  );
  const john = users.find((u) => u.email === 'john.smith@example.com');
  await server.gql(ADMIN, 'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }', {
    i: { userId: john?.id, metric: 'REVENUE', periodType: 'MONTHLY', periodStart: month, targetValue: 1e9 },
  });
}

async function both(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await screenshot(page, `${name}-1280x720`);
  await page.setViewportSize({ width: 1920, height: 1080 });
  await screenshot(page, `${name}-1920x1080`);
  await page.setViewportSize({ width: 1280, height: 720 });
}

describe.skipIf(!chromiumPath)('Webhooks, Teams and Organisation pages', () => {
  beforeAll(async () => {
    [server, browser, receiver] = await Promise.all([
      startBrowserServer({ WEBHOOK_ALLOW_PRIVATE: 'true', TZ_NAME: '', CURRENCY: '' }),
      launchBrowser(),
      startReceiver(),
    ]);
    for (const email of [ADMIN, SARAH])
      await server.gql(email, 'mutation($p: String!) { changePassword(newPassword: $p) }', { p: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await receiver?.close();
  });

  it('walks webhooks, teams and the organisation as an admin, and the audit log shows it all', async () => {
    const { context, page, errors } = await passwordSignedInPage(browser, server.url, ADMIN, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Administration' });

    // webhooks: add one, its secret once
    await nav.getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks' }).waitFor();
    await page.getByText('No webhooks yet.').waitFor();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const form = page.getByRole('form', { name: 'Add a webhook' });
    await form.getByLabel('URL').fill(receiver.url);
    await form.getByLabel('Goal achieved').uncheck();
    await form.getByLabel('Goal missed').check();
    expect(await form.getByLabel('Format').inputValue()).toBe('JSON');
    expect(await form.getByLabel('Messages').inputValue()).toBe(''); // each event
    await form.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByRole('textbox', { name: 'Signing secret' });
    await secret.waitFor();
    expect(await secret.inputValue()).toMatch(/^[\w-]{43}$/);
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    const hook = page.getByRole('list', { name: 'Webhooks' }).getByRole('listitem', { name: receiver.url });
    await hook.waitFor();
    await both(page, 'admin-webhooks-created');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await secret.waitFor({ state: 'detached' });

    // a delivery arrives, and is sent again
    await missGoal('2020-01-01');
    const [first] = await receiver.waitFor(1);
    const refresh = page.getByRole('button', { name: 'Refresh' });
    const rows = hook.locator('tbody tr');
    await refresh.click();
    await rows.filter({ hasText: 'Delivered' }).waitFor();
    await hook.getByRole('button', { name: /^Send delivery \d+ again$/ }).click();
    const again = await receiver.waitFor(2);
    expect(again[1]?.body.idempotency_key).toBe(first?.body.idempotency_key);

    // paused: the next event waits; resumed: it goes out
    await hook.getByRole('button', { name: `Pause ${receiver.url}` }).click();
    await hook.getByRole('button', { name: `Resume ${receiver.url}` }).waitFor();
    await missGoal('2020-02-01');
    await refresh.click();
    await rows.filter({ hasText: 'Waiting: the webhook is paused' }).waitFor();
    expect(receiver.received).toHaveLength(2);
    await both(page, 'admin-webhooks');
    await hook.getByRole('button', { name: `Resume ${receiver.url}` }).click();
    await receiver.waitFor(3);
    await refresh.click();
    await hook.getByRole('button', { name: `Pause ${receiver.url}` }).waitFor();
    await rows.filter({ hasText: 'Waiting' }).waitFor({ state: 'detached' });
    expect(await rows.filter({ hasText: 'Delivered' }).count()).toBe(2);

    // format and digest, changed in the list (updateWebhook)
    expect(await hook.getByLabel(`Format of ${receiver.url}`).inputValue()).toBe('JSON');
    const digest = hook.getByLabel(`Messages of ${receiver.url}`);
    await digest.selectOption({ label: 'Hourly digest' });
    await expect.poll(() => digest.isEnabled()).toBe(true);
    await refresh.click();
    await expect.poll(() => digest.inputValue()).toBe('60');

    // teams: create, rename, move a member in
    await nav.getByRole('link', { name: 'Teams' }).click();
    await page.getByRole('heading', { name: 'Teams', exact: true }).waitFor();
    const teams = page.getByRole('list', { name: 'Teams' });
    await teams.getByRole('listitem', { name: 'Enterprise' }).waitFor();
    await page.getByRole('button', { name: 'New team' }).click();
    const create = page.getByRole('form', { name: 'New team' });
    await create.getByLabel('Name').fill('Inside Sales');
    await create.getByLabel('Manager').selectOption({ label: 'Sarah Mitchell (Manager)' });
    await create.getByRole('button', { name: 'Create team' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Inside Sales.' }).waitFor();
    const inside = teams.getByRole('listitem', { name: 'Inside Sales' });
    await inside.getByText('Manager: Sarah Mitchell').waitFor();
    await inside.getByRole('button', { name: 'Edit Inside Sales' }).click();
    const edit = inside.getByRole('form', { name: 'Edit Inside Sales' });
    await edit.getByLabel('Name').fill('Inside Sales EMEA');
    await edit.getByRole('button', { name: 'Save' }).click();
    const emea = teams.getByRole('listitem', { name: 'Inside Sales EMEA' });
    await emea.getByRole('status').filter({ hasText: 'Saved Inside Sales EMEA.' }).waitFor();
    const move = teams.getByRole('form', { name: 'Move John Smith' });
    await move.getByLabel('Team for John Smith').selectOption({ label: 'Inside Sales EMEA' });
    await move.getByRole('button', { name: 'Move' }).click();
    await emea
      .getByRole('list', { name: 'Members of Inside Sales EMEA' })
      .locator('.member-name', { hasText: 'John Smith' })
      .waitFor();
    await both(page, 'admin-teams');

    // organisation: the currency; a time-zone change would warn first
    await nav.getByRole('link', { name: 'Organisation' }).click();
    const settings = page.getByRole('form', { name: 'Organisation settings' });
    await settings.waitFor();
    const zone = await settings.getByLabel('Time zone').inputValue();
    await settings.getByLabel('Time zone').selectOption('Europe/Paris');
    await settings.getByRole('note').filter({ hasText: 'all rollups are rebuilt' }).waitFor();
    await both(page, 'admin-organisation');
    await settings.getByLabel('Time zone').selectOption(zone);
    await settings.getByLabel('Currency').selectOption('EUR');
    await settings.getByRole('button', { name: 'Save' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved.' }).waitFor();
    expect(
      await page.getByRole('form', { name: 'Organisation settings' }).getByLabel('Currency').inputValue(),
    ).toBe('EUR');
    // every amount on the dashboard follows, without a reload (the Clock query is asked again)
    await page.getByRole('link', { name: '← Dashboard' }).click();
    await page.locator('#main').getByText(/€\d/).first().waitFor();
    expect(await page.locator('#main').textContent()).not.toMatch(/\$\d/);

    // the audit log, newest first
    await nav.getByRole('link', { name: 'Audit log' }).click();
    const entries = page.getByRole('list', { name: 'Audit log entries' }).locator('> li');
    await entries.first().waitFor();
    const texts = (await entries.allTextContents()).slice(0, 9);
    const expected = [
      /changed the organisation settings \(Organisation #1\)currency\s*USD → EUR/,
      /changed John Smith \(User #\d+\)team\s*Enterprise → Inside Sales EMEA/,
      /changed the team Inside Sales EMEA \(Team #\d+\)name\s*Inside Sales → Inside Sales EMEA/,
      /created the team Inside Sales \(Team #\d+\)/,
      new RegExp(`changed the webhook ${receiver.url} \\(Webhook #\\d+\\)digestMinutes`),
      new RegExp(`resumed the webhook ${receiver.url} \\(Webhook #\\d+\\)paused\\s*true → false`),
      new RegExp(`paused the webhook ${receiver.url} \\(Webhook #\\d+\\)paused\\s*false → true`),
      /redelivered the webhook delivery \(WebhookDelivery #\d+\)status\s*DELIVERED → PENDING/,
      new RegExp(`registered the webhook ${receiver.url} \\(Webhook #\\d+\\)`),
    ];
    expected.forEach((pattern, i) => expect(texts[i], String(pattern)).toMatch(pattern));
    await both(page, 'admin-pages-audit');

    expect(errors).toEqual([]);
    await context.close();
  }, 180_000);

  it('gives a manager Teams read-only, and neither Webhooks nor Organisation', async () => {
    const { context, page, errors } = await passwordSignedInPage(browser, server.url, SARAH, PASSWORD);
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await nav.getByRole('link', { name: 'Teams' }).click();
    const teams = page.getByRole('list', { name: 'Teams' });
    await teams.getByRole('listitem', { name: 'Enterprise' }).waitFor();
    expect(await nav.getByRole('link', { name: /^(Webhooks|Organisation|Audit log)$/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^(New team|Edit |Move)/ }).count()).toBe(0);
    expect(await page.getByRole('form').count()).toBe(0);
    await page.goto('/webhooks'); // not a page of hers: the dashboard instead
    await page.getByRole('tablist', { name: 'Dashboard sections' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Webhooks' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);
});
