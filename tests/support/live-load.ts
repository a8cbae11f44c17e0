/**
 * Load for tests/live/scale.test.ts: a graphql-ws client that can stop reading, and transactions
 * that commit at the same moment.
 */
import type postgres from 'postgres';
import { insertOrders, waitUntil } from './live-tools.ts';
import { rawSocketSubscriber } from './raw-subscriber.ts';
import { wsUrl } from './ws.ts';

/** A raw graphql-ws client (raw-subscriber.ts) on the test server at `url`. */
export const rawSubscriber = (url: string, token: string, query: string, copies: number) =>
  rawSocketSubscriber(wsUrl(url), token, query, copies);

/**
 * One transaction per batch (each on its own connection; batches should touch disjoint users so
 * none waits for another's row locks), all opened, all inserted, then all committed together:
 * their notifications arrive within milliseconds of each other.
 */
export async function commitTogether(db: postgres.Sql, tag: string, batches: [number, number][][]) {
  let inserted = 0;
  await Promise.all(
    batches.map((orders) =>
      db.begin(async (tx) => {
        await insertOrders(tx, tag, orders);
        inserted += 1;
        await waitUntil(() => inserted === batches.length, 5000, 'every transaction to have inserted', 1);
      }),
    ),
  );
}
