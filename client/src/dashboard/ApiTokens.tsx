/**
 * The account dialog's API tokens (issue 15): the person's own tokens, newest first, each with its
 * prefix, creation, expiry, last use and state (revoked ones greyed, listed by the server for a
 * day); "Create API token" with a name and an optional expiry; and "Revoke" after a confirmation.
 * Invariant: the token itself exists only in this component's state, from the createApiToken
 * answer until "Done" or the dialog closes; it never enters Apollo's cache (the mutation is
 * no-cache, the list is refetched and holds records only). The server refuses
 * creation with an API token's session and for a VIEWER: the first is explained here, and the
 * dialog leaves the section out for the second. Server refusals land on the field they name
 * (BAD_USER_INPUT `name` / `expiresAt`) or as an alert (CONFLICT past 20 live tokens, FORBIDDEN).
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { FormActions, FormError } from '../components/Actions.tsx';
import { AskFirst, useConfirmedAction } from '../components/AskFirst.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { Field } from '../components/Form.tsx';
import { graphql } from '../gql/index.ts';
import type { ApiTokensQuery } from '../gql/graphql.ts';
import type { Credential } from '../lib/auth.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { formatWhen } from '../lib/format.ts';

const API_TOKENS = graphql(`
  query ApiTokens {
    apiTokens {
      id
      name
      prefix
      createdAt
      expiresAt
      lastUsedAt
      revokedAt
      active
    }
  }
`);

const CREATE_API_TOKEN = graphql(`
  mutation CreateApiToken($input: CreateApiTokenInput!) {
    createApiToken(input: $input) {
      token
    }
  }
`);

const REVOKE_API_TOKEN = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      lastUsedAt
      revokedAt
      active
    }
  }
`);

type ApiTokenRow = ApiTokensQuery['apiTokens'][number];

export const NAME_MAX = 100;
export const EXPIRY_CHOICES = [
  { value: 'never', label: 'Never' },
  { value: '30', label: 'In 30 days' },
  { value: '90', label: 'In 90 days' },
  { value: '365', label: 'In 1 year' },
  { value: 'date', label: 'On a date…' },
] as const;
export type ExpiryChoice = (typeof EXPIRY_CHOICES)[number]['value'];

const DAY_MS = 86_400_000;

/** A local calendar date as "YYYY-MM-DD" (what <input type="date"> reads and writes). */
export function localDate(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The expiry to send: null for never, `days` from now, or the end of the chosen day in the
 * browser's time zone (the last minute of that day is still valid). An error message instead when
 * the date is missing or not in the future.
 */
export function expiryOf(
  choice: ExpiryChoice,
  date: string,
  now: Date,
): { expiresAt: string | null } | { error: string } {
  if (choice === 'never') return { expiresAt: null };
  if (choice !== 'date')
    return { expiresAt: new Date(now.getTime() + Number(choice) * DAY_MS).toISOString() };
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!match) return { error: 'Choose the day it stops working.' };
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]), 23, 59, 59);
  if (Number.isNaN(end.getTime())) return { error: 'Choose the day it stops working.' };
  if (end.getTime() <= now.getTime()) return { error: 'Choose a day after today.' };
  return { expiresAt: end.toISOString() };
}

export type TokenState = 'active' | 'revoked' | 'expired';

export function stateOf(token: Pick<ApiTokenRow, 'active' | 'revokedAt'>): TokenState {
  if (token.revokedAt) return 'revoked';
  return token.active ? 'active' : 'expired';
}

/** Newest first, whatever order the list arrives in. */
export function newestFirst(tokens: readonly ApiTokenRow[]): ApiTokenRow[] {
  return [...tokens].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

export function curlExample(origin: string, token: string): string {
  return `curl -H "Authorization: Bearer ${token}" ${origin}/api/performance?type=goals`;
}

/** An API token (not a JWT from `npm run token`) signs this page in: the server mints none then. */
export function signedInWithApiToken(credential: Credential): boolean {
  return credential.kind === 'token' && credential.token.startsWith('pulse_');
}

interface CreateErrors {
  name?: string;
  expiresAt?: string;
  form?: string;
}

function CreateForm({ onCreated, onCancel }: { onCreated: (token: string) => void; onCancel: () => void }) {
  const [name, setName] = useState('');
  const [choice, setChoice] = useState<ExpiryChoice>('90');
  const [date, setDate] = useState('');
  // the first day the date picker offers, as of opening the form
  const [tomorrow] = useState(() => localDate(new Date(Date.now() + DAY_MS)));
  const [errors, setErrors] = useState<CreateErrors>({});
  // no-cache: the answer (the token alone) is never written into Apollo's cache; the list is refetched
  const [create, { loading }] = useMutation(CREATE_API_TOKEN, {
    fetchPolicy: 'no-cache',
    refetchQueries: [API_TOKENS],
    awaitRefetchQueries: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems: CreateErrors = {};
    const trimmed = name.trim();
    if (!trimmed) problems.name = 'Name it after what will use it, e.g. "ERP sync".';
    else if (trimmed.length > NAME_MAX) problems.name = `At most ${NAME_MAX} characters.`;
    const expiry = expiryOf(choice, date, new Date());
    if ('error' in expiry) problems.expiresAt = expiry.error;
    setErrors(problems);
    if (Object.keys(problems).length || 'error' in expiry) return;
    try {
      const result = await create({
        variables: { input: { name: trimmed, ...(expiry.expiresAt ? { expiresAt: expiry.expiresAt } : {}) } },
      });
      const token = result.data?.createApiToken.token;
      if (!token) throw new Error('The server sent no token.');
      onCreated(token);
    } catch (error) {
      const e = apiError(error);
      const fields = fieldErrors(e, { name: 'name', expiresAt: 'expiry' });
      if (fields) setErrors(fields);
      else if (e?.code === 'CONFLICT')
        setErrors({ form: `${e.message} Revoke a token you no longer use, then create this one.` });
      else setErrors({ form: e?.message ?? 'Could not create the token.' });
    }
  };

  return (
    <form className="account-form token-form" onSubmit={(e) => void submit(e)} noValidate>
      <div className="field-row">
        <Field label="Token name" error={errors.name} hint="What will use it, e.g. ERP sync.">
          {(props) => (
            <input
              {...props}
              name="token-name"
              autoFocus
              autoComplete="off"
              maxLength={NAME_MAX}
              value={name}
              onChange={(e) => setName(e.target.value)}
            />
          )}
        </Field>
        <Field label="Expires" error={choice === 'date' ? undefined : errors.expiresAt}>
          {(props) => (
            <select {...props} value={choice} onChange={(e) => setChoice(e.target.value as ExpiryChoice)}>
              {EXPIRY_CHOICES.map((c) => (
                <option key={c.value} value={c.value}>
                  {c.label}
                </option>
              ))}
            </select>
          )}
        </Field>
        {choice === 'date' ? (
          <Field label="Last day" error={errors.expiresAt}>
            {(props) => (
              <input
                {...props}
                type="date"
                min={tomorrow}
                value={date}
                onChange={(e) => setDate(e.target.value)}
              />
            )}
          </Field>
        ) : null}
      </div>
      <FormError message={errors.form} />
      <FormActions busy={loading} label="Create token" busyLabel="Creating…" onCancel={onCancel} />
    </form>
  );
}

/** The new token, this once: read-only, with Copy and a curl line that uses it. */
function ShownOnce({ token, onDone }: { token: string; onDone: () => void }) {
  const id = useId();
  const box = useRef<HTMLDivElement>(null);
  // the form that had focus is gone: bring the whole box into view (CopyField focuses the token)
  useEffect(() => {
    box.current?.scrollIntoView?.({ block: 'nearest' });
  }, []);

  return (
    <div ref={box} className="token-once" role="group" aria-labelledby={`${id}-title`}>
      <h4 id={`${id}-title`}>Your new API token</h4>
      <p className="token-warning" id={`${id}-warning`}>
        Copy it now: it will not be shown again. Whoever has it acts as you, so keep it as secret as a
        password.
      </p>
      <CopyField label="New API token" value={token} describedBy={`${id}-warning`} />
      <p className="field-hint">Try it:</p>
      <code className="token-curl">{curlExample(window.location.origin, token)}</code>
      <div className="dialog-actions">
        <button type="button" onClick={onDone}>
          Done, I have copied it
        </button>
      </div>
    </div>
  );
}

/** The token this page is signed in with (its prefix matches): revoking it signs this page out. */
export function isThisBrowsers(token: Pick<ApiTokenRow, 'prefix'>, credential: Credential): boolean {
  return (
    signedInWithApiToken(credential) &&
    credential.kind === 'token' &&
    credential.token.startsWith(token.prefix)
  );
}

function TokenItem({ token, credential }: { token: ApiTokenRow; credential: Credential }) {
  const revoking = useConfirmedAction('Could not revoke the token.', { keepAskingOnError: true });
  const [revoke, { loading }] = useMutation(REVOKE_API_TOKEN);
  const state = stateOf(token);
  const headingId = useId();
  const current = isThisBrowsers(token, credential);

  return (
    <li className={`api-token ${state}`} aria-labelledby={headingId}>
      <div className="api-token-main">
        <p className="api-token-name">
          <span id={headingId}>{token.name}</span> <code className="api-token-prefix">{token.prefix}…</code>
          {current ? <span className="muted small"> · signs in this browser</span> : null}
        </p>
        <p className="api-token-dates">
          <span>Created {formatWhen(token.createdAt)}</span>
          <span>
            {state === 'expired' ? 'Expired' : 'Expires'} {formatWhen(token.expiresAt)}
          </span>
          <span>Last used {formatWhen(token.lastUsedAt)}</span>
          {token.revokedAt ? <span>Revoked {formatWhen(token.revokedAt)}</span> : null}
        </p>
        <FormError message={revoking.error} />
      </div>
      <div className="api-token-side">
        <span className={`token-state ${state}`}>{state}</span>
        {state === 'active' ? (
          <AskFirst
            action={revoking}
            label="Revoke"
            ariaLabel={`Revoke ${token.name}`}
            question={current ? 'Revoke it and sign out here?' : 'Revoke?'}
            yes="Yes, revoke"
            busyYes="Revoking…"
            busy={loading}
            onYes={() => void revoking.run(() => revoke({ variables: { id: token.id } }))}
          />
        ) : null}
      </div>
    </li>
  );
}

export function ApiTokensSection({ credential }: { credential: Credential }) {
  const { data, loading, error } = useQuery(API_TOKENS, { fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const mayCreate = !signedInWithApiToken(credential);
  const tokens = data ? newestFirst(data.apiTokens) : [];

  return (
    <section className="account-section api-tokens" aria-labelledby="account-api-tokens">
      <h3 id="account-api-tokens">API tokens</h3>
      <p className="muted">
        For scripts and other apps: each token acts as you, with your role, on the GraphQL API, the REST API,
        imports and exports, until it expires or you revoke it.
      </p>
      {shown ? (
        <ShownOnce token={shown} onDone={() => setShown(null)} />
      ) : creating ? (
        <CreateForm
          onCreated={(token) => {
            setCreating(false);
            setShown(token);
          }}
          onCancel={() => setCreating(false)}
        />
      ) : mayCreate ? (
        <div className="dialog-actions">
          <button type="button" className="primary" onClick={() => setCreating(true)}>
            Create API token
          </button>
        </div>
      ) : (
        <p className="notice">
          You are signed in with an API token, which cannot create others. Sign in with your password to
          create one.
        </p>
      )}
      {error && !data ? (
        <FormError message={apiError(error)?.message ?? 'Could not load your API tokens.'} />
      ) : loading && !data ? (
        <p className="muted">Loading your tokens…</p>
      ) : tokens.length === 0 ? (
        <p className="empty">You have no API tokens.</p>
      ) : (
        <ul className="api-token-list" aria-label="Your API tokens">
          {tokens.map((token) => (
            <TokenItem key={token.id} token={token} credential={credential} />
          ))}
        </ul>
      )}
    </section>
  );
}
