/**
 * Load for tests/live/scale.test.ts: a graphql-ws client that can stop reading, and transactions
 * that commit at the same moment.
 */
import type { Socket } from 'node:net';
import type postgres from 'postgres';
import WebSocket from 'ws';
import { insertOrders, waitUntil } from './live-tools.ts';
import { wsUrl } from './ws.ts';

/**
 * A graphql-ws client written by hand on a raw `ws` socket: pause() stops taking bytes off the TCP
 * socket, as a stalled browser tab would. Subscribes `copies` times to `query` on the one socket;
 * resolves after the first frame of each.
 */
export async function rawSubscriber(url: string, token: string, query: string, copies: number) {
  const socket = new WebSocket(wsUrl(url), 'graphql-transport-ws');
  const state = { frames: 0, bytes: 0, closed: false, closeCode: 0 };
  socket.on('close', (code) => Object.assign(state, { closed: true, closeCode: code }));
  socket.on('error', () => {}); // a reset shows up as close too
  socket.on('message', (data: Buffer) => {
    const message = JSON.parse(data.toString()) as { type: string };
    if (message.type === 'connection_ack') {
      for (let id = 1; id <= copies; id += 1)
        socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query } }));
    } else if (message.type === 'next') {
      state.frames += 1;
      state.bytes += data.length;
    }
  });
  socket.on('open', () =>
    socket.send(JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } })),
  );
  await waitUntil(() => state.frames >= copies, 5000, 'the raw client’s first frames');
  const tcp = (socket as unknown as { _socket: Socket })._socket;
  return { socket, state, pause: () => tcp.pause(), resume: () => tcp.resume() };
}

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
