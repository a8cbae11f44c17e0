/**
 * What the viewer directory and the session store share: a process cache dropped whole on every
 * `dir` live message (any change to users, teams or sessions, by any writer) and on `all` (the
 * listener may have missed one), with listeners told after every drop and at most `capacity`
 * entries kept (the oldest go first). `current` says whether the notifications can be relied on
 * now; while they cannot, the subclasses serve and keep nothing. Why: docs/live-updates.md.
 */
import type { LiveMessage } from '../feed/messages.ts';

export interface NotifiedCacheOptions {
  /** The oldest entry served, whatever the notifications say. @default 60000 */
  maxAgeMs?: number;
  /** @default 10000 */
  capacity?: number;
  /** Whether the notifications can be relied on now (the LISTEN bridge's `current`). @default always */
  current?: () => boolean;
}

export class NotifiedCache<K, V> {
  /** Times everything was dropped (tests, benchmarks). */
  invalidations = 0;
  protected readonly entries = new Map<K, V>();
  private readonly listeners = new Set<() => void>();
  protected readonly maxAgeMs: number;
  private readonly capacity: number;
  protected readonly current: () => boolean;

  constructor(options: NotifiedCacheOptions) {
    this.maxAgeMs = options.maxAgeMs ?? 60_000;
    this.capacity = options.capacity ?? 10_000;
    this.current = options.current ?? (() => true);
  }

  /** Drops everything: the next lookup of every key reads the database. */
  invalidate(): void {
    this.invalidations += 1;
    this.entries.clear();
    for (const listener of this.listeners) listener();
  }

  /**
   * Called after every drop (here, or a change another process made): holders of long-lived
   * connections check what they hold again then. Returns the unsubscribe.
   */
  onInvalidate(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Follows the live notifications: a directory change, or "anything may have changed". */
  handle(message: LiveMessage): void {
    if (message.t === 'dir' || message.t === 'all') this.invalidate();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Keeps `value` under `key`, dropping the oldest entries beyond the capacity. */
  protected keep(key: K, value: V): void {
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.entries.delete(oldest);
    }
  }
}
