/**
 * The TV page's data, without Apollo. The screen only ever shows what it is pushed (four
 * subscriptions, each frame replacing the last) and asks one question over HTTP (who am I), so it
 * needs no normalised cache, no document ASTs and no GraphQL parser: its documents are strings
 * (`/* GraphQL *\/`, typed by codegen in gql/graphql.ts, imported as types only) sent over the
 * token's graphql-ws socket (lib/socket.ts, the same one the dashboard's Apollo link uses, with
 * the same keep-alive, retries and fresh snapshots after a reconnection). That keeps Apollo Client
 * and the app's document map (~60 KB gzip, ~150 ms of script on the bench host's TV load) off the
 * office screen (BENCHMARKS.md, M7).
 *
 * State is bounded: a hook holds its latest result only; a subscription is disposed when its
 * component unmounts or its variables change, the socket when the token changes.
 */
import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import type { FormattedExecutionResult } from 'graphql-ws';
import { createSocket, perToken, type Socket } from '../lib/socket.ts';

/** An operation's text, carrying the result and variables types codegen made for it. */
export type Document<TData, TVariables> = string & { readonly __types?: (variables: TVariables) => TData };

/**
 * Types an operation written as `operation<Result, Variables>(/* GraphQL *\/ `...`)`: codegen finds
 * the text by its comment and generates the two types (npm run codegen).
 */
export const operation = <TData, TVariables>(source: string): Document<TData, TVariables> => source;

/** What went wrong, with the contract's error code (UNAUTHENTICATED, FORBIDDEN, ...; NETWORK). */
export class LiveError extends Error {
  constructor(
    message: string,
    readonly code: string | null,
  ) {
    super(message);
    this.name = 'LiveError';
  }
}

interface FormattedError {
  message: string;
  extensions?: { code?: unknown };
}

function fromErrors(errors: readonly FormattedError[]): LiveError {
  const first = errors[0];
  const code = first?.extensions?.code;
  return new LiveError(first?.message ?? 'unknown error', typeof code === 'string' ? code : null);
}

/** graphql-ws hands a sink GraphQL errors (an array), a CloseEvent or an Error. */
export function toLiveError(error: unknown): LiveError {
  if (error instanceof LiveError) return error;
  if (Array.isArray(error)) return fromErrors(error as FormattedError[]);
  const close = error as { code?: unknown; reason?: unknown } | null;
  if (close && typeof close.code === 'number') {
    const refused = close.code === 4401 || close.code === 4403;
    const reason = typeof close.reason === 'string' && close.reason ? close.reason : `closed (${close.code})`;
    return new LiveError(reason, refused ? 'UNAUTHENTICATED' : 'NETWORK');
  }
  const message = error instanceof Error ? error.message : String(error);
  return new LiveError(`Could not reach the server (${message}).`, 'NETWORK');
}

export interface TvClient {
  readonly socket: Socket;
  /** One operation over HTTP POST: its data, or a LiveError. */
  query<TData, TVariables>(
    document: Document<TData, TVariables>,
    variables: TVariables,
    signal?: AbortSignal,
  ): Promise<TData>;
  dispose(): void;
}

/** What a TV tells the server about itself at connect: the Screens page shows it (screen health). */
export function clientInfo(): { version: string; resolution: string } {
  const version = (import.meta.env.VITE_PULSE_VERSION as string | undefined) ?? 'dev';
  const ratio = window.devicePixelRatio || 1;
  const { width, height } = window.screen;
  return { version, resolution: `${Math.round(width * ratio)}x${Math.round(height * ratio)}` };
}

export function createTvClient(token: string, endpoint = '/graphql'): TvClient {
  const socket = createSocket(token, endpoint, { client: clientInfo() });
  const { authorization } = socket;
  return {
    socket,
    async query<TData, TVariables>(
      document: Document<TData, TVariables>,
      variables: TVariables,
      signal?: AbortSignal,
    ): Promise<TData> {
      let result: FormattedExecutionResult<TData>;
      try {
        const response = await fetch(endpoint, {
          method: 'POST',
          // always a token here (createTvClient takes one): the TV is never signed in by a session
          headers: { 'content-type': 'application/json', ...(authorization ? { authorization } : {}) },
          body: JSON.stringify({ query: document, variables }),
          ...(signal ? { signal } : {}),
        });
        result = (await response.json()) as FormattedExecutionResult<TData>;
      } catch (error) {
        throw toLiveError(error);
      }
      if (result.errors?.length) throw fromErrors(result.errors);
      if (!result.data) throw new LiveError('The server sent no data.', null);
      return result.data;
    },
    dispose() {
      socket.dispose();
    },
  };
}

/** The TV's client for a token (one at a time; see perToken). */
export const tvClientFor = perToken((token) => createTvClient(token));

const ClientContext = createContext<TvClient | null>(null);
export const TvClientProvider = ClientContext.Provider;

function useClient(): TvClient {
  const client = useContext(ClientContext);
  if (!client) throw new Error('TV components need a TvClientProvider');
  return client;
}

interface Result<TData> {
  /** The latest data for these variables (undefined until the first). */
  data: TData | undefined;
  error: LiveError | undefined;
}

/**
 * A subscription while the component is mounted: its latest data, and `onData` for each result.
 * New variables end the old subscription and start a new one (their data is not mixed up).
 */
export function useSubscription<TData, TVariables>(
  document: Document<TData, TVariables>,
  variables: TVariables,
  onData?: (data: TData) => void,
): Result<TData> {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [state, setState] = useState<Result<TData> & { key: string }>({
    key,
    data: undefined,
    error: undefined,
  });
  const callback = useRef(onData);
  useEffect(() => {
    callback.current = onData;
  });
  useEffect(() => {
    const payload = { query: document, variables: JSON.parse(key) as Record<string, unknown> };
    return client.socket.client.subscribe<TData>(payload, {
      next: (result) => {
        const data = result.data ?? undefined;
        const error = result.errors?.length ? fromErrors(result.errors) : undefined;
        setState((s) => ({ key, data: data ?? (s.key === key ? s.data : undefined), error }));
        if (data) callback.current?.(data);
      },
      error: (error) =>
        setState((s) => ({ key, data: s.key === key ? s.data : undefined, error: toLiveError(error) })),
      complete: () => {},
    });
  }, [client, document, key]);
  return state.key === key ? state : { data: undefined, error: undefined };
}

/** One query over HTTP when mounted, again on `refetch()`: its data (kept while refetching) or error. */
export function useQuery<TData, TVariables>(
  document: Document<TData, TVariables>,
  variables: TVariables,
): Result<TData> & { refetch: () => void } {
  const client = useClient();
  const key = JSON.stringify(variables);
  const [round, setRound] = useState(0);
  const [state, setState] = useState<Result<TData>>({ data: undefined, error: undefined });
  useEffect(() => {
    const abort = new AbortController();
    client.query(document, JSON.parse(key) as TVariables, abort.signal).then(
      (data) => setState({ data, error: undefined }),
      (error: unknown) => {
        if (!abort.signal.aborted) setState((s) => ({ data: s.data, error: toLiveError(error) }));
      },
    );
    return () => abort.abort();
  }, [client, document, key, round]);
  const refetch = useCallback(() => setRound((r) => r + 1), []);
  return { ...state, refetch };
}
