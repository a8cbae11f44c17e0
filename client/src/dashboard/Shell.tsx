/**
 * The signed-in dashboard: who I am (me + the directory), the period and person being looked at,
 * the summary cards and the tabs. Each tab runs its own query, so switching tabs is cheap and a
 * VIEWER never asks for what it may not read.
 */
import { useApolloClient, useQuery } from '@apollo/client/react';
import {
  lazy,
  Suspense,
  useEffect,
  useId,
  useMemo,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from 'react';
import { ReconnectIndicator } from '../components/ReconnectIndicator.tsx';
import { graphql } from '../gql/index.ts';
import { setToken } from '../lib/auth.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { errorCode } from '../lib/errors.ts';
import { linkClick, navigate, usePathname } from '../lib/router.ts';
import { AchievementsTab } from './AchievementsTab.tsx';
import { ExportControl } from './ExportControl.tsx';
import { GoalsTab } from './GoalsTab.tsx';
import { LeaderboardTab } from './LeaderboardTab.tsx';
import { LiveFiguresContext, useFiguresFeed } from './liveFigures.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { SummaryCards } from './SummaryCards.tsx';
import { TeamTab } from './TeamTab.tsx';
import { ViewerContext, type Person, type PeriodSelection, type ViewerInfo } from './viewer.ts';

const TrendsTab = lazy(() => import('./TrendsTab.tsx'));

const ME = graphql(`
  query Me {
    me {
      id
      name
      email
      role
      team {
        id
        name
      }
    }
  }
`);

const DIRECTORY = graphql(`
  query Directory {
    teams {
      id
      name
      manager {
        id
      }
      members {
        id
        name
        role
        active
      }
    }
  }
`);

type TabId = 'goals' | 'leaderboard' | 'achievements' | 'team' | 'trends';
const TAB_NAMES: Record<TabId, string> = {
  goals: 'Goals',
  leaderboard: 'Leaderboard',
  achievements: 'Achievements',
  team: 'Team',
  trends: 'Trends',
};

function tabOf(path: string, tabs: readonly TabId[]): TabId {
  const name = path.replace(/^\/+/, '').split('/')[0] ?? '';
  const first = tabs[0] ?? 'leaderboard';
  return (tabs as readonly string[]).includes(name) ? (name as TabId) : first;
}

export function Shell({ connection }: { connection: ConnectionStore }) {
  const me = useQuery(ME);
  const role = me.data?.me.role;
  const directory = useQuery(DIRECTORY, { skip: !role || role === 'VIEWER' });

  const viewer = useMemo<ViewerInfo | null>(() => {
    const m = me.data?.me;
    if (!m) return null;
    const teams = (directory.data?.teams ?? []).map((t) => ({
      id: t.id,
      name: t.name,
      managerId: t.manager?.id ?? null,
      members: t.members
        .filter((u) => u.active)
        .map((u) => ({ id: u.id, name: u.name, role: u.role, teamId: t.id, teamName: t.name })),
    }));
    const sellers = teams
      .flatMap((t) => t.members)
      .filter((p) => p.role === 'REP' || p.role === 'MANAGER')
      .sort((a, b) => a.name.localeCompare(b.name));
    const writable = new Set<string>();
    if (m.role === 'ADMIN') teams.forEach((t) => writable.add(t.id));
    if (m.role === 'MANAGER') {
      teams.filter((t) => t.managerId === m.id).forEach((t) => writable.add(t.id));
      if (m.team) writable.add(m.team.id);
    }
    return {
      me: {
        id: m.id,
        name: m.name,
        email: m.email,
        role: m.role,
        teamId: m.team?.id ?? null,
        teamName: m.team?.name ?? null,
      },
      teams,
      sellers,
      writableTeamIds: writable,
      canReadOthers: m.role === 'ADMIN' || m.role === 'MANAGER',
      canReadGoals: m.role !== 'VIEWER',
      canReadTeamFigures: m.role === 'ADMIN' || m.role === 'MANAGER',
    };
  }, [me.data, directory.data]);

  const code = errorCode(me.error);
  useEffect(() => {
    if (code === 'UNAUTHENTICATED')
      setToken(null, 'Your token was refused (expired or revoked). Sign in again.');
  }, [code]);
  if (me.error && !me.data)
    return (
      <main className="center-message" id="main">
        <p role="alert">Could not load your profile: {me.error.message}</p>
        <button type="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </main>
    );
  if (!viewer) return <p className="loading-screen">Loading…</p>;

  return (
    <ViewerContext.Provider value={viewer}>
      <Dashboard viewer={viewer} connection={connection} />
    </ViewerContext.Provider>
  );
}

function defaultPerson(viewer: ViewerInfo): Person | null {
  if (viewer.me.role === 'REP' || viewer.me.role === 'MANAGER') return viewer.me;
  if (viewer.me.role === 'ADMIN') return viewer.sellers[0] ?? null;
  return null;
}

/**
 * After a lost connection comes back, subscriptions resend their snapshots by themselves, but a
 * deletion or a figure changed while offline is only seen by asking again: refetch what is shown.
 */
function useRefreshAfterReconnect(connection: ConnectionStore): void {
  const client = useApolloClient();
  const epoch = useSyncExternalStore(connection.subscribe, () => connection.getState().epoch);
  useEffect(() => {
    if (epoch > 1) void client.refetchQueries({ include: 'active' }).catch(() => {});
  }, [client, epoch]);
}

function Dashboard({ viewer, connection }: { viewer: ViewerInfo; connection: ConnectionStore }) {
  useRefreshAfterReconnect(connection);
  const path = usePathname();
  const [period, setPeriod] = useState<PeriodSelection>({ periodType: 'MONTHLY', offset: 0 });
  // the summary cards and the Team tab refetch when it moves; a VIEWER sees neither
  const figures = useFiguresFeed(period, connection, viewer.me.role !== 'VIEWER');
  const [personId, setPersonId] = useState<string | null>(() => defaultPerson(viewer)?.id ?? null);
  // '' = all teams: the goals list, the leaderboard, the Team tab and exports follow this one choice
  const [teamId, setTeamId] = useState('');
  const teamSelectId = useId();
  const person =
    viewer.sellers.find((p) => p.id === personId) ?? (personId === viewer.me.id ? viewer.me : null);

  const tabs: TabId[] =
    viewer.me.role === 'VIEWER'
      ? ['leaderboard', 'achievements']
      : ['goals', 'leaderboard', 'achievements', 'team', 'trends'];
  const tab = tabOf(path, tabs);

  const onTabKey = (event: KeyboardEvent<HTMLElement>) => {
    const index = tabs.indexOf(tab);
    let next: number | null = null;
    if (event.key === 'ArrowRight') next = (index + 1) % tabs.length;
    else if (event.key === 'ArrowLeft') next = (index - 1 + tabs.length) % tabs.length;
    else if (event.key === 'Home') next = 0;
    else if (event.key === 'End') next = tabs.length - 1;
    if (next === null) return;
    event.preventDefault();
    const target = tabs[next] ?? 'goals';
    navigate(`/${target}`);
    document.getElementById(`tab-${target}`)?.focus();
  };

  return (
    <LiveFiguresContext.Provider value={figures}>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <a className="brand" href="/" onClick={linkClick}>
          <span className="brand-mark" aria-hidden="true" />
          Pulse
        </a>
        <ReconnectIndicator connection={connection} />
        <div className="topbar-end">
          <a className="tv-link" href="/tv">
            TV mode
          </a>
          <span className="whoami">
            <span className="whoami-name">{viewer.me.name}</span>
            <span className="role-chip">{viewer.me.role}</span>
          </span>
          <button type="button" className="ghost" onClick={() => setToken(null)}>
            Sign out
          </button>
        </div>
      </header>
      <main id="main" className="dashboard">
        <div className="toolbar">
          {viewer.canReadOthers && viewer.sellers.length > 0 ? (
            <label className="inline-field">
              <span>Person</span>
              <select value={person?.id ?? ''} onChange={(e) => setPersonId(e.target.value)}>
                {viewer.teams.map((team) => (
                  <optgroup key={team.id} label={team.name}>
                    {team.members
                      .filter((p) => p.role === 'REP' || p.role === 'MANAGER')
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.name}
                          {p.id === viewer.me.id ? ' (me)' : ''}
                        </option>
                      ))}
                  </optgroup>
                ))}
              </select>
            </label>
          ) : null}
          {viewer.teams.length > 0 ? (
            <label className="inline-field" htmlFor={teamSelectId}>
              <span>Team</span>
              <select id={teamSelectId} value={teamId} onChange={(e) => setTeamId(e.target.value)}>
                <option value="">All teams</option>
                {viewer.teams.map((t) => (
                  <option key={t.id} value={t.id}>
                    {t.name}
                  </option>
                ))}
              </select>
            </label>
          ) : null}
          <PeriodPicker value={period} onChange={setPeriod} />
          <ExportControl period={period} teamId={teamId || null} />
        </div>

        {person && viewer.me.role !== 'VIEWER' ? <SummaryCards person={person} period={period} /> : null}

        <div className="tabs" role="tablist" aria-label="Dashboard sections" onKeyDown={onTabKey}>
          {tabs.map((id) => (
            <a
              key={id}
              id={`tab-${id}`}
              role="tab"
              href={`/${id}`}
              onClick={linkClick}
              aria-selected={tab === id}
              aria-controls="tabpanel"
              tabIndex={tab === id ? 0 : -1}
              className="tab"
            >
              {TAB_NAMES[id]}
            </a>
          ))}
        </div>
        <section id="tabpanel" role="tabpanel" aria-labelledby={`tab-${tab}`} className="tabpanel">
          {tab === 'goals' ? <GoalsTab person={person} teamId={teamId || null} /> : null}
          {tab === 'leaderboard' ? <LeaderboardTab period={period} teamId={teamId || null} /> : null}
          {tab === 'achievements' ? <AchievementsTab person={person} /> : null}
          {tab === 'team' ? <TeamTab period={period} teamId={teamId || null} /> : null}
          {tab === 'trends' ? (
            <Suspense fallback={<p className="muted">Loading charts…</p>}>
              {person ? <TrendsTab person={person} period={period} /> : <p>Choose a person.</p>}
            </Suspense>
          ) : null}
        </section>
      </main>
    </LiveFiguresContext.Provider>
  );
}
