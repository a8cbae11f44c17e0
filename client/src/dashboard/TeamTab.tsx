/**
 * Team performance. Managers and admins read team aggregates (teamPerformance); a rep sees their
 * team's members (the directory) with their figures from the team leaderboard, which reps may
 * read and which lists only those who sold (the others have zeros), with totals summed here. Both
 * refetch when the figures change (liveFigures.ts). Rates are shown with their base; a team's
 * figures with their change against the previous period (comparedWith).
 */
import { useQuery } from '@apollo/client/react';
import type { ReactNode } from 'react';
import { changeMarks } from '../components/ChangeMark.tsx';
import { Icon } from '../components/icons/Icon.tsx';
import { getFragmentData, graphql } from '../gql/index.ts';
import type { TeamBoardQuery, TeamFigures_TeamFragment } from '../gql/graphql.ts';
import type { ChangeKind } from '../lib/change.ts';
import { formatCount, formatMoney, formatPercent, sumMoney } from '../lib/format.ts';
import { rateBase } from '../lib/standing.ts';
import { periodLabel } from '../lib/periods.ts';
import { useLiveFigures, useRefetchOnChange } from './liveFigures.ts';
import { selectionDate } from './PeriodPicker.tsx';
import { TeamFiguresFragment } from './TeamCards.tsx';
import { useViewer, type PeriodSelection } from './viewer.ts';

const TEAM_PERFORMANCE = graphql(`
  query TeamTab($periodType: PeriodType!, $date: Date, $teamId: ID) {
    teamPerformance(periodType: $periodType, date: $date, teamId: $teamId) {
      ...TeamFigures_team
      team {
        manager {
          id
          name
        }
      }
      members {
        revenue
        ordersWon
        leadsCreated
        opportunitiesLost
        conversionRate
        winRate
        user {
          id
          name
          role
        }
      }
    }
  }
`);

const TEAM_BOARD = graphql(`
  query TeamBoard($periodType: PeriodType!, $date: Date, $teamId: ID!) {
    leaderboard(periodType: $periodType, date: $date, teamId: $teamId, limit: 100) {
      periodStart
      entries {
        revenue
        ordersWon
        leadsCreated
        opportunitiesClosed
        conversionRate
        winRate
        user {
          id
          name
          role
        }
      }
    }
  }
`);

/**
 * A member's card: a team board's entry (a rep's view), or the member's figures for the period
 * with the rates' bases (a manager's). `noSales`: not on the revenue board (a rep's view), no
 * sale yet, figures unknown to a rep.
 */
type MemberFigures = Omit<TeamBoardQuery['leaderboard']['entries'][number], '__typename' | 'user'> & {
  user: Omit<TeamBoardQuery['leaderboard']['entries'][number]['user'], '__typename'>;
  noSales?: boolean;
};

function MemberCards({
  members,
  top,
  me,
}: {
  members: readonly MemberFigures[];
  top: string | null;
  me: string;
}) {
  return (
    <ul className="member-grid">
      {members.map((m) => (
        <li key={m.user.id}>
          <article className={`card member${m.user.id === me ? ' me' : ''}`} aria-label={m.user.name}>
            <h4>
              {m.user.name}
              {m.user.role === 'MANAGER' ? <span className="role-chip">Manager</span> : null}
              {m.user.id === top ? (
                <span className="badge top-performer" title="Top performer">
                  <Icon name="star" /> Top
                </span>
              ) : null}
            </h4>
            {m.noSales ? <p className="muted">No sales yet</p> : null}
            <dl className="member-figures" hidden={m.noSales}>
              <div>
                <dt>Revenue</dt>
                <dd>{formatMoney(m.revenue)}</dd>
              </div>
              <div>
                <dt>Orders</dt>
                <dd>{formatCount(m.ordersWon)}</dd>
              </div>
              <div>
                <dt>Conversion</dt>
                <dd>
                  {formatPercent(m.conversionRate)}{' '}
                  <span className="muted small">{rateBase('CONVERSION_RATE', m, true)}</span>
                </dd>
              </div>
              <div>
                <dt>Win rate</dt>
                <dd>
                  {formatPercent(m.winRate)}{' '}
                  <span className="muted small">{rateBase('WIN_RATE', m, true)}</span>
                </dd>
              </div>
            </dl>
          </article>
        </li>
      ))}
    </ul>
  );
}

function Aggregate({ label, value, change }: { label: string; value: string; change?: ReactNode }) {
  return (
    <div className="aggregate">
      <dt>{label}</dt>
      <dd>
        {value}
        {change ? <span className="aggregate-change">{change}</span> : null}
      </dd>
    </div>
  );
}

type TeamFigures = TeamFigures_TeamFragment;

/** A team's figures shown with their change against the previous period, in the order shown (Members after the first). */
const COMPARED: {
  label: string;
  key: 'revenue' | 'avgRevenuePerMember' | 'ordersWon' | 'conversionRate' | 'winRate';
  show: (t: TeamFigures) => string;
  kind: ChangeKind;
}[] = [
  { label: 'Revenue', key: 'revenue', show: (t) => formatMoney(t.revenue), kind: 'percent' },
  {
    label: 'Avg per member',
    key: 'avgRevenuePerMember',
    show: (t) => formatMoney(t.avgRevenuePerMember),
    kind: 'percent',
  },
  { label: 'Orders', key: 'ordersWon', show: (t) => formatCount(t.ordersWon), kind: 'percent' },
  {
    label: 'Conversion',
    key: 'conversionRate',
    show: (t) => formatPercent(t.conversionRate),
    kind: 'points',
  },
  { label: 'Win rate', key: 'winRate', show: (t) => formatPercent(t.winRate), kind: 'points' },
];

/** `teamId`: the dashboard's team (null: all); a rep always sees their own team. */
export function TeamTab({ period, teamId }: { period: PeriodSelection; teamId: string | null }) {
  const viewer = useViewer();
  return viewer.canReadTeamFigures ? (
    <ManagerTeams period={period} teamId={teamId} />
  ) : (
    <RepTeam period={period} />
  );
}

function ManagerTeams({ period, teamId }: { period: PeriodSelection; teamId: string | null }) {
  const viewer = useViewer();
  const live = useLiveFigures();
  const { data, error, loading, refetch } = useQuery(TEAM_PERFORMANCE, {
    variables: { periodType: period.periodType, date: selectionDate(period), teamId },
    pollInterval: live.pollInterval,
  });
  useRefetchOnChange(live.version, refetch);
  return (
    <div>
      <div className="section-head">
        <h2>Team performance</h2>
      </div>
      {error && !data ? (
        <p className="error" role="alert">
          Could not load team figures: {error.message}
        </p>
      ) : null}
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {data?.teamPerformance.map((row) => {
        // the figures (the home's team cards read the same); the manager and members are the tab's
        const t = getFragmentData(TeamFiguresFragment, row);
        const mark = changeMarks(period.periodType, t, t.comparedWith);
        return (
          <section key={t.team.id} className="team-section" aria-labelledby={`team-${t.team.id}`}>
            <h3 id={`team-${t.team.id}`}>
              {t.team.name}
              <span className="muted small">
                {' '}
                · {periodLabel(period.periodType, t.periodStart)}
                {row.team.manager ? ` · managed by ${row.team.manager.name}` : ''}
              </span>
            </h3>
            <dl className="aggregates">
              {COMPARED.slice(0, 1).map((a) => (
                <Aggregate key={a.key} label={a.label} value={a.show(t)} change={mark(a.key, a.kind)} />
              ))}
              <Aggregate label="Members" value={formatCount(t.memberCount)} />
              {COMPARED.slice(1).map((a) => (
                <Aggregate key={a.key} label={a.label} value={a.show(t)} change={mark(a.key, a.kind)} />
              ))}
              <Aggregate label="Top performer" value={t.topPerformer?.name ?? '—'} />
            </dl>
            <MemberCards
              members={row.members.map((m) => ({
                ...m,
                leadsCreated: Math.max(0, m.leadsCreated),
                opportunitiesClosed: Math.max(0, m.ordersWon) + Math.max(0, m.opportunitiesLost),
              }))}
              top={t.topPerformer?.id ?? null}
              me={viewer.me.id}
            />
          </section>
        );
      })}
    </div>
  );
}

function RepTeam({ period }: { period: PeriodSelection }) {
  const viewer = useViewer();
  const teamId = viewer.me.teamId;
  const live = useLiveFigures();
  const { data, error, loading, refetch } = useQuery(TEAM_BOARD, {
    variables: { periodType: period.periodType, date: selectionDate(period), teamId: teamId ?? '' },
    skip: !teamId,
    pollInterval: teamId ? live.pollInterval : 0,
  });
  useRefetchOnChange(teamId ? live.version : null, refetch);
  if (!teamId) return <p className="empty">You are not in a team.</p>;
  const ranked = data?.leaderboard.entries ?? [];
  const top = ranked[0] && Number(ranked[0].revenue) > 0 ? ranked[0].user.id : null;
  // the board lists those who sold; the rest of the team (the directory) have nothing yet
  const listed = new Set(ranked.map((e) => e.user.id));
  const entries: MemberFigures[] = [
    ...ranked,
    ...(viewer.teams.find((t) => t.id === teamId)?.members ?? [])
      .filter((m) => (m.role === 'REP' || m.role === 'MANAGER') && !listed.has(m.id))
      .map((m) => ({
        user: { id: m.id, name: m.name, role: m.role },
        revenue: '0.00',
        ordersWon: 0,
        leadsCreated: 0,
        opportunitiesClosed: 0,
        conversionRate: null,
        winRate: null,
        noSales: true,
      })),
  ];
  return (
    <div>
      <div className="section-head">
        <h2>
          Team {viewer.me.teamName}
          {data ? (
            <span className="muted"> · {periodLabel(period.periodType, data.leaderboard.periodStart)}</span>
          ) : null}
        </h2>
      </div>
      {error && !data ? (
        <p className="error" role="alert">
          Could not load your team: {error.message}
        </p>
      ) : null}
      {loading && !data ? <p className="muted">Loading…</p> : null}
      {data ? (
        <>
          <dl className="aggregates">
            <Aggregate label="Revenue" value={formatMoney(sumMoney(entries.map((e) => e.revenue)))} />
            <Aggregate label="Members" value={formatCount(entries.length)} />
            <Aggregate label="Orders" value={formatCount(entries.reduce((n, e) => n + e.ordersWon, 0))} />
          </dl>
          <MemberCards members={entries} top={top} me={viewer.me.id} />
        </>
      ) : null}
    </div>
  );
}
