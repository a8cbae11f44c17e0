import { act, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createConnectionStore } from '../lib/connection.ts';
import { ReconnectIndicator } from './ReconnectIndicator.tsx';

describe('ReconnectIndicator', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('says connecting before the first connection, then hides', () => {
    const store = createConnectionStore();
    render(<ReconnectIndicator connection={store} />);
    const status = screen.getByRole('status', { hidden: true });
    expect(status).toHaveTextContent('Connecting…');
    expect(status).toHaveAttribute('data-phase', 'connecting');
    act(() => store.connected());
    expect(status).not.toBeVisible();
    expect(status).toHaveAttribute('data-phase', 'connected');
  });

  it('shows reconnecting with the time offline after a lost connection, and recovers', () => {
    const store = createConnectionStore();
    store.connected();
    render(<ReconnectIndicator connection={store} />);
    act(() => store.closed(1006, ''));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent(/^Reconnecting…$/); // no "offline 0 s"
    act(() => store.connecting());
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(status).toHaveTextContent('Reconnecting… (offline 3 s)');
    act(() => store.connected());
    expect(status).not.toBeVisible();
    expect(store.getState().epoch).toBe(2);
  });

  it('names no duration under a second, then seconds, minutes and hours', () => {
    let clock = 1_000_000;
    const now = () => clock;
    const store = createConnectionStore(now);
    store.connected();
    render(<ReconnectIndicator connection={store} now={now} />);
    act(() => store.closed(1006, ''));
    const status = screen.getByRole('status');
    const at = (ms: number) => {
      clock = 1_000_000 + ms;
      act(() => {
        vi.advanceTimersByTime(1000);
      });
      return status.textContent;
    };
    expect(status.textContent).toBe('Reconnecting…');
    expect(at(999)).toBe('Reconnecting…');
    expect(at(1000)).toBe('Reconnecting… (offline 1 s)');
    expect(at(5_400)).toBe('Reconnecting… (offline 5 s)');
    expect(at(59_999)).toBe('Reconnecting… (offline 59 s)');
    expect(at(60_000)).toBe('Reconnecting… (offline 1 min)');
    expect(at(2 * 60_000 + 59_000)).toBe('Reconnecting… (offline 2 min)');
    expect(at(59 * 60_000)).toBe('Reconnecting… (offline 59 min)');
    expect(at(3_600_000)).toBe('Reconnecting… (offline 1 h)');
    expect(at(3_600_000 + 5 * 60_000)).toBe('Reconnecting… (offline 1 h 5 min)');
    expect(status.textContent).not.toMatch(/\b0 s\b/);
  });

  it('stops its timer once connected again (nothing leaks over weeks)', () => {
    const store = createConnectionStore();
    store.connected();
    const { unmount } = render(<ReconnectIndicator connection={store} />);
    act(() => store.closed(1001, 'Going away'));
    expect(vi.getTimerCount()).toBe(1);
    act(() => store.connected());
    expect(vi.getTimerCount()).toBe(0);
    act(() => store.closed(1006, ''));
    unmount();
    expect(vi.getTimerCount()).toBe(0);
  });

  it('says plainly when the server refused the token', () => {
    const store = createConnectionStore();
    render(<ReconnectIndicator connection={store} />);
    act(() => store.closed(4401, 'Token expired'));
    expect(screen.getByRole('status')).toHaveTextContent('Live updates stopped: Token expired');
    act(() => store.connecting()); // no retry is shown as a reconnection once refused
    expect(screen.getByRole('status')).toHaveAttribute('data-phase', 'failed');
  });
});
