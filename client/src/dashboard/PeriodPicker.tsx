import { useId } from 'react';
import { PERIOD_NAMES, PERIOD_TYPES, periodLabel, shiftPeriod } from '../lib/periods.ts';
import type { PeriodSelection } from './viewer.ts';

/**
 * The date a period selection asks the server for (null: the server's current period). Counted
 * from the organisation's today (selection.today, the server's clock), never this browser's.
 */
export function selectionDate(selection: PeriodSelection): string | null {
  return selection.offset === 0 ? null : shiftPeriod(selection.periodType, selection.today, selection.offset);
}

/** The first day of the selected period. */
export function selectionStart(selection: PeriodSelection): string {
  return shiftPeriod(selection.periodType, selection.today, selection.offset);
}

export function selectionLabel(selection: PeriodSelection): string {
  return periodLabel(selection.periodType, selectionStart(selection));
}

/**
 * Period length (day ... year) and which one: the current period, an earlier one, or (where
 * `maxOffset` allows: goals are set ahead) a later one.
 */
export function PeriodPicker({
  value,
  onChange,
  maxOffset = 0,
}: {
  value: PeriodSelection;
  onChange: (next: Pick<PeriodSelection, 'periodType' | 'offset'>) => void;
  maxOffset?: number;
}) {
  const id = useId();
  const name = PERIOD_NAMES[value.periodType].toLowerCase();
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
          aria-label={`Previous ${name}`}
          onClick={() => onChange({ periodType: value.periodType, offset: value.offset - 1 })}
        >
          ‹
        </button>
        <span className="period-label" aria-live="polite">
          {selectionLabel(value)}
          {value.offset === 0 ? <span className="current-chip">current</span> : null}
          {value.offset > 0 ? <span className="current-chip upcoming">upcoming</span> : null}
        </span>
        <button
          type="button"
          className="icon"
          aria-label={`Next ${name}`}
          disabled={value.offset >= maxOffset}
          onClick={() =>
            onChange({ periodType: value.periodType, offset: Math.min(maxOffset, value.offset + 1) })
          }
        >
          ›
        </button>
        {value.offset !== 0 ? (
          <button
            type="button"
            className="link"
            onClick={() => onChange({ periodType: value.periodType, offset: 0 })}
          >
            Back to current
          </button>
        ) : null}
      </div>
    </div>
  );
}
