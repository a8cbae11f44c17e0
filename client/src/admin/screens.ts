/**
 * What the Screens page offers (issue 15): the teams a screen may be paired into and whether
 * "no team" is a choice; the layout editor's rules (boards ticked and ordered, seconds per board)
 * and the layout and health in words. An ADMIN pairs a screen into any team or none (the whole organisation);
 * a MANAGER only into a team they manage, a team being required. Decided here only to leave out
 * what the server would refuse anyway (pairScreen checks the same).
 */
import type { CelebrationKind, LeaderboardMetric, PeriodType, Role } from '../gql/graphql.ts';
import { METRIC_NAMES } from '../lib/goals.ts';
import { PERIOD_NAMES } from '../lib/periods.ts';

export interface TeamChoice {
  id: string;
  name: string;
}

export interface PairChoices {
  teams: TeamChoice[];
  /** Whether the screen may belong to no team (the whole organisation's boards). */
  noTeam: boolean;
}

export function pairChoicesOf(
  me: { id: string; role: Role },
  teams: readonly (TeamChoice & { managerId: string | null })[],
): PairChoices {
  const choices = (list: typeof teams) => list.map((t) => ({ id: t.id, name: t.name }));
  if (me.role === 'ADMIN') return { teams: choices(teams), noTeam: true };
  if (me.role === 'MANAGER')
    return { teams: choices(teams.filter((t) => t.managerId === me.id)), noTeam: false };
  return { teams: [], noTeam: false };
}

/** The code as typed: letters and digits only, upper case ("k7qm 2xpd" → "K7QM2XPD"). */
export function normalCode(typed: string): string {
  return typed.toUpperCase().replace(/[^0-9A-Z]/g, '');
}

/** Shown while typing: "K7QM2XPD" → "K7QM-2XPD" (at most 8 characters kept). */
export function displayCode(typed: string): string {
  const code = normalCode(typed).slice(0, 8);
  return code.length > 4 ? `${code.slice(0, 4)}-${code.slice(4)}` : code;
}

/** The boards a screen may rotate, in the server's order (schema/db/constants.ts). */
export const SCREEN_BOARDS: readonly LeaderboardMetric[] = [
  'REVENUE',
  'ORDERS',
  'CONVERSION_RATE',
  'WIN_RATE',
];
/** Seconds per board the server accepts (SCREEN_SECONDS). */
export const SECONDS = { min: 5, max: 3600 } as const;
/** The sale amount the server accepts for a SALE card (SCREEN_SALE_AMOUNT). */
export const SALE_AMOUNT = { min: 1, max: 1_000_000_000 } as const;

/** The events a screen may celebrate (CELEBRATION_KINDS), in the dialog's order and words. */
export const CELEBRATIONS: readonly { kind: CelebrationKind; label: string }[] = [
  { kind: 'SALE', label: 'A sale from the amount below' },
  { kind: 'GOAL_ACHIEVED', label: 'A team goal achieved (with goals shown)' },
  { kind: 'NEW_LEADER', label: 'A new #1 on a board it shows' },
  { kind: 'BADGE', label: 'A badge earned' },
  { kind: 'CONTEST_WON', label: 'A contest it shows won (with contests shown)' },
  { kind: 'KUDOS', label: 'Kudos given to someone of its team (a private message is not shown)' },
];

export interface ScreenLayout {
  boards: readonly LeaderboardMetric[];
  secondsPerBoard: number;
  periodType: PeriodType;
  pinned: LeaderboardMetric | null;
  showGoals: boolean;
  showContests: boolean;
  celebrations: readonly CelebrationKind[];
  saleAmount: number;
  sound: boolean;
}

/** The edit dialog's state: the seconds and amount as typed, the pinned board '' for none. */
export interface LayoutDraft {
  name: string;
  boards: LeaderboardMetric[];
  seconds: string;
  periodType: PeriodType;
  pinned: LeaderboardMetric | '';
  showGoals: boolean;
  showContests: boolean;
  celebrations: readonly CelebrationKind[];
  saleAmount: string;
  sound: boolean;
}

export type LayoutField =
  | 'name'
  | 'boards'
  | 'secondsPerBoard'
  | 'periodType'
  | 'pinned'
  | 'showGoals'
  | 'showContests'
  | 'celebrations'
  | 'saleAmount'
  | 'sound';

export function draftOf(name: string, layout: ScreenLayout): LayoutDraft {
  return {
    name,
    boards: [...layout.boards],
    seconds: String(layout.secondsPerBoard),
    periodType: layout.periodType,
    pinned: layout.pinned ?? '',
    showGoals: layout.showGoals,
    showContests: layout.showContests,
    celebrations: [...layout.celebrations],
    saleAmount: String(layout.saleAmount),
    sound: layout.sound,
  };
}

/** Ticks a celebration on or off, kept in the dialog's order. */
export function toggleCelebration(
  kinds: readonly CelebrationKind[],
  kind: CelebrationKind,
): CelebrationKind[] {
  const on = kinds.includes(kind) ? kinds.filter((k) => k !== kind) : [...kinds, kind];
  return CELEBRATIONS.map((c) => c.kind).filter((k) => on.includes(k));
}

/** The dialog's rows: the boards in rotation in their order, then the others (unticked). */
export function boardRows(
  boards: readonly LeaderboardMetric[],
): { metric: LeaderboardMetric; on: boolean }[] {
  return [
    ...boards.map((metric) => ({ metric, on: true })),
    ...SCREEN_BOARDS.filter((m) => !boards.includes(m)).map((metric) => ({ metric, on: false })),
  ];
}

/** Ticks a board (it joins the end of the rotation) or unticks it. */
export function toggleBoard(
  boards: readonly LeaderboardMetric[],
  metric: LeaderboardMetric,
): LeaderboardMetric[] {
  return boards.includes(metric) ? boards.filter((m) => m !== metric) : [...boards, metric];
}

/** Moves a board of the rotation one place earlier (-1) or later (+1); at an end, nothing moves. */
export function moveBoard(
  boards: readonly LeaderboardMetric[],
  metric: LeaderboardMetric,
  by: -1 | 1,
): LeaderboardMetric[] {
  const from = boards.indexOf(metric);
  const to = from + by;
  if (from < 0 || to < 0 || to >= boards.length) return [...boards];
  const next = [...boards];
  [next[from], next[to]] = [next[to]!, next[from]!];
  return next;
}

/** What the server would refuse, said before sending (it checks the same). */
export function layoutProblems(draft: LayoutDraft): Partial<Record<LayoutField, string>> {
  const problems: Partial<Record<LayoutField, string>> = {};
  if (!draft.name.trim()) problems.name = 'A name for the screen, e.g. “Sales floor, 3rd”.';
  if (draft.boards.length === 0) problems.boards = 'Tick at least one board.';
  const seconds = Number(draft.seconds);
  if (!/^\d+$/.test(draft.seconds.trim()) || seconds < SECONDS.min || seconds > SECONDS.max)
    problems.secondsPerBoard = `Whole seconds from ${SECONDS.min} to ${SECONDS.max}.`;
  const amount = Number(draft.saleAmount);
  if (!/^\d+$/.test(draft.saleAmount.trim()) || amount < SALE_AMOUNT.min || amount > SALE_AMOUNT.max)
    problems.saleAmount = `A whole amount from ${SALE_AMOUNT.min} to ${SALE_AMOUNT.max.toLocaleString('en-US')}.`;
  return problems;
}

/**
 * The layout in words, for the screen's row: "Revenue → Orders · 20 s each · Month" (with goals:
 * "Revenue → Orders → Goals · …") or "Pinned: Revenue · Month".
 */
export function layoutInWords(
  layout: Omit<ScreenLayout, 'celebrations' | 'saleAmount' | 'sound' | 'showContests'>,
): string {
  const period = PERIOD_NAMES[layout.periodType];
  if (layout.pinned) return `Pinned: ${METRIC_NAMES[layout.pinned]} · ${period}`;
  const names = layout.boards.map((m) => METRIC_NAMES[m]);
  if (layout.showGoals) names.push('Goals');
  const boards = names.join(' → ');
  return names.length > 1
    ? `${boards} · ${layout.secondsPerBoard} s each · ${period}`
    : `${boards} · ${period}`;
}

export interface ScreenHealthInfo {
  online: boolean;
  clientVersion: string | null;
  resolution: string | null;
  reconnects24h: number;
  offlineTooLong: boolean;
}

/** The state a screen's row shows first: online, offline, or offline too long (flagged). */
export function healthState(
  active: boolean,
  health: ScreenHealthInfo,
): 'online' | 'offline' | 'alert' | null {
  if (!active) return null;
  if (health.online) return 'online';
  return health.offlineTooLong ? 'alert' : 'offline';
}
