import { describe, expect, it } from 'vitest';
import { RawPayload, stagedCount } from '../../live/shared-execution.ts';
import { splice } from './splice.ts';

/** What graphql-ws does with an onNext result: stringify the message, then send it at once. */
const message = (id: string, payload: unknown) => JSON.stringify({ id, type: 'next', payload });

describe('splice', () => {
  const data = { data: { leaderboardChanged: { entries: [{ name: 'Zoë Ångström 🏆', revenue: '1.00' }] } } };

  it('puts the payload’s JSON, byte for byte, into each frame around its own id', () => {
    const payload = new RawPayload(JSON.stringify(data));
    for (const id of ['1', 'ü-ñ-€-2', 'quote"and\\slash']) {
      const frame = splice(message(id, payload));
      expect(Buffer.isBuffer(frame)).toBe(true);
      const text = (frame as Buffer).toString('utf8');
      expect(text).toBe(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload.json}}`);
      expect(JSON.parse(text)).toEqual({ id, type: 'next', payload: data });
    }
    expect(stagedCount()).toBe(0);
  });

  it('leaves every other frame alone, and a payload never outlives the frame it was stringified into', () => {
    const other = message('1', { data: { x: '__pulse_raw_x__' } });
    expect(splice(other)).toBe(other);
    const complete = JSON.stringify({ id: '1', type: 'complete' });
    // stringified but its frame not sent: the next frame does not take it
    JSON.stringify({ payload: new RawPayload('{"data":1}') });
    expect(stagedCount()).toBe(1);
    expect(splice(complete)).toBe(complete);
    expect(stagedCount()).toBe(0);
    expect(splice(other)).toBe(other);
  });
});
