import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, PAST_BOUNDARY_MS, RolloverTimer, rolloverWait } from './rollover.ts';

const zone = 'Europe/Paris'; // UTC+1 on these March dates (summer time starts on the 29th)
/** 23:59:59 on 10 March 2026 in Paris: one second before the day (not the month) ends. */
const secondBeforeMidnight = new Date('2026-03-10T22:59:59.000Z');
const day = { periodType: 'DAILY', periodStart: '2026-03-10' } as const;
const month = { periodType: 'MONTHLY', periodStart: '2026-03-01' } as const;

describe('rolloverWait', () => {
  it('is just past the earliest end of the shown periods, in the organisation’s time zone', () => {
    expect(rolloverWait(secondBeforeMidnight, [month, day], zone)).toBe(1000 + PAST_BOUNDARY_MS);
  });

  it('is never longer than MAX_TIMER_MS, and nothing for a period already over', () => {
    expect(rolloverWait(secondBeforeMidnight, [month], zone)).toBe(MAX_TIMER_MS);
    expect(rolloverWait(new Date('2026-03-12T12:00:00.000Z'), [day], zone)).toBe(0);
  });
});

describe('RolloverTimer', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('calls onBoundary once the boundary has passed; re-arming replaces the timer; disposal clears it', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const onBoundary = vi.fn();
    const timer = new RolloverTimer({ timeZone: zone, now: () => secondBeforeMidnight, onBoundary });
    timer.arm([day]);
    timer.arm([day]);
    vi.advanceTimersByTime(1000 + PAST_BOUNDARY_MS - 1);
    expect(onBoundary).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onBoundary).toHaveBeenCalledTimes(1);

    timer.arm([day]);
    timer.arm([]); // no board: no timer
    expect(vi.getTimerCount()).toBe(0);
    timer.arm([day]);
    timer.dispose();
    expect(vi.getTimerCount()).toBe(0);
    timer.arm([day]);
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(MAX_TIMER_MS);
    expect(onBoundary).toHaveBeenCalledTimes(1);
  });
});
