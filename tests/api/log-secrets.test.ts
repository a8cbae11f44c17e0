/**
 * Logs never carry credentials or a statement's bound values. The server runs with a logger whose
 * lines this test reads. A webhook registered as `HTTPS://...` used to fail the table's
 * case-sensitive CHECK, answer INTERNAL_SERVER_ERROR and log the insert's parameters, the signing
 * secret among them; it is now stored normalised. A statement that does fail (a constraint or a
 * cast added by the test) is logged by its text, SQLSTATE and constraint only.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../api/app.ts';
import { signToken } from '../../api/core/auth.ts';
import { loadConfig } from '../../api/config.ts';
import { rows } from '../../api/db/client.ts';
import { createLogger, REDACTED } from '../../api/core/logger.ts';
import { copyTemplateDatabase, TEST_JWT_SECRET } from '../support/server.ts';

const SECRET = 'whsec-do-not-log-0123456789';
const CREATE = `mutation($i: CreateWebhookInput!) { createWebhook(input: $i) { webhook { id url } } }`;

/** Every line a logger wrote, parsed, and the raw text (a secret must appear in neither). */
class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
  get lines(): Record<string, unknown>[] {
    return this.text
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as Record<string, unknown>);
  }
}

let app: App;
let drop: (() => Promise<void>) | undefined;
const log = new Capture();

async function gql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(`${app.url}/graphql`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${await signToken(TEST_JWT_SECRET, 'admin@example.com')}`,
    },
    body: JSON.stringify({ query, variables }),
  });
  return (await response.json()) as {
    data?: { createWebhook: { webhook: { id: string; url: string } } } | null;
    errors?: { extensions: { code: string } }[];
  };
}

const createWebhook = (url: string) => gql(CREATE, { i: { url, events: ['GOAL_ACHIEVED'], secret: SECRET } });

beforeAll(async () => {
  const { databaseUrl, dropDatabase } = await copyTemplateDatabase();
  drop = dropDatabase;
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    JWT_SECRET: TEST_JWT_SECRET,
    DATA_DIR: mkdtempSync(join(tmpdir(), 'pulse-test-')),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'info',
    WEBHOOK_ALLOW_PRIVATE: 'true', // no DNS lookups for the example hosts
    ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}),
  });
  app = await startApp(config, { inMemory: true, logger: createLogger(config, log) });
});
afterAll(async () => {
  await app?.stop();
  await drop?.();
});

describe('webhook URLs', () => {
  it('are stored normalised: an upper-case scheme is registered, not a 500', async () => {
    const result = await createWebhook('  HTTPS://Hooks.Example.COM/Pulse?x=1');
    expect(result.errors).toBeUndefined();
    expect(result.data?.createWebhook.webhook.url).toBe('https://hooks.example.com/Pulse?x=1');
    const id = Number(result.data?.createWebhook.webhook.id);
    const [stored] = await rows<{ url: string }>(
      app.database.db,
      sql`select url from webhooks where id = ${id}`,
    );
    expect(stored?.url).toBe('https://hooks.example.com/Pulse?x=1');
    // a special scheme without slashes is a URL too, and stored in the form the CHECK expects
    const bare = await createWebhook('http:hooks.example.com/bare');
    expect(bare.data?.createWebhook.webhook.url).toBe('http://hooks.example.com/bare');
    expect(log.text).not.toContain(SECRET);
  });

  it('are refused by their normalised length', async () => {
    const long = `https://hooks.example.com/${'é'.repeat(600)}`; // 626 characters, 3626 encoded
    const result = await createWebhook(long);
    expect(result.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'url', message: 'at most 2000 characters' }],
    });
  });
});

describe('a failing statement', () => {
  it('is logged with its text, SQLSTATE and constraint, never its parameters or the failing row', async () => {
    await rows(
      app.database.db,
      sql`alter table webhooks add constraint test_refused check (url not like '%refused%')`,
    );
    const from = log.text.length;
    const result = await createWebhook('https://hooks.example.com/refused');
    await rows(app.database.db, sql`alter table webhooks drop constraint test_refused`);
    expect(result.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const written = log.text.slice(from);
    expect(written).not.toContain(SECRET);
    expect(written).not.toContain('hooks.example.com/refused');
    const line = log.lines.find(
      (l) => l.msg === 'internal error' && JSON.stringify(l).includes('test_refused'),
    );
    expect(line?.err).toMatchObject({
      type: 'DrizzleQueryError',
      query: expect.stringContaining('insert into "webhooks"') as unknown,
      cause: { code: '23514', constraint: 'test_refused', table: 'webhooks' },
    });
  });

  it('keeps a value a data exception quotes out of the message', async () => {
    await rows(
      app.database.db,
      sql.raw(`create function test_cast_secret() returns trigger language plpgsql as $$
        begin perform new.secret::int; return new; end $$`),
    );
    await rows(
      app.database.db,
      sql.raw(`create trigger test_cast_secret before insert on webhooks
        for each row execute function test_cast_secret()`),
    );
    const from = log.text.length;
    const result = await createWebhook('https://hooks.example.com/cast');
    await rows(app.database.db, sql.raw('drop trigger test_cast_secret on webhooks'));
    expect(result.errors?.[0]?.extensions.code).toBe('INTERNAL_SERVER_ERROR');
    const written = log.text.slice(from);
    expect(written).toContain('22P02');
    expect(written).not.toContain(SECRET);
  });
});

describe('the logger', () => {
  it('redacts credentials at any depth of a log object', () => {
    const out = new Capture();
    const logger = createLogger({ logLevel: 'info' }, out);
    logger.info(
      {
        headers: { Authorization: 'Bearer abc.def.ghi', cookie: 'sid=1' },
        nested: { deeper: [{ password: 'pw-1', apiKey: 'key-1', webhookSecret: 'sec-1', name: 'kept' }] },
        token: 'tok-1',
      },
      'request',
    );
    const error = Object.assign(new Error('upstream refused'), { accessToken: 'tok-2', status: 502 });
    logger.error({ err: error }, 'call failed');
    for (const value of ['abc.def.ghi', 'sid=1', 'pw-1', 'key-1', 'sec-1', 'tok-1', 'tok-2'])
      expect(out.text).not.toContain(value);
    const [request, failed] = out.lines;
    expect(request).toMatchObject({
      headers: { Authorization: REDACTED, cookie: REDACTED },
      nested: { deeper: [{ password: REDACTED, apiKey: REDACTED, webhookSecret: REDACTED, name: 'kept' }] },
      token: REDACTED,
    });
    expect(failed?.err).toMatchObject({ message: 'upstream refused', accessToken: REDACTED, status: 502 });
  });
});
