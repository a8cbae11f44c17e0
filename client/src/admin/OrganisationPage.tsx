/**
 * The Organisation page (issue 15, /organisation; ADMIN only): the time zone every period is cut
 * in, the currency, and whether goal pace counts Monday–Friday days (docs/goals-pace.md). Saving a new time zone first asks to confirm, since the server then
 * rebuilds every rollup from the activities (in one transaction; live boards follow at once). A
 * value the server's environment sets (TZ_NAME, CURRENCY) is shown read-only with the variable's
 * name: the server refuses to change it (CONFLICT), because the next start would put it back.
 * The choices are the browser's lists of IANA zones and ISO 4217 codes; the server checks again.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useState, type FormEvent } from 'react';
import { ConfirmStep, FormActions, FormError, LoadState, queryState } from '../components/Actions.tsx';
import { Field } from '../components/Form.tsx';
import { getFragmentData, graphql } from '../gql/index.ts';
import type { OrganisationSettings_OrganisationFragment } from '../gql/graphql.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { currencyChoices, zoneChoices } from './organisation.ts';

/** The settings the form shows, as the page reads them and a save answers them. */
const SettingsFragment = graphql(`
  fragment OrganisationSettings_organisation on Organisation {
    timeZone
    currency
    timeZonePinned
    currencyPinned
    paceWorkingDays
  }
`);

const ORGANISATION = graphql(`
  query Organisation {
    organisation {
      ...OrganisationSettings_organisation
    }
  }
`);

const UPDATE_ORGANISATION = graphql(`
  mutation UpdateOrganisation($input: UpdateOrganisationInput!) {
    updateOrganisation(input: $input) {
      ...OrganisationSettings_organisation
    }
  }
`);

type Settings = OrganisationSettings_OrganisationFragment;

/** The settings the server's environment may set instead (read-only here then), and their choices. */
const PINNABLE = {
  timeZone: {
    label: 'Time zone',
    variable: 'TZ_NAME',
    hint: 'Days, weeks, months, quarters and years start at midnight here.',
    choices: (current: string) => zoneChoices(current).map((zone) => ({ code: zone, label: zone })),
  },
  currency: {
    label: 'Currency',
    variable: 'CURRENCY',
    hint: 'The ISO 4217 code amounts are in; amounts are not converted.',
    choices: currencyChoices,
  },
} as const;
type Pinnable = keyof typeof PINNABLE;

/** A pinnable setting's choices; when pinned, read-only with a hint that says how to change it. */
function PinnableSelect({
  setting,
  settings,
  error,
  disabled,
  value,
  onChange,
}: {
  setting: Pinnable;
  settings: Settings;
  error: string | undefined;
  disabled: boolean;
  value: string;
  onChange: (value: string) => void;
}) {
  const { label, variable, hint, choices } = PINNABLE[setting];
  const pinned = settings[`${setting}Pinned`];
  return (
    <Field
      label={label}
      error={error}
      hint={
        pinned
          ? `Set by ${variable} in the server’s environment: unset it and restart to change it here.`
          : hint
      }
    >
      {(props) => (
        <select
          {...props}
          disabled={pinned || disabled}
          value={value}
          onChange={(e) => onChange(e.target.value)}
        >
          {choices(settings[setting]).map((c) => (
            <option key={c.code} value={c.code}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}

interface Errors {
  timeZone?: string;
  currency?: string;
  paceWorkingDays?: string;
  form?: string;
}

function SettingsForm({
  settings,
  onSaved,
}: {
  settings: Settings;
  onSaved: (message: string | null) => void;
}) {
  const [values, setValues] = useState({ timeZone: settings.timeZone, currency: settings.currency });
  const { timeZone, currency } = values;
  const [paceWorkingDays, setPaceWorkingDays] = useState(settings.paceWorkingDays);
  const [confirming, setConfirming] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  // the clock query (the dashboard's today and periods) follows a new zone at once
  const [update, { loading }] = useMutation(UPDATE_ORGANISATION, {
    refetchQueries: [ORGANISATION, 'Clock'],
  });
  const zoneChanged = timeZone !== settings.timeZone;
  const input = {
    ...(zoneChanged ? { timeZone } : {}),
    ...(currency !== settings.currency ? { currency } : {}),
    ...(paceWorkingDays !== settings.paceWorkingDays ? { paceWorkingDays } : {}),
  };

  const save = async () => {
    setConfirming(false);
    setErrors({});
    try {
      await update({ variables: { input } });
      onSaved(zoneChanged ? `Saved: periods are now cut in ${timeZone}.` : 'Saved.');
    } catch (error) {
      const e = apiError(error);
      setErrors(
        fieldErrors(e, { timeZone: 'time zone', currency: 'currency', paceWorkingDays: 'goal pace' }) ?? {
          form: e?.message ?? 'Could not save.',
        },
      );
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (loading) return;
    onSaved(null);
    if (Object.keys(input).length === 0) {
      onSaved('Nothing to save.');
      return;
    }
    if (zoneChanged) setConfirming(true);
    else void save();
  };

  return (
    <form className="card org-form" aria-label="Organisation settings" onSubmit={submit} noValidate>
      <div className="field-row">
        {(Object.keys(PINNABLE) as Pinnable[]).map((setting) => (
          <PinnableSelect
            key={setting}
            setting={setting}
            settings={settings}
            error={errors[setting]}
            disabled={loading}
            value={values[setting]}
            onChange={(value) => {
              setValues((v) => ({ ...v, [setting]: value }));
              // a new zone asks again before saving
              if (setting === 'timeZone') setConfirming(false);
            }}
          />
        ))}
        <Field
          label="Goal pace counts"
          error={errors.paceWorkingDays}
          hint="What “expected by now” and the rate needed per day count: the period’s real duration, or Monday–Friday only."
        >
          {(props) => (
            <select
              {...props}
              disabled={loading}
              value={paceWorkingDays ? 'working' : 'calendar'}
              onChange={(e) => setPaceWorkingDays(e.target.value === 'working')}
            >
              <option value="calendar">Calendar days</option>
              <option value="working">Working days (Mon–Fri)</option>
            </select>
          )}
        </Field>
      </div>
      {zoneChanged ? (
        <p className="org-warning" role="note">
          A new time zone moves every period’s boundaries: all rollups are rebuilt from the activities, and a
          sale near midnight may move to another day, week or month.
        </p>
      ) : null}
      <FormError message={errors.form} />
      {confirming ? (
        <ConfirmStep
          question={`Change the time zone to ${timeZone} and rebuild every rollup?`}
          yes="Yes, change it"
          busyYes="Rebuilding…"
          busy={loading}
          onYes={() => void save()}
          onCancel={() => setConfirming(false)}
        />
      ) : (
        <FormActions busy={loading} label="Save" busyLabel="Saving…" />
      )}
    </form>
  );
}

export function OrganisationPage() {
  const list = useQuery(ORGANISATION, { fetchPolicy: 'cache-and-network' });
  const settings = getFragmentData(SettingsFragment, list.data?.organisation);
  // kept here: the form starts again (a new key) from what the server holds after a save
  const [saved, setSaved] = useState<string | null>(null);
  return (
    <div className="admin-page organisation-page">
      <div className="section-head">
        <h1>Organisation</h1>
      </div>
      <p className="muted">
        The time zone every period is cut in, the currency of every amount, and what goal pace counts.
      </p>
      <LoadState what="the settings" {...queryState(list)}>
        {settings ? (
          <SettingsForm
            key={`${settings.timeZone}|${settings.currency}|${settings.paceWorkingDays}`}
            settings={settings}
            onSaved={setSaved}
          />
        ) : null}
      </LoadState>
      {saved ? (
        <p className="account-done" role="status">
          {saved}
        </p>
      ) : null}
    </div>
  );
}
