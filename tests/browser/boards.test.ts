/**
 * Boards and the TV that mean something (issue 21, items 1-3, 8 and 15-18), in a real browser
 * against the real server with the demo organisation, at 1280x720 and 1920x1080, with a team and a
 * rep whose names are long. Expectations come from the API (the demo's figures depend on the day
 * it is seeded): the ranks, gaps, minimum samples and standings the screens show are the server's.
 * - a morning board says "No sales yet today — be the first" (dashboard and TV), and the first
 *   sale gives one gold medal, not a silver and a red arrow to everyone else;
 * - rate boards say from what sample they rank, and show each rate with its base;
 * - words are pluralised by the platform's rules, projections rounded and hidden once achieved;
 * - a rep's cards say where they stand, and their own row is marked and pinned below the top 25;
 * - the TV's goals screen pages through every goal, at-risk first;
 * - long names end in an ellipsis without pushing the status, percentage, date or clock out;
 * - the TV's secondary figures are large enough to read across a room;
 * - the TV's message for a refused token says where a good token comes from.
 * Screenshots land in test-results/screenshots (not committed).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countOf, formatCount, formatPercent, NOUNS } from '../../client/src/lib/format.ts';
import { rateBase, standingText } from '../../client/src/lib/standing.ts';
import type { LeaderboardFigures } from '../support/graphql.ts';
import { chromiumPath, launchBrowser, noScrollbars, screenshot, signedInPage } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const ADMIN = 'admin@example.com';
const VIEWER = 'tv@example.com';
const SARAH = 'sarah.mitchell@example.com'; // manages Enterprise

const LONG_TEAM = 'Northern Territories Strategic Enterprise Accounts and Partnerships Group';
const LONG_REP = 'Maximiliana Alexandra Konstantinopoulou-Wetherington-Smythe';
const SIZES = [
  [1280, 720],
  [1920, 1080],
] as const;

let server: BrowserServer;
let browser: Browser;
let longTeam: string;
let pinTeam: string;
const people = new Map<string, { id: string; email: string }>();
let serial = 0;

const gql = <T>(query: string, variables?: Record<string, unknown>, as = ADMIN) =>
  server.gql<T>(as, query, variables);

async function createUser(name: string, teamId: string): Promise<{ id: string; email: string }> {
  const email = `${name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.|\.$/g, '')}@example.com`;
  const { createUser: user } = await gql<{ createUser: { id: string } }>(
    'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
    { i: { name, email, role: 'REP', teamId } },
  );
  const person = { id: user.id, email };
  people.set(name, person);
  return person;
}

/** Activities of one person, now; `amount` for orders. */
async function record(name: string, kind: string, count = 1, amount?: string): Promise<void> {
  const who = people.get(name);
  if (!who) throw new Error(`no ${name}`);
  const at = new Date().toISOString();
  await gql('mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }', {
    a: Array.from({ length: count }, () => ({
      userId: who.id,
      kind,
      occurredAt: at,
      externalId: `boards-${Date.now()}-${(serial += 1)}`,
      ...(amount === undefined ? {} : { amount }),
    })),
  });
}

interface ApiStanding {
  rank: number | null;
  sample: number | null;
  gap: number | null;
  ahead: { user: { name: string } } | null;
  entry: { rank: number } | null;
}
interface ApiBoard {
  metric: 'REVENUE' | 'ORDERS' | 'CONVERSION_RATE' | 'WIN_RATE';
  periodType: 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'QUARTERLY' | 'YEARLY';
  periodStart: string;
  minimumSample: number | null;
  totalEntries: number;
  entries: (LeaderboardFigures & { user: { id: string; name: string } })[];
  standing: ApiStanding | null;
}

async function apiBoard(
  args: { metric?: string; periodType?: string; teamId?: string | null; limit?: number; userId?: string },
  as = ADMIN,
): Promise<ApiBoard> {
  const data = await gql<{ leaderboard: ApiBoard }>(
    `query($m: LeaderboardMetric, $p: PeriodType, $t: ID, $l: Int, $u: ID!, $s: Boolean!) {
      leaderboard(metric: $m, periodType: $p, teamId: $t, limit: $l) {
        metric periodType periodStart minimumSample totalEntries
        entries { rank medal revenue ordersWon leadsCreated opportunitiesClosed conversionRate user { id name } }
        standing(userId: $u) @include(if: $s) { rank sample gap ahead { user { name } } entry { rank } }
      }
    }`,
    {
      m: args.metric ?? 'REVENUE',
      p: args.periodType ?? 'MONTHLY',
      t: args.teamId ?? null,
      l: args.limit ?? 10,
      u: args.userId ?? '',
      s: args.userId !== undefined,
    },
    as,
  );
  return data.leaderboard;
}

async function openTv(token: string, query: string, width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height }, baseURL: server.url });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/tv?token=${encodeURIComponent(token)}&${query}`);
  return { context, page, errors };
}

/** The element's box lies within the container's (and the viewport's), with no overflow. */
async function inside(page: Page, child: string, container: string): Promise<boolean> {
  return page.evaluate(
    ([c, p]) => {
      const el = document.querySelector(c);
      const box = el?.closest(p) ?? document.documentElement;
      if (!el) return false;
      const a = el.getBoundingClientRect();
      const b = p === 'html' ? new DOMRect(0, 0, innerWidth, innerHeight) : box.getBoundingClientRect();
      return a.width > 0 && a.left >= b.left - 0.5 && a.right <= b.right + 0.5 && a.right <= innerWidth;
    },
    [child, container] as const,
  );
}

const truncated = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => el.scrollWidth > el.clientWidth);

const fontPx = (page: Page, selector: string) =>
  page
    .locator(selector)
    .first()
    .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));

describe.skipIf(!chromiumPath)('boards and the TV in the browser', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    const team = async (name: string) =>
      (
        await gql<{ createTeam: { id: string } }>(
          'mutation($i: CreateTeamInput!) { createTeam(input: $i) { id } }',
          {
            i: { name },
          },
        )
      ).createTeam.id;
    longTeam = await team(LONG_TEAM);
    pinTeam = await team('Pinboard');
    for (const name of [LONG_REP, 'Rita Rate', 'Una Single']) await createUser(name, longTeam);
    // 26 sellers ahead of Pat on their team's board, which shows 25
    for (let i = 1; i <= 26; i += 1) {
      const name = `Pin Seller ${String(i).padStart(2, '0')}`;
      await createUser(name, pinTeam);
      await record(name, 'ORDER_WON', 1, `${1000 + i * 10}.00`);
    }
    await createUser('Pat Pinned', pinTeam);
    await record('Pat Pinned', 'ORDER_WON', 1, '100.00');
    const { demo } = await gql<{ demo: { id: string; name: string; email: string }[] }>(
      '{ demo: users { id name email } }',
    );
    for (const u of demo) if (!people.has(u.name)) people.set(u.name, { id: u.id, email: u.email });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('says "No sales yet today — be the first" on a morning board, then ranks the first seller alone', async () => {
    const board = await apiBoard({ periodType: 'DAILY', teamId: longTeam, userId: people.get(LONG_REP)?.id });
    expect(board.entries).toEqual([]); // nobody in the team has sold today (computed, not assumed)
    expect(board.standing).toMatchObject({ rank: null });
    const rep = people.get(LONG_REP)!;
    const viewerToken = await server.token(VIEWER);
    for (const [width, height] of SIZES) {
      const { context, page, errors } = await signedInPage(
        browser,
        server.url,
        await server.token(rep.email),
        {
          width,
          height,
        },
      );
      await page.goto('/leaderboard');
      await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption(longTeam);
      await page.getByRole('group', { name: 'Period' }).getByRole('combobox').selectOption('DAILY');
      const empty = page.locator('.leaderboard-tab [data-empty-board]');
      await empty.filter({ hasText: 'No sales yet today — be the first' }).waitFor();
      expect(await page.locator('.leaderboard-tab .standing').textContent()).toBe(
        'You: not ranked yet — no sales today',
      );
      expect(await page.locator('table.board').count()).toBe(0);
      await screenshot(page, `board-morning-dashboard-${width}x${height}`);
      expect(errors).toEqual([]);
      await context.close();

      const tv = await openTv(
        viewerToken,
        `team=${longTeam}&period=DAILY&metric=REVENUE&rotate=0`,
        width,
        height,
      );
      await tv.page.locator('.tv-empty', { hasText: 'No sales yet today — be the first' }).waitFor();
      expect(await tv.page.locator('.tv-row').count()).toBe(0);
      // the long team name ends in an ellipsis; the date and the clock stay on the screen
      expect(await truncated(tv.page, '.tv-board h1')).toBe(true);
      expect(await inside(tv.page, '.tv-board .tv-clock', 'html')).toBe(true);
      await noScrollbars(tv.page);
      await screenshot(tv.page, `tv-morning-${width}x${height}`);
      expect(tv.errors).toEqual([]);
      await tv.context.close();
    }

    // the first sale: one gold medal, nobody else on the board, no arrows
    const tv = await openTv(viewerToken, `team=${longTeam}&period=DAILY&metric=REVENUE&rotate=0`, 1280, 720);
    await tv.page.locator('.tv-empty').waitFor();
    await record('Rita Rate', 'ORDER_WON', 1, '250.00');
    await tv.page.locator('.tv-row[data-user="Rita Rate"]').waitFor();
    const after = await apiBoard({ periodType: 'DAILY', teamId: longTeam });
    expect(after.entries.map((e) => [e.user.name, e.rank, e.medal])).toEqual([['Rita Rate', 1, 'GOLD']]);
    const rows = await tv.page.locator('.tv-row').evaluateAll((els) =>
      els.map((el) => ({
        user: el.getAttribute('data-user'),
        className: el.getAttribute('class') ?? '',
        down: el.querySelector('.rank-change.down') !== null,
      })),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]?.className).toContain('medal-gold');
    expect(rows.some((row) => row.down)).toBe(false);
    await screenshot(tv.page, 'tv-first-sale-1280x720');
    await tv.context.close();
  }, 120_000);

  it('ranks rates from the minimum sample the API gives, and shows each rate with its base', async () => {
    // Rita: 1 lead and 3 orders this month (300 %): below the minimum, not on the board
    await record('Rita Rate', 'LEAD_CREATED');
    await record('Rita Rate', 'ORDER_WON', 2, '100.00');
    const rita = people.get('Rita Rate')!;
    const team = await apiBoard({ metric: 'CONVERSION_RATE', teamId: longTeam, userId: rita.id });
    expect(team.minimumSample).toBeGreaterThan(1);
    expect(team.entries.some((e) => e.user.name === 'Rita Rate')).toBe(false);
    expect(team.standing).toMatchObject({ rank: null, sample: 1 });
    const minimum = `Ranked from ${countOf(team.minimumSample ?? 0, NOUNS.lead)}`;
    const all = await apiBoard({ metric: 'CONVERSION_RATE' });
    const viewerToken = await server.token(VIEWER);
    for (const [width, height] of SIZES) {
      const mine = await openTv(
        viewerToken,
        `team=${longTeam}&metric=CONVERSION_RATE&rotate=0`,
        width,
        height,
      );
      await mine.page.locator('.tv-empty', { hasText: minimum }).waitFor();
      expect(await mine.page.locator('.tv-empty-title').textContent()).toBe(
        `No one has ${countOf(team.minimumSample ?? 0, NOUNS.lead)} yet this month`,
      );
      expect(await mine.page.locator('body').textContent()).not.toContain('300');
      await screenshot(mine.page, `tv-conversion-minimum-${width}x${height}`);
      await mine.context.close();

      const org = await openTv(viewerToken, 'metric=CONVERSION_RATE&rotate=0', width, height);
      await org.page.locator('.tv-board .tv-minimum', { hasText: minimum }).waitFor();
      if (all.entries.length === 0) {
        await org.page.locator('.tv-empty').waitFor();
      } else {
        await org.page.locator('.tv-row').first().waitFor();
        const shown = await org.page
          .locator('.tv-row')
          .evaluateAll((els) =>
            els.map((el) => [
              el.getAttribute('data-user'),
              el.querySelector('.tv-value')?.textContent,
              el.querySelector('.tv-secondary')?.textContent,
            ]),
          );
        expect(shown).toEqual(
          all.entries.map((e) => [
            e.user.name,
            formatPercent(e.conversionRate),
            rateBase('CONVERSION_RATE', e),
          ]),
        );
        expect(all.entries.every((e) => e.leadsCreated >= (all.minimumSample ?? 0))).toBe(true);
      }
      await noScrollbars(org.page);
      await screenshot(org.page, `tv-conversion-${width}x${height}`);
      await org.context.close();
    }

    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH), {
      width: 1280,
      height: 720,
    });
    await page.goto('/leaderboard');
    await page.getByRole('group', { name: 'Rank by' }).getByRole('button', { name: 'Conversion' }).click();
    await page.locator('.leaderboard-tab .board-rule', { hasText: minimum }).waitFor();
    expect(await page.locator('.leaderboard-tab .board-rule').textContent()).toContain('can pass 100 %');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('pluralises, shows rates with their base, rounds projections and hides them on achieved goals', async () => {
    await record('Una Single', 'LEAD_CREATED');
    await record('Una Single', 'ORDER_WON', 1, '500.00');
    const una = people.get('Una Single')!;
    const text = async (page: Page, title: string) =>
      page
        .locator('.cards .card', { has: page.getByRole('heading', { name: title, exact: true }) })
        .locator('.stat-sub')
        .textContent();
    const single = await signedInPage(browser, server.url, await server.token(una.email), {
      width: 1280,
      height: 720,
    });
    await single.page.goto('/leaderboard');
    await single.page.locator('.cards[aria-busy="false"]').waitFor();
    await single.page.locator('.cards', { hasText: '$500' }).waitFor();
    expect(await text(single.page, 'Revenue')).toMatch(/^1 order · /);
    expect(await text(single.page, 'Conversion rate')).toBe('1 order from 1 lead');
    expect(await text(single.page, 'Win rate')).toBe('1 won of 1 closed opportunity');
    const body = (await single.page.locator('body').textContent()) ?? '';
    expect(body).not.toMatch(/\b1 (leads|orders|opportunities|closed opportunities)\b/);
    await single.context.close();

    // John: the cards' bases are his figures as the API gives them
    const john = people.get('John Smith')!;
    const { performance: p } = await gql<{
      performance: { ordersWon: number; leadsCreated: number; opportunitiesLost: number };
    }>(
      'query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { ordersWon leadsCreated opportunitiesLost } }',
      {
        u: john.id,
      },
    );
    const { context, page, errors } = await signedInPage(browser, server.url, await server.token(SARAH), {
      width: 1920,
      height: 1080,
    });
    await page.goto('/goals');
    await page.getByRole('combobox', { name: 'Person' }).selectOption(john.id);
    await page.locator('.cards[aria-label^="John Smith"][aria-busy="false"]').waitFor();
    expect(await text(page, 'Conversion rate')).toBe(
      `${countOf(p.ordersWon, NOUNS.order)} from ${countOf(p.leadsCreated, NOUNS.lead)}`,
    );
    expect(await text(page, 'Win rate')).toBe(
      `${formatCount(p.ordersWon)} won of ${countOf(p.ordersWon + p.opportunitiesLost, NOUNS.closedOpportunity)}`,
    );

    // projections: two significant figures at most, none on achieved goals
    const { goals } = await gql<{ goals: { id: string; status: string; metric: string }[] }>(
      '{ goals { id status metric } }',
      {},
      SARAH,
    );
    expect(goals.some((g) => g.status === 'ACHIEVED')).toBe(true);
    await page.locator('.goal-list .goal').first().waitFor();
    for (const goal of goals) {
      const card = page.locator(`.goal-list .goal[data-goal-id="${goal.id}"]`);
      if ((await card.count()) === 0) continue;
      const projected = card.locator('.goal-projected');
      if (goal.status === 'ACHIEVED' || goal.status === 'MISSED') {
        expect(await projected.count()).toBe(0);
        continue;
      }
      const shown = (await projected.textContent()) ?? '';
      expect(shown).toMatch(/^≈ /);
      const digits = shown.replace(/[^\d]/g, '').replace(/^0+|0+$/g, '');
      expect(digits.length, `${goal.metric} projection ${shown}`).toBeLessThanOrEqual(2);
    }
    await screenshot(page, 'dashboard-goals-projections-1920x1080');
    expect(errors).toEqual([]);
    await context.close();

    // a badge's celebration says what was reached once, without a bare "(10,000)" after it
    const tv = await openTv(await server.token(VIEWER), 'metric=REVENUE&rotate=0', 1280, 720);
    await tv.page.locator('.tv-board').waitFor();
    await tv.page.waitForFunction(() => document.querySelector('.tv-board')?.getAttribute('data-version'));
    await gql(
      `mutation($u: ID!) { recordAchievement(input: { userId: $u, title: "Big Month", badgeIcon: "💰", kind: "Revenue", description: "Reached $10,000 in revenue", value: 10000 }) { id } }`,
      { u: una.id },
    );
    const banner = tv.page.locator('.tv-celebration', { hasText: 'Big Month' });
    await banner.waitFor();
    expect(await banner.locator('.tv-celebration-description').textContent()).toBe(
      'Reached $10,000 in revenue',
    );
    await tv.context.close();
  }, 120_000);

  it('shows a rep where they stand on the cards and pins their own row below the top 25', async () => {
    const pat = people.get('Pat Pinned')!;
    for (const [width, height] of SIZES) {
      const { context, page, errors } = await signedInPage(
        browser,
        server.url,
        await server.token(pat.email),
        {
          width,
          height,
        },
      );
      await page.goto('/leaderboard');
      // the cards: the revenue board of the month, as the API ranks it
      const month = await apiBoard({ userId: pat.id, limit: 1 });
      expect(month.standing?.rank).toBeGreaterThan(1);
      const expected = standingText('You', month.standing!, month, true, '');
      expect(expected).toMatch(/^You: #\d+ — \$[\d,.]+ behind .+$/);
      await page.locator('.cards .stat-standing', { hasText: `${expected} · all teams` }).waitFor();

      // the team's board shows 25 of 27; Pat's own row is pinned below them, marked "You"
      await page.getByRole('combobox', { name: 'Team', exact: true }).selectOption(pinTeam);
      const team = await apiBoard({ teamId: pinTeam, userId: pat.id, limit: 25 });
      expect(team.entries).toHaveLength(25);
      expect(team.entries.some((e) => e.user.name === 'Pat Pinned')).toBe(false);
      const pinned = page.locator('table.board tr.me.pinned');
      await pinned.waitFor();
      expect(await pinned.locator('.rank-number').textContent()).toBe(String(team.standing?.entry?.rank));
      expect(await pinned.locator('.you-chip').textContent()).toBe('You');
      expect(await page.locator('table.board tbody tr:not(.pinned-gap)').count()).toBe(26);
      expect(await page.locator('.leaderboard-tab .standing').textContent()).toBe(
        standingText('You', team.standing!, team, true, ''),
      );
      // marked by a bar and a tint, not by an underline that reads as a link
      const mark = await pinned.evaluate((row) => ({
        underline: getComputedStyle(row.querySelector('th')!).textDecorationLine,
        bar: getComputedStyle(row).boxShadow,
      }));
      expect(mark.underline).toBe('none');
      expect(mark.bar).toContain('inset');
      await page.locator('.cards').scrollIntoViewIfNeeded();
      await screenshot(page, `dashboard-rep-cards-${width}x${height}`);
      await pinned.scrollIntoViewIfNeeded();
      await screenshot(page, `dashboard-rep-pinned-${width}x${height}`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      expect(errors).toEqual([]);
      await context.close();
    }
  }, 120_000);

  it('pages through every goal on the TV, at-risk first, with long names kept inside their cards', async () => {
    const month = (
      await gql<{ performance: { periodStart: string } }>(
        'query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { periodStart } }',
        { u: people.get(LONG_REP)!.id },
      )
    ).performance.periodStart;
    const goal = (owner: Record<string, string>, metric: string, targetValue: number) =>
      gql('mutation($i: CreateGoalInput!) { createGoal(input: $i) { id } }', {
        i: { ...owner, metric, periodType: 'MONTHLY', periodStart: month, targetValue },
      });
    await goal({ userId: people.get(LONG_REP)!.id }, 'REVENUE', 900_000);
    await goal({ teamId: longTeam }, 'ORDERS', 500);

    const ORDER = ['AT_RISK', 'BEHIND', 'ON_TRACK', 'ACHIEVED', 'MISSED'];
    const { teams } = await gql<{ teams: { id: string; name: string }[] }>('{ teams { id name } }');
    const enterprise = teams.find((t) => t.name === 'Enterprise')!.id;
    const { goals } = await gql<{
      goals: {
        id: string;
        status: string;
        team: { id: string } | null;
        user: { team: { id: string } | null } | null;
      }[];
    }>('{ goals { id status team { id } user { team { id } } } }', {}, SARAH);
    const theirs = goals.filter((g) => (g.team?.id ?? g.user?.team?.id) === enterprise);
    expect(theirs.length).toBeGreaterThan(8); // more than one page
    const token = await server.token(SARAH);
    for (const [width, height] of SIZES) {
      const { context, page, errors } = await openTv(
        token,
        `metric=GOALS&team=${enterprise}&rotate=0`,
        width,
        height,
      );
      const screen = page.locator('.tv-goals');
      await page.waitForFunction(
        (n) => document.querySelector('.tv-goals .tv-goal-count')?.textContent === `${n} active`,
        theirs.length,
        { timeout: 15_000 },
      );
      const pages = Number(await screen.getAttribute('data-pages'));
      expect(pages).toBe(Math.ceil(theirs.length / 8));
      await screenshot(page, `tv-goals-page-1-${width}x${height}`);
      const seen: { id: string; status: string }[] = [];
      for (let n = 1; n <= pages; n += 1) {
        await page.waitForFunction(
          (p) => document.querySelector('.tv-goals')?.getAttribute('data-page') === String(p),
          n,
          {
            timeout: 15_000,
          },
        );
        seen.push(
          ...(await page.locator('.tv-goal').evaluateAll((els) =>
            els.map((el) => ({
              id: el.getAttribute('data-goal-id') ?? '',
              status: el.getAttribute('data-status') ?? '',
            })),
          )),
        );
      }
      // every goal once, and no goal needing less attention before one needing more
      expect(seen.map((g) => g.id).sort()).toEqual(theirs.map((g) => g.id).sort());
      const ranks = seen.map((g) => ORDER.indexOf(g.status));
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
      if (theirs.some((g) => g.status === 'AT_RISK')) expect(seen[0]?.status).toBe('AT_RISK');
      await noScrollbars(page);
      expect(errors).toEqual([]);
      await context.close();

      // the long-named team's goals: the name ends in an ellipsis, the status and % stay in the card
      const long = await openTv(token, `metric=GOALS&team=${longTeam}&rotate=0`, width, height);
      const card = `.tv-goal[data-goal-id] .tv-goal-owner`;
      await long.page.locator('.tv-goal', { hasText: 'Maximiliana' }).waitFor({ timeout: 15_000 });
      await long.page.locator('.tv-goal', { hasText: `Team ${LONG_TEAM}` }).waitFor({ timeout: 15_000 });
      expect(await long.page.locator(card).count()).toBe(2);
      for (const owner of ['Maximiliana', `Team ${LONG_TEAM}`]) {
        const id = await long.page.locator('.tv-goal', { hasText: owner }).getAttribute('data-goal-id');
        const sel = `.tv-goal[data-goal-id="${id}"]`;
        expect(await inside(long.page, `${sel} .badge`, '.tv-goal')).toBe(true);
        expect(await inside(long.page, `${sel} .tv-goal-pct`, '.tv-goal')).toBe(true);
      }
      expect(await truncated(long.page, `.tv-goal:has-text("Maximiliana") .tv-goal-owner`)).toBe(true);
      expect(await truncated(long.page, '.tv-goals h1')).toBe(true);
      expect(await inside(long.page, '.tv-goals .tv-clock', 'html')).toBe(true);
      await noScrollbars(long.page);
      await screenshot(long.page, `tv-goals-long-names-${width}x${height}`);
      expect(long.errors).toEqual([]);
      await long.context.close();
    }
  }, 180_000);

  it('sizes the TV’s secondary figures for reading across a room', async () => {
    const token = await server.token(SARAH);
    for (const [width, height, least] of [
      [1280, 720, 22],
      [1920, 1080, 32],
    ] as const) {
      const board = await openTv(token, 'metric=REVENUE&rotate=0', width, height);
      await board.page.locator('.tv-row').first().waitFor();
      for (const selector of ['.tv-secondary', '.tv-name-team', '.tv-sub', '.tv-footer']) {
        expect(
          await fontPx(board.page, selector),
          `${selector} at ${width}x${height}`,
        ).toBeGreaterThanOrEqual(least);
      }
      await screenshot(board.page, `tv-revenue-${width}x${height}`);
      await board.context.close();
      const goals = await openTv(token, 'metric=GOALS&rotate=0', width, height);
      await goals.page.locator('.tv-goal').first().waitFor({ timeout: 15_000 });
      for (const selector of ['.tv-goal-metric', '.tv-goal .badge', '.tv-goal-target']) {
        expect(
          await fontPx(goals.page, selector),
          `${selector} at ${width}x${height}`,
        ).toBeGreaterThanOrEqual(least);
      }
      await goals.context.close();
    }
  }, 60_000);

  it('tells a screen whose token is refused where a good one comes from', async () => {
    const { context, page } = await openTv('not-a-token', 'metric=REVENUE&rotate=0', 1280, 720);
    const message = page.locator('.tv-message');
    await message.filter({ hasText: 'refused' }).waitFor({ timeout: 15_000 });
    const text = (await message.textContent()) ?? '';
    expect(text).toContain('signed with another server’s secret');
    expect(text).toContain('DATA_DIR');
    expect(text).toContain('npm run --silent token -- tv@example.com');
    await screenshot(page, 'tv-refused-token-1280x720');
    await context.close();
  });
});
