/**
 * A paired TV's pushed layout (layout.ts) turned into what the screen rotates: its boards in its
 * order, its seconds and period, a pinned board alone, and always the screen's own team.
 */
import { describe, expect, it } from 'vitest';
import { optionsOfLayout } from './layout.ts';
import { parseTvOptions, screensFor } from './options.ts';

const SETTINGS = {
  showGoals: false,
  showContests: true,
  celebrations: ['BADGE' as const],
  saleAmount: 5000,
  sound: false,
};

describe('a pushed layout', () => {
  const url = parseTvOptions('?team=7&rotate=0&metric=GOALS&period=YEARLY');

  it('rotates its boards in its order, at its pace and period, on the screen’s own team', () => {
    const options = optionsOfLayout(url, {
      boards: ['WIN_RATE', 'REVENUE'],
      secondsPerBoard: 8,
      periodType: 'WEEKLY',
      pinned: null,
      ...SETTINGS,
    });
    expect(options).toMatchObject({
      teamId: null,
      rotateSeconds: 8,
      periodType: 'WEEKLY',
      first: 'WIN_RATE',
    });
    expect(screensFor(options, true)).toEqual(['WIN_RATE', 'REVENUE']);
  });

  it('shows a pinned board alone', () => {
    const options = optionsOfLayout(url, {
      boards: ['WIN_RATE', 'REVENUE'],
      secondsPerBoard: 8,
      periodType: 'DAILY',
      pinned: 'ORDERS',
      ...SETTINGS,
      showGoals: true,
    });
    expect(options.rotateSeconds).toBe(0);
    expect(screensFor(options, false)).toEqual(['ORDERS']);
  });

  it('rotates the team’s goals after its boards when shown, and celebrates as set', () => {
    const options = optionsOfLayout(url, {
      boards: ['ORDERS'],
      secondsPerBoard: 10,
      periodType: 'MONTHLY',
      pinned: null,
      showGoals: true,
      showContests: false,
      celebrations: ['SALE', 'GOAL_ACHIEVED'],
      saleAmount: 25000,
      sound: true,
    });
    expect(screensFor(options, false)).toEqual(['ORDERS', 'GOALS']);
    expect(options.celebrate).toEqual({ kinds: ['SALE', 'GOAL_ACHIEVED'], saleAmount: 25000, sound: true });
    expect(options.contests).toBe(false);
  });

  it('leaves a URL-driven TV as it was', () => {
    expect(screensFor(parseTvOptions('?metric=ORDERS'), false)).toEqual([
      'ORDERS',
      'CONVERSION_RATE',
      'REVENUE',
    ]);
  });
});
