/**
 * Slots for work that a request holds the process's CPU or memory for (an import, a PDF report):
 * at most `max` at once in the process and `maxPerUser` per person, refused at once beyond that
 * (429 with Retry-After) rather than queued. Why: such work is seconds of CPU or megabytes of
 * memory per request, so a queue would only let one caller hold everyone else's answers back;
 * a refusal tells the caller when to come back and keeps the process answering the rest.
 */
import { ConflictError } from '../../core/errors.ts';
import { HttpRefusal } from '../rest/respond.ts';

/** What a client told to wait (429) is asked to wait before trying again. */
export const RETRY_AFTER_SECONDS = 5;

export class Slots {
  private running = 0;
  private readonly perUser = new Map<number, number>();

  /** `what`: the work, plural, as the refusal names it ("imports", "reports"). */
  constructor(
    private readonly what: string,
    private readonly max: number,
    private readonly maxPerUser: number,
  ) {}

  /** A slot (release it when done), or null when the process or the user is at the limit. */
  take(userId: number): (() => void) | null {
    const mine = this.perUser.get(userId) ?? 0;
    if (this.running >= this.max || mine >= this.maxPerUser) return null;
    this.running += 1;
    this.perUser.set(userId, mine + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      const left = (this.perUser.get(userId) ?? 1) - 1;
      if (left > 0) this.perUser.set(userId, left);
      else this.perUser.delete(userId);
    };
  }

  /** A slot, or the 429 that says how many are allowed and when to try again. */
  takeOrRefuse(userId: number): () => void {
    const release = this.take(userId);
    if (release) return release;
    throw new HttpRefusal(
      429,
      new ConflictError(
        `Too many ${this.what} are running (at most ${this.maxPerUser} of yours, ` +
          `${this.max} in all); try again in ${RETRY_AFTER_SECONDS} s.`,
      ),
      { 'retry-after': String(RETRY_AFTER_SECONDS) },
    );
  }
}
