/**
 * "Why this number?": the activities a figure counts, newest first, a page at a time ("Load more"),
 * in the organisation's currency and time zone, each with how and when it was recorded. What it
 * explains is given as a `source` (its words and how to read a page), so a goal card, a board row
 * and any later figure (a contest's row) open the same dialog: `goalContributions` and
 * `entryContributions` below are the two the dashboard uses; another figure brings its own query
 * selecting the same page fields (ContributionsPage). The server decides what counts and
 * who may see it: this only shows its answer (lib/contributions.ts hides the button it would refuse).
 * Keyboard: the dialog takes focus (Escape or × closes it), "Load more" keeps it, and once the
 * last page is in, focus goes to the list's summary rather than to nothing.
 */
import { useApolloClient } from '@apollo/client/react';
import type { ApolloClient } from '@apollo/client';
import { useEffect, useRef, useState } from 'react';
import { graphql } from '../gql/index.ts';
import type { ActivityKind, LeaderboardMetric, PeriodType } from '../gql/graphql.ts';
import { apiError } from '../lib/errors.ts';
import { countedText } from '../lib/contributions.ts';
import { formatMoney, formatNumber } from '../lib/format.ts';
import { FormError } from '../components/Actions.tsx';
import { useClock } from './clock.ts';
import { Dialog } from '../components/Form.tsx';

/** One page as the server gives it (ContributionPage). */
export interface ContributionsPage {
  totalCount: number;
  total: number | null;
  pushed: number | null;
  hasNextPage: boolean;
  endCursor: string | null;
  nodes: readonly {
    id: string;
    kind: ActivityKind;
    amount: string | null;
    occurredAt: string;
    recordedAt: string;
    recordedVia: string;
    user?: { id: string; name: string } | null;
  }[];
}

/** What the dialog explains: its words, and how to read one page after a cursor. */
export interface ContributionsSource {
  /** Whose figure and which ("Alice Able · Revenue · March 2025"). */
  subject: string;
  /** The figure as the card or row shows it ("$270.50", "12 orders"). */
  figure: string;
  /** Money: the figure adds up amounts (the list's total is shown in the currency). */
  money: boolean;
  /** Whether the list names whose each activity is (a team's figure). */
  showWho?: boolean;
  load: (client: ApolloClient, after: string | null) => Promise<ContributionsPage>;
}

const PAGE_SIZE = 25;

const GOAL_CONTRIBUTIONS = graphql(`
  query GoalContributions($id: ID!, $first: Int!, $after: String) {
    goal(id: $id) {
      id
      contributions(first: $first, after: $after) {
        totalCount
        total
        pushed
        hasNextPage
        endCursor
        nodes {
          id
          kind
          amount
          occurredAt
          recordedAt
          recordedVia
          user {
            id
            name
          }
        }
      }
    }
  }
`);

const ENTRY_CONTRIBUTIONS = graphql(`
  query EntryContributions(
    $metric: LeaderboardMetric!
    $periodType: PeriodType!
    $date: Date!
    $teamId: ID
    $userId: ID!
    $first: Int!
    $after: String
  ) {
    leaderboard(metric: $metric, periodType: $periodType, date: $date, teamId: $teamId, limit: 1) {
      standing(userId: $userId) {
        entry {
          contributions(first: $first, after: $after) {
            totalCount
            total
            pushed
            hasNextPage
            endCursor
            nodes {
              id
              kind
              amount
              occurredAt
              recordedAt
              recordedVia
            }
          }
        }
      }
    }
  }
`);

/** An answer without the page (the figure went away meanwhile). */
class NotListed extends Error {
  constructor() {
    super('The server did not list these activities.');
  }
}

/** A goal's: the activities counted in its currentValue. */
export function goalContributions(goalId: string): ContributionsSource['load'] {
  return async (client, after) => {
    const { data } = await client.query({
      query: GOAL_CONTRIBUTIONS,
      variables: { id: goalId, first: PAGE_SIZE, after },
      fetchPolicy: 'network-only',
    });
    const page = data?.goal?.contributions;
    if (!page) throw new NotListed();
    return page;
  };
}

/** A board row's: the seller's activities counted on that board (its metric, period and team). */
export function entryContributions(
  board: { metric: LeaderboardMetric; periodType: PeriodType; periodStart: string; teamId: string | null },
  userId: string,
): ContributionsSource['load'] {
  return async (client, after) => {
    const { data } = await client.query({
      query: ENTRY_CONTRIBUTIONS,
      variables: {
        metric: board.metric,
        periodType: board.periodType,
        date: board.periodStart,
        teamId: board.teamId,
        userId,
        first: PAGE_SIZE,
        after,
      },
      fetchPolicy: 'network-only',
    });
    const page = data?.leaderboard.standing?.entry?.contributions;
    if (!page) throw new NotListed();
    return page;
  };
}

export const KIND_NAMES: Record<ActivityKind, string> = {
  ORDER_WON: 'Order won',
  LEAD_CREATED: 'Lead created',
  OPPORTUNITY_CREATED: 'Opportunity created',
  OPPORTUNITY_LOST: 'Opportunity lost',
  QUOTATION_SENT: 'Quotation sent',
  QUOTATION_ACCEPTED: 'Quotation accepted',
  CALL: 'Call',
  EMAIL: 'E-mail',
  MEETING: 'Meeting',
};

const VIA: Record<string, string> = {
  api: 'the API',
  import: 'a CSV import',
  sql: 'the database (an ERP)',
  demo: 'demo data',
};

export function ContributionsDialog({
  source,
  onClose,
}: {
  source: ContributionsSource;
  onClose: () => void;
}) {
  const client = useApolloClient();
  // the organisation's zone (and, through formatMoney, its currency) as the dashboard's Clock has it
  const { timeZone: zone } = useClock();
  const [pages, setPages] = useState<ContributionsPage[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Bumped by "Try again": the first page is read again. */
  const [attempt, setAttempt] = useState(0);
  const summary = useRef<HTMLParagraphElement>(null);
  const loadMore = useRef<HTMLButtonElement>(null);
  // what it explains is fixed while it is open: a parent's re-render does not reload the list
  const [load] = useState(() => source.load);

  const failed = (e: unknown) =>
    setError(e instanceof NotListed ? e.message : (apiError(e)?.message ?? 'unknown error'));

  // the first page, when the dialog opens (and again on "Try again")
  useEffect(() => {
    let open = true;
    load(client, null).then(
      (page) => open && setPages([page]),
      (e: unknown) => open && failed(e),
    );
    return () => {
      open = false;
    };
  }, [load, client, attempt]);

  const last = pages.at(-1);
  const nodes = pages.flatMap((p) => p.nodes);
  const when = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'medium',
    timeZone: zone,
  });
  const recorded = new Intl.DateTimeFormat('en-US', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: zone,
  });
  const money = (amount: string | number) => formatMoney(amount);

  const more = async () => {
    if (!last?.endCursor || busy) return;
    setBusy(true);
    setError(null);
    const page = await load(client, last.endCursor).then(
      (next) => {
        setPages((earlier) => [...earlier, next]);
        return next;
      },
      (e: unknown) => {
        failed(e);
        return null;
      },
    );
    setBusy(false);
    // the button goes with the last page: keep focus in the dialog, on what the list says
    if (page && !page.hasNextPage) summary.current?.focus();
    else loadMore.current?.focus();
  };

  return (
    <Dialog title="Why this number?" onClose={onClose}>
      <div className="contributions">
        <p className="contributions-subject">
          <strong>{source.subject}</strong>: <span className="contributions-figure">{source.figure}</span>
        </p>
        {last ? (
          <p className="contributions-summary" ref={summary} tabIndex={-1} aria-live="polite">
            {countedText(
              last.totalCount,
              last.total === null ? null : source.money ? money(last.total) : formatNumber(last.total),
            )}
            {last.pushed ? (
              <span>
                {' '}
                {source.money ? money(last.pushed) : formatNumber(last.pushed)} came as a pushed figure
                (recordPerformance), not as activities.
              </span>
            ) : null}{' '}
            <span className="muted">Times in {zone}.</span>
          </p>
        ) : null}
        <FormError message={error ? `Could not load the activities: ${error}` : null} />
        {error && !last ? (
          <button
            type="button"
            onClick={() => {
              setError(null);
              setAttempt((n) => n + 1);
            }}
          >
            Try again
          </button>
        ) : null}
        {!last && !error ? <p className="muted">Loading the activities…</p> : null}
        {last && nodes.length === 0 ? (
          <p className="muted">No activity counts in it yet.</p>
        ) : nodes.length > 0 ? (
          <div className="contributions-list">
            <table className="contributions-table">
              <caption className="visually-hidden">Activities counted, newest first</caption>
              <thead>
                <tr>
                  <th scope="col">When</th>
                  <th scope="col">What</th>
                  {source.showWho ? <th scope="col">Whose</th> : null}
                  <th scope="col" className="num">
                    Amount
                  </th>
                  <th scope="col">Recorded</th>
                </tr>
              </thead>
              <tbody>
                {nodes.map((n) => (
                  <tr key={n.id} data-activity-id={n.id}>
                    <td>{when.format(new Date(n.occurredAt))}</td>
                    <td>{KIND_NAMES[n.kind]}</td>
                    {source.showWho ? <td>{n.user?.name ?? ''}</td> : null}
                    <td className="num">{n.amount === null ? '—' : money(n.amount)}</td>
                    <td className="muted small">
                      {recorded.format(new Date(n.recordedAt))} via {VIA[n.recordedVia] ?? n.recordedVia}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
        <div className="dialog-actions">
          {last?.hasNextPage ? (
            <button type="button" ref={loadMore} disabled={busy} onClick={() => void more()}>
              {busy ? 'Loading…' : `Load more (${nodes.length} of ${last.totalCount} shown)`}
            </button>
          ) : null}
          <span className="spacer" />
          <button type="button" className="ghost" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </Dialog>
  );
}
