/**
 * Single sign-on in a real browser (issue 15) against a real OpenID provider started here
 * (tests/support/oidc.ts): "Sign in with Example ID" on the sign-in page, the provider's login page,
 * and back on the dashboard signed in on the same cookie session a password gives; a group mapping
 * that makes a person a manager at their next sign-in; an unverified e-mail and a wrong `state`
 * refused with a sentence on the sign-in page; with OIDC_ONLY, the button alone. Screenshots of the
 * sign-in page with SSO at 1280x720 and 1920x1080.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SSO_ERRORS } from '../../client/src/lib/signin.ts';
import { startOrgServer } from '../support/fixtures.ts';
import { startOidcProvider, type TestOidcProvider } from '../support/oidc.ts';
import type { TestServer } from '../support/server.ts';
import { chromiumPath, expectedWhileSignedOut, launchBrowser, screenshot } from './support/browser.ts';

const LABEL = 'Example ID';
let idp: TestOidcProvider;
let server: TestServer;
let browser: Browser;

async function openSignIn(url: string, viewport = { width: 1280, height: 720 }) {
  const context = await browser.newContext({ viewport, baseURL: url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (message) => {
    // the test provider's own pages (its missing favicon) are not Pulse's
    const provider = message.location().url.startsWith(idp.issuer);
    if (message.type() === 'error' && !provider && !expectedWhileSignedOut(message))
      errors.push(`${message.text()} (${message.location().url})`);
  });
  await page.goto('/');
  await page.getByRole('link', { name: `Sign in with ${LABEL}` }).waitFor();
  return { context, page, errors };
}

/** From the sign-in page through the provider's login page as `account`. */
async function signInWithSso(page: Page, account: string): Promise<void> {
  await page.getByRole('link', { name: `Sign in with ${LABEL}` }).click();
  await page.getByLabel('Account').fill(account);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

describe.skipIf(!chromiumPath)('single sign-on in the browser', () => {
  beforeAll(async () => {
    idp = await startOidcProvider({
      alice: { email: 'alice@example.com', email_verified: true, name: 'Alice Able', groups: [] },
      bob: { email: 'bob@example.com', email_verified: false, name: 'Bob Baker', groups: [] },
    });
    [{ server }, browser] = await Promise.all([
      startOrgServer(
        idp.env({
          OIDC_ROLE_CLAIM: 'groups',
          OIDC_ROLE_MAP: 'pulse-admins=ADMIN,pulse-managers=MANAGER',
          OIDC_BUTTON_LABEL: LABEL,
        }),
      ),
      launchBrowser(),
    ]);
    idp.allow(server.url);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
    await idp?.close();
  });

  it('signs in through the provider to the dashboard, on a session cookie', async () => {
    const { context, page, errors } = await openSignIn(server.url);
    await page.getByLabel('E-mail').waitFor();
    await screenshot(page, 'signin-sso-1280x720');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await screenshot(page, 'signin-sso-1920x1080');
    await signInWithSso(page, 'alice');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    expect(await page.locator('.whoami').textContent()).toContain('Alice Able');
    expect(await page.locator('.whoami .role-chip').textContent()).toBe('REP');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'pulse_session')).toMatchObject({
      httpOnly: true,
      sameSite: 'Lax',
    });
    // the flow's cookie is spent
    expect(cookies.some((c) => c.name === 'pulse_oidc')).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('pulse.token'))).toBeNull();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('applies a group mapping at the next sign-in: a rep made manager by the provider', async () => {
    idp.accounts.get('alice')!.groups = ['pulse-managers'];
    const { context, page } = await openSignIn(server.url);
    await signInWithSso(page, 'alice');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('.whoami .role-chip').textContent()).toBe('MANAGER');
    await context.close();
  });

  it('refuses an unverified e-mail with a sentence on the sign-in page', async () => {
    const { context, page } = await openSignIn(server.url, { width: 1920, height: 1080 });
    await signInWithSso(page, 'bob');
    const alert = page.getByRole('alert').filter({ hasText: 'not verified' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(SSO_ERRORS.unverified);
    // said once: the address no longer carries it
    expect(new URL(page.url()).search).toBe('');
    await page.getByLabel('E-mail').waitFor();
    await screenshot(page, 'signin-sso-error-1920x1080');
    expect((await context.cookies()).some((c) => c.name === 'pulse_session')).toBe(false);
    await context.close();
  });

  it('refuses a callback with a wrong state', async () => {
    const { context, page } = await openSignIn(server.url);
    await page.getByRole('link', { name: `Sign in with ${LABEL}` }).click();
    await page.getByLabel('Account').waitFor(); // the flow's cookie is set, the provider asks
    await page.goto(`${server.url}/auth/oidc/callback?code=made-up&state=not-the-one`);
    const alert = page.getByRole('alert').filter({ hasText: 'did not finish' });
    await alert.waitFor();
    expect(await alert.textContent()).toBe(SSO_ERRORS.state);
    expect((await context.cookies()).some((c) => c.name === 'pulse_session')).toBe(false);
    await context.close();
  });

  it('shows the button alone when SSO is the only way in (OIDC_ONLY)', async () => {
    const { server: only } = await startOrgServer(idp.env({ OIDC_ONLY: 'true', OIDC_BUTTON_LABEL: LABEL }));
    try {
      idp.allow(only.url);
      const { context, page } = await openSignIn(only.url, { width: 1920, height: 1080 });
      const button = page.getByRole('link', { name: `Sign in with ${LABEL}` });
      expect(await button.getAttribute('class')).toContain('primary');
      expect(await page.getByLabel('E-mail').count()).toBe(0);
      expect(await page.getByRole('button', { name: 'Forgot your password?' }).count()).toBe(0);
      await screenshot(page, 'signin-sso-only-1920x1080');
      await signInWithSso(page, 'alice');
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      await context.close();
    } finally {
      await only.close();
    }
  });
});
