import { Arg, Args, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { PageArgs } from '../../server/pagination.js';
import { NotificationsService } from './notifications.service.js';
import { NotificationConnection } from './notifications.types.js';

@Resolver()
export class NotificationsResolver {
  @Query(() => NotificationConnection, { description: 'Your notices, newest first' })
  myNotifications(@Args(() => PageArgs) { first, after }: PageArgs, @Ctx() ctx: Context) {
    return new NotificationsService(ctx.em).mine(ctx.viewer, first, after);
  }

  @Query(() => Int)
  unreadNotificationCount(@Ctx() ctx: Context) {
    return new NotificationsService(ctx.em).unreadCount(ctx.viewer);
  }

  @Mutation(() => Int, { description: 'Marks your notices read; returns how many changed' })
  async markNotificationsRead(@Arg('ids', () => [ID]) ids: string[], @Ctx() ctx: Context) {
    const changed = await new NotificationsService(ctx.em).markRead(ctx.viewer, ids);
    ctx.audit = { entityType: 'Notification', entityId: ctx.viewer!.userId, before: null, after: { read: changed } };
    return changed;
  }
}
