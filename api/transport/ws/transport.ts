/**
 * graphql-ws's protocol over `ws` sockets, on graphql-ws's documented transport API
 * (`makeServer(...)` then `server.opened(socket, extra)` per socket), as its own use/ws adapter
 * is built, plus what Pulse needs of the transport. No ws socket nor graphql-ws internal is patched:
 * - every frame leaves through `send` here, which splices a staged payload in (splice.ts), or
 *   through `frames` (frames.ts: the live fast path), with the same checks;
 * - back-pressure: `send` resolves once ws has taken the frame, and graphql-ws awaits it before a
 *   subscription's next event; a slow reader (unsent data above `maxBuffered` at a send or at the
 *   1 s sweep, or a frame waiting longer than `sendTimeoutMs`) is terminated and counted, so one
 *   socket's memory stays bounded and the others are unaffected;
 * - keep-alive: a ping every `keepAliveMs`, and no pong within as long terminates the socket;
 * - a socket or handler error closes the socket 1011 (the reason only outside production), logged.
 */
import type { IncomingMessage, Server as HttpServer } from 'node:http';
import { CloseCode, handleProtocols, type Server } from 'graphql-ws';
import type { Logger } from 'pino';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { nextFrames, type SendFrame } from './frames.ts';
import { splice } from './splice.ts';

/** What the transport gives graphql-ws's hooks in ctx.extra, for each socket. */
export interface SocketExtra {
  readonly socket: WebSocket;
  readonly request: IncomingMessage;
  /** The live fast path's writer of subscription `id`'s `next` frames (frames.ts). */
  readonly frames: (id: string, maxBytes: number) => (payload: Buffer) => boolean;
}

export interface TransportOptions {
  server: HttpServer;
  path: string;
  maxPayload: number;
  /** Whether an upgrade request may open a socket (checked before the upgrade). */
  admit: (request: IncomingMessage) => boolean;
  keepAliveMs: number;
  maxBuffered: number;
  sendTimeoutMs: number;
  production: boolean;
  logger: Logger;
}

export interface Transport {
  readonly wss: WebSocketServer;
  /** Sockets terminated for reading too slowly. */
  readonly slowClosed: number;
  /** `next` frames written by the live fast path (frames.ts) rather than by graphql-ws. */
  readonly fastFrames: number;
  /** Frames graphql-ws sent (acks, pongs, next, error, complete). */
  readonly graphqlWsFrames: number;
  dispose(): Promise<void>;
}

/** Close reasons are at most 123 bytes (RFC 6455); outside production they say what failed. */
function internalReason(error: unknown, production: boolean): string {
  const reason = production ? '' : error instanceof Error ? error.message : String(error);
  return reason && Buffer.byteLength(reason) <= 123 ? reason : 'Internal server error';
}

/** A message's text (ws hands a Buffer with the default binaryType). */
function textOf(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString();
  return (Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data)).toString();
}

export function serveOverWs<E extends SocketExtra>(
  server: Server<E>,
  extraFor: (base: SocketExtra) => E,
  options: TransportOptions,
): Transport {
  const { logger, maxBuffered, keepAliveMs, production } = options;
  const wss = new WebSocketServer({
    server: options.server,
    path: options.path,
    maxPayload: options.maxPayload,
    handleProtocols,
    verifyClient: (
      info: { req: IncomingMessage },
      done: (ok: boolean, code?: number, message?: string) => void,
    ) => (options.admit(info.req) ? done(true) : done(false, 403, 'Origin not allowed')),
  });
  let slowClosed = 0;
  let fastFrames = 0;
  let graphqlWsFrames = 0;
  /** Per open socket: when each frame not yet taken by ws was sent, oldest first. */
  const unsent = new Map<WebSocket, number[]>();

  const terminateSlow = (socket: WebSocket, reason: string) => {
    if (socket.readyState === socket.CLOSED) return;
    slowClosed += 1;
    logger.warn({ reason, buffered: socket.bufferedAmount }, 'ws: closing a slow subscriber');
    socket.terminate();
  };
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [socket, pending] of unsent) {
      const oldest = pending[0];
      if (oldest !== undefined && now - oldest > options.sendTimeoutMs) terminateSlow(socket, 'send timeout');
      else if (socket.bufferedAmount > maxBuffered) terminateSlow(socket, 'send buffer full');
    }
  }, 1000);
  sweeper.unref();

  const closeInternal = (socket: WebSocket, error: unknown, what: string, level: 'warn' | 'error') => {
    logger[level]({ err: error }, `ws: ${what}`);
    socket.close(CloseCode.InternalServerError, internalReason(error, production));
  };

  wss.once('error', (error) => {
    logger.error({ err: error }, 'ws: server error');
    for (const client of wss.clients)
      client.close(CloseCode.InternalServerError, internalReason(error, production));
  });

  wss.on('connection', (socket, request) => {
    // a peer's fault (a frame above maxPayload, a bad frame): ws closes the socket itself (1009...)
    socket.once('error', (error) => closeInternal(socket, error, 'socket error', 'warn'));
    const pending: number[] = [];
    unsent.set(socket, pending);

    let pongWait: NodeJS.Timeout | undefined;
    const pinger =
      keepAliveMs > 0 && Number.isFinite(keepAliveMs)
        ? setInterval(() => {
            if (socket.readyState !== socket.OPEN) return;
            pongWait = setTimeout(() => socket.terminate(), keepAliveMs);
            socket.once('pong', () => clearTimeout(pongWait));
            socket.ping();
          }, keepAliveMs)
        : undefined;

    /** Every frame, by graphql-ws or the fast path: the socket's limits, then ws in call order. */
    const sendFrame: SendFrame = (frame, sent) => {
      if (socket.readyState !== socket.OPEN) return false;
      if (socket.bufferedAmount > maxBuffered) {
        terminateSlow(socket, 'send buffer full');
        return false;
      }
      pending.push(Date.now());
      // a spliced payload comes back as bytes: still a text frame
      socket.send(frame, { binary: false }, (error) => {
        pending.shift();
        sent(error);
      });
      return true;
    };

    const closed = server.opened(
      {
        protocol: socket.protocol,
        send: (data) =>
          new Promise<void>((resolve, reject) => {
            // taken first: a frame that is not sent still releases its payload
            const frame = splice(data);
            if (sendFrame(frame, (error) => (error ? reject(error) : resolve()))) graphqlWsFrames += 1;
            else resolve();
          }),
        close: (code, reason) => socket.close(code, reason),
        onMessage: (handle) =>
          socket.on('message', (data) => {
            handle(textOf(data)).catch((error: unknown) =>
              closeInternal(socket, error, 'message handling failed', 'error'),
            );
          }),
      },
      extraFor({
        socket,
        request,
        frames: (id, maxBytes) =>
          nextFrames(id, maxBytes, (frame, sent) => {
            if (!sendFrame(frame, sent)) return false;
            fastFrames += 1;
            return true;
          }),
      }),
    );

    socket.once('close', (code, reason) => {
      clearTimeout(pongWait);
      clearInterval(pinger);
      unsent.delete(socket);
      closed(code, String(reason)).catch((error: unknown) =>
        logger.error({ err: error }, 'ws: closing the subscriptions failed'),
      );
    });
  });

  return {
    wss,
    get slowClosed() {
      return slowClosed;
    },
    get fastFrames() {
      return fastFrames;
    },
    get graphqlWsFrames() {
      return graphqlWsFrames;
    },
    async dispose() {
      clearInterval(sweeper);
      for (const client of wss.clients) client.close(1001, 'Going away');
      wss.removeAllListeners();
      await new Promise<void>((resolve, reject) => wss.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
