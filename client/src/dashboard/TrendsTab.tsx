/**
 * Trends (a chunk of its own: recharts is the heaviest dependency): the last 12 periods of one
 * person for one metric, and the same periods compared with their team (average and best), read
 * from the team's leaderboard of each period, which every seller may read. The current period is
 * not over: the server says so (partial, elapsedDays of periodDays) and it is drawn apart — a
 * lighter, outlined bar, a dashed last segment and "so far, day 6 of 31" — so the line does not
 * seem to plunge on the 6th. A team comparison that failed while offline is asked again on
 * reconnection.
 */
import { useApolloClient, useQuery } from '@apollo/client/react';
import { useEffect, useId, useState } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { getFragmentData, graphql } from '../gql/index.ts';
import type { PeriodType } from '../gql/graphql.ts';
import { formatCount, formatDate, formatMoney, formatNumber, formatPercent } from '../lib/format.ts';
import { PERIOD_NAMES, periodTick } from '../lib/periods.ts';
import { useConnectionEpoch } from './connectionState.ts';
import { selectionDate } from './PeriodPicker.tsx';
import type { Person, PeriodSelection } from './viewer.ts';

/** The figures a trend charts, of each period and of the same days of the one before (TrendMetric). */
const TrendFiguresFragment = graphql(`
  fragment TrendFigures_period on PerformancePeriod {
    revenue
    ordersWon
    leadsCreated
    opportunitiesCreated
    conversionRate
    winRate
    calls
    meetings
  }
`);

const TRENDS = graphql(`
  query Trends($userId: ID!, $periodType: PeriodType!, $date: Date) {
    trends(userId: $userId, periodType: $periodType, date: $date, count: 12) {
      periodStart
      ...TrendFigures_period
      partial
      elapsedDays
      periodDays
      previousToDate {
        periodStart
        periodEnd
        ...TrendFigures_period
      }
    }
  }
`);

const TEAM_PERIOD = graphql(`
  query TeamPeriod($periodType: PeriodType!, $date: Date!, $teamId: ID!) {
    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {
      periodStart
      entries {
        revenue
        ordersWon
        conversionRate
        winRate
        user {
          id
        }
      }
    }
  }
`);

type TrendMetric =
  | 'revenue'
  | 'ordersWon'
  | 'leadsCreated'
  | 'opportunitiesCreated'
  | 'conversionRate'
  | 'winRate'
  | 'calls'
  | 'meetings';

const METRICS: { value: TrendMetric; label: string; kind: 'money' | 'count' | 'rate'; team: boolean }[] = [
  { value: 'revenue', label: 'Revenue', kind: 'money', team: true },
  { value: 'ordersWon', label: 'Orders won', kind: 'count', team: true },
  { value: 'conversionRate', label: 'Conversion rate', kind: 'rate', team: true },
  { value: 'winRate', label: 'Win rate', kind: 'rate', team: true },
  { value: 'leadsCreated', label: 'Leads', kind: 'count', team: false },
  { value: 'opportunitiesCreated', label: 'Opportunities', kind: 'count', team: false },
  { value: 'calls', label: 'Calls', kind: 'count', team: false },
  { value: 'meetings', label: 'Meetings', kind: 'count', team: false },
];

const COLORS = { person: '#2563eb', average: '#d97706', best: '#059669' };

function formatter(kind: 'money' | 'count' | 'rate') {
  return (value: number | null | undefined): string => {
    if (value === null || value === undefined) return '—';
    if (kind === 'money') return formatMoney(value, { compact: true });
    if (kind === 'rate') return formatPercent(value);
    return formatCount(value);
  };
}

/** How a series is drawn on the comparison chart: its complete periods, then the one under way. */
interface SeriesStyle {
  keys: [complete: string, ongoing: string];
  name: string;
  color: string;
  width: number;
  /** The complete periods' dashes (none: a solid line) and the period under way's. */
  dashes?: string;
  ongoingDashes: string;
  /** The dot's radius on the period under way. */
  dot: number;
  /** Bridge a period with no figure (the team's lines; the person's own does not). */
  connectNulls?: boolean;
}

/** The person against the team's average and best, in the legend's order. */
function comparisonSeries(personName: string): SeriesStyle[] {
  return [
    {
      keys: ['complete', 'ongoing'],
      name: personName,
      color: COLORS.person,
      width: 3,
      ongoingDashes: '4 4',
      dot: 4,
    },
    {
      keys: ['averageComplete', 'averageOngoing'],
      name: 'Team average',
      color: COLORS.average,
      width: 2,
      dashes: '6 4',
      ongoingDashes: '2 4',
      dot: 3,
      connectNulls: true,
    },
    {
      keys: ['bestComplete', 'bestOngoing'],
      name: 'Team best',
      color: COLORS.best,
      width: 2,
      ongoingDashes: '4 4',
      dot: 3,
      connectNulls: true,
    },
  ];
}

/** A series as two lines: the complete periods, and the period under way dashed and out of the legend. */
function seriesLines({ keys: [complete, ongoing], ...style }: SeriesStyle) {
  return [
    <Line
      key={complete}
      type="monotone"
      dataKey={complete}
      name={style.name}
      stroke={style.color}
      strokeWidth={style.width}
      strokeDasharray={style.dashes}
      dot={false}
      isAnimationActive={false}
      connectNulls={style.connectNulls}
    />,
    <Line
      key={ongoing}
      type="monotone"
      dataKey={ongoing}
      name={`${style.name} (so far)`}
      legendType="none"
      stroke={style.color}
      strokeWidth={style.width}
      strokeDasharray={style.ongoingDashes}
      dot={{ r: style.dot, fill: '#fff', stroke: style.color }}
      isAnimationActive={false}
    />,
  ];
}

type Figures = { readonly [K in TrendMetric]: string | number | null };

/**
 * The partial period against the same days of the previous one (the server's previousToDate):
 * the change in per cent for counts and money, in points for rates; none from nothing. The last
 * argument: the days `before` covers.
 */
function compareToDate(
  metric: TrendMetric,
  kind: 'money' | 'count' | 'rate',
  now: Figures,
  before: Figures,
  { periodStart, periodEnd }: { readonly periodStart: string; readonly periodEnd: string },
): { now: number | null; before: number | null; span: string; change: string | null } {
  const pick = (f: Figures): number | null => {
    const raw = f[metric];
    return raw === null ? null : Number(raw);
  };
  const a = pick(now);
  const b = pick(before);
  const span =
    periodStart === periodEnd
      ? formatDate(periodStart)
      : `${formatDate(periodStart)} – ${formatDate(periodEnd)}`;
  let change: string | null = null;
  if (a !== null && b !== null) {
    const sign = (d: number): string => (d > 0 ? '+' : d < 0 ? '−' : '±');
    if (kind === 'rate') {
      const d = a - b;
      change = `${sign(d)}${formatNumber(Math.abs(Math.round(d * 10) / 10))} points`;
    } else if (b > 0) {
      const d = Math.round(((a - b) / b) * 100);
      change = `${sign(d)}${formatNumber(Math.abs(d))}%`;
    }
  }
  return { now: a, before: b, span, change };
}

interface TeamPoint {
  periodStart: string;
  average: number | null;
  best: number | null;
}

type BoardMetric = 'revenue' | 'ordersWon' | 'conversionRate' | 'winRate';

/** Team average and best for each period start, from that period's team leaderboard. */
function useTeamComparison(
  teamId: string | null,
  periodType: PeriodType,
  starts: readonly string[],
  metric: BoardMetric | null,
): { points: TeamPoint[] | null; error: string | null } {
  const client = useApolloClient();
  const [state, setState] = useState<{ key: string; points: TeamPoint[] | null; error: string | null }>({
    key: '',
    points: null,
    error: null,
  });
  // a new connection retries what failed while offline
  const epoch = useConnectionEpoch();
  const key = `${teamId}|${periodType}|${starts.join(',')}|${metric}|${epoch}`;
  useEffect(() => {
    if (!teamId || !metric || starts.length === 0) return undefined;
    let cancelled = false;
    Promise.all(
      starts.map((date) => client.query({ query: TEAM_PERIOD, variables: { periodType, date, teamId } })),
    ).then(
      (results) => {
        if (cancelled) return;
        const points = results.map((result, i) => {
          const entries = result.data?.leaderboard.entries ?? [];
          const values = entries
            .map((e) => (metric === 'revenue' ? Number(e.revenue) : e[metric]))
            .filter((v): v is number => v !== null && v !== undefined && Number.isFinite(v));
          return {
            periodStart: starts[i] ?? '',
            average: values.length ? values.reduce((a, b) => a + b, 0) / values.length : null,
            best: values.length ? Math.max(...values) : null,
          };
        });
        setState({ key, points, error: null });
      },
      (error: unknown) => {
        if (!cancelled)
          setState({ key, points: null, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => {
      cancelled = true;
    };
  }, [client, key, teamId, periodType, starts, metric]);
  return state.key === key ? state : { points: null, error: null };
}

export default function TrendsTab({ person, period }: { person: Person; period: PeriodSelection }) {
  const [metric, setMetric] = useState<TrendMetric>('revenue');
  const metricId = useId();
  const chartTitleId = useId();
  const compareTitleId = useId();
  const spec = METRICS.find((m) => m.value === metric) ?? METRICS[0]!;
  const format = formatter(spec.kind);
  const { data, error, loading } = useQuery(TRENDS, {
    variables: { userId: person.id, periodType: period.periodType, date: selectionDate(period) },
  });
  const trends = data?.trends ?? [];
  const starts = trends.map((t) => t.periodStart);
  const [startsKey, setStartsKey] = useState<{ key: string; list: string[] }>({ key: '', list: [] });
  const joined = starts.join(',');
  if (joined !== startsKey.key) setStartsKey({ key: joined, list: starts });
  const team = useTeamComparison(
    person.teamId,
    period.periodType,
    startsKey.list,
    spec.team ? (metric as BoardMetric) : null,
  );

  const series = trends.map((t, i) => {
    const raw = getFragmentData(TrendFiguresFragment, t)[metric];
    const value = typeof raw === 'string' ? Number(raw) : raw;
    const teamPoint = team.points?.[i];
    const next = trends[i + 1];
    return {
      label: `${periodTick(period.periodType, t.periodStart)}${t.partial ? ' (so far)' : ''}`,
      periodStart: t.periodStart,
      partial: t.partial,
      soFar: t.partial ? `so far: day ${t.elapsedDays} of ${t.periodDays}` : null,
      value: value ?? null,
      // the line: solid through complete periods, dashed into the partial one
      complete: t.partial ? null : (value ?? null),
      ongoing: t.partial || next?.partial ? (value ?? null) : null,
      average: teamPoint?.average ?? null,
      best: teamPoint?.best ?? null,
      averageComplete: t.partial ? null : (teamPoint?.average ?? null),
      averageOngoing: t.partial || next?.partial ? (teamPoint?.average ?? null) : null,
      bestComplete: t.partial ? null : (teamPoint?.best ?? null),
      bestOngoing: t.partial || next?.partial ? (teamPoint?.best ?? null) : null,
    };
  });
  const current = series.find((s) => s.partial);
  const partialPeriod = trends.find((t) => t.partial);
  const previous = partialPeriod?.previousToDate;
  const likeForLike =
    partialPeriod && previous
      ? compareToDate(
          metric,
          spec.kind,
          getFragmentData(TrendFiguresFragment, partialPeriod),
          getFragmentData(TrendFiguresFragment, previous),
          previous,
        )
      : null;

  return (
    <div className="trends">
      <div className="section-head">
        <h2>
          Trends · {person.name}
          <span className="muted"> · last 12 {PERIOD_NAMES[period.periodType].toLowerCase()}s</span>
        </h2>
        <label className="inline-field" htmlFor={metricId}>
          <span>Metric</span>
          <select id={metricId} value={metric} onChange={(e) => setMetric(e.target.value as TrendMetric)}>
            {METRICS.map((m) => (
              <option key={m.value} value={m.value}>
                {m.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {error && !data ? (
        <p className="error" role="alert">
          Could not load trends: {error.message}
        </p>
      ) : null}
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {data ? (
        <div className="chart-grid">
          <figure className="card chart" aria-labelledby={chartTitleId}>
            <figcaption id={chartTitleId}>
              {spec.label} per {PERIOD_NAMES[period.periodType].toLowerCase()}
            </figcaption>
            <div className="chart-box">
              <ResponsiveContainer width="100%" height="100%">
                <BarChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                  <CartesianGrid strokeDasharray="3 3" vertical={false} />
                  <XAxis dataKey="label" tickLine={false} />
                  <YAxis tickFormatter={(v: number) => format(v)} width={64} />
                  <Tooltip formatter={(v) => format(typeof v === 'number' ? v : null)} />
                  <Bar
                    dataKey="value"
                    name={person.name}
                    fill={COLORS.person}
                    radius={[4, 4, 0, 0]}
                    isAnimationActive={false}
                  >
                    {series.map((s) => (
                      <Cell
                        key={s.periodStart}
                        fill={COLORS.person}
                        fillOpacity={s.partial ? 0.35 : 1}
                        stroke={s.partial ? COLORS.person : 'none'}
                        strokeDasharray={s.partial ? '4 3' : undefined}
                        className={s.partial ? 'bar-partial' : undefined}
                      />
                    ))}
                  </Bar>
                </BarChart>
              </ResponsiveContainer>
            </div>
          </figure>
          <figure className="card chart" aria-labelledby={compareTitleId}>
            <figcaption id={compareTitleId}>
              Compared with {person.teamName ? `team ${person.teamName}` : 'the team'}
            </figcaption>
            {!spec.team ? (
              <p className="muted">The team comparison covers revenue, orders, conversion and win rate.</p>
            ) : !person.teamId ? (
              <p className="muted">{person.name} is not in a team.</p>
            ) : team.error ? (
              <p className="error">Could not load the team figures: {team.error}</p>
            ) : (
              <div className="chart-box">
                <ResponsiveContainer width="100%" height="100%">
                  <LineChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
                    <CartesianGrid strokeDasharray="3 3" vertical={false} />
                    <XAxis dataKey="label" tickLine={false} />
                    <YAxis tickFormatter={(v: number) => format(v)} width={64} />
                    <Tooltip formatter={(v) => format(typeof v === 'number' ? v : null)} />
                    <Legend />
                    {comparisonSeries(person.name).flatMap(seriesLines)}
                  </LineChart>
                </ResponsiveContainer>
              </div>
            )}
          </figure>
          {current ? (
            <p className="partial-note" role="note">
              <span className="partial-swatch" aria-hidden="true" />
              <span>
                {current.label.replace(' (so far)', '')} is not over ({current.soFar}): its figures are what
                is recorded so far, drawn lighter and dashed, not a result to compare with full periods.
                {likeForLike ? (
                  <>
                    {' '}
                    <span className="like-for-like">
                      Like for like: <strong>{format(likeForLike.now)}</strong> so far against{' '}
                      <strong>{format(likeForLike.before)}</strong> over {likeForLike.span}
                      {likeForLike.change ? ` (${likeForLike.change})` : ''}.
                    </span>
                  </>
                ) : null}
              </span>
            </p>
          ) : null}
          <details className="chart-table">
            <summary>Show the figures as a table</summary>
            <table className="board">
              <thead>
                <tr>
                  <th scope="col">Period</th>
                  <th scope="col" className="num">
                    {person.name}
                  </th>
                  {spec.team ? (
                    <>
                      <th scope="col" className="num">
                        Team average
                      </th>
                      <th scope="col" className="num">
                        Team best
                      </th>
                    </>
                  ) : null}
                </tr>
              </thead>
              <tbody>
                {series.map((s) => (
                  <tr key={s.periodStart}>
                    <th scope="row">
                      {s.periodStart}
                      {s.soFar ? <span className="muted small"> ({s.soFar})</span> : null}
                    </th>
                    <td className="num">{format(s.value)}</td>
                    {spec.team ? (
                      <>
                        <td className="num">{format(s.average)}</td>
                        <td className="num">{format(s.best)}</td>
                      </>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        </div>
      ) : null}
    </div>
  );
}
