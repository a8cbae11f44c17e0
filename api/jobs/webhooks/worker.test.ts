import { describe, expect, it } from 'vitest';
import { sign } from './deliver.ts';
import { retryDelay } from './worker.ts';

describe('retryDelay', () => {
  it('doubles from the base per attempt, within +-20 % jitter, capped at an hour', () => {
    expect([1, 2, 3, 4].map((n) => retryDelay(n, 1000, () => 0.5))).toEqual([1000, 2000, 4000, 8000]);
    expect(retryDelay(3, 1000, () => 0)).toBe(3200);
    expect(retryDelay(3, 1000, () => 1)).toBe(4800);
    expect(retryDelay(40, 1000, () => 0.5)).toBe(3_600_000);
  });
});

describe('sign', () => {
  it('is sha256= and the hex HMAC-SHA256 of the raw body (the well-known example)', () => {
    expect(sign('key', 'The quick brown fox jumps over the lazy dog')).toBe(
      'sha256=f7bc83f430538424b13298e6aa6fb143ef4d59a14946175997479dbc2d1a3cd8',
    );
  });
});
