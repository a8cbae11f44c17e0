/**
 * GraphQL subscriptions over graphql-ws on /graphql, with the same guards as HTTP, in the order a
 * socket meets them (each in its own file, called from here):
 * - browser Origins outside ALLOWED_ORIGINS (and not the server's own) are refused at upgrade
 *   (origin.ts);
 * - connection_init signs the socket in with a token or the session cookie, else close 4401, and
 *   a credential that expires or ends elsewhere closes it then (connect.ts; every cookie socket is
 *   re-checked when a session-ended notification is heard, here);
 * - each subscribe message takes a slot (at most WS_MAX_SUBSCRIPTIONS per socket), then passes the
 *   HTTP operation limits (accept.ts); a document is kept only for an accepted subscription, until
 *   it completes (graphql-ws calls no onComplete after a refusal, so a refused one would stay);
 * - each event: the response size limit, errors by the HTTP formatter (errors.ts), and its JSON
 *   made once (shared events: once for all subscribers) and spliced into frames (splice.ts);
 * - the transport (transport.ts, on makeServer): WS_MAX_PAYLOAD, keep-alive, slow readers.
 */
import type { Server } from 'node:http';
import { GraphQLError, type ExecutionResult, type GraphQLFormattedError, type GraphQLSchema } from 'graphql';
import { makeServer } from 'graphql-ws';
import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';
import { tracing } from '../../core/tracing.ts';
import type { Config, OrgSettings } from '../../config.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { createFormatError } from '../../core/errors.ts';
import { refusal } from '../../core/graphql/limits.ts';
import { jsonTooLarge, responseTooLarge, stoppedForSize } from '../../core/graphql/response-limit.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import { RawPayload, rawPayload, stagedCount, subscribeShared } from '../../live/shared-execution.ts';
import type { SessionStore } from '../../modules/auth/sessions.ts';
import type { ScreenPresence } from '../../modules/auth/screen-presence.ts';
import { createAccept } from './accept.ts';
import { createConnect, type Extra } from './connect.ts';
import { formatAll } from './errors.ts';
import { originAllowed } from './origin.ts';
import { announceReplica } from '../replica.ts';
import { serveOverWs } from './transport.ts';
import type { Metrics } from '../../core/metrics.ts';

export interface WsDeps {
  config: Config;
  server: Server;
  schema: GraphQLSchema;
  database: DatabaseHandle;
  jwtSecret: string;
  org: OrgSettings;
  live: LiveHub;
  directory: ViewerDirectory;
  /** Cookie sign-in (auth/sessions.ts); without it only bearer tokens sign a socket in. */
  sessions?: SessionStore;
  /** Paired screens' connections, for their health on the Screens page (auth/screen-presence.ts). */
  presence?: ScreenPresence;
  logger: Logger;
  /** Errors counted by code, subscriptions by kind (core/metrics.ts). */
  metrics?: Metrics;
}

export interface WsServer {
  readonly wss: WebSocketServer;
  /** Sockets terminated for reading too slowly. */
  readonly slowClosed: number;
  /** `next` frames written by the live fast path (transport/ws/frames.ts), not by graphql-ws. */
  readonly fastFrames: number;
  /** Frames graphql-ws sent (acks, pongs, next, error, complete). */
  readonly graphqlWsFrames: number;
  /** Documents kept for accepted subscriptions, over all open sockets (tests: nothing else is kept). */
  readonly storedDocuments: number;
  /** Pre-serialised payloads held for frames not sent yet, over all open sockets (tests: none stay). */
  readonly heldPayloads: number;
  /** Accepted subscriptions over all open sockets, by kind (Metrics.subscriptionKind): scrapes. */
  subscriptionsByKind(): Map<string, number>;
  dispose(): Promise<void>;
}

export function startWebSocketServer(deps: WsDeps): WsServer {
  const { config, logger, live, directory, database, jwtSecret, org, schema, sessions, presence } = deps;
  const plainFormat = createFormatError({
    logger,
    stackTraces: config.stackTraces,
    hideSuggestions: config.production,
  });
  const format = deps.metrics?.countingErrors('ws', plainFormat) ?? plainFormat;
  const tooLarge = { errors: [responseTooLarge(config.maxResponseBytes)] } as unknown as ExecutionResult;
  const connected = new Set<Extra>();
  const accept = createAccept({
    config,
    schema,
    database,
    org,
    live,
    directory,
    logger,
    metrics: deps.metrics,
  });

  // a session may have ended (here or in another process): every cookie socket asks again, once
  // per burst of notifications; an ended one closes itself (createCookieSession's onInvalid)
  let recheck: NodeJS.Immediate | undefined;
  const unwatch = sessions?.onInvalidate(() => {
    recheck ??= setImmediate(() => {
      recheck = undefined;
      for (const extra of connected) {
        if (extra.stored) extra.session?.viewer().catch(() => undefined);
      }
    });
  });

  const server = makeServer<Record<string, unknown> | undefined, Extra>({
    schema,
    // a span per subscription while tracing is on (core/tracing.ts)
    subscribe: tracing ? tracing.subscribe(subscribeShared) : subscribeShared,
    connectionInitWaitTimeout: 5000,
    onConnect: createConnect({ config, directory, jwtSecret, sessions, presence, logger, connected }),
    onClose(ctx) {
      clearTimeout(ctx.extra.expiry);
      connected.delete(ctx.extra);
      if (ctx.extra.presence) presence?.disconnect(ctx.extra.presence);
    },
    async onSubscribe(ctx, id, payload) {
      const { documents, pending } = ctx.extra;
      if (!documents || !pending)
        return [new GraphQLError('Not signed in.', { extensions: { code: 'UNAUTHENTICATED' } })];
      if (documents.size + pending.size >= config.wsMaxSubscriptions) {
        return [
          refusal(
            'id',
            `This socket already holds WS_MAX_SUBSCRIPTIONS (${config.wsMaxSubscriptions}) subscriptions: complete one first.`,
          ),
        ];
      }
      // the slot is taken before the first await, so concurrent messages cannot all pass the check
      pending.add(id);
      try {
        return await accept(ctx.extra, id, payload);
      } finally {
        pending.delete(id);
      }
    },
    onError(ctx, id, _payload, errors) {
      const document = ctx.extra.documents?.get(id);
      return formatAll(format, errors, document);
    },
    onNext(ctx, id, _payload, _args, result: ExecutionResult) {
      if (stoppedForSize(result.errors)) return tooLarge;
      // a shared event's JSON, serialised once for all its subscribers (live/shared-execution.ts)
      const shared = rawPayload(result);
      if (shared)
        return shared.bytes.length > config.maxResponseBytes
          ? tooLarge
          : (shared as unknown as ExecutionResult);
      const payload: { errors?: GraphQLFormattedError[] } & Omit<ExecutionResult, 'errors'> = result.errors
        ?.length
        ? { ...result, errors: formatAll(format, result.errors, ctx.extra.documents?.get(id)) }
        : { ...result, errors: undefined };
      // serialised once: measured here, then spliced into the frame like a shared payload
      const json = JSON.stringify(payload);
      return jsonTooLarge(json, config.maxResponseBytes)
        ? tooLarge
        : (new RawPayload(json) as unknown as ExecutionResult);
    },
    onComplete(ctx, id) {
      ctx.extra.documents?.delete(id);
      ctx.extra.kinds?.delete(id);
    },
  });

  const transport = serveOverWs(server, (base): Extra => ({ ...base }), {
    server: deps.server,
    path: '/graphql',
    maxPayload: config.wsMaxPayload,
    admit: (request) => originAllowed(request, config.allowedOrigins),
    keepAliveMs: config.wsKeepAliveMs,
    maxBuffered: config.wsMaxBuffered,
    sendTimeoutMs: config.wsSendTimeoutMs,
    production: config.production,
    logger,
  });
  announceReplica(transport.wss, config.replicaName);

  return {
    wss: transport.wss,
    get slowClosed() {
      return transport.slowClosed;
    },
    get fastFrames() {
      return transport.fastFrames;
    },
    get graphqlWsFrames() {
      return transport.graphqlWsFrames;
    },
    get storedDocuments() {
      let stored = 0;
      for (const extra of connected) stored += extra.documents?.size ?? 0;
      return stored;
    },
    get heldPayloads() {
      return stagedCount();
    },
    subscriptionsByKind() {
      const counts = new Map<string, number>();
      for (const extra of connected)
        for (const kind of extra.kinds?.values() ?? []) counts.set(kind, (counts.get(kind) ?? 0) + 1);
      return counts;
    },
    dispose: async () => {
      unwatch?.();
      clearImmediate(recheck);
      await transport.dispose();
      await presence?.dispose();
    },
  };
}
