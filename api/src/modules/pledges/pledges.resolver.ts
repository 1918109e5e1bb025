import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { DonorProfileInput, PledgeInput, ReceiptInput } from './pledges.inputs.js';
import { PledgesService } from './pledges.service.js';
import {
  DonorProfileType,
  OrganisationLedgerType,
  PlanSupportType,
  PledgeResultType,
  PledgeType,
  ReceiptResultType,
} from './pledges.types.js';

const service = (ctx: Context) => new PledgesService(ctx.em);

@Resolver()
export class PledgesResolver {
  @Query(() => [PlanSupportType], { description: 'Active plans and what they still need; public' })
  supportProjects(
    @Arg('neighbourhoodId', () => ID, { nullable: true }) neighbourhoodId: string | null,
    @Ctx() ctx: Context,
  ) {
    return service(ctx).supportProjects(neighbourhoodId);
  }

  @Query(() => PlanSupportType, { nullable: true, description: 'One active plan: needed, pledged, received' })
  async planSupport(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    const [plan] = await service(ctx).support([planId]);
    return plan ?? null;
  }

  @Query(() => DonorProfileType, { nullable: true, description: 'Your own donor profile' })
  myDonorProfile(@Ctx() ctx: Context) {
    return service(ctx).profile(ctx.viewer);
  }

  @Query(() => [PledgeType], { description: 'Your pledges, newest first' })
  myPledges(@Ctx() ctx: Context) {
    return service(ctx).mine(ctx.viewer);
  }

  @Query(() => [PledgeType], { description: "A plan's pledges: all for its staff and supervisor, your own otherwise" })
  planPledges(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return service(ctx).forPlan(ctx.viewer, planId);
  }

  @Query(() => OrganisationLedgerType, { description: 'Every receipt of an organisation, with totals' })
  organisationLedger(@Arg('organisationId', () => ID) organisationId: string, @Ctx() ctx: Context) {
    return service(ctx).ledger(ctx.viewer, organisationId);
  }

  @Mutation(() => PledgeResultType, {
    description: 'Pledges cash or goods; the same idempotency key never makes a second pledge',
  })
  async createPledge(@Arg('input', () => PledgeInput) input: PledgeInput, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).create(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => PledgeType, { description: 'Withdrawn by the donor or called off by staff, before anything arrives' })
  async cancelPledge(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).cancel(ctx.viewer, id);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => PledgeType, { description: 'Staff confirm a pledge they expect' })
  async confirmPledge(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).confirm(ctx.viewer, id);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => ReceiptResultType, {
    description: 'Records what arrived; OVER_RECEIVED beyond the pledge unless override; once per idempotency key',
  })
  async recordReceipt(@Arg('input', () => ReceiptInput) input: ReceiptInput, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).receive(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }

  @Mutation(() => Boolean, { description: 'Your donor profile: person or organisation, and a phone only staff see' })
  async saveDonorProfile(@Arg('input', () => DonorProfileInput) input: DonorProfileInput, @Ctx() ctx: Context) {
    const { result, change } = await service(ctx).saveProfile(ctx.viewer, input);
    ctx.audit = change;
    return result;
  }
}
