import { Arg, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { GeographyService } from '../geography/geography.service.js';
import { NeighbourhoodType } from '../geography/geography.types.js';
import { commitMapWrite } from '../mapping/mapping.live.js';
import { WorkshopStatus } from './workshop.entity.js';
import { WorkshopsService } from './workshops.service.js';
import { WorkshopType } from './workshops.types.js';

@Resolver(() => WorkshopType)
export class WorkshopsResolver {
  @Query(() => WorkshopType, { nullable: true, description: 'For its facilitator, moderators and participants' })
  workshop(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return new WorkshopsService(ctx.em).byId(ctx.viewer, id);
  }

  @Query(() => [WorkshopType], { description: 'Open and paused workshops of a neighbourhood' })
  workshops(@Arg('neighbourhoodId', () => ID) neighbourhoodId: string, @Ctx() ctx: Context) {
    return new WorkshopsService(ctx.em).live(ctx.viewer, neighbourhoodId);
  }

  @FieldResolver(() => NeighbourhoodType)
  neighbourhood(@Root() workshop: WorkshopType, @Ctx() ctx: Context) {
    return workshop.neighbourhood ?? new GeographyService(ctx.em).byId(workshop.neighbourhoodId);
  }

  @Mutation(() => WorkshopType, { description: 'Opens a co-mapping workshop with a six-digit join code' })
  async openWorkshop(
    @Arg('neighbourhoodId', () => ID) neighbourhoodId: string,
    @Arg('title', () => String) title: string,
    @Ctx() ctx: Context,
  ) {
    return commitMapWrite(ctx, await new WorkshopsService(ctx.em).open(ctx.viewer, neighbourhoodId, title));
  }

  @Mutation(() => WorkshopType, { description: 'Pause, resume or close; closing is final' })
  async setWorkshopStatus(
    @Arg('id', () => ID) id: string,
    @Arg('status', () => WorkshopStatus) status: WorkshopStatus,
    @Ctx() ctx: Context,
  ) {
    return commitMapWrite(ctx, await new WorkshopsService(ctx.em).setStatus(ctx.viewer, id, status));
  }

  @Mutation(() => WorkshopType, {
    description: 'Joins a live workshop with its code; your additions arrive as proposals',
  })
  async joinWorkshop(@Arg('code', () => String) code: string, @Ctx() ctx: Context) {
    return commitMapWrite(ctx, await new WorkshopsService(ctx.em).join(ctx.viewer, code, ctx.loginThrottle, ctx.ip));
  }
}
