/**
 * The cost model (api/core/graphql/query-cost.ts) against the schema and the product's own operations:
 * every list field of the schema has a size of its own (a new list field must be sized on
 * purpose), and every operation the web client, the TV and the benchmarks send costs at most a
 * quarter of the default MAX_COST, so the default refuses none of them with room to spare.
 * (The refusals themselves are tested over HTTP and WebSocket: limits.test.ts, ws-limits.test.ts.)
 */
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  Kind,
  parse,
  typeFromAST,
  type DocumentNode,
  type FragmentDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../api/config.ts';
import { LIST_SIZES, operationCost } from '../../api/core/graphql/query-cost.ts';
import { buildAppSchema } from '../../api/core/graphql/schema.ts';

type Schema = Awaited<ReturnType<typeof buildAppSchema>>;
let schema: Schema;
beforeAll(async () => {
  schema = await buildAppSchema();
});

const MAX_COST = loadConfig({}).maxCost;

/** Values for the operations' variables, as the client sends them (AchievementsTab's limit: 60). */
const VARIABLES: Record<string, unknown> = {
  userId: '1',
  me: '1',
  teamId: '1',
  id: '1',
  periodType: 'MONTHLY',
  metric: 'REVENUE',
  date: '2026-01-15',
  limit: 60,
  first: 50,
  newPassword: 'correct horse battery staple',
};
/** Input objects by type. */
const INPUTS: Record<string, unknown> = {
  CreateGoalInput: {
    userId: '1',
    metric: 'REVENUE',
    periodType: 'MONTHLY',
    periodStart: '2026-01-01',
    targetValue: 1,
  },
  UpdateGoalInput: { targetValue: 1 },
  CreateUserInput: { name: 'N', email: 'n@example.com', role: 'REP', teamId: '1' },
  UpdateUserInput: { role: 'MANAGER' },
  PairScreenInput: { code: 'K7QM-2XPD', name: 'Lobby', teamId: '1' },
  UpdateScreenInput: { boards: ['REVENUE', 'ORDERS'], secondsPerBoard: 20, pinned: null },
  CreateApiTokenInput: { name: 'ERP sync' },
  CreateWebhookInput: { url: 'https://example.com/pulse', events: ['GOAL_ACHIEVED'] },
  UpdateWebhookInput: { format: 'SLACK', digestMinutes: 60 },
  CreateTeamInput: { name: 'North' },
  UpdateTeamInput: { name: 'North' },
  UpdateOrganisationInput: { currency: 'EUR' },
  CreateContestInput: {
    name: 'Power hour',
    startsAt: '2026-01-15T15:00:00Z',
    endsAt: '2026-01-15T16:00:00Z',
    metric: 'CALLS',
    everyone: true,
  },
  UpdateContestInput: { name: 'Power hour' },
  PreviewBadgeRuleInput: { metric: 'REVENUE', periodType: 'MONTHLY', threshold: '1000.00' },
  CreateBadgeRuleInput: { metric: 'REVENUE', threshold: '1000.00', title: 'Big month', icon: 'BADGE' },
  UpdateBadgeRuleInput: { title: 'Bigger month' },
  UpdateNotificationSettingsInput: { badgeEarned: false },
  GiveKudosInput: { recipientId: '2', message: 'Great demo!', private: false },
};

function costs(document: DocumentNode): { name: string; cost: number | undefined }[] {
  const fragments = document.definitions.filter(
    (d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION,
  );
  return document.definitions
    .filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION)
    .map((operation) => {
      const variables = Object.fromEntries(
        (operation.variableDefinitions ?? []).map((v) => {
          const type = typeFromAST(schema, v.type);
          const input = type ? INPUTS[getNamedType(type).name] : undefined;
          return [v.variable.name.value, input ?? VARIABLES[v.variable.name.value]];
        }),
      );
      return {
        name: operation.name?.value ?? 'anonymous',
        cost: operationCost(schema, operation, fragments, variables),
      };
    });
}

describe('the cost model', () => {
  it('sizes every list field of the schema, and only those', () => {
    const lists: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (isListType(getNullableType(field.type))) lists.push(`${type.name}.${field.name}`);
      }
    }
    expect(Object.keys(LIST_SIZES).sort()).toEqual(lists.sort());
  });

  it('counts each field once per object, lists at their size, merged fragments once', () => {
    const cost = (query: string) => {
      const [result] = costs(parse(query));
      return result?.cost;
    };
    expect(cost('{ me { id name } }')).toBe(3);
    expect(cost('{ me { id ...F } } fragment F on User { id name }')).toBe(3);
    expect(cost('{ teams { id members { name } } }')).toBe(25 * (1 + 1 + 50 * 2));
    expect(cost('{ leaderboard { version entries { rank } } }')).toBe(1 + 1 + 10 * 2);
    expect(cost('{ leaderboard(limit: 100000) { entries { rank } } }')).toBe(1 + 500 * 2);
    expect(cost('{ trends(userId: "1", periodType: MONTHLY) { calls } }')).toBe(12 * 2);
    expect(cost('{ users(teamId: "1") { id } performanceSummary(userId: "1") { revenue } }')).toBe(
      50 * 2 + 2,
    );
    // variables that do not fit are refused when the operation runs, with the variable named
    expect(cost('query($n: Int!) { achievements(limit: $n) { id } }')).toBeUndefined();
  });

  it('keeps every operation of the web client, the TV and the benchmarks under a quarter of MAX_COST', async () => {
    const client = await import('../../client/src/gql/graphql.ts');
    const found: { name: string; cost: number | undefined }[] = [];
    for (const [name, document] of Object.entries(client)) {
      if (name.endsWith('Document') && typeof document === 'object') found.push(...costs(document));
    }
    // bench/ is JavaScript: its operations are read at run time
    const targetsPath = '../../bench/lib/targets.mjs';
    const targets = (await import(targetsPath)) as {
      SUBSCRIPTION: { pulse: string };
      BOARD_QUERY: { pulse: string };
      operations(ids: { userId: string; monthStart: string }): Record<string, { pulse: string }>;
    };
    const bench = [
      targets.SUBSCRIPTION.pulse,
      targets.BOARD_QUERY.pulse,
      ...Object.values(targets.operations({ userId: '1', monthStart: '2026-01-01' })).map((o) => o.pulse),
      // M5's small and large variants (bench/scenarios/m5-http.mjs)
      '{ performanceSummary { revenue user { name } } }',
      '{ trends(userId: "1", periodType: MONTHLY, count: 24) { periodStart revenue conversionRate } }',
      '{ teamPerformance(periodType: MONTHLY) { team { name } revenue topPerformer { name } members { user { name } revenue } } }',
      '{ leaderboard(limit: 100) { version entries { rank user { name } revenue } } }',
    ];
    for (const text of bench)
      found.push(...costs(parse(text)).map((c) => ({ ...c, name: text.slice(0, 40) })));
    expect(found.length).toBeGreaterThan(25);
    const over = found.filter((c) => c.cost === undefined || c.cost > MAX_COST / 4);
    expect(over).toEqual([]);
  });
});
