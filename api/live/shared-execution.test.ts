import { describe, expect, it } from 'vitest';
import { RawPayload, rawReplacer, spliceRaw } from './shared-execution.ts';

/** What graphql-ws does with a payload: stringify the message with our replacer, then send. */
const frame = (id: string, payload: RawPayload) =>
  spliceRaw(JSON.stringify({ id, type: 'next', payload }, rawReplacer));

describe('shared payload splicing', () => {
  it('puts the shared JSON, byte for byte, into each subscriber’s own frame', () => {
    const data = {
      data: { leaderboardChanged: { entries: [{ name: 'Zoë Ångström 🏆', revenue: '1.00' }] } },
    };
    const payload = new RawPayload(JSON.stringify(data));
    for (const id of ['1', 'ü-ñ-€-2', '0d1e5a4b-6c2f-4e8a-9b3d-7f1a2c3e4d5f']) {
      const bytes = frame(id, payload);
      expect(Buffer.isBuffer(bytes)).toBe(true);
      expect(JSON.parse((bytes as Buffer).toString('utf8'))).toEqual({ id, type: 'next', payload: data });
    }
  });

  it('leaves every other message alone, even one quoting a placeholder-like string', () => {
    const other = JSON.stringify({ id: '1', type: 'next', payload: { data: { x: '__pulse_raw_x__' } } });
    expect(spliceRaw(other)).toBe(other);
    // a payload whose send never happened (socket closed) is not spliced into the next message
    JSON.stringify({ id: '1', type: 'next', payload: new RawPayload('{"data":1}') }, rawReplacer);
    const complete = JSON.stringify({ id: '1', type: 'complete' });
    expect(spliceRaw(complete)).toBe(complete);
    expect(spliceRaw(other)).toBe(other);
  });
});
