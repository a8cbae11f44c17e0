/**
 * Pre-serialised payloads (live/shared-execution.ts) spliced into graphql-ws frames.
 *
 * Invariant: a `next` frame carries the payload's JSON byte for byte, around the subscriber's own
 * id, without the payload being parsed, stringified or encoded again per subscriber, and with
 * nothing allocated per frame but the frame.
 * How: onNext hands graphql-ws the RawPayload itself; while graphql-ws stringifies the message,
 * the payload's toJSON writes a placeholder and stages the payload in a one-slot register, and
 * graphql-ws passes the string to the socket's send in the same synchronous step (its emit.next:
 * `socket.send(stringifyMessage(...))`, no await between; tests/live/ws-protocol.test.ts checks
 * every frame). `splice`, first thing in that send, takes the staged payload and swaps the quoted
 * placeholder for its bytes. A frame without the placeholder leaves the slot empty, so a payload
 * never outlives its frame nor reaches another socket's.
 */
import { RAW_PLACEHOLDER, takeStaged } from '../../live/shared-execution.ts';

const QUOTED = `"${RAW_PLACEHOLDER}"`;

/** The frame as bytes with the staged payload in place of its placeholder (a text frame), or unchanged. */
export function splice(frame: string): string | Buffer {
  const payload = takeStaged();
  if (payload === undefined) return frame;
  // the payload is the message's last property: its placeholder is the last one in the frame
  const at = frame.lastIndexOf(QUOTED);
  if (at < 0) return frame;
  const bytes = payload.bytes;
  const head = frame.slice(0, at);
  const tail = frame.slice(at + QUOTED.length);
  const headLength = Buffer.byteLength(head);
  const spliced = Buffer.allocUnsafe(headLength + bytes.length + Buffer.byteLength(tail));
  spliced.write(head, 0);
  bytes.copy(spliced, headLength);
  spliced.write(tail, headLength + bytes.length);
  return spliced;
}
