/**
 * A new goal (MANAGER for their teams, ADMIN for all): inputs are checked as the server checks them
 * before sending; the server's field errors land beside the same fields.
 */
import { useState, type FormEvent } from 'react';
import { Dialog, Field } from '../components/Form.tsx';
import type { TeamInfo } from '../dashboard/viewer.ts';
import type { GoalMetric, PeriodType } from '../gql/graphql.ts';
import { apiError } from '../lib/errors.ts';
import {
  GOAL_METRICS,
  METRIC_NAMES,
  parseAmount,
  validateCreate,
  type FieldErrors,
  type GoalDraft,
} from '../lib/goals.ts';
import { PERIOD_NAMES, PERIOD_TYPES, periodStart, today } from '../lib/periods.ts';
import { GoalValueFields, refusalMessage } from './GoalValueFields.tsx';
import { useCreateGoal } from './mutations.ts';

export function CreateGoalDialog({
  teams,
  defaultOwner,
  onClose,
}: {
  teams: TeamInfo[];
  defaultOwner: string;
  onClose: () => void;
}) {
  const [draft, setDraft] = useState<GoalDraft>({
    owner: defaultOwner,
    metric: 'REVENUE',
    periodType: 'MONTHLY',
    periodStart: periodStart('MONTHLY', today()),
    targetValue: '',
    currentValue: '',
    description: '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [create, { loading }] = useCreateGoal();
  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const found = validateCreate(draft);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const [kind = '', ownerId = ''] = draft.owner.split(':');
    const team = teams.find((t) =>
      kind === 'team' ? t.id === ownerId : t.members.some((m) => m.id === ownerId),
    );
    const member = kind === 'user' ? team?.members.find((m) => m.id === ownerId) : undefined;
    const description = draft.description.trim();
    try {
      await create(
        {
          ...(kind === 'user' ? { userId: ownerId } : { teamId: ownerId }),
          metric: draft.metric,
          periodType: draft.periodType,
          periodStart: draft.periodStart,
          targetValue: parseAmount(draft.targetValue),
          ...(draft.metric === 'CUSTOM' && draft.currentValue.trim() !== ''
            ? { currentValue: parseAmount(draft.currentValue) }
            : {}),
          ...(description ? { description } : {}),
        },
        {
          user: member
            ? { id: member.id, name: member.name, teamId: team?.id ?? null, teamName: team?.name ?? null }
            : null,
          team: kind === 'team' && team ? { id: team.id, name: team.name } : null,
        },
      );
      onClose();
    } catch (error) {
      const e = apiError(error);
      const fields: FieldErrors = { ...e?.fields };
      if (fields.userId || fields.teamId) fields.owner = fields.userId ?? fields.teamId;
      setErrors(fields);
      setFormError(e?.code === 'CONFLICT' ? e.message : refusalMessage(e, fields));
    }
  };

  return (
    <Dialog title="New goal" onClose={onClose}>
      <form className="goal-form" onSubmit={(e) => void submit(e)} noValidate>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <Field label="For" error={errors.owner}>
          {(props) => (
            <select
              {...props}
              name="owner"
              value={draft.owner}
              onChange={(e) => set('owner', e.target.value)}
            >
              {teams.map((team) => (
                <optgroup key={team.id} label={team.name}>
                  <option value={`team:${team.id}`}>Whole team: {team.name}</option>
                  {team.members
                    .filter((m) => m.role === 'REP' || m.role === 'MANAGER')
                    .map((m) => (
                      <option key={m.id} value={`user:${m.id}`}>
                        {m.name}
                      </option>
                    ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
        <div className="field-row">
          <Field label="Metric" error={errors.metric}>
            {(props) => (
              <select
                {...props}
                name="metric"
                value={draft.metric}
                onChange={(e) => set('metric', e.target.value as GoalMetric)}
              >
                {GOAL_METRICS.map((m) => (
                  <option key={m} value={m}>
                    {METRIC_NAMES[m]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Period" error={errors.periodType}>
            {(props) => (
              <select
                {...props}
                name="periodType"
                value={draft.periodType}
                onChange={(e) => {
                  const type = e.target.value as PeriodType;
                  setDraft((d) => ({ ...d, periodType: type, periodStart: periodStart(type, today()) }));
                }}
              >
                {PERIOD_TYPES.map((p) => (
                  <option key={p} value={p}>
                    {PERIOD_NAMES[p]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Starts on" error={errors.periodStart} hint="The first day of the period.">
            {(props) => (
              <input
                {...props}
                name="periodStart"
                type="date"
                value={draft.periodStart}
                onChange={(e) => set('periodStart', e.target.value)}
              />
            )}
          </Field>
        </div>
        <GoalValueFields metric={draft.metric} values={draft} errors={errors} onChange={set} />
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={loading}>
            {loading ? 'Saving…' : 'Create goal'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
