/**
 * RANK_CHANGED events, from the live hub: while some webhook wants them, this watches one board
 * like a subscriber does — this month's REVENUE board over all teams, the board office screens
 * show by default — and enqueues an event when the people ranked 1-3 (with revenue above zero) or
 * their ranks change. Other boards (teams, other metrics or periods) send no webhooks.
 *
 * Each webhook's last top 3 is kept in webhook_rank_state, compared and replaced in the
 * transaction that enqueues, so a change is reported once whatever the number of API processes,
 * and a change made while the API was down is reported after it starts. A new webhook's first
 * board, and the first board of a new period, only set its state (an empty new month is not a
 * change of places).
 * Nothing is watched while no webhook wants RANK_CHANGED: the hub then recomputes nothing extra.
 */
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { BoardEvent, BoardKey } from '../../live/hub/types.ts';
import type { Mailbox } from '../../live/hub/mailbox.ts';
import { rankWebhookIds } from '../../modules/webhooks/webhook.queries.ts';
import { recordRankChange, type RankEntry } from './rank-outbox.ts';

export const RANK_BOARD: BoardKey = { periodType: 'MONTHLY', metric: 'REVENUE', teamId: null, limit: 10 };
const BOARD_ID = 'MONTHLY|REVENUE';
const TOP = 3;

export interface RankWatch {
  /** Starts or stops watching as webhooks want RANK_CHANGED or not. */
  sync(): Promise<void>;
  dispose(): Promise<void>;
}

const places = (top: RankEntry[]) => JSON.stringify(top.map((e) => [e.user_id, e.rank]));

export function createRankWatch(options: { db: Database; live: LiveHub; logger: Logger }): RankWatch {
  const { db, live, logger } = options;
  let box: Mailbox<BoardEvent> | undefined;
  let loop: Promise<void> | undefined;
  let seen: string | undefined;
  let last: BoardEvent | undefined;
  let wanting = '';

  async function onBoard(event: BoardEvent): Promise<void> {
    last = event;
    const { board, loaders } = event;
    const ranked = board.entries.filter((e) => e.rank <= TOP && Number(e.revenue) > 0);
    const users = await loaders.userById.loadMany(ranked.map((e) => e.userId));
    const top: RankEntry[] = ranked.map((e, i) => {
      const user = users[i];
      return {
        rank: e.rank,
        user_id: e.userId,
        user_name: user && !(user instanceof Error) ? user.name : null,
        revenue: e.revenue,
      };
    });
    const fingerprint = `${board.periodStart}|${places(top)}`;
    if (fingerprint === seen) return; // the board changed below the top 3
    const scope = {
      period_type: board.periodType,
      period_start: board.periodStart,
      metric: board.metric,
      team_id: null,
    };
    await db.transaction((tx) =>
      recordRankChange(
        tx,
        {
          board: BOARD_ID,
          periodStart: board.periodStart,
          version: BigInt(board.version),
          top,
          key: `rank:${BOARD_ID}:${board.periodStart}:${board.version}`,
        },
        (a, b) => places(a) === places(b),
        (previous) => ({ board: scope, top, previous }),
      ),
    );
    seen = fingerprint;
  }

  function start(): void {
    const watched = live.watchBoard(RANK_BOARD);
    box = watched;
    loop = (async () => {
      for await (const event of watched) {
        try {
          await onBoard(event);
        } catch (error) {
          logger.error({ err: error }, 'webhooks: rank change check failed');
        }
      }
    })();
  }

  async function stop(): Promise<void> {
    await box?.return();
    await loop;
    box = undefined;
    loop = undefined;
    seen = undefined;
    last = undefined;
  }

  return {
    async sync() {
      const ids = (await rankWebhookIds(db)).join(',');
      if (ids && !box) start();
      else if (!ids && box) await stop();
      else if (ids !== wanting && last) {
        // a webhook was added: give it its first state now, not at the next change of places
        seen = undefined;
        await onBoard(last);
      }
      wanting = ids;
    },
    dispose: stop,
  };
}
