/**
 * The celebration queue and watchers (celebrations.ts) on a fake clock: cards one at a time for
 * SHOW_MS, a burst of sales summarised instead of a card each, the same event shown once, the
 * queue bounded; and the watchers celebrating only what changes after a subscription's first
 * frame of a connection epoch (a reconnection replays nothing).
 */
import { describe, expect, it } from 'vitest';
import { formatMoney } from '../lib/format.ts';
import {
  CelebrationQueue,
  GoalWatch,
  lastMinutes,
  LeaderWatch,
  MAX_WAITING,
  SaleWatch,
  SHOW_MS,
  type BoardFrame,
  type Celebration,
} from './celebrations.ts';

function clock(start = 1_000_000) {
  let now = start;
  return {
    now: () => now,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const sale = (n: number, amount = 4000): Celebration => ({
  kind: 'SALE',
  id: `sale:${n}`,
  title: `Seller ${n} closed`,
  strong: formatMoney(amount),
  amount,
  who: `Seller ${n}`,
});

const badge = (n: number): Celebration => ({
  kind: 'BADGE',
  id: `badge:${n}`,
  title: `Seller ${n} earned`,
  strong: 'Whale Hunter',
});

/** Every card the queue shows until it is empty, ticking the clock as the TV's timer would. */
function drain(queue: CelebrationQueue, time: ReturnType<typeof clock>) {
  const shown = [];
  for (let card = queue.current(); card; card = queue.current()) {
    shown.push(card);
    time.advance(queue.nextChangeAt()! - time.now());
    queue.tick();
  }
  return shown;
}

describe('the celebration queue', () => {
  it('shows each kudos as a card of its own, with its kicker and the message as detail', () => {
    const time = clock();
    const queue = new CelebrationQueue(time.now);
    const kudos = (n: number, message: string | null): Celebration => ({
      kind: 'KUDOS',
      id: `kudos:${n}`,
      who: `Seller ${n}`,
      title: 'Ann thanks',
      strong: `Seller ${n}`,
      detail: message,
    });
    queue.push(kudos(1, 'Great demo'));
    queue.push(kudos(2, null));
    queue.push(kudos(1, 'Great demo'));
    expect(drain(queue, time).map((c) => [c.kind, c.kicker, c.icon, c.strong, c.detail, c.count])).toEqual([
      ['KUDOS', 'Kudos', 'handshake', 'Seller 1', 'Great demo', 1],
      ['KUDOS', 'Kudos', 'handshake', 'Seller 2', null, 1],
    ]);
  });

  it('shows one card at a time, each for SHOW_MS, in arrival order', () => {
    const time = clock();
    const queue = new CelebrationQueue(time.now);
    const changes: (string | null)[] = [];
    queue.subscribe(() => changes.push(queue.current()?.id ?? null));
    queue.push(badge(1));
    queue.push(badge(2));
    expect(queue.current()?.id).toBe('badge:1');
    expect(queue.size).toBe(1);
    time.advance(SHOW_MS - 1);
    queue.tick();
    expect(queue.current()?.id).toBe('badge:1');
    time.advance(1);
    queue.tick();
    expect(queue.current()?.id).toBe('badge:2');
    expect(queue.nextChangeAt()).toBe(time.now() + SHOW_MS);
    time.advance(SHOW_MS);
    queue.tick();
    expect(queue.current()).toBeNull();
    expect(queue.nextChangeAt()).toBeNull();
    expect(changes).toEqual(['badge:1', 'badge:1', 'badge:2', null]);
  });

  it('summarises a burst of 50 sales in two cards, not 50', () => {
    const time = clock();
    const queue = new CelebrationQueue(time.now);
    // 50 sales in 5 seconds, all while the first card shows
    for (let n = 1; n <= 50; n++) {
      queue.push(sale(n, 1000 + n));
      time.advance(100);
    }
    const shown = drain(queue, time);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toMatchObject({ kind: 'SALE', count: 1, title: 'Seller 1 closed', who: 'Seller 1' });
    const rest = Array.from({ length: 49 }, (_, i) => 1000 + i + 2).reduce((a, b) => a + b, 0);
    expect(shown[1]).toMatchObject({
      kind: 'SALE',
      count: 49,
      amount: rest,
      title: '49 sales in the last minute,',
      strong: formatMoney(rest),
      who: null,
    });
  });

  it('says how long a summary’s sales took', () => {
    expect(lastMinutes(4_900)).toBe('in the last minute');
    expect(lastMinutes(60_000)).toBe('in the last minute');
    expect(lastMinutes(150_000)).toBe('in the last 3 minutes');
  });

  it('shows an event once, and keeps at most MAX_WAITING cards waiting (the oldest go)', () => {
    const time = clock();
    const queue = new CelebrationQueue(time.now);
    queue.push(badge(0));
    queue.push(badge(0));
    expect(queue.size).toBe(0);
    for (let n = 1; n <= MAX_WAITING + 3; n++) queue.push(badge(n));
    expect(queue.size).toBe(MAX_WAITING);
    const shown = drain(queue, time).map((c) => c.id);
    expect(shown).toEqual(['badge:0', ...Array.from({ length: MAX_WAITING }, (_, i) => `badge:${i + 4}`)]);
  });

  it('keeps other kinds in their places around a waiting summary', () => {
    const time = clock();
    const queue = new CelebrationQueue(time.now);
    queue.push(badge(1));
    queue.push(sale(1));
    queue.push(badge(2));
    queue.push(sale(2));
    expect(drain(queue, time).map((c) => [c.kind, c.count])).toEqual([
      ['BADGE', 1],
      ['SALE', 2],
      ['BADGE', 1],
    ]);
  });
});

const frame = (
  version: number,
  entries: [id: string, revenue: number, orders: number][],
  periodStart = '2030-09-01',
): BoardFrame => ({
  metric: 'REVENUE',
  periodStart,
  version: String(version),
  entries: entries.map(([id, revenue, orders], i) => ({
    rank: i + 1,
    revenue: revenue.toFixed(2),
    ordersWon: orders,
    user: { id, name: `Seller ${id}` },
  })),
});

describe('the sale watch', () => {
  it('celebrates a seller’s sale from the amount, only after the first frame of an epoch', () => {
    const watch = new SaleWatch(10);
    expect(watch.observe(frame(1, [['1', 50_000, 4]]), 1, 10_000)).toEqual([]);
    // a small sale, then a big one
    expect(watch.observe(frame(2, [['1', 52_000, 5]]), 1, 10_000)).toEqual([]);
    const big = watch.observe(
      frame(3, [
        ['1', 64_500, 6],
        ['2', 12_000, 1],
      ]),
      1,
      10_000,
    );
    expect(big.map((c) => [c.who, c.amount, c.count, c.strong])).toEqual([
      ['Seller 1', 12_500, 1, formatMoney(12_500)],
      ['Seller 2', 12_000, 1, formatMoney(12_000)],
    ]);
    // revenue corrected upwards without a new order: no sale
    expect(watch.observe(frame(4, [['1', 90_000, 6]]), 1, 10_000)).toEqual([]);
  });

  it('celebrates nothing that happened while the screen was away, nor across a new period', () => {
    const watch = new SaleWatch(10);
    watch.observe(frame(1, [['1', 1_000, 1]]), 1, 500);
    // a reconnection: the first frame of epoch 2 is the baseline, whatever it holds
    expect(watch.observe(frame(7, [['1', 99_000, 5]]), 2, 500)).toEqual([]);
    expect(watch.observe(frame(8, [['1', 0, 0]], '2030-10-01'), 2, 500)).toEqual([]);
    expect(watch.observe(frame(9, [['1', 600, 1]], '2030-10-01'), 2, 500)).toHaveLength(1);
  });

  it('does not take a seller entering a full board for a sale', () => {
    const watch = new SaleWatch(1);
    watch.observe(frame(1, [['1', 5_000, 1]]), 1, 100);
    expect(watch.observe(frame(2, [['2', 20_000, 3]]), 1, 100)).toEqual([]);
  });
});

describe('the leader watch', () => {
  it('celebrates a different seller alone at #1, not the first frame, a tie or a reconnection', () => {
    const watch = new LeaderWatch({ REVENUE: 'Revenue' });
    expect(watch.observe(frame(1, [['1', 9, 1]]), 1)).toEqual([]);
    expect(watch.observe(frame(2, [['1', 10, 1]]), 1)).toEqual([]);
    const tie = frame(3, [
      ['2', 10, 1],
      ['1', 10, 1],
    ]);
    tie.entries = tie.entries.map((e) => ({ ...e, rank: 1 }));
    expect(watch.observe(tie, 1)).toEqual([]);
    // Seller 2 alone at #1 after the tie: a new leader (Seller 1 was the last alone there)
    const taken = watch.observe(
      frame(4, [
        ['2', 11, 1],
        ['1', 10, 1],
      ]),
      1,
    );
    expect(taken.map((c) => [c.kind, c.who, c.title, c.strong])).toEqual([
      ['NEW_LEADER', 'Seller 2', 'Seller 2 took #1 on', 'Revenue'],
    ]);
    // back from a tie to the same leader: nothing new
    expect(watch.observe(tie, 1)).toEqual([]);
    expect(watch.observe(frame(5, [['2', 12, 1]]), 1)).toEqual([]);
    expect(watch.observe(frame(6, [['1', 50, 2]]), 2)).toEqual([]);
  });
});

describe('the goal watch', () => {
  it('celebrates a goal turning achieved, not one achieved when first seen (snapshot, reconnection)', () => {
    const watch = new GoalWatch();
    const goal = (id: string, status: string) => ({ id, status, metricName: 'Revenue', owner: 'Team East' });
    expect(watch.observe(goal('1', 'ACHIEVED'), 1)).toEqual([]);
    expect(watch.observe(goal('2', 'ON_TRACK'), 1)).toEqual([]);
    expect(watch.observe(goal('2', 'ON_TRACK'), 1)).toEqual([]);
    const achieved = watch.observe(goal('2', 'ACHIEVED'), 1);
    expect(achieved.map((c) => [c.kind, c.title, c.strong])).toEqual([
      ['GOAL_ACHIEVED', 'Team East reached the', 'Revenue goal'],
    ]);
    expect(watch.observe(goal('2', 'ACHIEVED'), 1)).toEqual([]);
    watch.observe(goal('3', 'BEHIND'), 1);
    expect(watch.observe(goal('3', 'ACHIEVED'), 2)).toEqual([]);
  });
});
