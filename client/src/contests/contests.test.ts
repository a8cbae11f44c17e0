import { describe, expect, it } from 'vitest';
import { bySection, countdown, formatValue, windowText } from './contests.ts';

describe('contest words', () => {
  it('counts down in days, hours, minutes and seconds, never below zero', () => {
    expect(countdown(9_000)).toBe('00:00:09');
    expect(countdown(3_600_000 + 4 * 60_000 + 5_000)).toBe('01:04:05');
    expect(countdown(2 * 86_400_000 + 3 * 3_600_000)).toBe('2 d 03:00:00');
    expect(countdown(-5_000)).toBe('00:00:00');
    // a second begun is a second left: 0.2 s before the start still says 1
    expect(countdown(200)).toBe('00:00:01');
  });

  it('writes values in the metric’s unit', () => {
    expect(formatValue('1250.50', 'REVENUE')).toBe('$1,250.50');
    expect(formatValue('12', 'CALLS')).toBe('12');
    expect(formatValue('33.33', 'CONVERSION_RATE')).toBe('33.3 %');
    expect(formatValue(null, 'GOAL_PERCENT')).toBe('—');
  });

  it('writes the window in the organisation’s zone', () => {
    expect(windowText('2026-03-08T06:00:00Z', '2026-03-08T08:00:00Z', 'America/New_York')).toBe(
      'Mar 8, 01:00 – 04:00',
    );
    expect(windowText('2026-12-31T23:00:00Z', '2027-01-01T01:00:00Z', 'UTC')).toBe(
      'Dec 31, 23:00 – Jan 1, 01:00',
    );
  });

  it('sorts running by end, upcoming by start, ended newest first', () => {
    const c = (id: string, status: 'RUNNING' | 'UPCOMING' | 'ENDED', startsAt: string, endsAt: string) => ({
      id,
      status,
      startsAt,
      endsAt,
    });
    const s = bySection([
      c('a', 'ENDED', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z'),
      c('b', 'ENDED', '2026-01-03T00:00:00Z', '2026-01-04T00:00:00Z'),
      c('c', 'UPCOMING', '2026-02-03T00:00:00Z', '2026-02-04T00:00:00Z'),
      c('d', 'UPCOMING', '2026-02-01T00:00:00Z', '2026-02-05T00:00:00Z'),
    ]);
    expect(s.ENDED.map((x) => x.id)).toEqual(['b', 'a']);
    expect(s.UPCOMING.map((x) => x.id)).toEqual(['d', 'c']);
    expect(s.RUNNING).toEqual([]);
  });
});
