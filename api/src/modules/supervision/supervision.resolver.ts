import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { BaseAgreementType } from '../agreements/agreements.types.js';
import { ComplaintInput, UpdateComplaintInput, VisitInput } from './supervision.inputs.js';
import { SupervisionService } from './supervision.service.js';
import { ComplaintType, SupervisionVisitType, SupervisorDashboardType } from './supervision.types.js';

const service = (ctx: Context) => new SupervisionService(ctx.em, ctx.config);

/** Per-request loaders: one query per field however many agreements a response holds. */
const loaders = new WeakMap<
  Context,
  {
    visits: DataLoader<string, SupervisionVisitType[]>;
    complaints: DataLoader<BaseAgreementType, ComplaintType[], string>;
  }
>();
const loadersOf = (ctx: Context) => {
  let l = loaders.get(ctx);
  if (!l) {
    l = {
      visits: new DataLoader((ids: readonly string[]) => service(ctx).visitsOf(ids)),
      complaints: new DataLoader((agreements) => service(ctx).complaintsOf(agreements), { cacheKeyFn: (a) => a.id }),
    };
    loaders.set(ctx, l);
  }
  return l;
};

@Resolver(() => BaseAgreementType)
export class AgreementSupervisionResolver {
  @FieldResolver(() => [SupervisionVisitType], { description: 'Supervision visits, newest first' })
  visits(@Root() agreement: BaseAgreementType, @Ctx() ctx: Context) {
    return loadersOf(ctx).visits.load(agreement.id);
  }

  @FieldResolver(() => [ComplaintType], { description: 'Complaints about the base, newest first' })
  complaints(@Root() agreement: BaseAgreementType, @Ctx() ctx: Context) {
    return loadersOf(ctx).complaints.load(agreement);
  }
}

@Resolver()
export class SupervisionResolver {
  @Mutation(() => SupervisionVisitType)
  async recordVisit(
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('input', () => VisitInput) input: VisitInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).recordVisit(ctx.viewer, agreementId, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => ComplaintType)
  async recordComplaint(
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('input', () => ComplaintInput) input: ComplaintInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).recordComplaint(ctx.viewer, agreementId, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => ComplaintType)
  async updateComplaint(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdateComplaintInput) input: UpdateComplaintInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).updateComplaint(ctx.viewer, id, input);
    ctx.audit = change;
    return result;
  }

  @Query(() => SupervisorDashboardType, {
    description: 'Agreements, licences, reports, visits and complaints the viewer supervises (default: this year)',
  })
  supervisorDashboard(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return service(ctx).dashboard(ctx.viewer, year);
  }

  @Query(() => String, { description: 'The dashboard’s per-organisation table as CSV (BOM, Persian or English)' })
  supervisorDashboardExport(@Arg('year', () => Int, { nullable: true }) year: number | null, @Ctx() ctx: Context) {
    return service(ctx).exportCsv(ctx.viewer, year, ctx.lang);
  }
}
