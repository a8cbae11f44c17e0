/** The /tv chunk: a token from the URL (or this browser's sign-in), then the live screen. */
import { useToken } from '../lib/auth.ts';
import { useSearch } from '../lib/router.ts';
import '../styles/tv.css';
import { tvClientFor, TvClientProvider } from './live.ts';
import { parseTvOptions } from './options.ts';
import { TvScreen } from './TvScreen.tsx';

export default function TvApp() {
  const search = useSearch();
  const stored = useToken();
  const options = parseTvOptions(search);
  const token = options.token ?? stored;
  const client = tvClientFor(token);
  if (!client) {
    return (
      <main className="tv tv-message">
        <h1>Pulse TV</h1>
        <p>
          This screen needs a token: open <code>/tv?token=…</code> (a VIEWER token shows the boards and
          celebrations), or <a href="/">sign in</a> in this browser first.
        </p>
      </main>
    );
  }
  return (
    <TvClientProvider value={client}>
      <TvScreen options={options} connection={client.socket.connection} />
    </TvClientProvider>
  );
}
