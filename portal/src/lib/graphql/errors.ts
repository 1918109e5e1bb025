import { m } from '$lib/paraglide/messages';

export const ERROR_CODES = [
  'INVALID_CREDENTIALS',
  'RATE_LIMITED',
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'EMAIL_TAKEN',
  'WEAK_PASSWORD',
  'QUERY_REFUSED',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'WORKSHOP_PAUSED',
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
  CONFLICT: m.map_error_conflict,
  EMAIL_TAKEN: m.error_email_taken,
  WEAK_PASSWORD: m.error_weak_password,
  QUERY_REFUSED: m.map_error_query_refused,
  GRAPHQL_PARSE_FAILED: m.map_error_request_invalid,
  GRAPHQL_VALIDATION_FAILED: m.map_error_request_invalid,
  BAD_REQUEST: m.map_error_request_invalid,
  WORKSHOP_PAUSED: m.map_reason_workshop_paused,
  INTERNAL: m.error_internal,
};

/** Why the API refused one field of an input (`extensions.fields[].reason`). */
export const FIELD_REASONS = [
  'MALFORMED_GEOJSON',
  'UNSUPPORTED_GEOMETRY',
  'RING_NOT_CLOSED',
  'TOO_FEW_POINTS',
  'INVALID_GEOMETRY',
  'COORDINATES_OUT_OF_RANGE',
  'OUTSIDE_NEIGHBOURHOOD',
  'TOO_MANY_VERTICES',
  'UNKNOWN_CATEGORY',
  'CATEGORY_KIND_MISMATCH',
  'SEVERITY_FOR_HARMS_ONLY',
  'CAPACITY_FOR_ASSETS_ONLY',
  'WORKSHOP_PAUSED',
  'WORKSHOP_CLOSED',
  'TITLE_REQUIRED',
  'INVALID_SEVERITY',
  'INVALID_CAPACITY',
  'UNKNOWN_SOURCE',
  'UNKNOWN_STATUS',
  'NOT_A_FEATURE',
  'NOT_A_FEATURE_COLLECTION',
  'TOO_MANY_FEATURES',
  'INVALID_CODE',
  'UNKNOWN_CODE',
] as const;

export type FieldReason = (typeof FIELD_REASONS)[number];

const reasonMessages: Record<FieldReason, () => string> = {
  MALFORMED_GEOJSON: m.map_reason_malformed_geojson,
  UNSUPPORTED_GEOMETRY: m.map_reason_unsupported_geometry,
  RING_NOT_CLOSED: m.map_reason_ring_not_closed,
  TOO_FEW_POINTS: m.map_reason_too_few_points,
  INVALID_GEOMETRY: m.map_reason_invalid_geometry,
  COORDINATES_OUT_OF_RANGE: m.map_reason_coordinates_out_of_range,
  OUTSIDE_NEIGHBOURHOOD: m.map_reason_outside_neighbourhood,
  TOO_MANY_VERTICES: m.map_reason_too_many_vertices,
  UNKNOWN_CATEGORY: m.map_reason_unknown_category,
  CATEGORY_KIND_MISMATCH: m.map_reason_category_kind_mismatch,
  SEVERITY_FOR_HARMS_ONLY: m.map_reason_severity_for_harms_only,
  CAPACITY_FOR_ASSETS_ONLY: m.map_reason_capacity_for_assets_only,
  WORKSHOP_PAUSED: m.map_reason_workshop_paused,
  WORKSHOP_CLOSED: m.map_reason_workshop_closed,
  TITLE_REQUIRED: m.map_reason_title_required,
  INVALID_SEVERITY: m.map_reason_invalid_severity,
  INVALID_CAPACITY: m.map_reason_invalid_capacity,
  UNKNOWN_SOURCE: m.map_reason_unknown_source,
  UNKNOWN_STATUS: m.map_reason_unknown_status,
  NOT_A_FEATURE: m.map_reason_not_a_feature,
  NOT_A_FEATURE_COLLECTION: m.map_reason_not_a_feature_collection,
  TOO_MANY_FEATURES: m.map_reason_too_many_features,
  INVALID_CODE: m.workshop_join_code_invalid,
  UNKNOWN_CODE: m.workshop_join_not_found,
};

function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === 'string' && (ERROR_CODES as readonly string[]).includes(code);
}

function isFieldReason(reason: unknown): reason is FieldReason {
  return typeof reason === 'string' && (FIELD_REASONS as readonly string[]).includes(reason);
}

export interface GraphQLErrorLike {
  extensions?: { code?: unknown; fields?: unknown; [key: string]: unknown } | null;
}

/** The `extensions.code` of the first error, when it is one the portal knows. */
export function errorCode(errors: readonly GraphQLErrorLike[] | null | undefined): ErrorCode | null {
  const code = errors?.[0]?.extensions?.code;
  return isErrorCode(code) ? code : null;
}

/** The message for one refusal reason; the general "not valid" text for reasons not listed. */
export function reasonMessage(reason: string): string {
  return isFieldReason(reason) ? reasonMessages[reason]() : m.error_bad_user_input();
}

function knownReasons(error: GraphQLErrorLike | undefined): FieldReason[] {
  const fields = error?.extensions?.fields;
  if (!Array.isArray(fields)) return [];
  const reasons = fields.map((field: { reason?: unknown } | null) => field?.reason).filter(isFieldReason);
  return [...new Set(reasons)];
}

/**
 * The visitor-facing message for the first error, chosen by its `extensions.code`; for refused
 * input, the reasons the portal can explain.
 */
export function errorMessage(errors: readonly GraphQLErrorLike[] | null | undefined): string {
  const code = errorCode(errors);
  if (code === 'BAD_USER_INPUT') {
    const reasons = knownReasons(errors?.[0]);
    if (reasons.length) return reasons.map((reason) => reasonMessages[reason]()).join(' ');
  }
  return code ? messages[code]() : m.error_generic();
}
