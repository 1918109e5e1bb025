import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLError } from 'graphql';

/** Marks armor's refusals so formatError can give them one code without echoing the limits. */
const tag = (_ctx: unknown, error: GraphQLError) => {
  (error.extensions as Record<string, unknown>).code = 'QUERY_REFUSED';
};

/**
 * Query limits. The portal's deepest query is 5 levels and uses no aliases beyond a handful, so
 * these leave room for real clients while refusing abusive documents.
 */
export function armor() {
  return new ApolloArmor({
    maxDepth: { n: 6, exposeLimits: false, flattenFragments: true, onReject: [tag] },
    maxAliases: { n: 15, exposeLimits: false, onReject: [tag] },
    maxTokens: { n: 2000, exposeLimits: false, onReject: [tag] },
    maxDirectives: { n: 20, exposeLimits: false, onReject: [tag] },
    costLimit: { maxCost: 5000, exposeLimits: false, onReject: [tag] },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
