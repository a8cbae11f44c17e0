/**
 * The opt-in replica header (REPLICA_NAME): every HTTP response, and the WebSocket upgrade's 101,
 * says which process answered, as `X-Pulse-Replica: <name>`. Behind a load balancer that is how an
 * operator (or the scale-out test) sees where a request or a screen landed. Off by default: a
 * deployment's internal names are nobody else's business. The name is validated by config.ts (a
 * token of letters, digits, dots, dashes, underscores), so it can never split a header.
 */
import type { ServerResponse } from 'node:http';
import type { WebSocketServer } from 'ws';

export const REPLICA_HEADER = 'X-Pulse-Replica';

/** Names the replica on a response, before any route (Express or the GraphQL POST path) answers. */
export function replicaHeader(name: string | undefined): (res: ServerResponse) => void {
  return name ? (res) => res.setHeader(REPLICA_HEADER, name) : () => {};
}

/** Adds the header to the WebSocket upgrade response (ws writes the 101 itself, not Express). */
export function announceReplica(wss: WebSocketServer, name: string | undefined): void {
  if (name) wss.on('headers', (headers) => headers.push(`${REPLICA_HEADER}: ${name}`));
}
