import { Arg, Args, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { PageArgs } from '../../server/pagination.js';
import { CrisisStatus } from './crisis.entity.js';
import { ReportCrisisInput } from './crisis.inputs.js';
import { CrisisService } from './crisis.service.js';
import { CrisisReceiptType, CrisisReferralConnection, CrisisReferralType } from './crisis.types.js';

@Resolver()
export class CrisisResolver {
  @Mutation(() => CrisisReceiptType, {
    description: 'A confidential referral for the base staff and supervisor; never a map feature. Call 123 first',
  })
  async reportCrisis(@Arg('input', () => ReportCrisisInput) input: ReportCrisisInput, @Ctx() ctx: Context) {
    const { result, change } = await new CrisisService(ctx.em).report(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }

  @Query(() => CrisisReferralConnection, { description: 'Referrals you handle, newest first; each read is audited' })
  crisisReferrals(
    @Args(() => PageArgs) { first, after }: PageArgs,
    @Arg('neighbourhoodId', () => ID, { nullable: true }) neighbourhoodId: string | null,
    @Arg('status', () => CrisisStatus, { nullable: true }) status: CrisisStatus | null,
    @Ctx() ctx: Context,
  ) {
    return new CrisisService(ctx.em).list(ctx.viewer, { neighbourhoodId, status }, first, after);
  }

  @Mutation(() => CrisisReferralType, { description: 'Moves a referral forward: NEW, CONTACTED, CLOSED' })
  async updateCrisisReferral(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => CrisisStatus) status: CrisisStatus,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    const { result, change } = await new CrisisService(ctx.em).update(ctx.viewer, id, status, note);
    ctx.audit = change;
    return result;
  }
}
