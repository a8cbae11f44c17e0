/**
 * The Screens page (issue 15, /screens; ADMIN and MANAGER): "Pair a screen" — the code a TV shows,
 * a name and a team (an ADMIN any team or none, a MANAGER one of the teams they manage:
 * screens.ts) — and the screens the viewer may see (ADMIN all, a MANAGER those of their teams),
 * each with its team, when it was paired and last used its token, and whether it is active;
 * "Revoke" asks first, then ends that screen's token at once (its TV shows a new code). Server
 * refusals land on the field they name (BAD_USER_INPUT: an unknown, expired or used code) or as
 * an alert (FORBIDDEN); the server enforces every rule anyway. The pairing's token never reaches
 * this page: the TV fetches it itself.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormError, LoadState, queryState } from '../components/Actions.tsx';
import { AskFirst, useConfirmedAction } from '../components/AskFirst.tsx';
import { Field, NameField } from '../components/Form.tsx';
import { getFragmentData, graphql } from '../gql/index.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { formatWhen } from '../lib/format.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { ScreenEditButton } from './ScreenEditButton.tsx';
import { ScreenLayoutFragment } from './ScreenLayoutDialog.tsx';
import { ScreenHealth } from './ScreenHealth.tsx';
import {
  displayCode,
  layoutInWords,
  normalCode,
  pairChoicesOf,
  type PairChoices,
  type ScreenHealthInfo,
  type ScreenLayout,
} from './screens.ts';

/** A screen's row, as the list reads it and pairing answers it. */
const ScreenRowFragment = graphql(`
  fragment ScreensPage_screen on Screen {
    id
    name
    active
    pairedAt
    lastSeenAt
    team {
      id
      name
    }
  }
`);

const SCREENS = graphql(`
  query Screens {
    screens {
      ...ScreensPage_screen
      layout {
        ...ScreenLayoutDialog_layout
      }
      health {
        online
        clientVersion
        resolution
        reconnects24h
        offlineTooLong
      }
    }
  }
`);

const PAIR_SCREEN = graphql(`
  mutation PairScreen($input: PairScreenInput!) {
    pairScreen(input: $input) {
      ...ScreensPage_screen
    }
  }
`);

const REVOKE_SCREEN = graphql(`
  mutation RevokeScreen($id: ID!) {
    revokeScreen(id: $id) {
      id
      active
      lastSeenAt
    }
  }
`);

interface PairErrors {
  code?: string;
  name?: string;
  teamId?: string;
  form?: string;
}

function PairForm({ choices, onPaired }: { choices: PairChoices; onPaired: (name: string) => void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [teamId, setTeamId] = useState(
    !choices.noTeam && choices.teams.length === 1 ? (choices.teams[0]?.id ?? '') : '',
  );
  const [errors, setErrors] = useState<PairErrors>({});
  const [pair, { loading }] = useMutation(PAIR_SCREEN, {
    refetchQueries: [SCREENS],
    awaitRefetchQueries: true,
  });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    const problems: PairErrors = {};
    if (normalCode(code).length !== 8)
      problems.code = 'The 8 letters and digits the TV shows, e.g. K7QM-2XPD.';
    if (!name.trim()) problems.name = 'A name for the screen, e.g. “Sales floor, 3rd”.';
    if (!choices.noTeam && !teamId) problems.teamId = 'Choose one of your teams.';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const result = await pair({
        variables: { input: { code: normalCode(code), name: name.trim(), teamId: teamId || null } },
      });
      const screen = getFragmentData(ScreenRowFragment, result.data?.pairScreen);
      if (!screen) throw new Error('The server sent no screen.');
      setCode('');
      setName('');
      onPaired(screen.name);
    } catch (error) {
      const e = apiError(error);
      const fields = fieldErrors(e, { code: 'code', name: 'name', teamId: 'team' });
      setErrors(
        fields
          ? {
              ...fields,
              ...(fields.code
                ? {
                    code: 'No TV shows this code now: it may have expired or been used. Check the code on the TV.',
                  }
                : {}),
            }
          : { form: e?.message ?? 'Could not pair the screen.' },
      );
    }
  };

  return (
    <form className="card pair-form" aria-labelledby="pair-title" onSubmit={(e) => void submit(e)} noValidate>
      <h2 id="pair-title">Pair a screen</h2>
      <p className="muted small">
        Open <code>/tv</code> on the TV: it shows a code. Enter it here; the TV then shows the boards of the
        team you choose, with no token to type.
      </p>
      <div className="field-row">
        <Field label="Code on the TV" error={errors.code}>
          {(props) => (
            <input
              {...props}
              className="pair-code-input"
              autoComplete="off"
              autoCapitalize="characters"
              spellCheck={false}
              placeholder="K7QM-2XPD"
              value={code}
              onChange={(e) => setCode(displayCode(e.target.value))}
            />
          )}
        </Field>
        <NameField
          label="Screen name"
          error={errors.name}
          placeholder="Sales floor, 3rd"
          value={name}
          onChange={setName}
        />
        <Field
          label="Team"
          error={errors.teamId}
          hint={choices.noTeam ? 'No team: the whole organisation’s boards.' : undefined}
        >
          {(props) => (
            <select {...props} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {!choices.noTeam && choices.teams.length === 1 ? null : (
                <option value="">{choices.noTeam ? 'No team (everyone)' : 'Choose a team'}</option>
              )}
              {choices.teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FormError message={errors.form} />
      <FormActions busy={loading} label="Pair screen" busyLabel="Pairing…" />
    </form>
  );
}

interface ScreenRow {
  id: string;
  name: string;
  active: boolean;
  pairedAt: string;
  lastSeenAt: string | null;
  team: { id: string; name: string } | null;
  layout: ScreenLayout;
  health: ScreenHealthInfo;
}

function ScreenItem({ screen }: { screen: ScreenRow }) {
  const headingId = useId();
  const revoking = useConfirmedAction('The server refused.');
  const [revoke, { loading }] = useMutation(REVOKE_SCREEN);
  return (
    <li className={`person screen-row${screen.active ? '' : ' inactive'}`} aria-labelledby={headingId}>
      <p className="person-name" id={headingId}>
        {screen.name}
      </p>
      <span className="person-team">{screen.team?.name ?? <span className="muted">Everyone</span>}</span>
      <span className="screen-when">Paired {formatWhen(screen.pairedAt)}</span>
      <span className="screen-when">Last seen {formatWhen(screen.lastSeenAt)}</span>
      <span className={`person-state ${screen.active ? 'active' : 'inactive'}`}>
        {screen.active ? 'active' : 'revoked'}
      </span>
      <ScreenHealth active={screen.active} health={screen.health} />
      <span className="screen-layout">{layoutInWords(screen.layout)}</span>
      <div className="person-actions">
        {screen.active ? (
          <AskFirst
            action={revoking}
            label="Revoke"
            ariaLabel={`Revoke ${screen.name}`}
            className="ghost"
            question={`Revoke ${screen.name}? Its TV stops at once and shows a new code.`}
            yes="Yes, revoke"
            busyYes="Revoking…"
            busy={loading}
            onYes={() => void revoking.run(() => revoke({ variables: { id: screen.id } }))}
          >
            <ScreenEditButton screen={screen} />
          </AskFirst>
        ) : null}
      </div>
      <FormError message={revoking.error} className="person-message" />
    </li>
  );
}

/** Active screens first, then by name. */
export function screenOrder(a: ScreenRow, b: ScreenRow): number {
  return Number(b.active) - Number(a.active) || a.name.localeCompare(b.name);
}

export function ScreensPage({ viewer }: { viewer: ViewerInfo }) {
  // health changes by itself (screens come and go): asked again every half minute
  const list = useQuery(SCREENS, { fetchPolicy: 'cache-and-network', pollInterval: 30_000 });
  const { data } = list;
  const [paired, setPaired] = useState<string | null>(null);
  const choices = pairChoicesOf(viewer.me, viewer.teams);
  const screens = (data?.screens ?? [])
    .map((s) => ({
      ...getFragmentData(ScreenRowFragment, s),
      layout: getFragmentData(ScreenLayoutFragment, s.layout),
      health: s.health,
    }))
    .sort(screenOrder);
  const mayPair = choices.noTeam || choices.teams.length > 0;

  return (
    <div className="admin-page screens-page">
      <div className="section-head">
        <h1>Screens</h1>
      </div>
      {viewer.me.role === 'MANAGER' ? (
        <p className="muted">
          {mayPair
            ? 'You can pair screens for the teams you manage and revoke them; an admin sees every screen.'
            : 'You manage no team, so you cannot pair a screen; an admin can.'}
        </p>
      ) : null}
      {mayPair ? <PairForm choices={choices} onPaired={(name) => setPaired(name)} /> : null}
      <p className="account-done" role="status">
        {paired ? `${paired} is paired: the TV shows the boards now.` : null}
      </p>

      <LoadState what="the screens" {...queryState(list)}>
        {screens.length === 0 ? (
          <p className="empty">No screen is paired yet.</p>
        ) : (
          <ul className="people-list" aria-label="Screens">
            {screens.map((s) => (
              <ScreenItem key={s.id} screen={s} />
            ))}
          </ul>
        )}
      </LoadState>
    </div>
  );
}
