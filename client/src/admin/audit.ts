/**
 * The audit log in words (issue 15): an entry's action as a sentence fragment, and the fields its
 * record changed. The server sends the record before and after as JSON text (null for a creation
 * or a deletion); only top-level fields whose values differ are shown, so an update that moved a
 * person to another team reads "team: Alpha → Beta", not two whole records. Invariant: this never
 * throws on what the server sends — text that is not a JSON object is shown as one value.
 */

const ACTIONS: Record<string, string> = {
  'user.create': 'created the user',
  'user.invite': 'invited',
  'user.update': 'changed',
  'user.passwordLink': 'issued a password link for',
  'user.signOutEverywhere': 'signed out everywhere',
  'team.create': 'created the team',
  'team.update': 'changed the team',
  'webhook.create': 'registered the webhook',
  'webhook.update': 'changed the webhook',
  'webhook.delete': 'deleted the webhook',
  'webhook.pause': 'paused the webhook',
  'webhook.resume': 'resumed the webhook',
  'webhook.redeliver': 'redelivered the webhook delivery',
  'organisation.update': 'changed the organisation settings',
  'organisation.backup': 'took a backup of the database',
  'apiToken.create': 'created the API token',
  'apiToken.revoke': 'revoked the API token',
  'screen.pair': 'paired the screen',
  'screen.update': 'changed the screen',
  'screen.revoke': 'revoked the screen',
  'badgeRule.create': 'created the badge rule',
  'badgeRule.update': 'changed the badge rule',
  'badgeRule.deactivate': 'deactivated the badge rule',
  'kudos.remove': 'removed the kudos',
};

/** "changed", "invited"…; an action this client does not know yet is shown as it is. */
export function actionInWords(action: string): string {
  return ACTIONS[action] ?? action;
}

export interface FieldChange {
  field: string;
  before: string | null;
  after: string | null;
}

function parseRecord(text: string | null | undefined): Record<string, unknown> | null {
  if (text === null || text === undefined) return null;
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    return { value };
  } catch {
    return { value: text };
  }
}

/** A field's value, short: strings bare, null as "none", the rest as compact JSON. */
export function showValue(value: unknown): string {
  if (value === null || value === undefined) return 'none';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/**
 * The fields that differ between before and after, in the order they first appear. A creation
 * lists every field of the new record (before: null), a deletion every field of the old one.
 */
export function changedFields(
  before: string | null | undefined,
  after: string | null | undefined,
): FieldChange[] {
  const a = parseRecord(before);
  const b = parseRecord(after);
  const keys = [...new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})])];
  const changes: FieldChange[] = [];
  for (const key of keys) {
    const was = a && key in a ? showValue(a[key]) : null;
    const now = b && key in b ? showValue(b[key]) : null;
    if (a && b && JSON.stringify(a[key]) === JSON.stringify(b[key])) continue;
    changes.push({ field: key, before: a ? was : null, after: b ? now : null });
  }
  return changes;
}
