/**
 * The TV's pairing (issue 15) against a scripted server: the code shows with its time left, the
 * poll runs every poll_ms until the code is claimed (then the screen's token is handed over and
 * polling stops), an expired code is replaced by a new pairing without a reload, a throttled start
 * waits the Retry-After; and the stored screen token is only forgotten as itself.
 */
import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { formatLeft, PairingScreen } from './PairingScreen.tsx';
import {
  deadlineOf,
  forgetScreenToken,
  getScreenToken,
  saveScreenToken,
  SCREEN_TOKEN_KEY,
} from './pairing.ts';

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

type Answer = () => Response;

/** A fetch answering each path from its own queue, recording the calls. */
function scripted(answers: Record<string, Answer[]>) {
  const calls: { path: string; body: unknown }[] = [];
  const fetchImpl = vi.fn((input: string, init?: { body?: string }) => {
    calls.push({ path: input, body: init?.body ? JSON.parse(init.body) : null });
    const next = answers[input]?.shift();
    return next ? Promise.resolve(next()) : Promise.reject(new TypeError('Failed to fetch'));
  }) as unknown as typeof fetch;
  return { fetchImpl, calls };
}

const START = '/auth/screen-pairings';
const POLL = '/auth/screen-pairings/poll';

function pairing(code: string, secret: string, validMs = 600_000) {
  return () =>
    json(201, {
      code,
      secret,
      expires_at: new Date(Date.now() + validMs).toISOString(),
      poll_ms: 2000,
    });
}
const waiting = (code: string) => () => json(200, { status: 'waiting', code, expires_at: 'x' });

describe('PairingScreen', () => {
  beforeEach(() => {
    vi.useFakeTimers({ now: Date.parse('2030-01-01T09:00:00Z') });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows the code and its time left, polls every poll_ms, and hands over the token once paired', async () => {
    const { fetchImpl, calls } = scripted({
      [START]: [pairing('K7QM-2XPD', 's1')],
      [POLL]: [
        waiting('K7QM-2XPD'),
        () => json(200, { status: 'paired', token: 'pulse_screen', screen: { name: 'Lobby' } }),
      ],
    });
    const onPaired = vi.fn();
    render(<PairingScreen onPaired={onPaired} fetchImpl={fetchImpl} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText('K7QM-2XPD')).toBeInTheDocument();
    expect(screen.getByText(/Screens → Pair a screen/)).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Valid for 10:00');
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(calls.filter((c) => c.path === POLL)).toEqual([{ path: POLL, body: { secret: 's1' } }]);
    expect(screen.getByRole('status')).toHaveTextContent('Valid for 9:58');
    expect(onPaired).not.toHaveBeenCalled();
    await act(() => vi.advanceTimersByTimeAsync(2000));
    expect(onPaired).toHaveBeenCalledWith('pulse_screen');
    await act(() => vi.advanceTimersByTimeAsync(10_000));
    expect(calls).toHaveLength(3); // no poll after the token
  });

  it('starts a new pairing when the code is over (404) or its time is up', async () => {
    const { fetchImpl, calls } = scripted({
      [START]: [pairing('AAAA-BBBB', 's1'), pairing('CCCC-DDDD', 's2', 3000), pairing('EEEE-FFFF', 's3')],
      [POLL]: [() => json(404, { error: { code: 'NOT_FOUND' } }), waiting('CCCC-DDDD'), waiting('CCCC-DDDD')],
    });
    render(<PairingScreen onPaired={vi.fn()} fetchImpl={fetchImpl} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByText('AAAA-BBBB')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(2000)); // 404: a new code
    expect(screen.getByText('CCCC-DDDD')).toBeInTheDocument();
    await act(() => vi.advanceTimersByTimeAsync(3000)); // one poll at 2 s, then the code's 3 s are up
    expect(screen.getByText('EEEE-FFFF')).toBeInTheDocument();
    expect(calls.map((c) => c.path)).toEqual([START, POLL, START, POLL, POLL, START]);
  });

  it('waits the Retry-After when pairings are throttled, and retries when the server is unreachable', async () => {
    const { fetchImpl, calls } = scripted({
      [START]: [() => json(429, { error: { code: 'TOO_MANY' } }, { 'retry-after': '30' })],
    });
    render(<PairingScreen onPaired={vi.fn()} fetchImpl={fetchImpl} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('status')).toHaveTextContent('a new one shows in 0:30');
    await act(() => vi.advanceTimersByTimeAsync(29_000));
    expect(calls).toHaveLength(1);
    await act(() => vi.advanceTimersByTimeAsync(1000)); // then the scripted server has gone
    expect(screen.getByRole('alert')).toHaveTextContent('Cannot reach the Pulse server');
    expect(calls).toHaveLength(2);
  });

  it('stops polling when unmounted', async () => {
    const { fetchImpl, calls } = scripted({ [START]: [pairing('AAAA-BBBB', 's1')], [POLL]: [] });
    const { unmount } = render(<PairingScreen onPaired={vi.fn()} fetchImpl={fetchImpl} />);
    await act(() => vi.advanceTimersByTimeAsync(0));
    unmount();
    await act(() => vi.advanceTimersByTimeAsync(60_000));
    expect(calls).toHaveLength(1);
  });
});

describe('pairing helpers', () => {
  it('counts the time left by the server’s clock, not the screen’s', () => {
    const now = Date.parse('2030-01-01T09:00:00Z'); // this screen is an hour ahead of the server
    const deadline = deadlineOf('2029-12-31T23:10:00Z', 'Mon, 31 Dec 2029 23:00:00 GMT', now);
    expect(deadline - now).toBe(599_001); // the header's second taken at its end
    expect(deadlineOf('2030-01-01T09:05:00Z', null, now) - now).toBe(300_000);
    expect(deadlineOf('nonsense', null, now)).toBe(now);
    expect(formatLeft(599_001)).toBe('10:00');
    expect(formatLeft(61_000)).toBe('1:01');
    expect(formatLeft(-5)).toBe('0:00');
  });

  it('keeps the screen token under its own key and forgets it only as itself', () => {
    saveScreenToken('pulse_one');
    expect(localStorage.getItem(SCREEN_TOKEN_KEY)).toBe('pulse_one');
    expect(localStorage.getItem('pulse.token')).toBeNull();
    forgetScreenToken('pulse_old');
    expect(getScreenToken()).toBe('pulse_one');
    forgetScreenToken('pulse_one');
    expect(getScreenToken()).toBeNull();
    expect(localStorage.getItem(SCREEN_TOKEN_KEY)).toBeNull();
  });
});
