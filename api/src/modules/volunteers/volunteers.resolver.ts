import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { TaskSlotInput, VolunteerProfileInput } from './volunteers.inputs.js';
import { VolunteersService } from './volunteers.service.js';
import { TaskSlotType, VolunteerHistoryType, VolunteerProfileType } from './volunteers.types.js';

const service = (ctx: Context) => new VolunteersService(ctx.em);

function done<T>(ctx: Context, write: { result: T; change: Context['audit'] }): T {
  ctx.audit = write.change;
  return write.result;
}

@Resolver()
export class VolunteersResolver {
  @Query(() => [TaskSlotType], { description: "A plan's volunteer slots; who is coming only for its staff" })
  taskSlots(@Arg('planId', () => ID) planId: string, @Ctx() ctx: Context) {
    return service(ctx).slots(ctx.viewer, { planId });
  }

  @Query(() => VolunteerHistoryType, { description: 'Your sign-ups, hours and total confirmed hours' })
  myVolunteerHistory(@Ctx() ctx: Context) {
    return service(ctx).history(ctx.viewer);
  }

  @Query(() => VolunteerProfileType, { nullable: true })
  myVolunteerProfile(@Ctx() ctx: Context) {
    return service(ctx).profile(ctx.viewer);
  }

  @Mutation(() => VolunteerProfileType)
  async saveVolunteerProfile(
    @Arg('input', () => VolunteerProfileInput) input: VolunteerProfileInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).saveProfile(ctx.viewer, input));
  }

  @Mutation(() => TaskSlotType, { description: 'Places for volunteers on a task' })
  async addTaskSlot(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('input', () => TaskSlotInput) input: TaskSlotInput,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).addSlot(ctx.viewer, taskId, input));
  }

  @Mutation(() => TaskSlotType, { description: 'SLOT_FULL when every place is taken' })
  async signUpForSlot(
    @Arg('slotId', () => ID) slotId: string,
    @Arg('note', () => String, { nullable: true }) note: string | null,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).signUp(ctx.viewer, slotId, note));
  }

  @Mutation(() => TaskSlotType)
  async cancelSignup(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return done(ctx, await service(ctx).cancelSignup(ctx.viewer, id));
  }

  @Mutation(() => TaskSlotType, { description: 'Staff confirm or decline a sign-up' })
  async reviewSignup(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).reviewSignup(ctx.viewer, id, accept));
  }

  @Mutation(() => VolunteerHistoryType, { description: 'Hours given on one day (1-24), on a confirmed sign-up' })
  async logHours(
    @Arg('signupId', () => ID) signupId: string,
    @Arg('day', () => String) day: string,
    @Arg('hours', () => Int) hours: number,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).logHours(ctx.viewer, signupId, day, hours));
  }

  @Mutation(() => TaskSlotType, { description: 'Staff confirm or reject logged hours' })
  async reviewHours(
    @Arg('id', () => ID) id: string,
    @Arg('accept', () => Boolean) accept: boolean,
    @Ctx() ctx: Context,
  ) {
    return done(ctx, await service(ctx).reviewHours(ctx.viewer, id, accept));
  }
}
