/** The "Period" field of a form: a select of the period types, by name (Day … Year). */
import type { PeriodType } from '../gql/graphql.ts';
import { PERIOD_NAMES, PERIOD_TYPES } from '../lib/periods.ts';
import { Field } from './Form.tsx';

export function PeriodTypeField({
  value,
  onChange,
  error,
  name,
}: {
  value: PeriodType;
  onChange: (type: PeriodType) => void;
  error?: string | undefined;
  name?: string;
}) {
  return (
    <Field label="Period" error={error}>
      {(props) => (
        <select
          {...props}
          {...(name ? { name } : {})}
          value={value}
          onChange={(e) => onChange(e.target.value as PeriodType)}
        >
          {PERIOD_TYPES.map((p) => (
            <option key={p} value={p}>
              {PERIOD_NAMES[p]}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
