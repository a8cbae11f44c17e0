/**
 * A paired screen's layout, kept by the server and pushed (issue 15): the `myScreen`
 * subscription answers at once with the boards it rotates, their order, seconds per board, the
 * period and a pinned board, and again after each change an admin or manager makes on the
 * Screens page, so the TV follows without a reload. With it come the screen's settings: its
 * team's goals as one more board when its admin allows them (showGoals), and what it celebrates. Only paired screens ask (a screen credential
 * may only follow its own screen); a `?token=` (legacy) or signed-in TV keeps its URL parameters.
 */
import type { MyScreenSubscription, MyScreenSubscriptionVariables } from '../gql/graphql.ts';
import { operation, useSubscription, type LiveError } from './live.ts';
import type { TvOptions } from './options.ts';

export const MY_SCREEN = operation<MyScreenSubscription, MyScreenSubscriptionVariables>(/* GraphQL */ `
  subscription MyScreen {
    myScreen {
      boards
      secondsPerBoard
      periodType
      pinned
      showGoals
      showContests
      celebrations
      saleAmount
      sound
    }
  }
`);

export type ScreenLayout = Omit<MyScreenSubscription['myScreen'], '__typename'>;

/**
 * The URL's options with the layout applied: its boards in its order (then its team's goals when
 * shown), its period, its seconds per board; pinned: that board alone. Its contests (showContests)
 * join the rotation as they come (TvScreen). The team is the screen's
 * own (set when it was paired). Its celebrations as set.
 */
export function optionsOfLayout(options: TvOptions, layout: ScreenLayout): TvOptions {
  return {
    ...options,
    teamId: null,
    first: layout.pinned ?? layout.boards[0] ?? null,
    boards: layout.pinned
      ? [layout.pinned]
      : [...layout.boards, ...(layout.showGoals ? (['GOALS'] as const) : [])],
    rotateSeconds: layout.pinned ? 0 : layout.secondsPerBoard,
    periodType: layout.periodType,
    goals: layout.showGoals,
    contests: layout.showContests,
    celebrate: { kinds: [...layout.celebrations], saleAmount: layout.saleAmount, sound: layout.sound },
  };
}

/** The screen's layout as last pushed (undefined until the first), or why not. */
export function useScreenLayout(): { layout: ScreenLayout | undefined; error: LiveError | undefined } {
  const result = useSubscription(MY_SCREEN, {});
  return { layout: result.data?.myScreen, error: result.error };
}
