import { useId } from 'react';
import { PERIOD_NAMES, PERIOD_TYPES, periodLabel, shiftPeriod, today } from '../lib/periods.ts';
import type { PeriodSelection } from './viewer.ts';

/** The date a period selection asks the server for (null: the server's current period). */
export function selectionDate(selection: PeriodSelection): string | null {
  return selection.offset === 0 ? null : shiftPeriod(selection.periodType, today(), selection.offset);
}

export function selectionLabel(selection: PeriodSelection): string {
  return periodLabel(selection.periodType, shiftPeriod(selection.periodType, today(), selection.offset));
}

/** Period length (day ... year) and which one: the current period or an earlier one. */
export function PeriodPicker({
  value,
  onChange,
}: {
  value: PeriodSelection;
  onChange: (next: PeriodSelection) => void;
}) {
  const id = useId();
  return (
    <div className="period-picker" role="group" aria-label="Period">
      <label className="inline-field" htmlFor={id}>
        <span>Period</span>
        <select
          id={id}
          value={value.periodType}
          onChange={(e) =>
            onChange({ periodType: e.target.value as PeriodSelection['periodType'], offset: 0 })
          }
        >
          {PERIOD_TYPES.map((type) => (
            <option key={type} value={type}>
              {PERIOD_NAMES[type]}
            </option>
          ))}
        </select>
      </label>
      <div className="stepper">
        <button
          type="button"
          className="icon"
          aria-label={`Previous ${PERIOD_NAMES[value.periodType].toLowerCase()}`}
          onClick={() => onChange({ ...value, offset: value.offset - 1 })}
        >
          ‹
        </button>
        <span className="period-label" aria-live="polite">
          {selectionLabel(value)}
          {value.offset === 0 ? <span className="current-chip">current</span> : null}
        </span>
        <button
          type="button"
          className="icon"
          aria-label={`Next ${PERIOD_NAMES[value.periodType].toLowerCase()}`}
          disabled={value.offset >= 0}
          onClick={() => onChange({ ...value, offset: Math.min(0, value.offset + 1) })}
        >
          ›
        </button>
        {value.offset !== 0 ? (
          <button type="button" className="link" onClick={() => onChange({ ...value, offset: 0 })}>
            Back to current
          </button>
        ) : null}
      </div>
    </div>
  );
}
