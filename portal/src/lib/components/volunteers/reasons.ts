import { errorCode, errorMessage, reasonMessage, type GraphQLErrorLike } from '$lib/graphql/errors';
import { m } from '$lib/paraglide/messages';

/**
 * Refusals of the volunteers API in words. The shared catalogue ($lib/graphql/errors) does not
 * know these reasons yet, and words OUT_OF_RANGE and IN_THE_FUTURE for other forms, so the
 * volunteer forms look here first. Keys are `REASON` or `field:REASON` for a field-specific text.
 */
const volunteerReasons: Record<string, () => string> = {
  SLOT_FULL: m.volunteer_reason_slot_full,
  ALREADY_SIGNED_UP: m.volunteer_reason_already_signed_up,
  SLOT_CLOSED: m.volunteer_reason_slot_closed,
  NOT_CONFIRMED: m.volunteer_reason_not_confirmed,
  UNKNOWN_NEIGHBOURHOOD: m.volunteer_reason_unknown_neighbourhood,
  INVALID_PHONE: m.volunteer_reason_invalid_phone,
  ILLEGAL_TRANSITION: m.volunteer_reason_illegal_transition,
  'hours:OUT_OF_RANGE': m.volunteer_reason_hours_out_of_range,
  'day:IN_THE_FUTURE': m.volunteer_reason_day_in_the_future,
};

function volunteerReasonMessage(field: string, reason: string): string {
  const specific = `${field}:${reason}`;
  if (Object.hasOwn(volunteerReasons, specific)) return volunteerReasons[specific]!();
  return Object.hasOwn(volunteerReasons, reason) ? volunteerReasons[reason]!() : reasonMessage(reason);
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

/** The refused fields by name, each with its message, to show beside the field. */
export function volunteerProblems(errors: readonly GraphQLErrorLike[] | null | undefined): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const { field, reason } of refusedFields(errors)) {
    if (!(field in problems)) problems[field] = volunteerReasonMessage(field, reason);
  }
  return problems;
}

/** One message for a form's summary: the reasons in words, or the general message for the code. */
export function volunteerErrorMessage(errors: readonly GraphQLErrorLike[] | null | undefined): string {
  const refused = refusedFields(errors);
  if (!refused.length) return errorMessage(errors);
  return [...new Set(refused.map(({ field, reason }) => volunteerReasonMessage(field, reason)))].join(' ');
}
