/**
 * The Screens page (issue 15) in jsdom: what a role may pair into (a manager only their teams, a
 * team required; an admin any team or none), the code typed any way reaching the server as its 8
 * letters and digits, a code no TV shows landing on its field, Revoke asking first, each screen's
 * health and layout in words, and the edit dialog (boards ticked and ordered, seconds checked
 * before sending, a server refusal on its field).
 */
import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import {
  PairScreenDocument,
  RevokeScreenDocument,
  ScreensDocument,
  UpdateScreenDocument,
} from '../gql/graphql.ts';
import { actionInWords } from './audit.ts';
import {
  boardRows,
  displayCode,
  healthState,
  layoutInWords,
  layoutProblems,
  moveBoard,
  normalCode,
  pairChoicesOf,
  toggleBoard,
  toggleCelebration,
} from './screens.ts';
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
  layout: {
    __typename: 'ScreenLayout' as const,
    boards: ['REVENUE', 'ORDERS', 'CONVERSION_RATE'] as const,
    secondsPerBoard: 20,
    periodType: 'MONTHLY' as const,
    pinned: null,
    showGoals: false,
    showContests: true,
    celebrations: ['SALE', 'GOAL_ACHIEVED', 'NEW_LEADER', 'BADGE', 'CONTEST_WON'] as const,
    saleAmount: 10000,
    sound: false,
  },
  health: {
    __typename: 'ScreenHealth' as const,
    online: true,
    clientVersion: '0.1.0',
    resolution: '1920x1080',
    reconnects24h: 1,
    offlineTooLong: false,
  },
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

  it('ticks, orders and checks a layout, and says it in words', () => {
    expect(boardRows(['ORDERS', 'REVENUE'])).toEqual([
      { metric: 'ORDERS', on: true },
      { metric: 'REVENUE', on: true },
      { metric: 'CONVERSION_RATE', on: false },
      { metric: 'WIN_RATE', on: false },
    ]);
    expect(toggleBoard(['REVENUE'], 'WIN_RATE')).toEqual(['REVENUE', 'WIN_RATE']);
    expect(toggleBoard(['REVENUE', 'WIN_RATE'], 'REVENUE')).toEqual(['WIN_RATE']);
    expect(moveBoard(['REVENUE', 'ORDERS', 'WIN_RATE'], 'WIN_RATE', -1)).toEqual([
      'REVENUE',
      'WIN_RATE',
      'ORDERS',
    ]);
    expect(moveBoard(['REVENUE', 'ORDERS'], 'REVENUE', -1)).toEqual(['REVENUE', 'ORDERS']);
    const draft = {
      name: 'Lobby',
      boards: [],
      seconds: '4',
      periodType: 'MONTHLY',
      pinned: '',
      showGoals: false,
      showContests: true,
      celebrations: [],
      saleAmount: '10000',
      sound: false,
    } as const;
    expect(Object.keys(layoutProblems({ ...draft, boards: [] }))).toEqual(['boards', 'secondsPerBoard']);
    expect(layoutProblems({ ...draft, boards: ['REVENUE'], seconds: '12.5' }).secondsPerBoard).toBeTruthy();
    expect(layoutProblems({ ...draft, boards: ['REVENUE'], seconds: '3600', name: ' ' })).toEqual({
      name: 'A name for the screen, e.g. “Sales floor, 3rd”.',
    });
    expect(layoutInWords(lobby.layout)).toBe('Revenue → Orders → Conversion rate · 20 s each · Month');
    expect(layoutInWords({ ...lobby.layout, boards: ['REVENUE'], showGoals: true })).toBe(
      'Revenue → Goals · 20 s each · Month',
    );
    expect(layoutProblems({ ...draft, boards: ['REVENUE'], seconds: '20', saleAmount: '0' })).toEqual({
      saleAmount: 'A whole amount from 1 to 1,000,000,000.',
    });
    expect(toggleCelebration(['BADGE'], 'SALE')).toEqual(['SALE', 'BADGE']);
    expect(toggleCelebration(['SALE', 'BADGE'], 'SALE')).toEqual(['BADGE']);
    expect(layoutInWords({ ...lobby.layout, pinned: 'WIN_RATE', periodType: 'WEEKLY' })).toBe(
      'Pinned: Win rate · Week',
    );
    expect(healthState(true, lobby.health)).toBe('online');
    expect(healthState(true, { ...lobby.health, online: false })).toBe('offline');
    expect(healthState(true, { ...lobby.health, online: false, offlineTooLong: true })).toBe('alert');
    expect(healthState(false, lobby.health)).toBeNull();
  });

  it('says screen actions in words in the audit log', () => {
    expect(actionInWords('screen.update')).toBe('changed the screen');
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

  it('shows each screen’s health and layout, and flags one offline too long', async () => {
    const away = {
      ...lobby,
      id: '41',
      name: 'Away',
      health: { ...lobby.health, online: false, clientVersion: null, offlineTooLong: true },
    };
    render(
      <MockedProvider
        mocks={[{ request: { query: ScreensDocument }, result: { data: { screens: [lobby, away] } } }]}
      >
        <ScreensPage viewer={viewerOf('ADMIN', '19')} />
      </MockedProvider>,
    );
    const row = await screen.findByRole('listitem', { name: 'Lobby' });
    expect(row.textContent).toContain('online');
    expect(row.textContent).toContain('v0.1.0 · 1920x1080 · 1 reconnect in 24 h');
    expect(row.textContent).toContain('Revenue → Orders → Conversion rate · 20 s each · Month');
    const flagged = screen.getByRole('listitem', { name: 'Away' });
    expect(within(flagged).getByText('offline too long')).toHaveClass('screen-state', 'alert');
  });

  it('edits a layout: boards ticked and ordered, seconds checked first, a refusal on its field', async () => {
    const input = {
      name: 'Lobby',
      boards: ['ORDERS', 'REVENUE', 'WIN_RATE'],
      secondsPerBoard: 8,
      periodType: 'WEEKLY',
      pinned: null,
      showGoals: true,
      showContests: true,
      celebrations: ['SALE', 'NEW_LEADER', 'BADGE', 'CONTEST_WON'],
      saleAmount: 25000,
      sound: true,
    };
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: ScreensDocument }, result: { data: { screens: [lobby] } } },
      {
        request: { query: UpdateScreenDocument, variables: { id: '40', input } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'boards', message: 'must name each board once' }],
              },
            }),
          ],
        },
      },
      {
        request: { query: UpdateScreenDocument, variables: { id: '40', input } },
        result: {
          data: {
            updateScreen: {
              __typename: 'Screen',
              id: '40',
              name: 'Lobby',
              layout: {
                ...lobby.layout,
                boards: input.boards,
                secondsPerBoard: 8,
                periodType: 'WEEKLY',
                showGoals: true,
                celebrations: input.celebrations,
                saleAmount: 25000,
                sound: true,
              },
            },
          },
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <ScreensPage viewer={viewerOf('ADMIN', '19')} />
      </MockedProvider>,
    );
    const row = await screen.findByRole('listitem', { name: 'Lobby' });
    fireEvent.click(within(row).getByRole('button', { name: 'Edit Lobby' }));
    // jsdom has no showModal: the <dialog> is found by its title
    const title = await screen.findByRole('heading', { name: 'Edit Lobby', hidden: true });
    const dialog = title.closest('dialog')!;
    const boards = within(dialog).getByRole('list', { name: 'Boards', hidden: true });
    const order = () =>
      within(boards)
        .getAllByRole('checkbox', { checked: true, hidden: true })
        .map((b) => b.parentElement?.textContent?.trim());
    fireEvent.click(within(dialog).getByRole('button', { name: 'Move Orders up', hidden: true }));
    fireEvent.click(within(dialog).getByLabelText('Conversion rate'));
    fireEvent.click(within(dialog).getByLabelText('Win rate'));
    expect(order()).toEqual(['Orders', 'Revenue', 'Win rate']);
    fireEvent.change(within(dialog).getByLabelText('Seconds per board'), { target: { value: '3' } });
    fireEvent.change(within(dialog).getByLabelText('Period'), { target: { value: 'WEEKLY' } });
    fireEvent.click(within(dialog).getByLabelText(/Show the team’s goals/));
    fireEvent.click(within(dialog).getByLabelText(/A team goal achieved/));
    fireEvent.change(within(dialog).getByLabelText('Sale amount'), { target: { value: '25000' } });
    fireEvent.click(within(dialog).getByLabelText('Play a chime with each card'));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    expect(within(dialog).getByText('Whole seconds from 5 to 3600.')).toBeTruthy();
    fireEvent.change(within(dialog).getByLabelText('Seconds per board'), { target: { value: '8' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    await within(dialog).findByText('The boards must name each board once.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Save', hidden: true }));
    await within(row).findByText('Saved: Lobby’s TV shows it now.');
    expect(screen.queryByRole('heading', { name: 'Edit Lobby', hidden: true })).toBeNull();
  });
});
