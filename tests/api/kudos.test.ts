/**
 * Kudos (issue 19, docs/kudos.md) through the public surface: GraphQL over HTTP for giving,
 * editing, removing and the feed; graphql-ws for kudosGiven (the TVs' celebration); a real SMTP
 * server for the recipient's mail. The edit window and the rate limit run on the server's kudos
 * clock, which the tests set (app.org.kudos.clock): nothing waits for real time to pass.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { recordActivity, startOrgServer, type OrgFixture } from '../support/fixtures.ts';
import { pairScreen } from '../support/screens.ts';
import { dataOf, errorOf, type TestServer } from '../support/server.ts';
import { startSmtp, type TestSmtp } from '../support/smtp.ts';
import { settle, until } from '../support/wait.ts';
import { connect, subscribe } from '../support/ws.ts';

const FIELDS =
  'id message private activityId goalId createdAt editableUntil giver { name } recipient { id name }';
const GIVE = `mutation($i: GiveKudosInput!) { giveKudos(input: $i) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $i: UpdateKudosInput!) { updateKudos(id: $id, input: $i) { ${FIELDS} } }`;
const REMOVE = `mutation($id: ID!) { removeKudos(id: $id) }`;
const FEED = `query($u: ID, $t: ID, $f: Int, $a: String) { kudos(userId: $u, teamId: $t, first: $f, after: $a) {
  hasNextPage endCursor nodes { id message private recipient { name } } } }`;
const SCREEN_FEED = `query($t: ID) { kudos(teamId: $t) { nodes { id message private giver { name } recipient { name } } } }`;

interface KudosData {
  id: string;
  message: string | null;
  private: boolean;
  activityId: string | null;
  goalId: string | null;
  createdAt: string;
  editableUntil: string;
  giver: { name: string };
  recipient: { id: string; name: string };
}
interface Page {
  kudos: { hasNextPage: boolean; endCursor: string | null; nodes: { id: string; message: string | null }[] };
}

const PER_HOUR = 3;
let server: TestServer;
let org: OrgFixture;
let clock: number;

const setClock = (at: number) => {
  clock = at;
};

async function give(as: string, input: Record<string, unknown>): Promise<KudosData> {
  return dataOf(await server.gql<{ giveKudos: KudosData }>(GIVE, { i: input }, as)).giveKudos;
}

beforeAll(async () => {
  ({ server, org } = await startOrgServer({ KUDOS_PER_HOUR: String(PER_HOUR) }));
  clock = Date.parse('2030-01-01T09:00:00Z');
  server.app.org.kudos.clock.now = () => clock;
});
afterAll(() => server?.close());
// each test starts with no kudos and an hour after the last one's
beforeEach(async () => {
  await server.sql(sql`delete from kudos`);
  setClock(clock + 2 * 3_600_000);
});

describe('giving kudos', () => {
  it('gives kudos with a trimmed message, tied to the recipient’s sale or goal', async () => {
    const { east1, east2 } = org.reps;
    await recordActivity(server, [{ userId: east2.id, amount: '500.00' }]);
    const [sale] = await server.sql<{ id: string }>(
      sql`select id::text from activities where user_id = ${east2.id} limit 1`,
    );
    const given = await give(east1.email, {
      recipientId: String(east2.id),
      message: '  Great close!  ',
      activityId: sale?.id,
    });
    expect(given).toMatchObject({
      message: 'Great close!',
      private: false,
      activityId: sale?.id,
      goalId: null,
      giver: { name: 'Alice Able' },
      recipient: { id: String(east2.id), name: 'Bob Baker' },
    });
    expect(Date.parse(given.createdAt)).toBe(clock);
    expect(Date.parse(given.editableUntil)).toBe(clock + 60_000);
    // a manager and an admin give too
    await give(org.managers.east, { recipientId: String(east1.id), message: 'Thanks' });
    await give(org.admin, { recipientId: String(east1.id), message: 'Thanks' });
  });

  it('refuses self-kudos, a bad message, someone else’s sale, and screens', async () => {
    const { east1, east2, west1 } = org.reps;
    const self = errorOf(
      await server.gql(GIVE, { i: { recipientId: String(east1.id), message: 'me' } }, east1.email),
    );
    expect(self.code).toBe('BAD_USER_INPUT');
    expect(self.fields.map((f) => f.field)).toEqual(['recipientId']);
    for (const message of ['   ', 'x'.repeat(281)]) {
      const bad = errorOf(
        await server.gql(GIVE, { i: { recipientId: String(east2.id), message } }, east1.email),
      );
      expect(bad.code).toBe('BAD_USER_INPUT');
      expect(bad.fields.map((f) => f.field)).toEqual(['message']);
    }
    // 280 characters, emoji counted as one each as Postgres counts them
    await give(east1.email, { recipientId: String(east2.id), message: '👏'.repeat(280) });
    await recordActivity(server, [{ userId: west1.id, amount: '10.00' }]);
    const [theirs] = await server.sql<{ id: string }>(
      sql`select id::text from activities where user_id = ${west1.id} limit 1`,
    );
    const wrongSale = errorOf(
      await server.gql(
        GIVE,
        { i: { recipientId: String(east2.id), message: 'x', activityId: theirs?.id } },
        east1.email,
      ),
    );
    expect(wrongSale.fields.map((f) => f.field)).toEqual(['activityId']);
    const missing = errorOf(
      await server.gql(GIVE, { i: { recipientId: '999999', message: 'x' } }, east1.email),
    );
    expect(missing.code).toBe('NOT_FOUND');
    expect(
      errorOf(await server.gql(GIVE, { i: { recipientId: String(east2.id), message: 'x' } }, org.viewer))
        .code,
    ).toBe('FORBIDDEN');
    const [count] = await server.sql<{ n: number }>(sql`select count(*)::int as n from kudos`);
    expect(count?.n).toBe(1);
  });

  it('limits each giver to KUDOS_PER_HOUR in any rolling hour, removed ones included', async () => {
    const { east1, east2, west1 } = org.reps;
    const start = clock;
    const ids: string[] = [];
    for (let i = 0; i < PER_HOUR; i += 1) {
      setClock(start + i * 60_000);
      ids.push((await give(east1.email, { recipientId: String(east2.id), message: `#${i}` })).id);
    }
    dataOf(await server.gql(REMOVE, { id: ids[0] }, east1.email));
    setClock(start + 59 * 60_000);
    const refused = await server.gql(
      GIVE,
      { i: { recipientId: String(west1.id), message: 'one more' } },
      east1.email,
    );
    expect(errorOf(refused).code).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      retryAt: new Date(start + 3_600_000).toISOString(),
      limit: PER_HOUR,
    });
    // another giver is not limited by it
    await give(west1.email, { recipientId: String(east2.id), message: 'mine' });
    // an hour after the first, one more fits
    setClock(start + 3_600_000 + 1);
    await give(east1.email, { recipientId: String(west1.id), message: 'again' });
  });

  it('holds under concurrent gives: no more than the limit pass', async () => {
    const { east1, east2 } = org.reps;
    const answers = await Promise.all(
      Array.from({ length: PER_HOUR + 3 }, (_, i) =>
        server.gql(GIVE, { i: { recipientId: String(east2.id), message: `at once ${i}` } }, east1.email),
      ),
    );
    expect(answers.filter((a) => !a.errors).length).toBe(PER_HOUR);
    expect(answers.filter((a) => a.errors).map((a) => errorOf(a).code)).toEqual([
      'FORBIDDEN',
      'FORBIDDEN',
      'FORBIDDEN',
    ]);
  });
});

describe('editing and removing', () => {
  it('lets only the giver edit, within a minute', async () => {
    const { east1, east2 } = org.reps;
    const k = await give(east1.email, { recipientId: String(east2.id), message: 'frist' });
    expect(errorOf(await server.gql(UPDATE, { id: k.id, i: { message: 'x' } }, east2.email)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await server.gql(UPDATE, { id: k.id, i: { message: 'x' } }, org.admin)).code).toBe(
      'FORBIDDEN',
    );
    setClock(clock + 60_000);
    const edited = dataOf(
      await server.gql<{ updateKudos: KudosData }>(
        UPDATE,
        { id: k.id, i: { message: 'first', private: true } },
        east1.email,
      ),
    ).updateKudos;
    expect(edited).toMatchObject({ message: 'first', private: true });
    const bad = errorOf(await server.gql(UPDATE, { id: k.id, i: { private: null } }, east1.email));
    expect(bad.fields.map((f) => f.field)).toEqual(['private']);
    setClock(clock + 1);
    const late = errorOf(await server.gql(UPDATE, { id: k.id, i: { message: 'too late' } }, east1.email));
    expect(late.code).toBe('FORBIDDEN');
    expect(late.message).toContain('a minute');
    const [row] = await server.sql<{ message: string }>(
      sql`select message from kudos where id = ${Number(k.id)}`,
    );
    expect(row?.message).toBe('first');
  });

  it('lets the giver, a manager of the recipient’s team or an admin remove it, nobody else', async () => {
    const { east1, east2, west1 } = org.reps;
    const kudosFor = () => give(west1.email, { recipientId: String(east2.id), message: 'hi' });
    const first = await kudosFor();
    for (const who of [east2.email, east1.email, org.managers.west, org.viewer]) {
      expect(errorOf(await server.gql(REMOVE, { id: first.id }, who)).code).toBe('FORBIDDEN');
    }
    expect(dataOf(await server.gql(REMOVE, { id: first.id }, org.managers.east))).toEqual({
      removeKudos: first.id,
    });
    expect(errorOf(await server.gql(REMOVE, { id: first.id }, org.admin)).code).toBe('NOT_FOUND');
    const second = await kudosFor();
    dataOf(await server.gql(REMOVE, { id: second.id }, west1.email));
    const third = await kudosFor();
    dataOf(await server.gql(REMOVE, { id: third.id }, org.admin));
    expect(dataOf(await server.gql<Page>(FEED, {}, east1.email)).kudos.nodes).toEqual([]);
  });
});

describe('the audit log', () => {
  const LOG = `query($id: ID) { auditLog(targetType: "Kudos", targetId: $id) {
    action actorName actor { id email } targetType targetId before after } }`;
  interface Entry {
    action: string;
    actorName: string;
    actor: { id: string; email: string } | null;
    targetType: string;
    targetId: string;
    before: string | null;
    after: string | null;
  }
  const logOf = async (id: string) =>
    dataOf(await server.gql<{ auditLog: Entry[] }>(LOG, { id }, org.admin)).auditLog;
  const whoIs = async (email: string) =>
    dataOf(await server.gql<{ me: { id: string; name: string } }>('{ me { id name } }', undefined, email)).me;

  it('records a removal by a manager or an admin, with actor, action and the kudos; none by its giver', async () => {
    const { east1, east2, west1 } = org.reps;
    const removeAs = async (k: KudosData, who: string) => {
      expect(dataOf(await server.gql(REMOVE, { id: k.id }, who))).toEqual({ removeKudos: k.id });
    };
    // what the log keeps of a kudos, from what the API answered when it was given
    const asGiven = (k: KudosData, giverId: number, recipientTeamId: number) => ({
      giverId,
      recipientId: Number(k.recipient.id),
      recipientTeamId,
      message: k.message,
      private: k.private,
      activityId: k.activityId,
      goalId: k.goalId,
      createdAt: new Date(k.createdAt).toISOString(),
    });

    const manager = await whoIs(org.managers.east);
    const admin = await whoIs(org.admin);
    const byManager = await give(west1.email, {
      recipientId: String(east2.id),
      message: 'Not for work',
      private: true,
    });
    await removeAs(byManager, org.managers.east);
    const byAdmin = await give(east1.email, { recipientId: String(east2.id), message: 'Inside joke' });
    await removeAs(byAdmin, org.admin);
    for (const [k, actor, giverId] of [
      [byManager, manager, west1.id],
      [byAdmin, admin, east1.id],
    ] as const) {
      const [entry, ...more] = await logOf(k.id);
      expect(more).toEqual([]);
      expect(entry).toMatchObject({
        action: 'kudos.remove',
        actorName: actor.name,
        actor: { id: actor.id },
        targetType: 'Kudos',
        targetId: k.id,
        after: null,
      });
      expect(JSON.parse(entry?.before ?? 'null')).toEqual(asGiven(k, giverId, org.teams.east));
    }

    // the giver taking back their own writes nothing, an admin's own kudos included
    const ownRep = await give(west1.email, { recipientId: String(east2.id), message: 'oops' });
    await removeAs(ownRep, west1.email);
    const ownAdmin = await give(org.admin, { recipientId: String(east1.id), message: 'wrong person' });
    await removeAs(ownAdmin, org.admin);
    expect(await logOf(ownRep.id)).toEqual([]);
    expect(await logOf(ownAdmin.id)).toEqual([]);
    // a refused removal writes nothing either
    const kept = await give(west1.email, { recipientId: String(east2.id), message: 'kept' });
    expect(errorOf(await server.gql(REMOVE, { id: kept.id }, org.managers.west)).code).toBe('FORBIDDEN');
    expect(await logOf(kept.id)).toEqual([]);
  });
});

describe('a mail not sent yet', () => {
  // this server has no SMTP_URL, so no worker takes the outbox's rows: the switch the triggers obey
  // is turned on by hand, and each row stays PENDING for the test to read
  it('says an edited message, and is dropped when the kudos is removed', async () => {
    const { east1, east2 } = org.reps;
    await server.sql(sql`update notification_state set mail_enabled = true`);
    try {
      const k = await give(east1.email, { recipientId: String(east2.id), message: 'draft' });
      dataOf(await server.gql(UPDATE, { id: k.id, i: { message: 'final', private: true } }, east1.email));
      const mail = () =>
        server.sql<{ status: string; message: string; private: boolean }>(
          sql`select status, payload->'kudos'->>'message' as message, (payload->'kudos'->>'private')::boolean as private
              from mail_outbox where user_id = ${east2.id} and dedupe_key = ${`kudos:${k.id}`}`,
        );
      expect(await mail()).toEqual([{ status: 'PENDING', message: 'final', private: true }]);
      dataOf(await server.gql(REMOVE, { id: k.id }, east1.email));
      expect((await mail()).map((m) => m.status)).toEqual(['DROPPED']);
    } finally {
      await server.sql(sql`update notification_state set mail_enabled = false`);
    }
  });
});

describe('the feed', () => {
  it('pages newest first and scopes by recipient or team', async () => {
    const { east1, east2, west1 } = org.reps;
    const given: string[] = [];
    for (const [who, to] of [
      [west1, east1],
      [west1, east2],
      [east1, west1],
      [east2, east1],
    ] as const) {
      given.push((await give(who.email, { recipientId: String(to.id), message: `to ${to.id}` })).id);
    }
    const first = dataOf(await server.gql<Page>(FEED, { f: 3 }, east2.email)).kudos;
    expect(first.nodes.map((n) => n.id)).toEqual(given.slice(1).reverse());
    expect(first.hasNextPage).toBe(true);
    const next = dataOf(await server.gql<Page>(FEED, { f: 3, a: first.endCursor }, east2.email)).kudos;
    expect(next.nodes.map((n) => n.id)).toEqual([given[0]]);
    expect(next.hasNextPage).toBe(false);
    const east = dataOf(await server.gql<Page>(FEED, { t: String(org.teams.east) }, west1.email)).kudos;
    expect(east.nodes.map((n) => n.id)).toEqual([given[3], given[1], given[0]]);
    const mine = dataOf(await server.gql<Page>(FEED, { u: String(east1.id) }, west1.email)).kudos;
    // one person's: received or given
    expect(mine.nodes.map((n) => n.id)).toEqual([given[3], given[2], given[0]]);
    expect(errorOf(await server.gql(FEED, { a: 'nope' }, west1.email)).fields.map((f) => f.field)).toEqual([
      'after',
    ]);
    expect(errorOf(await server.gql(FEED, { f: 101 }, west1.email)).fields.map((f) => f.field)).toEqual([
      'first',
    ]);
  });

  it('shows a private message to giver, recipient, their managers and admins only; never to a screen', async () => {
    const { east1, east2, west1 } = org.reps;
    const k = await give(west1.email, {
      recipientId: String(east2.id),
      message: 'secret thanks',
      private: true,
    });
    const seen = async (as: string) =>
      dataOf(await server.gql<Page>(FEED, { t: String(org.teams.east) }, as)).kudos.nodes.find(
        (n) => n.id === k.id,
      )?.message;
    for (const who of [west1.email, east2.email, org.managers.east, org.admin])
      expect(await seen(who)).toBe('secret thanks');
    for (const who of [east1.email, org.managers.west, org.viewer]) expect(await seen(who)).toBeNull();
    const screen = await pairScreen(server, org.admin, 'East TV', org.teams.east);
    const onScreen = dataOf(
      await server.gql<{
        kudos: { nodes: { id: string; message: string | null; giver: { name: string } }[] };
      }>(SCREEN_FEED, { t: String(org.teams.east) }, screen.token),
    ).kudos.nodes;
    expect(onScreen).toEqual([
      {
        id: k.id,
        message: null,
        private: true,
        giver: { name: 'Carol Cruz' },
        recipient: { name: 'Bob Baker' },
      },
    ]);
    // a screen reads its own team's only
    expect(errorOf(await server.gql(SCREEN_FEED, { t: String(org.teams.west) }, screen.token)).code).toBe(
      'FORBIDDEN',
    );
    expect(errorOf(await server.gql(SCREEN_FEED, {}, screen.token)).code).toBe('FORBIDDEN');
  });
});

describe('kudosGiven', () => {
  const SUB = `subscription($t: ID) { kudosGiven(teamId: $t) { id message private giver { name } recipient { name } } }`;
  interface Frame {
    kudosGiven: { id: string; message: string | null; private: boolean };
  }

  it('celebrates new kudos on a screen of the recipient’s team, hiding a private message', async () => {
    const { east1, east2, west1 } = org.reps;
    const screen = await pairScreen(server, org.admin, 'East TV 2', org.teams.east);
    const client = connect(server.url, screen.token);
    try {
      await settle(server);
      const before = server.app.live.subscriberCount;
      const frames = subscribe<Frame>(client, SUB, { t: String(org.teams.east) });
      await until(() => server.app.live.subscriberCount > before, 'the kudos subscription');
      const west = await give(east1.email, { recipientId: String(west1.id), message: 'not on this TV' });
      const open = await give(west1.email, { recipientId: String(east2.id), message: 'Well done' });
      const hidden = await give(west1.email, {
        recipientId: String(east1.id),
        message: 'psst',
        private: true,
      });
      await frames.waitFor((f) => f.kudosGiven.id === hidden.id);
      expect(frames.values.map((f) => f.kudosGiven)).toEqual([
        {
          id: open.id,
          message: 'Well done',
          private: false,
          giver: { name: 'Carol Cruz' },
          recipient: { name: 'Bob Baker' },
        },
        {
          id: hidden.id,
          message: null,
          private: true,
          giver: { name: 'Carol Cruz' },
          recipient: { name: 'Alice Able' },
        },
      ]);
      expect(frames.values.some((f) => f.kudosGiven.id === west.id)).toBe(false);
      frames.stop();
      // another team's stream is refused to this screen
      const refused = subscribe<Frame>(client, SUB, { t: String(org.teams.west) });
      const errors = (await refused.waitForError()) as { extensions?: { code?: string } }[];
      expect(errors[0]?.extensions?.code).toBe('FORBIDDEN');
    } finally {
      await client.dispose();
    }
  });

  it('shows the private message to its recipient’s subscription', async () => {
    const { east1, west1 } = org.reps;
    const client = connect(server.url, await server.token(east1.email));
    try {
      await settle(server);
      const before = server.app.live.subscriberCount;
      const frames = subscribe<Frame>(client, SUB);
      await until(() => server.app.live.subscriberCount > before, 'the kudos subscription');
      const k = await give(west1.email, {
        recipientId: String(east1.id),
        message: 'just for you',
        private: true,
      });
      const frame = await frames.waitFor((f) => f.kudosGiven.id === k.id);
      expect(frame.kudosGiven.message).toBe('just for you');
    } finally {
      await client.dispose();
    }
  });
});

describe('the recipient’s mail', () => {
  let smtp: TestSmtp;
  let mailServer: TestServer;
  let mailOrg: OrgFixture;

  beforeAll(async () => {
    smtp = await startSmtp();
    ({ server: mailServer, org: mailOrg } = await startOrgServer({ SMTP_URL: smtp.url }));
  });
  afterAll(async () => {
    await mailServer?.close();
    await smtp?.close();
  });

  it('mails KUDOS to the recipient unless they turned it off', async () => {
    const { east1, east2, west1 } = mailOrg.reps;
    const gift = (as: string, to: number, message: string) =>
      mailServer.gql(GIVE, { i: { recipientId: String(to), message } }, as).then(dataOf);
    const off = dataOf(
      await mailServer.gql<{ updateMyNotificationSettings: { kudos: boolean } }>(
        'mutation { updateMyNotificationSettings(input: { kudos: false }) { kudos } }',
        {},
        west1.email,
      ),
    );
    expect(off.updateMyNotificationSettings.kudos).toBe(false);
    await gift(east1.email, west1.id, 'not mailed: turned off');
    await gift(west1.email, east2.id, 'Nice work on the demo');
    const mail = await until(
      () => smtp.mails.find((m) => m.to === east2.email && m.headers['x-pulse-notification'] === 'KUDOS'),
      'the kudos mail',
    );
    expect(mail.subject).toBe('👏 Carol Cruz gave you kudos');
    expect(mail.text).toContain('“Nice work on the demo”');
    expect(mail.html).toContain('Nice work on the demo');
    const queued = await mailServer.sql<{ user_id: number; kind: string }>(
      sql`select user_id, kind from mail_outbox where kind = 'KUDOS' order by id`,
    );
    expect(queued).toEqual([{ user_id: east2.id, kind: 'KUDOS' }]);
    expect(smtp.mails.filter((m) => m.to === west1.email)).toEqual([]);
  });
});
