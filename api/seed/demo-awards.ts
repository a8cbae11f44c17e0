/**
 * Manual badges a manager hands out, chosen from the seeded figures: the top closer of last
 * quarter, the biggest month-over-month comeback, last month's pipeline builder and a team player.
 * Dated shortly after the period they reward (never after `now`). John Smith gets none: he holds
 * exactly the original spec's two badges.
 */
import { achievements } from '../../schema/db/index.ts';
import type { Queryable } from '../db/client.ts';
import { addPeriods, periodBounds } from '../domain/periods.ts';
import type { SeededPerson } from './demo-people.ts';
import type { Figures, SeededFigures } from './demo-rollups.ts';

/** `john` is left out of the manual awards. */
export interface AwardContext extends SeededFigures {
  readonly now: Date;
  readonly timeZone: string;
}

const HOUR_MS = 3_600_000;

export async function insertManualAwards(db: Queryable, ctx: AwardContext): Promise<number> {
  const reps = ctx.people.filter((person) => person.spec.role === 'REP' && person.id !== ctx.john.id);
  const managerOf = (rep: SeededPerson) =>
    ctx.teams.find((team) => team.id === rep.teamId)?.managerId ?? null;
  // The morning after a period: its end plus `hours`, but never after now.
  const after = (type: 'MONTHLY' | 'QUARTERLY', start: string, hours: number) =>
    new Date(
      Math.min(periodBounds(type, start, ctx.timeZone).to.getTime() + hours * HOUR_MS, ctx.now.getTime()),
    );
  const best = (score: (rep: SeededPerson) => number) =>
    reps.reduce<{ rep: SeededPerson; score: number } | null>((top, rep) => {
      const value = score(rep);
      return top === null || value > top.score ? { rep, score: value } : top;
    }, null);

  const lastQuarter = addPeriods('QUARTERLY', ctx.quarter, -1);
  const lastMonth = addPeriods('MONTHLY', ctx.month, -1);
  const quarterLabel = `Q${Math.floor((Number(lastQuarter.slice(5, 7)) - 1) / 3) + 1} ${lastQuarter.slice(0, 4)}`;
  const figures = (rep: SeededPerson, type: 'MONTHLY' | 'QUARTERLY', start: string): Figures =>
    ctx.rollups.of(rep.id, type, start);

  const rowsToInsert: (typeof achievements.$inferInsert)[] = [];
  /** A badge for `rep`, handed out by their team's manager. */
  const award = (rep: SeededPerson, badge: Omit<typeof achievements.$inferInsert, 'userId' | 'awardedBy'>) =>
    rowsToInsert.push({ userId: rep.id, ...badge, awardedBy: managerOf(rep) });
  const topCloser = best((rep) => figures(rep, 'QUARTERLY', lastQuarter).revenue);
  if (topCloser && topCloser.score > 0) {
    award(topCloser.rep, {
      kind: 'Revenue',
      title: `Top Closer of ${quarterLabel}`,
      description: `Highest revenue of the whole sales floor in ${quarterLabel}`,
      badgeIcon: '🏆',
      value: topCloser.score.toFixed(2),
      achievedAt: after('QUARTERLY', lastQuarter, 57),
    });
  }

  // Biggest jump between two consecutive completed months (from a month with some revenue).
  const months = Array.from({ length: 10 }, (_, i) => addPeriods('MONTHLY', ctx.month, i - 10));
  let comeback: { rep: SeededPerson; month: string; ratio: number; revenue: number } | null = null;
  for (const rep of reps) {
    for (const [i, month] of months.entries()) {
      const previous = months[i - 1];
      if (previous === undefined) continue;
      const before = figures(rep, 'MONTHLY', previous).revenue;
      const revenue = figures(rep, 'MONTHLY', month).revenue;
      const ratio = before > 0 ? revenue / before : 0;
      if (comeback === null || ratio > comeback.ratio) comeback = { rep, month, ratio, revenue };
    }
  }
  if (comeback && comeback.ratio > 1) {
    award(comeback.rep, {
      kind: 'Revenue',
      title: 'Comeback Kid',
      description: `Revenue up ${Math.round((comeback.ratio - 1) * 100)} % on the month before`,
      badgeIcon: '🚀',
      value: comeback.revenue.toFixed(2),
      achievedAt: after('MONTHLY', comeback.month, 34),
    });
  }

  const builder = best((rep) => figures(rep, 'MONTHLY', lastMonth).leads);
  if (builder && builder.score > 0) {
    award(builder.rep, {
      kind: 'Leads',
      title: 'Pipeline Builder',
      description: `Most new leads last month (${builder.score})`,
      badgeIcon: '📈',
      value: builder.score.toFixed(2),
      achievedAt: after('MONTHLY', lastMonth, 33),
    });
  }

  const player = best((rep) => figures(rep, 'QUARTERLY', lastQuarter).meetings);
  if (player && player.score > 0) {
    award(player.rep, {
      kind: 'Team',
      title: 'Team Player',
      description: 'Joined the most customer meetings, often for teammates',
      badgeIcon: '🤝',
      value: null,
      achievedAt: after('QUARTERLY', lastQuarter, 58),
    });
  }

  if (rowsToInsert.length > 0) await db.insert(achievements).values(rowsToInsert);
  return rowsToInsert.length;
}
