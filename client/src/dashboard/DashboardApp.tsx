/** The dashboard chunk: sign-in when there is no token, else the signed-in shell. */
import { ApolloProvider } from '@apollo/client/react';
import { apolloFor } from '../lib/apollo.ts';
import { useToken } from '../lib/auth.ts';
import '../styles/dashboard.css';
import { Shell } from './Shell.tsx';
import { SignIn } from './SignIn.tsx';

export default function DashboardApp() {
  const token = useToken();
  const apollo = apolloFor(token);
  if (!apollo) return <SignIn />;
  return (
    <ApolloProvider client={apollo.client}>
      <Shell connection={apollo.connection} />
    </ApolloProvider>
  );
}
