/**
 * A TV screen paired through the public flow, as a TV and an admin do it: the TV starts a pairing
 * (POST /auth/screen-pairings: a code and a secret), someone claims the code (pairScreen), the TV
 * polls with its secret and receives its own token once. Tests that need a paired screen use this
 * one flow, so a change to it is made here and not in every file.
 */
import { dataOf, type TestServer } from './server.ts';

export const PAIR_SCREEN = 'mutation($input: PairScreenInput!) { pairScreen(input: $input) { id } }';

export interface PairedScreen {
  id: string;
  token: string;
}

/** Starts a pairing at `url`, has `claim` claim its code (the screen's id back), then polls once. */
export async function pairScreenWith(
  url: string,
  claim: (code: string) => Promise<string>,
): Promise<PairedScreen> {
  const started = await fetch(`${url}/auth/screen-pairings`, { method: 'POST' });
  const pairing = (await started.json()) as { code: string; secret: string };
  const id = await claim(pairing.code);
  const polled = await fetch(`${url}/auth/screen-pairings/poll`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ secret: pairing.secret }),
  });
  return { id, token: ((await polled.json()) as { token: string }).token };
}

/** A screen called `name` paired into `teamId` by `as` (an admin or the team's manager). */
export function pairScreen(
  server: TestServer,
  as: string,
  name: string,
  teamId: number,
): Promise<PairedScreen> {
  return pairScreenWith(server.url, async (code) => {
    const answer = await server.gql<{ pairScreen: { id: string } }>(
      PAIR_SCREEN,
      { input: { code, name, teamId: String(teamId) } },
      as,
    );
    return dataOf(answer).pairScreen.id;
  });
}
