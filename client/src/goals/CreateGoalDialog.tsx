/**
 * New goals (MANAGER for their teams, ADMIN for all): for one person, for a team as a whole, or
 * for every member of a team at once (one goal each, each target adjustable before saving). The
 * period is chosen by name ("This month · December 2025", "Next week · Dec 8 – Dec 14, 2025
 * (Mon–Sun)") from the organisation's today, not typed as a start date. Inputs are checked as the
 * server checks them; the server's refusals land beside their fields or rows, and a duplicate
 * links to the goal that is already there.
 */
import { useState, type FormEvent } from 'react';
import { Dialog, Field } from '../components/Form.tsx';
import { PeriodTypeField } from '../components/PeriodTypeField.tsx';
import type { TeamInfo } from '../dashboard/viewer.ts';
import { periodParams } from '../dashboard/viewState.ts';
import type { PeriodSelection } from '../dashboard/viewer.ts';
import type { CreateGoalInput, GoalMetric, PeriodType } from '../gql/graphql.ts';
import { formatDate } from '../lib/format.ts';
import {
  GOAL_METRICS,
  METRIC_NAMES,
  parseAmount,
  validateCreate,
  type FieldErrors,
  type GoalDraft,
} from '../lib/goals.ts';
import { linkClick } from '../lib/router.ts';
import { relativePeriodLabel, shiftPeriod } from '../lib/periods.ts';
import { GoalValueFields, refusalMessage } from './GoalValueFields.tsx';
import type { OwnerInfo } from './mutations.ts';
import { useSaveGoals, type GoalLink, type GoalToSave, type Outcome } from './saveGoals.ts';

/** The periods a goal may be set for: last period (a late entry) to three ahead. */
export const PERIOD_OFFSETS = [-1, 0, 1, 2, 3] as const;

export function PeriodChoice({
  periodType,
  offset,
  today,
  error,
  onType,
  onOffset,
}: {
  periodType: PeriodType;
  offset: number;
  today: string;
  error: string | undefined;
  onType: (type: PeriodType) => void;
  onOffset: (offset: number) => void;
}) {
  return (
    <div className="field-row">
      <PeriodTypeField name="periodType" value={periodType} onChange={onType} />
      <Field
        label="Which"
        error={error}
        hint={periodType === 'WEEKLY' ? 'Weeks run Monday to Sunday.' : undefined}
      >
        {(props) => (
          <select {...props} name="period" value={offset} onChange={(e) => onOffset(Number(e.target.value))}>
            {PERIOD_OFFSETS.map((o) => (
              <option key={o} value={o}>
                {relativePeriodLabel(periodType, today, o)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}

/** "The period": the server's message about periodStart, worded for the picker (no ISO date). */
export function periodError(fields: FieldErrors, start: string): string | undefined {
  return fields.periodStart ? `This period cannot be used (it starts ${formatDate(start)}).` : undefined;
}

export function ExistingGoalLink({ link, onFollow }: { link: GoalLink; onFollow: () => void }) {
  return (
    <a
      className="existing-goal"
      href={link.href}
      onClick={(event) => {
        onFollow();
        linkClick(event);
      }}
    >
      Open {link.owner ? `${link.owner}’s` : 'the'} existing goal
    </a>
  );
}

interface MemberRow {
  include: boolean;
  target: string;
  /** Typed by hand: the common target no longer overwrites it. */
  edited: boolean;
}

export function CreateGoalDialog({
  teams,
  defaultOwner,
  period,
  onClose,
  onCreated,
}: {
  teams: TeamInfo[];
  /** "user:<id>", "team:<id>" or "each:<teamId>"; null: the first team's members. */
  defaultOwner: string | null;
  /** The dashboard's period: the one offered first. */
  period: PeriodSelection;
  onClose: () => void;
  /** After saving: shows the period the goals were set for. */
  onCreated: (changes: Record<string, string | null>) => void;
}) {
  const today = period.today;
  const firstTeam = teams[0]?.id ?? '';
  const [draft, setDraft] = useState<GoalDraft>({
    owner: defaultOwner ?? `each:${firstTeam}`,
    metric: 'REVENUE',
    periodType: period.periodType,
    periodStart: '',
    targetValue: '',
    currentValue: '',
    description: '',
  });
  const [offset, setOffset] = useState(Math.min(Math.max(period.offset, -1), 3));
  const [rows, setRows] = useState<Record<string, MemberRow>>({});
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [existing, setExisting] = useState<GoalLink | null>(null);
  const { save, saving, outcomes } = useSaveGoals(today);
  const start = shiftPeriod(draft.periodType, today, offset);
  const set = <K extends keyof GoalDraft>(key: K, value: GoalDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const [kind = '', ownerId = ''] = draft.owner.split(':');
  const team = teams.find((t) =>
    kind === 'user' ? t.members.some((m) => m.id === ownerId) : t.id === ownerId,
  );
  const sellers = (t: TeamInfo | undefined) =>
    (t?.members ?? []).filter((m) => m.role === 'REP' || m.role === 'MANAGER');
  const members = kind === 'each' ? sellers(team) : [];
  const rowOf = (id: string): MemberRow => rows[id] ?? { include: true, target: '', edited: false };
  const targetOf = (id: string) => (rowOf(id).edited ? rowOf(id).target : draft.targetValue);

  const ownerInfo = (userId: string | null): OwnerInfo => {
    const member = userId ? team?.members.find((m) => m.id === userId) : undefined;
    return {
      user: member
        ? { id: member.id, name: member.name, teamId: team?.id ?? null, teamName: team?.name ?? null }
        : null,
      team: !userId && team ? { id: team.id, name: team.name } : null,
    };
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    setExisting(null);
    const description = draft.description.trim();
    const base = {
      metric: draft.metric,
      periodType: draft.periodType,
      periodStart: start,
      ...(description ? { description } : {}),
    };
    const custom = (current: string) =>
      draft.metric === 'CUSTOM' && current.trim() !== '' ? { currentValue: parseAmount(current) } : {};

    if (kind === 'each') {
      const chosen = members.filter((m) => rowOf(m.id).include && outcomes.get(m.id)?.state !== 'created');
      const rowErrors: FieldErrors = {};
      for (const m of chosen) {
        const found = validateCreate({
          ...draft,
          owner: `user:${m.id}`,
          periodStart: start,
          targetValue: targetOf(m.id),
        });
        if (found.targetValue) rowErrors[m.id] = `Target ${found.targetValue}`;
      }
      const common = validateCreate({ ...draft, periodStart: start, owner: `user:x`, targetValue: '1' });
      setErrors({ ...common, ...rowErrors });
      if (Object.values({ ...common, ...rowErrors }).some(Boolean)) return;
      if (chosen.length === 0) {
        setFormError('Tick at least one person.');
        return;
      }
      const goals: GoalToSave[] = chosen.map((m) => ({
        key: m.id,
        input: {
          ...base,
          userId: m.id,
          targetValue: parseAmount(targetOf(m.id)),
          ...custom(draft.currentValue),
        },
        owner: ownerInfo(m.id),
      }));
      const done = await save(goals);
      const refused = [...done.values()].filter((o) => o.state === 'refused').length;
      if (refused === 0) finish();
      else
        setFormError(
          `${refused} of ${goals.length} goals were not saved: see the rows marked below. The others are saved.`,
        );
      return;
    }

    const found = validateCreate({ ...draft, periodStart: start });
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const input: CreateGoalInput = {
      ...base,
      ...(kind === 'user' ? { userId: ownerId } : { teamId: ownerId }),
      targetValue: parseAmount(draft.targetValue),
      ...custom(draft.currentValue),
    };
    const outcome = (
      await save([{ key: draft.owner, input, owner: ownerInfo(kind === 'user' ? ownerId : null) }])
    ).get(draft.owner);
    if (outcome?.state === 'created') return finish();
    if (outcome?.state !== 'refused') return;
    const fields: FieldErrors = { ...outcome.fields };
    if (fields.userId || fields.teamId) fields.owner = fields.userId ?? fields.teamId;
    setErrors(fields);
    if (outcome.code === 'CONFLICT') {
      setFormError(
        `${outcome.existing?.owner || 'This owner'} already has a ${METRIC_NAMES[draft.metric].toLowerCase()} goal for ${relativePeriodLabel(draft.periodType, today, offset).replace(/^.* · /, '')}.`,
      );
      setExisting(outcome.existing);
    } else
      setFormError(
        refusalMessage(
          { code: outcome.code, message: outcome.message, fields: outcome.fields, extensions: {} },
          fields,
        ),
      );
  };

  const finish = () => {
    onClose();
    // show the period the goals were set for
    onCreated(periodParams({ periodType: draft.periodType, offset }, today));
  };

  return (
    <Dialog title="New goals" onClose={onClose}>
      <form className="goal-form" onSubmit={(e) => void submit(e)} noValidate>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
            {existing ? (
              <>
                {' '}
                <ExistingGoalLink link={existing} onFollow={onClose} />
              </>
            ) : null}
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
              {teams.map((t) => (
                <optgroup key={t.id} label={t.name}>
                  <option value={`each:${t.id}`}>
                    Each member of {t.name} ({sellers(t).length})
                  </option>
                  <option value={`team:${t.id}`}>The team as a whole: {t.name}</option>
                  {sellers(t).map((m) => (
                    <option key={m.id} value={`user:${m.id}`}>
                      {m.name}
                    </option>
                  ))}
                </optgroup>
              ))}
            </select>
          )}
        </Field>
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
        <PeriodChoice
          periodType={draft.periodType}
          offset={offset}
          today={today}
          error={periodError(errors, start)}
          onType={(type) => set('periodType', type)}
          onOffset={setOffset}
        />
        <GoalValueFields
          metric={draft.metric}
          values={draft}
          errors={errors}
          onChange={set}
          targetLabel={kind === 'each' ? 'Target for everyone' : 'Target'}
        />
        {kind === 'each' ? (
          <table className="member-targets">
            <caption className="visually-hidden">Targets per member</caption>
            <thead>
              <tr>
                <th scope="col">Set</th>
                <th scope="col">Member</th>
                <th scope="col">Target</th>
                <th scope="col">Saved?</th>
              </tr>
            </thead>
            <tbody>
              {members.map((m) => {
                const row = rowOf(m.id);
                const outcome = outcomes.get(m.id);
                const change = (next: Partial<MemberRow>) => {
                  setRows((r) => ({ ...r, [m.id]: { ...row, ...next } }));
                  setErrors((e) => ({ ...e, [m.id]: undefined }));
                };
                return (
                  <tr key={m.id} data-member={m.name}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Set a goal for ${m.name}`}
                        checked={row.include && outcome?.state !== 'created'}
                        disabled={outcome?.state === 'created'}
                        onChange={(e) => change({ include: e.target.checked })}
                      />
                    </td>
                    <th scope="row">{m.name}</th>
                    <td>
                      <input
                        aria-label={`Target for ${m.name}`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={targetOf(m.id)}
                        disabled={!row.include || outcome?.state === 'created'}
                        aria-invalid={errors[m.id] ? true : undefined}
                        onChange={(e) => change({ target: e.target.value, edited: true })}
                      />
                    </td>
                    <td className="row-outcome">
                      <RowOutcome outcome={outcome} error={errors[m.id]} onFollow={onClose} />
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        ) : null}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving}>
            {saving ? 'Saving…' : kind === 'each' ? 'Create goals' : 'Create goal'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}

export function RowOutcome({
  outcome,
  error,
  onFollow,
}: {
  outcome: Outcome | undefined;
  error?: string | undefined;
  onFollow: () => void;
}) {
  if (error) return <span className="field-error">{error}</span>;
  if (!outcome) return null;
  if (outcome.state === 'created') return <span className="saved">Saved ✓</span>;
  if (outcome.code === 'CONFLICT')
    return (
      <span className="field-error">
        Already set.{' '}
        {outcome.existing ? <ExistingGoalLink link={outcome.existing} onFollow={onFollow} /> : null}
      </span>
    );
  const first = Object.entries(outcome.fields)[0];
  return (
    <span className="field-error">
      {first ? `${first[0] === 'targetValue' ? 'Target' : first[0]} ${first[1]}` : outcome.message}
    </span>
  );
}
