import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { ApiTokensDocument, CreateApiTokenDocument, type ApiTokensQuery } from '../gql/graphql.ts';
import { AccountDialog } from './AccountDialog.tsx';
import { ApiTokensSection, curlExample, expiryOf, signedInWithApiToken, stateOf } from './ApiTokens.tsx';
import type { ViewerInfo } from './viewer.ts';

const SESSION = { kind: 'session', id: 1 } as const;
const NOW = new Date(2026, 11, 6, 21, 0);

const row = (over: Partial<ApiTokensQuery['apiTokens'][number]>): ApiTokensQuery['apiTokens'][number] => ({
  __typename: 'ApiToken',
  id: '1',
  name: 'ERP sync',
  prefix: 'pulse_AbC1x2',
  createdAt: '2026-11-01T10:00:00.000Z',
  expiresAt: null,
  lastUsedAt: null,
  revokedAt: null,
  active: true,
  ...over,
});

const listed = (tokens: ApiTokensQuery['apiTokens']): MockLink.MockedResponse => ({
  request: { query: ApiTokensDocument },
  result: { data: { apiTokens: tokens } },
});

function renderSection(
  mocks: MockLink.MockedResponse[],
  credential: Parameters<typeof ApiTokensSection>[0]['credential'] = SESSION,
) {
  return render(
    <MockedProvider mocks={mocks}>
      <ApiTokensSection credential={credential} />
    </MockedProvider>,
  );
}

const createRefused = (error: GraphQLError): MockLink.MockedResponse => ({
  request: { query: CreateApiTokenDocument, variables: { input: { name: 'ERP sync' } } },
  result: { errors: [error] },
});

async function createNamed(name: string) {
  fireEvent.click(await screen.findByRole('button', { name: 'Create API token' }));
  fireEvent.change(screen.getByLabelText('Token name'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('Expires'), { target: { value: 'never' } });
  fireEvent.click(screen.getByRole('button', { name: 'Create token' }));
}

describe('expiryOf', () => {
  it('sends nothing for never, a number of days from now, or the end of the chosen local day', () => {
    expect(expiryOf('never', '', NOW)).toEqual({ expiresAt: null });
    expect(expiryOf('30', '', NOW)).toEqual({
      expiresAt: new Date(NOW.getTime() + 30 * 86_400_000).toISOString(),
    });
    expect(expiryOf('date', '2027-12-31', NOW)).toEqual({
      expiresAt: new Date(2027, 11, 31, 23, 59, 59).toISOString(),
    });
  });

  it('asks for a day after today', () => {
    expect(expiryOf('date', '', NOW)).toEqual({ error: 'Choose the day it stops working.' });
    expect(expiryOf('date', '2026-12-05', NOW)).toEqual({ error: 'Choose a day after today.' });
    // today still counts: its end is ahead
    expect(expiryOf('date', '2026-12-06', NOW)).toEqual({
      expiresAt: new Date(2026, 11, 6, 23, 59, 59).toISOString(),
    });
  });
});

describe('token helpers', () => {
  it('tells revoked from expired', () => {
    expect(stateOf({ active: true, revokedAt: null })).toBe('active');
    expect(stateOf({ active: false, revokedAt: '2026-12-01T00:00:00Z' })).toBe('revoked');
    expect(stateOf({ active: false, revokedAt: null })).toBe('expired');
  });

  it('knows an API token (pulse_…) from a JWT and writes the curl line', () => {
    expect(signedInWithApiToken({ kind: 'token', token: `pulse_${'a'.repeat(43)}` })).toBe(true);
    expect(signedInWithApiToken({ kind: 'token', token: 'eyJhbGciOi.x.y' })).toBe(false);
    expect(signedInWithApiToken(SESSION)).toBe(false);
    expect(curlExample('https://pulse.example.com', 'pulse_x')).toBe(
      'curl -H "Authorization: Bearer pulse_x" https://pulse.example.com/api/performance?type=goals',
    );
  });
});

describe('ApiTokensSection', () => {
  it('lists the tokens newest first, with "never" where there is no date, revoked ones marked', async () => {
    renderSection([
      listed([
        row({
          id: '1',
          name: 'Old',
          createdAt: '2026-10-01T10:00:00Z',
          revokedAt: '2026-12-06T09:00:00Z',
          active: false,
        }),
        row({ id: '2', name: 'New', createdAt: '2026-12-01T10:00:00Z', expiresAt: '2027-01-01T00:00:00Z' }),
      ]),
    ]);
    const list = await screen.findByRole('list', { name: 'Your API tokens' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((i) => i.querySelector('.api-token-name span')?.textContent)).toEqual(['New', 'Old']);
    expect(items[0]).toHaveTextContent('pulse_AbC1x2…');
    expect(items[0]).toHaveTextContent('Last used never');
    expect(items[0]).not.toHaveTextContent('Expires never');
    expect(items[1]).toHaveClass('revoked');
    expect(within(items[1] as HTMLElement).queryByRole('button')).toBeNull();
    expect(within(items[0] as HTMLElement).getByRole('button', { name: 'Revoke New' })).toBeEnabled();
  });

  it('shows the new token once, with its curl line, until Done', async () => {
    const token = `pulse_${'C'.repeat(43)}`;
    renderSection([
      listed([]),
      {
        request: { query: CreateApiTokenDocument, variables: { input: { name: 'ERP sync' } } },
        result: {
          data: {
            createApiToken: { __typename: 'CreatedApiToken', token, apiToken: row({ id: '7' }) },
          },
        },
      },
      listed([row({ id: '7' })]),
    ]);
    await createNamed('ERP sync');
    const field = await screen.findByRole('textbox', { name: 'New API token' });
    expect(field).toHaveValue(token);
    expect(field).toHaveAttribute('readonly');
    expect(field).toHaveAccessibleDescription(/it will not be shown again/);
    expect(screen.getByText(curlExample(window.location.origin, token))).toBeInTheDocument();
    expect(await screen.findByRole('listitem', { name: 'ERP sync' })).not.toHaveTextContent(token);
    fireEvent.click(screen.getByRole('button', { name: 'Done, I have copied it' }));
    expect(screen.queryByRole('textbox', { name: 'New API token' })).toBeNull();
    expect(document.body).not.toHaveTextContent(token);
  });

  it("puts the server's BAD_USER_INPUT on the field it names", async () => {
    renderSection([
      listed([]),
      createRefused(
        new GraphQLError('invalid input', {
          extensions: {
            code: 'BAD_USER_INPUT',
            fields: [{ field: 'name', message: 'is taken by another token' }],
          },
        }),
      ),
    ]);
    await createNamed('ERP sync');
    const name = screen.getByLabelText('Token name');
    expect(await screen.findByText('The name is taken by another token.')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });

  it('shows the 20-token limit as an alert saying what to do', async () => {
    renderSection([
      listed([]),
      createRefused(
        new GraphQLError('You have 20 live API tokens, the most there may be.', {
          extensions: { code: 'CONFLICT' },
        }),
      ),
    ]);
    await createNamed('ERP sync');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'You have 20 live API tokens, the most there may be. Revoke a token you no longer use, then create this one.',
    );
  });

  it('checks the name before asking the server', async () => {
    renderSection([listed([])]);
    await createNamed('   ');
    expect(screen.getByLabelText('Token name')).toHaveAccessibleDescription(
      'Name it after what will use it, e.g. "ERP sync". What will use it, e.g. ERP sync.',
    );
  });

  it('offers no creation when signed in with an API token, and says why', async () => {
    renderSection([listed([row({})])], { kind: 'token', token: `pulse_${'b'.repeat(43)}` });
    await screen.findByRole('list', { name: 'Your API tokens' });
    expect(screen.queryByRole('button', { name: 'Create API token' })).toBeNull();
    expect(screen.getByText(/signed in with an API token, which cannot create others/)).toBeInTheDocument();
    // the prefix of this page's token marks it, and revoking it warns of the sign-out
    expect(screen.queryByText('· signs in this browser')).toBeNull();
  });

  it('marks the token this page is signed in with, and warns that revoking it signs out here', async () => {
    renderSection([listed([row({ prefix: 'pulse_bbbbbb' })])], {
      kind: 'token',
      token: `pulse_${'b'.repeat(43)}`,
    });
    const item = await screen.findByRole('listitem', { name: 'ERP sync' });
    expect(item).toHaveTextContent('signs in this browser');
    fireEvent.click(within(item).getByRole('button', { name: 'Revoke ERP sync' }));
    expect(item).toHaveTextContent('Revoke it and sign out here?');
    expect(within(item).getByRole('button', { name: 'Yes, revoke' })).toBeEnabled();
  });
});

describe('AccountDialog', () => {
  const viewer = (role: 'VIEWER' | 'REP'): ViewerInfo => ({
    me: { id: '9', name: 'Office TV', email: 'tv@example.com', role, teamId: null, teamName: null },
    teams: [],
    sellers: [],
    writableTeamIds: new Set(),
    canReadOthers: false,
    canReadGoals: false,
    canReadTeamFigures: false,
  });

  // jsdom has no showModal: the <dialog> stays closed, so its content counts as hidden
  it('leaves API tokens out for a VIEWER and shows them to others', async () => {
    const { unmount } = render(
      <MockedProvider mocks={[]}>
        <AccountDialog viewer={viewer('VIEWER')} credential={SESSION} onClose={() => undefined} />
      </MockedProvider>,
    );
    expect(screen.getByRole('heading', { name: 'Sessions', hidden: true })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'API tokens', hidden: true })).toBeNull();
    unmount();
    render(
      <MockedProvider mocks={[listed([])]}>
        <AccountDialog viewer={viewer('REP')} credential={SESSION} onClose={() => undefined} />
      </MockedProvider>,
    );
    expect(screen.getByRole('heading', { name: 'API tokens', hidden: true })).toBeInTheDocument();
    expect(await screen.findByText('You have no API tokens.')).toBeInTheDocument();
  });
});
