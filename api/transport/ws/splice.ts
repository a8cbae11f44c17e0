/**
 * Pre-serialised payloads (live/shared-execution.ts) spliced into one socket's graphql-ws frames.
 *
 * Invariant: a `next` frame carries the payload's JSON byte for byte, around the subscriber's own
 * id, without the payload being parsed, stringified or encoded again per subscriber.
 * How: `hold` gives graphql-ws a stand-in whose JSON (toJSON) is a token naming the payload in this
 * socket's table; `splice`, in the socket's send (transport.ts), swaps the quoted token for the
 * payload's bytes and forgets it. Held payloads are found by their token, not by arrival order, so
 * nothing depends on graphql-ws stringifying and sending in one synchronous step, and no state is
 * shared between sockets. The token carries a random per-process part: no string a client sends
 * (an id) can pose as one. What a closed socket still held goes with `clear`.
 */
import { randomUUID } from 'node:crypto';
import type { RawPayload } from '../../live/shared-execution.ts';

const PREFIX = `__pulse_raw_${randomUUID()}_`;
const QUOTED_PREFIX = `"${PREFIX}`;
/** Tokens are numbered over all sockets: one socket's token never names another's payload. */
let issued = 0;

export class Splicer {
  private readonly held = new Map<string, RawPayload>();

  /** Payloads held for frames not sent yet (tests: nothing stays after a send). */
  get size(): number {
    return this.held.size;
  }

  /** A stand-in for `payload` in an onNext result: serialises as its token. */
  hold(payload: RawPayload): { toJSON(): string } {
    issued += 1;
    const token = `${PREFIX}${issued}__`;
    this.held.set(token, payload);
    return { toJSON: () => token };
  }

  /**
   * The frame as bytes with a held payload in place of its quoted token (a text frame: send it
   * with binary false); any other frame unchanged.
   */
  splice(frame: string): string | Buffer {
    if (this.held.size === 0) return frame;
    // the payload is the message's last property: its token is the last one in the frame
    const at = frame.lastIndexOf(QUOTED_PREFIX);
    if (at < 0) return frame;
    const end = frame.indexOf('"', at + 1);
    if (end < 0) return frame;
    const token = frame.slice(at + 1, end);
    const payload = this.held.get(token);
    if (!payload) return frame;
    this.held.delete(token);
    const bytes = payload.bytes;
    const head = frame.slice(0, at);
    const tail = frame.slice(end + 1);
    const headLength = Buffer.byteLength(head);
    const spliced = Buffer.allocUnsafe(headLength + bytes.length + Buffer.byteLength(tail));
    spliced.write(head, 0);
    bytes.copy(spliced, headLength);
    spliced.write(tail, headLength + bytes.length);
    return spliced;
  }

  clear(): void {
    this.held.clear();
  }
}
