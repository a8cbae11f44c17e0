import { describe, expect, it } from 'vitest';
import { byAttention, pagesTime, PAGE_SECONDS } from '../tv/TvGoals.tsx';
import { countOf, NOUNS, significant } from './format.ts';
import { formatProjection, showsProjection } from './goals.ts';
import { emptyBoardText, gapText, minimumText, rateBase, standingText } from './standing.ts';

const revenueToday = { metric: 'REVENUE', periodType: 'DAILY', minimumSample: null } as const;
const conversionMonth = { metric: 'CONVERSION_RATE', periodType: 'MONTHLY', minimumSample: 5 } as const;

describe('words and numbers', () => {
  it('pluralises with the platform’s rules', () => {
    expect(countOf(1, NOUNS.lead)).toBe('1 lead');
    expect(countOf(0, NOUNS.lead)).toBe('0 leads');
    expect(countOf(1, NOUNS.opportunity)).toBe('1 opportunity');
    expect(countOf(1204, NOUNS.order)).toBe('1,204 orders');
    expect(gapText('CONVERSION_RATE', 1)).toBe('1 point');
    expect(gapText('CONVERSION_RATE', 1.5)).toBe('1.5 points');
    expect(gapText('ORDERS', 1)).toBe('1 order');
    expect(gapText('REVENUE', 1000)).toBe('$1,000');
  });

  it('never shows a rate without its base', () => {
    const one = { ordersWon: 1, leadsCreated: 1, opportunitiesClosed: 1 };
    expect(rateBase('CONVERSION_RATE', one)).toBe('1 order from 1 lead');
    expect(rateBase('WIN_RATE', one)).toBe('1 won of 1 closed opportunity');
    expect(rateBase('WIN_RATE', { ...one, ordersWon: 3, opportunitiesClosed: 6 }, true)).toBe('of 6 closed');
    expect(rateBase('CONVERSION_RATE', { ...one, leadsCreated: 0 }, true)).toBe('no leads');
    expect(rateBase('WIN_RATE', { ...one, opportunitiesClosed: 0 }, true)).toBe('none closed');
  });

  it('rounds projections to what they are worth, and hides them once achieved or over', () => {
    expect(significant(17_842.37)).toBe(18_000);
    expect(significant(0.4567)).toBe(0.46);
    expect(significant(-1234)).toBe(-1200);
    expect(formatProjection('REVENUE', 17_842.37)).toBe('≈ $18,000');
    expect(formatProjection('REVENUE', 17_841.99)).toBe(formatProjection('REVENUE', 17_842.37));
    expect(formatProjection('ORDERS', 16.67)).toBe('≈ 17');
    expect(formatProjection('WIN_RATE', 66.67)).toBe('≈ 67 %');
    expect(showsProjection('ON_TRACK')).toBe(true);
    expect(showsProjection('ACHIEVED')).toBe(false);
    expect(showsProjection('MISSED')).toBe(false);
  });
});

describe('a board’s words', () => {
  it('says what an empty board means, by metric and period', () => {
    expect(emptyBoardText(revenueToday, true, 'Sun, Dec 6, 2026')).toBe('No sales yet today — be the first');
    expect(emptyBoardText({ ...revenueToday, metric: 'ORDERS', periodType: 'WEEKLY' }, true, '')).toBe(
      'No orders won yet this week — be the first',
    );
    expect(emptyBoardText({ ...revenueToday, periodType: 'MONTHLY' }, false, 'November 2026')).toBe(
      'No sales in November 2026',
    );
    expect(emptyBoardText(conversionMonth, true, '')).toBe('No one has 5 leads yet this month');
    expect(emptyBoardText({ ...conversionMonth, metric: 'WIN_RATE', minimumSample: 1 }, true, '')).toBe(
      'No one has 1 closed opportunity yet this month',
    );
    expect(minimumText('CONVERSION_RATE', 5)).toBe('Ranked from 5 leads');
    expect(minimumText('REVENUE', null)).toBeNull();
  });

  it('words a standing the server gave', () => {
    const ahead = { user: { name: 'David Kim' } };
    expect(standingText('You', { rank: 7, gap: 1000, ahead, sample: null }, revenueToday, true, '')).toBe(
      'You: #7 — $1,000 behind David Kim',
    );
    expect(
      standingText('You', { rank: 1, gap: null, ahead: null, sample: null }, revenueToday, true, ''),
    ).toBe('You: #1');
    expect(
      standingText('You', { rank: null, gap: null, ahead: null, sample: null }, revenueToday, true, ''),
    ).toBe('You: not ranked yet — no sales today');
    expect(
      standingText('Emily', { rank: null, gap: null, ahead: null, sample: 2 }, conversionMonth, true, ''),
    ).toBe('Emily: not ranked yet — 2 of the 5 leads needed');
    expect(
      standingText('You', { rank: 3, gap: 12.5, ahead, sample: 9 }, conversionMonth, false, 'November 2026'),
    ).toBe('You: #3 — 12.5 points behind David Kim');
  });
});

describe('the TV’s goals', () => {
  it('puts at-risk goals first, the furthest behind first, and gives the screen time for every page', () => {
    const goals = [
      { id: '1', status: 'ACHIEVED', achievementPercentage: 120 },
      { id: '2', status: 'ON_TRACK', achievementPercentage: 80 },
      { id: '3', status: 'AT_RISK', achievementPercentage: 40 },
      { id: '10', status: 'AT_RISK', achievementPercentage: 5 },
      { id: '4', status: 'BEHIND', achievementPercentage: 60 },
    ] as const;
    expect([...goals].sort(byAttention).map((g) => g.id)).toEqual(['10', '3', '4', '2', '1']);
    expect(pagesTime(0)).toBe(PAGE_SECONDS);
    expect(pagesTime(8)).toBe(PAGE_SECONDS);
    expect(pagesTime(14)).toBe(2 * PAGE_SECONDS);
  });
});
