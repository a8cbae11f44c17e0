/**
 * A screen's health on the Screens page (issue 15): online now (it has an open socket on some
 * server process), offline, or offline longer than SCREEN_OFFLINE_AFTER (flagged), then the client
 * version and screen size its TV last reported and how often it reconnected in the last 24 hours.
 * A revoked screen shows none of it. The page asks again every half minute.
 */
import { healthState, type ScreenHealthInfo } from './screens.ts';

const STATE_WORDS = { online: 'online', offline: 'offline', alert: 'offline too long' } as const;

export function ScreenHealth({ active, health }: { active: boolean; health: ScreenHealthInfo }) {
  const state = healthState(active, health);
  if (!state) return null;
  const details = [
    health.clientVersion ? `v${health.clientVersion}` : null,
    health.resolution,
    `${health.reconnects24h} reconnect${health.reconnects24h === 1 ? '' : 's'} in 24 h`,
  ].filter(Boolean);
  return (
    <span className="screen-health">
      <span className={`screen-state ${state}`}>{STATE_WORDS[state]}</span>
      <span className="screen-when">{details.join(' · ')}</span>
    </span>
  );
}
