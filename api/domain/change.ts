/**
 * A figure against the previous period (comparedWith: the same days of it while the period is
 * partial, the whole of it once ended), the one rule the dashboard's cards (client/src/lib/change.ts)
 * and the PDF report (api/reports/report-pdf.ts) both show: relative change in whole per cent for
 * money and counts, the difference in points (one decimal) for rates; "new" from nothing (never
 * an infinite percentage, and nothing below zero is a base); null when either value is unknown.
 */
export type ChangeKind = 'percent' | 'points';

export type RawChange =
  { direction: 'up' | 'down'; amount: number } | { direction: 'same' } | { direction: 'new' };

export function changeOf(
  now: number | string | null,
  before: number | string | null,
  kind: ChangeKind,
): RawChange | null {
  if (now === null || before === null) return null;
  const a = Number(now);
  const b = Number(before);
  if (!Number.isFinite(a) || !Number.isFinite(b)) return null;
  if (kind === 'points') {
    const d = Math.round((a - b) * 10) / 10;
    if (d === 0) return { direction: 'same' };
    return { direction: d > 0 ? 'up' : 'down', amount: Math.abs(d) };
  }
  if (b <= 0) return a > 0 ? { direction: 'new' } : { direction: 'same' };
  const d = Math.round(((a - b) / b) * 100);
  if (d === 0) return { direction: 'same' };
  return { direction: d > 0 ? 'up' : 'down', amount: Math.abs(d) };
}
