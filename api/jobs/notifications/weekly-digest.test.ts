import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addPeriods, localDate, periodStart } from '../../domain/periods.ts';
import { composeDigest, type DigestChart } from './digest-mail.ts';
import type { DigestPayload } from './digest-data.ts';
import { dueWeek, SEND_HOUR, wallTime } from './weekly-digest.ts';

const ZONES = [
  'UTC',
  'Europe/Berlin',
  'America/New_York',
  'Pacific/Auckland',
  'Asia/Kolkata',
  'America/Sao_Paulo',
];

/** The wall clock's hour and minute of `instant` in `zone`. */
const hourIn = (instant: Date, zone: string) => {
  const parts = new Intl.DateTimeFormat('en', {
    hour: 'numeric',
    minute: 'numeric',
    hourCycle: 'h23',
    timeZone: zone,
  })
    .formatToParts(instant)
    .reduce<Record<string, string>>((acc, p) => ({ ...acc, [p.type]: p.value }), {});
  // some ICU versions print midnight as 24 despite h23
  return { hour: Number(parts.hour) % 24, minute: Number(parts.minute) };
};

describe('dueWeek', () => {
  it('is the last complete Monday–Sunday week once Monday 07:00 (organisation time) has passed, else none', () => {
    fc.assert(
      fc.property(
        fc.date({
          min: new Date('2000-01-01T00:00:00Z'),
          max: new Date('2090-12-31T00:00:00Z'),
          noInvalidDate: true,
        }),
        fc.constantFrom(...ZONES),
        (now, zone) => {
          const today = localDate(now, zone);
          const thisWeek = periodStart('WEEKLY', today);
          const week = dueWeek(now, zone);
          const clock = hourIn(now, zone);
          if (today === thisWeek && clock.hour < SEND_HOUR) {
            expect(week).toBeNull();
            return;
          }
          expect(week).not.toBeNull();
          expect(week!.weekStart).toBe(addPeriods('WEEKLY', thisWeek, -1));
          expect(new Date(`${week!.weekStart}T00:00:00Z`).getUTCDay()).toBe(1);
          expect(week!.weekEnd).toBe(addPeriods('DAILY', thisWeek, -1));
          expect(week!.dueAt.getTime()).toBeLessThanOrEqual(now.getTime());
          expect(localDate(week!.dueAt, zone)).toBe(thisWeek);
          expect(hourIn(week!.dueAt, zone)).toEqual({ hour: SEND_HOUR, minute: 0 });
        },
      ),
    );
  });

  it('puts the hour on the wall clock also on a day whose offset changes before it', () => {
    // 2026-03-29: Europe/Berlin moves from +01:00 to +02:00 at 02:00, a Sunday
    expect(wallTime('2026-03-29', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-29T05:00:00.000Z');
    expect(wallTime('2026-03-30', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-30T05:00:00.000Z');
    expect(wallTime('2026-03-23', 7, 'Europe/Berlin').toISOString()).toBe('2026-03-23T06:00:00.000Z');
  });
});

describe('composeDigest', () => {
  const payload: DigestPayload = {
    week_start: '2026-11-30',
    week_end: '2026-12-06',
    teams: [
      {
        team_id: 7,
        team_name: 'East <& Co>',
        revenue: '1550.50',
        orders_won: 3,
        conversion_rate: 66.67,
        members: [
          {
            user_id: 1,
            name: 'Alice',
            revenue: '1550.50',
            orders_won: 3,
            leads_created: 3,
            conversion_rate: 100,
          },
          {
            user_id: 2,
            name: 'Bob',
            revenue: '0.00',
            orders_won: 0,
            leads_created: 0,
            conversion_rate: null,
          },
        ],
        goals: [
          {
            id: 4,
            owner: 'Alice',
            metric: 'REVENUE',
            period_type: 'WEEKLY',
            period_start: '2026-11-30',
            period_end: '2026-12-06',
            target_value: '2000.00',
            current_value: '1550.50',
            achievement_percentage: '77.53',
            status: 'ON_TRACK',
          },
        ],
        badges: [
          { user_name: 'Alice', title: 'Closer', badge_icon: '⭐', achieved_at: '2026-12-02T09:15:00.000Z' },
        ],
        trend: [
          { week_start: '2026-11-23', revenue: '10.00' },
          { week_start: '2026-11-30', revenue: '1550.50' },
        ],
      },
    ],
  };
  const ctx = {
    currency: 'EUR',
    timeZone: 'Europe/Berlin',
    appUrl: 'https://pulse.example',
    unsubscribeUrl: 'https://pulse.example/unsubscribe?u=1&k=WEEKLY_DIGEST&s=x',
  };

  it('says the same in both parts, and shows each team’s chart inline by its Content-ID', async () => {
    const drawn: unknown[] = [];
    const chart: DigestChart = (series, options) => {
      drawn.push({ series, options });
      return Buffer.from('png');
    };
    const mail = await composeDigest({ payload, name: 'Erin' }, ctx, chart);
    expect(mail.subject).toBe('📊 Your weekly digest: Nov 30 – Dec 6, 2026');
    expect(mail.text).toContain('Team East <& Co>: revenue €1,550.50 · orders won 3 · conversion 66.67%');
    expect(mail.text).toContain('- Bob: revenue €0.00 · orders won 0 · conversion –');
    expect(mail.text).toContain(
      '- Alice, weekly revenue goal: €1,550.50 of €2,000.00 (77.5%), on track (Nov 30 – Dec 6, 2026)',
    );
    expect(mail.text).toContain('- ⭐ Alice: Closer (Dec 2, 2026, 10:15)');
    expect(mail.text).toContain('Nov 23 €10.00 · Nov 30 €1,550.50');
    expect(mail.text).toContain(`Turn it off: ${ctx.unsubscribeUrl}`);
    expect(mail.html).toContain('East &lt;&amp; Co&gt;');
    expect(mail.html).not.toContain('East <& Co>');
    expect(mail.html).toContain('<img src="cid:trend-7@pulse"');
    expect(mail.attachments).toEqual([
      {
        filename: 'team-7-weekly-revenue.png',
        content: Buffer.from('png'),
        contentType: 'image/png',
        cid: 'trend-7@pulse',
      },
    ]);
    expect(drawn).toEqual([
      {
        series: {
          title: 'Team East <& Co>: weekly revenue, last 2 weeks',
          unit: 'money',
          points: [
            { label: 'Nov 23', value: 10 },
            { label: 'Nov 30', value: 1550.5 },
          ],
        },
        options: { width: 600, height: 240, currency: 'EUR' },
      },
    ]);
  });

  it('attaches the PDF reports it is given and names them', async () => {
    const report = {
      filename: 'pulse-report-weekly-2026-11-30-team-7.pdf',
      content: Buffer.from('%PDF-'),
      contentType: 'application/pdf',
    };
    const mail = await composeDigest({ payload, name: 'Erin' }, ctx, () => Buffer.from('png'), [report]);
    expect(mail.attachments.map((a) => a.contentType)).toEqual(['image/png', 'application/pdf']);
    expect(mail.attachments[1]).toBe(report);
    expect(mail.text).toContain(`Attached: the week’s PDF report (${report.filename}).`);
    expect(mail.html).toContain(`Attached: the week’s PDF report (${report.filename}).`);
  });

  it('still reads when the payload lacks parts', async () => {
    const mail = await composeDigest({ payload: {}, name: 'Erin' }, ctx, () => Buffer.from(''));
    expect(mail.subject).toBe('📊 Your weekly digest: ?');
    expect(mail.text).toContain('No team to report on.');
    expect(mail.attachments).toEqual([]);
  });
});
