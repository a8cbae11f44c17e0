/**
 * A paired TV for browser tests: a screen paired into a team through the public flow with its
 * layout set by the admin (pairTeamScreen), and the TV page opened (openTv) in a context whose init
 * script already put the screen's token where pairing leaves it (tvContext). One copy for every TV file.
 */
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { PAIR_SCREEN, pairScreenWith, type PairedScreen } from '../../support/screens.ts';
import type { BrowserServer } from './app.ts';

const ADMIN = 'admin@example.com';
/** Where the TV keeps its screen credential (client/src/tv/pairing.ts). */
export const SCREEN_KEY = 'pulse.tv.screen-token';

/** A screen called `name` paired into `teamId` by the admin, then given `layout` (UpdateScreenInput). */
export async function pairTeamScreen(
  server: BrowserServer,
  teamId: string,
  name: string,
  layout: Record<string, unknown>,
): Promise<PairedScreen> {
  const screen = await pairScreenWith(server.url, async (code) => {
    const paired = await server.gql<{ pairScreen: { id: string } }>(ADMIN, PAIR_SCREEN, {
      input: { code, name, teamId },
    });
    return paired.pairScreen.id;
  });
  await server.gql(
    ADMIN,
    'mutation($id: ID!, $input: UpdateScreenInput!) { updateScreen(id: $id, input: $input) { id } }',
    { id: screen.id, input: layout },
  );
  return screen;
}

/** A 1920x1080 context on `url` whose pages start with the screen's token stored (add more init scripts before opening). */
export async function tvContext(browser: Browser, url: string, token: string): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 }, baseURL: url });
  await context.addInitScript(
    ([key, value]) => {
      if (!localStorage.getItem(key)) localStorage.setItem(key, value);
    },
    [SCREEN_KEY, token] as const,
  );
  return context;
}

/** Opens /tv in `context` (its init scripts already set), collecting the page's errors. */
export async function openTv(
  context: BrowserContext,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto('/tv');
  return { context, page, errors };
}
