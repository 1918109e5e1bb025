import { errorCode, errorMessage, reasonMessage, type GraphQLErrorLike } from '$lib/graphql/errors';
import { m } from '$lib/paraglide/messages';

/**
 * Refusals the shared catalogue ($lib/graphql/errors) words for other forms: there INVALID_KEY is
 * about assessment criteria, IN_THE_FUTURE about progress reports and OUT_OF_RANGE about any
 * number. In pledge and receipt forms they mean the submission key, the day received and the
 * quantity; every other reason comes from the catalogue.
 */
const pledgeReasons: Record<string, () => string> = {
  INVALID_KEY: m.pledge_reason_invalid_key,
  IN_THE_FUTURE: m.pledge_reason_in_the_future,
  OUT_OF_RANGE: m.pledge_reason_quantity,
};

export function pledgeReasonMessage(reason: string): string {
  return Object.hasOwn(pledgeReasons, reason) ? pledgeReasons[reason]!() : reasonMessage(reason);
}

function refusedFields(errors: readonly GraphQLErrorLike[] | null | undefined): { field: string; reason: string }[] {
  if (errorCode(errors) !== 'BAD_USER_INPUT') return [];
  const fields = errors?.[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return [];
  return (fields as { field?: unknown; reason?: unknown }[]).flatMap((entry) =>
    typeof entry?.field === 'string' && typeof entry.reason === 'string'
      ? [{ field: entry.field, reason: entry.reason }]
      : [],
  );
}

/** Every reason the API gave, once each, in its order. */
export function refusalReasons(errors: readonly GraphQLErrorLike[] | null | undefined): string[] {
  return [...new Set(refusedFields(errors).map((entry) => entry.reason))];
}

/** The refused fields by path (`amountRials`, `instalments.0.dueOn`), each with its message. */
export function pledgeProblems(errors: readonly GraphQLErrorLike[] | null | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const { field, reason } of refusedFields(errors)) {
    if (!(field in problems)) problems[field] = pledgeReasonMessage(reason);
  }
  return problems;
}

/** One message for the form's summary: the reasons in words, or the general message for the code. */
export function pledgeErrorMessage(errors: readonly GraphQLErrorLike[] | null | undefined): string {
  const reasons = refusalReasons(errors);
  return reasons.length ? [...new Set(reasons.map(pledgeReasonMessage))].join(' ') : errorMessage(errors);
}
