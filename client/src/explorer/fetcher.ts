/**
 * How the explorer calls the API: queries and mutations POST /graphql as JSON (so the server's
 * CSRF rule for cookie requests holds: a JSON POST is never a "simple" cross-site request),
 * subscriptions over the web client's own graphql-ws socket (lib/socket.ts), and the schema from
 * /explorer/schema.graphql, the server's own SDL, so the editor knows the schema with
 * INTROSPECTION off. The credential is, in this order: an Authorization header typed in the
 * headers editor, the token field, else none, and the browser's session cookie signs the
 * request in (same origin). One socket per credential: a new token closes the previous socket.
 */
import { createGraphiQLFetcher, type Fetcher, type SyncExecutionResult } from '@graphiql/toolkit';
import { buildSchema, introspectionFromSchema } from 'graphql';
import { createSocket, perCredential } from '../lib/socket.ts';

export const ENDPOINT = '/graphql';
export const SCHEMA_URL = '/explorer/schema.graphql';

type Headers = Record<string, unknown>;

/** The token of an Authorization header among `headers` (any case), and the other headers. */
function splitAuthorization(headers: Headers | undefined): { token: string | undefined; rest: Headers } {
  let token: string | undefined;
  const rest: Headers = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (name.toLowerCase() === 'authorization')
      token = String(value)
        .replace(/^Bearer\s+/i, '')
        .trim();
    else rest[name] = value;
  }
  return { token, rest };
}

const authorizationOf = (token: string): Record<string, string> =>
  token ? { authorization: `Bearer ${token}` } : {};

/** The server's schema as an introspection result, or the server's refusal (401 and its errors). */
async function fetchSchema(token: string): Promise<SyncExecutionResult> {
  const response = await fetch(SCHEMA_URL, { headers: authorizationOf(token) });
  if (!response.ok) return (await response.json()) as SyncExecutionResult;
  // an introspection result is an ExecutionResult whose data has no index signature
  const data = introspectionFromSchema(buildSchema(await response.text()));
  return { data: data as unknown as Record<string, unknown> };
}

/** `fieldToken`: the token field's value ('' for none: the session cookie). */
export function createExplorerFetcher(fieldToken: () => string): Fetcher {
  // '' is the session's socket (no authorization in connection_init: the cookie signs it in)
  const socketFor = perCredential(
    (token: string) => createSocket(token || null, ENDPOINT),
    (a, b) => a === b,
  );
  return (params, opts) => {
    const { token: typed, rest } = splitAuthorization(opts?.headers);
    const token = typed ?? fieldToken().trim();
    const headers = { ...rest, ...authorizationOf(token) };
    const fetcher = createGraphiQLFetcher({
      url: ENDPOINT,
      // the socket is created on the first subscription, not for a query
      get wsClient() {
        return socketFor(token)?.client;
      },
      enableIncrementalDelivery: false,
      schemaFetcher: () => fetchSchema(token),
    });
    return fetcher(params, { ...opts, headers });
  };
}
