/**
 * The /tv chunk: which credential the screen runs with, then the live screen. In order: a token
 * in the URL (`?token=`, legacy), the screen token this TV got by pairing (pairing.ts, its own
 * localStorage key), the token this browser signed in with; with none, the pairing screen, which
 * shows a code until someone claims it and then runs the board with the screen's token, its own
 * team and the layout the server pushes to it (PairedTvScreen.tsx) — no token ever goes into the
 * URL. When the server refuses a paired token (the screen was revoked: its socket closes 4401),
 * it is forgotten and a new code shows; a refused URL or sign-in token
 * keeps saying what to do, since this page cannot replace it.
 */
import { useCallback } from 'react';
import { useToken } from '../lib/auth.ts';
import { useSearch } from '../lib/router.ts';
import '../styles/tv.css';
import { tvClientFor, TvClientProvider } from './live.ts';
import { parseTvOptions } from './options.ts';
import { PairedTvScreen } from './PairedTvScreen.tsx';
import { PairingScreen } from './PairingScreen.tsx';
import { forgetScreenToken, saveScreenToken, useScreenToken } from './pairing.ts';
import { TvScreen } from './TvScreen.tsx';

export default function TvApp() {
  const search = useSearch();
  const stored = useToken();
  const screenToken = useScreenToken();
  const options = parseTvOptions(search);
  const token = options.token ?? screenToken ?? stored;
  const paired = token !== null && token === screenToken && options.token === null;
  const onRefused = useCallback(() => {
    if (token) forgetScreenToken(token);
  }, [token]);
  const client = tvClientFor(token);
  if (!client) return <PairingScreen onPaired={saveScreenToken} />;
  // a paired screen follows the layout the server pushes (PairedTvScreen); others their URL
  const Screen = paired ? PairedTvScreen : TvScreen;
  return (
    <TvClientProvider value={client}>
      <Screen
        // a new credential is a new screen: nothing of the last one's state carries over
        key={token ?? ''}
        options={options}
        connection={client.socket.connection}
        {...(paired ? { onRefused, ownTeam: true } : {})}
      />
    </TvClientProvider>
  );
}
