/**
 * The mail worker, one per API process while SMTP_URL is set: claims due rows of mail_outbox
 * (outbox.ts: SKIP LOCKED plus a lease, so several processes share the outbox and none sends a
 * row another holds), renders each (compose.ts; the weekly digest: digest-mail.ts, with its chart
 * and PDF reports, digest-report.ts) with its one-click unsubscribe link and headers,
 * hands it to the SMTP server, and records SENT, or a retry after NOTIFY_RETRY_BASE_MS x
 * 2^(attempt - 1) (+-20 %, at most an hour), FAILED after NOTIFY_MAX_ATTEMPTS. Writes never wait
 * for it: they only insert outbox rows, whose trigger NOTIFYs 'pulse_mail' to wake it.
 * When it runs a round is the webhook worker's loop (webhooks/worker-loop.ts and its pure machine: one
 * round at a time, a wake-up during a round runs one more, otherwise one timer for the next due
 * row, at most NOTIFY_POLL_MS). Stopping waits for the sends under way to be recorded, so a
 * restart sends nothing twice. The story: docs/notifications.md.
 */
import nodemailer from 'nodemailer';
import type { Logger } from 'pino';
import type { Database } from '../../db/client.ts';
import { retryDelay } from '../webhooks/worker.ts';
import { createWorkerLoop } from '../webhooks/worker-loop.ts';
import { composeMail } from './compose.ts';
import { composeDigest, type DigestChart, type MailAttachment } from './digest-mail.ts';
import type { DigestReports } from './digest-report.ts';
import { isKind } from './kinds.ts';
import { claimDue, markFailed, markSent, msUntilNextDue, type ClaimedMail } from './outbox.ts';
import { unsubscribeKey, unsubscribeUrl } from './unsubscribe.ts';

export const MAIL_CHANNEL = 'pulse_mail';
/** Mails claimed and sent together in one step of a round. */
const BATCH = 10;
/** A claim outlives the longest SMTP exchange (nodemailer's socket timeout is 10 minutes). */
const LEASE_MS = 15 * 60_000;

export interface MailWorkerOptions {
  db: Database;
  logger: Logger;
  smtpUrl: string;
  from: string;
  /** The server's secret: unsubscribe links are signed with a key derived from it. */
  secret: string;
  /** Where people open Pulse (links in mails, and the unsubscribe page). */
  appUrl: () => string;
  /** The organisation's settings, read at each mail: money and instants. */
  org: { readonly timeZone: string; readonly currency: string };
  /** Draws a weekly digest's trend chart as a PNG (api/reports/trend-chart.ts). */
  digestChart: DigestChart;
  /** A weekly digest's PDF reports, made when it is sent (digest-report.ts). */
  digestReports: DigestReports;
  pollMs: number;
  maxAttempts: number;
  retryBaseMs: number;
}

export interface MailWorkerStats {
  sent: number;
  failedAttempts: number;
}

export interface MailWorker {
  readonly stats: MailWorkerStats;
  start(): void;
  /** Runs a round now, as a NOTIFY does. */
  wake(): void;
  dispose(): Promise<void>;
}

export function createMailWorker(options: MailWorkerOptions): MailWorker {
  const { db, logger, pollMs, maxAttempts, retryBaseMs } = options;
  const transport = nodemailer.createTransport(options.smtpUrl);
  const key = unsubscribeKey(options.secret);
  const stats: MailWorkerStats = { sent: 0, failedAttempts: 0 };
  const loop = createWorkerLoop({
    db,
    logger,
    pollMs,
    channel: MAIL_CHANNEL,
    name: 'notifications',
    what: 'mail',
    round,
  });

  async function send(mail: ClaimedMail): Promise<void> {
    const base = options.appUrl();
    const link = isKind(mail.kind) ? unsubscribeUrl(base, key, mail.userId, mail.kind) : base;
    const ctx = {
      currency: options.org.currency,
      timeZone: options.org.timeZone,
      appUrl: base,
      unsubscribeUrl: link,
    };
    try {
      const content: ReturnType<typeof composeMail> & { attachments?: MailAttachment[] } =
        mail.kind === 'WEEKLY_DIGEST'
          ? await composeDigest(mail, ctx, options.digestChart, await options.digestReports(mail))
          : composeMail(mail, ctx);
      await transport.sendMail({
        from: options.from,
        to: { name: mail.name, address: mail.email },
        subject: content.subject,
        text: content.text,
        html: content.html,
        ...(content.attachments ? { attachments: content.attachments } : {}),
        headers: {
          'List-Unsubscribe': `<${link}>`,
          'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
          'X-Pulse-Notification': mail.kind,
        },
      });
    } catch (error) {
      stats.failedAttempts += 1;
      const last = mail.attempts >= maxAttempts;
      const message = error instanceof Error ? error.message : String(error);
      logger.warn(
        { mail: mail.id, kind: mail.kind, attempt: mail.attempts, last, error: message },
        'notifications: mail not sent',
      );
      await markFailed(db, mail.id, message, last ? null : retryDelay(mail.attempts, retryBaseMs));
      return;
    }
    stats.sent += 1;
    await markSent(db, mail.id);
  }

  /** Claims and sends batches while they come full; returns how long to sleep. */
  async function round(): Promise<number> {
    while (!loop.stopped) {
      const claimed = await claimDue(db, BATCH, LEASE_MS);
      await Promise.all(
        claimed.map((mail) =>
          send(mail).catch((error: unknown) =>
            logger.error({ err: error, mail: mail.id }, 'notifications: recording a mail failed'),
          ),
        ),
      );
      if (claimed.length < BATCH) break;
    }
    const due = await msUntilNextDue(db);
    return due === null ? pollMs : Math.min(Math.max(due, 0), pollMs);
  }

  return {
    stats,
    start: () => loop.start(),
    wake: () => loop.notify('outbox'),
    async dispose() {
      await loop.stop();
      transport.close();
    },
  };
}
