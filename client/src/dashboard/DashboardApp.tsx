/**
 * The dashboard chunk: while the server is asked whether the browser's cookie names a session, a
 * neutral loading line (neither the sign-in page nor the dashboard, so neither flashes); then the
 * sign-in page, or the signed-in shell on a token or a session (lib/auth.ts). A page opened from
 * an invitation or reset link (#set-password=…) shows the set-password form first.
 */
import { ApolloProvider } from '@apollo/client/react';
import { apolloFor } from '../lib/apollo.ts';
import { useAuth } from '../lib/auth.ts';
import '../styles/dashboard.css';
import { useState } from 'react';
import { SetPassword, linkToken } from './SetPassword.tsx';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';

export default function DashboardApp() {
  const auth = useAuth();
  // an invitation or reset link comes first, whoever is signed in in this browser
  const [link, setLink] = useState(linkToken);
  const credential = auth.phase === 'signed-in' ? auth.credential : null;
  const apollo = apolloFor(credential);
  if (link) return <SetPassword token={link} onDone={() => setLink(null)} />;
  if (auth.phase === 'checking')
    return (
      <p className="loading-screen" role="status">
        Loading…
      </p>
    );
  if (!apollo || !credential) return <SignIn />;
  return (
    <ApolloProvider client={apollo.client}>
      <Shell connection={apollo.connection} credential={credential} />
    </ApolloProvider>
  );
}
