import { Args, Ctx, Query, Resolver } from 'type-graphql';
import type { Context } from '../../server/context.js';
import { badInput } from '../../server/errors.js';
import { isUuid } from '../geography/geography.service.js';
import { AuditService } from './audit.service.js';
import { AuditEntryConnection, AuditLogArgs } from './audit.types.js';

@Resolver()
export class AuditResolver {
  @Query(() => AuditEntryConnection, { description: 'The audit trail, newest first (province admins)' })
  async auditLog(@Args(() => AuditLogArgs) { first, after, filter }: AuditLogArgs, @Ctx() ctx: Context) {
    if (filter?.actorId && !isUuid(filter.actorId)) throw badInput([{ field: 'filter.actorId', reason: 'INVALID_ID' }]);
    const page = await new AuditService(ctx.em).list(filter ?? {}, first, after);
    return {
      ...page,
      edges: page.edges.map((e) => ({
        cursor: e.cursor,
        node: {
          id: String(e.node.id),
          at: e.node.at,
          actorId: e.node.actorId ?? null,
          operation: e.node.operation,
          entityType: e.node.entityType,
          entityId: e.node.entityId ?? null,
          diff: e.node.diff,
        },
      })),
    };
  }
}
