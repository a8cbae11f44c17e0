/**
 * Two API instances on one Postgres (real Postgres): what a mutation does through instance A
 * reaches subscribers of instance B (NOTIFY is per database, not per process), as it reaches A's
 * own. How fast each side shows it is printed for diagnosis, not asserted: a host's speed is the
 * benchmark's to measure (bench/), and deadlines here are for runs that broke.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../api/app.ts';
import { createGoal, createOrg, type OrgFixture } from '../support/fixtures.ts';
import {
  BOARD_SUBSCRIPTION,
  median,
  ms,
  now,
  orderInputs,
  RECORD,
  revenueOf,
  stream,
  type BoardFrame,
  type Stream,
} from '../support/live-tools.ts';
import { dataOf, startPeer, startTestServer, type TestServer } from '../support/server.ts';
import { connect } from '../support/ws.ts';

type GoalFrame = { goalChanged: { id: string; currentValue: number; version: number } };
type BadgeFrame = {
  achievementUnlocked: { id: string; title: string; ruleId: string | null; user: { name: string } };
};
interface Side {
  name: 'A' | 'B';
  url: string;
  board: Stream<BoardFrame>;
  goals: Stream<GoalFrame>;
  badges: Stream<BadgeFrame>;
}

const SALES = 10;
let a: TestServer;
let b: App;
let org: OrgFixture;
const sides: Side[] = [];
const disposers: (() => unknown)[] = [];

describe.skipIf(!process.env.DATABASE_URL)(
  'two API instances (real Postgres: two processes’ worth of pools and listeners on one database)',
  () => {
    beforeAll(async () => {
      a = await startTestServer();
      org = await createOrg(a);
      b = await startPeer(a.databaseUrl ?? '');
      const viewer = await a.token(org.viewer);
      const admin = await a.token(org.admin);
      for (const [name, url] of [
        ['A', a.url],
        ['B', b.url],
      ] as const) {
        const screen = connect(url, viewer);
        const office = connect(url, admin);
        disposers.push(
          () => screen.dispose(),
          () => office.dispose(),
        );
        sides.push({
          name,
          url,
          board: stream<BoardFrame>(screen, BOARD_SUBSCRIPTION, {}),
          goals: stream<GoalFrame>(
            office,
            'subscription($u: ID) { goalChanged(userId: $u) { id currentValue version } }',
            {
              u: String(org.reps.east1.id),
            },
          ),
          badges: stream<BadgeFrame>(
            office,
            'subscription { achievementUnlocked { id title ruleId user { name } } }',
          ),
        });
      }
      for (const side of sides) await side.board.waitFor(() => true);
      // goal and badge subscriptions send nothing first: wait until both hubs hold them
      const hubs = [a.app.live, b.live];
      const deadline = now() + 5000;
      while (hubs.some((h) => h.subscriberCount < 3) && now() < deadline)
        await new Promise((r) => setTimeout(r, 10));
      expect(hubs.map((h) => h.subscriberCount)).toEqual([3, 3]);
    });
    afterAll(async () => {
      for (const dispose of disposers) await dispose();
      await b?.stop();
      await a?.close();
    });

    it('both instances listen on the database', async () => {
      const listeners = await a.sql<{ n: number }>(
        sql`select count(*)::int as n from pg_stat_activity
          where application_name = 'pulse-listener' and datname = current_database()`,
      );
      expect(listeners[0]?.n).toBe(2);
      expect(b.bridge.connects).toBe(1);
    });

    it('a goal created and sales made through A reach subscribers of B as fast as A’s own', async () => {
      const periodStart = `${new Date().toISOString().slice(0, 7)}-01`;
      const goalId = await createGoal(a, {
        userId: org.reps.east1.id,
        metric: 'REVENUE',
        periodType: 'MONTHLY',
        periodStart,
        targetValue: 1_000_000,
      });
      const goalCreatedAt = now();
      const goalCreated = await Promise.all(
        sides.map((s) => s.goals.waitFor((g) => g.goalChanged.id === goalId, 10_000)),
      );

      const latency = {
        board: { A: [] as number[], B: [] as number[] },
        goal: { A: [] as number[], B: [] as number[] },
      };
      let revenue = 0;
      let thirdSaleAt = 0;
      for (let i = 0; i < SALES; i += 1) {
        const amount = 100 + i;
        revenue += amount;
        dataOf(await a.gql(RECORD, { a: orderInputs('two', [[org.reps.east1.id, amount]]) }, org.admin));
        const answered = now();
        if (i === 2) thirdSaleAt = answered;
        const shown = `${revenue}.00`;
        for (const side of sides) {
          const frame = await side.board.waitFor(
            (d) => revenueOf(d.leaderboardChanged, 'Alice Able') === shown,
            10_000,
          );
          latency.board[side.name].push(frame.at - answered);
          const goal = await side.goals.waitFor(
            (g) => g.goalChanged.id === goalId && g.goalChanged.currentValue === revenue,
            10_000,
          );
          latency.goal[side.name].push(goal.at - answered);
        }
      }
      // a rule award made by the database (3 orders in a month: "Deal Closer") and a manual one through A
      const dealCloser = await Promise.all(
        sides.map((s) =>
          s.badges.waitFor(
            (x) =>
              x.achievementUnlocked.title === 'Deal Closer' &&
              x.achievementUnlocked.user.name === 'Alice Able',
            10_000,
          ),
        ),
      );
      const award = dataOf(
        await a.gql<{ recordAchievement: { id: string } }>(
          `mutation($i: RecordAchievementInput!) { recordAchievement(input: $i) { id } }`,
          { i: { userId: String(org.reps.east2.id), kind: 'Spirit', title: 'Team Player', badgeIcon: '🤝' } },
          org.admin,
        ),
      );
      const awardedAt = now();
      const manual = await Promise.all(
        sides.map((s) =>
          s.badges.waitFor((x) => x.achievementUnlocked.id === award.recordAchievement.id, 10_000),
        ),
      );

      const med = (xs: number[]) => ms(median(xs));
      console.info(
        `[processes] mutation on A -> frame, median of ${SALES} sales: leaderboard A ${med(latency.board.A)} ms, B ${med(latency.board.B)} ms; ` +
          `goal A ${med(latency.goal.A)} ms, B ${med(latency.goal.B)} ms; ` +
          `all samples board A [${latency.board.A.map(ms).join(', ')}] B [${latency.board.B.map(ms).join(', ')}]; ` +
          `goal created A ${ms(goalCreated[0]!.at - goalCreatedAt)} B ${ms(goalCreated[1]!.at - goalCreatedAt)} ms; ` +
          `Deal Closer after the 3rd sale A ${ms(dealCloser[0]!.at - thirdSaleAt)} B ${ms(dealCloser[1]!.at - thirdSaleAt)} ms; ` +
          `manual badge A ${ms(manual[0]!.at - awardedAt)} B ${ms(manual[1]!.at - awardedAt)} ms`,
      );
      // every sale reached both sides (each wait above found its frame on A and on B)
      expect(latency.board.B).toHaveLength(SALES);
      expect(latency.goal.B).toHaveLength(SALES);
      for (const side of sides) {
        expect(side.board.errors).toEqual([]);
        expect(side.goals.errors).toEqual([]);
        expect(side.badges.errors).toEqual([]);
        // each badge once per instance
        const ids = side.badges.frames.map((f) => f.data.achievementUnlocked.id);
        expect(new Set(ids).size).toBe(ids.length);
      }
      // both instances show the same boards, version included (both take the database's clock)
      const last = sides.map((s) => s.board.last()!.leaderboardChanged);
      expect(last[1]!.entries).toEqual(last[0]!.entries);
      expect(last[1]!.version).toBe(last[0]!.version);
    });
  },
);
