/**
 * Webhooks: admins register URLs for events; deliveries are made by api/jobs/webhooks/worker.ts from
 * the outbox. Only ADMIN may see or change them: a webhook makes the server call any URL it names.
 * A URL is stored in its normalised form (url-policy.ts normaliseWebhookUrl), the one the table's
 * CHECK and the deliveries expect; its length is checked on that form.
 */
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import { WEBHOOK_DIGEST_MINUTES, WEBHOOK_EVENTS, WEBHOOK_FORMATS } from '../../../schema/db/constants.ts';
import type { WebhookOutboxRow, WebhookRow } from '../../../schema/db/index.ts';
import { requireViewer, type AppContext } from '../../core/context.ts';
import { BadInputError, ConflictError, NotFoundError } from '../../core/errors.ts';
import { parseId } from '../../core/graphql/ids.ts';
import { assertRole } from '../../core/permissions.ts';
import { parseInput } from '../../core/validation.ts';
import { audit } from '../../core/audit.ts';
import { normaliseWebhookUrl, refusedUrlReason, urlPolicyFor } from '../../jobs/webhooks/url-policy.ts';
import {
  deleteWebhookRow,
  insertWebhook,
  listWebhooks,
  lockDelivery,
  recentDeliveries,
  requeueDelivery,
  setWebhookPaused,
  updateWebhookRow,
} from './webhook.queries.ts';
import type {
  CreatedWebhook,
  CreateWebhookInput,
  UpdateWebhookInput,
  Webhook,
  WebhookDelivery,
} from './webhook.type.ts';

const RECENT_DELIVERIES = 20;
const ADMIN_ONLY = 'Only admins manage webhooks.';

const URL_MAX = 2000;

const { min: DIGEST_MIN, max: DIGEST_MAX } = WEBHOOK_DIGEST_MINUTES;
const eventsSchema = z.array(z.enum(WEBHOOK_EVENTS)).min(1, 'name at least one event');
const formatSchema = z.enum(WEBHOOK_FORMATS);
/** Minutes that divide a day, so every interval starts at a round time (formats/interval.ts). */
const digestSchema = z
  .number()
  .int('must be a whole number of minutes')
  .refine((m) => m >= DIGEST_MIN && m <= DIGEST_MAX && DIGEST_MAX % m === 0, {
    message: `must divide a day (1440 minutes) and be between ${DIGEST_MIN} and ${DIGEST_MAX}, e.g. 15, 60 or 1440`,
  });

const updateSchema = z.object({
  events: eventsSchema.nullish(),
  format: formatSchema.nullish(),
  digestMinutes: digestSchema.nullish(),
});

const createSchema = z.object({
  // normalised first, so the length the database checks is the length of what is stored
  url: z.string().transform((text, ctx) => {
    const href = normaliseWebhookUrl(text);
    if (href === null) ctx.addIssue({ code: 'custom', message: 'must be an http(s) URL' });
    else if (href.length > URL_MAX)
      ctx.addIssue({ code: 'custom', message: `at most ${URL_MAX} characters` });
    return href ?? '';
  }),
  events: eventsSchema,
  secret: z.string().min(16, 'at least 16 characters').max(200, 'at most 200 characters').nullish(),
  format: formatSchema.nullish(),
  digestMinutes: digestSchema.nullish(),
});

/** What the audit log keeps of a webhook (never its secret). */
const audited = (row: WebhookRow) => ({
  url: row.url,
  events: row.events,
  format: row.format,
  digestMinutes: row.digestMinutes,
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
    paused: row.paused,
    format: row.format,
    digestMinutes: row.digestMinutes,
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
      format: values.format ?? 'JSON',
      digestMinutes: values.digestMinutes ?? null,
    });
    await audit(tx, viewer, {
      action: 'webhook.create',
      targetType: 'Webhook',
      targetId: inserted.id,
      after: audited(inserted),
    });
    return inserted;
  });
  return { webhook: toWebhook(row, []), secret };
}

/**
 * Changes events, format or digest (a field left out stays; digestMinutes: null ends the digest:
 * events not yet sealed go out one by one, a sealed digest still goes out whole).
 */
export async function updateWebhook(
  ctx: AppContext,
  idArg: string,
  input: UpdateWebhookInput,
): Promise<Webhook> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], ADMIN_ONLY);
  const id = parseId(idArg, 'Webhook');
  const values = parseInput(updateSchema, input);
  const changes = {
    ...(values.events ? { events: [...new Set(values.events)] } : {}),
    ...(values.format ? { format: values.format } : {}),
    ...(values.digestMinutes !== undefined ? { digestMinutes: values.digestMinutes } : {}),
  };
  await ctx.db.transaction(async (tx) => {
    const changed = await updateWebhookRow(tx, id, changes);
    if (!changed) throw new NotFoundError('Webhook', id);
    if (changed.before === changed.after) return;
    await audit(tx, viewer, {
      action: 'webhook.update',
      targetType: 'Webhook',
      targetId: id,
      before: audited(changed.before),
      after: audited(changed.after),
    });
  });
  const [webhook] = await listed(ctx, id);
  if (!webhook) throw new NotFoundError('Webhook', id);
  return webhook;
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

/**
 * Pauses or resumes a webhook (the worker claims no delivery of a paused one: outbox.ts claimDue);
 * resuming wakes the worker through the webhooks trigger, and what waited goes out.
 */
export async function setPaused(ctx: AppContext, idArg: string, paused: boolean): Promise<Webhook> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], ADMIN_ONLY);
  const id = parseId(idArg, 'Webhook');
  await ctx.db.transaction(async (tx) => {
    const changed = await setWebhookPaused(tx, id, paused);
    if (!changed) throw new NotFoundError('Webhook', id);
    if (changed.before.paused === paused) return; // already so: nothing to log
    await audit(tx, viewer, {
      action: paused ? 'webhook.pause' : 'webhook.resume',
      targetType: 'Webhook',
      targetId: id,
      before: { url: changed.before.url, paused: changed.before.paused },
      after: { url: changed.after.url, paused: changed.after.paused },
    });
  });
  const [webhook] = await listed(ctx, id);
  if (!webhook) throw new NotFoundError('Webhook', id);
  return webhook;
}

/** A finished delivery sent again (webhook.queries.ts requeueDelivery); a pending one: CONFLICT. */
export async function redeliver(ctx: AppContext, idArg: string): Promise<WebhookDelivery> {
  const viewer = requireViewer(ctx);
  assertRole(viewer, ['ADMIN'], ADMIN_ONLY);
  const id = parseId(idArg, 'WebhookDelivery');
  const row = await ctx.db.transaction(async (tx) => {
    const before = await lockDelivery(tx, id);
    if (!before) throw new NotFoundError('WebhookDelivery', id);
    if (before.status === 'PENDING') {
      throw new ConflictError('This delivery is still pending: it is attempted again at nextAttemptAt.', {
        field: 'id',
      });
    }
    const after = await requeueDelivery(tx, id);
    await audit(tx, viewer, {
      action: 'webhook.redeliver',
      targetType: 'WebhookDelivery',
      targetId: id,
      before: {
        webhookId: before.webhookId,
        event: before.event,
        status: before.status,
        attempts: before.attempts,
      },
      after: {
        webhookId: after.webhookId,
        event: after.event,
        status: after.status,
        attempts: after.attempts,
      },
    });
    return after;
  });
  return toDelivery(row);
}

export async function webhooks(ctx: AppContext): Promise<Webhook[]> {
  assertRole(requireViewer(ctx), ['ADMIN'], ADMIN_ONLY);
  return listed(ctx);
}

/** Every webhook (or the one `id`) with its recent deliveries. */
async function listed(ctx: AppContext, id?: number): Promise<Webhook[]> {
  const rows = await listWebhooks(ctx.db, id);
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
