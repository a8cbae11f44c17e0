import { describe, expect, it } from 'vitest';
import { guardedLookup, isPrivateAddress, literalRefused, refusedUrlReason } from './url-policy.ts';

describe('isPrivateAddress', () => {
  it.each([
    '127.0.0.1',
    '127.8.9.10',
    '10.0.0.1',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.0.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    'fd12:3456::1',
    'fe80::1%eth0',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:10.0.0.1',
    '64:ff9b::a9fe:a9fe', // NAT64 of 169.254.169.254
    '2002:c0a8:0101::1', // 6to4 of 192.168.1.1
    'not an address',
  ])('%s is private', (address) => expect(isPrivateAddress(address)).toBe(true));

  it.each(['8.8.8.8', '93.184.215.14', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    '%s is public',
    (address) => expect(isPrivateAddress(address)).toBe(false),
  );
});

describe('URL checks', () => {
  it('refuses private literals and localhost, unless allowed', async () => {
    const strict = { allowPrivate: false };
    expect(await refusedUrlReason('http://[::1]:4000/x', strict)).toMatch(/WEBHOOK_ALLOW_PRIVATE/);
    expect(await refusedUrlReason('http://LOCALHOST./x', strict)).not.toBeNull();
    expect(await refusedUrlReason('https://8.8.8.8/x', strict)).toBeNull();
    expect(await refusedUrlReason('http://127.0.0.1/x', { allowPrivate: true })).toBeNull();
    expect(literalRefused(new URL('http://0177.0.0.1/x'))).toBe(true); // octal, normalised by URL
    expect(literalRefused(new URL('https://8.8.8.8/x'))).toBe(false);
  });

  it('refuses a connection whose name resolves to a private address', async () => {
    const error = await new Promise<Error | null>((resolve) =>
      guardedLookup('localhost', { all: true }, (e) => resolve(e)),
    );
    expect(error?.message).toMatch(/private address/);
  });
});
