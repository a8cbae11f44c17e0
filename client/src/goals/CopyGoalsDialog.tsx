/**
 * Copy last period's goals: a team's goals of the period before the chosen one (its members' and
 * its own), each with last period's target and result, to set again for the chosen period —
 * every target adjustable and every row optional before saving. A goal already set for the chosen
 * period is left out and linked to.
 */
import { useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { Dialog, Field } from '../components/Form.tsx';
import { StatusBadge } from '../components/StatusBadge.tsx';
import type { PeriodSelection, TeamInfo } from '../dashboard/viewer.ts';
import { periodParams } from '../dashboard/viewState.ts';
import { graphql } from '../gql/index.ts';
import type { PeriodType } from '../gql/graphql.ts';
import { checkValue, formatGoalValue, METRIC_NAMES, parseAmount } from '../lib/goals.ts';
import { periodLabel, shiftPeriod } from '../lib/periods.ts';
import { linkClick } from '../lib/router.ts';
import { PeriodChoice, RowOutcome } from './CreateGoalDialog.tsx';
import { goalHref, useSaveGoals, type GoalToSave } from './saveGoals.ts';

const TEAM_PERIOD_GOALS = graphql(`
  query TeamPeriodGoals($teamId: ID!, $periodType: PeriodType!, $date: Date!) {
    goals(teamId: $teamId, includeMembers: true, periodType: $periodType, date: $date, activeOnly: false) {
      id
      metric
      periodType
      periodStart
      targetValue
      currentValue
      achievementPercentage
      status
      description
      user {
        id
        name
        team {
          id
          name
        }
      }
      team {
        id
        name
      }
    }
  }
`);

interface Row {
  include: boolean;
  target: string;
}

export function CopyGoalsDialog({
  teams,
  defaultTeamId,
  period,
  onClose,
  onCreated,
}: {
  teams: TeamInfo[];
  defaultTeamId: string | null;
  period: PeriodSelection;
  onClose: () => void;
  onCreated: (changes: Record<string, string | null>) => void;
}) {
  const today = period.today;
  const [teamId, setTeamId] = useState(
    teams.some((t) => t.id === defaultTeamId) ? (defaultTeamId ?? '') : (teams[0]?.id ?? ''),
  );
  const [periodType, setPeriodType] = useState<PeriodType>(period.periodType);
  const [offset, setOffset] = useState(Math.min(3, Math.max(0, period.offset)));
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const { save, saving, outcomes } = useSaveGoals(today);
  const target = shiftPeriod(periodType, today, offset);
  const source = shiftPeriod(periodType, today, offset - 1);
  const team = teams.find((t) => t.id === teamId);

  const last = useQuery(TEAM_PERIOD_GOALS, {
    variables: { teamId, periodType, date: source },
    skip: !teamId,
    fetchPolicy: 'network-only',
  });
  const next = useQuery(TEAM_PERIOD_GOALS, {
    variables: { teamId, periodType, date: target },
    skip: !teamId,
    fetchPolicy: 'network-only',
  });
  // exactly last period's goals of this length (a month's list also holds the weeks running in it)
  const copied = (last.data?.goals ?? []).filter(
    (g) => g.periodType === periodType && g.periodStart === source,
  );
  const already = (next.data?.goals ?? []).filter(
    (g) => g.periodType === periodType && g.periodStart === target,
  );
  const ownerKey = (g: { user: { id: string } | null; team: { id: string } | null }) =>
    g.user ? `user:${g.user.id}` : `team:${g.team?.id ?? ''}`;
  const existingFor = (g: (typeof copied)[number]) =>
    already.find((a) => a.metric === g.metric && ownerKey(a) === ownerKey(g));
  const rowOf = (g: (typeof copied)[number]): Row =>
    rows[g.id] ?? { include: !existingFor(g), target: String(g.targetValue) };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFormError(null);
    const chosen = copied.filter(
      (g) => rowOf(g).include && !existingFor(g) && outcomes.get(g.id)?.state !== 'created',
    );
    const found: Record<string, string> = {};
    for (const g of chosen) {
      const problem = checkValue(parseAmount(rowOf(g).target), g.metric, true);
      if (problem) found[g.id] = `Target ${problem}`;
    }
    setErrors(found);
    if (Object.keys(found).length) return;
    if (chosen.length === 0) {
      setFormError('Nothing to copy: tick at least one goal.');
      return;
    }
    const goals: GoalToSave[] = chosen.map((g) => ({
      key: g.id,
      input: {
        ...(g.user ? { userId: g.user.id } : { teamId: g.team?.id ?? '' }),
        metric: g.metric,
        periodType,
        periodStart: target,
        targetValue: parseAmount(rowOf(g).target),
        ...(g.description ? { description: g.description } : {}),
      },
      owner: {
        user: g.user
          ? {
              id: g.user.id,
              name: g.user.name,
              teamId: g.user.team?.id ?? null,
              teamName: g.user.team?.name ?? null,
            }
          : null,
        team: g.team ? { id: g.team.id, name: g.team.name } : null,
      },
    }));
    const done = await save(goals);
    const refused = [...done.values()].filter((o) => o.state === 'refused').length;
    if (refused === 0) {
      onClose();
      onCreated(periodParams({ periodType, offset }, today));
    } else setFormError(`${refused} of ${goals.length} goals were not copied: see the rows marked below.`);
  };

  const loading = (last.loading && !last.data) || (next.loading && !next.data);
  const failed = last.error ?? next.error;
  return (
    <Dialog title="Copy last period’s goals" onClose={onClose}>
      <form className="goal-form copy-goals" onSubmit={(e) => void submit(e)} noValidate>
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <Field label="Team" error={undefined}>
          {(props) => (
            <select {...props} name="team" value={teamId} onChange={(e) => setTeamId(e.target.value)}>
              {teams.map((t) => (
                <option key={t.id} value={t.id}>
                  {t.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <PeriodChoice
          periodType={periodType}
          offset={offset}
          today={today}
          error={undefined}
          onType={setPeriodType}
          onOffset={setOffset}
        />
        <p className="muted">
          From {periodLabel(periodType, source)} to {periodLabel(periodType, target)}
          {team ? ` · ${team.name}` : ''}
        </p>
        {failed ? (
          <p className="error" role="alert">
            Could not load the goals: {failed.message}
          </p>
        ) : loading ? (
          <p className="muted">Loading last period’s goals…</p>
        ) : copied.length === 0 ? (
          <p className="empty">
            No {periodType.toLowerCase()} goals in {periodLabel(periodType, source)} to copy.
          </p>
        ) : (
          <table className="member-targets">
            <caption className="visually-hidden">Goals to copy</caption>
            <thead>
              <tr>
                <th scope="col">Copy</th>
                <th scope="col">Goal</th>
                <th scope="col">Last period</th>
                <th scope="col">New target</th>
                <th scope="col">Saved?</th>
              </tr>
            </thead>
            <tbody>
              {copied.map((g) => {
                const row = rowOf(g);
                const outcome = outcomes.get(g.id);
                const there = existingFor(g);
                const owner = g.user?.name ?? `Team ${g.team?.name ?? ''}`;
                const name = `${owner} · ${METRIC_NAMES[g.metric]}`;
                const change = (patch: Partial<Row>) => {
                  setRows((r) => ({ ...r, [g.id]: { ...row, ...patch } }));
                  setErrors((e) => ({ ...e, [g.id]: '' }));
                };
                const locked = !!there || outcome?.state === 'created';
                return (
                  <tr key={g.id} data-goal={name}>
                    <td>
                      <input
                        type="checkbox"
                        aria-label={`Copy ${name}`}
                        checked={row.include && !locked}
                        disabled={locked}
                        onChange={(e) => change({ include: e.target.checked })}
                      />
                    </td>
                    <th scope="row">{name}</th>
                    <td className="last-result">
                      {formatGoalValue(g.metric, g.currentValue)} of{' '}
                      {formatGoalValue(g.metric, g.targetValue)} <StatusBadge status={g.status} />
                    </td>
                    <td>
                      <input
                        aria-label={`New target for ${name}`}
                        inputMode="decimal"
                        autoComplete="off"
                        value={row.target}
                        disabled={!row.include || locked}
                        aria-invalid={errors[g.id] ? true : undefined}
                        onChange={(e) => change({ target: e.target.value })}
                      />
                    </td>
                    <td className="row-outcome">
                      {there && !outcome ? (
                        <span className="muted">
                          Already set ({formatGoalValue(g.metric, there.targetValue)}).{' '}
                          <a
                            className="existing-goal"
                            href={goalHref(there)}
                            onClick={(event) => {
                              onClose();
                              linkClick(event);
                            }}
                          >
                            Open it
                          </a>
                        </span>
                      ) : (
                        <RowOutcome outcome={outcome} error={errors[g.id] || undefined} onFollow={onClose} />
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={saving || loading || copied.length === 0}>
            {saving ? 'Saving…' : 'Copy goals'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
