import { describe, expect, it } from 'vitest';
import { RawPayload } from '../../live/shared-execution.ts';
import { Splicer } from './splice.ts';

/** What graphql-ws does with an onNext result: stringify the message (later, maybe), then send. */
const message = (id: string, payload: unknown) => JSON.stringify({ id, type: 'next', payload });

describe('Splicer', () => {
  const data = { data: { leaderboardChanged: { entries: [{ name: 'Zoë Ångström 🏆', revenue: '1.00' }] } } };

  it('puts the held JSON, byte for byte, into each frame around its own id', () => {
    const splicer = new Splicer();
    const payload = new RawPayload(JSON.stringify(data));
    for (const id of ['1', 'ü-ñ-€-2', 'quote"and\\slash']) {
      const frame = splicer.splice(message(id, splicer.hold(payload)));
      expect(Buffer.isBuffer(frame)).toBe(true);
      const text = (frame as Buffer).toString('utf8');
      expect(text).toBe(`{"id":${JSON.stringify(id)},"type":"next","payload":${payload.json}}`);
      expect(JSON.parse(text)).toEqual({ id, type: 'next', payload: data });
    }
    expect(splicer.size).toBe(0);
  });

  it('finds each payload by its token, whatever order the frames are stringified and sent in', () => {
    const splicer = new Splicer();
    const first = splicer.hold(new RawPayload('{"data":1}'));
    const second = splicer.hold(new RawPayload('{"data":2}'));
    const frames = [message('b', second), message('a', first)];
    expect(splicer.splice(frames[0]!).toString()).toBe('{"id":"b","type":"next","payload":{"data":2}}');
    expect(splicer.splice(frames[1]!).toString()).toBe('{"id":"a","type":"next","payload":{"data":1}}');
    expect(splicer.size).toBe(0);
  });

  it('leaves every other frame alone, and forgets what it held on clear', () => {
    const splicer = new Splicer();
    const other = message('1', { data: { x: '__pulse_raw_x__' } });
    expect(splicer.splice(other)).toBe(other);
    splicer.hold(new RawPayload('{"data":1}'));
    const complete = JSON.stringify({ id: '1', type: 'complete' });
    expect(splicer.splice(complete)).toBe(complete);
    expect(splicer.splice(other)).toBe(other);
    // another socket's token is not this socket's
    const foreign = new Splicer();
    const frame = message('1', foreign.hold(new RawPayload('{"data":2}')));
    expect(splicer.splice(frame)).toBe(frame);
    expect(splicer.size).toBe(1);
    splicer.clear();
    expect(splicer.size).toBe(0);
  });
});
