import { defaultFieldResolver, type GraphQLSchema } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import type { Context } from '../server/context.js';
import { AppError, unauthenticated, forbidden } from '../server/errors.js';
import { AuditService } from '../modules/audit/audit.service.js';
import { checkGate, type OperationPolicies } from './operation-policy.js';

const rootTypes = new Set(['Query', 'Mutation', 'Subscription']);

/**
 * Runs on every field; acts on root fields only.
 * 1. The role gate from the operation policy table (deny by default).
 * 2. For mutations: one transaction around the resolver, ending with exactly one audit row.
 */
export function operationMiddleware(policies: OperationPolicies): MiddlewareFn<Context> {
  return async ({ context, info }, next) => {
    const parent = info.parentType.name;
    if (!rootTypes.has(parent)) return next();

    const gate = policies[info.fieldName];
    const outcome = checkGate(gate, context.viewer);
    if (outcome === 'unauthenticated') throw unauthenticated();
    if (outcome === 'forbidden') throw forbidden();
    if (parent !== 'Mutation' || gate?.ephemeral) return next();

    const requestEm = context.em;
    context.afterCommit = [];
    try {
      const result = await requestEm.transactional(async (txEm) => {
        context.em = txEm;
        context.audit = null;
        const result = await next();
        const change = context.audit;
        if (!change) {
          // A mutation that records nothing is a programming error: refuse rather than go unaudited.
          throw new AppError('INTERNAL', { detail: `mutation ${info.fieldName} recorded no audit change` });
        }
        new AuditService(txEm).write(info.fieldName, context.viewer, change, actorOverride(change));
        await txEm.flush();
        return result;
      });
      for (const run of context.afterCommit) run();
      return result;
    } finally {
      context.afterCommit = [];
      context.em = requestEm;
      context.audit = null;
    }
  };
}

/** Sign-up and login act for a user who is not yet the viewer. */
function actorOverride(change: { note?: Record<string, unknown> }): string | undefined {
  const actor = change.note?.actorId;
  return typeof actor === 'string' ? actor : undefined;
}

/**
 * Puts the operation middleware around the root fields only (Query, Mutation, Subscription). As a
 * type-graphql global middleware it would also wrap every nested field of every record in promises,
 * which made a map of 1,700 features spend most of its time in field dispatch, not in SQL.
 */
export function gateRootFields(schema: GraphQLSchema, middleware: MiddlewareFn<Context>): void {
  for (const type of [schema.getQueryType(), schema.getMutationType(), schema.getSubscriptionType()]) {
    for (const field of Object.values(type?.getFields() ?? {})) {
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (root, args, context: Context, info) =>
        middleware({ root, args, context, info }, () => Promise.resolve(resolve(root, args, context, info)));
    }
  }
}
