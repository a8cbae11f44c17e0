/**
 * The Screens page (issue 15) in jsdom: what a role may pair into (a manager only their teams, a
 * team required; an admin any team or none), the code typed any way reaching the server as its 8
 * letters and digits, a code no TV shows landing on its field, and Revoke asking first.
 */
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { PairScreenDocument, RevokeScreenDocument, ScreensDocument } from '../gql/graphql.ts';
import { actionInWords } from './audit.ts';
import { displayCode, normalCode, pairChoicesOf } from './screens.ts';
import { ScreensPage } from './ScreensPage.tsx';

const TEAMS = [
  { id: '1', name: 'Enterprise', managerId: '16', members: [] },
  { id: '2', name: 'Mid-Market', managerId: '17', members: [] },
];

const viewerOf = (role: ViewerInfo['me']['role'], id = '99'): ViewerInfo => ({
  me: { id, name: 'Me', email: 'me@example.com', role, teamId: null, teamName: null },
  teams: TEAMS,
  sellers: [],
  writableTeamIds: new Set(),
  canReadOthers: true,
  canReadGoals: true,
  canReadTeamFigures: true,
});

const lobby = {
  __typename: 'Screen' as const,
  id: '40',
  name: 'Lobby',
  active: true,
  pairedAt: '2030-01-01T09:00:00.000Z',
  lastSeenAt: null,
  team: { __typename: 'Team' as const, id: '1', name: 'Enterprise' },
};

describe('screens helpers', () => {
  it('lets an admin pair into any team or none, a manager into their own teams only', () => {
    expect(pairChoicesOf({ id: '19', role: 'ADMIN' }, TEAMS)).toEqual({
      teams: [
        { id: '1', name: 'Enterprise' },
        { id: '2', name: 'Mid-Market' },
      ],
      noTeam: true,
    });
    expect(pairChoicesOf({ id: '16', role: 'MANAGER' }, TEAMS)).toEqual({
      teams: [{ id: '1', name: 'Enterprise' }],
      noTeam: false,
    });
    expect(pairChoicesOf({ id: '5', role: 'REP' }, TEAMS)).toEqual({ teams: [], noTeam: false });
  });

  it('reads a code typed any way', () => {
    expect(normalCode(' k7qm 2xpd ')).toBe('K7QM2XPD');
    expect(displayCode('k7qm2xpd')).toBe('K7QM-2XPD');
    expect(displayCode('k7q')).toBe('K7Q');
    expect(displayCode('K7QM-2XPD-EXTRA')).toBe('K7QM-2XPD');
  });

  it('says screen actions in words in the audit log', () => {
    expect(actionInWords('screen.pair')).toBe('paired the screen');
    expect(actionInWords('screen.revoke')).toBe('revoked the screen');
  });
});

describe('ScreensPage', () => {
  it('offers a manager only their team, sends the code as typed cleanly, and shows a refused code on its field', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ScreensDocument }, result: { data: { screens: [] } } },
      {
        request: {
          query: PairScreenDocument,
          variables: { input: { code: 'K7QM2XPD', name: 'Lobby', teamId: '1' } },
        },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: { code: 'BAD_USER_INPUT', fields: [{ field: 'code', message: 'is not shown' }] },
            }),
          ],
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ScreensPage viewer={viewerOf('MANAGER', '16')} />
      </MockedProvider>,
    );
    await screen.findByText('No screen is paired yet.');
    const form = screen.getByRole('form', { name: 'Pair a screen' });
    const team = within(form).getByLabelText('Team');
    expect([...team.querySelectorAll('option')].map((o) => o.textContent)).toEqual(['Enterprise']);
    fireEvent.click(within(form).getByRole('button', { name: 'Pair screen' }));
    expect(within(form).getByText(/The 8 letters and digits the TV shows/)).toBeTruthy();
    fireEvent.change(within(form).getByLabelText('Code on the TV'), { target: { value: 'k7qm 2xpd' } });
    expect(within(form).getByLabelText<HTMLInputElement>('Code on the TV').value).toBe('K7QM-2XPD');
    fireEvent.change(within(form).getByLabelText('Screen name'), { target: { value: ' Lobby ' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Pair screen' }));
    await within(form).findByText(/No TV shows this code now/);
  });

  it('revokes a screen only after a confirmation', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ScreensDocument }, result: { data: { screens: [lobby] } } },
      {
        request: { query: RevokeScreenDocument, variables: { id: '40' } },
        result: {
          data: { revokeScreen: { __typename: 'Screen', id: '40', active: false, lastSeenAt: null } },
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ScreensPage viewer={viewerOf('ADMIN', '19')} />
      </MockedProvider>,
    );
    const row = await screen.findByRole('listitem', { name: 'Lobby' });
    expect(row.textContent).toContain('Enterprise');
    expect(row.textContent).toContain('Last seen never');
    fireEvent.click(within(row).getByRole('button', { name: 'Revoke Lobby' }));
    expect(within(row).getByText(/Revoke Lobby\? Its TV stops at once/)).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Yes, revoke' }));
    await within(row).findByText('revoked');
    expect(within(row).queryByRole('button', { name: 'Revoke Lobby' })).toBeNull();
  });
});
