import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { getAuth, signedOut, takeSignOutNotice } from '../lib/auth.ts';
import { lockedMessage, SSO_ERRORS, UNREACHABLE } from '../lib/signin.ts';
import { SignIn } from './SignIn.tsx';

type Answer = Response | Error;
let answers: Record<string, Answer[]>;
let calls: { path: string; init: RequestInit | undefined }[];

const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json', ...headers } });

beforeEach(() => {
  answers = {
    '/demo/accounts': [new Response('Not found', { status: 404 })],
    '/auth/methods': [json(200, { password: true, sso: null })],
  };
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn((path: string, init?: RequestInit) => {
      calls.push({ path, init });
      const answer = answers[path]?.shift();
      if (!answer) return Promise.reject(new Error(`unexpected ${path}`));
      return answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer);
    }),
  );
});
/** Clicks, then lets the answers (resolved promises) and React's updates settle. */
async function click(element: HTMLElement) {
  fireEvent.click(element);
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

const bodyOf = (init: RequestInit | undefined): unknown =>
  JSON.parse(typeof init?.body === 'string' ? init.body : '');

afterEach(() => {
  vi.unstubAllGlobals();
  signedOut();
  takeSignOutNotice();
});

/** Renders the page and waits for its methods (GET /auth/methods) to be shown. */
async function renderSignIn(): Promise<void> {
  render(<SignIn />);
  await act(() => new Promise<void>((resolve) => setTimeout(resolve, 0)));
}

async function submit(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('E-mail'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  await click(screen.getByRole('button', { name: 'Sign in' }));
}

describe('SignIn', () => {
  it('labels its fields for password managers and says what is missing, on each field', async () => {
    await renderSignIn();
    const email = screen.getByLabelText('E-mail');
    const password = screen.getByLabelText('Password');
    expect(email).toHaveAttribute('autocomplete', 'username');
    expect(email).toHaveAttribute('type', 'email');
    expect(password).toHaveAttribute('autocomplete', 'current-password');
    expect(password).toHaveAttribute('type', 'password');
    await submit('', '');
    expect(email).toHaveAttribute('aria-invalid', 'true');
    expect(email).toHaveAccessibleDescription('Enter your e-mail address.');
    expect(password).toHaveAccessibleDescription('Enter your password.');
    expect(email).toHaveFocus();
    expect(calls.filter((c) => c.path === '/auth/sign-in')).toEqual([]);
  });

  it('signs in on a session: JSON to /auth/sign-in with same-origin credentials and no token', async () => {
    answers['/auth/sign-in'] = [
      json(200, { user: { id: '3', email: 'a@example.com', name: 'A', role: 'REP' } }),
    ];
    await renderSignIn();
    await submit(' a@example.com ', 'correct horse battery staple');
    const call = calls.find((c) => c.path === '/auth/sign-in');
    expect(call?.init?.method).toBe('POST');
    expect(call?.init?.credentials).toBe('same-origin');
    expect(call?.init?.headers).toEqual({ 'content-type': 'application/json', accept: 'application/json' });
    expect(bodyOf(call?.init)).toEqual({
      email: 'a@example.com',
      password: 'correct horse battery staple',
    });
    const auth = getAuth();
    expect(auth.phase === 'signed-in' ? auth.credential.kind : auth.phase).toBe('session');
  });

  it('says wrong credentials once for both fields, and keeps the person signed out', async () => {
    answers['/auth/sign-in'] = [
      json(401, {
        error: {
          code: 'UNAUTHENTICATED',
          message: 'The e-mail address or the password is wrong.',
          fields: [],
        },
      }),
    ];
    await renderSignIn();
    await submit('a@example.com', 'a wrong guess');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The e-mail address or the password is wrong.',
    );
    expect(screen.getByLabelText('E-mail')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(
      'The e-mail address or the password is wrong.',
    );
    expect(screen.getByLabelText('Password')).toHaveFocus();
    expect(getAuth().phase).not.toBe('signed-in');
  });

  it('says until when an account is locked, in the browser’s own clock', async () => {
    const until = new Date(Date.now() + 15 * 60_000);
    answers['/auth/sign-in'] = [
      json(
        429,
        {
          error: {
            code: 'FORBIDDEN',
            message: `Too many failed sign-ins: this account is locked until ${until.toISOString()}.`,
            fields: [],
            locked_until: until.toISOString(),
          },
        },
        { 'retry-after': '900' },
      ),
    ];
    await renderSignIn();
    await submit('a@example.com', 'another guess');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(lockedMessage('account', until));
    expect(alert.textContent).not.toContain(until.toISOString());
  });

  it('says when a lock is on the address rather than the account', async () => {
    const until = new Date(Date.now() + 60_000);
    answers['/auth/sign-in'] = [
      json(429, {
        error: {
          code: 'FORBIDDEN',
          message: `Too many failed sign-ins from your address: try again after ${until.toISOString()}.`,
          fields: [],
          locked_until: until.toISOString(),
        },
      }),
    ];
    await renderSignIn();
    await submit('a@example.com', 'another guess');
    expect(await screen.findByRole('alert')).toHaveTextContent(lockedMessage('address', until));
  });

  it('says the server is unreachable, and that a server error is the server’s', async () => {
    answers['/auth/sign-in'] = [new TypeError('Failed to fetch'), new Response('<html>', { status: 502 })];
    await renderSignIn();
    await submit('a@example.com', 'correct horse battery staple');
    expect(await screen.findByRole('alert')).toHaveTextContent(UNREACHABLE);
    expect(screen.getByLabelText('Password')).not.toHaveAttribute('aria-invalid');
    await click(screen.getByRole('button', { name: 'Sign in' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The server could not sign you in (error 502).');
  });

  it('shows the notice of the last sign-out', () => {
    signedOut('You have signed out.');
    render(<SignIn />);
    expect(screen.getByText('You have signed out.')).toHaveAttribute('role', 'alert');
  });

  it('offers no way to paste a token (API tokens are for other apps)', async () => {
    await renderSignIn();
    expect(screen.getByLabelText('E-mail')).toBeVisible();
    expect(screen.queryByRole('button', { name: /token/i })).toBeNull();
    expect(screen.queryByLabelText(/token/i)).toBeNull();
  });

  it('offers single sign-on beside the password when the server has it', async () => {
    answers['/auth/methods'] = [
      json(200, { password: true, sso: { label: 'Example ID', start: '/auth/oidc/start' } }),
    ];
    await renderSignIn();
    expect(screen.getByRole('link', { name: 'Sign in with Example ID' })).toHaveAttribute(
      'href',
      '/auth/oidc/start',
    );
    expect(screen.getByLabelText('E-mail')).toBeVisible();
  });

  it('shows only single sign-on when it is the only way in (OIDC_ONLY)', async () => {
    answers['/auth/methods'] = [
      json(200, { password: false, sso: { label: 'Example ID', start: '/auth/oidc/start' } }),
    ];
    await renderSignIn();
    expect(screen.getByRole('link', { name: 'Sign in with Example ID' })).toHaveClass('primary');
    expect(screen.queryByLabelText('E-mail')).toBeNull();
    expect(screen.queryByRole('button', { name: 'Forgot your password?' })).toBeNull();
  });

  it('keeps the password form when the server does not say (an older server, or unreachable)', async () => {
    answers['/auth/methods'] = [new TypeError('Failed to fetch')];
    await renderSignIn();
    expect(screen.getByLabelText('E-mail')).toBeVisible();
    expect(screen.queryByRole('link', { name: /Sign in with/ })).toBeNull();
  });

  it.each(Object.entries(SSO_ERRORS))(
    'says why single sign-on was refused (sso_error=%s), once',
    async (code, sentence) => {
      window.history.replaceState(null, '', `/?sso_error=${code}`);
      await renderSignIn();
      expect(screen.getByText(sentence)).toHaveAttribute('role', 'alert');
      expect(window.location.search).toBe('');
    },
  );

  it('signs a demo account in on a session (POST /demo/sign-in)', async () => {
    answers['/demo/accounts'] = [
      json(200, { accounts: [{ email: 'john.smith@example.com', name: 'John Smith', role: 'REP' }] }),
    ];
    answers['/demo/sign-in'] = [json(200, { user: { id: '4' } })];
    render(<SignIn />);
    const button = await screen.findByRole('button', { name: /John Smith/ });
    await click(button);
    const call = calls.find((c) => c.path === '/demo/sign-in');
    expect(bodyOf(call?.init)).toEqual({ email: 'john.smith@example.com' });
    await waitFor(() => expect(getAuth().phase).toBe('signed-in'));
    expect(calls.some((c) => c.path === '/demo/token')).toBe(false);
  });

  it('drops the demo buttons when the server has no demo sign-in', async () => {
    answers['/demo/accounts'] = [
      json(200, { accounts: [{ email: 'a@example.com', name: 'Ann', role: 'ADMIN' }] }),
    ];
    answers['/demo/sign-in'] = [new Response('Cannot POST /demo/sign-in', { status: 404 })];
    render(<SignIn />);
    const button = await screen.findByRole('button', { name: /Ann/ });
    await click(button);
    expect(screen.queryByRole('heading', { name: 'Demo accounts' })).toBeNull();
    expect(getAuth().phase).not.toBe('signed-in');
  });
});
