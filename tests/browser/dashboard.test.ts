/**
 * The dashboard in a real browser against the real server with the demo organisation: sign-in,
 * each tab with the seeded data, the goals editor (client and server field errors, create, edit,
 * the CONFLICT path), a REP who sees no edit controls, the period picker on an earlier period, and
 * report downloads (CSV/XLSX files and the PDF report, saved by the browser). Screenshots land in test-results/screenshots (not committed).
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, formatCount, formatMoney, formatPercent, NOUNS } from '../../client/src/lib/format.ts';
import { rateBase } from '../../client/src/lib/standing.ts';
import { periodLabel, shiftPeriod } from '../../client/src/lib/periods.ts';
import { chromiumPath, launchBrowser, screenshot, signedInPage } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const JOHN = 'john.smith@example.com';
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise, John's team
const ADMIN = 'admin@example.com';

let server: BrowserServer;
let browser: Browser;
let johnId: string;

/** Text of the first element matching selector once it contains `text`. */
async function waitText(page: Page, selector: string, text: string, timeout = 15_000): Promise<string> {
  const locator = page.locator(selector).filter({ hasText: text }).first();
  try {
    await locator.waitFor({ timeout });
  } catch (error) {
    await screenshot(page, `failure-${selector.replace(/\W+/g, '_')}-${text.replace(/\W+/g, '_')}`);
    throw error;
  }
  return (await locator.textContent()) ?? '';
}

describe.skipIf(!chromiumPath)('dashboard in the browser', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    const data = await server.gql<{ users: { id: string; email: string }[] }>(
      ADMIN,
      '{ users { id email } }',
    );
    johnId = data.users.find((u) => u.email === JOHN)?.id ?? '';
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('keeps a stored bearer token (the legacy /tv?token= kind) across a reload, and signs out of it', async () => {
    const { context, page } = await signedInPage(browser, server.url, await server.token(JOHN), {
      width: 1280,
      height: 900,
    });
    await page.goto('/');
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('.whoami').textContent()).toContain('John Smith');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('E-mail').waitFor();
    expect(await page.locator('.notice').textContent()).toBe('You have signed out.');
    expect(await page.evaluate(() => localStorage.getItem('pulse.token'))).toBeNull();
    // the sign-in page offers no way to paste a token back (issue 15: API tokens are for other apps)
    await screenshot(page, 'signin');
    expect(await page.getByText(/API token|Access token/).count()).toBe(0);
    await context.close();
  });

  it('offers one-click demo accounts in embedded demo mode only', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    const page = await context.newPage();
    await page.goto('/');
    await page.getByLabel('E-mail').waitFor();
    await page.waitForLoadState('networkidle');
    const demo = page.getByRole('heading', { name: 'Demo accounts' });
    if (process.env.DATABASE_URL) {
      expect(await demo.count()).toBe(0); // never with a real database
    } else {
      await demo.waitFor();
      for (const name of ['John Smith', 'Sarah Mitchell', 'Robert Taylor', 'Laura Bennett', 'Office TV'])
        await page.getByRole('button', { name: new RegExp(name) }).waitFor();
      await screenshot(page, 'signin-demo');
      await page.getByRole('button', { name: /Sarah Mitchell/ }).click();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();
      expect(await page.locator('.whoami').textContent()).toContain('Sarah Mitchell');
      // a session (POST /demo/sign-in), not a token kept in the page
      expect((await context.cookies()).some((c) => c.name === 'pulse_session' && c.httpOnly)).toBe(true);
      expect(await page.evaluate(() => localStorage.getItem('pulse.token'))).toBeNull();
    }
    await context.close();
  });

  it('signs in with the one-click buttons through the demo session endpoint (stubbed)', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, baseURL: server.url });
    const page = await context.newPage();
    // what POST /demo/sign-in does: a session cookie for the account (here from a password sign-in)
    const password = 'a demo password for john';
    await server.gql(JOHN, 'mutation($p: String!) { changePassword(newPassword: $p) }', { p: password });
    const signedIn = await fetch(`${server.url}/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: JOHN, password }),
    });
    const session = /pulse_session=([^;]+)/.exec(signedIn.headers.get('set-cookie') ?? '')?.[1] ?? '';
    expect(session).not.toBe('');
    await page.route('**/demo/accounts', (route) =>
      route.fulfill({
        json: { accounts: [{ email: JOHN, name: 'John Smith', role: 'REP', team: 'Enterprise' }] },
      }),
    );
    await page.route('**/demo/sign-in', async (route) => {
      await context.addCookies([
        { name: 'pulse_session', value: session, url: server.url, httpOnly: true, sameSite: 'Lax' },
      ]);
      await route.fulfill({ json: { user: { id: johnId, email: JOHN, name: 'John Smith', role: 'REP' } } });
    });
    await page.goto('/');
    await page.getByRole('button', { name: /John Smith/ }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    expect(await page.locator('.whoami').textContent()).toContain('John Smith');
    await context.close();
  });

  it('shows a REP the spec’s summary cards and every tab with the seeded data, without edit controls', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(JOHN));
    await page.goto('/goals');
    const cards = await waitText(page, '.cards', '$15,000');
    expect(cards).toContain('3 orders');
    expect(cards).toContain('20 %'); // conversion
    expect(cards).toContain('50 %'); // win rate
    // the Achievements card counts John's badges: as many as the API lists for him
    const mine = await server.gql<{ achievements: { id: string }[] }>(
      JOHN,
      'query($u: ID) { achievements(userId: $u, limit: 1000) { id } }',
      { u: johnId },
    );
    expect(mine.achievements.length).toBeGreaterThan(0);
    const badges = page.locator('.cards .card', { has: page.getByRole('heading', { name: 'Achievements' }) });
    expect(await badges.locator('.stat-value').textContent()).toBe(formatCount(mine.achievements.length));
    // his own goals under his name (the team's goals are apart, above)
    const revenueGoal = await waitText(page, '[aria-label="John Smith: goals"] .goal', 'Revenue');
    expect(revenueGoal).toContain('$15,000');
    expect(revenueGoal).toContain('$20,000');
    expect(revenueGoal).toContain('On Track');
    expect(await waitText(page, '[aria-label="John Smith: goals"] .goal', 'Orders')).toContain('Behind');
    expect(await page.getByRole('button', { name: 'New goal' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Edit/ }).count()).toBe(0);
    await screenshot(page, 'dashboard-rep-goals');

    // the tabs follow the keyboard pattern: arrow keys move between them
    await page.getByRole('tab', { name: 'Goals' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL('**/leaderboard');
    expect(await page.getByRole('tab', { name: 'Leaderboard' }).getAttribute('aria-selected')).toBe('true');
    expect(await waitText(page, 'table.board tbody tr', 'John Smith')).toContain('$15,000');
    expect(
      await page.locator('table.board tbody tr').first().getByRole('img', { name: 'Gold medal' }).count(),
    ).toBe(1);
    await page.getByRole('group', { name: 'Rank by' }).getByRole('button', { name: 'Orders' }).click();
    await page.locator('table[aria-label="Leaderboard by orders"]').waitFor();

    await page.getByRole('tab', { name: 'Achievements' }).click();
    await waitText(page, '.achievement', 'First $10K');
    await waitText(page, '.achievement', 'Deal Closer');

    await page.getByRole('tab', { name: 'Team' }).click();
    expect(await waitText(page, '.member', 'John Smith')).toContain('$15,000');

    await page.getByRole('tab', { name: 'Trends' }).click();
    await page.locator('.recharts-surface').nth(1).waitFor({ timeout: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets a manager create and edit a goal, with field errors for bad input, live on another screen', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH));
    const rep = await signedInPage(browser, server.url, await server.token(JOHN));
    await rep.page.goto('/goals');
    await rep.page.locator('[aria-label="John Smith: goals"] .goal-grid').waitFor();

    await page.goto('/goals');
    await page.getByRole('button', { name: 'New goals' }).click();
    const dialog = page.getByRole('dialog', { name: 'New goals' });
    await dialog.getByLabel('For', { exact: true }).selectOption(`user:${johnId}`);
    await dialog.getByLabel('Metric').selectOption('CALLS');
    await dialog.getByLabel('Period').selectOption('WEEKLY');
    const target = dialog.getByLabel('Target', { exact: true });

    // the client checks what the server checks, beside the field
    await target.fill('-5');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    expect(await waitText(page, '.field.invalid', 'must be positive')).toContain('Target');
    expect(await target.getAttribute('aria-invalid')).toBe('true');
    await target.fill('40.5');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await waitText(page, '.field.invalid', 'must be a whole number for Calls');
    await target.fill('40');
    // the period is chosen by name, never typed as a date (weeks.test: dashboard-views.test.ts)
    expect(await dialog.getByLabel('Which').inputValue()).toBe('0');

    // and the server's own field errors land beside the same field: send what the client refuses
    await page.route('**/graphql', async (route) => {
      const body = route.request().postDataJSON() as {
        operationName?: string;
        variables?: { input?: object };
      };
      if (body.operationName !== 'CreateGoal') return route.continue();
      await route.continue({
        postData: JSON.stringify({
          ...body,
          variables: { input: { ...body.variables?.input, targetValue: -3 } },
        }),
      });
    });
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    expect(await waitText(page, '.field.invalid', 'must be positive')).toContain('Target');
    await waitText(page, '.form-error', 'The server refused');
    await page.unroute('**/graphql');

    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await dialog.waitFor({ state: 'detached' });
    const calls = page.getByRole('article', { name: 'John Smith · Calls goal' });
    expect(await calls.textContent()).toContain('40');
    // John sees his new goal without reloading
    await waitText(rep.page, '[aria-label="John Smith: goals"] .goal', 'Calls');

    // the same goal again is refused by the server: one goal per person, metric and period
    await page.getByRole('button', { name: 'New goals' }).click();
    await dialog.getByLabel('For', { exact: true }).selectOption(`user:${johnId}`);
    await dialog.getByLabel('Metric').selectOption('CALLS');
    await dialog.getByLabel('Period').selectOption('WEEKLY');
    await dialog.getByLabel('Target', { exact: true }).fill('41');
    await dialog.getByRole('button', { name: 'Create goal' }).click();
    await waitText(page, '.form-error', 'already has a calls goal');
    await dialog.getByRole('link', { name: 'Open John Smith’s existing goal' }).waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();

    // edit it
    await page.getByRole('button', { name: 'Edit John Smith · Calls goal' }).click();
    const edit = page.getByRole('dialog', { name: /Edit goal: John Smith · Calls/ });
    await edit.getByLabel('Target').fill('45.5');
    await edit.getByRole('button', { name: 'Save' }).click();
    await waitText(page, '.field.invalid', 'must be a whole number');
    await edit.getByLabel('Target').fill('45');
    await edit.getByRole('button', { name: 'Save' }).click();
    await edit.waitFor({ state: 'detached' });
    await calls.locator('.goal-target', { hasText: '45' }).waitFor();
    await rep.page
      .locator('[aria-label="John Smith: goals"] .goal', { hasText: 'Calls' })
      .locator('.goal-target', { hasText: '45' })
      .waitFor();
    await screenshot(page, 'dashboard-manager-goals');

    // delete it: gone at once here (optimistic) and, pushed by goalRemoved, on John's screen
    await page.getByRole('button', { name: 'Edit John Smith · Calls goal' }).click();
    await edit.getByRole('button', { name: 'Delete goal' }).click();
    await edit.getByRole('button', { name: 'Yes, delete' }).click();
    await edit.waitFor({ state: 'detached' });
    await calls.waitFor({ state: 'detached' });
    await rep.page
      .locator('[aria-label="John Smith: goals"] .goal', { hasText: 'Calls' })
      .waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
    await rep.context.close();
    await context.close();
  });

  it('shows the other manager’s value on CONFLICT and lets the user reapply', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH));
    await page.goto('/goals');
    const goals = await server.gql<{
      goals: {
        id: string;
        metric: string;
        periodType: string;
        version: number;
        user: { id: string } | null;
      }[];
    }>(SARAH, `query($u: ID) { goals(userId: $u) { id metric periodType version user { id } } }`, {
      u: johnId,
    });
    const revenue = goals.goals.find((g) => g.metric === 'REVENUE' && g.periodType === 'MONTHLY');
    if (!revenue) throw new Error('John has no revenue goal in the demo data');

    await page.getByRole('button', { name: 'Edit John Smith · Revenue goal' }).first().click();
    const edit = page.getByRole('dialog', { name: /Edit goal: John Smith · Revenue/ });
    await edit.getByLabel('Target').fill('25000');
    // meanwhile the admin changes the same goal
    await server.gql(
      ADMIN,
      `mutation($id: ID!, $v: Int) { updateGoal(id: $id, input: { targetValue: 30000 }, expectedVersion: $v) { version } }`,
      {
        id: revenue.id,
        v: revenue.version,
      },
    );
    await waitText(page, '.notice', 'changed elsewhere'); // the live update reached the open editor
    await edit.getByRole('button', { name: 'Save' }).click();
    const conflict = await waitText(page, '.conflict', 'Someone else changed this goal first');
    expect(conflict).toContain('$30,000');
    await screenshot(page, 'dashboard-goal-conflict');
    expect(await edit.getByLabel('Target').inputValue()).toBe('25000'); // nothing typed is lost
    await edit.getByRole('button', { name: 'Apply my changes again' }).click();
    await edit.waitFor({ state: 'detached' });
    await page.locator(`[data-goal-id="${revenue.id}"] .goal-target`, { hasText: '$25,000' }).waitFor();
    const after = await server.gql<{ goal: { targetValue: number; version: number } }>(
      SARAH,
      `query($id: ID!) { goal(id: $id) { targetValue version } }`,
      { id: revenue.id },
    );
    expect(after.goal.targetValue).toBe(25000);
    expect(after.goal.version).toBe(revenue.version + 2);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads reports as real files, with the token in the header and the server’s file name', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH));
    const exports: { url: string; authorization: string | undefined }[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname.startsWith('/export/'))
        exports.push({ url: request.url(), authorization: request.headers().authorization });
    });
    await page.goto('/team');
    const teams = await server.gql<{
      teams: { id: string; name: string; members: { name: string; role: string; active: boolean }[] }[];
    }>(SARAH, '{ teams { id name members { name role active } } }');
    const team = teams.teams.find((t) => t.name === 'Enterprise');
    const enterprise = team?.id ?? '';
    const sellers = (team?.members ?? [])
      .filter((m) => m.active && (m.role === 'REP' || m.role === 'MANAGER'))
      .map((m) => m.name);
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption(enterprise);
    await waitText(page, '.team-section h3', 'Enterprise');

    const form = page.getByRole('form', { name: 'Export' });
    await form.getByLabel('Report').selectOption('performance');
    await form.getByLabel('Format').selectOption('csv');
    // the keyboard works: focus the button and press Enter
    await form.getByRole('button', { name: 'Download', exact: true }).focus();
    const [csv] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')]);
    expect(csv.suggestedFilename()).toMatch(
      new RegExp(`^pulse-performance-monthly-\\d{4}-\\d{2}-01-team-${enterprise}\\.csv$`),
    );
    const text = await readFile(await csv.path(), 'utf8');
    const [header, ...rows] = text
      .replace(/^\uFEFF/, '')
      .trim()
      .split(/\r?\n/);
    expect(header?.split(',').slice(0, 3)).toEqual(['user_id', 'user_name', 'period_type']);
    const john = rows.find((row) => row.includes('John Smith'));
    expect(john).toContain('15000.00'); // the seed's month for John, in the REST API's columns
    expect(rows.map((row) => row.split(',')[1]).sort()).toEqual(sellers.sort()); // Enterprise only
    await waitText(page, '.export [role="status"]', `Saved ${csv.suggestedFilename()}`);
    await screenshot(page, 'dashboard-export');

    await form.getByLabel('Report').selectOption('leaderboard');
    await form.getByLabel('Format').selectOption('xlsx');
    const [xlsx] = await Promise.all([
      page.waitForEvent('download'),
      form.getByRole('button', { name: 'Download', exact: true }).click(),
    ]);
    expect(xlsx.suggestedFilename()).toMatch(/^pulse-leaderboard-monthly-.*\.xlsx$/);
    expect((await readFile(await xlsx.path())).subarray(0, 2).toString()).toBe('PK'); // a zip: OOXML

    expect(exports).toHaveLength(2);
    for (const request of exports) {
      expect(request.authorization).toMatch(/^Bearer /);
      expect(request.url).not.toContain(request.authorization?.slice(7) ?? '-'); // never in the URL
    }
    expect(errors).toEqual([]);
    await context.close();
  });

  it('downloads the PDF report of the team shown, beside the table exports', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH));
    await page.goto('/team');
    const teams = await server.gql<{ teams: { id: string; name: string }[] }>(SARAH, '{ teams { id name } }');
    const enterprise = teams.teams.find((t) => t.name === 'Enterprise')?.id ?? '';
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption(enterprise);
    await waitText(page, '.team-section h3', 'Enterprise');
    const button = page
      .getByRole('form', { name: 'Export' })
      .getByRole('button', { name: 'Download PDF report' });
    const [download, response] = await Promise.all([
      page.waitForEvent('download'),
      page.waitForResponse((r) => new URL(r.url()).pathname === '/export/report'),
      button.click(),
    ]);
    expect(response.status()).toBe(200);
    expect(response.headers()['content-type']).toBe('application/pdf');
    expect(new URL(response.url()).searchParams.get('team_id')).toBe(enterprise);
    expect(response.request().headers().authorization).toMatch(/^Bearer /);
    expect(download.suggestedFilename()).toMatch(
      new RegExp(`^pulse-report-monthly-\\d{4}-\\d{2}-01-team-${enterprise}\\.pdf$`),
    );
    const bytes = await readFile(await download.path());
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await waitText(page, '.export [role="status"]', `Saved ${download.suggestedFilename()}`);
    await screenshot(page, 'dashboard-export-pdf');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('offers a VIEWER the leaderboard export only', async () => {
    const { context, page, errors } = await signedInPage(
      browser,
      server.url,
      await server.token('tv@example.com'),
      { width: 1280, height: 900 },
    );
    await page.goto('/leaderboard');
    const report = page.getByRole('form', { name: 'Export' }).getByLabel('Report');
    await report.waitFor();
    expect(await report.locator('option').allTextContents()).toEqual(['Leaderboard']);
    // a report is people's figures: no PDF for a screen
    expect(await page.getByRole('button', { name: 'Download PDF report' }).count()).toBe(0);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download', exact: true }).click(),
    ]);
    expect(await readFile(await download.path(), 'utf8')).toContain('user_name');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows an earlier period’s cards and leaderboard when the period picker steps back', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(JOHN));
    await page.goto('/leaderboard');
    await waitText(page, '.cards', '$15,000');
    await waitText(page, '.leaderboard-tab .live-chip', 'Live');

    // what the picker asks the server for: the previous quarter of the organisation's today
    const { clock } = await server.gql<{ clock: { today: string } }>(JOHN, '{ clock { today } }');
    const date = shiftPeriod('QUARTERLY', clock.today, -1);
    const expected = await server.gql<{
      performance: {
        periodStart: string;
        revenue: string;
        ordersWon: number;
        conversionRate: number | null;
        leadsCreated: number;
        winRate: number | null;
        opportunitiesLost: number;
      };
      leaderboard: { entries: { user: { name: string }; revenue: string }[] };
    }>(
      JOHN,
      `query($u: ID!, $d: Date) {
        performance(userId: $u, periodType: QUARTERLY, date: $d) {
          periodStart revenue ordersWon conversionRate leadsCreated winRate opportunitiesLost
        }
        leaderboard(metric: REVENUE, periodType: QUARTERLY, date: $d, limit: 25) {
          entries { user { name } revenue }
        }
      }`,
      { u: johnId, d: date },
    );
    const p = expected.performance;
    expect(p.periodStart).toBe(date);
    expect(p.revenue).not.toBe('15000.00'); // the seed's quarter differs from this month's sample
    expect(expected.leaderboard.entries.length).toBeGreaterThan(3);

    const picker = page.getByRole('group', { name: 'Period' });
    await picker.getByRole('combobox').selectOption('QUARTERLY');
    await waitText(page, '.period-label', 'current');
    await picker.getByRole('button', { name: 'Previous quarter' }).click();
    const label = periodLabel('QUARTERLY', date);
    await waitText(page, '.period-label', label);
    expect(await page.locator('.period-label').textContent()).not.toContain('current');

    // the four cards: that quarter's figures
    const cards = page.locator(`.cards[aria-label="John Smith: ${label}"][aria-busy="false"]`);
    await cards.waitFor();
    const card = (title: string) =>
      cards.locator('.card', { has: page.getByRole('heading', { name: title, exact: true }) });
    const text = async (title: string) => [
      await card(title).locator('.stat-value').textContent(),
      await card(title).locator('.stat-sub').textContent(),
    ];
    // each rate with its base, pluralised by the platform's rules (client/src/lib/standing.ts)
    const figures = {
      ordersWon: p.ordersWon,
      leadsCreated: p.leadsCreated,
      opportunitiesClosed: p.ordersWon + p.opportunitiesLost,
    };
    expect(await text('Revenue')).toEqual([
      formatMoney(p.revenue),
      `${countOf(p.ordersWon, NOUNS.order)} · ${label}`,
    ]);
    expect(await text('Conversion rate')).toEqual([
      formatPercent(p.conversionRate),
      p.leadsCreated === 0 ? 'no leads yet' : rateBase('CONVERSION_RATE', figures),
    ]);
    expect(await text('Win rate')).toEqual([
      formatPercent(p.winRate),
      figures.opportunitiesClosed === 0 ? 'no closed opportunities yet' : rateBase('WIN_RATE', figures),
    ]);

    // the leaderboard: that quarter's ranking, a plain query (not live)
    await waitText(page, '.leaderboard-tab h2', label);
    expect(await page.locator('.leaderboard-tab .live-chip').count()).toBe(0);
    const rows = await page
      .locator('table.board tbody tr')
      .evaluateAll((trs) =>
        trs.map((tr) => [
          tr.querySelector('th')?.firstChild?.textContent,
          tr.querySelector('td.num')?.textContent,
        ]),
      );
    expect(rows).toEqual(expected.leaderboard.entries.map((e) => [e.user.name, formatMoney(e.revenue)]));
    await screenshot(page, 'dashboard-previous-quarter');

    // and back to the current period
    await picker.getByRole('button', { name: 'Back to current' }).click();
    await waitText(page, '.period-label', 'current');
    await waitText(page, '.leaderboard-tab .live-chip', 'Live');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('screenshots every tab for a manager at 1920x1080 and 1280x720', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH));
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const tab of ['goals', 'leaderboard', 'achievements', 'team', 'trends']) {
        // a manager lands on the whole team; trends are one person's
        await page.goto(tab === 'trends' ? `/trends?person=${johnId}` : `/${tab}`);
        await page.locator('.tabpanel').waitFor();
        await page.waitForLoadState('networkidle');
        if (tab === 'trends') await page.locator('.recharts-surface').nth(1).waitFor({ timeout: 20_000 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        expect(overflow, `sideways scrolling on ${tab} at ${width}x${height}`).toBeLessThanOrEqual(0);
        await screenshot(page, width === 1920 ? `dashboard-${tab}` : `dashboard-${tab}-${width}x${height}`);
      }
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/goals');
    await page.locator('.goal-list').first().waitFor();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow).toBeLessThanOrEqual(0); // no sideways scrolling at phone width
    await screenshot(page, 'dashboard-phone');
    expect(errors).toEqual([]);
    await context.close();
  });

  // last: it changes John's figures, which the tests above read
  it('refreshes the summary cards and the Team tab when activity is recorded, without polling', async () => {
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH));
    await page.goto('/team');
    await page.getByRole('combobox', { name: 'Person' }).selectOption(johnId);
    await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption({ label: 'Enterprise' });
    await waitText(page, '.cards', '$15,000');
    await waitText(page, '.member', 'John Smith');
    expect(await page.locator('.member', { hasText: 'John Smith' }).textContent()).toContain('$15,000');
    await page.waitForLoadState('networkidle');

    await server.gql(
      ADMIN,
      `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
      {
        a: [
          {
            userId: johnId,
            kind: 'ORDER_WON',
            amount: '1234.56',
            occurredAt: new Date().toISOString(),
            externalId: `browser-live-${Date.now()}`,
          },
        ],
      },
    );
    // the fallback poll is a minute and off while the socket is up: this is the push
    const cards = await waitText(page, '.cards', '$16,234.56', 8_000);
    expect(cards).toContain('4 orders');
    await waitText(page, '.member', '$16,234.56', 8_000);
    await screenshot(page, 'dashboard-live-figures');
    expect(errors).toEqual([]);
    await context.close();
  });
});
