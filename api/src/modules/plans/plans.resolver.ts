import DataLoader from 'dataloader';
import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { CreatePlanInput, MilestoneInput, PlanUpdateInput, TaskInput, UpdatePlanInput } from './plans.inputs.js';
import { PlansService, type PlanWrite } from './plans.service.js';
import { ActionPlanType, PlanMilestoneType, PlanNeedType, PlanTaskType, PlanUpdateType } from './plans.types.js';

const service = (ctx: Context) => new PlansService(ctx.em);

/** Per-request loaders: one load per field however many plans a response holds. */
const loaders = new WeakMap<
  Context,
  {
    needs: DataLoader<string, PlanNeedType[]>;
    tasks: DataLoader<string, PlanTaskType[]>;
    milestones: DataLoader<string, PlanMilestoneType[]>;
    updates: DataLoader<ActionPlanType, PlanUpdateType[], string>;
  }
>();
const loadersOf = (ctx: Context) => {
  let l = loaders.get(ctx);
  if (!l) {
    l = {
      needs: new DataLoader((ids: readonly string[]) => service(ctx).needsOf(ids)),
      tasks: new DataLoader((ids: readonly string[]) => service(ctx).tasksOf(ids)),
      milestones: new DataLoader((ids: readonly string[]) => service(ctx).milestonesOf(ids)),
      updates: new DataLoader((plans) => service(ctx).updatesOf(plans), { cacheKeyFn: (p) => p.id }),
    };
    loaders.set(ctx, l);
  }
  return l;
};

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

/** A plan's parts, read only when a response selects them (plan cards do not). */
@Resolver(() => ActionPlanType)
export class PlanDetailsResolver {
  @FieldResolver(() => [PlanNeedType])
  needs(@Root() plan: ActionPlanType, @Ctx() ctx: Context) {
    return loadersOf(ctx).needs.load(plan.id);
  }

  @FieldResolver(() => [PlanTaskType])
  tasks(@Root() plan: ActionPlanType, @Ctx() ctx: Context) {
    return loadersOf(ctx).tasks.load(plan.id);
  }

  @FieldResolver(() => [PlanMilestoneType])
  milestones(@Root() plan: ActionPlanType, @Ctx() ctx: Context) {
    return loadersOf(ctx).milestones.load(plan.id);
  }

  @FieldResolver(() => [PlanUpdateType], { description: 'Newest first' })
  updates(@Root() plan: ActionPlanType, @Ctx() ctx: Context) {
    return loadersOf(ctx).updates.load(plan);
  }
}
