/**
 * A paired TV's settings in a real browser against the real server with the demo organisation
 * (issue 15 goals, issue 17 celebrations and drawn icons). One TV, paired through the public
 * pairing flow, whose settings the admin changes over the API (the Screens dialog that sends the
 * same mutation is checked in client/src/admin/screens.test.tsx): a big sale interrupts it with a
 * card and a chime (the Web Audio graph is seen started through an init script's hooks, not heard);
 * a burst of sales that comes while the card shows is one summary card; with showGoals its team's
 * goals join the rotation and a goal achieved gets its card. The TV and the dashboard show no emoji
 * (every icon is drawn). Screenshots at 1920x1080 and 1280x720, looked at.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatMoney } from '../../client/src/lib/format.ts';
import { chromiumPath, launchBrowser, noScrollbars, screenshot, signedInPage } from './support/browser.ts';
import { PAIR_SCREEN, pairScreenWith } from '../support/screens.ts';
import { startBrowserServer, type BrowserServer } from './support/app.ts';
import { openTv, tvContext } from './support/tv.ts';

const ADMIN = 'admin@example.com';
const EMOJI = /\p{Extended_Pictographic}/u;

let server: BrowserServer;
let browser: Browser;
let screenId: string;
let team: { id: string; members: { id: string; name: string }[] };
let tv: { context: BrowserContext; page: Page; errors: string[] };
let sale = 0;

interface AudioLog {
  contexts: number;
  started: number;
}

async function record(sales: { userId: string; amount: string }[]): Promise<void> {
  await server.gql(
    ADMIN,
    `mutation($a: [ActivityInput!]!) { recordActivities(activities: $a) { recorded } }`,
    {
      a: sales.map((s) => ({
        ...s,
        kind: 'ORDER_WON',
        occurredAt: new Date().toISOString(),
        externalId: `celebration-${Date.now()}-${++sale}`,
      })),
    },
  );
}

async function settle(input: Record<string, unknown>): Promise<void> {
  await server.gql(
    ADMIN,
    'mutation($id: ID!, $input: UpdateScreenInput!) { updateScreen(id: $id, input: $input) { id } }',
    {
      id: screenId,
      input,
    },
  );
}

/** Pairs a screen into `teamId` as a TV would (code, claim, poll): its screen token. */
async function pairScreen(teamId: string): Promise<string> {
  const paired = await pairScreenWith(server.url, async (code) => {
    const answer = await server.gql<{ pairScreen: { id: string } }>(ADMIN, PAIR_SCREEN, {
      input: { code, name: 'Floor 2', teamId },
    });
    return answer.pairScreen.id;
  });
  screenId = paired.id;
  return paired.token;
}

const visibleEmoji = (page: Page) =>
  page.evaluate((source) => {
    const pattern = new RegExp(source, 'u');
    return [...document.body.innerText].filter((c) => pattern.test(c));
  }, EMOJI.source);

describe.skipIf(!chromiumPath)('Celebrations and goals on a paired TV', () => {
  beforeAll(async () => {
    [server, browser] = await Promise.all([startBrowserServer(), launchBrowser()]);
    const data = await server.gql<{
      teams: { id: string; name: string; members: { id: string; name: string }[] }[];
    }>(ADMIN, '{ teams { id name members { id name } } }');
    team = data.teams.find((t) => t.name === 'Enterprise')!;
    const token = await pairScreen(team.id);
    await settle({ boards: ['REVENUE'], celebrations: ['SALE'], saleAmount: 5000, sound: true });
    const context = await tvContext(browser, server.url, token);
    // hooks that count the audio graph's starts
    await context.addInitScript(() => {
      const log = { contexts: 0, started: 0 };
      (window as unknown as { audioLog: AudioLog }).audioLog = log;
      const Native = window.AudioContext;
      window.AudioContext = class extends Native {
        constructor(options?: AudioContextOptions) {
          super(options);
          log.contexts += 1;
        }
      };
      // start() is AudioScheduledSourceNode's: oscillators get their own that counts, then starts
      const start = Object.getOwnPropertyDescriptor(AudioScheduledSourceNode.prototype, 'start')?.value as (
        this: OscillatorNode,
        when?: number,
      ) => void;
      OscillatorNode.prototype.start = function (this: OscillatorNode, when?: number) {
        log.started += 1;
        start.call(this, when);
      };
    });
    tv = await openTv(context);
  }, 120_000);
  afterAll(async () => {
    await tv?.context.close();
    await browser?.close();
    await server?.close();
  });

  it('shows a big sale as a card with a chime, and a burst that follows as one summary card', async () => {
    const { page } = tv;
    await page.locator('.tv-board[data-metric="REVENUE"] .tv-row').first().waitFor({ timeout: 15_000 });
    // sales are counted from the revenue board's first frame on
    await page.locator('.tv-sales-watch[data-version]').waitFor({ state: 'attached' });
    const [seller, ...others] = team.members;
    await record([{ userId: seller!.id, amount: '12345.00' }]);
    const card = page.locator('.tv-celebration[data-kind="SALE"]');
    await card.waitFor();
    expect(await card.textContent()).toContain(`${seller!.name} closed ${formatMoney('12345.00')}`);
    const audio = await page.evaluate(() => (window as unknown as { audioLog: AudioLog }).audioLog);
    expect(audio.contexts).toBe(1);
    expect(audio.started).toBeGreaterThanOrEqual(1);
    // a burst while the card shows: one card waits for all of them
    const burst = others.slice(0, 4).map((m) => ({ userId: m.id, amount: '6000.00' }));
    expect(burst).toHaveLength(4);
    await record(burst);
    await page.waitForTimeout(700); // the entrance animation, for the screenshot
    await noScrollbars(page);
    await screenshot(page, 'tv-celebration-sale-1920x1080');
    const summary = page.locator('.tv-celebration[data-kind="SALE"][data-count="4"]');
    await summary.waitFor({ timeout: 15_000 });
    expect(await summary.textContent()).toContain(`4 sales in the last minute, ${formatMoney('24000.00')}`);
    await page.setViewportSize({ width: 1280, height: 720 });
    await noScrollbars(page);
    await screenshot(page, 'tv-celebration-summary-1280x720');
    // one context for the page's life: the second card's chime reused it
    expect(await page.evaluate(() => (window as unknown as { audioLog: AudioLog }).audioLog)).toMatchObject({
      contexts: 1,
    });
    await page.setViewportSize({ width: 1920, height: 1080 });
  }, 120_000);

  it('rotates its team’s goals when showGoals is on, and celebrates a goal achieved', async () => {
    const { page } = tv;
    const { clock } = await server.gql<{ clock: { today: string } }>(ADMIN, '{ clock { today } }');
    // a goal one order short of its target, from what the team has won this month
    const created = await server.gql<{ createGoal: { id: string; currentValue: number } }>(
      ADMIN,
      'mutation($i: CreateGoalInput!) { createGoal(input: $i) { id currentValue } }',
      {
        i: {
          teamId: team.id,
          metric: 'ORDERS',
          periodType: 'MONTHLY',
          periodStart: `${clock.today.slice(0, 7)}-01`,
          targetValue: 1_000_000,
        },
      },
    );
    const goal = created.createGoal;
    await server.gql(
      ADMIN,
      'mutation($id: ID!, $i: UpdateGoalInput!) { updateGoal(id: $id, input: $i) { id } }',
      {
        id: goal.id,
        i: { targetValue: goal.currentValue + 1 },
      },
    );
    await settle({ showGoals: true, secondsPerBoard: 5, celebrations: ['GOAL_ACHIEVED'], sound: false });
    await page.locator('main.tv[data-screen="GOALS"]').waitFor({ timeout: 20_000 });
    const row = page.locator(`.tv-goal[data-goal-id="${goal.id}"]`);
    await row.waitFor();
    expect(await page.locator('.tv-goals h1').textContent()).toContain('Enterprise');
    await noScrollbars(page);
    await screenshot(page, 'tv-goals-1920x1080');
    // one more order reaches the target: the card says so
    await record([{ userId: team.members[0]!.id, amount: '10.00' }]);
    const card = page.locator('.tv-celebration[data-kind="GOAL_ACHIEVED"]');
    await card.waitFor({ timeout: 15_000 });
    expect(await card.textContent()).toContain('Team Enterprise reached the Orders goal');
    await page.waitForTimeout(700); // the entrance animation, for the screenshot
    await screenshot(page, 'tv-celebration-goal-1920x1080');
    // turned off: the goals leave the rotation at once
    await settle({ showGoals: false });
    await page.locator('.tv-goals').waitFor({ state: 'detached', timeout: 10_000 });
    expect(tv.errors).toEqual([]);
  }, 120_000);

  it('draws its icons: no emoji on the TV or the dashboard', async () => {
    await settle({ boards: ['REVENUE', 'ORDERS'], secondsPerBoard: 5 });
    await tv.page.locator('.tv-board[data-metric="REVENUE"] .medal svg').first().waitFor();
    // the goal's card has gone: the board itself, medals drawn
    await tv.page.locator('.tv-celebration').waitFor({ state: 'detached', timeout: 15_000 });
    expect(await visibleEmoji(tv.page)).toEqual([]);
    await screenshot(tv.page, 'tv-medals-1920x1080');
    const dashboard = await signedInPage(browser, server.url, await server.token(ADMIN), {
      width: 1280,
      height: 720,
    });
    try {
      await dashboard.page.goto('/');
      await dashboard.page.locator('.stat .icon').first().waitFor();
      expect(await visibleEmoji(dashboard.page)).toEqual([]);
      await screenshot(dashboard.page, 'dashboard-icons-1280x720');
      await dashboard.page.getByRole('tab', { name: 'Achievements' }).click();
      await dashboard.page.locator('.achievement-icon svg').first().waitFor();
      expect(await visibleEmoji(dashboard.page)).toEqual([]);
      await dashboard.page.setViewportSize({ width: 1920, height: 1080 });
      await screenshot(dashboard.page, 'dashboard-badges-1920x1080');
      expect(dashboard.errors).toEqual([]);
    } finally {
      await dashboard.context.close();
    }
  }, 120_000);
});
