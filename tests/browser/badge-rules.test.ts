/**
 * The Badges page (issue 19) in a real browser against the real server with the demo data, as an
 * admin: the editor refuses to save a new rule before its preview and the award choice; the
 * preview table shows what the server's previewBadgeRule says for the same definition (12 months,
 * people per month); "award now" then awards exactly the previewed new badges; Deactivate stops
 * the rule. Screenshots of the page and of the editor with its preview at 1280x720 and 1920x1080.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { chromiumPath, screenshot, signedInPage } from './support/browser.ts';
import { browserSuite } from './support/suite.ts';

const ADMIN = 'admin@example.com';
const app = browserSuite();

async function both(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 720],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshot(page, `${name}-${width}x${height}`);
  }
}

interface Preview {
  newCount: number;
  periods: { count: number; newCount: number }[];
}

describe.skipIf(!chromiumPath)('Badges page', () => {
  it('creates a rule after its preview, backfills what it showed, and deactivates it', async () => {
    const definition = { metric: 'ORDERS', periodType: 'MONTHLY', threshold: '2' };
    const expected = (
      await app.server.gql<{ previewBadgeRule: Preview }>(
        ADMIN,
        `query($i: PreviewBadgeRuleInput!) { previewBadgeRule(input: $i) { newCount periods { count newCount } } }`,
        { i: definition },
      )
    ).previewBadgeRule;
    expect(expected.newCount).toBeGreaterThan(0); // the demo data has sellers with 2 orders in a month

    const { context, page, errors } = await signedInPage(
      app.browser,
      app.server.url,
      await app.server.token(ADMIN),
      {
        width: 1280,
        height: 720,
      },
    );
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Administration' })
      .getByRole('link', { name: 'Badges' })
      .click();
    await page.getByRole('heading', { name: 'Badges' }).waitFor();
    await page.getByRole('row', { name: /Deal Closer/ }).waitFor();
    await both(page, 'badges-page');

    await page.getByRole('button', { name: 'New rule' }).click();
    const dialog = page.getByRole('dialog', { name: 'New badge rule' });
    await dialog.getByLabel('Title').fill('Two a month');
    await dialog.getByRole('radio', { name: 'rocket' }).check({ force: true }); // drawn by its label
    await dialog.getByLabel('Metric').selectOption('ORDERS');
    await dialog.getByLabel('Period').selectOption('MONTHLY');
    await dialog.getByLabel('Threshold').fill('2');
    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await dialog.getByText('Preview the rule, then choose whether to award the past.').waitFor();

    await dialog.getByRole('button', { name: 'Preview' }).click();
    const table = dialog.getByRole('table', { name: 'Who would have earned it' });
    await table.waitFor();
    const rows = table.locator('tbody tr');
    expect(await rows.count()).toBe(12);
    const people = await rows.locator('td:nth-child(2)').allTextContents();
    expect(people.map(Number)).toEqual(expected.periods.map((p) => p.count));
    const backfill = dialog.getByRole('radio', {
      name: `Award the ${expected.newCount} badges above now (backfill)`,
    });
    await backfill.check();
    await both(page, 'badges-editor-preview');

    await dialog.getByRole('button', { name: 'Create rule' }).click();
    await page.getByRole('status').filter({ hasText: 'Created Two a month.' }).waitFor();
    const row = page.getByRole('row', { name: /Two a month/ });
    await row.getByText('Orders ≥ 2 in a month').waitFor();
    const { achievements } = await app.server.gql<{ achievements: { title: string }[] }>(
      ADMIN,
      `{ achievements(limit: 1000) { title } }`,
    );
    expect(achievements.filter((a) => a.title === 'Two a month')).toHaveLength(expected.newCount);

    await row.getByRole('button', { name: 'Deactivate' }).click();
    await row.getByRole('button', { name: 'Deactivate' }).click(); // the "Sure?" step
    await row.getByText('Deactivated').waitFor();
    await row.getByRole('button', { name: 'Reactivate' }).waitFor();
    await both(page, 'badges-page-after');
    expect(errors).toEqual([]);
    await context.close();
  }, 90_000);
});
