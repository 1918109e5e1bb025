import { Arg, Ctx, ID, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { CreatePlanInput, MilestoneInput, PlanUpdateInput, TaskInput, UpdatePlanInput } from './plans.inputs.js';
import { PlansService, type PlanWrite } from './plans.service.js';
import { ActionPlanType } from './plans.types.js';

const service = (ctx: Context) => new PlansService(ctx.em);

function done(ctx: Context, write: PlanWrite): ActionPlanType {
  ctx.audit = write.change;
  return write.result;
}

@Resolver()
export class PlansResolver {
  @Query(() => [ActionPlanType], { description: "A neighbourhood's plans the viewer may see, newest first" })
  actionPlans(@Arg('neighbourhoodId', () => ID) neighbourhoodId: string, @Ctx() ctx: Context) {
    return service(ctx).list(ctx.viewer, neighbourhoodId);
  }

  @Query(() => ActionPlanType, { nullable: true })
  actionPlan(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).byId(ctx.viewer, id);
  }

  @Query(() => String, { description: "The plan's tasks as CSV, in the language of Accept-Language" })
  planExport(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return service(ctx).exportCsv(ctx.viewer, id, ctx.lang);
  }

  @Mutation(() => ActionPlanType, { description: 'A plan answering one or more ranked needs' })
  async createActionPlan(@Arg('input', () => CreatePlanInput) input: CreatePlanInput, @Ctx() ctx: Context) {
    return done(ctx, await service(ctx).create(ctx.viewer, input));
  }

  @Mutation(() => ActionPlanType)
  async updateActionPlan(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => UpdatePlanInput) input: UpdatePlanInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).update(ctx.viewer, id, input));
  }

  @Mutation(() => ActionPlanType, { description: 'Title, start and end are required' })
  async addPlanTask(
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => TaskInput) input: TaskInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).addTask(ctx.viewer, planId, input));
  }

  @Mutation(() => ActionPlanType, { description: 'Edits a task; progress and status move together' })
  async updatePlanTask(
    @Arg('id', () => ID) id: string,
    @Arg('input', () => TaskInput) input: TaskInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).updateTask(ctx.viewer, id, input));
  }

  @Mutation(() => ActionPlanType)
  async addPlanMilestone(
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => MilestoneInput) input: MilestoneInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).addMilestone(ctx.viewer, planId, input));
  }

  @Mutation(() => ActionPlanType, { description: 'Marks a milestone reached on a day, or not reached (null)' })
  async setMilestoneReached(
    @Arg('id', () => ID) id: string,
    @Arg('reachedOn', () => String, { nullable: true }) reachedOn: string | null,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).setMilestoneReached(ctx.viewer, id, reachedOn));
  }

  @Mutation(() => ActionPlanType, { description: 'A dated progress note, optionally about one task' })
  async addPlanUpdate(
    @Arg('planId', () => ID) planId: string,
    @Arg('input', () => PlanUpdateInput) input: PlanUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).addUpdate(ctx.viewer, planId, input));
  }
}
