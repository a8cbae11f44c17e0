import { describe, expect, it } from 'vitest';
import { loadSignInMethods, setPasswordWithLink } from './signin.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const answering =
  (response: Response | Error): typeof fetch =>
  () =>
    response instanceof Error ? Promise.reject(response) : Promise.resolve(response);

describe('loadSignInMethods', () => {
  it('takes the server’s word, and falls back to passwords alone', async () => {
    const sso = { label: 'Acme SSO', start: '/auth/oidc/start' };
    expect(await loadSignInMethods(undefined, answering(json(200, { password: false, sso })))).toEqual({
      password: false,
      sso,
    });
    // passwords cannot be off with nothing else on
    expect(await loadSignInMethods(undefined, answering(json(200, { password: false, sso: null })))).toEqual({
      password: true,
      sso: null,
    });
    for (const answer of [new Response('Not found', { status: 404 }), new TypeError('Failed to fetch')])
      expect(await loadSignInMethods(undefined, answering(answer))).toEqual({ password: true, sso: null });
  });
});

describe('setPasswordWithLink', () => {
  it('says what the server says when passwords are off (OIDC_ONLY)', async () => {
    const message = 'Password sign-in is off here: use "Sign in with Acme SSO".';
    const refused = json(403, { error: { code: 'FORBIDDEN', message, fields: [] } });
    expect(await setPasswordWithLink('t', 'correct horse battery staple', answering(refused))).toEqual({
      ok: false,
      field: null,
      message,
    });
  });
});
