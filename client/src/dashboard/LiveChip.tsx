/**
 * The "Live" chip of a live view, truthful: green "Live" only while the socket is connected;
 * "Offline" (with the reconnect indicator's wording) while it is down, since nothing is pushed
 * then; "Connecting…" before the first connection. And what a live view shows while it waits for
 * its first frame: "Loading…" when connected, "offline" when not — never an endless "Loading…".
 */
import { useConnectionPhase } from './connectionState.ts';

export function LiveChip() {
  const phase = useConnectionPhase();
  if (phase === 'connected')
    return (
      <span className="live-chip" data-phase={phase} title="Updates as activity is recorded">
        <span className="live-dot" aria-hidden="true" /> Live
      </span>
    );
  const text =
    phase === 'connecting' ? 'Connecting…' : phase === 'failed' ? 'Not live' : 'Offline — not updating';
  return (
    <span
      className="live-chip offline"
      data-phase={phase}
      title={
        phase === 'failed'
          ? 'The server refused the live connection: sign in again.'
          : 'The live connection is down: figures shown may be out of date until it is back.'
      }
    >
      <span className="live-dot" aria-hidden="true" /> {text}
    </span>
  );
}

/** In place of a live view's content until its first frame. */
export function LivePending({ what }: { what: string }) {
  const phase = useConnectionPhase();
  if (phase === 'connected' || phase === 'connecting') return <p className="muted">Loading…</p>;
  return (
    <p className="error offline-notice" role="alert">
      {phase === 'failed'
        ? `Could not load ${what}: the server refused the live connection. Sign in again.`
        : `Could not load ${what}: the connection to the server is down. It loads by itself once the connection is back.`}
    </p>
  );
}
