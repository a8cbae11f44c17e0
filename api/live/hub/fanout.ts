/**
 * Goal and pace-alert fan-out: notifications name goals; a flush reads them once and pushes one
 * event to every subscriber (a pace alert is an event too: sent once, api/jobs/pace). Badges and
 * kudos, events named by ids that catch up after a gap, are id-events.ts's.
 *
 * Invariants: no change is dropped silently. Subscribers read through `queue` mailboxes bounded by
 * `queueCapacity`, past which that subscriber's stream fails (it must resubscribe). Ids whose read
 * failed are kept for the next flush. After a listener gap, goal subscribers are told to resend
 * their snapshot (`resync`). Removed goals are published at once (their rows are gone: nothing to
 * read).
 * Why: unlike boards, goals are events, not states; a skipped one would never show.
 */
import type { Database } from '../../db/client.ts';
import { createLoaders } from '../../core/loaders.ts';
import { findGoals } from '../../modules/goals/goal.queries.ts';
import { toGoal } from '../../modules/goals/goal.mapping.ts';
import { Mailbox } from './mailbox.ts';
import type { GoalEvent, PaceAlertEvent } from './types.ts';

export interface FanOutOptions {
  db: Database;
  /** Capacity of a subscriber's queue. @default 1000 */
  queueCapacity?: number;
}

type RemovedGoals = Extract<GoalEvent, { kind: 'removed' }>['goals'];

export class FanOut {
  private readonly goalListeners = new Set<Mailbox<GoalEvent>>();
  private readonly pendingGoals = new Set<number>();
  private readonly paceListeners = new Set<Mailbox<PaceAlertEvent>>();
  private readonly pendingPace = new Set<number>();

  constructor(private readonly options: FanOutOptions) {}

  get subscriberCount(): number {
    return this.goalListeners.size + this.paceListeners.size;
  }

  goalEvents(): Mailbox<GoalEvent> {
    const mailbox: Mailbox<GoalEvent> = new Mailbox<GoalEvent>({
      mode: 'queue',
      capacity: this.options.queueCapacity ?? 1000,
      onClose: () => this.goalListeners.delete(mailbox),
    });
    this.goalListeners.add(mailbox);
    return mailbox;
  }

  paceAlertEvents(): Mailbox<PaceAlertEvent> {
    const mailbox: Mailbox<PaceAlertEvent> = new Mailbox<PaceAlertEvent>({
      mode: 'queue',
      capacity: this.options.queueCapacity ?? 1000,
      onClose: () => this.paceListeners.delete(mailbox),
    });
    this.paceListeners.add(mailbox);
    return mailbox;
  }

  /** Goals fell behind pace (an alert, sent once): published by the next flush. */
  paceAlerted(ids: readonly number[]): void {
    for (const id of ids) this.pendingPace.add(id);
  }

  /** Goals changed: published by the next flush. */
  goalsChanged(ids: readonly number[]): void {
    for (const id of ids) this.pendingGoals.add(id);
  }

  /** Goals were deleted: published at once. */
  goalsRemoved(goals: RemovedGoals): void {
    this.publishGoals({ kind: 'removed', goals });
  }

  /** The listener was away: goal subscribers resend their snapshot. */
  everythingChanged(): void {
    this.publishGoals({ kind: 'resync' });
  }

  /** Publishes what is pending (reads started now); what fails stays pending. */
  flush(): Promise<void>[] {
    const goalIds = [...this.pendingGoals];
    this.pendingGoals.clear();
    const paceIds = [...this.pendingPace];
    this.pendingPace.clear();
    const work: Promise<void>[] = [];
    if (paceIds.length && this.paceListeners.size) {
      work.push(
        this.publishPaceAlerts(paceIds).catch((error: unknown) => {
          for (const id of paceIds) this.pendingPace.add(id);
          throw error;
        }),
      );
    }
    if (goalIds.length && this.goalListeners.size) {
      work.push(
        this.publishChangedGoals(goalIds).catch((error: unknown) => {
          for (const id of goalIds) this.pendingGoals.add(id);
          throw error;
        }),
      );
    }
    return work;
  }

  /** Ends every subscriber's stream. */
  dispose(): void {
    for (const m of this.goalListeners) void m.return();
    for (const m of this.paceListeners) void m.return();
  }

  private publishGoals(event: GoalEvent): void {
    for (const listener of this.goalListeners) listener.push(event);
  }

  private async publishChangedGoals(ids: number[]): Promise<void> {
    const { db } = this.options;
    const rows = await findGoals(db, ids);
    if (rows.length === 0) return;
    const loaders = createLoaders(db);
    this.publishGoals({ kind: 'changed', goals: rows.map(toGoal), loaders });
  }

  private async publishPaceAlerts(ids: number[]): Promise<void> {
    const { db } = this.options;
    const rows = await findGoals(db, ids);
    if (rows.length === 0) return;
    const event: PaceAlertEvent = { goals: rows.map(toGoal), loaders: createLoaders(db) };
    for (const listener of this.paceListeners) listener.push(event);
  }
}
