import DataLoader from 'dataloader';
import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { DocumentsService } from '../documents/documents.service.js';
import { DocumentType } from '../documents/documents.types.js';
import { LicencesService } from './licences.service.js';
import {
  CreateOrganisationInput,
  LicenceInput,
  OrganisationsArgs,
  UpdateOrganisationInput,
} from './organisations.inputs.js';
import {
  canEditRegistry,
  canManageOrganisation,
  organisationRecordsRule,
  organisationStaffRule,
} from './organisations.policy.js';
import { OrganisationsService } from './organisations.service.js';
import { LicenceType, OrganisationConnection, OrganisationGqlType, StaffMemberType } from './organisations.types.js';

/** Per-request loaders: one query per field per request, however many organisations are listed. */
const loaders = new WeakMap<
  Context,
  {
    staff: DataLoader<string, StaffMemberType[]>;
    byId: DataLoader<string, OrganisationGqlType | null>;
    licences: DataLoader<string, LicenceType[]>;
    documents: DataLoader<string, DocumentType[]>;
  }
>();

function loadersOf(ctx: Context) {
  let l = loaders.get(ctx);
  if (!l) {
    l = {
      staff: new DataLoader((ids: readonly string[]) => new OrganisationsService(ctx.em).staffOf(ids)),
      byId: new DataLoader((ids: readonly string[]) => new OrganisationsService(ctx.em).byIds(ids)),
      licences: new DataLoader((ids: readonly string[]) =>
        new LicencesService(ctx.em, ctx.config).ofOrganisations(ids),
      ),
      documents: new DataLoader((ids: readonly string[]) =>
        new DocumentsService(ctx.em, ctx.storage).ofOrganisations(ids),
      ),
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

  @Authorized(organisationRecordsRule)
  @FieldResolver(() => [LicenceType], { nullable: true, description: 'Its staff, county supervisor and admins only' })
  licences(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return loadersOf(ctx).licences.load(org.id);
  }

  @Authorized(organisationRecordsRule)
  @FieldResolver(() => [DocumentType], { nullable: true, description: 'Its staff, county supervisor and admins only' })
  documents(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return loadersOf(ctx).documents.load(org.id);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may manage its licences, documents and agreements' })
  canManage(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return canManageOrganisation(ctx.viewer, org);
  }

  @FieldResolver(() => Boolean, { description: 'Whether the viewer may change its registry fields and staff' })
  canEditRegistry(@Root() org: OrganisationGqlType, @Ctx() ctx: Context) {
    return canEditRegistry(ctx.viewer, org);
  }

  @Mutation(() => OrganisationGqlType, { description: 'Registers an organisation (county supervisor, admins)' })
  async createOrganisation(
    @Arg('input', () => CreateOrganisationInput) input: CreateOrganisationInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new OrganisationsService(ctx.em).create(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => [StaffMemberType], { description: 'Makes an existing account staff of the organisation' })
  async addOrganisationStaff(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('email', () => String) email: string,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new OrganisationsService(ctx.em).setStaff(ctx.viewer, organisationId, { email });
    ctx.audit = change;
    return result;
  }

  @Mutation(() => [StaffMemberType])
  async removeOrganisationStaff(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('userId', () => ID) userId: string,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new OrganisationsService(ctx.em).setStaff(ctx.viewer, organisationId, {
      removeUserId: userId,
    });
    ctx.audit = change;
    return result;
  }

  @Mutation(() => LicenceType, { description: 'Adds a licence, or edits it when id is given' })
  async saveLicence(
    @Arg('organisationId', () => ID) organisationId: string,
    @Arg('id', () => ID, { nullable: true }) id: string | null,
    @Arg('input', () => LicenceInput) input: LicenceInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new LicencesService(ctx.em, ctx.config).save(
      ctx.viewer,
      organisationId,
      id,
      input,
    );
    ctx.audit = change;
    return result;
  }

  @Mutation(() => Boolean)
  async removeLicence(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    ctx.audit = await new LicencesService(ctx.em, ctx.config).remove(ctx.viewer, id);
    return true;
  }

  @Mutation(() => OrganisationGqlType, {
    description:
      'Edits contact details (own staff, county supervisor, admins) and registry fields (supervisor, admins)',
  })
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
