import { act, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { THROTTLE_MS, useRefetchOnChange } from './liveFigures.ts';

function Probe({ version, refetch }: { version: string | null; refetch: () => Promise<unknown> }) {
  useRefetchOnChange(version, refetch);
  return null;
}

describe('useRefetchOnChange', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('ignores the first version (the query has just loaded) and refetches on the next', () => {
    const refetch = vi.fn(() => Promise.resolve());
    const { rerender } = render(<Probe version={null} refetch={refetch} />);
    rerender(<Probe version="v1" refetch={refetch} />);
    expect(refetch).not.toHaveBeenCalled();
    rerender(<Probe version="v2" refetch={refetch} />);
    expect(refetch).toHaveBeenCalledTimes(1);
    rerender(<Probe version="v2" refetch={refetch} />); // the same version again: nothing
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it('refetches at most once per interval, and once more after a burst', () => {
    const refetch = vi.fn(() => Promise.resolve());
    const { rerender } = render(<Probe version="v1" refetch={refetch} />);
    rerender(<Probe version="v2" refetch={refetch} />);
    expect(refetch).toHaveBeenCalledTimes(1); // leading
    for (let v = 3; v < 20; v++) rerender(<Probe version={`v${v}`} refetch={refetch} />);
    expect(refetch).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(THROTTLE_MS - 1);
    });
    expect(refetch).toHaveBeenCalledTimes(1);
    act(() => {
      vi.advanceTimersByTime(1);
    });
    expect(refetch).toHaveBeenCalledTimes(2); // trailing: the burst's newest figures
    act(() => {
      vi.advanceTimersByTime(10 * THROTTLE_MS);
    });
    expect(refetch).toHaveBeenCalledTimes(2);
    rerender(<Probe version="v20" refetch={refetch} />);
    expect(refetch).toHaveBeenCalledTimes(3); // quiet for long enough: at once again
  });

  it('calls the newest refetch (new variables) and leaves no timer behind on unmount', () => {
    const first = vi.fn(() => Promise.resolve());
    const second = vi.fn(() => Promise.reject(new Error('offline'))); // errors are the query's to show
    const { rerender, unmount } = render(<Probe version="v1" refetch={first} />);
    rerender(<Probe version="v2" refetch={first} />);
    rerender(<Probe version="v3" refetch={second} />);
    act(() => {
      vi.advanceTimersByTime(THROTTLE_MS);
    });
    expect(first).toHaveBeenCalledTimes(1);
    expect(second).toHaveBeenCalledTimes(1);
    rerender(<Probe version="v4" refetch={second} />);
    unmount();
    act(() => {
      vi.advanceTimersByTime(10 * THROTTLE_MS);
    });
    expect(second).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
