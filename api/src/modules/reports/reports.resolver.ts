import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { BaseAgreementType } from '../agreements/agreements.types.js';
import { QuarterlyReportInput } from './reports.inputs.js';
import { ReportsService } from './reports.service.js';
import { QuarterlyReportType, QuarterSlotType } from './reports.types.js';

const service = (ctx: Context) => new ReportsService(ctx.em, ctx.config);

/** One query for the quarters of every agreement in a response. */
const quarterLoaders = new WeakMap<Context, DataLoader<BaseAgreementType, QuarterSlotType[], string>>();
const quartersLoader = (ctx: Context) => {
  let l = quarterLoaders.get(ctx);
  if (!l) {
    l = new DataLoader((agreements) => service(ctx).quartersOfMany(ctx.viewer, agreements), {
      cacheKeyFn: (a) => a.id,
    });
    quarterLoaders.set(ctx, l);
  }
  return l;
};

@Resolver(() => BaseAgreementType)
export class AgreementQuartersResolver {
  @FieldResolver(() => [QuarterSlotType], { description: 'The four Jalali quarters of the year and their reports' })
  quarters(@Root() agreement: BaseAgreementType, @Ctx() ctx: Context) {
    return quartersLoader(ctx).load(agreement);
  }
}

@Resolver(() => QuarterlyReportType)
export class ReportsResolver {
  @Query(() => QuarterlyReportType, { nullable: true })
  quarterlyReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).byId(ctx.viewer, id);
  }

  @Mutation(() => QuarterlyReportType, { description: 'Starts the report of a quarter, prefilled from the platform' })
  async startQuarterlyReport(
    @Arg('agreementId', () => ID) agreementId: string,
    @Arg('quarter', () => Int) quarter: number,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).start(ctx.viewer, agreementId, quarter);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => QuarterlyReportType)
  async saveQuarterlyReport(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => QuarterlyReportInput) input: QuarterlyReportInput,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).save(ctx.viewer, id, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => QuarterlyReportType, {
    description: 'Sends the report to the county supervisor (after the quarter ends)',
  })
  async submitQuarterlyReport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).submit(ctx.viewer, id);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => QuarterlyReportType, { description: 'Accepts a submitted report, or returns it with a comment' })
  async reviewQuarterlyReport(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Arg('comment', () => String, { nullable: true }) comment: string | null,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await service(ctx).review(ctx.viewer, id, accept, comment);
    ctx.audit = change;
    return result;
  }
}
