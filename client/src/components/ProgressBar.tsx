import type { GoalStatus } from '../gql/graphql.ts';

export interface ProgressBarProps {
  /** Achievement percentage; may exceed 100 or be negative in bad data: the bar is clamped, the text is not. */
  value: number;
  label: string;
  status?: GoalStatus;
  /** Where the run rate would end the period, as a percentage of the target: a tick on the bar. */
  projected?: number | null;
}

export function clampPercent(value: number): number {
  if (!Number.isFinite(value)) return 0;
  return Math.min(100, Math.max(0, value));
}

/** An accessible progress bar (role=progressbar with its value as text) with an optional projection tick. */
export function ProgressBar({ value, label, status, projected }: ProgressBarProps) {
  const width = clampPercent(value);
  const shown = Number.isFinite(value) ? `${Number(value.toFixed(1))} %` : '—';
  const tick = projected !== null && projected !== undefined ? clampPercent(projected) : null;
  return (
    <div
      className={`progress${status ? ` status-${status.toLowerCase().replace('_', '-')}` : ''}`}
      role="progressbar"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={Math.round(width)}
      aria-valuetext={shown}
    >
      <div className="progress-fill" style={{ width: `${width}%` }} />
      {tick !== null && tick > width ? (
        <div
          className="progress-projection"
          style={{ left: `${tick}%` }}
          title="Projected at the current pace"
        />
      ) : null}
    </div>
  );
}
