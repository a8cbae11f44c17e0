/**
 * Edit and delete a goal (MANAGER for their teams, ADMIN for all). Inputs are checked as
 * the server checks them before sending; the server's field errors land beside the same fields.
 * Edits are compare-and-set on the version the editor opened with: when another manager saved
 * first, the server answers CONFLICT with their values, shown here with a way to reapply.
 * It reads the goal as its card does (GoalCard_goal, which holds every field it needs), so the list
 * fetches one set of goal fields and the optimistic update starts from what is shown.
 */
import { useState } from 'react';
import { Dialog } from '../components/Form.tsx';
import type { GoalCard_GoalFragment, GoalStatus } from '../gql/graphql.ts';
import { apiError } from '../lib/errors.ts';
import {
  formatGoalValue,
  METRIC_NAMES,
  parseAmount,
  STATUS_NAMES,
  validateUpdate,
  type FieldErrors,
} from '../lib/goals.ts';
import { useClock } from '../dashboard/clock.ts';
import { formatDate } from '../lib/format.ts';
import { PERIOD_NAMES } from '../lib/periods.ts';
import { GoalValueFields, refusalMessage, type GoalValues } from './GoalValueFields.tsx';
import { useDeleteGoal, useUpdateGoal } from './mutations.ts';

interface TheirVersion {
  version: number;
  targetValue: number;
  currentValue: number;
  description: string | null;
  status: GoalStatus | null;
}

function readConflict(extensions: Record<string, unknown>): TheirVersion | null {
  const current = extensions.current as Partial<TheirVersion> | undefined;
  const version = current?.version ?? extensions.currentVersion;
  if (typeof version !== 'number') return null;
  return {
    version,
    targetValue: Number(current?.targetValue ?? NaN),
    currentValue: Number(current?.currentValue ?? NaN),
    description: typeof current?.description === 'string' ? current.description : null,
    status: (current?.status as GoalStatus | undefined) ?? null,
  };
}

/** `goal`: as its card shows it (GoalCard_goal), which is also what the optimistic update starts from. */
export function EditGoalDialog({ goal, onClose }: { goal: GoalCard_GoalFragment; onClose: () => void }) {
  const [baseVersion, setBaseVersion] = useState(goal.version);
  const [values, setValues] = useState<GoalValues>({
    targetValue: String(goal.targetValue),
    currentValue: String(goal.currentValue),
    description: goal.description ?? '',
  });
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [theirs, setTheirs] = useState<TheirVersion | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [update, { loading }] = useUpdateGoal(useClock().today);
  const [remove, { loading: deleting }] = useDeleteGoal();
  const owner = goal.user?.name ?? (goal.team ? `Team ${goal.team.name}` : '');
  const title = `${owner} · ${METRIC_NAMES[goal.metric]}`;
  const changedMeanwhile = !theirs && goal.version > baseVersion;

  const set = (key: keyof GoalValues, value: string) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  const save = async (expectedVersion: number) => {
    setFormError(null);
    const found = validateUpdate(goal.metric, values);
    setErrors(found);
    if (Object.values(found).some(Boolean)) return;
    const description = values.description.trim();
    try {
      await update(
        goal,
        {
          targetValue: parseAmount(values.targetValue),
          ...(goal.metric === 'CUSTOM' && values.currentValue.trim() !== ''
            ? { currentValue: parseAmount(values.currentValue) }
            : {}),
          description: description === '' ? null : description,
        },
        expectedVersion,
      );
      onClose();
    } catch (error) {
      const e = apiError(error);
      if (e?.code === 'CONFLICT') {
        setTheirs(readConflict(e.extensions));
        setFormError(null);
        return;
      }
      const fields = e?.fields ?? {};
      setErrors(fields);
      setFormError(refusalMessage(e, fields));
    }
  };

  const useTheirs = () => {
    if (!theirs) return;
    setValues({
      targetValue: String(theirs.targetValue),
      currentValue: String(theirs.currentValue),
      description: theirs.description ?? '',
    });
    setBaseVersion(theirs.version);
    setTheirs(null);
  };

  const reapply = () => {
    if (!theirs) return;
    const version = theirs.version;
    setBaseVersion(version);
    setTheirs(null);
    void save(version);
  };

  const doDelete = async () => {
    try {
      await remove(goal.id);
      onClose();
    } catch (error) {
      setFormError(apiError(error)?.message ?? 'Could not delete the goal.');
      setConfirmDelete(false);
    }
  };

  return (
    <Dialog title={`Edit goal: ${title}`} onClose={onClose}>
      <form
        className="goal-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save(baseVersion);
        }}
        noValidate
      >
        <p className="muted">
          {PERIOD_NAMES[goal.periodType]} {formatDate(goal.periodStart)} – {formatDate(goal.periodEnd)} ·
          version {baseVersion}
        </p>
        {theirs ? (
          <div className="conflict" role="alert">
            <h3>Someone else changed this goal first</h3>
            <p>
              While you were editing, it was saved as version {theirs.version}: target{' '}
              <strong className="their-target">{formatGoalValue(goal.metric, theirs.targetValue)}</strong>
              {goal.metric === 'CUSTOM' ? (
                <>, current {formatGoalValue(goal.metric, theirs.currentValue)}</>
              ) : null}
              {theirs.status ? <>, {STATUS_NAMES[theirs.status]}</> : null}
              {theirs.description ? <>, “{theirs.description}”</> : null}. Your values are still below.
            </p>
            <div className="conflict-actions">
              <button type="button" className="primary" onClick={reapply}>
                Apply my changes again
              </button>
              <button type="button" onClick={useTheirs}>
                Use their version
              </button>
            </div>
          </div>
        ) : null}
        {changedMeanwhile ? (
          <p className="notice" role="status">
            This goal was just changed elsewhere (target now {formatGoalValue(goal.metric, goal.targetValue)}
            ). Saving will ask you to confirm.
          </p>
        ) : null}
        {formError ? (
          <p className="form-error" role="alert">
            {formError}
          </p>
        ) : null}
        <GoalValueFields metric={goal.metric} values={values} errors={errors} onChange={set} />
        <div className="dialog-actions">
          {confirmDelete ? (
            <span className="confirm-delete" role="group" aria-label="Confirm deletion">
              Delete this goal?
              <button type="button" className="danger" onClick={() => void doDelete()} disabled={deleting}>
                Yes, delete
              </button>
              <button type="button" onClick={() => setConfirmDelete(false)}>
                No
              </button>
            </span>
          ) : (
            <button type="button" className="danger ghost" onClick={() => setConfirmDelete(true)}>
              Delete goal
            </button>
          )}
          <span className="spacer" />
          <button type="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={loading || theirs !== null}>
            {loading ? 'Saving…' : 'Save'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
