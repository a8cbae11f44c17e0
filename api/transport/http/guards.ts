/**
 * What every HTTP request with a body is held to, whatever route it takes (api/transport/http/entry.ts installs
 * both on each request before routing):
 *
 * - A deadline for the whole request: a body still arriving after it is answered 408 and the
 *   connection closed, so a client that trickles a body cannot hold a connection for Node's 300 s.
 * - A lingering close: when the answer is sent before the body was read to its end (refused: too
 *   large, no token, too many uploads), what is left of the body is still read and thrown away,
 *   for at most HTTP_LINGER_BYTES and HTTP_LINGER_MS, and only then is the connection closed. Closing
 *   with unread data makes the kernel answer with a reset that can overtake the response and
 *   destroy it before the client reads it (clients that send their whole body before reading see
 *   nothing but the reset); nginx does the same (lingering_close).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

export interface LingerLimits {
  bytes: number;
  ms: number;
}

/** Whether the request announces a body (a length above 0, or chunked). */
export function hasBody(req: IncomingMessage): boolean {
  const length = req.headers['content-length'];
  if (length !== undefined) return length !== '0';
  return req.headers['transfer-encoding'] !== undefined;
}

const lingering = new WeakSet<IncomingMessage>();

/**
 * Reads and discards the rest of a request's body within the limits, then leaves the connection
 * as the request ends (kept alive) or, past a limit, closes it.
 */
export function discardRest(req: IncomingMessage, limits: LingerLimits): void {
  if (req.complete || req.destroyed || lingering.has(req)) return;
  lingering.add(req);
  let left = limits.bytes;
  const stop = () => {
    clearTimeout(timer);
    req.off('data', onData);
  };
  const close = () => {
    stop();
    req.socket.destroy();
  };
  const onData = (chunk: Buffer) => {
    left -= chunk.length;
    if (left < 0) close();
  };
  const timer = setTimeout(close, limits.ms);
  timer.unref();
  req.unpipe();
  req.on('data', onData);
  req.once('end', stop);
  req.once('close', stop);
  req.resume();
}

/**
 * Once the answer is out, the rest of a body nobody read is discarded within the limits.
 * Prepended: Node's own `finish` handler would otherwise dump it first, unbounded.
 */
export function lingerAfterAnswer(req: IncomingMessage, res: ServerResponse, limits: LingerLimits): void {
  res.prependOnceListener('finish', () => discardRest(req, limits));
}

/**
 * Calls `late` if the request has not arrived in full `ms` after it started (the request's own
 * `end` or `close` clears it).
 */
export function bodyDeadline(req: IncomingMessage, ms: number, late: () => void): void {
  const timer = setTimeout(() => {
    clear();
    if (!req.complete && !req.destroyed) late();
  }, ms);
  timer.unref();
  const clear = () => {
    clearTimeout(timer);
    req.off('end', clear);
    req.off('close', clear);
  };
  req.once('end', clear);
  req.once('close', clear);
}
