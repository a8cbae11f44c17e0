/**
 * An event stream named by ids in the change log (badges awarded: 'ach' messages; kudos given:
 * 'kudos'): ids gather until the next flush, which reads their rows once and pushes one event to
 * every subscriber. The hub holds one per kind (hub.ts).
 *
 * Invariants: no id is dropped silently; ids whose read failed stay pending
 * for the next flush; after a listener gap (`everythingChanged`) the next flush also publishes
 * every row after the newest one seen; rows that existed at `start` are never published (a
 * reconnecting screen does not celebrate them again). Subscribers read through `queue` mailboxes
 * bounded by `queueCapacity`, past which that subscriber's stream fails.
 * Why: these are events, not states (a board is a state: the next version replaces it); one
 * skipped would never show, so a failed read is retried and a gap is caught up by id.
 */
import { Mailbox } from './mailbox.ts';

export interface IdEventsOptions<Row extends { id: number }, Event> {
  /** The rows of these ids that are still there, oldest first. */
  read(ids: number[]): Promise<Row[]>;
  /** Ids after this one (catching up after a listener gap). */
  idsAfter(id: number): Promise<number[]>;
  /** The newest id now (0: none). */
  maxId(): Promise<number>;
  /** One event for every subscriber, made once per flush. */
  toEvent(rows: Row[]): Event;
  /** Capacity of a subscriber's queue. @default 1000 */
  queueCapacity?: number;
}

export class IdEvents<Row extends { id: number }, Event> {
  private readonly listeners = new Set<Mailbox<Event>>();
  private readonly pending = new Set<number>();
  private lastId = 0;
  private catchUp = false;

  constructor(private readonly options: IdEventsOptions<Row, Event>) {}

  /** Rows before now are not published (catch-ups start after the newest). */
  async start(): Promise<void> {
    this.lastId = await this.options.maxId();
  }

  get subscriberCount(): number {
    return this.listeners.size;
  }

  events(): Mailbox<Event> {
    const mailbox: Mailbox<Event> = new Mailbox<Event>({
      mode: 'queue',
      capacity: this.options.queueCapacity ?? 1000,
      onClose: () => this.listeners.delete(mailbox),
    });
    this.listeners.add(mailbox);
    return mailbox;
  }

  /** New rows: published by the next flush. */
  added(ids: readonly number[]): void {
    for (const id of ids) this.pending.add(id);
  }

  /** The listener was away: the next flush catches up. */
  everythingChanged(): void {
    this.catchUp = true;
  }

  /** Publishes what is pending (the read starts now); what fails stays pending. */
  flush(): Promise<void>[] {
    const ids = [...this.pending];
    this.pending.clear();
    const catchUp = this.catchUp;
    this.catchUp = false;
    if ((ids.length || catchUp) && this.listeners.size) {
      return [
        this.publish(ids, catchUp).catch((error: unknown) => {
          for (const id of ids) this.pending.add(id);
          this.catchUp ||= catchUp;
          throw error;
        }),
      ];
    }
    if (ids.length) this.lastId = Math.max(this.lastId, ...ids);
    return [];
  }

  /** Ends every subscriber's stream. */
  dispose(): void {
    for (const m of this.listeners) void m.return();
  }

  private async publish(ids: number[], catchUp: boolean): Promise<void> {
    const all = new Set(ids);
    if (catchUp) for (const id of await this.options.idsAfter(this.lastId)) all.add(id);
    const rows = await this.options.read([...all]);
    if (rows.length === 0) return;
    this.lastId = Math.max(this.lastId, ...rows.map((r) => r.id));
    const event = this.options.toEvent(rows);
    for (const listener of this.listeners) listener.push(event);
  }
}
