/**
 * The graphql-ws protocol as Pulse serves it (api/transport/ws/server.ts on graphql-ws's makeServer, our transport
 * in api/transport/ws/), pinned at the frame level with raw `ws` sockets, so that a graphql-ws upgrade that
 * changes what we rely on fails here rather than silently on the screens:
 * - connection_init -> connection_ack, ping -> pong, every frame a text frame;
 * - a shared board event is serialised once and spliced byte for byte into each subscriber's
 *   `next` frame around its own id (ids JSON must escape, multi-byte text), and a plain graphql-ws
 *   client parses it to the same data; nothing stays held once sent; an idle subscriber's frame
 *   is written by the live fast path (transport/ws/frames.ts) and is the same frame;
 * - a completed subscription sends nothing more, its neighbour goes on;
 * - a refused operation gets an `error` frame for its id and the socket stays open;
 * - the close codes: 4401 (bad token, subscribe before init), 4400, 4406, 4408, 4409, 4429, 1009,
 *   WS_MAX_SUBSCRIPTIONS refused by an error (socket open), and keep-alive drops a silent peer.
 */
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { sharedStats } from '../../api/live/shared-execution.ts';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import type { TestServer } from '../support/server.ts';
import { settle, until } from '../support/wait.ts';
import { connect, subscribe, wsUrl } from '../support/ws.ts';

const BOARD = 'subscription { leaderboardChanged { version entries { rank user { name } } } }';
type Board = { leaderboardChanged: { version: string; entries: { rank: number; user: { name: string } }[] } };
/** Multi-byte characters: byte offsets in the frame differ from string offsets. */
const NAME = 'Zoë Ångström 東京 🎉';
const KEEP_ALIVE_MS = 2000;

interface Message {
  id?: string;
  type: string;
  payload?: unknown;
}
interface Frame {
  text: string;
  binary: boolean;
  message: Message;
}

/** A raw graphql-transport-ws socket recording every frame and its close. */
class RawClient {
  readonly frames: Frame[] = [];
  closed: { code: number; reason: string } | undefined;
  private constructor(readonly socket: WebSocket) {
    socket.on('message', (data: Buffer, binary) => {
      const text = data.toString();
      this.frames.push({ text, binary, message: JSON.parse(text) as Message });
    });
    socket.on('close', (code, reason) => (this.closed = { code, reason: reason.toString() }));
    socket.on('error', () => {});
  }

  static open(url: string, protocol: string | null = 'graphql-transport-ws', autoPong = true) {
    const socket = new WebSocket(wsUrl(url), protocol === null ? [] : [protocol], { autoPong });
    const client = new RawClient(socket);
    open.push(client);
    return new Promise<RawClient>((resolve, reject) => {
      socket.once('open', () => resolve(client));
      socket.once('error', reject);
    });
  }

  send(message: Message | string): void {
    this.socket.send(typeof message === 'string' ? message : JSON.stringify(message));
  }

  frame(test: (message: Message) => boolean, what: string): Promise<Frame> {
    return until(
      () => this.frames.find((f) => test(f.message)),
      () => `${what}; got ${JSON.stringify(this.frames.map((f) => f.text)).slice(0, 1500)}`,
    );
  }

  nextOf(id: string, test: (data: Board) => boolean = () => true): Promise<Frame> {
    return this.frame(
      (m) => m.id === id && m.type === 'next' && test((m.payload as { data: Board }).data),
      `a next frame for ${id}`,
    );
  }

  waitClose(): Promise<{ code: number; reason: string }> {
    return until(() => this.closed, 'the socket to close');
  }
}
const open: RawClient[] = [];

let server: TestServer;
let org: OrgFixture;
let token: string;

/** A raw socket past connection_init/ack, as the viewer (a screen). */
async function acknowledged(): Promise<RawClient> {
  const client = await RawClient.open(server.url);
  client.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
  await client.frame((m) => m.type === 'connection_ack', 'connection_ack');
  return client;
}

const subscribeTo = (client: RawClient, id: string, query = BOARD) =>
  client.send({ id, type: 'subscribe', payload: { query } });

/** The payload's exact text in a next frame, once the frame is checked to be id, type, payload. */
function payloadText(frame: Frame, id: string): string {
  const head = `{"id":${JSON.stringify(id)},"type":"next","payload":`;
  expect(frame.text.startsWith(head)).toBe(true);
  expect(frame.text.endsWith('}')).toBe(true);
  return frame.text.slice(head.length, -1);
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({
    WS_MAX_SUBSCRIPTIONS: '3',
    WS_KEEPALIVE_MS: String(KEEP_ALIVE_MS),
  }));
  token = await server.token(org.viewer);
  await server.sql(sql`update users set name = ${NAME} where id = ${org.reps.east1.id}`);
  await recordActivity(server, { userId: org.reps.east1.id, amount: '100.00' });
  await settle(server);
});
afterAll(() => server?.close());
afterEach(async () => {
  for (const client of open.splice(0)) client.socket.terminate();
  await until(() => server.app.ws.storedDocuments === 0, 'the test’s sockets to close');
  expect(server.app.ws.heldPayloads).toBe(0);
});

describe('frames', () => {
  it('acknowledges connection_init and answers a ping with its payload, in text frames', async () => {
    const client = await RawClient.open(server.url);
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect((await client.frame((m) => m.type === 'connection_ack', 'ack')).text).toBe(
      '{"type":"connection_ack"}',
    );
    client.send({ type: 'ping', payload: { n: 1 } });
    expect((await client.frame((m) => m.type === 'pong', 'pong')).text).toBe(
      '{"type":"pong","payload":{"n":1}}',
    );
    expect(client.frames.every((f) => !f.binary)).toBe(true);
    expect(client.closed).toBeUndefined();
  });

  it('splices a shared event byte for byte into every subscriber’s next frame, each with its own id', async () => {
    const first = await acknowledged();
    const second = await acknowledged();
    // ids JSON must escape, with multi-byte characters: the frame's head is not its string length
    const ids = ['é"1\\', 'two'];
    for (const id of ids) subscribeTo(first, id);
    subscribeTo(second, 'other');
    const subscribers = [...ids.map((id) => [first, id] as const), [second, 'other'] as const];
    const initial = await Promise.all(subscribers.map(([client, id]) => client.nextOf(id)));
    const version = (initial[0]!.message.payload as { data: Board }).data.leaderboardChanged.version;
    const plain = connect(server.url, token);
    try {
      const parsed = subscribe<Board>(plain, BOARD);
      await parsed.waitFor(() => true);

      const before = { ...sharedStats };
      const fast = server.app.ws.fastFrames;
      await recordActivity(server, { userId: org.reps.west1.id, amount: '50.00' });
      const newer = (data: Board) => data.leaderboardChanged.version !== version;
      const frames = await Promise.all(subscribers.map(([client, id]) => client.nextOf(id, newer)));
      const payloads = frames.map((frame, i) => payloadText(frame, subscribers[i]![1]));
      // one serialisation for all of them, executed once and served from the memo to the others
      expect(new Set(payloads).size).toBe(1);
      expect(sharedStats.reused - before.reused).toBeGreaterThanOrEqual(2);
      expect(frames.every((f) => !f.binary)).toBe(true);
      const data = (JSON.parse(payloads[0]!) as { data: Board }).data;
      expect(Object.keys(JSON.parse(payloads[0]!) as object)).toEqual(['data']);
      for (const [i, frame] of frames.entries()) {
        expect(frame.message).toEqual({ id: subscribers[i]![1], type: 'next', payload: { data } });
      }
      expect(data.leaderboardChanged.entries.map((e) => e.user.name)).toContain(NAME);
      // a plain graphql-ws client reads the same data
      const same = await parsed.waitFor(
        (d) => d.leaderboardChanged.version === data.leaderboardChanged.version,
      );
      expect(same).toEqual(data);
      expect(parsed.errors).toEqual([]);
      // the four idle subscribers' frames of that version went the fast path (frames.ts), not
      // through graphql-ws, and are the frames graphql-ws would have sent
      expect(server.app.ws.fastFrames - fast).toBeGreaterThanOrEqual(4);
    } finally {
      await plain.dispose();
    }
    expect(server.app.ws.heldPayloads).toBe(0);
  });
});

describe('operations', () => {
  it('sends nothing more for a subscription the client completed; its neighbour goes on', async () => {
    const client = await acknowledged();
    subscribeTo(client, 'done');
    subscribeTo(client, 'kept');
    const initial = await client.nextOf('kept');
    await client.nextOf('done');
    const version = (initial.message.payload as { data: Board }).data.leaderboardChanged.version;
    client.send({ id: 'done', type: 'complete' });
    // graphql-ws has ended the stream (onComplete ran): a frame for it could only come before
    await until(() => server.app.ws.storedDocuments === 1, 'the completed subscription to end');
    const seen = client.frames.length;
    await recordActivity(server, { userId: org.reps.east2.id, amount: '75.00' });
    await client.nextOf('kept', (d) => d.leaderboardChanged.version !== version);
    expect(client.frames.slice(seen).filter((f) => f.message.id === 'done')).toEqual([]);
    // the client completed it: no complete frame comes back
    expect(client.frames.filter((f) => f.message.type === 'complete')).toEqual([]);
    expect(client.closed).toBeUndefined();
  });

  it('answers a refused operation with an error frame for its id; the socket and the id stay usable', async () => {
    const client = await acknowledged();
    subscribeTo(client, 'bad', 'subscription { leaderboardChanged { nope } }');
    subscribeTo(client, 'query', '{ leaderboard { version } }');
    for (const id of ['bad', 'query']) {
      const error = await client.frame((m) => m.id === id, `the error for ${id}`);
      expect(error.message.type).toBe('error');
      const errors = error.message.payload as { message: string; extensions: { code: string } }[];
      expect(errors).toHaveLength(1);
      expect(errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    }
    expect(server.app.ws.storedDocuments).toBe(0);
    // an error ends the operation: its id may be used again
    subscribeTo(client, 'bad');
    await client.nextOf('bad');
    expect(client.frames.filter((f) => f.message.type === 'complete')).toEqual([]);
    expect(client.closed).toBeUndefined();
  });

  it('refuses a subscription past WS_MAX_SUBSCRIPTIONS (3) with an error; the socket stays open', async () => {
    const client = await acknowledged();
    for (const id of ['1', '2', '3']) subscribeTo(client, id);
    for (const id of ['1', '2', '3']) await client.nextOf(id);
    subscribeTo(client, '4');
    const error = await client.frame((m) => m.id === '4', 'the refusal');
    expect(error.message.type).toBe('error');
    expect(JSON.stringify(error.message.payload)).toMatch(/WS_MAX_SUBSCRIPTIONS \(3\)/);
    expect(client.closed).toBeUndefined();
  });
});

describe('close codes', () => {
  it('4401 for a bad token in connection_init, with no ack', async () => {
    const client = await RawClient.open(server.url);
    client.send({ type: 'connection_init', payload: { authorization: 'Bearer not-a-jwt' } });
    expect((await client.waitClose()).code).toBe(4401);
    expect(client.frames).toEqual([]);
  });

  it('4401 for a subscribe before connection_init', async () => {
    const client = await RawClient.open(server.url);
    subscribeTo(client, 'early');
    expect((await client.waitClose()).code).toBe(4401);
    expect(client.frames).toEqual([]);
  });

  it('4429 for a second connection_init', async () => {
    const client = await acknowledged();
    client.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    expect((await client.waitClose()).code).toBe(4429);
  });

  it('4409 for a subscribe reusing the id of a running subscription', async () => {
    const client = await acknowledged();
    subscribeTo(client, 'same');
    await client.nextOf('same');
    subscribeTo(client, 'same');
    expect((await client.waitClose()).code).toBe(4409);
  });

  it('4400 for a message that is not a graphql-ws message', async () => {
    const client = await acknowledged();
    client.send('not json');
    expect((await client.waitClose()).code).toBe(4400);
  });

  it('4406 for a socket without the graphql-transport-ws subprotocol', async () => {
    const client = await RawClient.open(server.url, null);
    expect((await client.waitClose()).code).toBe(4406);
  });

  it('4408 when no connection_init comes within 5 s', async () => {
    const client = await RawClient.open(server.url);
    expect((await until(() => client.closed, 'the init timeout', { timeoutMs: 15_000 })).code).toBe(4408);
  });

  it('1009 for a message larger than WS_MAX_PAYLOAD', async () => {
    const client = await acknowledged();
    subscribeTo(client, 'big', `# ${'x'.repeat(70 * 1024)}\n${BOARD}`);
    expect((await client.waitClose()).code).toBe(1009);
  });

  it('keep-alive terminates a peer that answers no ping, not one that does', async () => {
    const silent = await RawClient.open(server.url, 'graphql-transport-ws', false);
    const alive = await acknowledged();
    silent.send({ type: 'connection_init', payload: { authorization: `Bearer ${token}` } });
    await silent.frame((m) => m.type === 'connection_ack', 'ack');
    // terminated, not closed: no close frame reaches the peer
    expect(
      (await until(() => silent.closed, 'the silent peer to go', { timeoutMs: 6 * KEEP_ALIVE_MS })).code,
    ).toBe(1006);
    expect(alive.closed).toBeUndefined();
  });
});
