import { ApolloArmor } from '@escape.tech/graphql-armor';

/** The message armor uses for every refusal: it names no limit, and formatError recognises it. */
export const REFUSED_MESSAGE = 'Query refused by limits.';

const common = { exposeLimits: false, errorMessage: REFUSED_MESSAGE } as const;

/**
 * Query limits. The portal's deepest query is 5 levels and uses a handful of aliases, so these
 * leave room for real clients while refusing abusive documents. The token limit is applied by
 * Apollo's own parser (parseOptions) so an oversized document is a 400, not a 500.
 */
export const MAX_TOKENS = 2000;

export function armor() {
  return new ApolloArmor({
    maxDepth: { ...common, n: 6, flattenFragments: true },
    maxAliases: { ...common, n: 15 },
    maxTokens: { enabled: false },
    maxDirectives: { ...common, n: 20 },
    costLimit: { ...common, maxCost: 5000 },
    blockFieldSuggestion: { enabled: true },
  }).protect();
}
