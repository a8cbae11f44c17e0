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
    expect(status).toHaveTextContent('Reconnecting… (offline 0 s)');
    act(() => store.connecting());
    act(() => {
      vi.advanceTimersByTime(3000);
    });
    expect(status).toHaveTextContent('Reconnecting… (offline 3 s)');
    act(() => store.connected());
    expect(status).not.toBeVisible();
    expect(store.getState().epoch).toBe(2);
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
