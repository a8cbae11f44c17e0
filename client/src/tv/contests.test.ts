/**
 * Contests on the TV without a server: the server's clock from a frame's generatedAt (an injected
 * browser clock that is minutes off), which contests join the rotation at the server's now, and
 * the winners' card once per contest.
 */
import { describe, expect, it } from 'vitest';
import { CONTEST_ENDED_MS, CONTEST_SOON_MS, contestsToShow, ContestWinWatch, namesOf } from './contests.ts';
import { ServerClock } from './serverClock.ts';

describe('the server clock', () => {
  it('measures countdowns on the server’s time, whatever the browser’s says', () => {
    let browser = Date.parse('2030-03-01T09:00:00Z');
    const clock = new ServerClock(() => browser);
    // the browser runs 4 minutes 30 seconds fast: the server says 08:55:30
    expect(clock.observe('2030-03-01T08:55:30.000Z')).toBe(-270_000);
    expect(new Date(clock.now()).toISOString()).toBe('2030-03-01T08:55:30.000Z');
    expect(clock.until('2030-03-01T09:00:00.000Z')).toBe(270_000);
    // time passes on the browser: the offset holds until the next frame
    browser += 10_000;
    expect(clock.until('2030-03-01T09:00:00.000Z')).toBe(260_000);
    // a later frame corrects it; a frame without a readable clock changes nothing
    expect(clock.observe('2030-03-01T08:55:41.000Z')).toBe(-269_000);
    expect(clock.observe('not a date')).toBe(-269_000);
    expect(clock.offset).toBe(-269_000);
  });
});

describe('the contests a screen rotates', () => {
  const now = Date.parse('2030-03-01T12:00:00Z');
  const iso = (ms: number) => new Date(now + ms).toISOString();
  const contest = (id: string, startMs: number, endMs: number, status: 'UPCOMING' | 'RUNNING' | 'ENDED') => ({
    id,
    name: `Contest ${id}`,
    status,
    startsAt: iso(startMs),
    endsAt: iso(endMs),
    metric: 'CALLS' as const,
    format: 'INDIVIDUAL' as const,
  });

  it('are the running ones, those starting soon and those just ended, in that order', () => {
    const list = [
      contest('far', CONTEST_SOON_MS + 60_000, CONTEST_SOON_MS + 3_600_000, 'UPCOMING'),
      contest('soon', 60_000, 3_600_000, 'UPCOMING'),
      contest('sooner', 1_000, 3_600_000, 'UPCOMING'),
      contest('long', -3_600_000, 7_200_000, 'RUNNING'),
      contest('short', -60_000, 60_000, 'RUNNING'),
      contest('ended', -3_600_000, -60_000, 'ENDED'),
      contest('old', -7_200_000, -CONTEST_ENDED_MS - 1, 'ENDED'),
      // its end passed on the server's clock, its results not read yet: shown as ended
      contest('closing', -3_600_000, -1, 'RUNNING'),
    ];
    expect(contestsToShow(list, now).map((c) => c.id)).toEqual([
      'short',
      'long',
      'sooner',
      'soon',
      'closing',
      'ended',
    ]);
  });
});

describe('a contest won', () => {
  const frame = (frozen: boolean, winners: string[] = []) => ({
    contestId: '7',
    name: 'Power hour',
    frozen,
    winners: winners.map((name) => ({ name })),
  });

  it('is a card once, when a contest seen running ends; never for one already over', () => {
    const watch = new ContestWinWatch();
    expect(watch.observe(frame(false))).toEqual([]);
    expect(watch.observe(frame(false))).toEqual([]);
    const [card, ...more] = watch.observe(frame(true, ['Ann Lee']), 'Lunch on the boss');
    expect(more).toEqual([]);
    expect(card).toMatchObject({
      kind: 'CONTEST_WON',
      id: 'contest:7',
      who: 'Ann Lee',
      title: 'Ann Lee won',
      strong: 'Power hour',
      detail: 'Prize: Lunch on the boss',
    });
    // the same frozen frame again (a reconnect's snapshot): nothing
    expect(watch.observe(frame(true, ['Ann Lee']))).toEqual([]);
    // a page that first sees a contest already over: nothing
    expect(new ContestWinWatch().observe(frame(true, ['Ann Lee']))).toEqual([]);
  });

  it('names several winners, and says when nobody won', () => {
    expect(namesOf(['A', 'B'])).toBe('A and B');
    expect(namesOf(['A', 'B', 'C'])).toBe('A, B and C');
    expect(namesOf(['A', 'B', 'C', 'D', 'E'])).toBe('A, B and 3 more');
    const watch = new ContestWinWatch();
    watch.observe(frame(false));
    expect(watch.observe(frame(true))[0]).toMatchObject({ title: 'Nobody won', who: null });
  });
});
