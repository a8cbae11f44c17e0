/**
 * The mailbox's bypass (the WebSocket fast path's entry): offered a value only while the reader
 * idles, never delivering out of order with the reader, and never losing the newest value.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Mailbox } from './mailbox.ts';

const ticks = async (n: number) => {
  for (let i = 0; i < n; i += 1) await Promise.resolve();
};

describe('Mailbox bypass', () => {
  it('is offered values only while the reader waits; what it takes the reader never sees', async () => {
    const offered: number[] = [];
    const box = new Mailbox<number>({
      mode: 'latest',
      bypass: (v) => {
        offered.push(v);
        return v % 2 === 0; // takes the even ones
      },
    });
    box.push(1); // nobody waits yet: straight to the reader's slot
    expect(await box.next()).toEqual({ value: 1, done: false });
    const reading = box.next(); // the reader waits now
    box.push(2); // taken by the bypass
    box.push(3); // declined: to the reader
    expect(await reading).toEqual({ value: 3, done: false });
    expect(offered).toEqual([2, 3]);
    // the reader has a value in hand (not waiting): newer values wait in the slot, not offered
    box.push(4);
    box.push(5);
    expect(offered).toEqual([2, 3]);
    expect(await box.next()).toEqual({ value: 5, done: false });
  });

  it('an asynchronous delivery that fails reaches the reader unless a newer value came', async () => {
    const outcomes = new Map<number, Promise<boolean>>();
    const settle = new Map<number, (ok: boolean) => void>();
    const stales = new Map<number, () => boolean>();
    const box = new Mailbox<number>({
      mode: 'latest',
      bypass: (v, stale) => {
        stales.set(v, stale);
        const p = new Promise<boolean>((resolve) => settle.set(v, resolve));
        outcomes.set(v, p);
        return p;
      },
    });
    const reading = box.next();
    box.push(1);
    box.push(2);
    expect(stales.get(1)?.()).toBe(true); // 2 came after it
    expect(stales.get(2)?.()).toBe(false);
    settle.get(1)?.(false); // stale: dropped, not handed to the reader
    settle.get(2)?.(false); // current: the reader gets it
    expect(await reading).toEqual({ value: 2, done: false });

    const again = box.next();
    box.push(3);
    settle.get(3)?.(true);
    await outcomes.get(3);
    box.push(4);
    settle.get(4)?.(false);
    expect(await again).toEqual({ value: 4, done: false });
    void box.return();
    expect(stales.get(4)?.()).toBe(true); // closed
  });

  it('in any interleaving, values are delivered in order and the newest always arrives', async () => {
    const outcome = fc.record({
      kind: fc.constantFrom('take', 'decline', 'take later', 'decline later', 'fail later'),
      delay: fc.integer({ min: 0, max: 6 }),
      gap: fc.integer({ min: 0, max: 6 }),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.array(outcome, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 0, max: 5 }),
        async (plan, busy) => {
          const delivered: number[] = [];
          const box = new Mailbox<number>({
            mode: 'latest',
            bypass: (v, stale) => {
              const { kind, delay } = plan[v]!;
              if (kind === 'take') return delivered.push(v) > 0;
              if (kind === 'decline') return false;
              return ticks(delay).then(() => {
                if (kind === 'fail later') throw new Error('socket gone');
                if (kind === 'decline later' || stale()) return false;
                delivered.push(v);
                return true;
              });
            },
          });
          const reader = (async () => {
            for await (const v of box) {
              delivered.push(v);
              await ticks(busy);
            }
          })();
          for (const [v, { gap }] of plan.entries()) {
            box.push(v);
            await ticks(gap);
          }
          await ticks(20);
          await box.return();
          await reader;
          expect(delivered).toEqual([...delivered].sort((a, b) => a - b));
          expect(new Set(delivered).size).toBe(delivered.length);
          expect(delivered.at(-1)).toBe(plan.length - 1);
        },
      ),
      { numRuns: 300 },
    );
  });
});
