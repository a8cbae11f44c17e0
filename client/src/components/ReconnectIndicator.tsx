import { useEffect, useState, useSyncExternalStore } from 'react';
import type { ConnectionStore } from '../lib/connection.ts';

/**
 * The live connection's state, in words. Hidden while connected; "Connecting…" before the first
 * connection, "Reconnecting…" with the time offline after a loss (the client retries forever), and
 * a plain refusal when the server rejected the token. A polite live region, so screen readers hear it.
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
    const seconds = Math.max(0, Math.round((now() - state.since) / 1000));
    text = `Reconnecting… (offline ${seconds} s)`;
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
