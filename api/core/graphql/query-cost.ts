/**
 * What an operation costs, before it runs: about how many values its response can hold. Every
 * field selected costs 1 for each object it is selected on, and a list multiplies what is selected
 * under it by its size, so `leaderboard(limit: 100) { entries { user { name } } }` costs
 * 1 + 100 × (1 + 1 + 1) = 301. Sizes come from the real bound where there is one (a `limit` or
 * `count` argument, capped by what the resolver accepts; the 4 webhook events; the 20 recent
 * deliveries) and from an assumed size of a large organisation otherwise (LIST_SIZES), so a
 * nesting like `members { team { members } }` costs what it would cost there. Fields of the same
 * response key are merged as graphql-js executes them; @skip/@include are ignored (counted).
 * Introspection fields cost 1 each without list multiplication: their size is the schema's.
 *
 * Why our own walk and not graphql-armor's costLimit (no list sizes) or graphql-query-complexity
 * (an estimator sees only its own field's arguments): `Leaderboard.entries` is sized by its
 * parent's `limit`. The size of the response itself is bounded separately (response-limit.ts).
 */
import {
  getArgumentValues,
  getNamedType,
  getNullableType,
  getVariableValues,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import {
  BADGE_RULE_PREVIEW_PEOPLE,
  BADGE_RULE_PREVIEW_PERIODS,
  CELEBRATION_KINDS,
  LEADERBOARD_METRICS,
  LIMITS,
  PERIOD_TYPES,
  WEBHOOK_EVENTS,
} from '../../../schema/db/constants.ts';

/** How long a list can be. */
export type ListSize =
  /** A bound the data itself keeps (a deduplicated enum list, a fixed page). */
  | { readonly bound: number }
  /** Set by an argument of the field, or of the field that returned its parent object. */
  | { readonly argument: string; readonly of: 'field' | 'parent'; readonly max: number }
  /** Unbounded: the size assumed for a large organisation, smaller when an argument narrows it. */
  | { readonly assumed: number; readonly narrowedBy?: Readonly<Record<string, number>> };

/** Assumed sizes: 25 teams of 50, 1,000 people, 500 goals (a larger organisation still works: the
 * response limit, not the cost, then stops an answer that grows too large). */
const PEOPLE = 1000;
const TEAMS = 25;
const TEAM_SIZE = 50;

/** Every list field of the schema (a test checks that none is missing). */
export const LIST_SIZES: Readonly<Record<string, ListSize>> = {
  'Query.achievementRules': { assumed: 50 },
  'Query.badgeRules': { assumed: 50 },
  'BadgeRulePreview.periods': { bound: BADGE_RULE_PREVIEW_PERIODS },
  'BadgeRulePreviewPeriod.people': { bound: BADGE_RULE_PREVIEW_PEOPLE },
  // one per active rule
  'Query.achievementProgress': { assumed: 50 },
  'OrganisationClock.periods': { bound: PERIOD_TYPES.length },
  'Query.achievements': { argument: 'limit', of: 'field', max: 1000 },
  'Query.currentPerformance': { assumed: PEOPLE, narrowedBy: { userId: 1 } },
  'Query.goals': { assumed: 500, narrowedBy: { userId: 20, teamId: 100 } },
  'Query.performanceSummary': { assumed: PEOPLE, narrowedBy: { userId: 1 } },
  'Query.teamPerformance': { assumed: TEAMS, narrowedBy: { teamId: 1 } },
  'Query.teams': { assumed: TEAMS },
  'Query.trends': { argument: 'count', of: 'field', max: LIMITS.trendsCount },
  'Query.users': { assumed: PEOPLE, narrowedBy: { teamId: TEAM_SIZE } },
  'Query.webhooks': { assumed: 20 },
  // LIMITS.apiTokensPerUser live ones, and the revoked ones of the last day
  'Query.apiTokens': { assumed: 50 },
  'Query.auditLog': { argument: 'first', of: 'field', max: 200 },
  'Query.screens': { assumed: 100 },
  'ScreenLayout.boards': { bound: LEADERBOARD_METRICS.length },
  'ScreenLayout.celebrations': { bound: CELEBRATION_KINDS.length },
  'Leaderboard.entries': { argument: 'limit', of: 'parent', max: LIMITS.leaderboardLimit },
  // a page of a figure's activities: `first` of Goal.contributions or LeaderboardEntry.contributions
  'ContributionPage.nodes': { argument: 'first', of: 'parent', max: LIMITS.contributionsCeiling },
  // a page of the kudos feed: `first` of Query.kudos
  'KudosPage.nodes': { argument: 'first', of: 'parent', max: LIMITS.kudosPage },
  'Team.members': { assumed: TEAM_SIZE },
  'TeamPerformance.members': { assumed: TEAM_SIZE },
  'Webhook.events': { bound: WEBHOOK_EVENTS.length },
  // api/modules/webhooks/webhook.service.ts RECENT_DELIVERIES
  'Webhook.recentDeliveries': { bound: 20 },
  // api/modules/contests/contest.reads.ts CONTEST_LIST_MAX
  'Query.contests': { argument: 'limit', of: 'field', max: 200 },
  // api/live/hub/contest-list.ts CONTEST_LIST_MAX
  'ContestList.contests': { bound: 200 },
  'Contest.users': { assumed: TEAM_SIZE },
  'Contest.teams': { assumed: TEAMS },
  'Contest.pairs': { assumed: TEAM_SIZE },
  // a contest's people (or teams): a sales floor's, as Team.members; a larger one is still
  // answered, the response limit (not the cost) stopping one that grows too large
  'ContestStandings.entries': { assumed: 100 },
  'ContestStandings.winners': { assumed: TEAM_SIZE },
};

/** A list the table above does not know (a new field): as large as the largest assumed list. */
const UNKNOWN_LIST = PEOPLE;

type Args = Record<string, unknown>;

interface Walk {
  readonly fragments: ReadonlyMap<string, FragmentDefinitionNode>;
  readonly variables: Record<string, unknown>;
}

/** The size of one list field where it is selected, from its own and its parent's arguments. */
function sizeOf(
  key: string,
  field: GraphQLField<unknown, unknown>,
  args: Args,
  parentField: GraphQLField<unknown, unknown> | undefined,
  parentArgs: Args,
): number {
  const size = LIST_SIZES[key];
  if (!size) return UNKNOWN_LIST;
  if ('bound' in size) return size.bound;
  if ('argument' in size) {
    const owner = size.of === 'field' ? field : parentField;
    const given = size.of === 'field' ? args[size.argument] : parentArgs[size.argument];
    // null reads as the default, as the resolvers do; out of range is refused by the resolver
    const fallback = owner?.args.find((a) => a.name === size.argument)?.defaultValue;
    const value = typeof given === 'number' ? given : typeof fallback === 'number' ? fallback : size.max;
    return Math.min(Math.max(value, 0), size.max);
  }
  let assumed = size.assumed;
  for (const [argument, narrowed] of Object.entries(size.narrowedBy ?? {})) {
    if (args[argument] !== undefined && args[argument] !== null) assumed = Math.min(assumed, narrowed);
  }
  return assumed;
}

/** The fields selected on `type` by a selection set, by response key (fragments merged in). */
function collectFields(
  walk: Walk,
  selectionSet: SelectionSetNode,
  into: Map<string, FieldNode[]>,
  visited: Set<string>,
): Map<string, FieldNode[]> {
  for (const selection of selectionSet.selections) {
    if (selection.kind === Kind.FIELD) {
      const key = selection.alias?.value ?? selection.name.value;
      const nodes = into.get(key);
      if (nodes) nodes.push(selection);
      else into.set(key, [selection]);
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      collectFields(walk, selection.selectionSet, into, visited);
    } else {
      const name = selection.name.value;
      const fragment = walk.fragments.get(name);
      if (!fragment || visited.has(name)) continue;
      visited.add(name);
      collectFields(walk, fragment.selectionSet, into, visited);
    }
  }
  return into;
}

function argumentsOf(field: GraphQLField<unknown, unknown>, node: FieldNode, walk: Walk): Args {
  if (field.args.length === 0) return {};
  try {
    return getArgumentValues(field, node, walk.variables);
  } catch {
    return {}; // refused by validation or when the operation runs; sized at the largest meanwhile
  }
}

function selectionCost(
  walk: Walk,
  type: GraphQLNamedType,
  selectionSets: readonly SelectionSetNode[],
  parentField: GraphQLField<unknown, unknown> | undefined,
  parentArgs: Args,
): number {
  if (!isObjectType(type) && !isInterfaceType(type)) return 0;
  const fields = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  for (const set of selectionSets) collectFields(walk, set, fields, visited);
  const definitions = type.getFields();
  const introspection = type.name.startsWith('__');
  let total = 0;
  for (const nodes of fields.values()) {
    const first = nodes[0]!;
    const name = first.name.value;
    const field = definitions[name];
    if (!field) {
      total += 1; // __typename (and unknown fields, which validation refuses)
      continue;
    }
    const childSets = nodes.flatMap((n) => (n.selectionSet ? [n.selectionSet] : []));
    const args = argumentsOf(field, first, walk);
    const child = childSets.length
      ? selectionCost(walk, getNamedType(field.type), childSets, field, args)
      : 0;
    const list = isListType(getNullableType(field.type));
    const size =
      list && !introspection && !name.startsWith('__')
        ? sizeOf(`${type.name}.${name}`, field, args, parentField, parentArgs)
        : 1;
    total += size * (1 + child);
  }
  return total;
}

/**
 * The cost of one operation with these variables; undefined when the variables do not fit the
 * operation (it is then refused before anything runs, with the variable named).
 */
export function operationCost(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: readonly FragmentDefinitionNode[],
  variables: Record<string, unknown> | null | undefined,
): number | undefined {
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables ?? {});
  if (coerced.errors) return undefined;
  const root = schema.getRootType(operation.operation);
  if (!root) return undefined;
  const walk: Walk = {
    fragments: new Map(fragments.map((f) => [f.name.value, f])),
    variables: coerced.coerced,
  };
  return selectionCost(walk, root, [operation.selectionSet], undefined, {});
}
