import { describe, expect, it } from 'vitest';
import { changeBetween, changeText, comparedLabel } from './change.ts';

describe('changeBetween', () => {
  it('gives money and counts a rounded percentage of the previous figure', () => {
    expect(changeBetween('1120.00', '1000.00', 'percent')).toEqual({ direction: 'up', amount: '12 %' });
    expect(changeBetween(3, 4, 'percent')).toEqual({ direction: 'down', amount: '25 %' });
    expect(changeBetween('1000.40', '1000.00', 'percent')).toEqual({ direction: 'same' });
  });
  it('says "new" from nothing, never an infinite percentage, and no change from nothing to nothing', () => {
    expect(changeBetween('250.00', '0.00', 'percent')).toEqual({ direction: 'new' });
    expect(changeBetween(0, 0, 'percent')).toEqual({ direction: 'same' });
  });
  it('gives rates the difference in points, to one decimal', () => {
    expect(changeBetween(20, 12.5, 'points')).toEqual({ direction: 'up', amount: '7.5 pts' });
    expect(changeBetween(10, 33.333, 'points')).toEqual({ direction: 'down', amount: '23.3 pts' });
    expect(changeBetween(50, 50.04, 'points')).toEqual({ direction: 'same' });
  });
  it('has nothing to say when either rate is undefined', () => {
    expect(changeBetween(null, 20, 'points')).toBeNull();
    expect(changeBetween(20, null, 'points')).toBeNull();
  });
});

describe('comparedLabel', () => {
  it('names the whole previous period, or the first days of it', () => {
    expect(comparedLabel('MONTHLY', { periodStart: '2025-11-01', periodEnd: '2025-11-30' })).toBe(
      'November 2025',
    );
    expect(comparedLabel('MONTHLY', { periodStart: '2025-11-01', periodEnd: '2025-11-06' })).toBe(
      'the first 6 days of November 2025',
    );
    expect(comparedLabel('MONTHLY', { periodStart: '2025-11-01', periodEnd: '2025-11-01' })).toBe(
      'the first day of November 2025',
    );
  });
  it('words a change for a screen reader', () => {
    expect(changeText({ direction: 'up', amount: '12 %' }, 'November 2025')).toBe('up 12 % vs November 2025');
    expect(changeText({ direction: 'new' }, 'November 2025')).toBe('new since November 2025');
  });
});
