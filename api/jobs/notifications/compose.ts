/**
 * The mail of each kind: a pure function of the outbox row's payload (as the triggers and jobs
 * wrote it), the person, the organisation's settings and the links, so it reads the same on every
 * retry and is unit-tested without a server. Money is in the organisation's currency and instants
 * in its time zone (the webhook messages' formatters, formats/messages.ts); period dates are the
 * calendar dates they are. Every mail has a plain-text and an HTML part saying the same, and ends
 * with the one-click link that turns its kind off. A payload missing a field still reads ("?").
 */
import { dateRange, instant, metricValue, money } from '../webhooks/formats/messages.ts';
import { KIND_LABELS, type NotificationKind } from './kinds.ts';

export interface MailContext {
  currency: string;
  timeZone: string;
  /** Where Pulse is opened (PUBLIC_URL, else the server's own address). */
  appUrl: string;
  /** This mail's unsubscribe link (unsubscribe.ts). */
  unsubscribeUrl: string;
}

export interface ComposedMail {
  subject: string;
  text: string;
  html: string;
}

type Data = Record<string, unknown>;
/** A headline, then detail lines. */
interface Body {
  subject: string;
  lines: string[];
}

const object = (value: unknown): Data =>
  value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Data) : {};
const str = (value: unknown, fallback = '?'): string =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;
export const pct = (value: unknown): string => {
  const n = Number(value);
  return Number.isFinite(n) ? `${new Intl.NumberFormat('en', { maximumFractionDigits: 1 }).format(n)}%` : '?';
};

const PERIODS: Record<string, string> = {
  DAILY: 'daily',
  WEEKLY: 'weekly',
  MONTHLY: 'monthly',
  QUARTERLY: 'quarterly',
  YEARLY: 'yearly',
};

/** "monthly revenue goal" */
export function goalName(goal: Data): string {
  const metric = str(goal.metric, '').toLowerCase().replaceAll('_', ' ');
  return [PERIODS[str(goal.period_type, '')] ?? '', metric, 'goal'].filter(Boolean).join(' ');
}

function goalLines(goal: Data, ctx: MailContext): string[] {
  const value = (v: unknown) => metricValue(goal.metric, v, ctx.currency);
  const lines = [
    `${value(goal.current_value)} of ${value(goal.target_value)} (${pct(goal.achievement_percentage)})`,
  ];
  const range = dateRange(goal.period_start, goal.period_end);
  if (range) lines.push(`Period: ${range}`);
  if (typeof goal.description === 'string' && goal.description.trim()) lines.push(goal.description.trim());
  return lines;
}

function goalProgress(data: Data, ctx: MailContext): Body {
  const goal = object(data.goal);
  const step = Number(data.step);
  const subject =
    step >= 100
      ? `🎯 You achieved your ${goalName(goal)}`
      : `📈 You reached ${step}% of your ${goalName(goal)}`;
  return { subject, lines: goalLines(goal, ctx) };
}

function behindPace(data: Data, ctx: MailContext): Body {
  const goal = object(data.goal);
  const pace = object(data.pace);
  const value = (v: unknown) => metricValue(goal.metric, v, ctx.currency);
  const lines = goalLines(goal, ctx);
  lines.push(`Expected by now: ${value(pace.expected_value)}`);
  if (pace.required_rate !== null && pace.required_rate !== undefined)
    lines.push(`Needed a day from here: ${value(pace.required_rate)} (${str(pace.days_left)} days left)`);
  return { subject: `🐢 Your ${goalName(goal)} is behind pace`, lines };
}

function badge(data: Data, ctx: MailContext): Body {
  const a = object(data.achievement);
  const lines: string[] = [];
  if (typeof a.description === 'string' && a.description.trim()) lines.push(a.description.trim());
  const when = instant(a.achieved_at, ctx.timeZone);
  if (when) lines.push(`Awarded: ${when}`);
  return { subject: `${str(a.badge_icon, '🏆')} You earned the badge “${str(a.title)}”`, lines };
}

function contest(data: Data, ctx: MailContext, who: { userId: number; teamId: number | null }): Body {
  const c = object(data.contest);
  const name = str(c.name);
  if (data.event === 'STARTED') {
    const lines = [`Ends: ${instant(c.ends_at, ctx.timeZone) ?? '?'}`];
    if (typeof c.prize === 'string' && c.prize.trim()) lines.push(`Prize: ${c.prize.trim()}`);
    if (typeof c.description === 'string' && c.description.trim()) lines.push(c.description.trim());
    return { subject: `🏁 The contest “${name}” has started`, lines };
  }
  const winners = Array.isArray(data.winners) ? data.winners.map((w) => str(object(w).user_name)) : [];
  const mine = (Array.isArray(data.entries) ? data.entries.map(object) : []).find(
    (e) => e.user_id === who.userId || (who.teamId !== null && e.team_id === who.teamId),
  );
  const lines = [winners.length > 0 ? `Won by ${winners.join(', ')}` : 'No winner'];
  if (mine && typeof mine.rank === 'number') lines.push(`You finished #${mine.rank}`);
  return { subject: `🏆 The contest “${name}” has ended`, lines };
}

function teamRank(data: Data, ctx: MailContext): Body {
  const team = str(data.team_name);
  const range = dateRange(data.period_start, data.period_end);
  const leaders = Array.isArray(data.leaders) ? data.leaders.map((l) => str(object(l).user_name)) : [];
  const lines = [`Revenue to lead: ${money(data.revenue, ctx.currency)}`];
  if (range) lines.push(`Month: ${range}`);
  if (data.change === 'TOOK')
    return { subject: `🥇 You took #1 on team ${team}’s monthly revenue board`, lines };
  if (leaders.length > 0) lines.unshift(`Now leading: ${leaders.join(', ')}`);
  return { subject: `You lost #1 on team ${team}’s monthly revenue board`, lines };
}

function kudos(data: Data, ctx: MailContext): Body {
  const k = object(data.kudos);
  const lines = [`“${str(k.message)}”`];
  const when = instant(k.created_at, ctx.timeZone);
  if (when) lines.push(`Given: ${when}`);
  return { subject: `👏 ${str(k.giver_name, 'A colleague')} gave you kudos`, lines };
}

export const escape = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );

export function composeMail(
  mail: { kind: string; payload: unknown; userId: number; teamId: number | null; name: string },
  ctx: MailContext,
): ComposedMail {
  const data = object(mail.payload);
  const kind = mail.kind as NotificationKind;
  const body: Body =
    kind === 'GOAL_PROGRESS'
      ? goalProgress(data, ctx)
      : kind === 'GOAL_BEHIND_PACE'
        ? behindPace(data, ctx)
        : kind === 'BADGE_EARNED'
          ? badge(data, ctx)
          : kind === 'CONTESTS'
            ? contest(data, ctx, mail)
            : kind === 'KUDOS'
              ? kudos(data, ctx)
              : teamRank(data, ctx);
  const label = KIND_LABELS[kind] ?? kind;
  const footer = `You get this mail because ${label} notifications are on for you in Pulse.`;
  const text = [
    `Hello ${mail.name},`,
    '',
    body.subject,
    '',
    ...body.lines,
    '',
    `Open Pulse: ${ctx.appUrl}`,
    '',
    footer,
    `Turn them off: ${ctx.unsubscribeUrl}`,
    '',
  ].join('\n');
  const html = `<!doctype html><html><body style="font-family:sans-serif;color:#1f2933">
<p>Hello ${escape(mail.name)},</p>
<h2 style="font-size:18px">${escape(body.subject)}</h2>
<ul>${body.lines.map((l) => `<li>${escape(l)}</li>`).join('')}</ul>
<p><a href="${escape(ctx.appUrl)}">Open Pulse</a></p>
<p style="font-size:12px;color:#52606d">${escape(footer)}
<a href="${escape(ctx.unsubscribeUrl)}">Turn them off</a>.</p>
</body></html>`;
  return { subject: body.subject, text, html };
}
