import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { ContestStatus } from '../../../schema/db/constants.ts';
import type { TeamRow, UserRow } from '../../../schema/db/index.ts';
import type { AppContext } from '../../core/context.ts';
import { ContestStatusEnum } from '../../core/graphql/enums.ts';
import { Team } from '../teams/team.type.ts';
import { User } from '../users/user.type.ts';
import { toStandings } from './contest.mapping.ts';
import * as reads from './contest.reads.ts';
import * as service from './contest.service.ts';
import {
  Contest,
  ContestEntry,
  ContestPair,
  ContestStandings,
  CreateContestInput,
  UpdateContestInput,
} from './contest.type.ts';

const present = <T>(list: (T | null | undefined)[]): T[] => list.filter((x): x is T => x != null);

@Resolver(() => Contest)
export class ContestResolver {
  @Query(() => [Contest], {
    description:
      'Contests the caller may read, newest start first: admins and managers all; a rep those for everyone, naming them or their team; a screen its team’s.',
  })
  contests(
    @Ctx() ctx: AppContext,
    @Arg('status', () => ContestStatusEnum, { nullable: true }) status: ContestStatus | null,
    @Arg('limit', () => Int, { nullable: true, defaultValue: 50, description: 'At most 200.' }) limit: number,
  ): Promise<Contest[]> {
    return reads.contests(ctx, { status: status ?? null, limit: limit ?? 50 });
  }

  @Query(() => Contest, { nullable: true, description: 'One contest, or null.' })
  contest(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<Contest | null> {
    return reads.contest(ctx, id);
  }

  @Mutation(() => Contest, {
    description: 'Creates a contest (a MANAGER over their teams and their people, an ADMIN over anyone).',
  })
  createContest(
    @Ctx() ctx: AppContext,
    @Arg('input', () => CreateContestInput) input: CreateContestInput,
  ): Promise<Contest> {
    return service.createContest(ctx, input);
  }

  @Mutation(() => Contest, {
    description:
      'Changes a contest; once it started, its window, metric, format and participants are refused (CONFLICT naming the field).',
  })
  updateContest(
    @Ctx() ctx: AppContext,
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateContestInput) input: UpdateContestInput,
  ): Promise<Contest> {
    return service.updateContest(ctx, id, input);
  }

  @Mutation(() => ID, { description: 'Deletes a contest (and its results); returns its id.' })
  deleteContest(@Ctx() ctx: AppContext, @Arg('id', () => ID) id: string): Promise<string> {
    return service.deleteContest(ctx, id);
  }

  @FieldResolver(() => [User], { description: 'People named one by one (not in pairs).' })
  async users(@Root() c: Contest, @Ctx() ctx: AppContext): Promise<UserRow[]> {
    return present(await Promise.all(c.userIds.map((id) => ctx.loaders.userById.load(id))));
  }

  @FieldResolver(() => [Team], { description: 'Teams taking part (their current sellers).' })
  async teams(@Root() c: Contest, @Ctx() ctx: AppContext): Promise<TeamRow[]> {
    return present(await Promise.all(c.teamIds.map((id) => ctx.loaders.teamById.load(id))));
  }

  @FieldResolver(() => [ContestPair], { description: 'HEAD_TO_HEAD: who faces whom.' })
  pairs(@Root() c: Contest): ContestPair[] {
    return c.pairIds.map(([userId, opponentId]) => ({ userId, opponentId }));
  }

  @FieldResolver(() => User, { nullable: true, description: 'Who created it.' })
  createdBy(@Root() c: Contest, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return c.createdById === null ? null : ctx.loaders.userById.load(c.createdById);
  }

  @FieldResolver(() => ContestStandings, {
    description: 'Its standings now: live, or the frozen results once it ended.',
  })
  async standings(@Root() c: Contest, @Ctx() ctx: AppContext): Promise<ContestStandings> {
    return toStandings(await reads.standings(ctx, c.id));
  }
}

@Resolver(() => ContestStandings)
export class ContestStandingsResolver {
  @FieldResolver(() => [User], {
    description:
      'Who wins if it ended now (once ENDED: who won, and got the "Contest winner" badge). Team formats: the winning teams’ people.',
  })
  async winners(@Root() s: ContestStandings, @Ctx() ctx: AppContext): Promise<UserRow[]> {
    return present(await Promise.all(s.winnerIds.map((id) => ctx.loaders.userById.load(id))));
  }
}

@Resolver(() => ContestEntry)
export class ContestEntryResolver {
  @FieldResolver(() => User, { nullable: true, description: 'The person (individual formats).' })
  user(@Root() e: ContestEntry, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return e.userId === null ? null : ctx.loaders.userById.load(e.userId);
  }

  @FieldResolver(() => Team, {
    nullable: true,
    description: 'The team (team formats; the person’s team otherwise).',
  })
  team(@Root() e: ContestEntry, @Ctx() ctx: AppContext): Promise<TeamRow | null> | null {
    return e.teamId === null ? null : ctx.loaders.teamById.load(e.teamId);
  }

  @FieldResolver(() => User, { nullable: true, description: 'HEAD_TO_HEAD: the assigned opponent.' })
  opponent(@Root() e: ContestEntry, @Ctx() ctx: AppContext): Promise<UserRow | null> | null {
    return e.opponentId === null ? null : ctx.loaders.userById.load(e.opponentId);
  }
}

@Resolver(() => ContestPair)
export class ContestPairResolver {
  @FieldResolver(() => User, { nullable: true, description: 'One side.' })
  user(@Root() p: ContestPair, @Ctx() ctx: AppContext): Promise<UserRow | null> {
    return ctx.loaders.userById.load(p.userId).then((u) => u ?? null);
  }

  @FieldResolver(() => User, { nullable: true, description: 'The other side.' })
  opponent(@Root() p: ContestPair, @Ctx() ctx: AppContext): Promise<UserRow | null> {
    return ctx.loaders.userById.load(p.opponentId).then((u) => u ?? null);
  }
}
