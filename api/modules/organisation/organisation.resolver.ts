import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context.ts';
import * as service from './organisation.service.ts';
import { Organisation, UpdateOrganisationInput } from './organisation.type.ts';

@Resolver(() => Organisation)
export class OrganisationResolver {
  @Query(() => Organisation, { description: 'The organisation’s time zone and currency (signed in).' })
  organisation(@Ctx() ctx: AppContext): Organisation {
    return service.organisation(ctx);
  }

  @Mutation(() => Organisation, {
    description:
      'Changes the time zone, currency or pace basis (ADMIN). A new time zone rebuilds every rollup in the same transaction; live boards follow at once.',
  })
  updateOrganisation(
    @Ctx() ctx: AppContext,
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
  ): Promise<Organisation> {
    return service.updateOrganisation(ctx, input);
  }
}
