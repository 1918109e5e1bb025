import { errorCode, errorMessage, reasonMessage, type GraphQLErrorLike } from '$lib/graphql/errors';
import { m } from '$lib/paraglide/messages';

/**
 * Reasons the organisation forms meet that the shared catalogue does not word. The API's input
 * validation names the failed check (`MATCHES`, `ISEMAIL`, `ISLENGTH`), so the field says which.
 */
function orgReasonMessage(field: string, reason: string): string {
  switch (reason) {
    case 'MATCHES':
      if (field === 'slug') return reasonMessage('INVALID_SLUG');
      if (field === 'phone') return reasonMessage('INVALID_PHONE');
      return reasonMessage(reason);
    case 'ISEMAIL':
    case 'INVALID_EMAIL':
      return m.org_reason_invalid_email();
    case 'ISLENGTH':
    case 'LENGTH':
    case 'MAXLENGTH':
      return m.org_reason_length();
    default:
      return reasonMessage(reason);
  }
}

/** Each refused field with its message (API field names: `slug`, `neighbourhoodIds`, `issuedOn`). */
export function orgFieldProblems(errors: readonly GraphQLErrorLike[] | null | undefined): Record<string, string> {
  if (errorCode(errors) !== 'BAD_USER_INPUT') return {};
  const fields = errors?.[0]?.extensions?.fields;
  if (!Array.isArray(fields)) return {};
  const problems: Record<string, string> = {};
  for (const entry of fields as { field?: unknown; reason?: unknown }[]) {
    if (typeof entry?.field === 'string' && typeof entry.reason === 'string' && !(entry.field in problems)) {
      const field = entry.field.replace(/^input\./, '');
      problems[field] = orgReasonMessage(field, entry.reason);
    }
  }
  return problems;
}

/** One message for the form's summary: every refused field in words, else the error's own. */
export function orgErrorMessage(errors: readonly GraphQLErrorLike[] | null | undefined): string {
  const problems = Object.values(orgFieldProblems(errors));
  return problems.length ? [...new Set(problems)].join(' ') : errorMessage(errors);
}
