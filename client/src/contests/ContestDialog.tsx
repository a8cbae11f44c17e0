/**
 * Create or edit a contest. Times are entered as the organisation's wall-clock times and sent as
 * instants (contests.ts); participants are everyone (admins), teams, people, or pairs for head to
 * head. A manager is offered only their teams and those teams' people, as the server allows. Once
 * a contest started, only its name, description and prize can change: the other fields are shown
 * but disabled (the server refuses them with CONFLICT naming the field).
 */
import { useMutation } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { FormActions, FormError } from '../components/Actions.tsx';
import { DescriptionField, Dialog, Field, NameField } from '../components/Form.tsx';
import { useClock } from '../dashboard/clock.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { graphql } from '../gql/index.ts';
import type {
  ActivityKind,
  ContestFormat,
  ContestGoalMetric,
  ContestInfoQuery,
  ContestMetric,
} from '../gql/graphql.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import {
  FORMAT_NAMES,
  GOAL_METRIC_NAMES,
  instantToWallTime,
  KIND_NAMES,
  METRIC_NAMES,
  wallTimeToInstant,
} from './contests.ts';

const CREATE = graphql(`
  mutation CreateContest($input: CreateContestInput!) {
    createContest(input: $input) {
      id
    }
  }
`);

const UPDATE = graphql(`
  mutation UpdateContest($id: ID!, $input: UpdateContestInput!) {
    updateContest(id: $id, input: $input) {
      id
    }
  }
`);

/** What the dialog edits of a stored contest: the contest page's (ContestInfo's) generated type. */
export type ContestDraft = NonNullable<ContestInfoQuery['contest']>;

type Errors = Partial<
  Record<
    'name' | 'description' | 'prize' | 'startsAt' | 'endsAt' | 'participants' | 'format' | 'form',
    string
  >
>;

const LABELS = {
  name: 'name',
  description: 'description',
  prize: 'prize',
  startsAt: 'start',
  endsAt: 'end',
  format: 'format',
  everyone: 'participants',
  userIds: 'participants',
  teamIds: 'participants',
  pairs: 'pairs',
} as const;

export function ContestDialog({
  viewer,
  contest,
  onClose,
  onSaved,
}: {
  viewer: ViewerInfo;
  contest?: ContestDraft;
  onClose: () => void;
  onSaved: (id: string) => void;
}) {
  const { timeZone } = useClock();
  const now = new Date();
  const started = contest ? contest.status !== 'UPCOMING' : false;
  const admin = viewer.me.role === 'ADMIN';
  const teams = viewer.teams.filter((t) => admin || viewer.writableTeamIds.has(t.id));
  const people = viewer.sellers.filter(
    (p) => admin || (p.teamId !== null && viewer.writableTeamIds.has(p.teamId)),
  );
  const hour = Math.ceil(now.getTime() / 3_600_000) * 3_600_000;
  const [name, setName] = useState(contest?.name ?? '');
  const [description, setDescription] = useState(contest?.description ?? '');
  const [prize, setPrize] = useState(contest?.prize ?? '');
  const [start, setStart] = useState(instantToWallTime(new Date(contest?.startsAt ?? hour), timeZone));
  const [end, setEnd] = useState(instantToWallTime(new Date(contest?.endsAt ?? hour + 3_600_000), timeZone));
  const [metric, setMetric] = useState<ContestMetric>(contest?.metric ?? 'REVENUE');
  const [kind, setKind] = useState<ActivityKind | ''>(contest?.activityKind ?? '');
  const [goalMetric, setGoalMetric] = useState<ContestGoalMetric>(contest?.goalMetric ?? 'REVENUE');
  const [format, setFormat] = useState<ContestFormat>(contest?.format ?? 'INDIVIDUAL');
  const [everyone, setEveryone] = useState(contest?.everyone ?? false);
  const [teamIds, setTeamIds] = useState<string[]>(contest?.teams.map((t) => t.id) ?? []);
  const [userIds, setUserIds] = useState<string[]>(contest?.users.map((u) => u.id) ?? []);
  const [pairs, setPairs] = useState<[string, string][]>(
    contest?.pairs.map((p): [string, string] => [p.user?.id ?? '', p.opponent?.id ?? '']) ?? [['', '']],
  );
  const [errors, setErrors] = useState<Errors>({});
  const [create, creating] = useMutation(CREATE, { refetchQueries: ['Contests'], awaitRefetchQueries: true });
  const [update, updating] = useMutation(UPDATE, {
    refetchQueries: ['Contests', 'ContestInfo'],
    awaitRefetchQueries: true,
  });
  const busy = creating.loading || updating.loading;
  const h2h = format === 'HEAD_TO_HEAD';
  const toggle = (list: string[], id: string) =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id];

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const found: Errors = {};
    if (!name.trim()) found.name = 'The name must not be empty.';
    const startsAt = wallTimeToInstant(start, timeZone);
    const endsAt = wallTimeToInstant(end, timeZone);
    if (!startsAt) found.startsAt = 'Choose when it starts.';
    if (!endsAt) found.endsAt = 'Choose when it ends.';
    else if (startsAt && endsAt <= startsAt) found.endsAt = 'It must end after it starts.';
    if (Object.keys(found).length || !startsAt || !endsAt) {
      setErrors(found);
      return;
    }
    setErrors({});
    const fixed = {
      startsAt: startsAt.toISOString(),
      endsAt: endsAt.toISOString(),
      metric,
      activityKind: metric === 'ACTIVITIES' && kind ? kind : null,
      goalMetric: metric === 'GOAL_PERCENT' ? goalMetric : null,
      format,
      ...(h2h
        ? { pairs: pairs.filter(([a, b]) => a && b).map(([userId, opponentId]) => ({ userId, opponentId })) }
        : everyone
          ? { everyone: true }
          : { everyone: false, teamIds, userIds }),
    };
    const text = { name: name.trim(), description: description.trim() || null, prize: prize.trim() || null };
    try {
      if (contest) {
        await update({ variables: { id: contest.id, input: started ? text : { ...text, ...fixed } } });
        onSaved(contest.id);
      } else {
        const created = await create({ variables: { input: { ...text, ...fixed } } });
        onSaved(created.data?.createContest.id ?? '');
      }
    } catch (error) {
      const e = apiError(error);
      const fields = fieldErrors(e, LABELS);
      setErrors(
        fields
          ? {
              ...fields,
              participants: fields.everyone ?? fields.userIds ?? fields.teamIds ?? fields.pairs,
            }
          : { form: e?.message ?? 'Could not save.' },
      );
    }
  };

  return (
    <Dialog title={contest ? `Edit ${contest.name}` : 'New contest'} onClose={onClose}>
      <form className="contest-form" onSubmit={(e) => void submit(e)} noValidate aria-label="Contest">
        <NameField error={errors.name} autoFocus value={name} onChange={setName} placeholder="Power hour" />
        <div className="field-row">
          <Field label="Prize" error={errors.prize}>
            {(props) => (
              <input {...props} maxLength={200} value={prize} onChange={(e) => setPrize(e.target.value)} />
            )}
          </Field>
          <DescriptionField error={errors.description} value={description} onChange={setDescription} />
        </div>
        <div className="field-row">
          <Field label={`Starts (${timeZone})`} error={errors.startsAt}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                disabled={started}
                value={start}
                onChange={(e) => setStart(e.target.value)}
              />
            )}
          </Field>
          <Field label={`Ends (${timeZone})`} error={errors.endsAt}>
            {(props) => (
              <input
                {...props}
                type="datetime-local"
                disabled={started}
                value={end}
                onChange={(e) => setEnd(e.target.value)}
              />
            )}
          </Field>
        </div>
        <div className="field-row">
          <Field label="Metric" error={undefined}>
            {(props) => (
              <select
                {...props}
                disabled={started}
                value={metric}
                onChange={(e) => setMetric(e.target.value as ContestMetric)}
              >
                {(Object.keys(METRIC_NAMES) as ContestMetric[]).map((m) => (
                  <option key={m} value={m}>
                    {METRIC_NAMES[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {metric === 'ACTIVITIES' ? (
            <Field label="Activity kind" error={undefined}>
              {(props) => (
                <select
                  {...props}
                  disabled={started}
                  value={kind}
                  onChange={(e) => setKind(e.target.value as ActivityKind | '')}
                >
                  <option value="">Every kind</option>
                  {(Object.keys(KIND_NAMES) as ActivityKind[]).map((k) => (
                    <option key={k} value={k}>
                      {KIND_NAMES[k]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          {metric === 'GOAL_PERCENT' ? (
            <Field label="Goal" error={undefined} hint="Each one’s own goal of this metric.">
              {(props) => (
                <select
                  {...props}
                  disabled={started}
                  value={goalMetric}
                  onChange={(e) => setGoalMetric(e.target.value as ContestGoalMetric)}
                >
                  {(Object.keys(GOAL_METRIC_NAMES) as ContestGoalMetric[]).map((g) => (
                    <option key={g} value={g}>
                      {GOAL_METRIC_NAMES[g]}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          ) : null}
          <Field label="Format" error={errors.format}>
            {(props) => (
              <select
                {...props}
                disabled={started}
                value={format}
                onChange={(e) => setFormat(e.target.value as ContestFormat)}
              >
                {(Object.keys(FORMAT_NAMES) as ContestFormat[]).map((f) => (
                  <option key={f} value={f}>
                    {FORMAT_NAMES[f]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </div>
        <fieldset className="contest-participants" disabled={started}>
          <legend>{h2h ? 'Pairs' : 'Participants'}</legend>
          {h2h ? (
            <>
              {pairs.map(([a, b], i) => (
                <div className="pair-row" key={i}>
                  {[a, b].map((value, side) => (
                    <select
                      key={side}
                      aria-label={`Pair ${i + 1}, ${side ? 'opponent' : 'person'}`}
                      value={value}
                      onChange={(e) =>
                        setPairs(
                          pairs.map((p, j) =>
                            j === i ? (side ? [p[0], e.target.value] : [e.target.value, p[1]]) : p,
                          ),
                        )
                      }
                    >
                      <option value="">Choose…</option>
                      {people.map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                        </option>
                      ))}
                    </select>
                  ))}
                </div>
              ))}
              <button type="button" className="ghost" onClick={() => setPairs([...pairs, ['', '']])}>
                Add a pair
              </button>
            </>
          ) : (
            <>
              {admin ? (
                <label className="check">
                  <input type="checkbox" checked={everyone} onChange={(e) => setEveryone(e.target.checked)} />{' '}
                  Everyone
                </label>
              ) : null}
              {everyone ? null : (
                <div className="contest-choices">
                  {teams.map((t) => (
                    <label className="check" key={t.id}>
                      <input
                        type="checkbox"
                        checked={teamIds.includes(t.id)}
                        onChange={() => setTeamIds(toggle(teamIds, t.id))}
                      />{' '}
                      Team {t.name}
                    </label>
                  ))}
                  {format === 'INDIVIDUAL'
                    ? people.map((p) => (
                        <label className="check" key={p.id}>
                          <input
                            type="checkbox"
                            checked={userIds.includes(p.id)}
                            onChange={() => setUserIds(toggle(userIds, p.id))}
                          />{' '}
                          {p.name}
                        </label>
                      ))
                    : null}
                </div>
              )}
            </>
          )}
          {errors.participants ? <p className="field-error">{errors.participants}</p> : null}
        </fieldset>
        {started ? (
          <p className="muted small">It has started: only its name, prize and description can change.</p>
        ) : null}
        <FormError message={errors.form} />
        <FormActions
          busy={busy}
          label={contest ? 'Save' : 'Create contest'}
          busyLabel={contest ? 'Saving…' : 'Creating…'}
          onCancel={onClose}
        />
      </form>
    </Dialog>
  );
}
