/**
 * One-click unsubscribe links (RFC 8058): /unsubscribe?u=<person>&k=<kind>&s=<signature>, where the
 * signature is an HMAC-SHA256 of "<person>:<kind>" under a key derived from the server's secret
 * (JWT_SECRET, or the one generated at first start). Whoever holds the link may turn that one kind
 * off for that one person, nothing else, without signing in: what a mail client's "Unsubscribe"
 * button needs. The signature is compared in constant time; a link never expires (an old mail's
 * link still works), and turning a kind back on is done in the web client.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';
import type { Queryable } from '../../db/client.ts';
import { readChoices, saveChoices } from '../../modules/notifications/notification.queries.ts';
import { isKind, type NotificationKind } from './kinds.ts';

export interface UnsubscribeRequest {
  userId: number;
  kind: NotificationKind;
}

export function unsubscribeKey(secret: string): Buffer {
  return createHash('sha256').update(`pulse unsubscribe\0${secret}`).digest();
}

const signature = (key: Buffer, userId: number, kind: string) =>
  createHmac('sha256', key).update(`${userId}:${kind}`).digest('base64url');

export function unsubscribeUrl(base: string, key: Buffer, userId: number, kind: NotificationKind): string {
  const query = new URLSearchParams({ u: String(userId), k: kind, s: signature(key, userId, kind) });
  return `${base}/unsubscribe?${query.toString()}`;
}

/** The person and kind a link names, or null when it was not signed by this server. */
export function verifyUnsubscribe(key: Buffer, query: Record<string, unknown>): UnsubscribeRequest | null {
  const { u, k, s } = query;
  if (typeof u !== 'string' || typeof k !== 'string' || typeof s !== 'string') return null;
  if (!/^[1-9]\d{0,9}$/.test(u) || !isKind(k)) return null;
  const userId = Number(u);
  const expected = Buffer.from(signature(key, userId, k));
  const given = Buffer.from(s);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { userId, kind: k };
}

/** Turns the kind off for the person (idempotent); false when the person no longer exists. */
export async function turnOff(db: Queryable, request: UnsubscribeRequest): Promise<boolean> {
  if (!(await readChoices(db, request.userId))) return false;
  await saveChoices(db, request.userId, { [request.kind]: false });
  return true;
}
