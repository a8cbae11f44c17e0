/**
 * GraphQL subscriptions over graphql-ws on /graphql, with the same guards as HTTP:
 * - the token comes in connection_init ({ authorization: "Bearer ..." }), else the session cookie
 *   of the upgrade request (a page of this server's own, or of a listed origin); missing, invalid
 *   or expired -> close 4401, and a token or session that expires while the socket is open
 *   closes it then; a session ended elsewhere (sign-out, deactivation) closes its sockets as
 *   soon as the notification is heard (every cookie socket is re-checked then);
 * - only subscription operations, with the same limits as HTTP (core/graphql/limits.ts: tokens while
 *   parsing, depth, aliases, cost with the variables) and the same response size limit per event
 *   (core/graphql/response-limit.ts), and errors formatted by the same formatter (transport/ws/errors.ts);
 * - a socket holds at most WS_MAX_SUBSCRIPTIONS subscriptions; a document is kept only for an
 *   accepted subscription, until it completes (graphql-ws calls no onComplete after a refusal, so
 *   a refused document kept would stay until the socket closed);
 * - browser Origins outside ALLOWED_ORIGINS (and not the server's own) are refused at upgrade;
 * - an event's JSON is made once (shared events: once for all their subscribers) and spliced into
 *   each frame by the socket's send (transport/ws/splice.ts), nothing allocated per frame but it;
 * - the transport (transport/ws/transport.ts, on graphql-ws's makeServer): frames larger than WS_MAX_PAYLOAD
 *   close the socket (1009), keep-alive pings drop dead peers, slow readers are terminated
 *   (WS_MAX_BUFFERED, WS_SEND_TIMEOUT_MS) while the others are unaffected.
 * Over 300 lines because these guards are one socket's life, from upgrade to close: split, the
 * order they run in (origin, then credential, then each subscription's limits) would be implicit.
 */
import type { IncomingMessage, Server } from 'node:http';
import {
  getOperationAST,
  OperationTypeNode,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { makeServer } from 'graphql-ws';
import type { Logger } from 'pino';
import type { WebSocketServer } from 'ws';
import { bearerToken } from '../../core/auth.ts';
import type { Config, OrgSettings } from '../../config.ts';
import { createContext, type Session } from '../../core/context.ts';
import type { DatabaseHandle } from '../../db/client.ts';
import { createFormatError, DomainError } from '../../core/errors.ts';
import { createOperationLimits, queryRefusal, refusal, textRefusal } from '../../core/graphql/limits.ts';
import {
  jsonTooLarge,
  limitResponse,
  responseTooLarge,
  stoppedForSize,
} from '../../core/graphql/response-limit.ts';
import type { LiveHub } from '../../live/hub.ts';
import type { ViewerDirectory } from '../../live/caches/directory.ts';
import { RawPayload, rawPayload, stagedCount, subscribeShared } from '../../live/shared-execution.ts';
import { authenticateToken, createSession, createStoredSession, isApiToken } from '../../core/session.ts';
import { sessionCookie } from '../../modules/auth/cookie.ts';
import type { SessionStore } from '../../modules/auth/sessions.ts';
import { clientInfoOf, type ScreenPresence } from '../../modules/auth/screen-presence.ts';
import { formatAll, refusals } from './errors.ts';
import { serveOverWs, type SocketExtra } from './transport.ts';

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
}

export interface WsServer {
  readonly wss: WebSocketServer;
  /** Sockets terminated for reading too slowly. */
  readonly slowClosed: number;
  /** Documents kept for accepted subscriptions, over all open sockets (tests: nothing else is kept). */
  readonly storedDocuments: number;
  /** Pre-serialised payloads held for frames not sent yet, over all open sockets (tests: none stay). */
  readonly heldPayloads: number;
  dispose(): Promise<void>;
}

type Extra = SocketExtra & {
  session?: Session;
  /** Accepted subscriptions' documents, by subscription id, until they complete. */
  documents?: Map<string, DocumentNode>;
  /** Subscribe messages still being checked: they hold a slot (WS_MAX_SUBSCRIPTIONS) meanwhile. */
  pending?: Set<string>;
  expiry?: NodeJS.Timeout;
  /** Signed in by a stored credential (cookie, API token): re-checked when one may have ended. */
  stored?: boolean;
  /** A paired screen's socket: its screen_connections row, once written. */
  presence?: Promise<string>;
};

/** Same origin, a listed origin, or no Origin at all (not a browser). */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  return allowed.includes('*') || allowed.includes(origin) || sameHost(origin, request);
}

/**
 * Whether a session cookie may sign this upgrade in: no Origin (not a browser, so no other site
 * is driving it), the server's own origin, or one listed in ALLOWED_ORIGINS by name: the wildcard
 * lets any site read public-ish data with a token, never ride a person's cookie (cross-site
 * WebSocket hijacking).
 */
export function cookieOriginAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  return !origin || (allowed.includes(origin) && origin !== '*') || sameHost(origin, request);
}

function sameHost(origin: string, request: IncomingMessage): boolean {
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

/** setTimeout's longest wait (about 24.8 days); a later expiry is waited for in steps. */
const LONGEST_WAIT = 2_147_483_647;

/** Closes the socket when its credential expires (a year-long token: in several waits). */
function closeAt(extra: Extra, expiry: { at: number; now: () => number }, close: () => void): void {
  const wait = expiry.at - expiry.now();
  extra.expiry =
    wait > LONGEST_WAIT
      ? setTimeout(() => closeAt(extra, expiry, close), LONGEST_WAIT)
      : setTimeout(close, Math.max(0, wait));
  extra.expiry.unref();
}

/** Parsed and validated subscription documents by query text: every TV sends the same one. */
const DOCUMENT_CACHE_SIZE = 500;

export function startWebSocketServer(deps: WsDeps): WsServer {
  const { config, logger, live, directory, database, jwtSecret, org, schema, sessions, presence } = deps;
  const limits = createOperationLimits(config);
  const rules = [...specifiedRules, ...limits.validationRules];
  const format = createFormatError({
    logger,
    stackTraces: config.stackTraces,
    hideSuggestions: config.production,
  });
  const tooLarge = { errors: [responseTooLarge(config.maxResponseBytes)] } as unknown as ExecutionResult;
  const connected = new Set<Extra>();

  // One AST per distinct valid document, shared by its subscribers (and by the shared execution
  // of their events, which is keyed by it); the least recently used go first.
  const validDocuments = new Map<string, DocumentNode>();
  const knownValid = (query: string): DocumentNode | undefined => {
    const document = validDocuments.get(query);
    if (document) {
      validDocuments.delete(query);
      validDocuments.set(query, document);
    }
    return document;
  };
  const rememberValid = (query: string, document: DocumentNode) => {
    validDocuments.set(query, document);
    if (validDocuments.size > DOCUMENT_CACHE_SIZE) validDocuments.delete(validDocuments.keys().next().value!);
  };

  /** The checks of one subscribe message; its exec args once accepted, or why not. */
  const accept = async (
    extra: Extra,
    id: string,
    payload: { query: string; operationName?: string | null; variables?: Record<string, unknown> | null },
  ) => {
    let document = knownValid(payload.query);
    const validated = document !== undefined;
    if (!document) {
      try {
        // the token limit stops the parser itself: a huge document is never built
        document = parse(payload.query, limits.parseOptions);
      } catch (error) {
        return [error instanceof GraphQLError ? error : new GraphQLError('Could not parse the query.')];
      }
    }
    const operation = getOperationAST(document, payload.operationName);
    if (!operation) return [queryRefusal('Unknown operation.')];
    if (operation.operation !== OperationTypeNode.SUBSCRIPTION) {
      return [queryRefusal('Only subscriptions run over WebSocket; send queries and mutations over HTTP.')];
    }
    if (!validated) {
      const errors = validate(schema, document, rules);
      if (errors.length) return refusals(errors, document);
      rememberValid(payload.query, document);
    }
    const costly =
      textRefusal(document, payload.variables) ??
      limits.checkCost(schema, document, operation, payload.variables);
    if (costly) return [costly];
    const session = extra.session;
    if (!session) return [new GraphQLError('Not signed in.', { extensions: { code: 'UNAUTHENTICATED' } })];
    const viewer = await session.viewer();
    extra.documents?.set(id, document);
    const context = createContext({ db: database.db, org, viewer, logger, live, session, directory });
    return {
      schema,
      document,
      operationName: payload.operationName ?? null,
      variableValues: payload.variables ?? null,
      contextValue: limitResponse(context, config.maxResponseBytes),
    };
  };

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
    subscribe: subscribeShared,
    connectionInitWaitTimeout: 5000,
    async onConnect(ctx) {
      const socket = ctx.extra.socket;
      const refuse = (reason: string) => {
        socket.close(4401, reason);
        return false;
      };
      const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
      const cookie = sessions ? sessionCookie(ctx.extra.request.headers) : undefined;
      if (typeof header !== 'string' && (cookie === undefined || !sessions)) {
        return refuse('Unauthorized: send { authorization: "Bearer <token>" } or sign in');
      }
      try {
        const close = (reason: string) => socket.close(4401, reason);
        /** When the credential expires, and the clock it is measured by. */
        let expiry: { at: number; now: () => number; reason: string } | undefined;
        const token = typeof header === 'string' ? bearerToken(header) : undefined;
        if (typeof header === 'string' && token === undefined) return refuse('Unauthorized');
        if (token !== undefined && !isApiToken(token)) {
          // a token wins over a cookie, as on HTTP
          const auth = await authenticateToken(directory, jwtSecret, token);
          ctx.extra.session = createSession(directory, auth, close);
          if (auth.expiresAt !== undefined)
            expiry = { at: auth.expiresAt * 1000, now: Date.now, reason: 'Token expired' };
        } else if (sessions) {
          if (token === undefined && !cookieOriginAllowed(ctx.extra.request, config.allowedOrigins)) {
            return refuse("Unauthorized: a session cookie signs in only this server's own pages");
          }
          // no header: the first check above made sure a cookie came
          const [credential, kind] =
            token === undefined ? [cookie!, 'browser' as const] : [token, 'api' as const];
          const signedIn = await sessions.authenticate(credential, kind);
          const ended = token === undefined ? 'Session ended' : 'Token revoked';
          ctx.extra.session = createStoredSession(sessions, signedIn.id, close, ended);
          ctx.extra.stored = true;
          expiry = {
            at: signedIn.expiresAt,
            now: () => sessions.now(),
            reason: token === undefined ? 'Session expired' : 'Token expired',
          };
        } else return refuse('Unauthorized: API tokens are not accepted by this server');
        ctx.extra.documents = new Map();
        ctx.extra.pending = new Set();
        connected.add(ctx.extra);
        // a paired screen: online on the Screens page once acknowledged (one row, not one write
        // per event)
        const viewer = await ctx.extra.session.viewer();
        if (viewer.screen && presence) {
          ctx.extra.presence = presence.connect(viewer.id, clientInfoOf(ctx.connectionParams));
          await ctx.extra.presence;
        }
        if (expiry && Number.isFinite(expiry.at)) closeAt(ctx.extra, expiry, () => close(expiry.reason));
        return true;
      } catch (error) {
        if (error instanceof DomainError) return refuse(error.message.slice(0, 100));
        logger.error({ err: error }, 'ws: connect failed');
        socket.close(4500, 'Internal error');
        return false;
      }
    },
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

  return {
    wss: transport.wss,
    get slowClosed() {
      return transport.slowClosed;
    },
    get storedDocuments() {
      let stored = 0;
      for (const extra of connected) stored += extra.documents?.size ?? 0;
      return stored;
    },
    get heldPayloads() {
      return stagedCount();
    },
    dispose: async () => {
      unwatch?.();
      clearImmediate(recheck);
      await transport.dispose();
      await presence?.dispose();
    },
  };
}
