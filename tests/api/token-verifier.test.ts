/**
 * The HTTP token check remembers tokens that passed, and refuses a remembered token from the same
 * second a fresh verification would; failures are never remembered.
 */
import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import { createTokenVerifier, signToken, verifyToken } from '../../api/core/auth.ts';

const SECRET = 'token-verifier-test-secret-0123456789abcdef';

describe('createTokenVerifier', () => {
  it('returns what verifyToken returns, and the same again from memory', async () => {
    const token = await signToken(SECRET, 'Alice@Example.com', '1h');
    const verify = createTokenVerifier(SECRET);
    const fresh = await verifyToken(SECRET, token);
    expect(await verify(token)).toEqual(fresh);
    expect(await verify(token)).toEqual(fresh);
    expect(fresh.email).toBe('alice@example.com');
  });

  it('refuses a remembered token once it expired, with the message verifyToken gives', async () => {
    const exp = Math.floor(Date.now() / 1000) + 5;
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .setSubject('bob@example.com')
      .setIssuer('pulse')
      .setExpirationTime(exp)
      .sign(new TextEncoder().encode(SECRET));
    let offset = 0;
    const verify = createTokenVerifier(SECRET, { now: () => Date.now() + offset });
    expect((await verify(token)).expiresAt).toBe(exp);
    offset = exp * 1000 - Date.now() - 1; // the last millisecond before exp
    expect((await verify(token)).email).toBe('bob@example.com');
    offset = exp * 1000 - Date.now(); // exp <= now: expired, as jose decides
    await expect(verify(token)).rejects.toMatchObject({
      code: 'UNAUTHENTICATED',
      message: 'The token has expired.',
    });
  });

  it('does not remember failures, and keeps at most maxEntries tokens', async () => {
    const verify = createTokenVerifier(SECRET, { maxEntries: 2 });
    const other = await signToken('another-secret-0123456789abcdef0123456789', 'eve@example.com');
    await expect(verify(other)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    await expect(verify(other)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
    const tokens = await Promise.all(['a', 'b', 'c'].map((n) => signToken(SECRET, `${n}@example.com`, '1h')));
    for (const t of tokens) expect((await verify(t)).email).toMatch(/@example\.com$/);
    await expect(verify(`${tokens[0]}x`)).rejects.toMatchObject({ code: 'UNAUTHENTICATED' });
  });
});
