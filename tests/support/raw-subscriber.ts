/**
 * A graphql-ws client written by hand on a raw `ws` socket: pause() stops taking bytes off the TCP
 * socket, as a stalled browser tab would. The live tests (live-load.ts) and the M8 benchmark's
 * slow reader use this one, so both measure the same client. No test-runner imports here: the
 * benchmark loads it with tsx.
 */
import type { Socket } from 'node:net';
import WebSocket, { type ClientOptions } from 'ws';
import { until } from './wait.ts';

export interface RawSubscriberOptions {
  /** How long the first frame of each copy may take. @default 5000 */
  timeoutMs?: number;
  /** ws's per-message deflate offer (the benchmark turns it off). @default ws's own */
  perMessageDeflate?: boolean;
}

/** Subscribes `copies` times to `query` on one socket at `wsUrl`; resolves after the first frame of each. */
export async function rawSocketSubscriber(
  wsUrl: string,
  token: string,
  query: string,
  copies: number,
  { timeoutMs = 5000, perMessageDeflate }: RawSubscriberOptions = {},
) {
  const options: ClientOptions = perMessageDeflate === undefined ? {} : { perMessageDeflate };
  const socket = new WebSocket(wsUrl, 'graphql-transport-ws', options);
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
  await until(() => state.frames >= copies, 'the raw client’s first frames', { timeoutMs });
  const tcp = (socket as unknown as { _socket: Socket })._socket;
  return { socket, state, pause: () => tcp.pause(), resume: () => tcp.resume() };
}
