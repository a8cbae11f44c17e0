/**
 * Sign-in: paste a bearer token (checked against the server before it is kept). In embedded demo
 * mode the server also offers one-click demo accounts (GET /demo/accounts, POST /demo/token); with
 * any other server those routes answer 404 and the buttons are not shown.
 */
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { Role } from '../gql/graphql.ts';
import { setToken, takeSignOutNotice } from '../lib/auth.ts';

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  team?: string | null;
}

/** Asks the server who a token names; an error message when it refuses it. */
export async function checkToken(token: string): Promise<{ name: string; role: Role } | string> {
  try {
    const response = await fetch('/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { name role } }' }),
    });
    const body = (await response.json()) as {
      data?: { me?: { name: string; role: Role } } | null;
      errors?: { message: string }[];
    };
    if (body.data?.me) return body.data.me;
    return body.errors?.[0]?.message ?? `The server answered ${response.status}.`;
  } catch {
    return 'Could not reach the server.';
  }
}

async function loadDemoAccounts(signal: AbortSignal): Promise<DemoAccount[]> {
  try {
    const response = await fetch('/demo/accounts', { signal, headers: { accept: 'application/json' } });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return [];
    const body = (await response.json()) as { accounts?: DemoAccount[] };
    return Array.isArray(body.accounts) ? body.accounts : [];
  } catch {
    return [];
  }
}

export function SignIn() {
  const [notice] = useState(takeSignOutNotice);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount[]>([]);
  const inputId = useId();
  const errorId = useId();

  useEffect(() => {
    const controller = new AbortController();
    void loadDemoAccounts(controller.signal).then(setDemo);
    return () => controller.abort();
  }, []);

  const signIn = async (token: string) => {
    setBusy(true);
    setError(null);
    const result = await checkToken(token);
    setBusy(false);
    if (typeof result === 'string') setError(result);
    else setToken(token);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const token = text.trim().replace(/^Bearer\s+/i, '');
    if (!token) {
      setError('Paste a token first.');
      return;
    }
    void signIn(token);
  };

  const demoSignIn = async (email: string) => {
    setBusy(true);
    setError(null);
    try {
      const response = await fetch('/demo/token', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email }),
      });
      if (response.status === 404) {
        setDemo([]);
        setBusy(false);
        return;
      }
      const body = (await response.json()) as { token?: string; error?: string | { message?: string } };
      const problem = typeof body.error === 'string' ? body.error : body.error?.message;
      if (!response.ok || !body.token) throw new Error(problem ?? `status ${response.status}`);
      await signIn(body.token);
    } catch (e) {
      setBusy(false);
      setError(`Demo sign-in failed: ${e instanceof Error ? e.message : String(e)}`);
    }
  };

  return (
    <main className="signin" id="main">
      <div className="signin-card">
        <h1 className="brand">
          <span className="brand-mark" aria-hidden="true" />
          Pulse
        </h1>
        <p className="muted">Real-time sales performance: goals, leaderboards, badges and trends.</p>
        {notice ? (
          <p className="notice" role="alert">
            {notice}
          </p>
        ) : null}
        <form onSubmit={submit} noValidate>
          <label htmlFor={inputId}>Access token</label>
          <textarea
            id={inputId}
            name="token"
            rows={3}
            spellCheck={false}
            autoComplete="off"
            value={text}
            onChange={(e) => setText(e.target.value)}
            aria-invalid={error ? true : undefined}
            aria-describedby={error ? errorId : undefined}
            placeholder="eyJhbGciOiJIUzI1NiJ9…"
          />
          {error ? (
            <p className="field-error" id={errorId} role="alert">
              {error}
            </p>
          ) : null}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="hint">
          Get a token on the server with <code>npm run --silent token -- you@example.com</code>. It is kept in
          this browser until you sign out.
        </p>
        {demo.length > 0 ? (
          <section className="demo" aria-labelledby="demo-title">
            <h2 id="demo-title">Demo accounts</h2>
            <p className="muted">
              This server runs the embedded demo: sign in as one of its people in one click.
            </p>
            <ul>
              {demo.map((account) => (
                <li key={account.email}>
                  <button type="button" disabled={busy} onClick={() => void demoSignIn(account.email)}>
                    <span className="demo-name">{account.name}</span>
                    <span className="demo-meta">
                      {account.role}
                      {account.team ? ` · ${account.team}` : ''} · {account.email}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          </section>
        ) : null}
      </div>
    </main>
  );
}
