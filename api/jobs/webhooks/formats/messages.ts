/**
 * Readable chat messages for webhook events (Slack and Teams formats): pure functions of an
 * event's payload (the outbox row's `data`, as the triggers and the rank watcher wrote it) and the
 * organisation's settings, so they are unit-tested without a server.
 *
 * Invariants: every event gets a message, never an error — a type without an entry in MESSAGES
 * (an event added later) gets a generic one naming the event and the person it is about, and a
 * payload missing a field still reads ("someone", "?"); money is in the organisation's currency,
 * instants in its time zone, period dates as the calendar dates they are. A new event type is one
 * entry in MESSAGES. Why pure: the worker renders at send time from stored payloads, and the same
 * event must read the same on every retry and in a digest.
 */
import {
  isoDate,
  localDate,
  PERIOD_TYPES,
  periodEnd,
  periodStart,
  type PeriodType,
} from '../../../domain/periods.ts';

export interface FormatContext {
  /** ISO 4217 code of the organisation's currency. */
  currency: string;
  /** IANA zone of the organisation: instants are written in it. */
  timeZone: string;
  /** When the message is written (epoch ms): "this month" is the month of this instant. */
  now: number;
}

/** One event as a chat message: a headline and a few short detail lines. */
export interface ChatMessage {
  text: string;
  details: string[];
}

type Data = Record<string, unknown>;
type Formatter = (data: Data, ctx: FormatContext) => ChatMessage;

const MEDAL_ICONS: Record<number, string> = { 1: '🥇', 2: '🥈', 3: '🥉' };
const PERIOD_WORDS: Record<string, string> = {
  DAILY: 'daily',
  WEEKLY: 'weekly',
  MONTHLY: 'monthly',
  QUARTERLY: 'quarterly',
  YEARLY: 'yearly',
};
const CURRENT_PERIOD: Record<PeriodType, string> = {
  DAILY: 'today’s',
  WEEKLY: 'this week’s',
  MONTHLY: 'this month’s',
  QUARTERLY: 'this quarter’s',
  YEARLY: 'this year’s',
};
const RATE_METRICS = new Set(['CONVERSION_RATE', 'WIN_RATE']);

const object = (value: unknown): Data =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
const number = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

const metricWord = (metric: unknown): string => (text(metric) ?? '').toLowerCase().replaceAll('_', ' ');
/** ICU's thin and narrow spaces (around "–", before "AM") as plain ones: chat clients show both. */
const plainSpaces = (s: string) => s.replace(/[\u2009\u202f]/g, ' ');

/** `48210` in USD: "$48,210.00". */
export function money(value: unknown, currency: string): string {
  const n = number(value);
  if (n === null) return '?';
  try {
    return new Intl.NumberFormat('en', { style: 'currency', currency }).format(n);
  } catch {
    return `${n.toFixed(2)} ${currency}`; // a code Intl does not know
  }
}

/** A metric's value: money for revenue, a percentage for rates, a count otherwise. */
export function metricValue(metric: unknown, value: unknown, currency: string): string {
  if (metric === 'REVENUE') return money(value, currency);
  const n = number(value);
  if (n === null) return '?';
  if (typeof metric === 'string' && RATE_METRICS.has(metric)) {
    return `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(n)}%`;
  }
  return new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(n);
}

/** An instant in the organisation's zone: "Dec 7, 2026, 10:15". */
export function instant(value: unknown, timeZone: string): string | null {
  const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) return null;
  return plainSpaces(
    new Intl.DateTimeFormat('en', {
      dateStyle: 'medium',
      timeStyle: 'short',
      hourCycle: 'h23',
      timeZone,
    }).format(date),
  );
}

/** Calendar dates 'YYYY-MM-DD' (no zone: they are the organisation's days): "Mar 1 – 31, 2026". */
export function dateRange(from: unknown, to: unknown): string | null {
  const a = text(from);
  const b = text(to) ?? a;
  if (!a || !b) return null;
  const start = new Date(`${a}T00:00:00Z`);
  const end = new Date(`${b}T00:00:00Z`);
  if (Number.isNaN(start.getTime()) || Number.isNaN(end.getTime()) || end < start) return null;
  return plainSpaces(
    new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).formatRange(start, end),
  );
}

/** Who a goal is for: its person, else its team. */
function goalOwner(goal: Data): string {
  const user = text(goal.user_name);
  if (user) return user;
  const team = text(goal.team_name);
  return team ? `Team ${team}` : 'Someone';
}

function goalMessage(goal: Data, ctx: FormatContext, icon: string, verb: string): ChatMessage {
  const period = PERIOD_WORDS[String(goal.period_type)] ?? '';
  const name = [period, metricWord(goal.metric), 'goal'].filter(Boolean).join(' ');
  const current = metricValue(goal.metric, goal.current_value, ctx.currency);
  const target = metricValue(goal.metric, goal.target_value, ctx.currency);
  const pct = number(goal.achievement_percentage);
  const share =
    pct === null ? '' : ` (${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(pct)}%)`;
  const details: string[] = [];
  const range = dateRange(goal.period_start, goal.period_end);
  if (range) details.push(`Period: ${range}`);
  const description = text(goal.description);
  if (description) details.push(description);
  return { text: `${icon} ${goalOwner(goal)} ${verb} the ${name}: ${current} of ${target}${share}`, details };
}

interface RankEntry {
  rank: number;
  userId: unknown;
  name: string;
  revenue: unknown;
}

function entries(value: unknown): RankEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((raw) => {
    const e = object(raw);
    return {
      rank: number(e.rank) ?? 0,
      userId: e.user_id,
      name: text(e.user_name) ?? 'Someone',
      revenue: e.revenue,
    };
  });
}

/** "this month’s revenue board"; "the revenue board for Nov 1 – 30, 2026" once that period is over. */
function boardName(board: Data, ctx: FormatContext): string {
  const type = text(board.period_type) ?? 'MONTHLY';
  const metric = metricWord(board.metric) || 'revenue';
  const start = text(board.period_start);
  const today = localDate(new Date(ctx.now), ctx.timeZone);
  const period = PERIOD_TYPES.find((t) => t === type);
  if (!period || !start || !isoDate(start)) return `the ${metric} board`;
  if (periodStart(period, today) === start) return `${CURRENT_PERIOD[period]} ${metric} board`;
  return `the ${metric} board for ${dateRange(start, periodEnd(period, start)) ?? start}`;
}

/** The message of an event (MESSAGES, or the generic one for a type without an entry). */
export const MESSAGES: Record<string, Formatter> = {
  ACHIEVEMENT_UNLOCKED: (data, ctx) => {
    const a = object(data.achievement);
    const icon = text(a.badge_icon) ?? '🏅';
    const details: string[] = [];
    const description = text(a.description);
    if (description) details.push(description);
    const when = instant(a.achieved_at, ctx.timeZone);
    if (when) details.push(`Awarded ${when}`);
    return {
      text: `${icon} ${text(a.user_name) ?? 'Someone'} earned the badge “${text(a.title) ?? 'a badge'}”`,
      details,
    };
  },
  GOAL_ACHIEVED: (data, ctx) => goalMessage(object(data.goal), ctx, '🎯', 'achieved'),
  GOAL_MISSED: (data, ctx) => goalMessage(object(data.goal), ctx, '📉', 'missed'),
  RANK_CHANGED: (data, ctx) => {
    const board = boardName(object(data.board), ctx);
    const top = entries(data.top).sort((a, b) => a.rank - b.rank);
    const previous = entries(data.previous);
    const holder = (list: RankEntry[], rank: number) => list.find((e) => e.rank === rank)?.userId;
    const taken = top.find((e) => holder(previous, e.rank) !== e.userId);
    const details = top.map(
      (e) => `${MEDAL_ICONS[e.rank] ?? `#${e.rank}`} ${e.name}: ${money(e.revenue, ctx.currency)}`,
    );
    if (!taken) return { text: `📊 The top 3 of ${board} changed`, details };
    const medal = MEDAL_ICONS[taken.rank] ?? '📊';
    return {
      text: `${medal} ${taken.name} took #${taken.rank} on ${board}: ${money(taken.revenue, ctx.currency)}`,
      details,
    };
  },
  GOAL_BEHIND_PACE: (data, ctx) => {
    const goal = object(data.goal);
    const pace = object(data.pace);
    const message = goalMessage(goal, ctx, '🐢', 'is behind pace on');
    const expected = metricValue(goal.metric, pace.expected_value, ctx.currency);
    const details = [`Expected by now: ${expected}`];
    const rate = number(pace.required_rate);
    if (rate !== null) {
      const per = pace.basis === 'WORKING_DAYS' ? 'working day' : 'day';
      details.push(`Needed: ${metricValue(goal.metric, rate, ctx.currency)} a ${per} to finish`);
    }
    return { text: message.text, details: [...details, ...message.details] };
  },
  CONTEST_STARTED: (data, ctx) => {
    const contest = object(data.contest);
    const details: string[] = [];
    const ends = instant(contest.ends_at, ctx.timeZone);
    if (ends) details.push(`Ends ${ends}`);
    const prize = text(contest.prize);
    if (prize) details.push(`Prize: ${prize}`);
    return { text: `🏁 The contest “${text(contest.name) ?? 'a contest'}” has started`, details };
  },
  CONTEST_ENDED: (data, ctx) => {
    const contest = object(data.contest);
    const podium = (Array.isArray(data.podium) ? data.podium : []).map(object);
    const details = podium.map((e) => {
      const rank = number(e.rank) ?? 0;
      const who = text(e.user_name) ?? text(e.team_name) ?? 'Someone';
      return `${MEDAL_ICONS[rank] ?? `#${rank}`} ${who}: ${metricValue(contest.metric, e.value, ctx.currency)}`;
    });
    const winners = (Array.isArray(data.winners) ? data.winners : [])
      .map((w) => text(object(w).user_name))
      .filter((n): n is string => n !== null);
    const name = text(contest.name) ?? 'a contest';
    return {
      text: winners.length
        ? `🏆 ${winners.join(' and ')} won the contest “${name}”`
        : `🏁 The contest “${name}” has ended`,
      details,
    };
  },
};

/** 'GOAL_BEHIND_PACE' -> 'Goal behind pace'. */
export function eventTitle(event: string): string {
  const words = event.toLowerCase().replaceAll('_', ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** The first person or thing named in a payload: its own name or that of an object inside it. */
function subject(data: Data): string | null {
  for (const candidate of [data, ...Object.values(data).map(object)]) {
    const name = text(candidate.user_name) ?? text(candidate.name) ?? text(candidate.title);
    if (name) return name;
  }
  return null;
}

export function messageFor(event: string, data: unknown, ctx: FormatContext): ChatMessage {
  const payload = object(data);
  const known = Object.hasOwn(MESSAGES, event) ? MESSAGES[event] : undefined;
  if (known) return known(payload, ctx);
  const about = subject(payload);
  return { text: `📣 ${eventTitle(event)}${about ? `: ${about}` : ''}`, details: [] };
}
