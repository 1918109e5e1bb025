import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { DashboardsService } from './dashboards.service.js';
import { NeighbourhoodDashboardType, PilotSummaryType } from './dashboards.types.js';

@Resolver()
export class DashboardsResolver {
  @Query(() => [PilotSummaryType], {
    description: 'The pilots the viewer oversees side by side (province: all; supervisor: county; staff: own)',
  })
  pilotDashboard(@Ctx() ctx: Context) {
    return new DashboardsService(ctx.em).pilots(ctx.viewer);
  }

  @Query(() => NeighbourhoodDashboardType, { description: "A neighbourhood's ranked needs, plans and progress" })
  neighbourhoodDashboard(@Arg('neighbourhoodId', () => ID) neighbourhoodId: string, @Ctx() ctx: Context) {
    return new DashboardsService(ctx.em).neighbourhood(ctx.viewer, neighbourhoodId);
  }
}
