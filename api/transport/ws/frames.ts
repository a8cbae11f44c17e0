/**
 * The live fast path's frames: a shared payload (live/shared-execution.ts) written as one
 * subscription's `next` frame by the hub's fan-out itself, without the per-subscriber steps of the
 * usual way (the stream's generator, graphql-ws's iteration, onNext, stringify and splice).
 *
 * Invariants:
 * - a frame here is the frame graphql-ws would send for that payload: `{"id":…,"type":"next",
 *   "payload":…}` with the id JSON-encoded as graphql-ws encodes it, the payload's bytes as made
 *   once for every subscriber (so one copy per frame, no JSON work);
 * - it goes through the socket's own send (transport.ts), with its limits: a socket past
 *   WS_MAX_BUFFERED is closed as a slow reader, a frame is timed like any other;
 * - it never overtakes nor is overtaken: ws sends in call order, and the mailbox offers the fast
 *   path a value only while the stream idles (hub/mailbox.ts);
 * - a subscription has at most two frames waiting in the socket's buffer: while its previous fast
 *   frame is unsent the writer declines (false) and the version goes to the stream, whose
 *   graphql-ws send is awaited before it takes another, so newer versions wait in its `latest`
 *   mailbox (a slow reader skips to the newest version, it does not queue them);
 * - a payload above MAX_RESPONSE_BYTES is declined too: the usual way replaces it by the error.
 */

/** Sends a whole text frame on the socket; false when the socket cannot take it now. */
export type SendFrame = (frame: Buffer | string, sent: (error?: Error) => void) => boolean;

/** `next` frames of subscription `id`: writes one around `payload` now, or says it cannot (false). */
export function nextFrames(id: string, maxBytes: number, send: SendFrame): (payload: Buffer) => boolean {
  const head = Buffer.from(`{"id":${JSON.stringify(id)},"type":"next","payload":`);
  let unsent = false;
  const sent = () => {
    unsent = false;
  };
  return (payload) => {
    if (unsent || payload.length > maxBytes) return false;
    const frame = Buffer.allocUnsafe(head.length + payload.length + 1);
    head.copy(frame, 0);
    payload.copy(frame, head.length);
    frame[frame.length - 1] = 0x7d; // }
    unsent = true;
    if (send(frame, sent)) return true;
    unsent = false;
    return false;
  };
}
