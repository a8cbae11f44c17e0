/**
 * The signed-in dashboard: who I am (me + the directory), the organisation's clock, the view
 * (tab, team, person, period: in the URL, viewState.ts), the summary cards and the tabs. Each tab
 * runs its own query, so switching tabs is cheap and a VIEWER never asks for what it may not read.
 * Nothing is shown before the directory and the clock are loaded: the defaults (a manager's
 * team, an admin's first person, the current period) are computed from them, not before them.
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
import { signOut, type Credential } from '../lib/auth.ts';
import { setDisplayCurrency } from '../lib/format.ts';
import type { ConnectionStore } from '../lib/connection.ts';
import { AccountDialog } from './AccountDialog.tsx';
import { linkClick, navigate, usePathname, useSearch, withParams } from '../lib/router.ts';
import { AchievementsTab } from './AchievementsTab.tsx';
import { adminPageOf, ADMIN_PAGE_NAMES, adminPagesFor } from './adminPages.ts';
import { AuditLogPage } from '../admin/AuditLogPage.tsx';
import { BadgeRulesPage } from '../admin/BadgeRulesPage.tsx';
import { PeoplePage } from '../admin/PeoplePage.tsx';
import { ScreensPage } from '../admin/ScreensPage.tsx';
import { OrganisationPage } from '../admin/OrganisationPage.tsx';
import { TeamsPage } from '../admin/TeamsPage.tsx';
import { WebhooksPage } from '../admin/WebhooksPage.tsx';
import { ContestPage } from '../contests/ContestPage.tsx';
import { ContestsPage } from '../contests/ContestsPage.tsx';
import { CLOCK, CLOCK_POLL_MS, ClockContext, type OrgClock } from './clock.ts';
import { ConnectionContext } from './connectionState.ts';
import { ExportControl } from './ExportControl.tsx';
import { GoalsTab } from './GoalsTab.tsx';
import { LeaderboardTab } from './LeaderboardTab.tsx';
import { LiveFiguresContext, useFiguresFeed } from './liveFigures.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { SummaryCards } from './SummaryCards.tsx';
import { TeamCards } from './TeamCards.tsx';
import { TeamTab } from './TeamTab.tsx';
import { ViewerContext, type ViewerInfo } from './viewer.ts';
import {
  GOALS_MAX_OFFSET,
  periodParams,
  resolveView,
  TAB_NAMES,
  tabsFor,
  type DashboardView,
} from './viewState.ts';

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

export function Shell({ connection, credential }: { connection: ConnectionStore; credential: Credential }) {
  const me = useQuery(ME);
  const role = me.data?.me.role;
  const needsDirectory = !!role && role !== 'VIEWER';
  const directory = useQuery(DIRECTORY, { skip: !needsDirectory });
  const clockQuery = useQuery(CLOCK, { skip: !role, pollInterval: CLOCK_POLL_MS });
  const clockData = clockQuery.data?.clock;
  const currency = clockQuery.data?.organisation.currency;
  const clock = useMemo<OrgClock | null>(() => {
    // before the clock's context reaches any amount: every formatMoney below uses it
    if (currency) setDisplayCurrency(currency);
    return clockData
      ? { today: clockData.today, timeZone: clockData.timeZone, currency, paceBasis: clockData.paceBasis }
      : null;
  }, [clockData, currency]);

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

  // a refused token or an ended session signs out by itself (lib/apollo.ts): the sign-in page says why
  if (me.error && !me.data)
    return (
      <main className="center-message" id="main">
        <p role="alert">Could not load your profile: {me.error.message}</p>
        <button type="button" onClick={() => void me.refetch()}>
          Try again
        </button>
      </main>
    );
  const failed = (needsDirectory && directory.error && !directory.data) || (clockQuery.error && !clockData);
  if (failed)
    return (
      <main className="center-message" id="main">
        <p role="alert">
          Could not load the {clockQuery.error && !clockData ? 'organisation’s calendar' : 'team directory'}:{' '}
          {(clockQuery.error ?? directory.error)?.message}
        </p>
        <button
          type="button"
          onClick={() => void Promise.all([directory.refetch(), clockQuery.refetch()]).catch(() => {})}
        >
          Try again
        </button>
      </main>
    );
  // the view's defaults are computed from the directory and the clock: wait for both
  if (!viewer || !clock || (needsDirectory && !directory.data))
    return <p className="loading-screen">Loading…</p>;

  return (
    <ViewerContext.Provider value={viewer}>
      <ClockContext.Provider value={clock}>
        <ConnectionContext.Provider value={connection}>
          <Dashboard viewer={viewer} connection={connection} credential={credential} today={clock.today} />
        </ConnectionContext.Provider>
      </ClockContext.Provider>
    </ViewerContext.Provider>
  );
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

function Dashboard({
  viewer,
  connection,
  credential,
  today,
}: {
  viewer: ViewerInfo;
  connection: ConnectionStore;
  credential: Credential;
  today: string;
}) {
  useRefreshAfterReconnect(connection);
  const [accountOpen, setAccountOpen] = useState(false);
  const [signingOut, setSigningOut] = useState(false);
  const path = usePathname();
  const search = useSearch();
  const view = resolveView(viewer, path, new URLSearchParams(search), today);
  const { tab, period, teamId, person } = view;
  // the summary cards and the Team tab refetch when it moves; a VIEWER sees neither
  const figures = useFiguresFeed(period, connection, viewer.me.role !== 'VIEWER');
  const tabs = tabsFor(viewer);
  const adminPages = adminPagesFor(viewer.me.role);
  const adminPage = adminPageOf(path, adminPages);
  // /contests and /contests/<id>: for every role (the server scopes what each one reads)
  const contestPath = /^\/contests(?:\/(\d+))?\/?$/.exec(path);
  // choices are replaced in the URL (not pushed): Back leaves the dashboard's tab, not each click
  const update = (changes: Record<string, string | null>) => navigate(withParams(changes), true);

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
    navigate(withParams({}, `/${target}`));
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
          {adminPages.length ? (
            <nav className="admin-nav" aria-label="Administration">
              {adminPages.map((id) => (
                <a
                  key={id}
                  href={`/${id}`}
                  onClick={linkClick}
                  aria-current={adminPage === id ? 'page' : undefined}
                  className="admin-link"
                >
                  {ADMIN_PAGE_NAMES[id]}
                </a>
              ))}
            </nav>
          ) : null}
          <a
            className="admin-link"
            href="/contests"
            onClick={linkClick}
            aria-current={contestPath ? 'page' : undefined}
          >
            Contests
          </a>
          <a className="tv-link" href="/tv">
            TV mode
          </a>
          <button
            type="button"
            className="ghost whoami"
            aria-haspopup="dialog"
            title="Your account: password, sessions and API tokens"
            onClick={() => setAccountOpen(true)}
          >
            <span className="visually-hidden">Account: </span>
            <span className="whoami-name">{viewer.me.name}</span>
            <span className="role-chip">{viewer.me.role}</span>
            <span className="whoami-caret" aria-hidden="true" />
          </button>
          <button
            type="button"
            className="ghost"
            disabled={signingOut}
            onClick={() => {
              setSigningOut(true);
              void signOut();
            }}
          >
            {signingOut ? 'Signing out…' : 'Sign out'}
          </button>
        </div>
      </header>
      {accountOpen ? (
        <AccountDialog viewer={viewer} credential={credential} onClose={() => setAccountOpen(false)} />
      ) : null}
      {contestPath ? (
        <main id="main" className="dashboard admin">
          {contestPath[1] ? (
            <ContestPage key={contestPath[1]} id={contestPath[1]} viewer={viewer} />
          ) : (
            <>
              <a className="back-link" href="/" onClick={linkClick}>
                ← Dashboard
              </a>
              <ContestsPage viewer={viewer} />
            </>
          )}
        </main>
      ) : adminPage ? (
        <main id="main" className="dashboard admin">
          <a className="back-link" href="/" onClick={linkClick}>
            ← Dashboard
          </a>
          {adminPage === 'people' ? (
            <PeoplePage viewer={viewer} />
          ) : adminPage === 'screens' ? (
            <ScreensPage viewer={viewer} />
          ) : adminPage === 'teams' ? (
            <TeamsPage viewer={viewer} />
          ) : adminPage === 'badges' ? (
            <BadgeRulesPage />
          ) : adminPage === 'webhooks' ? (
            <WebhooksPage />
          ) : adminPage === 'organisation' ? (
            <OrganisationPage />
          ) : (
            <AuditLogPage viewer={viewer} />
          )}
        </main>
      ) : (
        <main id="main" className="dashboard">
          <Toolbar viewer={viewer} view={view} update={update} />

          {person && viewer.me.role !== 'VIEWER' ? (
            <SummaryCards person={person} period={period} />
          ) : !person && viewer.canReadTeamFigures ? (
            <TeamCards teamId={teamId} period={period} />
          ) : null}

          <div className="tabs" role="tablist" aria-label="Dashboard sections" onKeyDown={onTabKey}>
            {tabs.map((id) => (
              <a
                key={id}
                id={`tab-${id}`}
                role="tab"
                href={`/${id}${search}`}
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
            {tab === 'goals' ? <GoalsTab view={view} update={update} /> : null}
            {tab === 'leaderboard' ? <LeaderboardTab period={period} teamId={teamId} /> : null}
            {tab === 'achievements' ? (
              <AchievementsTab key={person?.id ?? `team:${teamId}`} person={person} teamId={teamId} />
            ) : null}
            {tab === 'team' ? <TeamTab period={period} teamId={teamId} /> : null}
            {tab === 'trends' ? (
              <Suspense fallback={<p className="muted">Loading charts…</p>}>
                {person ? (
                  <TrendsTab person={person} period={period} />
                ) : (
                  <ChoosePerson view={view} update={update} />
                )}
              </Suspense>
            ) : null}
          </section>
        </main>
      )}
    </LiveFiguresContext.Provider>
  );
}

/**
 * Team, person, period and export. The Team select narrows the Person list; a manager or admin
 * may choose everyone (of the team) as well as one person.
 */
function Toolbar({
  viewer,
  view,
  update,
}: {
  viewer: ViewerInfo;
  view: DashboardView;
  update: (changes: Record<string, string | null>) => void;
}) {
  const teamSelectId = useId();
  const personSelectId = useId();
  const { teamId, person, people, period, tab } = view;
  const teamName = viewer.teams.find((t) => t.id === teamId)?.name;
  const groups = teamId
    ? [{ id: teamId, name: teamName ?? '', members: people }]
    : viewer.teams
        .map((t) => ({ id: t.id, name: t.name, members: people.filter((p) => p.teamId === t.id) }))
        .filter((t) => t.members.length > 0);
  return (
    <div className="toolbar">
      {viewer.teams.length > 0 ? (
        <label className="inline-field" htmlFor={teamSelectId}>
          <span>Team</span>
          <select
            id={teamSelectId}
            value={teamId ?? ''}
            onChange={(e) => {
              const next = e.target.value;
              const keeps = person && (next === '' || person.teamId === next);
              update({
                team: next || 'all',
                goal: null,
                ...(viewer.canReadOthers && !keeps ? { person: 'all' } : {}),
              });
            }}
          >
            <option value="">All teams</option>
            {viewer.teams.map((t) => (
              <option key={t.id} value={t.id}>
                {t.name}
              </option>
            ))}
          </select>
        </label>
      ) : null}
      {viewer.canReadOthers && viewer.sellers.length > 0 ? (
        <label className="inline-field" htmlFor={personSelectId}>
          <span>Person</span>
          <select
            id={personSelectId}
            value={person?.id ?? ''}
            onChange={(e) => update({ person: e.target.value || 'all', goal: null })}
          >
            <option value="">{teamName ? `Everyone in ${teamName}` : 'Everyone'}</option>
            {groups.map((group) => (
              <optgroup key={group.id} label={group.name}>
                {group.members.map((p) => (
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
      <PeriodPicker
        value={period}
        maxOffset={tab === 'goals' ? GOALS_MAX_OFFSET : 0}
        onChange={(choice) => update({ ...periodParams(choice, period.today), goal: null })}
      />
      <ExportControl period={period} teamId={teamId} person={person} />
    </div>
  );
}

/** Trends are one person's: say so, and offer the people of the team. */
function ChoosePerson({
  view,
  update,
}: {
  view: DashboardView;
  update: (changes: Record<string, string | null>) => void;
}) {
  return (
    <div className="choose-person">
      <p>Trends show one person’s periods: choose someone in the Person menu above, or here.</p>
      <ul className="person-links">
        {view.people.map((p) => (
          <li key={p.id}>
            <button type="button" className="link" onClick={() => update({ person: p.id })}>
              {p.name}
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
