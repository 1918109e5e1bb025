import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { UpdateOrganisationInput, OrganisationsArgs } from './organisations.inputs.js';
import { organisationStaffRule } from './organisations.policy.js';
import { OrganisationsService } from './organisations.service.js';
import { OrganisationConnection, OrganisationGqlType, StaffMemberType } from './organisations.types.js';

/** Per-request loaders: one query per field per request, however many organisations are listed. */
const loaders = new WeakMap<
  Context,
  { staff: DataLoader<string, StaffMemberType[]>; byId: DataLoader<string, OrganisationGqlType | null> }
>();

function loadersOf(ctx: Context) {
  let l = loaders.get(ctx);
  if (!l) {
    l = {
      staff: new DataLoader((ids: readonly string[]) => new OrganisationsService(ctx.em).staffOf(ids)),
      byId: new DataLoader((ids: readonly string[]) => new OrganisationsService(ctx.em).byIds(ids)),
    };
    loaders.set(ctx, l);
  }
  return l;
}

@Resolver(() => OrganisationGqlType)
export class OrganisationsResolver {
  @Query(() => OrganisationConnection)
  organisations(
    @Args(() => OrganisationsArgs) { first, after, neighbourhoodId }: OrganisationsArgs,
    @Ctx() ctx: Context,
  ) {
    return new OrganisationsService(ctx.em).list(first, after, neighbourhoodId);
  }

  @Query(() => OrganisationGqlType, { nullable: true })
  organisation(@Arg('slug', () => String) slug: string, @Ctx() ctx: Context) {
    return new OrganisationsService(ctx.em).bySlug(slug);
  }

  @Authorized(organisationStaffRule)
  @FieldResolver(() => [StaffMemberType], { nullable: true })
  staff(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return loadersOf(ctx).staff.load(org.id);
  }

  @FieldResolver(() => OrganisationGqlType, { nullable: true, description: 'The hub association it operates under' })
  parent(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return org.parentId ? loadersOf(ctx).byId.load(org.parentId) : null;
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
