import { MockedProvider } from '@apollo/client/testing/react';
import type { MockLink } from '@apollo/client/testing';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { GraphQLError } from 'graphql';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { adminPageOf, adminPagesFor } from '../dashboard/adminPages.ts';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import {
  AddPersonDocument,
  AuditLogDocument,
  PeopleDocument,
  UpdateUserDocument,
  type AuditLogQuery,
} from '../gql/graphql.ts';
import { actionInWords, changedFields } from './audit.ts';
import { AUDIT_PAGE, AuditLogPage } from './AuditLogPage.tsx';
import { abilitiesOf, filterPeople, type PersonRow } from './people.ts';
import { PeoplePage } from './PeoplePage.tsx';

const person = (over: Partial<PersonRow>): PersonRow => ({
  id: '1',
  name: 'John Smith',
  email: 'john.smith@example.com',
  role: 'REP',
  active: true,
  team: { id: '1', name: 'Enterprise' },
  ...over,
});

const viewerOf = (role: ViewerInfo['me']['role'], id = '99'): ViewerInfo => ({
  me: { id, name: 'Me', email: 'me@example.com', role, teamId: null, teamName: null },
  teams: [
    { id: '1', name: 'Enterprise', managerId: '16', members: [] },
    { id: '2', name: 'Mid-Market', managerId: '17', members: [] },
  ],
  sellers: [],
  writableTeamIds: new Set(),
  canReadOthers: true,
  canReadGoals: true,
  canReadTeamFigures: true,
});

describe('changedFields', () => {
  it('keeps only the fields that differ, in order', () => {
    const before = JSON.stringify({ name: 'Ana', role: 'REP', teamId: 1, active: true });
    const after = JSON.stringify({ name: 'Ana', role: 'MANAGER', teamId: null, active: true });
    expect(changedFields(before, after)).toEqual([
      { field: 'role', before: 'REP', after: 'MANAGER' },
      { field: 'teamId', before: '1', after: 'none' },
    ]);
  });
  it('lists a creation as its new fields and a deletion as its old ones', () => {
    expect(changedFields(null, '{"url":"https://x.test","events":["GOAL_ACHIEVED"]}')).toEqual([
      { field: 'url', before: null, after: 'https://x.test' },
      { field: 'events', before: null, after: '["GOAL_ACHIEVED"]' },
    ]);
    expect(changedFields('{"name":"Token"}', null)).toEqual([
      { field: 'name', before: 'Token', after: null },
    ]);
  });
  it('shows text that is not a JSON object as one value instead of failing', () => {
    expect(changedFields('not json', '"x"')).toEqual([{ field: 'value', before: 'not json', after: 'x' }]);
  });
  it('says actions in words, and an unknown one as it is', () => {
    expect(actionInWords('user.update')).toBe('changed');
    expect(actionInWords('apiToken.revoke')).toBe('revoked the API token');
    expect(actionInWords('kudos.remove')).toBe('removed the kudos');
    expect(actionInWords('thing.new')).toBe('thing.new');
  });
});

describe('filterPeople and abilitiesOf', () => {
  const people = [
    person({}),
    person({
      id: '2',
      name: 'Ana Lima',
      email: 'ana@example.com',
      role: 'MANAGER',
      team: { id: '2', name: 'Mid-Market' },
    }),
    person({
      id: '3',
      name: 'Office TV',
      email: 'tv@example.com',
      role: 'VIEWER',
      team: null,
      active: false,
    }),
  ];
  const names = (filter: Parameters<typeof filterPeople>[1]) =>
    filterPeople(people, filter).map((p) => p.name);
  const all = { q: '', team: '', role: '', state: '' } as const;
  it('searches name and e-mail, and filters by team (or none), role and state', () => {
    expect(names({ ...all, q: 'SMITH' })).toEqual(['John Smith']);
    expect(names({ ...all, q: 'ana@' })).toEqual(['Ana Lima']);
    expect(names({ ...all, team: 'none' })).toEqual(['Office TV']);
    expect(names({ ...all, team: '2' })).toEqual(['Ana Lima']);
    expect(names({ ...all, role: 'REP' })).toEqual(['John Smith']);
    expect(names({ ...all, state: 'inactive' })).toEqual(['Office TV']);
  });
  it('gives a manager reps of their teams only, and an admin everything', () => {
    const manager = abilitiesOf({ id: '16', role: 'MANAGER' }, ['1']);
    expect(manager.inviteRoles).toEqual(['REP']);
    expect(manager.edit || manager.signOut).toBe(false);
    expect(people.map((p) => manager.passwordLinkFor(p))).toEqual([true, false, false]);
    expect(abilitiesOf({ id: '16', role: 'MANAGER' }, []).inviteRoles).toEqual([]);
    const admin = abilitiesOf({ id: '1', role: 'ADMIN' }, []);
    expect(admin.edit && admin.signOut && admin.inviteTeamIds === 'any').toBe(true);
    // no link for a deactivated person: the server refuses it
    expect(people.map((p) => admin.passwordLinkFor(p))).toEqual([true, true, false]);
  });
  it('issues no password links with single sign-on only, and lets only an admin add people', () => {
    const admin = abilitiesOf({ id: '1', role: 'ADMIN' }, [], 'Example ID');
    expect(people.map((p) => admin.passwordLinkFor(p))).toEqual([false, false, false]);
    expect(admin.inviteTeamIds).toBe('any');
    const manager = abilitiesOf({ id: '16', role: 'MANAGER' }, ['1'], 'Example ID');
    expect(manager.inviteRoles).toEqual([]);
    expect(people.map((p) => manager.passwordLinkFor(p))).toEqual([false, false, false]);
  });
  it('opens the admin pages only for the roles that may', () => {
    expect(adminPagesFor('ADMIN')).toEqual([
      'people',
      'teams',
      'screens',
      'badges',
      'webhooks',
      'organisation',
      'audit',
    ]);
    expect(adminPagesFor('MANAGER')).toEqual(['people', 'teams', 'screens']);
    expect(adminPageOf('/webhooks', adminPagesFor('MANAGER'))).toBeNull();
    expect(adminPageOf('/organisation', adminPagesFor('MANAGER'))).toBeNull();
    expect(adminPagesFor('REP')).toEqual([]);
    expect(adminPageOf('/audit', adminPagesFor('MANAGER'))).toBeNull();
    expect(adminPageOf('/people', adminPagesFor('MANAGER'))).toBe('people');
  });
});

type Entry = AuditLogQuery['auditLog'][number];
const entry = (id: number): Entry => ({
  __typename: 'AuditEntry',
  id: String(id),
  at: '2026-12-06T21:00:00.000Z',
  actorName: 'Administrator',
  actor: { __typename: 'User', id: '19', name: 'Administrator' },
  action: 'user.update',
  targetType: 'User',
  targetId: String(id),
  before: JSON.stringify({ name: `Person ${id}`, teamId: 1 }),
  after: JSON.stringify({ name: `Person ${id}`, teamId: 2 }),
});

describe('AuditLogPage', () => {
  it('pages back with the last id as before, and names teams in the changes', async () => {
    const first = Array.from({ length: AUDIT_PAGE }, (_, i) => entry(200 - i));
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: AuditLogDocument, variables: { first: AUDIT_PAGE, before: null } },
        result: { data: { auditLog: first } },
      },
      {
        request: { query: AuditLogDocument, variables: { first: AUDIT_PAGE, before: '151' } },
        result: { data: { auditLog: [entry(150)] } },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <AuditLogPage viewer={viewerOf('ADMIN')} />
      </MockedProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Audit log entries' });
    expect(list.querySelectorAll('.audit-entry')).toHaveLength(AUDIT_PAGE);
    expect(list.querySelector('.audit-entry')?.textContent).toContain('Administrator changed Person 200');
    expect(list.querySelector('.audit-changes')?.textContent).toBe('team Enterprise → Mid-Market');
    fireEvent.click(screen.getByRole('button', { name: 'Older' }));
    await screen.findByText('Person 150');
    expect(screen.queryByRole('button', { name: 'Older' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Newer' })).toBeTruthy();
  });
});

describe('AuditLogPage, a team change', () => {
  it('names the manager a change sets, from the people the viewer knows', async () => {
    const change: Entry = {
      ...entry(7),
      action: 'team.update',
      targetType: 'Team',
      before: JSON.stringify({ name: 'Enterprise', managerId: 16 }),
      after: JSON.stringify({ name: 'Enterprise', managerId: 17 }),
    };
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: AuditLogDocument, variables: { first: AUDIT_PAGE, before: null } },
        result: { data: { auditLog: [change] } },
      },
    ];
    const viewer: ViewerInfo = {
      ...viewerOf('ADMIN'),
      sellers: [
        { id: '16', name: 'Sarah Mitchell', role: 'MANAGER', teamId: '1', teamName: 'Enterprise' },
        { id: '17', name: 'Robert Taylor', role: 'MANAGER', teamId: '2', teamName: 'Mid-Market' },
      ],
    };
    render(
      <MockedProvider mocks={mocks}>
        <AuditLogPage viewer={viewer} />
      </MockedProvider>,
    );
    const list = await screen.findByRole('list', { name: 'Audit log entries' });
    expect(list.querySelector('.audit-changes')?.textContent).toBe('manager Sarah Mitchell → Robert Taylor');
  });
});

describe('PeoplePage', () => {
  it('shows the last active admin conflict as an alert on the person', async () => {
    const admin = person({
      id: '19',
      name: 'Administrator',
      email: 'admin@example.com',
      role: 'ADMIN',
      team: null,
    });
    const mocks: MockLink.MockedResponse[] = [
      {
        request: { query: PeopleDocument },
        result: { data: { users: [{ __typename: 'User', ...admin, team: null }] } },
      },
      {
        request: { query: UpdateUserDocument, variables: { id: '19', input: { active: false } } },
        result: {
          errors: [
            new GraphQLError('This is the last active admin: make someone else an admin first.', {
              extensions: { code: 'CONFLICT' },
            }),
          ],
        },
      },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <PeoplePage viewer={viewerOf('ADMIN', '19')} />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Deactivate Administrator' }));
    expect(screen.getByText('Deactivate yourself? You are signed out at once.')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Yes, deactivate' }));
    expect((await screen.findByRole('alert')).textContent).toBe(
      'This is the last active admin: make someone else an admin first.',
    );
  });
});

describe('PeoplePage with single sign-on only (OIDC_ONLY)', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('adds a person instead of inviting them, and says how they sign in', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn((url: string) =>
        Promise.resolve(
          url === '/auth/methods'
            ? Response.json({ password: false, sso: { label: 'Example ID', start: '/auth/oidc/start' } })
            : new Response(null, { status: 404 }),
        ),
      ),
    );
    const input = { name: 'Erin Eve', email: 'erin@example.com', role: 'REP', teamId: '1' };
    const mocks: MockLink.MockedResponse[] = [
      { request: { query: PeopleDocument }, result: { data: { users: [] } } },
      {
        request: { query: AddPersonDocument, variables: { input } },
        result: {
          data: { createUser: { __typename: 'User', id: '40', name: 'Erin Eve', email: 'erin@example.com' } },
        },
      },
      { request: { query: PeopleDocument }, result: { data: { users: [] } } },
    ];
    render(
      <MockedProvider mocks={mocks}>
        <PeoplePage viewer={viewerOf('ADMIN', '19')} />
      </MockedProvider>,
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Add someone' }));
    const form = screen.getByRole('form', { name: 'Add someone' });
    expect(form.textContent).toContain('They sign in with Example ID by this e-mail address');
    fireEvent.change(within(form).getByLabelText('Name'), { target: { value: 'Erin Eve' } });
    fireEvent.change(within(form).getByLabelText('E-mail'), { target: { value: 'erin@example.com' } });
    fireEvent.change(within(form).getByLabelText('Role'), { target: { value: 'REP' } });
    fireEvent.change(within(form).getByLabelText('Team'), { target: { value: '1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Add' }));
    await screen.findByText('Erin Eve is added: they sign in with Example ID as erin@example.com.');
    expect(screen.queryByRole('button', { name: /Password link/ })).toBeNull();
  });
});
