import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionStore } from '../lib/connection.ts';

/** "5 s", "2 min", "1 h 5 min" (whole units, cut off); null under a second. */
function offlineFor(ms: number): string | null {
  const seconds = Math.floor(ms / 1000);
  if (!(seconds >= 1)) return null;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
}

/**
 * The live connection's state, in words. Hidden while connected; "Connecting…" before the first
 * connection, "Reconnecting…" after a loss (the client retries forever), with the time offline once
 * a whole second has passed ("offline 5 s", "offline 2 min", "offline 1 h 5 min"), and a plain refusal when the server rejected the token. A polite live region, so screen readers hear it.
 */
export function ReconnectIndicator({
  connection,
  now = Date.now,
}: {
  connection: ConnectionStore;
  now?: () => number;
}) {
  const state = useSyncExternalStore(connection.subscribe, connection.getState);
  const [, tick] = useState(0);
  const offline = state.phase === 'reconnecting';
  useEffect(() => {
    if (!offline) return undefined;
    const timer = setInterval(() => tick((n) => n + 1), 1000);
    return () => clearInterval(timer);
  }, [offline]);

  let text: string | null = null;
  if (state.phase === 'connecting') text = 'Connecting…';
  else if (state.phase === 'reconnecting') {
    const duration = offlineFor(now() - state.since);
    text = duration ? `Reconnecting… (offline ${duration})` : 'Reconnecting…';
  } else if (state.phase === 'failed')
    text = `Live updates stopped: ${state.reason ?? 'the server refused the token'}`;

  return (
    <div
      className={`connection connection-${state.phase}`}
      role="status"
      aria-live="polite"
      data-phase={state.phase}
      hidden={text === null}
    >
      {text ? (
        <>
          <span className="connection-dot" aria-hidden="true" />
          {text}
        </>
      ) : null}
    </div>
  );
}
