/**
 * The audit log page (issue 15, /audit; ADMIN only): administrative changes newest first, 50 a
 * page, "Older" passing the last id seen as `before` (keyset pages, so an entry written meanwhile
 * never shifts a page) and "Newest" back to the first. Each entry says when (the browser's clock),
 * who, the action in words, the target, and only the fields that changed (audit.ts). A team or
 * person id in a record is shown as their name where the directory knows it.
 */
import { useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { graphql } from '../gql/index.ts';
import { formatWhen } from '../lib/format.ts';
import { LoadState, queryState } from '../components/Actions.tsx';
import type { ViewerInfo } from '../dashboard/viewer.ts';
import { actionInWords, changedFields, type FieldChange } from './audit.ts';

export const AUDIT_PAGE = 50;

const AUDIT_LOG = graphql(`
  query AuditLog($first: Int!, $before: ID) {
    auditLog(first: $first, before: $before) {
      id
      at
      actorName
      actor {
        id
        name
      }
      action
      targetType
      targetId
      before
      after
    }
  }
`);

const FIELD_NAMES: Record<string, string> = {
  teamId: 'team',
  managerId: 'manager',
  giverId: 'giver',
  recipientId: 'recipient',
  recipientTeamId: 'recipient’s team',
  active: 'active',
  emailed: 'e-mailed',
};

/** The record's name, for "User Ana Lima (#12)": from after, else before. */
function targetName(before: string | null | undefined, after: string | null | undefined): string | null {
  for (const text of [after, before]) {
    if (!text) continue;
    try {
      const record = JSON.parse(text) as Record<string, unknown>;
      for (const key of ['name', 'url', 'email']) if (typeof record[key] === 'string') return record[key];
    } catch {
      // not JSON: no name
    }
  }
  return null;
}

/** The record fields holding a team's id, and a person's (a removed kudos' giver and recipient). */
const TEAM_FIELDS = new Set(['teamId', 'recipientTeamId']);
const PERSON_FIELDS = new Set(['managerId', 'giverId', 'recipientId']);

/** An id field's value by its name (a team's, a person's), else the value as stored. */
type NameOf = (field: string, id: string) => string | null;

function Change({ change, nameOf }: { change: FieldChange; nameOf: NameOf }) {
  const show = (value: string | null) =>
    value === null || value === 'none' ? value : (nameOf(change.field, value) ?? value);
  const before = show(change.before);
  const after = show(change.after);
  return (
    <li>
      <span className="audit-field">{FIELD_NAMES[change.field] ?? change.field}</span>{' '}
      {before !== null ? <del>{before}</del> : null}
      {before !== null && after !== null ? ' → ' : null}
      {after !== null ? <ins>{after}</ins> : null}
    </li>
  );
}

export function AuditLogPage({ viewer }: { viewer: ViewerInfo }) {
  // the cursors of the pages before this one: [] on the newest page
  const [cursors, setCursors] = useState<string[]>([]);
  const before = cursors[cursors.length - 1] ?? null;
  const list = useQuery(AUDIT_LOG, {
    variables: { first: AUDIT_PAGE, before },
    fetchPolicy: 'cache-and-network',
  });
  const { data } = list;
  const people = [viewer.me, ...viewer.sellers];
  const nameOf: NameOf = (field, id) =>
    TEAM_FIELDS.has(field)
      ? (viewer.teams.find((t) => t.id === id)?.name ?? `#${id}`)
      : PERSON_FIELDS.has(field)
        ? (people.find((p) => p.id === id)?.name ?? `#${id}`)
        : null;
  const entries = data?.auditLog ?? [];
  const last = entries[entries.length - 1];

  return (
    <div className="admin-page audit-page">
      <div className="section-head">
        <h1>Audit log</h1>
        <div className="actions">
          <button type="button" className="ghost" onClick={() => void list.refetch().catch(() => {})}>
            Refresh
          </button>
        </div>
      </div>
      <p className="muted">
        Every change to people, teams, webhooks, API tokens and sign-in links, newest first; times are in your
        clock.
      </p>
      <LoadState what="the audit log" {...queryState(list)}>
        {entries.length === 0 ? (
          <p className="empty">{cursors.length ? 'No older entries.' : 'Nothing has been changed yet.'}</p>
        ) : (
          <ol className="audit-list" aria-label="Audit log entries">
            {entries.map((entry) => {
              const changes = changedFields(entry.before, entry.after);
              const name = targetName(entry.before, entry.after);
              return (
                <li key={entry.id} className="audit-entry">
                  <time dateTime={entry.at} className="audit-when">
                    {formatWhen(entry.at)}
                  </time>
                  <p className="audit-what">
                    <strong>{entry.actor?.name ?? entry.actorName}</strong> {actionInWords(entry.action)}{' '}
                    <span className="audit-target">
                      {name ? `${name} ` : ''}
                      <span className="muted">
                        ({entry.targetType} #{entry.targetId})
                      </span>
                    </span>
                  </p>
                  {changes.length ? (
                    <ul className="audit-changes" aria-label="Changes">
                      {changes.map((c) => (
                        <Change key={c.field} change={c} nameOf={nameOf} />
                      ))}
                    </ul>
                  ) : null}
                </li>
              );
            })}
          </ol>
        )}
      </LoadState>
      <div className="dialog-actions audit-pages">
        {cursors.length ? (
          <button type="button" className="ghost" onClick={() => setCursors([])}>
            Newest
          </button>
        ) : null}
        {cursors.length ? (
          <button type="button" className="ghost" onClick={() => setCursors((c) => c.slice(0, -1))}>
            Newer
          </button>
        ) : null}
        {entries.length === AUDIT_PAGE && last ? (
          <button type="button" onClick={() => setCursors((c) => [...c, last.id])}>
            Older
          </button>
        ) : null}
      </div>
    </div>
  );
}
