/**
 * Webhooks: admins register URLs for events; deliveries are made by api/jobs/webhooks/worker.ts from
 * the outbox. Only ADMIN may see or change them: a webhook makes the server call any URL it names.
 * A URL is stored in its normalised form (url-policy.ts normaliseWebhookUrl), the one the table's
 * CHECK and the deliveries expect; its length is checked on that form.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WEBHOOK_EVENTS } from '../../../schema/db/constants.ts';
import type { WebhookOutboxRow, WebhookRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { assertRole } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { audit } from '../../core/audit.ts';
import { normaliseWebhookUrl, refusedUrlReason, urlPolicyFor } from '../../jobs/webhooks/url-policy.ts';
import { deleteWebhookRow, insertWebhook, listWebhooks, recentDeliveries } from './webhook.queries.ts';
import type { CreatedWebhook, CreateWebhookInput, Webhook, WebhookDelivery } from './webhook.type.ts';

const RECENT_DELIVERIES = 20;
const ADMIN_ONLY = 'Only admins manage webhooks.';

const URL_MAX = 2000;

const createSchema = z.object({
  // normalised first, so the length the database checks is the length of what is stored
  url: z.string().transform((text, ctx) => {
    const href = normaliseWebhookUrl(text);
    if (href === null) ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    else if (href.length > URL_MAX)
      ctx.addIssue({ code: 'custom', message: `at most ${URL_MAX} characters` });
    return href ?? '';
  }),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'name at least one event'),
  secret: z.string().min(16, 'at least 16 characters').max(200, 'at most 200 characters').nullish(),
});

function toDelivery(row: WebhookOutboxRow): WebhookDelivery {
  const { id, event, idempotencyKey, status, attempts, nextAttemptAt, lastStatusCode, lastError } = row;
  return {
    id,
    event,
    idempotencyKey,
    status,
    attempts,
    nextAttemptAt,
    lastStatusCode,
    lastError,
    deliveredAt: row.deliveredAt,
    createdAt: row.createdAt,
  };
}

function toWebhook(row: WebhookRow, deliveries: WebhookOutboxRow[]): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: row.events,
    createdAt: row.createdAt,
    recentDeliveries: deliveries.map(toDelivery),
  };
}

export async function createWebhook(ctx: AppContext, input: CreateWebhookInput): Promise<CreatedWebhook> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], ADMIN_ONLY);
  const values = parseInput(createSchema, input);
  const refused = await refusedUrlReason(values.url, urlPolicyFor(ctx.db)); // SSRF (issue 5)
  if (refused) throw new BadInputError([{ field: 'url', message: refused }]);
  const secret = values.secret ?? randomBytes(32).toString('base64url');
  const row = await ctx.db.transaction(async (tx) => {
    const inserted = await insertWebhook(tx, {
      url: values.url,
      events: [...new Set(values.events)],
      secret,
      createdBy: viewer.id,
    });
    // never the secret
    const after = { url: inserted.url, events: inserted.events };
    await audit(tx, viewer, {
      action: 'webhook.create',
      targetType: 'Webhook',
      targetId: inserted.id,
      after,
    });
    return inserted;
  });
  return { webhook: toWebhook(row, []), secret };
}

/** Deletes a webhook and its deliveries (pending ones are not sent). */
export async function deleteWebhook(ctx: AppContext, idArg: string): Promise<string> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], ADMIN_ONLY);
  const id = parseId(idArg, 'Webhook');
  await ctx.db.transaction(async (tx) => {
    const deleted = await deleteWebhookRow(tx, id);
    if (!deleted) throw new NotFoundError('Webhook', id);
    await audit(tx, viewer, {
      action: 'webhook.delete',
      targetType: 'Webhook',
      targetId: id,
      before: { url: deleted.url, events: deleted.events },
    });
  });
  return String(id);
}

export async function webhooks(ctx: AppContext): Promise<Webhook[]> {
  assertRole(requireViewer(ctx), ['ADMIN'], ADMIN_ONLY);
  const rows = await listWebhooks(ctx.db);
  const deliveries = await recentDeliveries(
    ctx.db,
    rows.map((r) => r.id),
    RECENT_DELIVERIES,
  );
  return rows.map((r) =>
    toWebhook(
      r,
      deliveries.filter((d) => d.webhookId === r.id),
    ),
  );
}
