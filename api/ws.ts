/**
 * GraphQL subscriptions over graphql-ws on /graphql, with the same guards as HTTP:
 * - the token comes in connection_init ({ authorization: "Bearer ..." }); missing, invalid or
 *   expired -> close 4401, and a token that expires while the socket is open closes it then;
 * - only subscription operations, with the same limits as HTTP (graphql/limits.ts: tokens while
 *   parsing, depth, aliases, cost with the variables) and the same response size limit per event
 *   (graphql/response-limit.ts), and errors formatted by the same formatter (errors.ts);
 * - a socket holds at most WS_MAX_SUBSCRIPTIONS subscriptions; a document is kept only for an
 *   accepted subscription, until it completes (graphql-ws calls no onComplete after a refusal, so
 *   a refused document kept would stay until the socket closed);
 * - browser Origins outside ALLOWED_ORIGINS (and not the server's own) are refused at upgrade;
 * - frames larger than WS_MAX_PAYLOAD are refused (ws closes the socket);
 * - keep-alive pings (graphql-ws) drop dead peers;
 * - a slow reader: once its unsent data passes WS_MAX_BUFFERED, or a frame has waited longer than
 *   WS_SEND_TIMEOUT_MS to be taken, its socket is terminated. Others are unaffected, and the
 *   server's memory per socket stays bounded (boards conflate, queues are capped: live/mailbox.ts).
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
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import type { ExecutionResult } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { bearerToken } from './auth.ts';
import type { Config, OrgSettings } from './config.ts';
import { createContext, type Session } from './context.ts';
import type { DatabaseHandle } from './db/client.ts';
import { createFormatError, DomainError } from './errors.ts';
import { fieldOf } from './graphql/error-fields.ts';
import { createOperationLimits, queryRefusal, refusal, textRefusal } from './graphql/limits.ts';
import { jsonTooLarge, limitResponse, responseTooLarge, stoppedForSize } from './graphql/response-limit.ts';
import type { LiveHub } from './live/hub.ts';
import type { ViewerDirectory } from './live/directory.ts';
import { RawPayload, rawPayload, rawReplacer, spliceRaw, subscribeShared } from './live/shared-execution.ts';
import { authenticateToken, createSession } from './session.ts';

export interface WsDeps {
  config: Config;
  server: Server;
  schema: GraphQLSchema;
  database: DatabaseHandle;
  jwtSecret: string;
  org: OrgSettings;
  live: LiveHub;
  directory: ViewerDirectory;
  logger: Logger;
}

export interface WsServer {
  readonly wss: WebSocketServer;
  /** Sockets terminated for reading too slowly. */
  readonly slowClosed: number;
  /** Documents kept for accepted subscriptions, over all open sockets (tests: nothing else is kept). */
  readonly storedDocuments: number;
  dispose(): Promise<void>;
}

type Extra = {
  session?: Session;
  /** Accepted subscriptions' documents, by subscription id, until they complete. */
  documents?: Map<string, DocumentNode>;
  /** Subscribe messages still being checked: they hold a slot (WS_MAX_SUBSCRIPTIONS) meanwhile. */
  pending?: Set<string>;
  expiry?: NodeJS.Timeout;
};

/** Same origin, a listed origin, or no Origin at all (not a browser). */
export function originAllowed(request: IncomingMessage, allowed: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (!origin) return true;
  if (allowed.includes('*') || allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}

interface SendState {
  pending: number[];
}

/** Parsed and validated subscription documents by query text: every TV sends the same one. */
const DOCUMENT_CACHE_SIZE = 500;

export function startWebSocketServer(deps: WsDeps): WsServer {
  const { config, logger, live, directory, database, jwtSecret, org, schema } = deps;
  const limits = createOperationLimits(config);
  const rules = [...specifiedRules, ...limits.validationRules];
  const format = createFormatError({
    logger,
    stackTraces: config.stackTraces,
    hideSuggestions: config.production,
  });
  const tooLarge = { errors: [responseTooLarge(config.maxResponseBytes)] } as unknown as ExecutionResult;
  let slowClosed = 0;
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

  const wss = new WebSocketServer({
    server: deps.server,
    path: '/graphql',
    maxPayload: config.wsMaxPayload,
    verifyClient: (
      info: { req: IncomingMessage },
      done: (ok: boolean, code?: number, message?: string) => void,
    ) =>
      originAllowed(info.req, config.allowedOrigins) ? done(true) : done(false, 403, 'Origin not allowed'),
  });

  // Registered before graphql-ws's own handler: wraps send to see what a socket has not taken yet.
  const sends = new Map<WebSocket, SendState>();
  wss.on('connection', (socket) => {
    const state: SendState = { pending: [] };
    sends.set(socket, state);
    socket.once('close', () => sends.delete(socket));
    const send = socket.send.bind(socket) as (
      data: unknown,
      options: { binary: boolean },
      cb?: (err?: Error) => void,
    ) => void;
    (socket as unknown as { send: (data: unknown, cb?: (err?: Error) => void) => void }).send = (
      data,
      cb,
    ) => {
      if (socket.bufferedAmount > config.wsMaxBuffered) {
        terminateSlow(socket, 'send buffer full');
        cb?.();
        return;
      }
      state.pending.push(Date.now());
      // a spliced shared payload comes back as bytes: still a text frame
      send(spliceRaw(data), { binary: false }, (err) => {
        state.pending.shift();
        cb?.(err);
      });
    };
  });
  const terminateSlow = (socket: WebSocket, reason: string) => {
    if (socket.readyState === socket.CLOSED) return;
    slowClosed += 1;
    logger.warn({ reason, buffered: socket.bufferedAmount }, 'ws: closing a slow subscriber');
    socket.terminate();
  };
  const sweeper = setInterval(() => {
    const now = Date.now();
    for (const [socket, state] of sends) {
      const oldest = state.pending[0];
      if (oldest !== undefined && now - oldest > config.wsSendTimeoutMs)
        terminateSlow(socket, 'send timeout');
      else if (socket.bufferedAmount > config.wsMaxBuffered) terminateSlow(socket, 'send buffer full');
    }
  }, 1000);
  sweeper.unref();

  const formatAll = (errors: readonly GraphQLError[], document?: DocumentNode) =>
    errors.map((raw) => {
      // graphql-js's own refusals (parse, validation, variable coercion) carry no code and wrap no
      // error of ours: they are the client's, unlike anything a resolver or stream threw. A
      // variable a scalar refused (Int beyond 32 bits) wraps that scalar's codeless GraphQLError,
      // before anything ran (no path).
      const refusedVariable =
        raw.path === undefined &&
        raw.originalError instanceof GraphQLError &&
        raw.originalError.extensions.code === undefined;
      const error =
        (raw.originalError && !refusedVariable) || raw.extensions.code !== undefined
          ? raw
          : new GraphQLError(raw.message, {
              nodes: raw.nodes,
              path: raw.path,
              extensions: { code: 'BAD_USER_INPUT' },
            });
      const formatted = format(error.toJSON(), error);
      const field =
        document && formatted.extensions?.code === 'BAD_USER_INPUT' ? fieldOf(error, document) : undefined;
      return field === undefined
        ? formatted
        : {
            ...formatted,
            extensions: { ...formatted.extensions, fields: [{ field, message: formatted.message }] },
          };
    });

  /** graphql-js's refusals of a document, as the client's errors naming their field. */
  const refusals = (errors: readonly GraphQLError[], document: DocumentNode): GraphQLError[] =>
    errors.map((error) => {
      if (error.extensions.code !== undefined) return error;
      const field = fieldOf(error, document) ?? 'query';
      return new GraphQLError(error.message, {
        nodes: error.nodes,
        extensions: { code: 'BAD_USER_INPUT', fields: [{ field, message: error.message }] },
      });
    });

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

  const disposable = useServer<Record<string, unknown> | undefined, Extra>(
    {
      schema,
      subscribe: subscribeShared,
      jsonMessageReplacer: rawReplacer,
      connectionInitWaitTimeout: 5000,
      async onConnect(ctx) {
        const socket = ctx.extra.socket;
        const refuse = (reason: string) => {
          socket.close(4401, reason);
          return false;
        };
        const header = ctx.connectionParams?.authorization ?? ctx.connectionParams?.Authorization;
        if (typeof header !== 'string')
          return refuse('Unauthorized: send { authorization: "Bearer <token>" }');
        try {
          const token = bearerToken(header);
          if (token === undefined) return refuse('Unauthorized');
          const auth = await authenticateToken(directory, jwtSecret, token);
          ctx.extra.session = createSession(directory, auth, (reason) => socket.close(4401, reason));
          ctx.extra.documents = new Map();
          ctx.extra.pending = new Set();
          connected.add(ctx.extra);
          if (auth.expiresAt !== undefined) {
            const wait = Math.min(auth.expiresAt * 1000 - Date.now(), 2_147_483_647);
            ctx.extra.expiry = setTimeout(() => socket.close(4401, 'Token expired'), Math.max(0, wait));
            ctx.extra.expiry.unref();
          }
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
        return formatAll(errors, document);
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
          ? { ...result, errors: formatAll(result.errors, ctx.extra.documents?.get(id)) }
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
    },
    wss,
    config.wsKeepAliveMs,
  );

  return {
    wss,
    get slowClosed() {
      return slowClosed;
    },
    get storedDocuments() {
      let stored = 0;
      for (const extra of connected) stored += extra.documents?.size ?? 0;
      return stored;
    },
    async dispose() {
      clearInterval(sweeper);
      await disposable.dispose();
    },
  };
}
