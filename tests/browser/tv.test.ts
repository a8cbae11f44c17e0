/**
 * The office TV page in a real browser against the real server with the demo organisation: live
 * updates without a reload when activities are recorded through the API, a celebration when a
 * badge is awarded, the reconnecting state and recovery across a server restart, a screen pinned
 * by the URL to one board and team, the rotation (goals only for tokens that may read them), each
 * row's move since the previous period's close (the API's previousRank), and a layout without
 * scrollbars at 1920x1080 and 1280x720. Screenshots land in test-results/screenshots (not committed).
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatCount, formatMoney, sumMoney } from '../../client/src/lib/format.ts';
import { periodLabel, periodTick, shiftPeriod, todayIn } from '../../client/src/lib/periods.ts';
import { chromiumPath, launchBrowser, noScrollbars, screenshot } from './support/browser.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';

const ADMIN = 'admin@example.com';
const VIEWER = 'tv@example.com';
const SARAH = 'sarah.mitchell@example.com';

let server: BrowserServer;
let browser: Browser;
let users: Map<string, string>;
let enterprise: string;
let sale = 0;

async function recordSale(name: string, amount: string): Promise<void> {
  sale += 1;
  await server.gql(
    ADMIN,
    `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
    {
      a: [
        {
          userId: users.get(name),
          kind: 'ORDER_WON',
          amount,
          occurredAt: new Date().toISOString(),
          externalId: `tv-test-${Date.now()}-${sale}`,
        },
      ],
    },
  );
}

/** The seller's revenue on the board's period (this month) as the server reports it now. */
async function monthRevenue(name: string): Promise<string> {
  const data = await server.gql<{ performance: { revenue: string } }>(
    ADMIN,
    `query($u: ID!) { performance(userId: $u, periodType: MONTHLY) { revenue } }`,
    { u: users.get(name) },
  );
  return data.performance.revenue;
}

async function openTv(
  token: string,
  query: string,
  viewport = { width: 1920, height: 1080 },
  timezoneId?: string,
  /** Set the context up before the page loads (an init script, a fake clock). */
  prepare?: (context: BrowserContext) => Promise<unknown>,
) {
  const context = await browser.newContext({
    viewport,
    baseURL: server.url,
    ...(timezoneId ? { timezoneId } : {}),
  });
  if (prepare) await prepare(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`/tv?token=${encodeURIComponent(token)}&${query}`);
  return { context, page, errors };
}

/**
 * The organisation's clock, and a zone a screen can be in whose date is not the organisation's
 * (UTC+14 and UTC-11 are never on the same day, so one of them differs).
 */
async function otherDayZone(email: string): Promise<{ clock: { today: string; now: string }; zone: string }> {
  const { clock } = await server.gql<{ clock: { today: string; now: string } }>(
    email,
    '{ clock { today now } }',
  );
  const zone = ['Pacific/Kiritimati', 'Pacific/Pago_Pago'].find(
    (z) => todayIn(z, new Date(clock.now)) !== clock.today,
  )!;
  return { clock, zone };
}

const firstRow = (page: Page, metric = 'REVENUE') =>
  page.locator(`.tv-board[data-metric="${metric}"] .tv-row`).first();

async function waitFirst(page: Page, name: string, metric = 'REVENUE', timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    ([m, n]) =>
      document.querySelector(`.tv-board[data-metric="${m}"] .tv-row`)?.getAttribute('data-user') === n,
    [metric, name] as const,
    { timeout },
  );
}

describe.skipIf(!chromiumPath)('TV mode in the browser', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    const data = await server.gql<{
      users: { id: string; name: string }[];
      teams: { id: string; name: string }[];
    }>(ADMIN, '{ users { id name } teams { id name } }');
    users = new Map(data.users.map((u) => [u.name, u.id]));
    enterprise = data.teams.find((t) => t.name === 'Enterprise')?.id ?? '';
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('updates the board without a reload, celebrates a badge, and recovers after a server restart', async () => {
    const { context, page, errors } = await openTv(await server.token(VIEWER), 'metric=REVENUE&rotate=0');
    await firstRow(page).waitFor();
    await page.evaluate(() => ((window as unknown as { marker: string }).marker = 'same page'));
    const nodes = () => page.evaluate(() => document.getElementsByTagName('*').length);

    // what the demo holds for this month depends on the day it is seeded: read it, then add to it
    const seeded = await monthRevenue('Liam Walker');
    await recordSale('Liam Walker', '500000.00');
    await waitFirst(page, 'Liam Walker');
    expect(await firstRow(page).textContent()).toContain(formatMoney(sumMoney([seeded, '500000.00'])));

    // a burst of updates leaves the page the same size: boards are replaced, not appended
    const before = await nodes();
    for (let i = 0; i < 5; i++) await recordSale('Liam Walker', '1.00');
    await firstRow(page)
      .filter({ hasText: formatMoney(sumMoney([seeded, '500005.00'])) })
      .waitFor();
    expect(Math.abs((await nodes()) - before)).toBeLessThanOrEqual(12);

    await server.gql(
      ADMIN,
      `mutation($u: ID!) { recordAchievement(input: { userId: $u, title: "Whale Hunter", badgeIcon: "🐋", kind: "Revenue", description: "Closed a $500K deal", value: 500000 }) { id } }`,
      { u: users.get('Liam Walker') },
    );
    await page.locator('.tv-celebration', { hasText: 'Whale Hunter' }).waitFor();
    await page.waitForTimeout(700); // let the entrance animation finish for the screenshot
    expect(await page.locator('.tv-celebration').textContent()).toContain('Liam Walker');
    await screenshot(page, 'tv-celebration-1920x1080');
    await noScrollbars(page);

    // the server goes away: the screen says so, keeps the last figures, and comes back by itself
    await server.stop();
    await page.locator('.connection[data-phase="reconnecting"]').waitFor({ timeout: 15_000 });
    expect(await page.locator('.connection').textContent()).toContain('Reconnecting');
    await screenshot(page, 'tv-reconnecting');
    expect(await firstRow(page).getAttribute('data-user')).toBe('Liam Walker');
    await server.start();
    await page.locator('.connection[data-phase="connected"]').waitFor({ state: 'attached', timeout: 30_000 });
    await recordSale('Ava Thompson', '900000.00');
    await waitFirst(page, 'Ava Thompson', 'REVENUE', 20_000);
    expect(await page.evaluate(() => (window as unknown as { marker?: string }).marker)).toBe('same page');
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);

  it('keeps its boards on screen when it learns the organisation’s zone: no blank frame, one stage', async () => {
    // the screen's own date is not the organisation's: until `me` answers, its clock reads its
    // own date, then the organisation's. The boards
    // already show the server's periods, so learning the zone must not remount (blank) them;
    // only a midnight in the organisation's zone does.
    const { clock, zone } = await otherDayZone(ADMIN);
    const { context, page, errors } = await openTv(
      await server.token(VIEWER),
      'metric=REVENUE&rotate=0',
      undefined,
      zone,
      (context) =>
        context.addInitScript(() => {
          // counts every stage and every board row list ever attached, from before the page's script runs
          const seen = { stages: 0, emptied: 0 };
          (window as unknown as { seen: typeof seen }).seen = seen;
          new MutationObserver((records) => {
            for (const r of records) {
              for (const n of r.addedNodes) {
                if (n instanceof Element)
                  seen.stages += n.matches('.tv-stage') ? 1 : n.querySelectorAll('.tv-stage').length;
              }
              for (const n of r.removedNodes)
                if (n instanceof Element && n.querySelector('.tv-row')) seen.emptied += 1;
            }
          }).observe(document, { childList: true, subtree: true });
        }),
    );
    await firstRow(page).waitFor();
    await page.locator(`.tv-stage[data-date="${clock.today}"]`).waitFor();
    expect(await page.evaluate(() => (window as unknown as { seen: unknown }).seen)).toEqual({
      stages: 1,
      emptied: 0,
    });
    expect(await page.locator('.tv-stage').getAttribute('data-day')).toBe('0');
    expect(await page.locator('.tv-board[data-metric="REVENUE"] .tv-row').count()).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('starts its feeds again at the organisation’s midnight, once, with the new date', async () => {
    // the page's clock is a fake one set half a minute before the next midnight in the
    // organisation's zone; moving it a minute on crosses that midnight: one new stage, one new
    // snapshot per board (the server's own period is whatever its clock says: rows come back)
    const { clock } = await server.gql<{ clock: { today: string; now: string; timeZone: string } }>(
      ADMIN,
      '{ clock { today now timeZone } }',
    );
    const now = new Date(clock.now).getTime();
    let minutes = 1;
    while (todayIn(clock.timeZone, new Date(now + minutes * 60_000)) === clock.today) minutes += 1;
    const midnight = Math.floor((now + minutes * 60_000) / 60_000) * 60_000; // zones change day on a minute
    const after = todayIn(clock.timeZone, new Date(midnight));
    const { context, page, errors } = await openTv(
      await server.token(VIEWER),
      'metric=REVENUE&rotate=0',
      undefined,
      undefined,
      (context) => context.clock.install({ time: midnight - 30_000 }),
    );
    await firstRow(page).waitFor();
    await page.locator(`.tv-stage[data-day="0"][data-date="${clock.today}"]`).waitFor();
    await page.clock.fastForward(60_000);
    await page.locator(`.tv-stage[data-day="1"][data-date="${after}"]`).waitFor();
    await firstRow(page).waitFor();
    expect(await page.locator('.tv-stage').count()).toBe(1);
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  it('shows a team’s goals to a manager token, pinned by the URL, and moves them live', async () => {
    // the screen is in a zone whose date is not the organisation's: its goals are the
    // organisation's current ones all the same
    const { clock, zone } = await otherDayZone(SARAH);
    const { context, page, errors } = await openTv(
      await server.token(SARAH),
      `metric=GOALS&team=${enterprise}&rotate=0`,
      undefined,
      zone,
    );
    await page.locator(`.tv-stage[data-date="${clock.today}"]`).waitFor();
    const johnRevenue = page
      .locator('.tv-goal', { hasText: 'John Smith' })
      .filter({ hasText: 'Revenue' })
      .first();
    await johnRevenue.waitFor();
    const before = (await johnRevenue.locator('.tv-goal-current').textContent()) ?? '';
    await recordSale('John Smith', '1000.00');
    await page.waitForFunction(
      (old) =>
        [...document.querySelectorAll('.tv-goal')]
          .find((g) => g.textContent?.includes('John Smith') && g.textContent.includes('Revenue'))
          ?.querySelector('.tv-goal-current')?.textContent !== old,
      before,
      { timeout: 15_000 },
    );
    // only Enterprise goals on this screen
    const owners = await page.locator('.tv-goal-owner').allTextContents();
    expect(owners.length).toBeGreaterThan(0);
    expect(owners.some((o) => /Noah Davis|Olivia Johnson/.test(o))).toBe(false);
    await noScrollbars(page);
    await screenshot(page, 'tv-goals-1920x1080');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('pins a screen to the orders board of one team by the URL, without rotating', async () => {
    const data = await server.gql<{
      teams: { id: string; name: string; members: { name: string }[] }[];
    }>(ADMIN, '{ teams { id name members { name } } }');
    const team = data.teams.find((t) => t.name !== 'Enterprise' && t.members.length >= 2);
    if (!team) throw new Error('the demo has no second team with two members');
    const members = new Set(team.members.map((m) => m.name));
    // the board ranks only sellers with activity in the period: seconds into a month the demo has
    // none yet, so two of the team's people win an order now, whatever the calendar says
    for (const m of team.members.slice(0, 2)) await recordSale(m.name, '1200.00');
    const { entries } = (
      await server.gql<{
        leaderboard: { entries: { user: { name: string }; ordersWon: number }[] };
      }>(
        ADMIN,
        'query($t: ID) { leaderboard(metric: ORDERS, teamId: $t, limit: 10) { entries { user { name } ordersWon } } }',
        {
          t: team.id,
        },
      )
    ).leaderboard;
    expect(entries.length).toBeGreaterThan(1);

    const { context, page, errors } = await openTv(
      await server.token(VIEWER),
      `metric=ORDERS&team=${team.id}&rotate=0`,
      { width: 1280, height: 720 },
    );
    const board = page.locator('.tv-board[data-metric="ORDERS"]');
    // the board's heading names its team once a frame of that team's board is shown
    await board.locator('h1', { hasText: `· ${team.name}` }).waitFor();
    await firstRow(page, 'ORDERS').waitFor();
    expect(await board.locator('h1').textContent()).toBe(`Orders won · ${team.name}`);
    const shown = async () =>
      board
        .locator('.tv-row')
        .evaluateAll((rows) =>
          rows.map((row) => [row.getAttribute('data-user'), row.querySelector('.tv-value')?.textContent]),
        );
    const expected = entries.map((e) => [e.user.name, formatCount(e.ordersWon)]);
    // the board is live: it shows the API's answer once the frame with the two sales is in
    await expect.poll(shown, { timeout: 30_000 }).toEqual(expected);
    expect(expected.every(([name]) => members.has(name ?? ''))).toBe(true); // that team's people only

    // pinned: the one screen is the only one mounted, no rotation dots; and it stays past the
    // shortest rotation interval (5 s; the default is 20 s, and a screen that
    // ignored rotate=0 would mount every board at once, which the first check catches)
    const pinned = async () => ({
      screen: await page.locator('.tv').getAttribute('data-screen'),
      boards: await page.locator('.tv-screen').count(),
      dots: await page.locator('.tv-dots').count(),
    });
    expect(await pinned()).toEqual({ screen: 'ORDERS', boards: 1, dots: 0 });
    await page.waitForTimeout(6_000);
    expect(await pinned()).toEqual({ screen: 'ORDERS', boards: 1, dots: 0 });
    expect(await board.isVisible()).toBe(true);
    expect(await shown()).toEqual(expected);
    await noScrollbars(page);
    await screenshot(page, 'tv-orders-team-1280x720');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('rotates the boards, with goals only for a token that may read them', async () => {
    const viewer = await openTv(await server.token(VIEWER), 'rotate=5');
    await viewer.page.locator('.tv-dots li').nth(2).waitFor();
    expect(await viewer.page.locator('.tv-dots li').count()).toBe(3); // revenue, orders, conversion
    await viewer.page.waitForFunction(
      () => document.querySelector('.tv')?.getAttribute('data-screen') === 'ORDERS',
      null,
      {
        timeout: 10_000,
      },
    );
    await viewer.context.close();

    const manager = await openTv(await server.token(SARAH), `team=${enterprise}&rotate=5`);
    await manager.page.locator('.tv-dots li').nth(3).waitFor();
    expect(await manager.page.locator('.tv-dots li').count()).toBe(4); // ... and goals
    await manager.context.close();
  });

  it("shows each seller's move since the previous period's close, as the API's previousRank says", async () => {
    interface Entry {
      rank: number;
      previousRank: number | null;
      revenue: string;
      user: { name: string };
    }
    const board = async () =>
      (
        await server.gql<{ leaderboard: { periodStart: string; entries: Entry[] } }>(
          ADMIN,
          '{ leaderboard(metric: REVENUE, periodType: MONTHLY, limit: 10) { periodStart entries { rank previousRank revenue user { name } } } }',
        )
      ).leaderboard;
    // a newcomer with the month's biggest sale: #1 now, on no board of the month before ("new");
    // everyone else keeps what the demo and the tests before gave them, moves included
    const { createUser } = await server.gql<{ createUser: { id: string } }>(
      ADMIN,
      'mutation($i: CreateUserInput!) { createUser(input: $i) { id } }',
      { i: { name: 'Nadia Newcomer', email: 'nadia.newcomer@example.com', role: 'REP' } },
    );
    users.set('Nadia Newcomer', createUser.id);
    await recordSale('Nadia Newcomer', sumMoney([(await board()).entries[0]?.revenue ?? '0.00', '1000.00']));
    const now = await board();
    expect(now.entries[0]).toMatchObject({ rank: 1, previousRank: null, user: { name: 'Nadia Newcomer' } });
    const closed = shiftPeriod('MONTHLY', now.periodStart, -1);
    const since = periodLabel('MONTHLY', closed);
    // what each row shows: up/down by the difference, "new" when not ranked then, nothing when unchanged
    const expected = now.entries.map((e) => [
      e.user.name,
      e.previousRank === e.rank
        ? null
        : e.previousRank === null
          ? { label: `not ranked in ${since}`, text: 'new' }
          : e.previousRank > e.rank
            ? { label: `up ${e.previousRank - e.rank} since ${since}`, text: String(e.previousRank - e.rank) }
            : {
                label: `down ${e.rank - e.previousRank} since ${since}`,
                text: String(e.rank - e.previousRank),
              },
    ]);
    const token = await server.token(VIEWER);
    for (const [width, height, least] of [
      [1920, 1080, 32],
      [1280, 720, 22],
    ] as const) {
      const { context, page, errors } = await openTv(token, 'metric=REVENUE&rotate=0', { width, height });
      await waitFirst(page, 'Nadia Newcomer');
      const rows = page.locator('.tv-board[data-metric="REVENUE"] .tv-row');
      await page.waitForFunction(
        (n) => document.querySelectorAll('.tv-board[data-metric="REVENUE"] .tv-row').length === n,
        expected.length,
      );
      const shown = await rows.evaluateAll((els) =>
        els.map((row) => {
          const mark = row.querySelector('.tv-move .rank-change');
          return [
            row.getAttribute('data-user'),
            mark ? { label: mark.getAttribute('aria-label'), text: mark.textContent } : null,
          ];
        }),
      );
      expect(shown).toEqual(expected);
      expect(await page.locator('.tv-board .tv-since').textContent()).toBe(
        `Moves since ${periodTick('MONTHLY', closed)}`,
      );
      // read across the room: no smaller than the TV's smallest text (--tv-small)
      const size = await page
        .locator('.tv-move .rank-change')
        .first()
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
      expect(size).toBeGreaterThanOrEqual(least);
      await noScrollbars(page);
      await screenshot(page, `tv-moves-${width}x${height}`);
      expect(errors).toEqual([]);
      await context.close();
    }
  });

  it('reads at 1920x1080 and 1280x720 without scrollbars', async () => {
    const token = await server.token(SARAH);
    // the goals screen fills as the snapshot arrives goal by goal: wait for all of Sarah's team's
    // active goals (team and members, as the API lists them) before measuring, else the layout
    // checked is a partial one
    const all = await server.gql<{
      goals: { team: { id: string } | null; user: { team: { id: string } | null } | null }[];
    }>(SARAH, '{ goals { team { id } user { team { id } } } }');
    const goals = all.goals.filter((g) => (g.team?.id ?? g.user?.team?.id) === enterprise);
    expect(goals.length).toBeGreaterThan(8); // more than fit: the screen pages through them
    for (const [width, height] of [
      [1920, 1080],
      [1280, 720],
    ] as const) {
      for (const metric of ['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'GOALS']) {
        const { context, page } = await openTv(token, `metric=${metric}&rotate=0`, { width, height });
        if (metric === 'GOALS')
          await page.waitForFunction(
            (n) => document.querySelector('.tv-goals .tv-sub')?.textContent?.startsWith(`${n} active`),
            goals.length,
            { timeout: 15_000 },
          );
        else await firstRow(page, metric).waitFor();
        await noScrollbars(page);
        await screenshot(page, `tv-${metric.toLowerCase()}-${width}x${height}`);
        await context.close();
      }
    }
  }, 60_000);
});
