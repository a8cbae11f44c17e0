/**
 * Celebrations on the TV (issue 17), without React: which events become cards, and the queue that
 * shows them. Invariants, and why:
 * - One card at a time, each for SHOW_MS (never two overlapping); at most MAX_WAITING wait, the
 *   oldest dropped past that: a screen that runs for weeks never builds an unbounded queue.
 * - Only what happens after a subscription started is celebrated: the watchers below take the
 *   first frame of a subscription, and the first after each reconnection (a new connection
 *   epoch), as the baseline, since the server answers a (re)subscription with its current state,
 *   not with what changed meanwhile. Badges come only as they are awarded (achievementUnlocked).
 * - A burst does not play a card per event: an event of a kind that summarises (sales) joins the
 *   card of its kind still waiting, which then says "12 sales in the last minute, $48,210".
 * - A new kind (a contest won, kudos) is one entry in CARD_KINDS (and a CelebrationKind on the server).
 * Time is an injected clock, so the queue is tested with a fake one.
 */
import type { CelebrationKind } from '../gql/graphql.ts';
import { formatMoney } from '../lib/format.ts';
import type { IconName } from '../components/icons/Icon.tsx';

/** How long each card shows. */
export const SHOW_MS = 6_000;
/** Cards waiting behind the one on screen, at most. */
export const MAX_WAITING = 5;
/** Ids remembered to show an event once (a board frame and its repetition, a badge sent twice). */
const SEEN_IDS = 200;

/** Something worth a card, as a watcher reports it. */
export interface Celebration {
  kind: CelebrationKind;
  /** The same id twice is shown once. */
  id: string;
  /** "Ann Lee closed", then in bold "$12,400". */
  title: string;
  strong?: string | null;
  detail?: string | null;
  /** Who it is about (the card names them large). */
  who?: string | null;
  /** Sales: the amount and how many sales it is (a frame may carry two of one seller). */
  amount?: number;
  count?: number;
  /** A badge's icon as the server sends it (usually an emoji): mapped to a drawn icon. */
  badgeIcon?: string | null;
}

/** A card on screen or waiting: the first event of its kind, or a summary of several. */
export interface Card {
  id: string;
  kind: CelebrationKind;
  kicker: string;
  icon: IconName;
  title: string;
  strong: string | null;
  detail: string | null;
  who: string | null;
  badgeIcon: string | null;
  /** Events it stands for, their total amount, and when the first and last arrived. */
  count: number;
  amount: number;
  firstAt: number;
  lastAt: number;
}

interface KindEntry {
  kicker: string;
  icon: IconName;
  /** Set: several waiting events of this kind make one card, said by this. */
  summarise?: (card: Card) => { title: string; strong: string | null; detail: string | null };
}

/** "in the last minute", "in the last 3 minutes": how long a summary's events took. */
export function lastMinutes(spanMs: number): string {
  const minutes = Math.max(1, Math.ceil(spanMs / 60_000));
  return minutes === 1 ? 'in the last minute' : `in the last ${minutes} minutes`;
}

/** One entry per kind of card: the line above its title, its icon, how a burst is summarised. */
export const CARD_KINDS: Record<CelebrationKind, KindEntry> = {
  SALE: {
    kicker: 'Big sale',
    icon: 'money',
    summarise: (card) => ({
      title: `${card.count} sales ${lastMinutes(card.lastAt - card.firstAt)},`,
      strong: formatMoney(card.amount),
      detail: null,
    }),
  },
  GOAL_ACHIEVED: { kicker: 'Goal achieved', icon: 'target' },
  NEW_LEADER: { kicker: 'New #1', icon: 'crown' },
  BADGE: { kicker: 'New badge', icon: 'badge' },
  CONTEST_WON: { kicker: 'Contest won', icon: 'trophy' },
  KUDOS: { kicker: 'Kudos', icon: 'handshake' },
};

function cardOf(event: Celebration, now: number): Card {
  const entry = CARD_KINDS[event.kind];
  return {
    id: event.id,
    kind: event.kind,
    kicker: entry.kicker,
    icon: entry.icon,
    title: event.title,
    strong: event.strong ?? null,
    detail: event.detail ?? null,
    who: event.who ?? null,
    badgeIcon: event.badgeIcon ?? null,
    count: event.count ?? 1,
    amount: event.amount ?? 0,
    firstAt: now,
    lastAt: now,
  };
}

function merged(card: Card, event: Celebration, now: number): Card {
  const next: Card = {
    ...card,
    count: card.count + (event.count ?? 1),
    amount: card.amount + (event.amount ?? 0),
    lastAt: now,
    who: null,
  };
  const said = CARD_KINDS[card.kind].summarise?.(next);
  return said ? { ...next, ...said } : next;
}

/**
 * The cards: `push` an event, `current()` what shows now. The clock decides when a card ends:
 * call `tick()` at `nextChangeAt()` (the component's one timer); `subscribe` is told of every
 * change (React's useSyncExternalStore).
 */
export class CelebrationQueue {
  private showing: { card: Card; since: number } | null = null;
  private waiting: Card[] = [];
  private readonly seen = new Set<string>();
  private readonly listeners = new Set<() => void>();

  constructor(private readonly now: () => number = Date.now) {}

  push(event: Celebration): void {
    if (this.seen.has(event.id)) return;
    this.seen.add(event.id);
    if (this.seen.size > SEEN_IDS) this.seen.delete(this.seen.values().next().value as string);
    const now = this.now();
    const summarises = CARD_KINDS[event.kind].summarise !== undefined;
    const same = summarises ? this.waiting.findIndex((c) => c.kind === event.kind) : -1;
    if (same >= 0) this.waiting[same] = merged(this.waiting[same]!, event, now);
    else {
      this.waiting.push(cardOf(event, now));
      if (this.waiting.length > MAX_WAITING) this.waiting.shift();
    }
    this.advance(now);
    this.emit();
  }

  /** The card on screen now (the same object until it changes), or null. */
  current(): Card | null {
    return this.showing?.card ?? null;
  }

  /** Cards waiting behind it. */
  get size(): number {
    return this.waiting.length;
  }

  /** When the card on screen ends (null: none shows). */
  nextChangeAt(): number | null {
    return this.showing ? this.showing.since + SHOW_MS : null;
  }

  /** Ends the card whose time is up and shows the next; tells subscribers when that changed anything. */
  tick(): void {
    const before = this.showing;
    this.advance(this.now());
    if (this.showing !== before) this.emit();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private advance(now: number): void {
    if (this.showing && now - this.showing.since >= SHOW_MS) this.showing = null;
    if (!this.showing) {
      const next = this.waiting.shift();
      if (next) this.showing = { card: next, since: now };
    }
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** A board frame as the watchers read it (the TV's board subscriptions select these). */
export interface BoardFrame {
  metric: string;
  periodStart: string;
  version: string | number;
  entries: readonly {
    rank: number;
    revenue: string;
    ordersWon: number;
    user: { id: string; name: string };
  }[];
}

/** The metric's name on a NEW_LEADER card ("took #1 on Revenue"). */
export type MetricTitles = Readonly<Record<string, string>>;

/**
 * New #1s on the boards a screen shows: a board's first frame in a connection epoch (or of a new
 * period) is its baseline; after it, a seller alone at rank 1 who is not the last one alone there
 * is a new leader (a tie in between changes nothing).
 */
export class LeaderWatch {
  private readonly boards = new Map<string, { epoch: number; periodStart: string; leader: string | null }>();

  constructor(private readonly titles: MetricTitles) {}

  observe(board: BoardFrame, epoch: number): Celebration[] {
    const [first, second] = board.entries;
    const alone = first && first.rank === 1 && second?.rank !== 1 ? first.user.id : null;
    const before = this.boards.get(board.metric);
    const baseline = !before || before.epoch !== epoch || before.periodStart !== board.periodStart;
    // a tie at #1 keeps the last seller who was alone there: leaving a tie is no new leader
    const leader = alone ?? (baseline ? null : before.leader);
    this.boards.set(board.metric, { epoch, periodStart: board.periodStart, leader });
    if (baseline || !first || alone === null || before.leader === null || alone === before.leader) return [];
    const title = this.titles[board.metric] ?? board.metric;
    return [
      {
        kind: 'NEW_LEADER',
        id: `leader:${board.metric}:${board.periodStart}:${board.version}`,
        who: first.user.name,
        title: `${first.user.name} took #1 on`,
        strong: title,
      },
    ];
  }
}

/**
 * Sales from a revenue board's frames: between two frames of one epoch and period, a seller whose
 * orders won rose by n and revenue by at least `amount` closed n sales worth that much (the hub
 * sends a sale alone on a quiet board; two of one seller inside one coalescing window come as
 * one frame). A seller new to a board that was not full starts from zero.
 */
export class SaleWatch {
  private last: {
    epoch: number;
    periodStart: string;
    full: boolean;
    sellers: Map<string, { revenue: number; orders: number }>;
  } | null = null;

  constructor(private readonly limit: number) {}

  observe(board: BoardFrame, epoch: number, amount: number): Celebration[] {
    const sellers = new Map(
      board.entries.map((e) => [e.user.id, { revenue: Number(e.revenue), orders: e.ordersWon }]),
    );
    const before = this.last;
    this.last = { epoch, periodStart: board.periodStart, full: board.entries.length >= this.limit, sellers };
    if (!before || before.epoch !== epoch || before.periodStart !== board.periodStart) return [];
    const sales: Celebration[] = [];
    for (const e of board.entries) {
      const was = before.sellers.get(e.user.id) ?? (before.full ? undefined : { revenue: 0, orders: 0 });
      if (!was) continue;
      const now = sellers.get(e.user.id)!;
      const count = now.orders - was.orders;
      const worth = Math.round((now.revenue - was.revenue) * 100) / 100;
      if (count < 1 || worth < amount) continue;
      sales.push({
        kind: 'SALE',
        id: `sale:${board.periodStart}:${e.user.id}:${now.orders}`,
        who: e.user.name,
        title: count === 1 ? `${e.user.name} closed` : `${e.user.name} closed ${count} sales,`,
        strong: formatMoney(worth),
        amount: worth,
        count,
      });
    }
    return sales;
  }
}

/** A goal as the goal watcher reads it. */
export interface GoalFrame {
  id: string;
  status: string;
  metricName: string;
  owner: string;
}

/**
 * Goals achieved: a goal seen before in this connection epoch, not achieved then and achieved
 * now. The snapshot a (re)subscription starts with only sets what was seen.
 */
export class GoalWatch {
  private epoch = -1;
  private readonly statuses = new Map<string, string>();

  observe(goal: GoalFrame, epoch: number): Celebration[] {
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.statuses.clear();
    }
    const before = this.statuses.get(goal.id);
    this.statuses.set(goal.id, goal.status);
    if (before === undefined || before === 'ACHIEVED' || goal.status !== 'ACHIEVED') return [];
    return [
      {
        kind: 'GOAL_ACHIEVED',
        id: `goal:${goal.id}:${epoch}`,
        who: goal.owner,
        title: `${goal.owner} reached the`,
        strong: `${goal.metricName} goal`,
      },
    ];
  }

  forget(id: string): void {
    this.statuses.delete(id);
  }
}
