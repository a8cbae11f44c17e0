/**
 * What a TV shows, from its URL: /tv?token=…&metric=REVENUE&team=2&rotate=0&period=MONTHLY.
 * - metric: REVENUE | ORDERS | CONVERSION_RATE | WIN_RATE | GOALS: the first (or only) screen;
 * - team: a team id: boards, goals and celebrations of that team only;
 * - rotate: seconds per screen (default 20); 0 pins the screen;
 * - period: DAILY | WEEKLY | MONTHLY (default) | QUARTERLY | YEARLY;
 * - token: a bearer token, legacy (else the screen token from pairing, else the one this browser
 *   signed in with; with none, the pairing screen: TvApp.tsx).
 */
import type { CelebrationKind, LeaderboardMetric, PeriodType } from '../gql/graphql.ts';
import { PERIOD_TYPES } from '../lib/periods.ts';

export type Screen = LeaderboardMetric | 'GOALS';

export interface TvOptions {
  token: string | null;
  first: Screen | null;
  teamId: string | null;
  rotateSeconds: number;
  periodType: PeriodType;
  /** A paired screen's boards, in its layout's order (layout.ts); absent: the URL's rotation. */
  boards?: readonly Screen[];
  /** A paired screen's: its credential may read its team's goals (showGoals). */
  goals?: boolean;
  /** A paired screen's: its contests join the rotation (showContests). */
  contests?: boolean;
  /** A paired screen's celebrations (layout.ts); absent: badges only, as before pairing existed. */
  celebrate?: CelebrationSettings;
}

/** What interrupts the rotation with a card, from what amount a sale does, and the chime. */
export interface CelebrationSettings {
  kinds: readonly CelebrationKind[];
  saleAmount: number;
  sound: boolean;
}

/** A TV with a `?token=` or a session (not paired): a card for each badge, silent. */
export const URL_CELEBRATIONS: CelebrationSettings = { kinds: ['BADGE'], saleAmount: 0, sound: false };

const SCREENS: readonly Screen[] = ['REVENUE', 'ORDERS', 'CONVERSION_RATE', 'WIN_RATE', 'GOALS'];
export const DEFAULT_ROTATE_SECONDS = 20;

export function parseTvOptions(search: string): TvOptions {
  const params = new URLSearchParams(search);
  const metric = params.get('metric')?.toUpperCase() ?? null;
  const period = params.get('period')?.toUpperCase() ?? null;
  const rotate = params.get('rotate');
  const seconds = rotate === null || rotate.trim() === '' ? DEFAULT_ROTATE_SECONDS : Number(rotate);
  const team = params.get('team')?.trim() ?? '';
  return {
    token: params.get('token')?.trim() || null,
    first: SCREENS.includes(metric as Screen) ? (metric as Screen) : null,
    teamId: /^\d+$/.test(team) ? team : null,
    rotateSeconds: Number.isFinite(seconds) && seconds > 0 ? Math.max(5, seconds) : 0,
    periodType: PERIOD_TYPES.includes(period as PeriodType) ? (period as PeriodType) : 'MONTHLY',
  };
}

/**
 * The screens in rotation: a paired screen's layout as it says; else the three boards of the spec
 * (plus win rate when asked for), then the team's goals when the token may read goals (a VIEWER
 * may not). Pinned: just the first screen.
 */
export function screensFor(options: TvOptions, canReadGoals: boolean): Screen[] {
  if (options.boards?.length)
    return options.rotateSeconds === 0 ? options.boards.slice(0, 1) : [...options.boards];
  const all: Screen[] = ['REVENUE', 'ORDERS', 'CONVERSION_RATE'];
  if (options.first === 'WIN_RATE') all.push('WIN_RATE');
  if (canReadGoals) all.push('GOALS');
  const first = options.first === 'GOALS' && !canReadGoals ? 'REVENUE' : (options.first ?? 'REVENUE');
  if (options.rotateSeconds === 0) return [first];
  const start = Math.max(0, all.indexOf(first));
  return [...all.slice(start), ...all.slice(0, start)];
}
