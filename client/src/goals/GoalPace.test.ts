import { describe, expect, it } from 'vitest';
import { formatGap, formatPaceValue, optimisticPace } from '../lib/goals.ts';
import { requiredRateText } from './GoalCard.tsx';

describe('a goal card’s pace figures', () => {
  it('signs the gap with a minus sign, keeps the decimals of counts', () => {
    expect(formatGap('REVENUE', -2270)).toBe('−$2,270');
    expect(formatGap('REVENUE', 10984.6)).toBe('+$10,984.60');
    expect(formatGap('ORDERS', 2.05)).toBe('+2.05');
    expect(formatGap('CALLS', 0)).toBe('0');
    expect(formatPaceValue('ORDERS', 0.95)).toBe('0.95');
  });

  it('says what is needed per day, or per working day, and nothing when none is', () => {
    const pace = { requiredRate: 150, basis: 'WORKING_DAYS' };
    expect(requiredRateText({ metric: 'REVENUE', pace })).toBe('$150 / working day');
    expect(requiredRateText({ metric: 'CALLS', pace: { requiredRate: 0.08, basis: 'CALENDAR_DAYS' } })).toBe(
      '0.08 / day',
    );
    expect(
      requiredRateText({ metric: 'REVENUE', pace: { requiredRate: null, basis: 'CALENDAR_DAYS' } }),
    ).toBeNull();
    expect(
      requiredRateText({ metric: 'REVENUE', pace: { requiredRate: 0, basis: 'CALENDAR_DAYS' } }),
    ).toBeNull();
  });

  it('answers optimistically by the server’s rule', () => {
    // a period over: the whole target expected, whatever the clock
    expect(
      optimisticPace(
        {
          metric: 'REVENUE',
          periodType: 'MONTHLY',
          periodStart: '2024-02-01',
          targetValue: 2900,
          currentValue: 2000,
        },
        { timeZone: 'America/New_York', paceBasis: 'CALENDAR_DAYS' },
      ),
    ).toEqual({
      __typename: 'GoalPace',
      state: 'BEHIND_PACE',
      expectedValue: 2900,
      gap: -900,
      requiredRate: null,
      daysLeft: 0,
      basis: 'CALENDAR_DAYS',
    });
  });
});
