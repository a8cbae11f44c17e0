/**
 * The signed-in person's account: who they are and how they signed in, changing their password
 * (changePassword: the current one, then the new one twice; the server's BAD_USER_INPUT lands on
 * the field it names, its minimum length included, and the answer says how many other sessions
 * ended) and "Sign out everywhere" (signOutEverywhere for oneself, after a confirmation). Signing
 * out everywhere from a session ends this one too: the sign-in page then says so in our own words,
 * not as a session ended from elsewhere (auth.ts endingSession). Then the person's API tokens
 * (ApiTokens.tsx), left out for a VIEWER, which the server refuses them, and the e-mail
 * notifications they get (NotificationSettings.tsx).
 */
import { useMutation } from '@apollo/client/react';
import { useContext, useState, type FormEvent } from 'react';
import { ConfirmStep, FormActions, FormError } from '../components/Actions.tsx';
import { Dialog, Field } from '../components/Form.tsx';
import { graphql } from '../gql/index.ts';
import { SESSION_ENDED } from '../lib/apollo.ts';
import { endingSession, signedOut, type Credential } from '../lib/auth.ts';
import { apiError } from '../lib/errors.ts';
import { lockedMessage } from '../lib/signin.ts';
import { ApiTokensSection } from './ApiTokens.tsx';
import { ConnectionContext } from './connectionState.ts';
import { NotificationsSection } from './NotificationSettings.tsx';
import type { ViewerInfo } from './viewer.ts';

const CHANGE_PASSWORD = graphql(`
  mutation ChangePassword($currentPassword: String, $newPassword: String!) {
    changePassword(currentPassword: $currentPassword, newPassword: $newPassword)
  }
`);

const SIGN_OUT_EVERYWHERE = graphql(`
  mutation SignOutEverywhere($userId: ID!) {
    signOutEverywhere(userId: $userId)
  }
`);

const sessions = (n: number) => `${n} ${n === 1 ? 'session' : 'sessions'}`;

/** What a password change did to the other sessions, in a sentence. */
export function changedMessage(ended: number, kind: Credential['kind']): string {
  if (kind === 'token')
    return ended === 0
      ? 'Password changed. No session was signed in with your password.'
      : `Password changed. ${sessions(ended)} signed in with your password ${ended === 1 ? 'was' : 'were'} signed out.`;
  return ended === 0
    ? 'Password changed. You were not signed in anywhere else.'
    : `Password changed. ${sessions(ended)} elsewhere ${ended === 1 ? 'was' : 'were'} signed out; this one stays signed in.`;
}

/** A refusal that locks the account (too many wrong current passwords), in local time. */
function lockOf(error: unknown): string | null {
  const until = apiError(error)?.extensions.lockedUntil;
  if (typeof until !== 'string' || Number.isNaN(Date.parse(until))) return null;
  return lockedMessage('account', new Date(until));
}

/** The password form's three inputs: their labels, and the names password managers read. */
const PASSWORD_INPUTS = {
  currentPassword: { label: 'Current password', name: 'current-password', autoComplete: 'current-password' },
  newPassword: { label: 'New password', name: 'new-password', autoComplete: 'new-password' },
  repeat: { label: 'Repeat the new password', name: 'repeat-password', autoComplete: 'new-password' },
} as const;
type PasswordInput = keyof typeof PASSWORD_INPUTS;
type Passwords = Record<PasswordInput, string>;
type PasswordErrors = Partial<Record<PasswordInput | 'form', string>>;
const NO_PASSWORDS: Passwords = { currentPassword: '', newPassword: '', repeat: '' };

/** One of the form's password inputs in a labelled Field. */
function PasswordField({
  input,
  hint,
  errors,
  values,
  onChange,
}: {
  input: PasswordInput;
  hint?: string;
  errors: PasswordErrors;
  values: Passwords;
  onChange: (values: Passwords) => void;
}) {
  const { label, name, autoComplete } = PASSWORD_INPUTS[input];
  return (
    <Field label={label} error={errors[input]} {...(hint ? { hint } : {})}>
      {(props) => (
        <input
          {...props}
          type="password"
          name={name}
          autoComplete={autoComplete}
          value={values[input]}
          onChange={(e) => onChange({ ...values, [input]: e.target.value })}
        />
      )}
    </Field>
  );
}

function PasswordSection({ email, credential }: { email: string; credential: Credential }) {
  const [passwords, setPasswords] = useState(NO_PASSWORDS);
  const { currentPassword: current, newPassword: next, repeat } = passwords;
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [change, { loading }] = useMutation(CHANGE_PASSWORD);
  const session = credential.kind === 'session';

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems: PasswordErrors = {};
    if (session && !current) problems.currentPassword = 'Enter your current password.';
    if (!next) problems.newPassword = 'Enter a new password.';
    else if (repeat !== next) problems.repeat = 'The two new passwords differ: type the same one twice.';
    setDone(null);
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const result = await change({
        variables: { currentPassword: current || null, newPassword: next },
      });
      const ended = result.data?.changePassword ?? 0;
      setPasswords(NO_PASSWORDS);
      setDone(changedMessage(ended, credential.kind));
    } catch (error) {
      const e = apiError(error);
      const locked = lockOf(error);
      if (locked) setErrors({ form: locked });
      else if (e?.code === 'BAD_USER_INPUT' && (e.fields.currentPassword || e.fields.newPassword))
        setErrors({
          ...(e.fields.currentPassword ? { currentPassword: `That ${e.fields.currentPassword}.` } : {}),
          ...(e.fields.newPassword ? { newPassword: `The new password ${e.fields.newPassword}.` } : {}),
        });
      else setErrors({ form: e?.message ?? 'Could not change the password.' });
    }
  };

  return (
    <section className="account-section" aria-labelledby="account-password">
      <h3 id="account-password">Password</h3>
      <form className="account-form" onSubmit={(e) => void submit(e)} noValidate>
        {/* lets a password manager file the new password under the right account */}
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <PasswordField
          input="currentPassword"
          {...(session ? {} : { hint: 'Leave it empty if you have not set a password yet.' })}
          errors={errors}
          values={passwords}
          onChange={setPasswords}
        />
        <div className="field-row">
          <PasswordField input="newPassword" errors={errors} values={passwords} onChange={setPasswords} />
          <PasswordField input="repeat" errors={errors} values={passwords} onChange={setPasswords} />
        </div>
        <p className="field-hint">
          {session
            ? 'Changing it signs you out everywhere else.'
            : 'Setting it signs out every session signed in with the old one; your token stays valid.'}
        </p>
        <FormError message={errors.form} />
        <FormActions busy={loading} label="Change password" busyLabel="Changing…">
          <p role="status" className="account-done">
            {done}
          </p>
        </FormActions>
      </form>
    </section>
  );
}

function SessionsSection({ viewer, credential }: { viewer: ViewerInfo; credential: Credential }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [run, { loading }] = useMutation(SIGN_OUT_EVERYWHERE);
  const connection = useContext(ConnectionContext);
  const session = credential.kind === 'session';

  const signOutEverywhere = async () => {
    setError(null);
    setDone(null);
    try {
      const result = await endingSession(() => run({ variables: { userId: viewer.me.id } }));
      const ended = result.data?.signOutEverywhere ?? 0;
      if (session) {
        signedOut(`You have signed out everywhere: ${sessions(ended)} ended, this one included.`);
        return;
      }
      setConfirming(false);
      setDone(
        ended === 0
          ? 'No session was signed in. Your token stays valid.'
          : `${sessions(ended)} signed out. Your token stays valid.`,
      );
    } catch (e) {
      // the session may have ended all the same (its socket closed 4401 meanwhile)
      if (session && connection?.getState().phase === 'failed') signedOut(SESSION_ENDED);
      else setError(apiError(e)?.message ?? 'Could not sign out everywhere.');
    }
  };

  return (
    <section className="account-section" aria-labelledby="account-sessions">
      <h3 id="account-sessions">Sessions</h3>
      <p className="muted">
        {session
          ? 'Signs you out of every browser and device where you signed in with your password, this one included.'
          : 'Signs you out of every browser and device where you signed in with your password. API tokens stay valid until they expire.'}
      </p>
      <FormError message={error} />
      <div className="dialog-actions">
        {confirming ? (
          <ConfirmStep
            question="Sign out everywhere?"
            yes="Yes, sign out everywhere"
            busyYes="Signing out…"
            busy={loading}
            onYes={() => void signOutEverywhere()}
            onCancel={() => setConfirming(false)}
          />
        ) : (
          <button type="button" className="danger ghost" onClick={() => setConfirming(true)}>
            Sign out everywhere
          </button>
        )}
        <p role="status" className="account-done">
          {done}
        </p>
      </div>
    </section>
  );
}

export function AccountDialog({
  viewer,
  credential,
  onClose,
}: {
  viewer: ViewerInfo;
  credential: Credential;
  onClose: () => void;
}) {
  const { me } = viewer;
  return (
    <Dialog title="Your account" onClose={onClose}>
      <dl className="account-facts">
        <div>
          <dt>Name</dt>
          <dd>{me.name}</dd>
        </div>
        <div>
          <dt>E-mail</dt>
          <dd>{me.email}</dd>
        </div>
        <div>
          <dt>Role</dt>
          <dd>
            {me.role}
            {me.teamName ? ` · ${me.teamName}` : ''}
          </dd>
        </div>
        <div>
          <dt>Signed in</dt>
          <dd>
            {credential.kind === 'session'
              ? 'on a session (password or single sign-on)'
              : 'with an API token'}
          </dd>
        </div>
      </dl>
      <PasswordSection email={me.email} credential={credential} />
      <SessionsSection viewer={viewer} credential={credential} />
      <NotificationsSection />
      {/* a screen (VIEWER) may not create tokens and has none to list */}
      {me.role === 'VIEWER' ? null : <ApiTokensSection credential={credential} />}
    </Dialog>
  );
}
