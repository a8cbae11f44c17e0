/**
 * Sign-in: what the server offers (GET /auth/methods): "Sign in with <provider>" for single
 * sign-on (a plain link to GET /auth/oidc/start: the provider sends the browser back with the
 * session cookie, or to /?sso_error=<code>, said here in words), and e-mail and password (POST
 * /auth/sign-in: the server's session cookie, lib/signin.ts) unless SSO is the only way in. In
 * embedded demo mode the server also offers one-click demo accounts (GET /demo/accounts, POST
 * /demo/sign-in: a session too); with any other server those routes answer 404 and the buttons
 * are not shown. API tokens are for other apps, not for this page (docs/sign-in.md).
 *
 * "Forgot your password?" asks for a reset link by mail (POST /auth/reset-request).
 *
 * Every error is said in words beside what caused it (aria-invalid, aria-describedby) and announced
 * (role="alert"); focus goes to the field to fix.
 */
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { SignInCard } from '../components/SignInCard.tsx';
import type { Role } from '../gql/graphql.ts';
import { sessionStarted, takeSignOutNotice } from '../lib/auth.ts';
import {
  demoSignIn,
  requestPasswordReset,
  signInWithPassword,
  forgetSsoError,
  ssoErrorInAddress,
  useSignInMethods,
} from '../lib/signin.ts';

interface DemoAccount {
  email: string;
  name: string;
  role: Role;
  team?: string | null;
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

interface PasswordErrors {
  email?: string;
  password?: string;
  /** Not one field's: wrong credentials, a lock, the server unreachable. */
  form?: string;
  /** The form error blames the e-mail and password together (it never says which: no enumeration). */
  both?: boolean;
}

function PasswordForm({ busy, setBusy }: { busy: boolean; setBusy: (busy: boolean) => void }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});
  const emailRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);
  const id = useId();
  const ids = { email: `${id}-email`, password: `${id}-password`, form: `${id}-form-error` };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const missing: PasswordErrors = {};
    if (!email.trim()) missing.email = 'Enter your e-mail address.';
    if (!password) missing.password = 'Enter your password.';
    if (missing.email || missing.password) {
      setErrors(missing);
      (missing.email ? emailRef : passwordRef).current?.focus();
      return;
    }
    setBusy(true);
    setErrors({});
    const result = await signInWithPassword(email.trim(), password);
    setBusy(false);
    if (result.ok) {
      sessionStarted();
      return;
    }
    if (result.kind === 'fields') {
      setErrors(result.fields);
      (result.fields.email ? emailRef : passwordRef).current?.focus();
    } else {
      const both = result.kind === 'credentials';
      setErrors({ form: result.message, both });
      if (both) {
        passwordRef.current?.focus();
        passwordRef.current?.select();
      }
    }
  };

  const describe = (field: 'email' | 'password') =>
    [errors[field] ? `${ids[field]}-error` : null, errors.form ? ids.form : null].filter(Boolean).join(' ') ||
    undefined;
  const invalid = (field: 'email' | 'password') => (errors[field] || errors.both ? true : undefined);

  return (
    <form className="signin-form" aria-label="Sign in" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field">
        <label htmlFor={ids.email}>E-mail</label>
        <input
          ref={emailRef}
          id={ids.email}
          name="email"
          type="email"
          inputMode="email"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          // the page's one task: the cursor waits in its first field
          autoFocus
          value={email}
          onChange={(e) => setEmail(e.target.value)}
          aria-invalid={invalid('email')}
          aria-describedby={describe('email')}
        />
        {errors.email ? (
          <p className="field-error" id={`${ids.email}-error`}>
            {errors.email}
          </p>
        ) : null}
      </div>
      <div className="field">
        <label htmlFor={ids.password}>Password</label>
        <input
          ref={passwordRef}
          id={ids.password}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-invalid={invalid('password')}
          aria-describedby={describe('password')}
        />
        {errors.password ? (
          <p className="field-error" id={`${ids.password}-error`}>
            {errors.password}
          </p>
        ) : null}
      </div>
      <div role="alert" className="signin-alert">
        {errors.form ? (
          <p className="form-error" id={ids.form}>
            {errors.form}
          </p>
        ) : errors.email || errors.password ? (
          <p className="visually-hidden">{[errors.email, errors.password].filter(Boolean).join(' ')}</p>
        ) : null}
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {busy ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** "Forgot your password?": asks the server to mail a reset link (it answers alike for anyone). */
function ResetRequest() {
  const [email, setEmail] = useState('');
  const [answer, setAnswer] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy || !email.trim()) return;
    setBusy(true);
    setAnswer(await requestPasswordReset(email.trim()));
    setBusy(false);
  };
  return (
    <form
      className="signin-form"
      aria-label="Reset your password"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-email`}>Your e-mail</label>
        <input
          id={`${id}-email`}
          type="email"
          inputMode="email"
          autoComplete="username"
          value={email}
          onChange={(e) => setEmail(e.target.value)}
        />
      </div>
      <p role="status" className="muted">
        {answer}
      </p>
      <button type="submit" disabled={busy || !email.trim()}>
        {busy ? 'Sending…' : 'Send me a link'}
      </button>
    </form>
  );
}

export function SignIn() {
  const [notice] = useState(takeSignOutNotice);
  const [busy, setBusy] = useState(false);
  const [demo, setDemo] = useState<DemoAccount[]>([]);
  const [demoError, setDemoError] = useState<string | null>(null);
  const [resetOpen, setResetOpen] = useState(false);
  const methods = useSignInMethods();
  const [ssoError] = useState(ssoErrorInAddress);
  const resetId = useId();

  useEffect(forgetSsoError, []);
  useEffect(() => {
    const controller = new AbortController();
    void loadDemoAccounts(controller.signal).then(setDemo);
    return () => controller.abort();
  }, []);

  const signInAs = async (email: string) => {
    setBusy(true);
    setDemoError(null);
    const result = await demoSignIn(email);
    setBusy(false);
    if (result === 'gone') setDemo([]);
    else if (result.ok) sessionStarted();
    else
      setDemoError(
        `Demo sign-in failed: ${'message' in result ? result.message : 'the server refused the account.'}`,
      );
  };

  return (
    <SignInCard>
      <p className="muted">Real-time sales performance: goals, leaderboards, badges and trends.</p>
      {notice ? (
        <p className="notice" role="alert">
          {notice}
        </p>
      ) : null}
      {ssoError ? (
        <p className="form-error signin-sso-error" role="alert">
          {ssoError}
        </p>
      ) : null}
      {methods?.sso ? (
        <a className={`sso-button${methods.password ? '' : ' primary'}`} href={methods.sso.start}>
          Sign in with {methods.sso.label}
        </a>
      ) : null}
      {methods?.password ? (
        <>
          {methods.sso ? <p className="signin-or">or with your e-mail and password</p> : null}
          <PasswordForm busy={busy} setBusy={setBusy} />
          <div className="signin-more">
            <button
              type="button"
              className="link disclosure"
              aria-expanded={resetOpen}
              aria-controls={resetId}
              onClick={() => setResetOpen((open) => !open)}
            >
              Forgot your password?
            </button>
            <div id={resetId} hidden={!resetOpen}>
              {resetOpen ? <ResetRequest /> : null}
            </div>
          </div>
        </>
      ) : null}
      {demo.length > 0 ? (
        <section className="demo" aria-labelledby="demo-title">
          <h2 id="demo-title">Demo accounts</h2>
          <p className="muted">
            This server runs the embedded demo: sign in as one of its people in one click.
          </p>
          {demoError ? (
            <p className="form-error" role="alert">
              {demoError}
            </p>
          ) : null}
          <ul>
            {demo.map((account) => (
              <li key={account.email}>
                <button type="button" disabled={busy} onClick={() => void signInAs(account.email)}>
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
    </SignInCard>
  );
}
