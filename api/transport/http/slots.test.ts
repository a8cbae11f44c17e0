import { describe, expect, it } from 'vitest';
import { HttpRefusal } from '../rest/respond.ts';
import { RETRY_AFTER_SECONDS, Slots } from './slots.ts';

describe('Slots', () => {
  it('gives at most the per-user number to one person and the total to all, and frees on release', () => {
    const slots = new Slots('reports', 2, 1);
    const a = slots.take(1);
    expect(a).not.toBeNull();
    expect(slots.take(1)).toBeNull(); // one of theirs at a time
    const b = slots.take(2);
    expect(b).not.toBeNull();
    expect(slots.take(3)).toBeNull(); // two in all
    a!();
    a!(); // a second release frees nothing more
    expect(slots.take(2)).toBeNull();
    const c = slots.take(3);
    expect(c).not.toBeNull();
    expect(slots.take(1)).toBeNull();
    b!();
    expect(slots.take(1)).not.toBeNull();
  });

  it('refuses beyond the limit with a 429 that names the work, the limits and when to come back', () => {
    const slots = new Slots('reports', 4, 1);
    slots.takeOrRefuse(7);
    let refusal: unknown;
    try {
      slots.takeOrRefuse(7);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(HttpRefusal);
    const r = refusal as HttpRefusal;
    expect(r.status).toBe(429);
    expect(r.headers).toEqual({ 'retry-after': String(RETRY_AFTER_SECONDS) });
    expect(r.error.message).toBe(
      `Too many reports are running (at most 1 of yours, 4 in all); try again in ${RETRY_AFTER_SECONDS} s.`,
    );
    expect(r.error.code).toBe('CONFLICT');
  });
});
