/**
 * A paired TV (issue 15): the live screen with the layout the server pushes (layout.ts), so a
 * change on the Screens page shows within a second, without a reload. Until the first layout
 * arrives (or when the server cannot send one), the URL's options are used; the screen's own
 * team is always the one shown (the server reads it no other).
 */
import type { ComponentProps } from 'react';
import { optionsOfLayout, useScreenLayout } from './layout.ts';
import { TvScreen } from './TvScreen.tsx';

export function PairedTvScreen(props: ComponentProps<typeof TvScreen>) {
  const { layout } = useScreenLayout();
  const options = layout ? optionsOfLayout(props.options, layout) : { ...props.options, teamId: null };
  return <TvScreen {...props} options={options} ownTeam />;
}
