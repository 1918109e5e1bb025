import { errorCode, reasonMessage, type GraphQLErrorLike } from '$lib/graphql/errors';

/**
 * The refused fields of a BAD_USER_INPUT answer, each with its message, so a form can show the
 * problem beside the field as well as in its summary. Keys are the API's field paths
 * (`endOn`, `resources.0.amountRials`).
 */
export function fieldProblems(errors: readonly GraphQLErrorLike[] | null | undefined): Record<string, string> {
  if (errorCode(errors) !== 'BAD_USER_INPUT') return {};
  const fields = errors?.[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return {};
  const problems: Record<string, string> = {};
  for (const entry of fields as { field?: unknown; reason?: unknown }[]) {
    if (typeof entry?.field === 'string' && typeof entry.reason === 'string' && !(entry.field in problems)) {
      problems[entry.field] = reasonMessage(entry.reason);
    }
  }
  return problems;
}
