import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { UpdateOrganisationInput, OrganisationsArgs } from './organisations.inputs.js';
import { organisationStaffRule } from './organisations.policy.js';
import { OrganisationsService } from './organisations.service.js';
import { OrganisationConnection, OrganisationGqlType, StaffMemberType } from './organisations.types.js';

const staffLoaders = new WeakMap<Context, DataLoader<string, StaffMemberType[]>>();

function staffLoader(ctx: Context) {
  let loader = staffLoaders.get(ctx);
  if (!loader) {
    loader = new DataLoader((ids: readonly string[]) => new OrganisationsService(ctx.em).staffOf(ids));
    staffLoaders.set(ctx, loader);
  }
  return loader;
}

@Resolver(() => OrganisationGqlType)
export class OrganisationsResolver {
  @Query(() => OrganisationConnection)
  organisations(@Args(() => OrganisationsArgs) { first, after, neighbourhoodId }: OrganisationsArgs, @Ctx() ctx: Context) {
    return new OrganisationsService(ctx.em).list(first, after, neighbourhoodId);
  }

  @Query(() => OrganisationGqlType, { nullable: true })
  organisation(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    return new OrganisationsService(ctx.em).bySlug(slug);
  }

  @Authorized(organisationStaffRule)
  @FieldResolver(() => [StaffMemberType], { nullable: true })
  staff(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return staffLoader(ctx).load(org.id);
  }

  @Mutation(() => OrganisationGqlType, { description: 'Edits contact details (own staff, county supervisor, admins)' })
  async updateOrganisation(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateOrganisationInput) input: UpdateOrganisationInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new OrganisationsService(ctx.em).update(ctx.viewer, id, input);
    ctx.audit = change;
    return result;
  }
}
