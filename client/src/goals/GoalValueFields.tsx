/**
 * What the new-goal dialog and the goal editor both edit — the target, the current value (Custom
 * goals only: the others track it from activity) and the description — and how both word a
 * refused save.
 */
import { Field } from '../components/Form.tsx';
import type { GoalMetric } from '../gql/graphql.ts';
import type { ApiError } from '../lib/errors.ts';
import type { FieldErrors } from '../lib/goals.ts';

export interface GoalValues {
  targetValue: string;
  currentValue: string;
  description: string;
}

export function unitHint(metric: GoalMetric): string {
  if (metric === 'REVENUE') return 'An amount, at most two decimals.';
  if (metric === 'CONVERSION_RATE' || metric === 'WIN_RATE') return 'A percentage, 0–100.';
  if (metric === 'CUSTOM') return 'Any positive number; you update its progress by hand.';
  return 'A whole number.';
}

/** The form-level message for a refused save whose field errors are shown beside the fields. */
export function refusalMessage(error: ApiError | null, fields: FieldErrors): string {
  return Object.keys(fields).length
    ? 'The server refused some values: see the fields marked below.'
    : (error?.message ?? 'Could not save the goal.');
}

export function GoalValueFields({
  metric,
  values,
  errors,
  onChange,
  targetLabel = 'Target',
}: {
  metric: GoalMetric;
  values: GoalValues;
  errors: FieldErrors;
  onChange: (key: keyof GoalValues, value: string) => void;
  targetLabel?: string;
}) {
  return (
    <>
      <div className="field-row">
        <AmountField
          name="targetValue"
          label={targetLabel}
          hint={unitHint(metric)}
          values={values}
          errors={errors}
          onChange={onChange}
        />
        {metric === 'CUSTOM' ? (
          <AmountField
            name="currentValue"
            label="Current value"
            values={values}
            errors={errors}
            onChange={onChange}
          />
        ) : null}
      </div>
      <Field label="Description (optional)" error={errors.description}>
        {(props) => (
          <textarea
            {...props}
            name="description"
            rows={2}
            value={values.description}
            onChange={(e) => onChange('description', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}

/** A number typed as text (checked as the server checks it), named after the value it edits. */
function AmountField({
  name,
  label,
  hint,
  values,
  errors,
  onChange,
}: {
  name: 'targetValue' | 'currentValue';
  label: string;
  hint?: string;
  values: GoalValues;
  errors: FieldErrors;
  onChange: (key: keyof GoalValues, value: string) => void;
}) {
  return (
    <Field label={label} error={errors[name]} hint={hint}>
      {(props) => (
        <input
          {...props}
          name={name}
          inputMode="decimal"
          autoComplete="off"
          value={values[name]}
          onChange={(e) => onChange(name, e.target.value)}
        />
      )}
    </Field>
  );
}
