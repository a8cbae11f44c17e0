/**
 * The filters of the goal and badge subscriptions, declared once for the resolver's schema and
 * read back typed in `subscribe` (graphql-js hands it the same argument values).
 */
import { ArgsType, Field, ID } from 'type-graphql';

/** The owner filter of the goal subscriptions. */
@ArgsType()
export class GoalFilterArgs {
  @Field(() => ID, { nullable: true })
  userId?: string | null;

  @Field(() => ID, { nullable: true })
  teamId?: string | null;
}

/** The team filter of the badge subscription. */
@ArgsType()
export class TeamFilterArgs {
  @Field(() => ID, { nullable: true })
  teamId?: string | null;
}

/** The goal filter with an explicit null and a left-out argument alike. */
export function goalFilterOf(args: GoalFilterArgs): { userId: string | null; teamId: string | null } {
  return { userId: args.userId ?? null, teamId: args.teamId ?? null };
}

export function teamFilterOf(args: TeamFilterArgs): { teamId: string | null } {
  return { teamId: args.teamId ?? null };
}
