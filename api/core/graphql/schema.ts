/** Builds the executable schema from the type-graphql resolvers; schema/schema.graphql is its print. */
import 'reflect-metadata';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { buildSchema } from 'type-graphql';
import { AchievementResolver } from '../../modules/achievements/achievement.resolver.ts';
import {
  BadgeRulePreviewPersonResolver,
  BadgeRuleResolver,
} from '../../modules/achievements/rule.resolver.ts';
import { ApiTokenResolver, AuthResolver, LinkResolver } from '../../modules/auth/auth.resolver.ts';
import { AuditResolver } from '../../modules/audit/audit.resolver.ts';
import { ScreenResolver } from '../../modules/auth/screen.resolver.ts';
import {
  ContributionPageResolver,
  ContributionResolver,
  EntryContributionsResolver,
  GoalContributionsResolver,
} from '../../modules/goals/contributions.resolver.ts';
import { GoalResolver } from '../../modules/goals/goal.resolver.ts';
import {
  ContestEntryResolver,
  ContestPairResolver,
  ContestResolver,
  ContestStandingsResolver,
} from '../../modules/contests/contest.resolver.ts';
import { ClockPaceResolver, GoalPaceResolver } from '../../modules/goals/goal-pace.resolver.ts';
import { LiveResolver } from '../../modules/subscriptions/subscriptions.resolver.ts';
import {
  LeaderboardEntryResolver,
  LeaderboardResolver,
} from '../../modules/leaderboard/leaderboard.resolver.ts';
import {
  PerformancePeriodResolver,
  PerformanceResolver,
  PerformanceSummaryResolver,
  TeamPerformanceResolver,
} from '../../modules/performance/performance.resolver.ts';
import { NotificationResolver } from '../../modules/notifications/notification.resolver.ts';
import { KudosResolver } from '../../modules/kudos/kudos.resolver.ts';
import { OrganisationResolver } from '../../modules/organisation/organisation.resolver.ts';
import { TeamResolver } from '../../modules/teams/team.resolver.ts';
import { UserResolver } from '../../modules/users/user.resolver.ts';
import { WebhookResolver } from '../../modules/webhooks/webhook.resolver.ts';
import './enums.ts';
import { countListResponses } from './response-limit.ts';
import { applyScreenVisibility } from './visibility.ts';

let cached: Promise<GraphQLSchema> | undefined;

export function buildAppSchema(): Promise<GraphQLSchema> {
  cached ??= build();
  return cached;
}

async function build(): Promise<GraphQLSchema> {
  const schema = await buildSchema({
    resolvers: [
      UserResolver,
      TeamResolver,
      PerformanceResolver,
      PerformancePeriodResolver,
      PerformanceSummaryResolver,
      TeamPerformanceResolver,
      LeaderboardResolver,
      LeaderboardEntryResolver,
      GoalResolver,
      GoalContributionsResolver,
      EntryContributionsResolver,
      ContributionPageResolver,
      ContributionResolver,
      GoalPaceResolver,
      ClockPaceResolver,
      AchievementResolver,
      BadgeRuleResolver,
      BadgeRulePreviewPersonResolver,
      LiveResolver,
      WebhookResolver,
      OrganisationResolver,
      NotificationResolver,
      AuthResolver,
      ApiTokenResolver,
      LinkResolver,
      AuditResolver,
      ScreenResolver,
      ApiTokenResolver,
      LinkResolver,
      AuditResolver,
      ScreenResolver,
      ContestResolver,
      ContestStandingsResolver,
      ContestEntryResolver,
      ContestPairResolver,
      KudosResolver,
    ],
    validate: false,
    // Every subscription brings its own stream (`subscribe`, fed by the live hub); type-graphql
    // still insists on a PubSub, which no resolver uses: topics are refused loudly.
    pubSub: {
      publish() {
        throw new Error('Pulse subscriptions do not use type-graphql topics');
      },
      subscribe() {
        throw new Error('Pulse subscriptions do not use type-graphql topics');
      },
    },
  });
  applyScreenVisibility(schema);
  // type-graphql has no option for root type descriptions; the contract wants every type described
  const query = schema.getQueryType();
  if (query) query.description = 'Reads: people, figures, leaderboards, goals and badges.';
  const mutation = schema.getMutationType();
  if (mutation)
    mutation.description = 'Writes: activity, pushed figures, goals, badges, teams, users and webhooks.';
  const subscription = schema.getSubscriptionType();
  if (subscription)
    subscription.description = 'Live updates over graphql-ws on /graphql (token in connection_init).';
  // lists count what they add to the answer against MAX_RESPONSE_BYTES (response-limit.ts)
  countListResponses(schema);
  return schema;
}

/** The SDL committed as schema/schema.graphql (sorted, so diffs stay readable). */
export async function printAppSchema(): Promise<string> {
  return printSchema(lexicographicSortSchema(await buildAppSchema())) + '\n';
}
