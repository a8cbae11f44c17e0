/**
 * An invitation followed in a real browser (issue 15): an admin invites a rep over the API (no
 * SMTP_URL here, so the answer carries the link), the link opens the set-password page, the two
 * passwords must agree and be long enough, and saving signs the person in to their dashboard on a
 * session, with the link gone from the address bar. The same link then says it is used up.
 * "Forgot your password?" on a server without mail says to ask an admin. Screenshots at 1280x720
 * and 1920x1080.
 */
import { describe, expect, it } from 'vitest';
import { chromiumPath, screenshot } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const ADMIN = 'admin@example.com';
const PASSWORD = 'a long enough passphrase';

const app = browserSuite();

describe.skipIf(!chromiumPath)('an invitation link', () => {
  it('opens the set-password page, which signs the new person in, once', async () => {
    const { teams } = await app.server.gql<{ teams: { id: string; name: string }[] }>(
      ADMIN,
      '{ teams { id name } }',
    );
    const invited = await app.server.gql<{ inviteUser: { link: string } }>(
      ADMIN,
      'mutation($input: CreateUserInput!) { inviteUser(input: $input) { link } }',
      { input: { name: 'Ines Invited', email: 'ines@example.com', role: 'REP', teamId: teams[0]!.id } },
    );
    const fragment = new URL(invited.inviteUser.link).hash;
    expect(fragment).toMatch(/^#set-password=[A-Za-z0-9_-]{43}$/);

    for (const viewport of [
      { width: 1920, height: 1080 },
      { width: 1280, height: 720 },
    ]) {
      const context = await app.browser.newContext({ viewport, baseURL: app.server.url });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`/${fragment}`);
      await page.getByRole('heading', { name: 'Choose your password' }).waitFor();
      await screenshot(page, `set-password-${viewport.width}x${viewport.height}`);
      if (viewport.width === 1920) {
        await context.close();
        continue;
      }
      // the two must agree, then the server's minimum applies on the field
      await page.getByLabel('New password', { exact: true }).fill('short');
      await page.getByLabel('New password, again').fill('shorter');
      await page.getByRole('button', { name: 'Save and sign in' }).click();
      await page.getByText('The two passwords differ.').waitFor();
      await page.getByLabel('New password, again').fill('short');
      await page.getByRole('button', { name: 'Save and sign in' }).click();
      await page.getByText(/The password must be at least 12 characters/).waitFor();
      await page.getByLabel('New password', { exact: true }).fill(PASSWORD);
      await page.getByLabel('New password, again').fill(PASSWORD);
      await page.getByRole('button', { name: 'Save and sign in' }).click();
      await page.getByRole('button', { name: /Ines Invited/ }).waitFor();
      expect(new URL(page.url()).hash).toBe('');
      expect((await context.cookies()).some((c) => c.name === 'pulse_session')).toBe(true);
      expect(errors).toEqual([]);

      // the same link again: used up, said so, and the way out is the sign-in page
      const again = await app.browser.newContext({ viewport, baseURL: app.server.url });
      const second = await again.newPage();
      await second.goto(`/${fragment}`);
      await second.getByLabel('New password', { exact: true }).fill(PASSWORD);
      await second.getByLabel('New password, again').fill(PASSWORD);
      await second.getByRole('button', { name: 'Save and sign in' }).click();
      await second.getByText(/This link is not valid any more/).waitFor();
      await second.getByRole('button', { name: 'Go to sign-in' }).click();
      await second.getByRole('button', { name: 'Sign in', exact: true }).waitFor();
      await again.close();
      await context.close();
    }
  });

  it('"Forgot your password?" on a server without mail says to ask an admin', async () => {
    const context = await app.browser.newContext({
      viewport: { width: 1280, height: 720 },
      baseURL: app.server.url,
    });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Your e-mail').fill('john.smith@example.com');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByText('This server does not send mail: ask an admin').waitFor();
    await context.close();
  });
});
