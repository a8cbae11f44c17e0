/**
 * Where webhooks may point (issue 5): a webhook makes the server POST to any URL it names, so by
 * default private, loopback, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT,
 * multicast and reserved addresses are refused (server-side request forgery). Checked twice:
 * - at registration (webhook.service.ts): an IP literal or `localhost`, or a name that resolves to
 *   such an address, is a BAD_USER_INPUT on `url` (a name that does not resolve yet is accepted);
 * - at delivery (deliver.ts): the address the connection is actually made to, resolved for that
 *   connection, so a name that changed its answer since (DNS rebinding) is refused too.
 * WEBHOOK_ALLOW_PRIVATE=true (receivers on the same host or network, tests) turns both off. The
 * setting reaches the GraphQL service through the database handle the app shares with the worker.
 */
import type { LookupAddress, LookupAllOptions, LookupOneOptions } from 'node:dns';
import { lookup } from 'node:dns';
import { lookup as lookupAsync } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { sharedDatabase, type Database } from '../../db/client.ts';

export interface UrlPolicy {
  /** Deliver to private, loopback and link-local addresses too. */
  readonly allowPrivate: boolean;
}

const DEFAULT_POLICY: UrlPolicy = { allowPrivate: false };
const policies = new WeakMap<object, UrlPolicy>();

/** The app's policy, set by the webhook worker it starts; the strict default otherwise. */
export function setUrlPolicy(db: Database, policy: UrlPolicy): void {
  policies.set(sharedDatabase(db), policy);
}

/** `db`: the app's database, or a request's view of it (db/client.ts countingInto). */
export function urlPolicyFor(db: Database): UrlPolicy {
  return policies.get(sharedDatabase(db)) ?? DEFAULT_POLICY;
}

const blocked = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16],
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
] as const)
  blocked.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], // unspecified
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
  ['2001:db8::', 32], // documentation
] as const)
  blocked.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (a trailing dotted IPv4 counts as two). */
function ipv6Groups(address: string): number[] | null {
  let text = address.toLowerCase().split('%')[0] ?? '';
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted?.[1]) {
    const [a = 0, b = 0, c = 0, d = 0] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, -dotted[1].length)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head = '', tail] = text.split('::');
  const part = (s: string) => (s ? s.split(':').map((g) => parseInt(g, 16)) : []);
  const left = part(head);
  const right = tail === undefined ? [] : part(tail);
  const fill = 8 - left.length - right.length;
  if (fill < 0 || (tail === undefined && fill !== 0)) return null;
  const groups = [...left, ...Array<number>(fill).fill(0), ...right];
  return groups.every((g) => Number.isInteger(g) && g >= 0 && g <= 0xffff) ? groups : null;
}

/** An IPv4 address carried inside an IPv6 one (mapped, translated, 6to4), checked as IPv4. */
function embeddedIPv4(groups: number[]): string | null {
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const [g0 = 0, g1 = 0, g2 = 0, g3 = 0, g4 = 0, g5 = 0, g6 = 0, g7 = 0] = groups;
  const zeros = (...g: number[]) => g.every((x) => x === 0);
  if (zeros(g0, g1, g2, g3, g4) && (g5 === 0xffff || g5 === 0) && !(g5 === 0 && zeros(g6) && g7 <= 1))
    return v4(g6, g7); // ::ffff:a.b.c.d, ::a.b.c.d (not :: or ::1)
  if (g0 === 0x64 && g1 === 0xff9b && zeros(g2, g3, g4, g5)) return v4(g6, g7); // NAT64
  if (g0 === 0x2002) return v4(g1, g2); // 6to4
  return null;
}

/** True for an address a webhook must not reach by default. */
export function isPrivateAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return blocked.check(address, 'ipv4');
  if (family !== 6) return true; // not an address: refuse rather than guess
  const groups = ipv6Groups(address);
  if (!groups) return true;
  const v4 = embeddedIPv4(groups);
  if (v4 !== null) return blocked.check(v4, 'ipv4');
  return blocked.check(address.split('%')[0] ?? address, 'ipv6');
}

/**
 * The one spelling of a webhook URL that is stored and called: WHATWG's serialisation
 * (`new URL(x).href`), which lower-cases the scheme and host, adds the `//` a special scheme may
 * omit and percent-encodes what must be. The database's CHECK (`^https?://`, at most 2000
 * characters) is written for this form, so "HTTPS://Example.com" is stored as
 * "https://example.com/" instead of failing the CHECK. Null when the text is not an http(s) URL.
 */
export function normaliseWebhookUrl(text: string): string | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
}

const hostOf = (url: URL) =>
  url.hostname
    .replace(/^\[(.*)\]$/, '$1')
    .replace(/\.$/, '')
    .toLowerCase();
const isLocalName = (host: string) => host === 'localhost' || host.endsWith('.localhost');

/**
 * Why a URL may not be registered under this policy, or null. Resolves names (a failed lookup
 * passes: delivery checks again, on every attempt).
 */
export async function refusedUrlReason(text: string, policy: UrlPolicy): Promise<string | null> {
  if (policy.allowPrivate) return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return null; // the URL format is checked elsewhere
  }
  const host = hostOf(url);
  const privateReason =
    'must not point to a private, loopback or link-local address (set WEBHOOK_ALLOW_PRIVATE=true to allow)';
  if (isLocalName(host)) return privateReason;
  if (isIP(host)) return isPrivateAddress(host) ? privateReason : null;
  try {
    const addresses = await lookupAsync(host, { all: true, verbatim: true });
    return addresses.some((a) => isPrivateAddress(a.address)) ? privateReason : null;
  } catch {
    return null;
  }
}

export class PrivateAddressError extends Error {
  readonly code = 'EPRIVATEADDRESS';
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * A `lookup` for http(s).request that refuses private addresses: the connection is made to the
 * address checked here, not to a second answer. IP literals never reach a lookup: see
 * `literalRefused`.
 */
export function guardedLookup(
  hostname: string,
  options: LookupOneOptions | LookupAllOptions,
  callback: LookupCallback,
): void {
  lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, []);
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad || isLocalName(hostname.toLowerCase())) {
      const address = bad?.address ?? hostname;
      return callback(new PrivateAddressError(`${hostname} resolves to a private address (${address})`), []);
    }
    if (options.all) return callback(null, addresses);
    const [first] = addresses;
    if (!first)
      return callback(Object.assign(new Error(`${hostname}: no address`), { code: 'ENOTFOUND' }), []);
    callback(null, first.address, first.family);
  });
}

/** A URL whose host is a private IP literal or localhost (no lookup runs for a literal). */
export function literalRefused(url: URL): boolean {
  const host = hostOf(url);
  return isLocalName(host) || (isIP(host) !== 0 && isPrivateAddress(host));
}
