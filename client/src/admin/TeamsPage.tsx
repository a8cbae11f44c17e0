/**
 * The Teams page (issue 15, /teams): every team with its manager and members, and the people in
 * no team. An ADMIN creates a team, renames it, sets or clears its manager (a MANAGER or ADMIN,
 * as the server requires) and moves a member to another team or to none (updateUser); a MANAGER
 * reads the same page with no controls, as the server would refuse every change. After a change
 * the page and the dashboard's directory are fetched again, so the team pickers follow.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormError, LoadState, queryState } from '../components/Actions.tsx';
import { Field, NameField } from '../components/Form.tsx';
import { graphql } from '../gql/index.ts';
import type { TeamsPageQuery } from '../gql/graphql.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { ROLE_NAMES } from './people.ts';
import { groupByTeam, managerChoices, type TeamPerson } from './teams.ts';

const TEAMS_PAGE = graphql(`
  query TeamsPage {
    teams {
      id
      name
      manager {
        id
        name
      }
    }
    users {
      id
      name
      role
      active
      team {
        id
      }
    }
  }
`);

const CREATE_TEAM = graphql(`
  mutation CreateTeam($input: CreateTeamInput!) {
    createTeam(input: $input) {
      id
      name
    }
  }
`);

const UPDATE_TEAM = graphql(`
  mutation UpdateTeam($id: ID!, $input: UpdateTeamInput!) {
    updateTeam(id: $id, input: $input) {
      id
      name
      manager {
        id
        name
      }
    }
  }
`);

const MOVE_MEMBER = graphql(`
  mutation MoveMember($id: ID!, $teamId: ID) {
    updateUser(id: $id, input: { teamId: $teamId }) {
      id
      team {
        id
      }
    }
  }
`);

type TeamRow = TeamsPageQuery['teams'][number];
const REFETCH = [TEAMS_PAGE, 'Directory'];

interface TeamErrors {
  name?: string;
  managerId?: string;
  form?: string;
}

/** Name and manager: a new team (no `team`) or the changes to one. */
function TeamForm({
  team,
  managers,
  onDone,
}: {
  team?: TeamRow;
  managers: TeamPerson[];
  onDone: (message: string | null) => void;
}) {
  const [name, setName] = useState(team?.name ?? '');
  const [managerId, setManagerId] = useState(team?.manager?.id ?? '');
  const [errors, setErrors] = useState<TeamErrors>({});
  const [create, creating] = useMutation(CREATE_TEAM, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const [update, updating] = useMutation(UPDATE_TEAM, { refetchQueries: REFETCH, awaitRefetchQueries: true });
  const busy = creating.loading || updating.loading;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!name.trim()) {
      setErrors({ name: 'The name must not be empty.' });
      return;
    }
    setErrors({});
    try {
      if (team) {
        const input = {
          ...(name.trim() !== team.name ? { name: name.trim() } : {}),
          ...(managerId !== (team.manager?.id ?? '') ? { managerId: managerId || null } : {}),
        };
        if (Object.keys(input).length) await update({ variables: { id: team.id, input } });
        onDone(Object.keys(input).length ? `Saved ${name.trim()}.` : null);
      } else {
        await create({ variables: { input: { name: name.trim(), managerId: managerId || null } } });
        onDone(`Created ${name.trim()}.`);
      }
    } catch (error) {
      const e = apiError(error);
      setErrors(
        fieldErrors(e, { name: 'name', managerId: 'manager' }) ?? { form: e?.message ?? 'Could not save.' },
      );
    }
  };

  return (
    <form
      className={team ? 'person-edit' : 'card invite-form'}
      aria-label={team ? `Edit ${team.name}` : 'New team'}
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      {team ? null : <h2>New team</h2>}
      <div className="field-row">
        <NameField error={errors.name} autoFocus value={name} onChange={setName} />
        <Field label="Manager" error={errors.managerId} hint="Sets the team’s goals; a manager or an admin.">
          {(props) => (
            <select {...props} value={managerId} onChange={(e) => setManagerId(e.target.value)}>
              <option value="">No manager</option>
              {managers.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({ROLE_NAMES[m.role]})
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormError message={errors.form} />
      <FormActions
        busy={busy}
        label={team ? 'Save' : 'Create team'}
        busyLabel={team ? 'Saving…' : 'Creating…'}
        onCancel={() => onDone(null)}
      />
    </form>
  );
}

/** A member's row; an admin moves them with the select and "Move". */
function MemberItem({
  member,
  teamId,
  teams,
  canMove,
}: {
  member: TeamPerson;
  teamId: string | null;
  teams: TeamRow[];
  canMove: boolean;
}) {
  const selectId = useId();
  const [target, setTarget] = useState(teamId ?? '');
  const [move, { loading }] = useMutation(MOVE_MEMBER, {
    refetchQueries: REFETCH,
    awaitRefetchQueries: true,
  });
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await move({ variables: { id: member.id, teamId: target || null } });
    } catch (e) {
      setError(apiError(e)?.message ?? 'The server refused.');
    }
  };
  return (
    <li className={`member${member.active ? '' : ' inactive'}`}>
      <div className="member-main">
        <span className="member-name">{member.name}</span>
        <span className="muted small">
          {ROLE_NAMES[member.role]}
          {member.active ? '' : ', inactive'}
        </span>
      </div>
      {canMove ? (
        <form className="member-move" onSubmit={(e) => void submit(e)} aria-label={`Move ${member.name}`}>
          <label className="visually-hidden" htmlFor={selectId}>
            Team for {member.name}
          </label>
          <select id={selectId} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="">No team</option>
            {teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
          <button type="submit" className="ghost" disabled={loading || target === (teamId ?? '')}>
            {loading ? 'Moving…' : 'Move'}
          </button>
        </form>
      ) : null}
      <FormError message={error} className="member-error" />
    </li>
  );
}

function TeamItem({
  team,
  members,
  teams,
  managers,
  isAdmin,
}: {
  team: TeamRow | null;
  members: TeamPerson[];
  teams: TeamRow[];
  managers: TeamPerson[];
  isAdmin: boolean;
}) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const name = team?.name ?? 'No team';
  return (
    <li className={`card team-card${team ? '' : ' no-team'}`} aria-labelledby={headingId}>
      <div className="team-head">
        <div>
          <h2 id={headingId}>{name}</h2>
          {team ? (
            <p className="muted small">Manager: {team.manager?.name ?? 'none'}</p>
          ) : (
            <p className="muted small">People in no team</p>
          )}
        </div>
        {team && isAdmin && !editing ? (
          <button
            type="button"
            className="ghost"
            aria-label={`Edit ${team.name}`}
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            Edit
          </button>
        ) : null}
      </div>
      {team && editing ? (
        <TeamForm
          team={team}
          managers={managers}
          onDone={(saved) => {
            setEditing(false);
            setMessage(saved);
          }}
        />
      ) : null}
      {message ? (
        <p className="person-message" role="status">
          {message}
        </p>
      ) : null}
      {members.length === 0 ? (
        <p className="empty">Nobody yet.</p>
      ) : (
        <ul className="member-list" aria-label={`Members of ${name}`}>
          {members.map((m) => (
            <MemberItem key={m.id} member={m} teamId={team?.id ?? null} teams={teams} canMove={isAdmin} />
          ))}
        </ul>
      )}
    </li>
  );
}

export function TeamsPage({ viewer }: { viewer: ViewerInfo }) {
  const list = useQuery(TEAMS_PAGE, { fetchPolicy: 'cache-and-network' });
  const [creating, setCreating] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const isAdmin = viewer.me.role === 'ADMIN';
  const teams = list.data?.teams ?? [];
  const people = list.data?.users ?? [];
  const groups = groupByTeam(teams, people);
  const managers = managerChoices(people);

  return (
    <div className="admin-page teams-page">
      <div className="section-head">
        <h1>Teams</h1>
        {isAdmin && !creating ? (
          <div className="actions">
            <button
              type="button"
              className="primary"
              onClick={() => {
                setMessage(null);
                setCreating(true);
              }}
            >
              New team
            </button>
          </div>
        ) : null}
      </div>
      <p className="muted">
        {isAdmin
          ? 'Create and rename teams, set who manages each, and move people between them.'
          : 'Who is in which team. Only an admin changes teams, their managers and their members.'}
      </p>
      {creating ? (
        <TeamForm
          managers={managers}
          onDone={(done) => {
            setCreating(false);
            setMessage(done);
          }}
        />
      ) : null}
      {message ? <p role="status">{message}</p> : null}
      <LoadState what="the teams" {...queryState(list)}>
        <ul className="team-list" aria-label="Teams">
          {groups.map((g) => (
            <TeamItem
              key={g.team?.id ?? 'none'}
              team={g.team}
              members={g.members}
              teams={teams}
              managers={managers}
              isAdmin={isAdmin}
            />
          ))}
        </ul>
      </LoadState>
    </div>
  );
}
