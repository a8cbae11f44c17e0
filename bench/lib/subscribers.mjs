/**
 * Lightweight graphql-transport-ws subscribers (the protocol of graphql-ws, spoken by Pulse and by
 * both PostGraphiles) written on `ws` directly: one socket, one subscription each, frames timed
 * on arrival and their version read without parsing the JSON, so one bench process can hold
 * 20,000 of them. Also the "naive" subscriber: no socket, it re-queries the board over HTTP on
 * every NOTIFY (what a server without a shared live hub does per subscriber).
 */
import pg from 'pg';
import WebSocket from 'ws';
import { DB_URL, now, sleep } from './common.mjs';
import { PEER_CHANNEL, peerNotifications } from './servers.mjs';
import { versionOf } from './targets.mjs';

const NEXT = /^\{"id":"[^"]*","type":"next"|"type":"next"/;

/**
 * @param {{ url: string, token: string, query: string, keepRaw?: boolean,
 *   onFrame?: (sub, version: number|undefined, raw: string, at: number) => void }} o
 */
export function openSubscriber(o) {
  const sub = {
    frames: 0,
    version: undefined,
    lastRaw: undefined,
    lastAt: 0,
    errors: [],
    closed: undefined,
    ready: undefined,
    socket: undefined,
    close() {
      try {
        this.socket.terminate();
      } catch {
        /* already gone */
      }
    },
  };
  sub.ready = new Promise((resolve, reject) => {
    const socket = new WebSocket(o.url, 'graphql-transport-ws', {
      perMessageDeflate: false,
      handshakeTimeout: 30_000,
    });
    sub.socket = socket;
    let first = true;
    socket.on('open', () => {
      socket.send(
        JSON.stringify({ type: 'connection_init', payload: { authorization: `Bearer ${o.token}` } }),
      );
    });
    socket.on('message', (data) => {
      const at = now();
      const raw = data.toString();
      if (NEXT.test(raw.slice(0, 40))) {
        sub.frames += 1;
        const v = versionOf(raw);
        if (v !== undefined) sub.version = v;
        sub.lastAt = at;
        if (o.keepRaw) sub.lastRaw = raw;
        if (raw.includes('"errors"')) sub.errors.push(raw.slice(0, 300));
        o.onFrame?.(sub, v, raw, at);
        if (first) {
          first = false;
          resolve(sub);
        }
        return;
      }
      const type = /"type":"([a-z_]+)"/.exec(raw)?.[1];
      if (type === 'connection_ack') {
        socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: o.query } }));
      } else if (type === 'ping') socket.send('{"type":"pong"}');
      else if (type === 'error' || type === 'complete') {
        sub.errors.push(raw.slice(0, 300));
        reject(new Error(`subscription ${type}: ${raw.slice(0, 300)}`));
      }
    });
    socket.on('error', (error) => {
      sub.errors.push(String(error.message));
      reject(error);
    });
    socket.on('close', (code, reason) => {
      sub.closed = { code, reason: String(reason), at: now() };
      reject(new Error(`socket closed ${code} ${reason}`));
    });
  });
  sub.ready.catch(() => {});
  return sub;
}

/**
 * Opens `count` subscribers, `concurrency` at a time, and waits for each one's first frame (the
 * snapshot). Returns them; throws when more than `tolerate` fail.
 */
export async function openMany(count, o, { concurrency = 200, tolerate = 0, onProgress } = {}) {
  const subs = [];
  let failed = 0;
  let firstError;
  for (let i = 0; i < count; i += concurrency) {
    const batch = [];
    for (let j = i; j < Math.min(count, i + concurrency); j += 1) {
      const sub = openSubscriber(o);
      subs.push(sub);
      batch.push(
        Promise.race([
          sub.ready,
          sleep(60_000).then(() => Promise.reject(new Error('no snapshot in 60 s'))),
        ]).catch((error) => {
          failed += 1;
          firstError ??= error;
        }),
      );
    }
    await Promise.all(batch);
    onProgress?.(subs.length);
  }
  if (failed > tolerate) {
    for (const s of subs) s.close();
    throw new Error(`${failed} of ${count} subscribers failed: ${firstError?.message}`);
  }
  return subs;
}

/**
 * The naive baseline's subscribers: one LISTEN in the bench (on the peers' per-statement
 * notifications, servers.mjs peerNotifications: Pulse's own go through its change log); every rollup
 * notification makes each of the N subscribers send its own leaderboard query to Pulse over HTTP.
 * A response is that subscriber's frame.
 */
export async function openNaive(count, { url, token, query, onFrame }) {
  const listener = new pg.Client({ connectionString: DB_URL });
  await listener.connect();
  const subs = Array.from({ length: count }, () => ({
    frames: 0,
    version: undefined,
    lastRaw: undefined,
    errors: [],
    inFlight: 0,
  }));
  let notifications = 0;
  let inFlight = 0;
  let closed = false;
  // One AbortController per request, so close() can abandon whatever is in flight. Not one shared
  // signal: every fetch adds an abort listener to its signal (undici drops it only when the request
  // is garbage-collected), and N subscribers × 20 notifications/s put thousands on a shared one
  // (MaxListenersExceededWarning: "1501 abort listeners added to [AbortSignal]").
  const controllers = new Set();
  const body = JSON.stringify({ query });
  const fetchFor = async (sub) => {
    if (closed) return;
    sub.inFlight += 1;
    inFlight += 1;
    const abort = new AbortController();
    controllers.add(abort);
    try {
      const response = await fetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body,
        signal: abort.signal,
      });
      const raw = await response.text();
      const at = now();
      sub.frames += 1;
      const v = versionOf(raw);
      if (v !== undefined && (sub.version === undefined || v >= sub.version)) sub.version = v;
      sub.lastRaw = raw;
      onFrame?.(sub, v, raw, at);
    } catch (error) {
      if (!closed) sub.errors.push(String(error.message));
    } finally {
      controllers.delete(abort);
      sub.inFlight -= 1;
      inFlight -= 1;
    }
  };
  listener.on('notification', (msg) => {
    if (!/"t"\s*:\s*"perf"/.test(msg.payload ?? '')) return;
    notifications += 1;
    for (const sub of subs) void fetchFor(sub);
  });
  await peerNotifications(true);
  await listener.query(`LISTEN ${PEER_CHANNEL}`);
  // snapshot, like a subscription's first frame
  await Promise.all(subs.map((s) => fetchFor(s)));
  return {
    subs,
    get notifications() {
      return notifications;
    },
    get inFlight() {
      return inFlight;
    },
    async drain(timeoutMs = 30_000) {
      const until = Date.now() + timeoutMs;
      while (inFlight > 0 && Date.now() < until) await sleep(50);
      return inFlight;
    },
    /** Stops listening and abandons every request still in flight. */
    close() {
      closed = true;
      for (const abort of controllers) abort.abort();
      controllers.clear();
      return Promise.all([listener.end().catch(() => {}), peerNotifications(false).catch(() => {})]);
    },
  };
}
