/**
 * The server's clock on the TV: countdowns and "time left" are measured against it, not against
 * the browser's, which on a kiosk stick PC may be minutes off. Each frame that carries the
 * server's `generatedAt` gives the offset (server minus browser, measured when the frame
 * arrived); the latest frame's offset holds until the next one. Pure, with an injected clock, so it
 * is tested without waiting.
 */

export class ServerClock {
  private offsetMs = 0;

  constructor(private readonly localNow: () => number = Date.now) {}

  /** A frame computed by the server at `generatedAt` arrived now: the offset from it, in ms. */
  observe(generatedAt: string): number {
    const server = Date.parse(generatedAt);
    if (Number.isFinite(server)) this.offsetMs = server - this.localNow();
    return this.offsetMs;
  }

  get offset(): number {
    return this.offsetMs;
  }

  /** The server's time now (ms since the epoch), by the last offset seen. */
  now(): number {
    return this.localNow() + this.offsetMs;
  }

  /** Milliseconds from the server's now until `instant` (negative once past). */
  until(instant: string): number {
    return Date.parse(instant) - this.now();
  }
}
