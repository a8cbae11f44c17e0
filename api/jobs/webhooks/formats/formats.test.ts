/**
 * The chat formats as pure functions: one readable line per event type (money in the
 * organisation's currency, instants in its time zone), a generic line for an event type without
 * an entry, Slack's and Teams' required fields, digests that list and count their events, and
 * digest intervals that start at the organisation's midnight, also on daylight-saving days.
 */
import { describe, expect, it } from 'vitest';
import { boundaryAt, nextBoundary } from './interval.ts';
import { eventTitle, messageFor, MESSAGES, type FormatContext } from './messages.ts';
import { chatBody, chatDigestBody, DIGEST_LISTED, jsonDigestBody, type OutboxEvent } from './render.ts';

const NOW = Date.parse('2026-03-14T15:30:00Z');
const ctx: FormatContext = { currency: 'USD', timeZone: 'America/New_York', now: NOW };

const rank = (top: [string, number, string][], previous: [string, number, string][]) => ({
  board: { period_type: 'MONTHLY', period_start: '2026-03-01', metric: 'REVENUE', team_id: null },
  top: top.map(([name, id, revenue], i) => ({ rank: i + 1, user_id: id, user_name: name, revenue })),
  previous: previous.map(([name, id, revenue], i) => ({
    rank: i + 1,
    user_id: id,
    user_name: name,
    revenue,
  })),
});

const goal = (status: string, current: number, target: number) => ({
  goal: {
    id: 7,
    user_name: 'Ann Lee',
    team_name: 'East',
    metric: 'REVENUE',
    period_type: 'MONTHLY',
    period_start: '2026-03-01',
    period_end: '2026-03-31',
    current_value: current,
    target_value: target,
    achievement_percentage: (current / target) * 100,
    status,
  },
});

const badge = (title: string, name = 'Ann Lee') => ({
  achievement: {
    id: 3,
    user_name: name,
    title,
    description: 'First deal above $10,000',
    badge_icon: '💰',
    achieved_at: '2026-03-14T14:05:00Z',
  },
});

const event = (id: number, type: string, payload: unknown): OutboxEvent => ({
  id,
  event: type,
  idempotencyKey: `k${id}`,
  createdAt: new Date(NOW - 60_000 * id),
  payload,
});

interface TeamsBody {
  type: string;
  attachments: {
    contentType: string;
    content: { type: string; version: string; body: { type: string; text: string }[] };
  }[];
}
const parse = <T>(body: string): T => JSON.parse(body) as T;

describe('event messages', () => {
  it('say who took which place on this month’s board, in the organisation’s currency', () => {
    const data = rank(
      [
        ['Ann Lee', 1, '48210'],
        ['Bo Chen', 2, '30000.5'],
      ],
      [
        ['Bo Chen', 2, '30000.5'],
        ['Ann Lee', 1, '47000'],
      ],
    );
    const message = messageFor('RANK_CHANGED', data, ctx);
    expect(message.text).toBe('🥇 Ann Lee took #1 on this month’s revenue board: $48,210.00');
    expect(message.details).toEqual(['🥇 Ann Lee: $48,210.00', '🥈 Bo Chen: $30,000.50']);
    expect(messageFor('RANK_CHANGED', data, { ...ctx, currency: 'EUR' }).text).toBe(
      '🥇 Ann Lee took #1 on this month’s revenue board: €48,210.00',
    );
  });

  it('name the first place that changed hands, and a past month by its dates', () => {
    const data = rank(
      [
        ['Ann Lee', 1, '900'],
        ['Cy Diaz', 3, '800'],
      ],
      [
        ['Ann Lee', 1, '900'],
        ['Bo Chen', 2, '700'],
      ],
    );
    const april = { ...ctx, now: Date.parse('2026-04-02T12:00:00Z') };
    expect(messageFor('RANK_CHANGED', data, april).text).toBe(
      '🥈 Cy Diaz took #2 on the revenue board for Mar 1 – 31, 2026: $800.00',
    );
  });

  it('is the board’s month in the organisation’s zone, not UTC’s', () => {
    const data = rank([['Ann Lee', 1, '1']], []);
    // 2026-04-01 02:00 UTC is still March 31 in New York
    const lateMarch = { ...ctx, now: Date.parse('2026-04-01T02:00:00Z') };
    expect(messageFor('RANK_CHANGED', data, lateMarch).text).toContain('this month’s revenue board');
  });

  it('read goals achieved and missed with their values and period', () => {
    expect(messageFor('GOAL_ACHIEVED', goal('ACHIEVED', 12000, 10000), ctx)).toEqual({
      text: '🎯 Ann Lee achieved the monthly revenue goal: $12,000.00 of $10,000.00 (120%)',
      details: ['Period: Mar 1 – 31, 2026'],
    });
    expect(messageFor('GOAL_MISSED', goal('MISSED', 8000, 10000), ctx).text).toBe(
      '📉 Ann Lee missed the monthly revenue goal: $8,000.00 of $10,000.00 (80%)',
    );
    const calls = { goal: { ...goal('ACHIEVED', 1250, 1000).goal, metric: 'CALLS', user_name: null } };
    expect(messageFor('GOAL_ACHIEVED', calls, ctx).text).toBe(
      '🎯 Team East achieved the monthly calls goal: 1,250 of 1,000 (125%)',
    );
  });

  it('read a badge with its icon, and when it was awarded in the organisation’s zone', () => {
    expect(messageFor('ACHIEVEMENT_UNLOCKED', badge('First $10K'), ctx)).toEqual({
      text: '💰 Ann Lee earned the badge “First $10K”',
      details: ['First deal above $10,000', 'Awarded Mar 14, 2026, 10:05'],
    });
  });

  it('give an event type without an entry a generic line naming whom it is about', () => {
    expect(Object.keys(MESSAGES)).not.toContain('DEAL_SLIPPED');
    expect(messageFor('DEAL_SLIPPED', { goal: { user_name: 'Ann Lee' } }, ctx)).toEqual({
      text: '📣 Deal slipped: Ann Lee',
      details: [],
    });
    expect(messageFor('CONTEST_PAUSED', { contest: { name: 'Power hour' } }, ctx).text).toBe(
      '📣 Contest paused: Power hour',
    );
    expect(messageFor('SOMETHING_NEW', null, ctx).text).toBe('📣 Something new');
    expect(eventTitle('CONTEST_STARTED')).toBe('Contest started');
  });

  it('read a goal behind pace with what was expected by now and what it needs a day', () => {
    const data = {
      goal: {
        user_name: 'Ann Lee',
        metric: 'REVENUE',
        period_type: 'MONTHLY',
        current_value: '1200.00',
        target_value: '10000.00',
        achievement_percentage: 12,
        period_start: '2026-03-01',
        period_end: '2026-03-31',
      },
      pace: { expected_value: '4500.00', required_rate: 550, basis: 'WORKING_DAYS' },
    };
    expect(messageFor('GOAL_BEHIND_PACE', data, ctx)).toEqual({
      text: '🐢 Ann Lee is behind pace on the monthly revenue goal: $1,200.00 of $10,000.00 (12%)',
      details: [
        'Expected by now: $4,500.00',
        'Needed: $550.00 a working day to finish',
        'Period: Mar 1 – 31, 2026',
      ],
    });
  });

  it('read a contest’s start and its end with the podium and the winners', () => {
    const contest = {
      name: 'Power hour',
      prize: 'Lunch',
      metric: 'REVENUE',
      ends_at: '2026-03-14T15:00:00.000Z',
    };
    expect(messageFor('CONTEST_STARTED', { contest }, ctx)).toEqual({
      text: '🏁 The contest “Power hour” has started',
      details: ['Ends Mar 14, 2026, 11:00', 'Prize: Lunch'],
    });
    const ended = {
      contest,
      podium: [
        { rank: 1, value: 4800, user_name: 'Ann Lee' },
        { rank: 2, value: 3100, user_name: 'Bo Chen' },
      ],
      winners: [{ user_id: 7, user_name: 'Ann Lee' }],
    };
    expect(messageFor('CONTEST_ENDED', ended, ctx)).toEqual({
      text: '🏆 Ann Lee won the contest “Power hour”',
      details: ['🥇 Ann Lee: $4,800.00', '🥈 Bo Chen: $3,100.00'],
    });
    expect(messageFor('CONTEST_ENDED', { contest }, ctx).text).toBe('🏁 The contest “Power hour” has ended');
  });

  it('still read when a payload lacks its fields', () => {
    expect(messageFor('ACHIEVEMENT_UNLOCKED', {}, ctx).text).toBe('🏅 Someone earned the badge “a badge”');
    expect(messageFor('GOAL_MISSED', { goal: {} }, ctx).text).toBe('📉 Someone missed the goal: ? of ?');
  });
});

describe('Slack and Teams bodies', () => {
  it('Slack: a text line and blocks with a type, mrkdwn control characters escaped', () => {
    const body = JSON.parse(
      chatBody('SLACK', event(1, 'ACHIEVEMENT_UNLOCKED', badge('<b> & co', 'A&B')), ctx),
    ) as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string } }[];
    };
    expect(body.text).toBe('💰 A&amp;B earned the badge “&lt;b&gt; &amp; co”');
    expect(body.blocks.map((b) => b.type)).toEqual(['section', 'context']);
    expect(body.blocks[0]?.text).toEqual({ type: 'mrkdwn', text: body.text });
  });

  it('Teams: a message with one Adaptive Card attachment', () => {
    const body = parse<TeamsBody>(
      chatBody('TEAMS', event(1, 'GOAL_ACHIEVED', goal('ACHIEVED', 12000, 10000)), ctx),
    );
    expect(body).toMatchObject({
      type: 'message',
      attachments: [
        {
          contentType: 'application/vnd.microsoft.card.adaptive',
          content: { type: 'AdaptiveCard', version: '1.4' },
        },
      ],
    });
    const card = body.attachments[0]!.content;
    expect(card.body.map((b) => b.text)).toEqual([
      '🎯 Ann Lee achieved the monthly revenue goal: $12,000.00 of $10,000.00 (120%)',
      'Period: Mar 1 – 31, 2026',
    ]);
    expect(card.body.every((b) => b.type === 'TextBlock')).toBe(true);
  });

  it('a digest lists its events oldest first and counts all of them, within Slack’s 50 blocks', () => {
    const events = Array.from({ length: 3 }, (_, i) =>
      event(i + 1, 'ACHIEVEMENT_UNLOCKED', badge(`B${i + 1}`)),
    );
    const until = new Date('2026-03-14T15:30:00Z');
    const slack = JSON.parse(chatDigestBody('SLACK', events, until, ctx)) as {
      text: string;
      blocks: { type: string; text?: { text: string } }[];
    };
    expect(slack.text).toBe('📬 Pulse: 3 events up to Mar 14, 2026, 11:30');
    expect(slack.blocks.slice(1).map((b) => b.text?.text)).toEqual(
      events.map((e) => messageFor(e.event, e.payload, ctx).text),
    );
    const many = Array.from({ length: DIGEST_LISTED + 25 }, (_, i) => event(i, 'RANK_CHANGED', {}));
    const big = JSON.parse(chatDigestBody('SLACK', many, until, ctx)) as { text: string; blocks: unknown[] };
    expect(big.text).toContain(`${DIGEST_LISTED + 25} events`);
    expect(big.blocks.length).toBeLessThanOrEqual(50);
    expect(JSON.stringify(big.blocks.at(-1))).toContain('…and 25 more');
    const teams = parse<TeamsBody>(chatDigestBody('TEAMS', events, until, ctx));
    expect(teams.attachments[0]?.content.body).toHaveLength(1 + events.length);
  });

  it('a JSON digest carries every event as the single deliveries do', () => {
    const events = [event(1, 'GOAL_MISSED', goal('MISSED', 1, 2))];
    const until = new Date('2026-03-14T15:30:00Z');
    const body = parse<unknown>(jsonDigestBody({ key: 'digest:1:x', until, attempt: 2 }, events, 1773502200));
    expect(body).toEqual({
      id: 'digest:1:x',
      event: 'DIGEST',
      idempotency_key: 'digest:1:x',
      created_at: until.toISOString(),
      timestamp: 1773502200,
      attempt: 2,
      data: {
        until: until.toISOString(),
        events: [
          {
            id: '1',
            event: 'GOAL_MISSED',
            idempotency_key: 'k1',
            created_at: events[0]!.createdAt.toISOString(),
            data: events[0]!.payload,
          },
        ],
      },
    });
  });
});

describe('digest intervals', () => {
  const at = (iso: string) => Date.parse(iso);
  it('start at the organisation’s midnight and every interval after it', () => {
    // 10:47 in Paris (UTC+1 in winter)
    const t = at('2026-01-10T09:47:00Z');
    expect(new Date(boundaryAt(t, 15, 'Europe/Paris')).toISOString()).toBe('2026-01-10T09:45:00.000Z');
    expect(new Date(nextBoundary(t, 15, 'Europe/Paris')).toISOString()).toBe('2026-01-10T10:00:00.000Z');
    expect(new Date(boundaryAt(t, 1440, 'Europe/Paris')).toISOString()).toBe('2026-01-09T23:00:00.000Z');
    expect(new Date(nextBoundary(t, 1440, 'Europe/Paris')).toISOString()).toBe('2026-01-10T23:00:00.000Z');
    // an hour in Kolkata (UTC+5:30) starts at :30 UTC
    expect(new Date(boundaryAt(t, 60, 'Asia/Kolkata')).toISOString()).toBe('2026-01-10T09:30:00.000Z');
  });

  it('keep every local midnight a boundary on a 23-hour day', () => {
    // New York springs forward on 2026-03-08: the day is 23 hours long
    const evening = at('2026-03-09T03:30:00Z'); // 23:30 EDT on March 8
    expect(new Date(boundaryAt(evening, 1440, 'America/New_York')).toISOString()).toBe(
      '2026-03-08T05:00:00.000Z',
    );
    expect(new Date(nextBoundary(evening, 1440, 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
    // 6-hour digests: the last one of the day is 5 hours long
    expect(new Date(nextBoundary(evening, 360, 'America/New_York')).toISOString()).toBe(
      '2026-03-09T04:00:00.000Z',
    );
  });

  it('are consistent: a boundary is the start of its own interval', () => {
    for (const minutes of [5, 15, 60, 240, 1440]) {
      let t = at('2026-10-24T20:00:00Z');
      for (let i = 0; i < 40; i += 1) {
        const next = nextBoundary(t, minutes, 'Europe/London');
        expect(next).toBeGreaterThan(t);
        expect(boundaryAt(next, minutes, 'Europe/London')).toBe(next);
        expect(boundaryAt(t, minutes, 'Europe/London')).toBeLessThanOrEqual(t);
        t = next;
      }
    }
  });
});
