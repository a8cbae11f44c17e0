/**
 * People administration and the audit log in the web client (issue 15), in a real browser against
 * the real server: the admin opens People from the top bar, invites someone (the one-time link is
 * shown to copy, no mail server being set), moves a person to another role and team, and
 * deactivates a person whose own dashboard is open — that page goes to the sign-in page saying it
 * was signed out, with no click of theirs. The audit log then shows the three changes, newest
 * first, with what changed. A manager gets People only, inviting reps into their own team and
 * issuing links for its reps, without the admin's controls. Screenshots of both pages at 1280x720
 * and 1920x1080.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumPath, launchBrowser, passwordSignedInPage, screenshot } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const ADMIN = 'admin@example.com';
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise
const JOHN = 'john.smith@example.com'; // a rep of Enterprise
const PASSWORD = 'correct horse battery staple';
const SESSION_ENDED =
  'You have been signed out: your session was ended from another window or device. Sign in again.';

let server: BrowserServer;
let browser: Browser;

const signInWithPassword = (email: string, viewport = { width: 1280, height: 720 }) =>
  passwordSignedInPage(browser, server.url, email, PASSWORD, viewport);

describe.skipIf(!chromiumPath)('People administration and the audit log', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    for (const email of [ADMIN, SARAH, JOHN])
      await server.gql(email, 'mutation($p: String!) { changePassword(newPassword: $p) }', { p: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('invites, changes a role and team, deactivates a signed-in person and shows it in the audit log', async () => {
    const admin = await signInWithPassword(ADMIN, { width: 1920, height: 1080 });
    const john = await signInWithPassword(JOHN);
    await john.page.goto('/leaderboard');
    await john.page.locator('.leaderboard-tab .live-chip', { hasText: 'Live' }).waitFor();

    const page = admin.page;
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await nav.getByRole('link', { name: 'People' }).click();
    await page.getByRole('heading', { name: 'People' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/people');
    const list = page.getByRole('list', { name: 'People' });
    await list.getByRole('listitem', { name: 'John Smith' }).waitFor();

    // search and filters
    await page.getByLabel('Search').fill('smith');
    await page.getByText('1 of ').waitFor();
    expect(await list.locator('.person-name > span').allTextContents()).toEqual(['John Smith']);
    await page.getByLabel('Search').fill('');
    await page.getByRole('search').getByLabel('Role').selectOption('MANAGER');
    await page.getByRole('search').getByLabel('Team').selectOption({ label: 'Enterprise' });
    expect(await list.locator('.person-name > span').allTextContents()).toEqual(['Sarah Mitchell']);
    await page.getByRole('search').getByLabel('Role').selectOption('');
    await page.getByRole('search').getByLabel('Team').selectOption('');
    await screenshot(page, 'admin-people-1920x1080');

    // invite: no mail server, so the link is shown to copy
    await page.getByRole('button', { name: 'Invite someone' }).click();
    const form = page.getByRole('form', { name: 'Invite someone' });
    await form.getByRole('button', { name: 'Send invitation' }).click();
    expect(await form.getByLabel('Name').getAttribute('aria-invalid')).toBe('true');
    await form.getByLabel('Name').fill('Ana Lima');
    await form.getByLabel('E-mail').fill('john.smith@example.com');
    await form.getByLabel('Team').selectOption({ label: 'Enterprise' });
    await form.getByRole('button', { name: 'Send invitation' }).click();
    // the server's refusal lands on the field it names
    await form.locator('.field.invalid', { hasText: 'E-mail' }).waitFor();
    await form.getByLabel('E-mail').fill('ana.lima@example.com');
    await form.getByRole('button', { name: 'Send invitation' }).click();
    const linkField = page.getByRole('textbox', { name: 'Invitation link for Ana Lima' });
    await linkField.waitFor();
    expect(await linkField.inputValue()).toMatch(/\/#set-password=\S+$/);
    await page.getByRole('button', { name: 'Copy', exact: true }).waitFor();
    await list.getByRole('listitem', { name: 'Ana Lima' }).waitFor();
    await screenshot(page, 'admin-invited-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });
    await screenshot(page, 'admin-invited-1280x720');
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await linkField.waitFor({ state: 'detached' });

    // Michael Brown: rep of Enterprise → manager of Mid-Market
    const michael = list.getByRole('listitem', { name: 'Michael Brown' });
    await michael.getByRole('button', { name: 'Edit Michael Brown' }).click();
    const edit = michael.getByRole('form', { name: 'Edit Michael Brown' });
    await edit.getByLabel('Role').selectOption('MANAGER');
    await edit.getByLabel('Team').selectOption({ label: 'Mid-Market' });
    await edit.getByRole('button', { name: 'Save' }).click();
    await michael.getByRole('status').filter({ hasText: 'Saved Michael Brown.' }).waitFor();
    expect(await michael.locator('.person-role').textContent()).toBe('Manager');
    expect(await michael.locator('.person-team').textContent()).toBe('Mid-Market');

    // deactivate John, whose dashboard is open: his page goes to the sign-in page
    const johnItem = list.getByRole('listitem', { name: 'John Smith' });
    await johnItem.getByRole('button', { name: 'Deactivate John Smith' }).click();
    expect(await johnItem.locator('.confirm-delete').textContent()).toContain(
      'John Smith is signed out at once.',
    );
    await screenshot(page, 'admin-people-1280x720');
    await johnItem.getByRole('button', { name: 'Yes, deactivate' }).click();
    await johnItem.locator('.person-state', { hasText: 'inactive' }).waitFor();
    await johnItem.getByRole('button', { name: 'Reactivate John Smith' }).waitFor();
    await john.page.locator('.notice', { hasText: SESSION_ENDED }).waitFor();
    // the form shows once GET /auth/methods has answered: wait for it
    await john.page.getByLabel('E-mail').waitFor();

    // the audit log, newest first
    await nav.getByRole('link', { name: 'Audit log' }).click();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    const entries = page.getByRole('list', { name: 'Audit log entries' }).locator('> li');
    await entries.first().waitFor();
    const texts = await entries.allTextContents();
    expect(texts[0]).toMatch(/Admin.* changed John Smith \(User #\d+\)active\s*true → false/);
    expect(texts[1]).toMatch(/changed Michael Brown \(User #\d+\)/);
    expect(texts[1]).toContain('role REP → MANAGER');
    expect(texts[1]).toContain('team Enterprise → Mid-Market');
    expect(texts[1]).not.toContain('email');
    expect(texts[2]).toMatch(/invited Ana Lima \(User #\d+\)/);
    expect(texts[2]).toContain('ana.lima@example.com');
    await screenshot(page, 'admin-audit-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'admin-audit-1920x1080');

    expect(admin.errors).toEqual([]);
    expect(john.errors).toEqual([]);
    await Promise.all([admin.context.close(), john.context.close()]);
  }, 120_000);

  it('gives a manager People only: reps into their own team, links for its reps, nothing of an admin', async () => {
    const { context, page, errors } = await signInWithPassword(SARAH);
    const nav = page.getByRole('navigation', { name: 'Administration' });
    await nav.getByRole('link', { name: 'People' }).waitFor();
    expect(await nav.getByRole('link', { name: 'Audit log' }).count()).toBe(0);
    await nav.getByRole('link', { name: 'People' }).click();
    const list = page.getByRole('list', { name: 'People' });
    const emily = list.getByRole('listitem', { name: 'Emily Chen' });
    await emily.waitFor();

    expect(await emily.getByRole('button', { name: 'Password link for Emily Chen' }).count()).toBe(1);
    expect(await list.getByRole('button', { name: 'Password link for Olivia Johnson' }).count()).toBe(0);
    expect(await list.getByRole('button', { name: /^(Edit|Deactivate|Reactivate|Sign out) / }).count()).toBe(
      0,
    );

    await page.getByRole('button', { name: 'Invite someone' }).click();
    const form = page.getByRole('form', { name: 'Invite someone' });
    expect(await form.getByLabel('Role').locator('option').allTextContents()).toEqual(['Rep']);
    expect(await form.getByLabel('Team').locator('option').allTextContents()).toEqual(['Enterprise']);
    await screenshot(page, 'admin-people-manager-1280x720');
    await form.getByRole('button', { name: 'Cancel' }).click();

    // a password link for one of her reps, shown to copy
    await emily.getByRole('button', { name: 'Password link for Emily Chen' }).click();
    const field = emily.getByRole('textbox', { name: /link for Emily Chen$/ });
    await field.waitFor();
    expect(await field.inputValue()).toMatch(/\/#set-password=\S+$/);

    // the audit log's address shows her dashboard, not the log
    await page.goto('/audit');
    await page.getByRole('tablist', { name: 'Dashboard sections' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Audit log' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
