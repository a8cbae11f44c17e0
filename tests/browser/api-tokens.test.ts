/**
 * API tokens in the account dialog (issue 15), in a real browser against the real server: a person
 * signed in with their password creates a token, reads it from the page once, and the token works
 * from outside the browser (REST and GraphQL with `Authorization: Bearer`); revoking it in the
 * dialog, after a confirmation, ends it at once (the same requests answer 401) and greys it in the
 * list. The 21st live token's CONFLICT shows as an alert, and a screen (VIEWER) gets no section.
 * Screenshots of the list and of the shown-once token at 1280x720 and 1920x1080.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  chromiumPath,
  launchBrowser,
  passwordSignedInPage,
  screenshot,
  signedInPage,
} from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const JOHN = 'john.smith@example.com';
const EMILY = 'emily.chen@example.com';
const TV = 'tv@example.com';
const PASSWORD = 'correct horse battery staple';

let server: BrowserServer;
let browser: Browser;

const signInWithPassword = (email: string, viewport = { width: 1280, height: 720 }) =>
  passwordSignedInPage(browser, server.url, email, PASSWORD, viewport);

async function openAccount(page: Page) {
  await page.getByRole('button', { name: /^Account:/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Your account' });
  await dialog.waitFor();
  return dialog;
}

/** The REST read and the GraphQL `me` with the token, as a script would send them. */
async function useToken(token: string) {
  const headers = { authorization: `Bearer ${token}` };
  const rest = await fetch(`${server.url}/api/performance?type=goals`, { headers });
  const graphql = await fetch(`${server.url}/graphql`, {
    method: 'POST',
    headers: { ...headers, 'content-type': 'application/json' },
    body: JSON.stringify({ query: '{ me { email } }' }),
  });
  return {
    rest: rest.status,
    graphql: graphql.status,
    me: graphql.ok
      ? ((await graphql.json()) as { data?: { me?: { email?: string } } }).data?.me?.email
      : null,
  };
}

describe.skipIf(!chromiumPath)('API tokens in the account dialog', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    for (const email of [JOHN, EMILY])
      await server.gql(email, 'mutation($p: String!) { changePassword(newPassword: $p) }', { p: PASSWORD });
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('creates a token shown once, which works with curl-like requests until it is revoked in the dialog', async () => {
    const { context, page, errors } = await signInWithPassword(JOHN, { width: 1920, height: 1080 });
    const dialog = await openAccount(page);
    const section = dialog.getByRole('region', { name: 'API tokens' });
    await section.getByText('You have no API tokens.').waitFor();

    // the name is required, on its field
    await section.getByRole('button', { name: 'Create API token' }).click();
    await section.getByRole('button', { name: 'Create token' }).click();
    const name = section.getByLabel('Token name');
    expect(await name.getAttribute('aria-invalid')).toBe('true');

    await name.fill('ERP sync');
    await section.getByLabel('Expires').selectOption('30');
    await section.getByRole('button', { name: 'Create token' }).click();
    const field = section.getByRole('textbox', { name: 'New API token' });
    await field.waitFor();
    const token = await field.inputValue();
    expect(token).toMatch(/^pulse_[A-Za-z0-9_-]{43}$/);
    expect(await field.getAttribute('readonly')).not.toBeNull();
    expect(await section.textContent()).toContain('it will not be shown again');
    expect(await section.locator('.token-curl').textContent()).toBe(
      `curl -H "Authorization: Bearer ${token}" ${server.url}/api/performance?type=goals`,
    );
    // the list already holds it, by its prefix only
    const item = section.getByRole('listitem', { name: 'ERP sync' });
    await item.waitFor();
    expect(await item.textContent()).toContain(`${token.slice(0, 12)}…`);
    expect(await item.textContent()).not.toContain(token);
    expect(await item.locator('.token-state').textContent()).toBe('active');
    // focused and selected, ready for Ctrl+C, and in view whole
    expect(await field.evaluate((e) => e === document.activeElement)).toBe(true);
    await screenshot(page, 'api-token-shown-once-1920x1080');
    await page.setViewportSize({ width: 1280, height: 720 });
    await section.locator('.token-once').scrollIntoViewIfNeeded();
    await screenshot(page, 'api-token-shown-once-1280x720');

    expect(await useToken(token)).toEqual({ rest: 200, graphql: 200, me: JOHN });

    // gone from the page once dismissed
    await section.getByRole('button', { name: 'Done, I have copied it' }).click();
    await field.waitFor({ state: 'detached' });
    expect(await page.content()).not.toContain(token);

    // a second one, older first in the list's reverse order
    await section.getByRole('button', { name: 'Create API token' }).click();
    await section.getByLabel('Token name').fill('Quarterly report');
    await section.getByLabel('Expires').selectOption('never');
    await section.getByRole('button', { name: 'Create token' }).click();
    await section.getByRole('textbox', { name: 'New API token' }).waitFor();
    await section.getByRole('button', { name: 'Done, I have copied it' }).click();
    const names = section.locator('.api-token-name > span');
    await section.getByRole('listitem', { name: 'Quarterly report' }).waitFor();
    expect(await names.allTextContents()).toEqual(['Quarterly report', 'ERP sync']);
    expect(await section.getByRole('listitem', { name: 'Quarterly report' }).textContent()).toContain(
      'Expires never',
    );

    // revoke, after a confirmation
    await item.getByRole('button', { name: 'Revoke ERP sync' }).click();
    await item.getByRole('button', { name: 'Yes, revoke' }).click();
    await item.locator('.token-state', { hasText: 'revoked' }).waitFor();
    expect(await item.getAttribute('class')).toContain('revoked');
    expect(await item.getByRole('button', { name: /Revoke/ }).count()).toBe(0);
    expect(await useToken(token)).toEqual({ rest: 401, graphql: 401, me: null });

    await section.locator('.api-token-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'api-token-list-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await section.locator('.api-token-list').scrollIntoViewIfNeeded();
    await screenshot(page, 'api-token-list-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows the 20-token limit as an alert', async () => {
    for (let i = 1; i <= 20; i++)
      await server.gql(EMILY, 'mutation($n: String!) { createApiToken(input: { name: $n }) { token } }', {
        n: `script ${i}`,
      });
    const { context, page } = await signInWithPassword(EMILY);
    const section = (await openAccount(page)).getByRole('region', { name: 'API tokens' });
    await section.getByRole('listitem', { name: 'script 20' }).waitFor();
    await section.getByRole('button', { name: 'Create API token' }).click();
    await section.getByLabel('Token name').fill('one too many');
    await section.getByRole('button', { name: 'Create token' }).click();
    const alert = section.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('Revoke a token you no longer use');
    expect(await section.getByRole('textbox', { name: 'New API token' }).count()).toBe(0);
    await context.close();
  }, 60_000);

  it('leaves the section out for a screen (VIEWER)', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(TV));
    await page.goto('/');
    const dialog = await openAccount(page);
    await dialog.getByRole('region', { name: 'Sessions' }).waitFor();
    expect(await dialog.getByRole('region', { name: 'API tokens' }).count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });
});
