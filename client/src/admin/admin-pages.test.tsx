import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import {
  OrganisationDocument,
  PauseWebhookDocument,
  TeamsPageDocument,
  UpdateOrganisationDocument,
  UpdateWebhookDocument,
  WebhooksDocument,
  type TeamsPageQuery,
  type WebhooksQuery,
} from '../gql/graphql.ts';
import { OrganisationPage } from './OrganisationPage.tsx';
import { currencyChoices, zoneChoices } from './organisation.ts';
import { TeamsPage } from './TeamsPage.tsx';
import { groupByTeam, managerChoices, type TeamPerson } from './teams.ts';
import { WebhooksPage } from './WebhooksPage.tsx';
import { answerInWords, canRedeliver, deliveryInWords, digestChoices, digestInWords } from './webhooks.ts';

const viewerOf = (role: ViewerInfo['me']['role']): ViewerInfo => ({
  me: { id: '99', name: 'Me', email: 'me@example.com', role, teamId: null, teamName: null },
  teams: [],
  sellers: [],
  writableTeamIds: new Set(),
  canReadOthers: true,
  canReadGoals: true,
  canReadTeamFigures: true,
});

describe('webhook deliveries in words', () => {
  const d = (status: 'PENDING' | 'DELIVERED' | 'FAILED', attempts: number) => ({
    status,
    attempts,
    lastStatusCode: null,
    lastError: null,
  });
  it('says what happened and what waits', () => {
    expect(deliveryInWords(d('DELIVERED', 1), false)).toBe('Delivered');
    expect(deliveryInWords(d('DELIVERED', 3), false)).toBe('Delivered after 3 attempts');
    expect(deliveryInWords(d('FAILED', 12), false)).toBe('Failed after 12 attempts');
    expect(deliveryInWords(d('PENDING', 0), false)).toBe('Pending');
    expect(deliveryInWords(d('PENDING', 2), false)).toBe('Retrying (2 attempts so far)');
    expect(deliveryInWords(d('PENDING', 2), true)).toBe('Waiting: the webhook is paused');
    expect(deliveryInWords(d('PENDING', 0), false, true)).toBe('Waiting for the next digest');
  });
  it('offers a redelivery only for a finished one, and shows the answer or the error', () => {
    expect(['PENDING', 'DELIVERED', 'FAILED'].map((status) => canRedeliver({ status } as never))).toEqual([
      false,
      true,
      true,
    ]);
    expect(answerInWords({ lastStatusCode: 200, lastError: null })).toBe('HTTP 200');
    expect(answerInWords({ lastStatusCode: null, lastError: 'ECONNREFUSED' })).toBe('ECONNREFUSED');
    expect(answerInWords({ lastStatusCode: null, lastError: null })).toBe('—');
  });
});

type WebhookRow = WebhooksQuery['webhooks'][number];
const webhook = (over: Partial<WebhookRow> = {}): WebhookRow => ({
  __typename: 'Webhook',
  id: '3',
  url: 'https://hooks.example.com/pulse',
  events: ['GOAL_ACHIEVED', 'RANK_CHANGED'],
  paused: false,
  format: 'JSON',
  digestMinutes: null,
  createdAt: '2026-12-01T10:00:00.000Z',
  recentDeliveries: [
    {
      __typename: 'WebhookDelivery',
      id: '41',
      event: 'GOAL_ACHIEVED',
      status: 'FAILED',
      attempts: 12,
      lastStatusCode: 503,
      lastError: 'HTTP 503',
      nextAttemptAt: '2026-12-01T11:00:00.000Z',
      deliveredAt: null,
      createdAt: '2026-12-01T10:30:00.000Z',
    },
    {
      __typename: 'WebhookDelivery',
      id: '40',
      event: 'RANK_CHANGED',
      status: 'PENDING',
      attempts: 0,
      lastStatusCode: null,
      lastError: null,
      nextAttemptAt: '2026-12-01T10:20:00.000Z',
      deliveredAt: null,
      createdAt: '2026-12-01T10:20:00.000Z',
    },
  ],
  ...over,
});

describe('WebhooksPage', () => {
  it('lists deliveries with their state and answer, offers Send again only for a finished one, and pauses', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: WebhooksDocument }, result: { data: { webhooks: [webhook()] } } },
      {
        request: { query: PauseWebhookDocument, variables: { id: '3' } },
        result: { data: { pauseWebhook: { __typename: 'Webhook', id: '3', paused: true } } },
      },
      { request: { query: WebhooksDocument }, result: { data: { webhooks: [webhook({ paused: true })] } } },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <WebhooksPage />
      </MockedProvider>,
    );
    const item = await screen.findByRole('listitem', { name: 'https://hooks.example.com/pulse' });
    const rows = within(item).getAllByRole('row');
    expect(rows[1]?.textContent).toContain('Failed after 12 attempts');
    expect(rows[1]?.textContent).toContain('HTTP 503');
    expect(within(item).getByRole('button', { name: 'Send delivery 41 again' })).toBeTruthy();
    expect(within(item).queryByRole('button', { name: 'Send delivery 40 again' })).toBeNull();
    fireEvent.click(within(item).getByRole('button', { name: 'Pause https://hooks.example.com/pulse' }));
    expect(
      await within(item).findByRole('button', { name: 'Resume https://hooks.example.com/pulse' }),
    ).toBeTruthy();
    expect(within(item).getByText('Waiting: the webhook is paused')).toBeTruthy();
  });

  it('asks before deleting, and checks the form before sending it', async () => {
    render(
      <MockedProvider
        mocks={[{ request: { query: WebhooksDocument }, result: { data: { webhooks: [webhook()] } } }]}
      >
        <WebhooksPage />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Delete https://hooks.example.com/pulse' }));
    expect(screen.getByText('Delete it? Deliveries not yet sent are dropped.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Cancel' }));
    fireEvent.click(screen.getByRole('button', { name: 'Add webhook' }));
    const form = screen.getByRole('form', { name: 'Add a webhook' });
    fireEvent.change(within(form).getByLabelText('URL'), { target: { value: 'ftp://x' } });
    fireEvent.click(within(form).getByLabelText('Goal achieved'));
    fireEvent.click(within(form).getByRole('button', { name: 'Add webhook' }));
    expect(within(form).getByText('An http(s) URL, e.g. https://example.com/pulse.')).toBeTruthy();
    expect(within(form).getByText('Choose at least one event.')).toBeTruthy();
    expect(within(form).getByLabelText('Format')).toBeTruthy();
    expect(within(form).getByLabelText('Messages')).toBeTruthy();
  });

  it('shows each webhook’s format and digest as selects, and a refused change names the field', async () => {
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: WebhooksDocument },
        result: { data: { webhooks: [webhook({ format: 'SLACK', digestMinutes: 45 })] } },
      },
      {
        request: { query: UpdateWebhookDocument, variables: { id: '3', input: { digestMinutes: 15 } } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'digestMinutes', message: 'is refused' }],
              },
            }),
          ],
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <WebhooksPage />
      </MockedProvider>,
    );
    const format = await screen.findByLabelText<HTMLSelectElement>(
      'Format of https://hooks.example.com/pulse',
    );
    expect(format.value).toBe('SLACK');
    const digest = screen.getByLabelText<HTMLSelectElement>('Messages of https://hooks.example.com/pulse');
    // an interval set over the API that the list does not offer is shown too
    expect(digest.value).toBe('45');
    expect([...digest.options].map((o) => o.textContent)).toContain('Digest every 45 minutes');
    fireEvent.change(digest, { target: { value: '15' } });
    expect(await screen.findByText('The digest is refused.')).toBeTruthy();
  });
});

describe('webhook formats and digests in words', () => {
  it('names the intervals and keeps one the list does not offer', () => {
    expect([null, 15, 60, 240, 1440].map(digestInWords)).toEqual([
      'Each event',
      'Digest every 15 minutes',
      'Hourly digest',
      'Digest every 4 hours',
      'Daily digest',
    ]);
    expect(digestChoices(15)).toEqual([null, 15, 30, 60, 240, 1440]);
    expect(digestChoices(45)).toEqual([null, 15, 30, 45, 60, 240, 1440]);
  });
});

const member = (id: string, name: string, role: TeamPerson['role'], team: string | null): TeamPerson => ({
  id,
  name,
  role,
  active: true,
  team: team ? { id: team } : null,
});

describe('teams', () => {
  const people = [
    member('1', 'Zoe Rep', 'REP', '10'),
    member('2', 'Ana Manager', 'MANAGER', '10'),
    member('3', 'Office TV', 'VIEWER', null),
    member('4', 'Nia New', 'REP', null),
    { ...member('5', 'Old Boss', 'MANAGER', null), active: false },
    member('6', 'Admin', 'ADMIN', null),
  ];
  it('groups people by team, then the people in no team, leaving screens out', () => {
    const groups = groupByTeam([{ id: '10' }, { id: '11' }], people);
    expect(groups.map((g) => [g.team?.id ?? null, g.members.map((m) => m.name)])).toEqual([
      ['10', ['Ana Manager', 'Zoe Rep']],
      ['11', []],
      [null, ['Admin', 'Nia New', 'Old Boss']],
    ]);
  });
  it('offers active managers and admins as managers', () => {
    expect(managerChoices(people).map((p) => p.name)).toEqual(['Admin', 'Ana Manager']);
  });

  const data: TeamsPageQuery = {
    __typename: 'Query',
    teams: [
      {
        __typename: 'Team',
        id: '10',
        name: 'Enterprise',
        manager: { __typename: 'User', id: '2', name: 'Ana Manager' },
      },
    ],
    users: people.map((p) => ({
      __typename: 'User' as const,
      ...p,
      team: p.team ? { __typename: 'Team' as const, ...p.team } : null,
    })),
  };
  it('gives an admin the controls and a manager none', async () => {
    const mocks = [{ request: { query: TeamsPageDocument }, result: { data } }];
    const { unmount } = render(
      <MockedProvider mocks={mocks}>
        <TeamsPage viewer={viewerOf('ADMIN')} />
      </MockedProvider>,
    );
    const team = await screen.findByRole('listitem', { name: 'Enterprise' });
    expect(within(team).getByText('Manager: Ana Manager')).toBeTruthy();
    expect(within(team).getByRole('button', { name: 'Edit Enterprise' })).toBeTruthy();
    expect(within(team).getByRole('form', { name: 'Move Zoe Rep' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'New team' })).toBeTruthy();
    unmount();
    render(
      <MockedProvider mocks={mocks}>
        <TeamsPage viewer={viewerOf('MANAGER')} />
      </MockedProvider>,
    );
    const read = await screen.findByRole('listitem', { name: 'Enterprise' });
    expect(within(read).getByText('Zoe Rep')).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'New team' })).toBeNull();
    expect(within(read).queryByRole('button', { name: 'Edit Enterprise' })).toBeNull();
    expect(within(read).queryByRole('form', { name: 'Move Zoe Rep' })).toBeNull();
  });
});

const settings = (
  over: Partial<{ timeZonePinned: boolean; currencyPinned: boolean; paceWorkingDays: boolean }> = {},
) => ({
  __typename: 'Organisation' as const,
  timeZone: 'UTC',
  currency: 'USD',
  timeZonePinned: false,
  currencyPinned: false,
  paceWorkingDays: false,
  ...over,
});

describe('OrganisationPage', () => {
  it('lists zones and currencies with the current value in them', () => {
    expect(zoneChoices('UTC')).toContain('Europe/Paris');
    expect(zoneChoices('Etc/Unknown')[0]).toBe('Etc/Unknown');
    expect(currencyChoices('EUR').find((c) => c.code === 'EUR')?.label).toBe('EUR — Euro');
  });

  it('asks before a time-zone change, and shows the server’s refusal', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: OrganisationDocument }, result: { data: { organisation: settings() } } },
      {
        request: { query: UpdateOrganisationDocument, variables: { input: { timeZone: 'Europe/Paris' } } },
        result: {
          errors: [
            new GraphQLError('Invalid input', {
              extensions: {
                code: 'BAD_USER_INPUT',
                fields: [{ field: 'timeZone', message: 'is not a time zone the database knows' }],
              },
            }),
          ],
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <OrganisationPage />
      </MockedProvider>,
    );
    const zone = await screen.findByLabelText('Time zone');
    fireEvent.change(zone, { target: { value: 'Europe/Paris' } });
    expect(screen.getByRole('note').textContent).toContain('all rollups are rebuilt');
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(screen.getByText('Change the time zone to Europe/Paris and rebuild every rollup?')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, change it' }));
    expect(await screen.findByText('The time zone is not a time zone the database knows.')).toBeTruthy();
  });

  it('saves the goal pace basis without asking', async () => {
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: OrganisationDocument }, result: { data: { organisation: settings() } } },
      {
        request: { query: UpdateOrganisationDocument, variables: { input: { paceWorkingDays: true } } },
        result: { data: { updateOrganisation: settings({ paceWorkingDays: true }) } },
      },
      {
        request: { query: OrganisationDocument },
        result: { data: { organisation: settings({ paceWorkingDays: true }) } },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <OrganisationPage />
      </MockedProvider>,
    );
    const pace = await screen.findByLabelText<HTMLSelectElement>('Goal pace counts');
    fireEvent.change(pace, { target: { value: 'working' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('shows a value the environment pins as read-only, naming the variable', async () => {
    render(
      <MockedProvider
        mocks={[
          {
            request: { query: OrganisationDocument },
            result: { data: { organisation: settings({ timeZonePinned: true }) } },
          },
        ]}
      >
        <OrganisationPage />
      </MockedProvider>,
    );
    const zone = await screen.findByLabelText<HTMLSelectElement>('Time zone');
    expect(zone.disabled).toBe(true);
    expect(screen.getByText(/Set by TZ_NAME in the server’s environment/)).toBeTruthy();
    expect(screen.getByLabelText<HTMLSelectElement>('Currency').disabled).toBe(false);
  });
});
