import { m } from '$lib/paraglide/messages';

export const ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

const messages: Record<ErrorCode, () => string> = {
  INVALID_CREDENTIALS: m.error_invalid_credentials,
  RATE_LIMITED: m.error_rate_limited,
  BAD_USER_INPUT: m.error_bad_user_input,
  UNAUTHENTICATED: m.error_unauthenticated,
  FORBIDDEN: m.error_forbidden,
  NOT_FOUND: m.error_not_found,
  EMAIL_TAKEN: m.error_email_taken,
  WEAK_PASSWORD: m.error_weak_password,
  INTERNAL: m.error_internal,
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

export interface GraphQLErrorLike {
  extensions?: { code?: unknown } | null;
}

/** The visitor-facing message for the first error, chosen by its `extensions.code`. */
export function errorMessage(errors: readonly GraphQLErrorLike[] | null | undefined): string {
  const code = errors?.[0]?.extensions?.code;
  return isErrorCode(code) ? messages[code]() : m.error_generic();
}
