/**
 * The weekly digest mail: a function of its outbox row's payload (digest-data.ts, written when it
 * was enqueued), the person, the organisation's settings and the links, so every retry reads the
 * same. Per team: the week's totals, each member's revenue, orders won and conversion (the API's
 * WEEKLY figures), the goals overlapping the week with value, % and status, the week's badges, and
 * the team's weekly revenue over the last 12 weeks: as a PNG chart in the HTML part (an inline
 * attachment named by Content-ID, which mail clients show without fetching anything) and as
 * figures in the plain-text part. The chart is drawn by the function given (api/reports/
 * trend-chart.ts in the worker), so this stays testable without it; the week's PDF reports, made
 * by the worker (digest-report.ts), are attached and named. Money is in the organisation's
 * currency, instants in its time zone; a payload missing a part still reads.
 */
import { dateRange, instant, metricValue, money } from '../webhooks/formats/messages.ts';
import { escape, goalName, pct, type ComposedMail, type MailContext } from './compose.ts';
import type { DigestBadge, DigestGoal, DigestMember, DigestTeam } from './digest-data.ts';
import { KIND_LABELS } from './kinds.ts';

/** A chart of one team's weekly revenue: what api/reports/trend-chart.ts's trendChartPng draws. */
export interface DigestChartSeries {
  title: string;
  unit: 'money';
  points: { label: string; value: number }[];
}
export type DigestChart = (
  series: DigestChartSeries,
  options: { width: number; height: number; currency: string },
) => Buffer | Promise<Buffer>;

export interface MailAttachment {
  filename: string;
  content: Buffer;
  contentType: string;
  /** Set for an inline image the HTML part shows (<img src="cid:…">). */
  cid?: string;
}

export interface ComposedDigest extends ComposedMail {
  attachments: MailAttachment[];
}

export const CHART_SIZE = { width: 600, height: 240 } as const;

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);
const str = (value: unknown, fallback = '?'): string =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback;

/** A rate as the API answers it (2 decimals at most), or a dash when there is no base. */
export function rateText(value: unknown): string {
  const n = typeof value === 'number' ? value : Number.NaN;
  return Number.isFinite(n) ? `${new Intl.NumberFormat('en', { maximumFractionDigits: 2 }).format(n)}%` : '–';
}

const STATUS_WORDS: Record<string, string> = {
  ACHIEVED: 'achieved',
  ON_TRACK: 'on track',
  BEHIND: 'behind',
  AT_RISK: 'at risk',
  MISSED: 'missed',
};

/** "Sep 15": a week's first day in the chart and the text trend. */
const weekLabel = (date: string): string =>
  new Intl.DateTimeFormat('en', { month: 'short', day: 'numeric', timeZone: 'UTC' }).format(
    new Date(`${date}T00:00:00Z`),
  );

/** "Alice Able: revenue €400.00 · orders won 2 · conversion 50%" */
export function memberLine(m: DigestMember, currency: string): string {
  return `${str(m.name)}: revenue ${money(m.revenue, currency)} · orders won ${m.orders_won} · conversion ${rateText(m.conversion_rate)}`;
}

function goalLine(g: DigestGoal, currency: string): string {
  const value = (v: unknown) => metricValue(g.metric, v, currency);
  const range = dateRange(g.period_start, g.period_end);
  return `${str(g.owner)}, ${goalName(g as unknown as Record<string, unknown>)}: ${value(g.current_value)} of ${value(g.target_value)} (${pct(g.achievement_percentage)}), ${STATUS_WORDS[g.status] ?? str(g.status)}${range ? ` (${range})` : ''}`;
}

function badgeLine(b: DigestBadge, timeZone: string): string {
  const when = instant(b.achieved_at, timeZone);
  return `${str(b.badge_icon, '🏆')} ${str(b.user_name)}: ${str(b.title)}${when ? ` (${when})` : ''}`;
}

function totalsLine(t: DigestTeam, currency: string): string {
  return `revenue ${money(t.revenue, currency)} · orders won ${t.orders_won} · conversion ${rateText(t.conversion_rate)}`;
}

const cidOf = (team: DigestTeam) => `trend-${team.team_id}@pulse`;

export async function composeDigest(
  mail: { payload: unknown; name: string },
  ctx: MailContext,
  chart: DigestChart,
  /** Files attached as they are (the week's PDF reports: digest-report.ts), named in the text. */
  reports: MailAttachment[] = [],
): Promise<ComposedDigest> {
  const data = (mail.payload ?? {}) as Record<string, unknown>;
  const range = dateRange(data.week_start, data.week_end) ?? '?';
  const teams = list<DigestTeam>(data.teams);
  const subject = `📊 Your weekly digest: ${range}`;
  const footer = `You get this mail because ${KIND_LABELS.WEEKLY_DIGEST} is on for you in Pulse.`;
  const attachments: MailAttachment[] = [];
  const text: string[] = [`Hello ${mail.name},`, '', subject, ''];
  const html: string[] = [
    `<!doctype html><html><body style="font-family:sans-serif;color:#1f2933">`,
    `<p>Hello ${escape(mail.name)},</p>`,
    `<h2 style="font-size:18px">${escape(subject)}</h2>`,
  ];
  const cell = 'style="padding:4px 10px;text-align:left;border-bottom:1px solid #e4e7eb"';
  const num = 'style="padding:4px 10px;text-align:right;border-bottom:1px solid #e4e7eb"';

  for (const team of teams) {
    const members = list<DigestMember>(team.members);
    const goals = list<DigestGoal>(team.goals);
    const badges = list<DigestBadge>(team.badges);
    const trend = list<{ week_start: string; revenue: string }>(team.trend);
    const title = `Team ${str(team.team_name)}`;
    text.push(`${title}: ${totalsLine(team, ctx.currency)}`);
    html.push(
      `<h3 style="font-size:16px;margin-top:24px">${escape(title)}</h3>`,
      `<p>${escape(totalsLine(team, ctx.currency))}</p>`,
    );

    text.push('Members:');
    if (members.length === 0) text.push('- nobody sells in this team');
    for (const m of members) text.push(`- ${memberLine(m, ctx.currency)}`);
    html.push(
      `<table style="border-collapse:collapse;font-size:14px"><thead><tr><th ${cell}>Member</th><th ${num}>Revenue</th><th ${num}>Orders won</th><th ${num}>Conversion</th></tr></thead><tbody>`,
      ...members.map(
        (m) =>
          `<tr><td ${cell}>${escape(str(m.name))}</td><td ${num}>${escape(money(m.revenue, ctx.currency))}</td><td ${num}>${m.orders_won}</td><td ${num}>${escape(rateText(m.conversion_rate))}</td></tr>`,
      ),
      `</tbody></table>`,
    );

    text.push('Goals:');
    if (goals.length === 0) text.push('- no goal runs this week');
    for (const g of goals) text.push(`- ${goalLine(g, ctx.currency)}`);
    html.push(
      `<p style="margin-bottom:4px"><strong>Goals</strong></p>`,
      goals.length === 0
        ? `<p>No goal runs this week.</p>`
        : `<ul>${goals.map((g) => `<li>${escape(goalLine(g, ctx.currency))}</li>`).join('')}</ul>`,
    );

    text.push('Badges this week:');
    if (badges.length === 0) text.push('- none');
    for (const b of badges) text.push(`- ${badgeLine(b, ctx.timeZone)}`);
    html.push(
      `<p style="margin-bottom:4px"><strong>Badges this week</strong></p>`,
      badges.length === 0
        ? `<p>None.</p>`
        : `<ul>${badges.map((b) => `<li>${escape(badgeLine(b, ctx.timeZone))}</li>`).join('')}</ul>`,
    );

    const chartTitle = `${title}: weekly revenue, last ${trend.length} weeks`;
    text.push(
      `${chartTitle}:`,
      trend.map((p) => `${weekLabel(p.week_start)} ${money(p.revenue, ctx.currency)}`).join(' · '),
      '',
    );
    if (trend.length > 0) {
      const png = await chart(
        {
          title: chartTitle,
          unit: 'money',
          points: trend.map((p) => ({ label: weekLabel(p.week_start), value: Number(p.revenue) || 0 })),
        },
        { ...CHART_SIZE, currency: ctx.currency },
      );
      attachments.push({
        filename: `team-${team.team_id}-weekly-revenue.png`,
        content: png,
        contentType: 'image/png',
        cid: cidOf(team),
      });
      html.push(
        `<p><img src="cid:${escape(cidOf(team))}" alt="${escape(chartTitle)}" width="${CHART_SIZE.width}" height="${CHART_SIZE.height}" style="max-width:100%;height:auto"></p>`,
      );
    }
  }
  if (teams.length === 0) {
    text.push('No team to report on.', '');
    html.push(`<p>No team to report on.</p>`);
  }

  if (reports.length > 0) {
    const files = `Attached: the week’s PDF report (${reports.map((r) => r.filename).join(', ')}).`;
    text.push(files, '');
    html.push(`<p>${escape(files)}</p>`);
    attachments.push(...reports);
  }
  text.push(`Open Pulse: ${ctx.appUrl}`, '', footer, `Turn it off: ${ctx.unsubscribeUrl}`, '');
  html.push(
    `<p><a href="${escape(ctx.appUrl)}">Open Pulse</a></p>`,
    `<p style="font-size:12px;color:#52606d">${escape(footer)}`,
    `<a href="${escape(ctx.unsubscribeUrl)}">Turn it off</a>.</p>`,
    `</body></html>`,
  );
  return { subject, text: text.join('\n'), html: html.join('\n'), attachments };
}
