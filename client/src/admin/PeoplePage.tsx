/**
 * The People page (issue 15, /people; ADMIN and MANAGER): everyone, searchable by name or e-mail
 * and filtered by team, role and state; "Invite someone"; and per person what the viewer's role
 * may do (people.ts: an ADMIN edits name, role and team, deactivates or reactivates, signs out
 * everywhere and issues password links; a MANAGER invites reps into the teams they manage and
 * issues links for their reps). Invariant: a one-time link exists only in this page's state,
 * from the mutation's answer until it is dismissed — the mutations are no-cache, so it never
 * enters Apollo's cache. Server refusals land on the field they name (BAD_USER_INPUT) or as an
 * alert (CONFLICT for the last active admin, FORBIDDEN); the server enforces every rule anyway.
 * With OIDC_ONLY (GET /auth/methods: no passwords) an ADMIN adds people instead of inviting them.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { ConfirmStep, FormActions, FormError, LoadState, queryState } from '../components/Actions.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { Field, NameField } from '../components/Form.tsx';
import { getFragmentData, graphql, type FragmentType } from '../gql/index.ts';
import type { Role } from '../gql/graphql.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { formatWhen } from '../lib/format.ts';
import { useSignInMethods } from '../lib/signin.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import {
  abilitiesOf,
  filterPeople,
  ROLE_NAMES,
  ROLES,
  type Abilities,
  type PeopleFilter,
  type PersonRow,
} from './people.ts';

/** A person's row, as the list reads it and an edit answers it (the cache then updates the row). */
const PersonFragment = graphql(`
  fragment PeoplePage_person on User {
    id
    name
    email
    role
    active
    team {
      id
      name
    }
  }
`);

const PEOPLE = graphql(`
  query People {
    users {
      ...PeoplePage_person
    }
  }
`);

/** What a link mutation (an invitation, a password link) answers: IssuedLinkBox's to show. */
const IssuedLinkFragment = graphql(`
  fragment IssuedLink_link on IssuedLink {
    kind
    link
    emailed
    expiresAt
    user {
      id
      name
      email
    }
  }
`);

const INVITE_USER = graphql(`
  mutation InviteUser($input: CreateUserInput!) {
    inviteUser(input: $input) {
      ...IssuedLink_link
    }
  }
`);

const ISSUE_PASSWORD_LINK = graphql(`
  mutation IssuePasswordLink($userId: ID!) {
    issuePasswordLink(userId: $userId) {
      ...IssuedLink_link
    }
  }
`);

/** OIDC_ONLY: people are added, not invited (no passwords, so no links). */
const CREATE_USER = graphql(`
  mutation AddPerson($input: CreateUserInput!) {
    createUser(input: $input) {
      id
      name
      email
    }
  }
`);

const UPDATE_USER = graphql(`
  mutation UpdateUser($id: ID!, $input: UpdateUserInput!) {
    updateUser(id: $id, input: $input) {
      ...PeoplePage_person
    }
  }
`);

const SIGN_OUT_USER = graphql(`
  mutation SignOutUserEverywhere($userId: ID!) {
    signOutEverywhere(userId: $userId)
  }
`);

/** What a link mutation answered, kept in state only until dismissed. */
type Issued = FragmentType<typeof IssuedLinkFragment>;

interface TeamChoice {
  id: string;
  name: string;
}

/** An issued link: to copy, or where it was e-mailed. */
export function IssuedLinkBox({ issued: ref, onDone }: { issued: Issued; onDone: () => void }) {
  const id = useId();
  const issued = getFragmentData(IssuedLinkFragment, ref);
  const what = issued.kind === 'invitation' ? 'Invitation' : 'Password reset link';
  const done = (
    <button type="button" className="ghost" onClick={onDone}>
      Done
    </button>
  );
  return (
    <div className="issued-link" role="group" aria-labelledby={`${id}-title`}>
      {issued.link ? (
        <>
          <p id={`${id}-title`} className="issued-title">
            {what} for {issued.user.name}: pass this link on. It works once, until{' '}
            {formatWhen(issued.expiresAt)}.
          </p>
          <CopyField label={`${what} link for ${issued.user.name}`} value={issued.link}>
            {done}
          </CopyField>
        </>
      ) : (
        <div className="token-copy">
          <p id={`${id}-title`} className="issued-title">
            {what} e-mailed to {issued.user.email}. It works once, until {formatWhen(issued.expiresAt)}.
          </p>
          {done}
        </div>
      )}
    </div>
  );
}

/** The Team select's options: the teams, after an empty choice labelled `empty` unless it is null. */
function TeamOptions({ teams, empty }: { teams: readonly TeamChoice[]; empty: string | null }) {
  return (
    <>
      {empty === null ? null : <option value="">{empty}</option>}
      {teams.map((t) => (
        <option key={t.id} value={t.id}>
          {t.name}
        </option>
      ))}
    </>
  );
}

/** The Role select's options, in the order ROLES gives. */
function RoleOptions({ roles }: { roles: readonly Role[] }) {
  return roles.map((r) => (
    <option key={r} value={r}>
      {ROLE_NAMES[r]}
    </option>
  ));
}

/** The fields the server may name in a refusal, as each form says them (editing has no e-mail). */
const EDIT_FIELDS = { name: 'name', role: 'role', teamId: 'team' } as const;
const PERSON_FIELDS = { ...EDIT_FIELDS, email: 'e-mail' } as const;

interface InviteErrors {
  name?: string;
  email?: string;
  role?: string;
  teamId?: string;
  form?: string;
}

function InviteForm({
  teams,
  roles,
  ssoOnly,
  onIssued,
  onAdded,
  onCancel,
}: {
  teams: TeamChoice[];
  roles: readonly Role[];
  /** OIDC_ONLY: the provider's label; the person is added (createUser) and signs in with it. */
  ssoOnly: string | null;
  onIssued: (issued: Issued) => void;
  onAdded: (message: string) => void;
  onCancel: () => void;
}) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('REP') ? 'REP' : (roles[0] ?? 'REP'));
  const [teamId, setTeamId] = useState(teams.length === 1 ? (teams[0]?.id ?? '') : '');
  const [errors, setErrors] = useState<InviteErrors>({});
  const [invite, inviting] = useMutation(INVITE_USER, {
    fetchPolicy: 'no-cache',
    refetchQueries: [PEOPLE, 'Directory'],
    awaitRefetchQueries: true,
  });
  const [add, adding] = useMutation(CREATE_USER, {
    refetchQueries: [PEOPLE, 'Directory'],
    awaitRefetchQueries: true,
  });
  const loading = inviting.loading || adding.loading;
  const teamRequired = roles.length === 1; // a manager invites into one of their teams

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems: InviteErrors = {};
    if (!name.trim()) problems.name = 'Their name, as others will see it.';
    if (!/^[^\s@]+@[^\s@]+$/.test(email.trim())) problems.email = 'An e-mail address, e.g. ana@example.com.';
    if (teamRequired && !teamId) problems.teamId = 'Choose one of your teams.';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    const input = { name: name.trim(), email: email.trim(), role, teamId: teamId || null };
    try {
      if (ssoOnly !== null) {
        const added = (await add({ variables: { input } })).data?.createUser;
        if (!added) throw new Error('The server did not add them.');
        onAdded(`${added.name} is added: they sign in with ${ssoOnly} as ${added.email}.`);
        return;
      }
      const issued = (await invite({ variables: { input } })).data?.inviteUser;
      if (!issued) throw new Error('The server sent no invitation.');
      onIssued(issued);
    } catch (error) {
      const e = apiError(error);
      setErrors(
        fieldErrors(e, PERSON_FIELDS) ?? {
          form: e?.message ?? (ssoOnly === null ? 'Could not invite them.' : 'Could not add them.'),
        },
      );
    }
  };
  const title = ssoOnly === null ? 'Invite someone' : 'Add someone';

  return (
    <form className="card invite-form" aria-label={title} onSubmit={(e) => void submit(e)} noValidate>
      <h2>{title}</h2>
      {ssoOnly === null ? null : (
        <p className="muted">
          They sign in with {ssoOnly} by this e-mail address: there are no passwords here, so no invitation to
          send.
        </p>
      )}
      <div className="field-row">
        <NameField error={errors.name} autoFocus value={name} onChange={setName} />
        <Field label="E-mail" error={errors.email}>
          {(props) => (
            <input
              {...props}
              type="email"
              autoComplete="off"
              value={email}
              onChange={(e) => setEmail(e.target.value)}
            />
          )}
        </Field>
        <Field
          label="Role"
          error={errors.role}
          hint={roles.length === 1 ? 'Managers invite reps.' : undefined}
        >
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions roles={roles} />
            </select>
          )}
        </Field>
        <Field label="Team" error={errors.teamId}>
          {(props) => (
            <select {...props} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <TeamOptions
                teams={teams}
                empty={teamRequired && teams.length === 1 ? null : teamRequired ? 'Choose a team' : 'No team'}
              />
            </select>
          )}
        </Field>
      </div>
      <FormError message={errors.form} />
      <FormActions
        busy={loading}
        label={ssoOnly === null ? 'Send invitation' : 'Add'}
        busyLabel={ssoOnly === null ? 'Inviting…' : 'Adding…'}
        onCancel={onCancel}
      />
    </form>
  );
}

interface EditErrors {
  name?: string;
  role?: string;
  teamId?: string;
  form?: string;
}

function EditPerson({
  person,
  teams,
  onDone,
}: {
  person: PersonRow;
  teams: TeamChoice[];
  onDone: (message: string | null) => void;
}) {
  const [name, setName] = useState(person.name);
  const [role, setRole] = useState<Role>(person.role);
  const [teamId, setTeamId] = useState(person.team?.id ?? '');
  const [errors, setErrors] = useState<EditErrors>({});
  const [update, { loading }] = useMutation(UPDATE_USER, { refetchQueries: ['Directory'] });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    if (!name.trim()) {
      setErrors({ name: 'The name must not be empty.' });
      return;
    }
    const input = {
      ...(name.trim() !== person.name ? { name: name.trim() } : {}),
      ...(role !== person.role ? { role } : {}),
      ...(teamId !== (person.team?.id ?? '') ? { teamId: teamId || null } : {}),
    };
    if (Object.keys(input).length === 0) {
      onDone(null);
      return;
    }
    setErrors({});
    try {
      await update({ variables: { id: person.id, input } });
      onDone(`Saved ${name.trim()}.`);
    } catch (error) {
      const e = apiError(error);
      setErrors(fieldErrors(e, EDIT_FIELDS) ?? { form: e?.message ?? 'Could not save.' });
    }
  };

  return (
    <form
      className="person-edit"
      aria-label={`Edit ${person.name}`}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <div className="field-row">
        <NameField error={errors.name} autoFocus value={name} onChange={setName} />
        <Field label="Role" error={errors.role}>
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              <RoleOptions roles={ROLES} />
            </select>
          )}
        </Field>
        <Field label="Team" error={errors.teamId}>
          {(props) => (
            <select {...props} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              <TeamOptions teams={teams} empty="No team" />
            </select>
          )}
        </Field>
      </div>
      <FormError message={errors.form} />
      <FormActions busy={loading} label="Save" busyLabel="Saving…" onCancel={() => onDone(null)} />
    </form>
  );
}

type Confirming = 'deactivate' | 'signOut' | null;

function PersonItem({
  person,
  me,
  may,
  teams,
}: {
  person: PersonRow;
  me: string;
  may: Abilities;
  teams: TeamChoice[];
}) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState<Confirming>(null);
  const [issued, setIssued] = useState<Issued | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [update, updating] = useMutation(UPDATE_USER, { refetchQueries: ['Directory'] });
  const [issue, issuing] = useMutation(ISSUE_PASSWORD_LINK, { fetchPolicy: 'no-cache' });
  const [signOut, signingOut] = useMutation(SIGN_OUT_USER);
  const busy = updating.loading || issuing.loading || signingOut.loading;
  const isMe = person.id === me;

  const run = async (what: () => Promise<string | null>) => {
    setError(null);
    setMessage(null);
    try {
      setMessage(await what());
      setConfirming(null);
    } catch (e) {
      setError(apiError(e)?.message ?? 'The server refused.');
      setConfirming(null);
    }
  };
  const setActive = (active: boolean) =>
    run(async () => {
      await update({ variables: { id: person.id, input: { active } } });
      return active ? `${person.name} can sign in again.` : `${person.name} is deactivated and signed out.`;
    });
  const link = () =>
    run(async () => {
      const result = await issue({ variables: { userId: person.id } });
      if (!result.data) throw new Error('The server sent no link.');
      setIssued(result.data.issuePasswordLink);
      return null;
    });
  const endSessions = () =>
    run(async () => {
      const result = await signOut({ variables: { userId: person.id } });
      const n = result.data?.signOutEverywhere ?? 0;
      return `${n} session${n === 1 ? '' : 's'} of ${person.name} ended.`;
    });

  return (
    <li className={`person${person.active ? '' : ' inactive'}`} aria-labelledby={headingId}>
      <div className="person-main">
        <p className="person-name">
          <span id={headingId}>{person.name}</span>
          {isMe ? <span className="you-chip">you</span> : null}
        </p>
        <p className="person-email">{person.email}</p>
      </div>
      <span className="person-role">{ROLE_NAMES[person.role]}</span>
      <span className="person-team">{person.team?.name ?? <span className="muted">No team</span>}</span>
      <span className={`person-state ${person.active ? 'active' : 'inactive'}`}>
        {person.active ? 'active' : 'inactive'}
      </span>
      <div className="person-actions">
        {confirming === 'deactivate' ? (
          <ConfirmStep
            question={
              isMe
                ? 'Deactivate yourself? You are signed out at once.'
                : `Deactivate? ${person.name} is signed out at once.`
            }
            yes="Yes, deactivate"
            busyYes="Deactivating…"
            busy={busy}
            onYes={() => void setActive(false)}
            onCancel={() => setConfirming(null)}
          />
        ) : confirming === 'signOut' ? (
          <ConfirmStep
            question={
              isMe ? 'End all your sessions, this one included?' : `End every session of ${person.name}?`
            }
            yes="Yes, sign out"
            busyYes="Signing out…"
            busy={busy}
            onYes={() => void endSessions()}
            onCancel={() => setConfirming(null)}
          />
        ) : (
          <>
            {may.edit && !editing ? (
              <button
                type="button"
                className="ghost"
                aria-label={`Edit ${person.name}`}
                onClick={() => setEditing(true)}
              >
                Edit
              </button>
            ) : null}
            {may.passwordLinkFor(person) ? (
              <button
                type="button"
                className="ghost"
                disabled={busy}
                aria-label={`Password link for ${person.name}`}
                onClick={() => void link()}
              >
                {issuing.loading ? 'Issuing…' : 'Password link'}
              </button>
            ) : null}
            {may.signOut && person.active ? (
              <button
                type="button"
                className="ghost"
                disabled={busy}
                aria-label={`Sign out ${person.name} everywhere`}
                onClick={() => setConfirming('signOut')}
              >
                Sign out everywhere
              </button>
            ) : null}
            {may.edit ? (
              person.active ? (
                <button
                  type="button"
                  className="danger ghost"
                  disabled={busy}
                  aria-label={`Deactivate ${person.name}`}
                  onClick={() => setConfirming('deactivate')}
                >
                  Deactivate
                </button>
              ) : (
                <button
                  type="button"
                  className="ghost"
                  disabled={busy}
                  aria-label={`Reactivate ${person.name}`}
                  onClick={() => void setActive(true)}
                >
                  {updating.loading ? 'Reactivating…' : 'Reactivate'}
                </button>
              )
            ) : null}
          </>
        )}
      </div>
      {editing ? (
        <EditPerson
          person={person}
          teams={teams}
          onDone={(saved) => {
            setEditing(false);
            setMessage(saved);
          }}
        />
      ) : null}
      {issued ? <IssuedLinkBox issued={issued} onDone={() => setIssued(null)} /> : null}
      <FormError message={error} className="person-message" />
      {message ? (
        <p className="person-message" role="status">
          {message}
        </p>
      ) : null}
    </li>
  );
}

const NO_FILTER: PeopleFilter = { q: '', team: '', role: '', state: '' };

export function PeoplePage({ viewer }: { viewer: ViewerInfo }) {
  const list = useQuery(PEOPLE, { fetchPolicy: 'cache-and-network' });
  const { data } = list;
  const [filter, setFilter] = useState<PeopleFilter>(NO_FILTER);
  const [inviting, setInviting] = useState(false);
  const [invited, setInvited] = useState<Issued | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const searchId = useId();
  const methods = useSignInMethods();
  const ssoOnly = methods && !methods.password && methods.sso ? methods.sso.label : null;
  const managed = viewer.teams.filter((t) => t.managerId === viewer.me.id).map((t) => t.id);
  const may = abilitiesOf(viewer.me, managed, ssoOnly);
  const teams: TeamChoice[] = viewer.teams.map((t) => ({ id: t.id, name: t.name }));
  const inviteTeams =
    may.inviteTeamIds === 'any'
      ? teams
      : teams.filter((t) => (may.inviteTeamIds as ReadonlySet<string>).has(t.id));
  const people = data ? filterPeople(getFragmentData(PersonFragment, data.users), filter) : [];
  const set = (changes: Partial<PeopleFilter>) => setFilter((f) => ({ ...f, ...changes }));

  return (
    <div className="admin-page people-page">
      <div className="section-head">
        <h1>People</h1>
        {may.inviteRoles.length > 0 && !inviting ? (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setInvited(null);
                setAdded(null);
                setInviting(true);
              }}
            >
              {ssoOnly === null ? 'Invite someone' : 'Add someone'}
            </button>
          </div>
        ) : null}
      </div>
      {viewer.me.role === 'MANAGER' ? (
        <p className="muted">
          {ssoOnly !== null
            ? `People join by signing in with ${ssoOnly}; an admin adds people and changes roles, teams and access.`
            : managed.length
              ? 'You can invite reps into the teams you manage and issue password links for their reps; an admin changes roles, teams and access.'
              : 'You manage no team, so you cannot invite anyone; an admin changes roles, teams and access.'}
        </p>
      ) : null}
      {inviting ? (
        <InviteForm
          teams={inviteTeams}
          roles={may.inviteRoles}
          ssoOnly={ssoOnly}
          onIssued={(issued) => {
            setInviting(false);
            setInvited(issued);
          }}
          onAdded={(message) => {
            setInviting(false);
            setAdded(message);
          }}
          onCancel={() => setInviting(false)}
        />
      ) : null}
      {invited ? <IssuedLinkBox issued={invited} onDone={() => setInvited(null)} /> : null}
      {added ? (
        <p className="account-done" role="status">
          {added}
        </p>
      ) : null}

      <div className="toolbar people-filters" role="search" aria-label="Find people">
        <label className="inline-field" htmlFor={searchId}>
          <span>Search</span>
          <input
            id={searchId}
            type="search"
            placeholder="Name or e-mail"
            value={filter.q}
            onChange={(e) => set({ q: e.target.value })}
          />
        </label>
        <label className="inline-field">
          <span>Team</span>
          <select value={filter.team} onChange={(e) => set({ team: e.target.value })}>
            <TeamOptions teams={teams} empty="All teams" />
            <option value="none">No team</option>
          </select>
        </label>
        <label className="inline-field">
          <span>Role</span>
          <select value={filter.role} onChange={(e) => set({ role: e.target.value as Role | '' })}>
            <option value="">All roles</option>
            <RoleOptions roles={ROLES} />
          </select>
        </label>
        <label className="inline-field">
          <span>State</span>
          <select
            value={filter.state}
            onChange={(e) => set({ state: e.target.value as PeopleFilter['state'] })}
          >
            <option value="">Active and inactive</option>
            <option value="active">Active</option>
            <option value="inactive">Inactive</option>
          </select>
        </label>
      </div>

      <LoadState what="the people" {...queryState(list)}>
        <p className="muted small" role="status">
          {people.length} of {data?.users.length ?? 0} people
        </p>
        {people.length === 0 ? (
          <p className="empty">Nobody matches.</p>
        ) : (
          <ul className="people-list" aria-label="People">
            {people.map((p) => (
              <PersonItem key={p.id} person={p} me={viewer.me.id} may={may} teams={teams} />
            ))}
          </ul>
        )}
      </LoadState>
    </div>
  );
}
