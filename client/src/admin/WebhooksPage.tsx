/**
 * The Webhooks page (issue 15, /webhooks; ADMIN only): every webhook with its events, whether it
 * is paused, and its latest deliveries (state, attempts, the receiver's answer or the error);
 * "Add webhook" registers one and shows its signing secret once, to copy; per webhook Pause or
 * Resume and Delete (after a "Sure?"), per finished delivery "Send again". Each webhook's format
 * (signed JSON, Slack, Teams) and digest are chosen when adding it and changed in the list with two
 * selects (updateWebhook, applied at once). Invariant: the secret
 * lives only in this page's state, from the mutation's answer until "Done" — the mutation is
 * no-cache, so it never enters Apollo's cache. The server enforces every rule (ADMIN only; a
 * pending delivery cannot be redelivered) and its refusals are shown where they belong.
 */
import { useMutation, useQuery } from '@apollo/client/react';
import { useId, useState, type FormEvent } from 'react';
import { FormActions, FormError, LoadState, queryState } from '../components/Actions.tsx';
import { AskFirst, useConfirmedAction } from '../components/AskFirst.tsx';
import { CopyField } from '../components/CopyField.tsx';
import { Field } from '../components/Form.tsx';
import { graphql } from '../gql/index.ts';
import type { WebhookEvent, WebhookFormat, WebhooksQuery } from '../gql/graphql.ts';
import { apiError, fieldErrors } from '../lib/errors.ts';
import { formatWhen } from '../lib/format.ts';
import {
  answerInWords,
  canRedeliver,
  deliveryInWords,
  digestChoices,
  digestFromValue,
  digestInWords,
  digestValue,
  EVENT_NAMES,
  FORMAT_NAMES,
  WEBHOOK_EVENTS,
  WEBHOOK_FORMATS,
} from './webhooks.ts';

const WEBHOOKS = graphql(`
  query Webhooks {
    webhooks {
      id
      url
      events
      paused
      format
      digestMinutes
      createdAt
      recentDeliveries {
        id
        event
        status
        attempts
        lastStatusCode
        lastError
        nextAttemptAt
        deliveredAt
        createdAt
      }
    }
  }
`);

const CREATE_WEBHOOK = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) {
    createWebhook(input: $input) {
      secret
      webhook {
        id
        url
      }
    }
  }
`);

const UPDATE_WEBHOOK = graphql(`
  mutation UpdateWebhook($id: ID!, $input: UpdateWebhookInput!) {
    updateWebhook(id: $id, input: $input) {
      id
      format
      digestMinutes
    }
  }
`);

const PAUSE_WEBHOOK = graphql(`
  mutation PauseWebhook($id: ID!) {
    pauseWebhook(id: $id) {
      id
      paused
    }
  }
`);

const RESUME_WEBHOOK = graphql(`
  mutation ResumeWebhook($id: ID!) {
    resumeWebhook(id: $id) {
      id
      paused
    }
  }
`);

const DELETE_WEBHOOK = graphql(`
  mutation DeleteWebhook($id: ID!) {
    deleteWebhook(id: $id)
  }
`);

const REDELIVER = graphql(`
  mutation RedeliverWebhookDelivery($id: ID!) {
    redeliverWebhookDelivery(id: $id) {
      id
      status
      attempts
    }
  }
`);

type WebhookRow = WebhooksQuery['webhooks'][number];
type DeliveryRow = WebhookRow['recentDeliveries'][number];

interface Created {
  secret: string;
  url: string;
}

interface CreateErrors {
  url?: string;
  events?: string;
  format?: string;
  digestMinutes?: string;
  form?: string;
}

const FIELD_LABELS = { url: 'URL', events: 'events', format: 'format', digestMinutes: 'digest' };

function FormatOptions() {
  return WEBHOOK_FORMATS.map((f) => (
    <option key={f} value={f}>
      {FORMAT_NAMES[f]}
    </option>
  ));
}

function DigestOptions({ current }: { current: number | null }) {
  return digestChoices(current).map((m) => (
    <option key={digestValue(m)} value={digestValue(m)}>
      {digestInWords(m)}
    </option>
  ));
}

function CreateWebhookForm({
  onCreated,
  onCancel,
}: {
  onCreated: (c: Created) => void;
  onCancel: () => void;
}) {
  const [url, setUrl] = useState('');
  const [events, setEvents] = useState<WebhookEvent[]>(['GOAL_ACHIEVED']);
  const [format, setFormat] = useState<WebhookFormat>('JSON');
  const [digestMinutes, setDigestMinutes] = useState<number | null>(null);
  const [errors, setErrors] = useState<CreateErrors>({});
  const eventsId = useId();
  const [create, { loading }] = useMutation(CREATE_WEBHOOK, {
    fetchPolicy: 'no-cache', // the secret never enters the cache
    refetchQueries: [WEBHOOKS],
    awaitRefetchQueries: true,
  });

  const toggle = (event: WebhookEvent, on: boolean) =>
    setEvents((list) => (on ? [...list, event] : list.filter((e) => e !== event)));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (loading) return;
    const problems: CreateErrors = {};
    if (!/^https?:\/\/\S+$/i.test(url.trim()))
      problems.url = 'An http(s) URL, e.g. https://example.com/pulse.';
    if (events.length === 0) problems.events = 'Choose at least one event.';
    setErrors(problems);
    if (Object.keys(problems).length) return;
    try {
      const result = await create({
        variables: { input: { url: url.trim(), events, format, digestMinutes } },
      });
      const created = result.data?.createWebhook;
      if (!created) throw new Error('The server sent no webhook.');
      onCreated({ secret: created.secret, url: created.webhook.url });
    } catch (error) {
      const e = apiError(error);
      setErrors(fieldErrors(e, FIELD_LABELS) ?? { form: e?.message ?? 'Could not add it.' });
    }
  };

  return (
    <form className="card invite-form" aria-label="Add a webhook" onSubmit={(e) => void submit(e)} noValidate>
      <h2>Add a webhook</h2>
      <Field
        label="URL"
        error={errors.url}
        hint="Pulse POSTs each event here, signed with the secret shown once after saving."
      >
        {(props) => (
          <input
            {...props}
            autoFocus
            type="url"
            autoComplete="off"
            maxLength={2000}
            placeholder="https://example.com/pulse"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        )}
      </Field>
      <fieldset
        className={`event-choices${errors.events ? ' invalid' : ''}`}
        aria-describedby={errors.events ? `${eventsId}-error` : undefined}
      >
        <legend>Events</legend>
        {WEBHOOK_EVENTS.map((event) => (
          <label key={event} className="check">
            <input
              type="checkbox"
              checked={events.includes(event)}
              onChange={(e) => toggle(event, e.target.checked)}
            />
            {EVENT_NAMES[event]}
          </label>
        ))}
        {errors.events ? (
          <p className="field-error" id={`${eventsId}-error`}>
            {errors.events}
          </p>
        ) : null}
      </fieldset>
      <div className="field-row">
        <Field label="Format" error={errors.format} hint="Slack and Teams get readable messages.">
          {(props) => (
            <select {...props} value={format} onChange={(e) => setFormat(e.target.value as WebhookFormat)}>
              <FormatOptions />
            </select>
          )}
        </Field>
        <Field
          label="Messages"
          error={errors.digestMinutes}
          hint="A digest lists an interval’s events in one message."
        >
          {(props) => (
            <select
              {...props}
              value={digestValue(digestMinutes)}
              onChange={(e) => setDigestMinutes(digestFromValue(e.target.value))}
            >
              <DigestOptions current={digestMinutes} />
            </select>
          )}
        </Field>
      </div>
      <FormError message={errors.form} />
      <FormActions busy={loading} label="Add webhook" busyLabel="Adding…" onCancel={onCancel} />
    </form>
  );
}

/** The new webhook's secret, once: to copy into the receiver's configuration. */
function SecretOnce({ created, onDone }: { created: Created; onDone: () => void }) {
  const id = useId();
  return (
    <div className="token-once" role="group" aria-labelledby={id}>
      <h4 id={id}>Signing secret for {created.url}</h4>
      <p className="token-warning">
        Copy it now: it is shown only this once. The receiver checks X-Pulse-Signature with it.
      </p>
      <CopyField label="Signing secret" value={created.secret}>
        <button type="button" className="ghost" onClick={onDone}>
          Done
        </button>
      </CopyField>
    </div>
  );
}

function DeliveryItem({
  delivery,
  paused,
  digest,
}: {
  delivery: DeliveryRow;
  paused: boolean;
  digest: boolean;
}) {
  const [redeliver, { loading }] = useMutation(REDELIVER, { refetchQueries: [WEBHOOKS] });
  const [error, setError] = useState<string | null>(null);
  const send = async () => {
    setError(null);
    try {
      await redeliver({ variables: { id: delivery.id } });
    } catch (e) {
      setError(apiError(e)?.message ?? 'The server refused.');
    }
  };
  return (
    <tr className={`delivery ${delivery.status.toLowerCase()}`}>
      <td>
        <time dateTime={delivery.createdAt}>{formatWhen(delivery.createdAt)}</time>
      </td>
      <td>{EVENT_NAMES[delivery.event]}</td>
      <td>
        <span className={`delivery-status ${delivery.status.toLowerCase()}`}>
          {deliveryInWords(delivery, paused, digest)}
        </span>
      </td>
      <td className="num">{delivery.attempts}</td>
      <td className="delivery-answer">{answerInWords(delivery)}</td>
      <td className="delivery-actions">
        {canRedeliver(delivery) ? (
          <button
            type="button"
            className="ghost"
            disabled={loading}
            aria-label={`Send delivery ${delivery.id} again`}
            onClick={() => void send()}
          >
            {loading ? 'Sending…' : 'Send again'}
          </button>
        ) : null}
        <FormError message={error} />
      </td>
    </tr>
  );
}

/** The webhook's format and digest, changed at once (updateWebhook); a refusal names the field. */
function WebhookSettings({ webhook }: { webhook: WebhookRow }) {
  const [update, { loading }] = useMutation(UPDATE_WEBHOOK);
  const [error, setError] = useState<string | null>(null);
  const change = async (input: { format?: WebhookFormat; digestMinutes?: number | null }) => {
    setError(null);
    try {
      await update({ variables: { id: webhook.id, input } });
    } catch (e) {
      const api = apiError(e);
      const fields = fieldErrors(api, FIELD_LABELS);
      setError(
        (fields && Object.values(fields).join(' ')) || api?.message || 'The server refused the change.',
      );
    }
  };
  return (
    <div className="webhook-settings">
      <Field label="Format" error={undefined}>
        {(props) => (
          <select
            {...props}
            aria-label={`Format of ${webhook.url}`}
            disabled={loading}
            value={webhook.format}
            onChange={(e) => void change({ format: e.target.value as WebhookFormat })}
          >
            <FormatOptions />
          </select>
        )}
      </Field>
      <Field label="Messages" error={undefined}>
        {(props) => (
          <select
            {...props}
            aria-label={`Messages of ${webhook.url}`}
            disabled={loading}
            value={digestValue(webhook.digestMinutes)}
            onChange={(e) => void change({ digestMinutes: digestFromValue(e.target.value) })}
          >
            <DigestOptions current={webhook.digestMinutes} />
          </select>
        )}
      </Field>
      <FormError message={error} />
    </div>
  );
}

function WebhookItem({ webhook }: { webhook: WebhookRow }) {
  const headingId = useId();
  const action = useConfirmedAction('The server refused.');
  const [pause, pausing] = useMutation(PAUSE_WEBHOOK, { refetchQueries: [WEBHOOKS] });
  const [resume, resuming] = useMutation(RESUME_WEBHOOK, { refetchQueries: [WEBHOOKS] });
  const [remove, removing] = useMutation(DELETE_WEBHOOK, {
    refetchQueries: [WEBHOOKS],
    awaitRefetchQueries: true,
  });
  const busy = pausing.loading || resuming.loading || removing.loading;
  const variables = { id: webhook.id };
  const deliveries = webhook.recentDeliveries;

  return (
    <li className={`card webhook${webhook.paused ? ' paused' : ''}`} aria-labelledby={headingId}>
      <div className="webhook-head">
        <div className="webhook-main">
          <p className="webhook-url" id={headingId}>
            {webhook.url}
          </p>
          <p className="webhook-meta">
            {webhook.events.map((e) => (
              <span key={e} className="event-chip">
                {EVENT_NAMES[e]}
              </span>
            ))}
            <span className="muted">Added {formatWhen(webhook.createdAt)}</span>
          </p>
          <WebhookSettings webhook={webhook} />
        </div>
        <span className={`token-state ${webhook.paused ? 'paused' : 'active'}`}>
          {webhook.paused ? 'paused' : 'active'}
        </span>
        <div className="person-actions">
          <AskFirst
            action={action}
            label="Delete"
            ariaLabel={`Delete ${webhook.url}`}
            disabled={busy}
            question="Delete it? Deliveries not yet sent are dropped."
            yes="Yes, delete"
            busyYes="Deleting…"
            busy={busy}
            onYes={() => void action.run(() => remove({ variables }))}
          >
            {webhook.paused ? (
              <button
                type="button"
                className="ghost"
                disabled={busy}
                aria-label={`Resume ${webhook.url}`}
                onClick={() => void action.run(() => resume({ variables }))}
              >
                {resuming.loading ? 'Resuming…' : 'Resume'}
              </button>
            ) : (
              <button
                type="button"
                className="ghost"
                disabled={busy}
                aria-label={`Pause ${webhook.url}`}
                onClick={() => void action.run(() => pause({ variables }))}
              >
                {pausing.loading ? 'Pausing…' : 'Pause'}
              </button>
            )}
          </AskFirst>
        </div>
      </div>
      {webhook.paused ? (
        <p className="muted small">
          Paused: its events wait here and go out, oldest first, when it is resumed.
        </p>
      ) : null}
      <FormError message={action.error} />
      {deliveries.length === 0 ? (
        <p className="empty">No deliveries yet.</p>
      ) : (
        <div className="table-wrap">
          <table className="deliveries">
            <caption className="visually-hidden">Latest deliveries to {webhook.url}</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Event</th>
                <th scope="col">State</th>
                <th scope="col" className="num">
                  Attempts
                </th>
                <th scope="col">Last answer</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {deliveries.map((d) => (
                <DeliveryItem
                  key={d.id}
                  delivery={d}
                  paused={webhook.paused}
                  digest={webhook.digestMinutes !== null}
                />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </li>
  );
}

export function WebhooksPage() {
  const list = useQuery(WEBHOOKS, { fetchPolicy: 'cache-and-network' });
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Created | null>(null);
  const webhooks = list.data?.webhooks ?? [];

  return (
    <div className="admin-page webhooks-page">
      <div className="section-head">
        <h1>Webhooks</h1>
        <div className="actions">
          <button type="button" className="ghost" onClick={() => void list.refetch().catch(() => {})}>
            Refresh
          </button>
          {adding ? null : (
            <button
              type="button"
              className="primary"
              onClick={() => {
                setCreated(null);
                setAdding(true);
              }}
            >
              Add webhook
            </button>
          )}
        </div>
      </div>
      <p className="muted">
        HTTP POSTs for goals achieved or missed, badges and top-3 changes — signed JSON, or readable Slack and
        Teams messages, one per event or a digest — retried until the receiver answers 2xx; the latest 20
        deliveries of each are shown.
      </p>
      {adding ? (
        <CreateWebhookForm
          onCreated={(c) => {
            setAdding(false);
            setCreated(c);
          }}
          onCancel={() => setAdding(false)}
        />
      ) : null}
      {created ? <SecretOnce created={created} onDone={() => setCreated(null)} /> : null}
      <LoadState what="the webhooks" {...queryState(list)}>
        {webhooks.length === 0 ? (
          <p className="empty">No webhooks yet.</p>
        ) : (
          <ul className="webhook-list" aria-label="Webhooks">
            {webhooks.map((w) => (
              <WebhookItem key={w.id} webhook={w} />
            ))}
          </ul>
        )}
      </LoadState>
    </div>
  );
}
