import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  checkSession,
  credentialRefused,
  endingSession,
  getAuth,
  sessionStarted,
  setToken,
  signedOut,
  signOut,
  SIGNED_OUT,
  takeSignOutNotice,
} from './auth.ts';

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

afterEach(() => {
  signedOut();
  takeSignOutNotice();
});

const current = () => {
  const auth = getAuth();
  if (auth.phase !== 'signed-in') throw new Error(`not signed in: ${auth.phase}`);
  return auth.credential;
};

describe('checkSession', () => {
  it('asks { me } with the cookie and no token: 200 a session, 401 none, anything else unreachable', async () => {
    const fetchImpl = vi.fn<typeof fetch>();
    fetchImpl.mockResolvedValueOnce(json(200, { data: { me: { id: '3' } } }));
    expect(await checkSession(fetchImpl)).toBe('session');
    const [path, init] = fetchImpl.mock.calls[0] ?? [];
    expect(path).toBe('/graphql');
    expect(init?.credentials).toBe('same-origin');
    expect(init?.headers).toEqual({ 'content-type': 'application/json' });
    fetchImpl.mockResolvedValueOnce(json(401, { errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] }));
    expect(await checkSession(fetchImpl)).toBe('none');
    fetchImpl.mockResolvedValueOnce(new Response('Bad gateway', { status: 502 }));
    expect(await checkSession(fetchImpl)).toBe('unreachable');
    fetchImpl.mockRejectedValueOnce(new TypeError('Failed to fetch'));
    expect(await checkSession(fetchImpl)).toBe('unreachable');
  });
});

describe('signing out', () => {
  it('ends a session on the server, then leaves the sign-out notice', async () => {
    sessionStarted();
    const fetchImpl = vi.fn<typeof fetch>().mockResolvedValue(new Response(null, { status: 204 }));
    await signOut(fetchImpl);
    const [path, init] = fetchImpl.mock.calls[0] ?? [];
    expect(path).toBe('/auth/sign-out');
    expect(init?.method).toBe('POST');
    expect(init?.headers).toEqual({ 'content-type': 'application/json' });
    expect(getAuth().phase).toBe('signed-out');
    expect(takeSignOutNotice()).toBe(SIGNED_OUT);
  });

  it('says so when the server could not be told', async () => {
    sessionStarted();
    await signOut(vi.fn<typeof fetch>().mockRejectedValue(new TypeError('Failed to fetch')));
    expect(getAuth().phase).toBe('signed-out');
    expect(takeSignOutNotice()).toContain('could not be reached');
  });

  it('only forgets a token (it was never the page’s to revoke)', async () => {
    setToken('header.payload.signature');
    const fetchImpl = vi.fn<typeof fetch>();
    await signOut(fetchImpl);
    expect(fetchImpl).not.toHaveBeenCalled();
    expect(localStorage.getItem('pulse.token')).toBeNull();
    expect(takeSignOutNotice()).toBe(SIGNED_OUT);
  });
});

describe('credentialRefused', () => {
  it('signs out the credential it names, and only that one', () => {
    sessionStarted();
    const first = current();
    sessionStarted();
    credentialRefused(first, 'old news');
    expect(getAuth().phase).toBe('signed-in');
    credentialRefused(current(), 'Your session has expired. Sign in again.');
    expect(getAuth().phase).toBe('signed-out');
    expect(takeSignOutNotice()).toBe('Your session has expired. Sign in again.');
  });

  it('ignores the 4401 of a session this page is ending itself', async () => {
    sessionStarted();
    const credential = current();
    await endingSession(() => {
      credentialRefused(credential, 'ended from elsewhere?');
      return Promise.resolve();
    });
    expect(getAuth().phase).toBe('signed-in');
  });
});
