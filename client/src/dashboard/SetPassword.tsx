/**
 * The page an invitation or password-reset link opens (`/#set-password=<token>`, docs/sign-in.md):
 * the person chooses a password (typed twice), POST /auth/set-password sets it and signs them in
 * on a session. The token stays in the URL's fragment, which no request carries, and is taken off
 * the address bar once used. A used, replaced or expired link says so and points to the way out
 * (ask for a new one); a password the server finds too short is shown on its field.
 */
import { useRef, useState, type FormEvent } from 'react';
import { Field } from '../components/Form.tsx';
import { SignInCard } from '../components/SignInCard.tsx';
import { sessionStarted } from '../lib/auth.ts';
import { setPasswordWithLink } from '../lib/signin.ts';

const PREFIX = '#set-password=';

/** The link's token in this page's fragment, if the page was opened from one. */
export function linkToken(hash: string = window.location.hash): string | null {
  return hash.startsWith(PREFIX) && hash.length > PREFIX.length ? hash.slice(PREFIX.length) : null;
}

/** Takes the used (or refused) link off the address bar, keeping the page where it is. */
function forgetLink(): void {
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}

export function SetPassword({ token, onDone }: { token: string; onDone: () => void }) {
  const [password, setPassword] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ password?: string; again?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);
  const [linkDead, setLinkDead] = useState(false);
  const passwordRef = useRef<HTMLInputElement>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!password) {
      setErrors({ password: 'Choose a password.' });
      passwordRef.current?.focus();
      return;
    }
    if (password !== again) {
      setErrors({ again: 'The two passwords differ.' });
      return;
    }
    setBusy(true);
    setErrors({});
    const result = await setPasswordWithLink(token, password);
    setBusy(false);
    if (result.ok) {
      forgetLink();
      sessionStarted();
      onDone();
      return;
    }
    if (result.field === 'token') {
      forgetLink();
      setLinkDead(true);
    }
    setErrors(result.field === 'password' ? { password: result.message } : { form: result.message });
    if (result.field === 'password') passwordRef.current?.focus();
  };

  return (
    <SignInCard>
      <h2>Choose your password</h2>
      <p className="muted">A few words you will remember make a long, strong one. Saving it signs you in.</p>
      <form
        className="signin-form"
        aria-label="Choose your password"
        onSubmit={(e) => void submit(e)}
        noValidate
      >
        <Field label="New password" error={errors.password}>
          {(props) => (
            <input
              {...props}
              ref={passwordRef}
              type="password"
              autoComplete="new-password"
              autoFocus
              disabled={linkDead}
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Field label="New password, again" error={errors.again}>
          {(props) => (
            <input
              {...props}
              type="password"
              autoComplete="new-password"
              disabled={linkDead}
              value={again}
              onChange={(e) => setAgain(e.target.value)}
            />
          )}
        </Field>
        <div role="alert" className="signin-alert">
          {errors.form ? <p className="form-error">{errors.form}</p> : null}
        </div>
        {linkDead ? (
          <button type="button" className="primary" onClick={onDone}>
            Go to sign-in
          </button>
        ) : (
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save and sign in'}
          </button>
        )}
      </form>
    </SignInCard>
  );
}
