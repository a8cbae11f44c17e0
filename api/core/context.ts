/**
 * Per-operation context: the caller (viewer), fresh DataLoaders, the database and the
 * organisation's settings. Built once per HTTP request (and, later, once per subscription event),
 * never shared between operations, so loaders cannot serve stale rows.
 * It sees the live layer only through live/ports.ts (never hub.ts and friends), and the
 * organisation's settings come from config.ts: nothing it imports leads back to it.
 */
import type { Logger } from 'pino';
import type { AuthService } from '../modules/auth/service.ts';
import type { OrgSettings } from '../config.ts';
import type { Database } from '../db/client.ts';
import type { RequestScope } from './request-scope.ts';
import { UnauthenticatedError } from './errors.ts';
import { createLoaders, type Loaders } from './loaders.ts';
import type { BoardSource, DirectFrames, FigureCache, LiveEvents, ViewerCache } from '../live/ports.ts';
import type { Audience, Viewer } from './permissions.ts';

export interface AppContext {
  /**
   * HTTP: the request's view of the database (request-scope.ts scopedDatabase), so every statement
   * the operation runs is counted in `scope`; whatever runs a statement for it is handed this one.
   */
  readonly db: Database;
  /** HTTP: the request this operation answers (request id, statement count, operation label). */
  readonly scope?: RequestScope;
  readonly org: OrgSettings;
  /**
   * The caller. HTTP reads take it from the process's viewer cache; before a mutation runs it is
   * replaced by a fresh read (http.ts `freshWriterPlugin`), so writes are authorised against the
   * users and teams as committed.
   */
  viewer: Viewer | null;
  /**
   * Set by a shared subscription event's root resolver (the execution has no viewer): which
   * audience's fields it may read (core/graphql/visibility.ts).
   */
  audience?: Audience;
  /** Fresh per HTTP operation; subscriptions swap in each event's own loaders. */
  loaders: Loaders;
  readonly logger: Logger;
  /** The instant the operation started: one "now" for the whole operation. */
  readonly now: Date;
  /** Subscriptions only: the live hub's event streams. */
  readonly live?: LiveEvents;
  /** Subscriptions only: the socket's session, which re-reads the viewer (scope checks per event). */
  readonly session?: Session;
  /** WebSocket subscriptions only: shared events written straight into the subscription's frames. */
  readonly frames?: DirectFrames;
  /** The process's viewer cache: writes to users/teams drop it when they commit (directory.ts). */
  readonly directory?: ViewerCache;
  /** HTTP: leaderboards from the live hub's memory when that is as fresh as a query (hub.ts). */
  readonly boards?: BoardSource;
  /** HTTP: team figures kept until their period changes, when that is as fresh as a query. */
  readonly figures?: FigureCache;
  /** HTTP: sign-in and sessions (auth/service.ts), and the caller's session when a cookie signed them in. */
  readonly auth?: {
    readonly service: AuthService;
    /** The stored credential (browser session or API token) of the request, if any. */
    readonly sessionId: string | undefined;
    /** Signed in by an API token: it may not mint tokens nor set a password. */
    readonly viaApiToken: boolean;
  };
}

/** A WebSocket connection's signed-in user, checked again for every event (live/caches/directory.ts). */
export interface Session {
  /** The current viewer; UNAUTHENTICATED (and the socket closed) once the token expired or the user went. */
  viewer(): Promise<Viewer>;
  /**
   * What `viewer()` would answer now, when that is known without waiting (every cache it reads
   * holds a settled, current answer and the credential has not expired); undefined otherwise,
   * and then only `viewer()` may decide (it also closes the socket of an ended credential).
   * The live fast path uses it per event (transport/ws/frames.ts).
   */
  peek(): Viewer | undefined;
}

/** Loaders are made on first use: a subscription's own context mostly never needs them. */
export function createContext(base: Omit<AppContext, 'loaders' | 'now'>, now = new Date()): AppContext {
  let loaders: Loaders | undefined;
  return {
    ...base,
    now,
    get loaders() {
      return (loaders ??= createLoaders(base.db));
    },
    set loaders(value: Loaders) {
      loaders = value;
    },
  };
}

/** The caller, or UNAUTHENTICATED. Every operation of the API needs one. */
export function requireViewer(ctx: AppContext): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}
