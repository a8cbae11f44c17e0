import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import { cookieOriginAllowed, originAllowed } from './origin.ts';

const upgrade = (origin?: string) =>
  ({ headers: { host: 'pulse.example:4000', ...(origin ? { origin } : {}) } }) as IncomingMessage;

describe('which pages may open a socket, and which may sign it in by cookie', () => {
  it('lets any listed origin or the wildcard open one, but only named or own pages use the cookie', () => {
    const cases: [string | undefined, readonly string[], boolean, boolean][] = [
      // origin, ALLOWED_ORIGINS, may open, may use the cookie
      [undefined, [], true, true],
      ['http://pulse.example:4000', [], true, true],
      ['http://evil.example', [], false, false],
      ['http://evil.example', ['*'], true, false],
      ['https://crm.example', ['https://crm.example'], true, true],
      ['https://crm.example', ['*', 'https://other.example'], true, false],
      ['not a url', [], false, false],
    ];
    for (const [origin, allowed, open, cookie] of cases) {
      expect([origin, originAllowed(upgrade(origin), allowed)]).toEqual([origin, open]);
      expect([origin, cookieOriginAllowed(upgrade(origin), allowed)]).toEqual([origin, cookie]);
    }
  });
});
