/** The /tv chunk: a token from the URL (or this browser's sign-in), then the live screen. */
import { ApolloProvider } from '@apollo/client/react';
import { apolloFor } from '../lib/apollo.ts';
import { useToken } from '../lib/auth.ts';
import { useSearch } from '../lib/router.ts';
import '../styles/tv.css';
import { parseTvOptions } from './options.ts';
import { TvScreen } from './TvScreen.tsx';

export default function TvApp() {
  const search = useSearch();
  const stored = useToken();
  const options = parseTvOptions(search);
  const token = options.token ?? stored;
  const apollo = apolloFor(token);
  if (!apollo) {
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
    <ApolloProvider client={apollo.client}>
      <TvScreen options={options} connection={apollo.connection} />
    </ApolloProvider>
  );
}
