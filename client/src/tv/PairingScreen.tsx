/**
 * What a TV with no credential shows (issue 15): a pairing code, big enough to read across the
 * room, how to enter it in Pulse, and how long it is good for. Underneath, one loop while mounted:
 * start a pairing, poll every `poll_ms` until the code is claimed (then `onPaired` with the
 * screen's token), and when the code expires or is over, start a new one without anyone touching
 * the TV; throttled (429) it waits the Retry-After, unreachable it tries again. The loop and its
 * timers end on unmount (an AbortController), so nothing keeps polling once the board shows.
 */
import { useEffect, useRef, useState } from 'react';
import { pollPairing, startPairing } from './pairing.ts';

/** While the server cannot be reached, ask again at this pace. */
export const RETRY_MS = 10_000;

type View =
  | { kind: 'starting' }
  | { kind: 'code'; code: string; deadline: number }
  | { kind: 'busy'; until: number }
  | { kind: 'unreachable' };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        resolve();
      },
      { once: true },
    );
  });
}

/** "9:05": minutes and seconds left. */
export function formatLeft(ms: number): string {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
}

function useNow(active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [active]);
  return now;
}

export function PairingScreen({
  onPaired,
  fetchImpl = fetch,
}: {
  onPaired: (token: string) => void;
  fetchImpl?: typeof fetch;
}) {
  const [view, setView] = useState<View>({ kind: 'starting' });
  const paired = useRef(onPaired);
  useEffect(() => {
    paired.current = onPaired;
  });

  useEffect(() => {
    const abort = new AbortController();
    const { signal } = abort;
    const run = async () => {
      while (!signal.aborted) {
        const started = await startPairing(fetchImpl, signal);
        if (signal.aborted) return;
        if (started.kind === 'busy') {
          setView({ kind: 'busy', until: Date.now() + started.retryMs });
          await sleep(started.retryMs, signal);
          continue;
        }
        if (started.kind === 'unreachable') {
          setView({ kind: 'unreachable' });
          await sleep(RETRY_MS, signal);
          continue;
        }
        const { code, secret, deadline, pollMs } = started.pairing;
        setView({ kind: 'code', code, deadline });
        // until claimed, or over (expired, used): then round the outer loop for a new code
        while (!signal.aborted && Date.now() < deadline) {
          await sleep(Math.min(pollMs, Math.max(0, deadline - Date.now())), signal);
          if (signal.aborted) return;
          const answer = await pollPairing(secret, fetchImpl, signal);
          if (signal.aborted) return;
          if (answer.kind === 'paired') {
            paired.current(answer.token);
            return;
          }
          if (answer.kind === 'over') break;
        }
      }
    };
    void run();
    return () => abort.abort();
  }, [fetchImpl]);

  const now = useNow(view.kind === 'code' || view.kind === 'busy');

  return (
    <main className="tv tv-pairing" aria-labelledby="tv-pairing-title">
      <h1 id="tv-pairing-title" className="tv-pairing-title">
        <span className="brand-mark" aria-hidden="true" /> Pulse TV: pair this screen
      </h1>
      {view.kind === 'code' ? (
        <>
          <p className="tv-pairing-code">
            <span className="visually-hidden">Pairing code: </span>
            {view.code}
          </p>
          <p className="tv-pairing-how">
            In Pulse, open <strong>Screens → Pair a screen</strong> and enter this code.
          </p>
          <p className="tv-pairing-valid" role="status">
            {view.deadline > now
              ? `Valid for ${formatLeft(view.deadline - now)} — a new code then shows by itself.`
              : 'A new code is on its way…'}
          </p>
        </>
      ) : view.kind === 'busy' ? (
        <p className="tv-pairing-how" role="status">
          Too many pairing codes from this network just now: a new one shows in {formatLeft(view.until - now)}
          .
        </p>
      ) : view.kind === 'unreachable' ? (
        <p className="tv-pairing-how" role="alert">
          Cannot reach the Pulse server; trying again every {RETRY_MS / 1000} seconds.
        </p>
      ) : (
        <p className="tv-pairing-how" role="status">
          Getting a pairing code…
        </p>
      )}
    </main>
  );
}
