import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  boardScore,
  competitionRanks,
  medalFor,
  minimumSample,
  sampleOf,
  type RankDirection,
} from './ranking.ts';

const identity = (score: number | null): number | null => score;
// Small integer range so that ties are common.
const scoresArb = fc.array(fc.option(fc.integer({ min: -5, max: 5 }), { nil: null, freq: 5 }), {
  maxLength: 40,
});
const directionArb = fc.constantFrom<RankDirection>('desc', 'asc');

function isBetter(a: number | null, b: number | null, direction: RankDirection): boolean {
  if (a === null) return false;
  if (b === null) return true;
  return direction === 'desc' ? a > b : a < b;
}

describe('competitionRanks', () => {
  it('uses standard competition ranking (1, 1, 3)', () => {
    expect(competitionRanks([90, 100, 90, 70], identity)).toEqual([2, 1, 2, 4]);
    expect(competitionRanks([100, 100, 90], identity)).toEqual([1, 1, 3]);
  });

  it('ranks ascending when asked (e.g. response time)', () => {
    expect(competitionRanks([3, 1, 2, 1], identity, 'asc')).toEqual([4, 1, 3, 1]);
  });

  it('puts missing scores after every number, sharing one rank, in both directions', () => {
    expect(competitionRanks([null, 5, null, -3], identity)).toEqual([3, 1, 3, 2]);
    expect(competitionRanks([null, 5, null, -3], identity, 'asc')).toEqual([3, 2, 3, 1]);
    expect(competitionRanks([Number.NaN, 1], identity)).toEqual([2, 1]);
    expect(competitionRanks([null, null], identity)).toEqual([1, 1]);
  });

  it('handles empty input, infinities and signed zero', () => {
    expect(competitionRanks([], identity)).toEqual([]);
    expect(competitionRanks([0, -0, Number.POSITIVE_INFINITY], identity)).toEqual([2, 2, 1]);
  });

  it('keeps input order, calls score once per item and does not mutate the input', () => {
    const items = [
      { id: 'a', s: 1 },
      { id: 'b', s: 3 },
      { id: 'c', s: 2 },
    ] as const;
    let calls = 0;
    const ranks = competitionRanks(items, (item) => {
      calls += 1;
      return item.s;
    });
    expect(ranks).toEqual([3, 1, 2]);
    expect(calls).toBe(3);
    expect(items.map((item) => item.id)).toEqual(['a', 'b', 'c']);
  });

  it('rank r means exactly r - 1 items are strictly better (property)', () => {
    fc.assert(
      fc.property(scoresArb, directionArb, (scores, direction) => {
        const ranks = competitionRanks(scores, identity, direction);
        expect(ranks).toHaveLength(scores.length);
        scores.forEach((score, i) => {
          const better = scores.filter((other) => isBetter(other, score, direction)).length;
          expect(ranks[i]).toBe(better + 1);
          expect(ranks[i]).toBeGreaterThanOrEqual(1);
          expect(ranks[i]).toBeLessThanOrEqual(scores.length);
        });
      }),
    );
  });

  it('gives equal scores equal ranks and sorted scores non-decreasing ranks (property)', () => {
    fc.assert(
      fc.property(scoresArb, directionArb, (scores, direction) => {
        const ranks = competitionRanks(scores, identity, direction);
        scores.forEach((a, i) =>
          scores.forEach((b, j) => {
            if (a === b) expect(ranks[i]).toBe(ranks[j]);
            if (isBetter(a, b, direction)) expect(ranks[i]).toBeLessThan(ranks[j] ?? 0);
          }),
        );
        const sorted = [...scores].sort((a, b) =>
          isBetter(a, b, direction) ? -1 : isBetter(b, a, direction) ? 1 : 0,
        );
        const sortedRanks = competitionRanks(sorted, identity, direction);
        sortedRanks.slice(1).forEach((rank, i) => expect(rank).toBeGreaterThanOrEqual(sortedRanks[i] ?? 0));
        if (sorted.length > 0) expect(sortedRanks[0]).toBe(1);
      }),
    );
  });

  it('does not depend on input order (property)', () => {
    fc.assert(
      fc.property(scoresArb, directionArb, fc.nat(), (scores, direction, seed) => {
        const rotated = scores.map((_, i) => scores[(i + seed) % scores.length] ?? null);
        const ranks = competitionRanks(scores, identity, direction);
        const rotatedRanks = competitionRanks(rotated, identity, direction);
        rotated.forEach((_, i) => expect(rotatedRanks[i]).toBe(ranks[(i + seed) % scores.length]));
      }),
    );
  });
});

describe('medalFor', () => {
  it.each([
    [1, 'GOLD'],
    [2, 'SILVER'],
    [3, 'BRONZE'],
    [4, null],
    [0, null],
    [-1, null],
    [1.5, null],
    [Number.NaN, null],
  ])('rank %s -> %s', (rank, medal) => {
    expect(medalFor(rank)).toBe(medal);
  });
});

describe('boardScore', () => {
  const minimums = { leads: 5, closed: 5 };
  const nothing = { cents: 0, ordersWon: 0, leads: 0, decided: 0, conversion: null, win: null };
  const oneLeadThreeOrders = { cents: 30_000, ordersWon: 3, leads: 1, decided: 3, conversion: 300, win: 100 };

  it('ranks nobody for nothing: no revenue, no order, no rate', () => {
    for (const metric of ['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'WIN_RATE'] as const)
      expect(boardScore(metric, nothing, minimums)).toBeNull();
    expect(boardScore('REVENUE', { ...nothing, cents: -500 }, minimums)).toBeNull(); // a refund only
  });

  it('ranks a rate only from the minimum sample, which may be met exactly', () => {
    expect(boardScore('REVENUE', oneLeadThreeOrders, minimums)).toBe(30_000);
    expect(boardScore('ORDERS', oneLeadThreeOrders, minimums)).toBe(3);
    expect(boardScore('CONVERSION_RATE', oneLeadThreeOrders, minimums)).toBeNull();
    expect(boardScore('WIN_RATE', oneLeadThreeOrders, minimums)).toBeNull();
    expect(boardScore('CONVERSION_RATE', { ...oneLeadThreeOrders, leads: 5, conversion: 60 }, minimums)).toBe(
      60,
    );
    expect(boardScore('WIN_RATE', { ...oneLeadThreeOrders, decided: 5, win: 60 }, minimums)).toBe(60);
    expect(boardScore('CONVERSION_RATE', oneLeadThreeOrders, { leads: 1, closed: 1 })).toBe(300);
  });

  it('names the sample and the minimum of rate boards only', () => {
    expect([
      minimumSample('CONVERSION_RATE', minimums),
      sampleOf('CONVERSION_RATE', oneLeadThreeOrders),
    ]).toEqual([5, 1]);
    expect([
      minimumSample('WIN_RATE', { leads: 5, closed: 7 }),
      sampleOf('WIN_RATE', oneLeadThreeOrders),
    ]).toEqual([7, 3]);
    expect([minimumSample('REVENUE', minimums), sampleOf('ORDERS', oneLeadThreeOrders)]).toEqual([
      null,
      null,
    ]);
  });
});
