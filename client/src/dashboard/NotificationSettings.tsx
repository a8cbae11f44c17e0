/**
 * The account dialog's "Notifications" section (issue 19): which e-mails the signed-in person gets,
 * one checkbox per kind, each saved as soon as it is toggled (updateMyNotificationSettings with that
 * one field; the box follows the click at once, and the server's answer is written over the
 * query's cached settings, which have no id to merge by; a reload shows what it stored). When the
 * server sends no mail (no SMTP_URL: mailEnabled false) the section says notifications are off and
 * keeps the choices for when they are on. Service accounts and screens have no settings (null): the
 * section is left out. The weekly digest is offered to managers and admins only: the server answers
 * null for anyone else, and the box is then left out (the rule stays the server's). A refusal is
 * shown as an alert naming what failed; the box goes back.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useState } from 'react';
import { FormError } from '../components/Actions.tsx';
import { getFragmentData, graphql, makeFragmentData } from '../gql/index.ts';
import type { UpdateNotificationSettingsInput } from '../gql/graphql.ts';
import { apiError } from '../lib/errors.ts';

/** The section's settings, as the query reads them and a save answers them. */
const SettingsFragment = graphql(`
  fragment NotificationsSection_settings on NotificationSettings {
    mailEnabled
    goalProgress
    goalBehindPace
    badgeEarned
    contests
    teamRank
    kudos
    weeklyDigest
  }
`);

const MY_NOTIFICATION_SETTINGS = graphql(`
  query MyNotificationSettings {
    myNotificationSettings {
      ...NotificationsSection_settings
    }
  }
`);

const UPDATE_MY_NOTIFICATION_SETTINGS = graphql(`
  mutation UpdateMyNotificationSettings($input: UpdateNotificationSettingsInput!) {
    updateMyNotificationSettings(input: $input) {
      ...NotificationsSection_settings
    }
  }
`);

type Kind = keyof Required<UpdateNotificationSettingsInput>;

const KINDS: { kind: Kind; label: string }[] = [
  { kind: 'goalProgress', label: 'My goal reached 50 %, 75 % and 100 %' },
  { kind: 'goalBehindPace', label: 'My goal fell behind pace' },
  { kind: 'badgeEarned', label: 'I earned a badge' },
  { kind: 'contests', label: 'A contest I am in started or ended' },
  { kind: 'teamRank', label: 'I took or lost #1 on my team’s monthly board' },
  { kind: 'kudos', label: 'A colleague gave me kudos' },
  { kind: 'weeklyDigest', label: 'Weekly digest of my teams (Mondays)' },
];

export function NotificationsSection() {
  const { data, loading, error } = useQuery(MY_NOTIFICATION_SETTINGS);
  const [update] = useMutation(UPDATE_MY_NOTIFICATION_SETTINGS);
  const [saving, setSaving] = useState<Kind | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const settings = getFragmentData(SettingsFragment, data?.myNotificationSettings);
  if (!loading && !error && !settings) return null; // a service account or a screen: no mail

  const toggle = async (kind: Kind, on: boolean, label: string) => {
    setSaving(kind);
    setStatus(null);
    setFailure(null);
    try {
      await update({
        variables: { input: { [kind]: on } },
        // the box follows the click at once; the server's answer then replaces it (or undoes it)
        ...(settings
          ? {
              optimisticResponse: {
                __typename: 'Mutation' as const,
                updateMyNotificationSettings: {
                  __typename: 'NotificationSettings' as const,
                  ...makeFragmentData({ ...settings, [kind]: on }, SettingsFragment),
                },
              },
            }
          : {}),
        // the settings have no id: the answer is written over the query's by hand
        update(cache, result) {
          const saved = result.data?.updateMyNotificationSettings;
          if (saved)
            cache.writeQuery({
              query: MY_NOTIFICATION_SETTINGS,
              data: { __typename: 'Query', myNotificationSettings: saved },
            });
        },
      });
      setStatus(`Saved: “${label}” ${on ? 'on' : 'off'}.`);
    } catch (e) {
      setFailure(apiError(e)?.message ?? 'Could not save the notification settings.');
    } finally {
      setSaving(null);
    }
  };

  return (
    <section className="account-section" aria-labelledby="account-notifications">
      <h3 id="account-notifications">Notifications</h3>
      {error ? <FormError message="Could not load your notification settings." /> : null}
      {settings && !settings.mailEnabled ? (
        <p className="muted" role="note">
          E-mail notifications are off: this server has no mail server configured (SMTP_URL). Your choices are
          kept for when they are turned on.
        </p>
      ) : (
        <p className="muted">E-mail me when:</p>
      )}
      {settings ? (
        <fieldset className="notification-choices" aria-label="E-mail me when">
          {KINDS.filter(({ kind }) => settings[kind] !== null).map(({ kind, label }) => (
            <label key={kind} className="check">
              <input
                type="checkbox"
                name={kind}
                checked={settings[kind] === true}
                disabled={saving !== null}
                onChange={(e) => void toggle(kind, e.target.checked, label)}
              />
              {label}
            </label>
          ))}
        </fieldset>
      ) : null}
      <FormError message={failure} />
      <p role="status" className="account-done">
        {status}
      </p>
    </section>
  );
}
