import { describe, expect, it } from 'vitest';
import { enqueue, MAX_QUEUED } from '../tv/Celebrations.tsx';
import { pruneGoals, removeGoal, upsertGoal, type GoalStore } from '../tv/goalStore.ts';
import { parseTvOptions, screensFor } from '../tv/options.ts';
import { retryDelay, MAX_RETRY_WAIT_MS } from './socket.ts';
import { displayCurrencyCode, formatMoney, formatPercent, setDisplayCurrency, sumMoney } from './format.ts';
import {
  achievementPercentage,
  formatGoalValue,
  goalStatus,
  parseAmount,
  validateCreate,
  validateUpdate,
  type GoalDraft,
} from './goals.ts';
import { isPeriodStart, periodEnd, periodStart, shiftPeriod, todayIn } from './periods.ts';

describe('periods (the server’s rules)', () => {
  it('finds period starts: ISO weeks on Monday, quarters', () => {
    expect(periodStart('WEEKLY', '2025-11-30')).toBe('2025-11-24');
    expect(periodStart('WEEKLY', '2025-11-24')).toBe('2025-11-24');
    expect(periodStart('MONTHLY', '2025-11-30')).toBe('2025-11-01');
    expect(periodStart('QUARTERLY', '2025-11-30')).toBe('2025-10-01');
    expect(periodStart('YEARLY', '2025-11-30')).toBe('2025-01-01');
  });
  it('steps back across year ends and leap days', () => {
    expect(shiftPeriod('MONTHLY', '2026-01-15', -1)).toBe('2025-12-01');
    expect(shiftPeriod('QUARTERLY', '2026-02-01', -1)).toBe('2025-10-01');
    expect(shiftPeriod('DAILY', '2024-03-01', -1)).toBe('2024-02-29');
    expect(periodEnd('MONTHLY', '2024-02-10')).toBe('2024-02-29');
    expect(periodEnd('WEEKLY', '2025-11-24')).toBe('2025-11-30');
  });
  it('checks a goal start', () => {
    expect(isPeriodStart('MONTHLY', '2025-11-01')).toBe(true);
    expect(isPeriodStart('MONTHLY', '2025-11-02')).toBe(false);
    expect(isPeriodStart('WEEKLY', '2025-11-24')).toBe(true);
    expect(isPeriodStart('DAILY', '2025-02-30')).toBe(false);
    expect(isPeriodStart('DAILY', 'not a date')).toBe(false);
  });
  it('tells the organisation’s today by its zone, whatever this machine’s', () => {
    const instant = new Date('2027-12-31T23:10:00Z');
    expect(todayIn('Pacific/Kiritimati', instant)).toBe('2028-01-01');
    expect(todayIn('UTC', instant)).toBe('2027-12-31');
    expect(todayIn('America/New_York', instant)).toBe('2027-12-31');
    expect(todayIn('Pacific/Pago_Pago', new Date('2027-03-01T05:00:00Z'))).toBe('2027-02-28');
  });
});

describe('goal progress (the server’s rule, for optimistic updates)', () => {
  it.each([
    [19_999, 20_000, 99.99, 'ON_TRACK'], // 99.995 %: not rounded up to 100 before the target is reached
    [19_999.99, 20_000, 99.99, 'ON_TRACK'],
    [20_000, 20_000, 100, 'ACHIEVED'],
    [20_000.01, 20_000, 100, 'ACHIEVED'],
    [100.005, 100, 100.01, 'ACHIEVED'], // from 100 up: half-up
    [15_000, 20_000, 75, 'ON_TRACK'],
    [14_999.99, 20_000, 74.99, 'BEHIND'], // not 75
    [10_000, 20_000, 50, 'BEHIND'],
    [9_999.99, 20_000, 49.99, 'AT_RISK'], // not 50
    [2, 3, 66.66, 'BEHIND'],
    [29, 100, 29, 'AT_RISK'], // exact decimals, not 28.99
    [0, 20_000, 0, 'AT_RISK'],
  ] as const)('%s of %s is %s percent, %s', (current, target, pct, status) => {
    expect(achievementPercentage(current, target)).toBe(pct);
    expect(goalStatus(achievementPercentage(current, target), false)).toBe(status);
  });
  it('is 0 without a positive target or a number', () => {
    expect(achievementPercentage(5, 0)).toBe(0);
    expect(achievementPercentage(Number.NaN, 10)).toBe(0);
  });
  it('is MISSED below 100 % once the period ended', () => {
    expect(goalStatus(achievementPercentage(19_999, 20_000), true)).toBe('MISSED');
    expect(goalStatus(achievementPercentage(20_000, 20_000), true)).toBe('ACHIEVED');
  });
});

describe('goal validation (mirrors goal.service.ts)', () => {
  const draft = (over: Partial<GoalDraft>): GoalDraft => ({
    owner: 'user:1',
    metric: 'REVENUE',
    periodType: 'MONTHLY',
    periodStart: '2025-11-01',
    targetValue: '20000',
    currentValue: '',
    description: '',
    ...over,
  });
  it('accepts a good goal', () => expect(validateCreate(draft({}))).toEqual({}));
  it.each([
    [{ targetValue: '-5' }, 'targetValue', 'must be positive'],
    [{ targetValue: '0' }, 'targetValue', 'must be positive'],
    [{ targetValue: 'abc' }, 'targetValue', 'must be a number'],
    [{ targetValue: '10.555' }, 'targetValue', 'has more than two decimals'],
    [{ targetValue: '1e15' }, 'targetValue', 'is too large'],
    [{ metric: 'ORDERS' as const, targetValue: '2.5' }, 'targetValue', 'must be a whole number for Orders'],
    [{ metric: 'WIN_RATE' as const, targetValue: '120' }, 'targetValue', 'is a percentage: at most 100'],
    [{ periodStart: '2025-11-05' }, 'periodStart', 'must be the first day of a period, e.g. 2025-11-01'],
    [{ owner: '' }, 'owner', 'choose a person or a team'],
    [{ description: 'x'.repeat(2001) }, 'description', 'at most 2000 characters'],
    [{ metric: 'CUSTOM' as const, currentValue: '-1' }, 'currentValue', 'must not be negative'],
  ])('refuses %j', (over, field, message) => {
    expect(validateCreate(draft(over))[field]).toBe(message);
  });
  it('names every bad field at once', () => {
    expect(Object.keys(validateCreate(draft({ targetValue: '-1', periodStart: 'x' }))).sort()).toEqual([
      'periodStart',
      'targetValue',
    ]);
  });
  it('checks updates against the goal’s metric', () => {
    expect(validateUpdate('ORDERS', { targetValue: '5', currentValue: '', description: '' })).toEqual({});
    expect(
      validateUpdate('ORDERS', { targetValue: '5.5', currentValue: '', description: '' }).targetValue,
    ).toMatch(/whole number/);
  });
  it('reads amounts as people type them', () => {
    expect(parseAmount('20,000')).toBe(20000);
    expect(parseAmount(' 15000.5 ')).toBe(15000.5);
    expect(parseAmount('')).toBeNaN();
    expect(parseAmount('12abc')).toBeNaN();
  });
});

describe('format', () => {
  it('sums money exactly', () => {
    expect(sumMoney(['0.10', '0.20'])).toBe('0.30');
    expect(sumMoney(['15000.00', '2500.5', '-0.50'])).toBe('17500.00');
    expect(sumMoney([])).toBe('0.00');
  });
  it('shows cents only when there are some, never rounding into another amount', () => {
    expect(formatMoney('15000.00')).toBe('$15,000');
    expect(formatMoney('1250.50')).toBe('$1,250.50');
    expect(formatMoney('12345678901234.99')).toBe('$12,345,678,901,234.99'); // exact, no float
    // numbers (goal targets, current and projected values) too: to the cent, not to the dollar
    expect(formatMoney(2500000.55)).toBe('$2,500,000.55');
    expect(formatMoney(2500000)).toBe('$2,500,000');
    expect(formatMoney(61005.5)).toBe('$61,005.50');
    expect(formatMoney(0.1 + 0.2)).toBe('$0.30');
    expect(formatMoney(1999.999)).toBe('$2,000'); // a projection: to the cent, then no cents left
    expect(formatMoney(-0.001)).toBe('$0');
    expect(formatMoney(-1250.5)).toBe('-$1,250.50');
  });
  it('shows goal money the same way', () => {
    expect(formatGoalValue('REVENUE', 2500000.55)).toBe('$2,500,000.55');
    expect(formatGoalValue('REVENUE', 2500000)).toBe('$2,500,000');
    expect(formatGoalValue('REVENUE', 2118785.4)).toBe('$2,118,785.40');
  });
  it('compacts only from 1,000 up, where K/M says it is rounded', () => {
    expect(formatMoney(2500000.55, { compact: true })).toBe('$2.5M');
    expect(formatMoney('2500000.55', { compact: true })).toBe('$2.5M');
    expect(formatMoney(12000, { compact: true })).toBe('$12K');
    expect(formatMoney(1234.56, { compact: true })).toBe('$1.2K');
    expect(formatMoney(999.99, { compact: true })).toBe('$999.99');
    expect(formatMoney(12.34, { compact: true })).toBe('$12.34');
    expect(formatMoney(500, { compact: true })).toBe('$500');
    expect(formatMoney(-1500, { compact: true })).toBe('-$1.5K');
  });
  it('shows amounts in the organisation’s currency once the page has set it', () => {
    try {
      setDisplayCurrency('EUR');
      expect(displayCurrencyCode()).toBe('EUR');
      expect(formatMoney('15000.00')).toBe('€15,000');
      expect(formatMoney(1250.5)).toBe('€1,250.50');
      expect(formatMoney(2500000.55, { compact: true })).toBe('€2.5M');
      expect(formatGoalValue('REVENUE', 2500000)).toBe('€2,500,000');
      setDisplayCurrency('not a currency'); // Intl refuses it: the last one stays
      expect(formatMoney('15000.00')).toBe('€15,000');
      expect(formatMoney('15000.00', { currency: 'GBP' })).toBe('£15,000');
    } finally {
      setDisplayCurrency('USD');
    }
    expect(formatMoney('15000.00')).toBe('$15,000');
  });
  it('shows undefined rates as a dash', () => {
    expect(formatPercent(null)).toBe('—');
    expect(formatPercent(20)).toBe('20 %');
    expect(formatPercent(66.6666)).toBe('66.7 %');
  });
});

describe('TV options', () => {
  it('pins a screen to one board and team', () => {
    const o = parseTvOptions('?metric=REVENUE&team=2&rotate=0');
    expect(o).toMatchObject({ first: 'REVENUE', teamId: '2', rotateSeconds: 0, periodType: 'MONTHLY' });
    expect(screensFor(o, true)).toEqual(['REVENUE']);
  });
  it('rotates the three boards, then goals when the token may read them', () => {
    expect(screensFor(parseTvOptions(''), true)).toEqual(['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'GOALS']);
    expect(screensFor(parseTvOptions(''), false)).toEqual(['REVENUE', 'ORDERS', 'CONVERSION_RATE']);
    expect(screensFor(parseTvOptions('?metric=orders'), true)).toEqual([
      'ORDERS',
      'CONVERSION_RATE',
      'GOALS',
      'REVENUE',
    ]);
  });
  it('falls back to boards for a VIEWER pinned to goals; ignores junk', () => {
    expect(screensFor(parseTvOptions('?metric=GOALS&rotate=0'), false)).toEqual(['REVENUE']);
    expect(parseTvOptions('?team=abc&rotate=-3&period=HOURLY')).toMatchObject({
      teamId: null,
      rotateSeconds: 0,
      periodType: 'MONTHLY',
    });
    expect(parseTvOptions('?rotate=1').rotateSeconds).toBe(5);
  });
});

describe('TV goal store (bounded)', () => {
  const goal = (id: string, periodEnd = '2099-01-31') => ({ id, periodEnd, teamId: '1' });
  it('upserts, removes and prunes what a fresh snapshot did not repeat', () => {
    let store: GoalStore<ReturnType<typeof goal>> = { goals: new Map() };
    store = upsertGoal(store, goal('1'), 1);
    store = upsertGoal(store, goal('2'), 1);
    store = upsertGoal(store, goal('1'), 1);
    expect(store.goals.size).toBe(2);
    store = upsertGoal(store, goal('1'), 2); // after a reconnection only goal 1 came back
    store = pruneGoals(store, 2, '2025-11-26');
    expect([...store.goals.keys()]).toEqual(['1']);
    store = upsertGoal(store, goal('3', '2025-11-25'), 2);
    expect([...pruneGoals(store, 0, '2025-11-26').goals.keys()]).toEqual(['1']);
    expect(removeGoal(store, '1').goals.has('1')).toBe(false);
  });
});

describe('celebrations queue (bounded)', () => {
  type Badge = Parameters<typeof enqueue>[1];
  const badge = (id: string): Badge => ({
    __typename: 'Achievement' as const,
    id,
    badgeIcon: '💰',
    title: 't',
    description: null,
    kind: 'Revenue',
    value: null,
    user: { __typename: 'User' as const, id: '1', name: 'John' },
  });
  it('keeps the one on screen and the newest, never more than MAX_QUEUED', () => {
    let queue: Badge[] = [];
    for (let i = 0; i < 50; i++) queue = enqueue(queue, badge(String(i)));
    expect(queue).toHaveLength(MAX_QUEUED);
    expect(queue[0]?.id).toBe('0');
    expect(queue.at(-1)?.id).toBe('49');
    expect(enqueue(queue, badge('49'))).toHaveLength(MAX_QUEUED);
  });
});

describe('reconnect backoff', () => {
  it('grows exponentially to a cap, with jitter', () => {
    expect(retryDelay(0, () => 0)).toBe(500);
    expect(retryDelay(1, () => 0)).toBe(1000);
    expect(retryDelay(3, () => 0)).toBe(4000);
    expect(retryDelay(30, () => 0)).toBe(MAX_RETRY_WAIT_MS);
    expect(retryDelay(30, () => 0.999)).toBeLessThan(MAX_RETRY_WAIT_MS + 1000);
  });
});
