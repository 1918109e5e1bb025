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
  'VOTING_CLOSED',
  'ALREADY_VOTED',
  'FILE_TOO_LARGE',
  'FILE_TYPE_NOT_ALLOWED',
  'DOCUMENT_IN_USE',
  'ILLEGAL_TRANSITION',
  'CHECKLIST_INCOMPLETE',
  'YEAR_NOT_STARTED',
  'QUARTER_NOT_ENDED',
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
  VOTING_CLOSED: m.error_voting_closed,
  ALREADY_VOTED: m.error_already_voted,
  FILE_TOO_LARGE: m.error_file_too_large,
  FILE_TYPE_NOT_ALLOWED: m.error_file_type_not_allowed,
  DOCUMENT_IN_USE: m.error_document_in_use,
  ILLEGAL_TRANSITION: m.error_illegal_transition,
  CHECKLIST_INCOMPLETE: m.error_checklist_incomplete,
  YEAR_NOT_STARTED: m.error_year_not_started,
  QUARTER_NOT_ENDED: m.error_quarter_not_ended,
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
  'INVALID_DATE',
  'DATE_ORDER',
  'INVALID_WEIGHT',
  'INVALID_KEY',
  'DUPLICATE',
  'REQUIRED',
  'UNKNOWN_ORGANISATION',
  'ORGANISATION_NOT_SERVING',
  'VOTING_STARTED',
  'CONSENT_REQUIRED',
  'PROPOSALS_CLOSED',
  'UNKNOWN_FEATURE',
  'NOT_A_HARM',
  'NOT_AN_ASSET',
  'NOT_A_MATRIX',
  'NEED_NOT_ACCEPTED',
  'UNKNOWN_CRITERION',
  'OUT_OF_RANGE',
  'ALREADY_OPEN',
  'TOO_FEW_NEEDS',
  'VOTING_NOT_OPEN',
  'NOT_DOT_VOTING',
  'UNKNOWN_NEED',
  'TOO_MANY_DOTS',
  'OTHER_NEIGHBOURHOOD',
  'NOT_RANKED',
  'ILLEGAL_STATUS',
  'INVALID_AMOUNT',
  'UNIT_REQUIRED',
  'DONE_MEANS_100',
  'PLAN_CANCELLED',
  'UNKNOWN_TASK',
  'IN_THE_FUTURE',
  'OVER_RECEIVED',
  'PLEDGE_NOT_OPEN',
  'PLAN_NOT_OPEN',
  'KIND_MISMATCH',
  'INSTALMENTS_DONT_ADD_UP',
  'KEY_REUSED',
  'UNKNOWN_RESOURCE',
  'SLOT_FULL',
  'ALREADY_SIGNED_UP',
  'SLOT_CLOSED',
  'NOT_CONFIRMED',
  'UNKNOWN_NEIGHBOURHOOD',
  'INVALID_PHONE',
  'ILLEGAL_TRANSITION',
  'SIGNUP_DECLINED',
  'OUTSIDE_SLOT_DAYS',
  'REGISTRY_FIELDS',
  'OTHER_COUNTY',
  'UNKNOWN_COUNTY',
  'CLINICS_ONLY',
  'NOT_A_HUB',
  'UNKNOWN_USER',
  'ALREADY_HELD',
  'NOT_STAFF',
  'UNKNOWN_DOCUMENT',
  'INVALID_FILE_NAME',
  'TYPE_NOT_ALLOWED',
  'EXTENSION_MISMATCH',
  'CONTENT_MISMATCH',
  'TOO_LARGE',
  'EMPTY',
  'UNKNOWN_KIND',
  'MISSING',
  'NEXT_YEAR_EXISTS',
  'OUTSIDE_YEAR',
  'NOTICE_TOO_SHORT',
  'NOT_STARTED',
  'INVALID_SLUG',
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
  INVALID_DATE: m.reason_invalid_date,
  DATE_ORDER: m.reason_date_order,
  INVALID_WEIGHT: m.reason_invalid_weight,
  INVALID_KEY: m.reason_invalid_key,
  DUPLICATE: m.reason_duplicate,
  REQUIRED: m.reason_required,
  UNKNOWN_ORGANISATION: m.reason_unknown_organisation,
  ORGANISATION_NOT_SERVING: m.reason_organisation_not_serving,
  VOTING_STARTED: m.reason_voting_started,
  CONSENT_REQUIRED: m.reason_consent_required,
  PROPOSALS_CLOSED: m.reason_proposals_closed,
  UNKNOWN_FEATURE: m.reason_unknown_feature,
  NOT_A_HARM: m.reason_not_a_harm,
  NOT_AN_ASSET: m.reason_not_an_asset,
  NOT_A_MATRIX: m.reason_not_a_matrix,
  NEED_NOT_ACCEPTED: m.reason_need_not_accepted,
  UNKNOWN_CRITERION: m.reason_unknown_criterion,
  OUT_OF_RANGE: m.reason_out_of_range,
  ALREADY_OPEN: m.reason_already_open,
  TOO_FEW_NEEDS: m.reason_too_few_needs,
  VOTING_NOT_OPEN: m.reason_voting_not_open,
  NOT_DOT_VOTING: m.reason_not_dot_voting,
  UNKNOWN_NEED: m.reason_unknown_need,
  TOO_MANY_DOTS: m.reason_too_many_dots,
  OTHER_NEIGHBOURHOOD: m.reason_other_neighbourhood,
  NOT_RANKED: m.reason_not_ranked,
  ILLEGAL_STATUS: m.reason_illegal_status,
  INVALID_AMOUNT: m.reason_invalid_amount,
  UNIT_REQUIRED: m.reason_unit_required,
  DONE_MEANS_100: m.reason_done_means_100,
  PLAN_CANCELLED: m.reason_plan_cancelled,
  UNKNOWN_TASK: m.reason_unknown_task,
  IN_THE_FUTURE: m.reason_in_the_future,
  OVER_RECEIVED: m.reason_over_received,
  PLEDGE_NOT_OPEN: m.reason_pledge_not_open,
  PLAN_NOT_OPEN: m.reason_plan_not_open,
  KIND_MISMATCH: m.reason_kind_mismatch,
  INSTALMENTS_DONT_ADD_UP: m.reason_instalments_dont_add_up,
  KEY_REUSED: m.reason_key_reused,
  UNKNOWN_RESOURCE: m.reason_unknown_resource,
  SLOT_FULL: m.reason_slot_full,
  ALREADY_SIGNED_UP: m.reason_already_signed_up,
  SLOT_CLOSED: m.reason_slot_closed,
  NOT_CONFIRMED: m.reason_not_confirmed,
  UNKNOWN_NEIGHBOURHOOD: m.reason_unknown_neighbourhood,
  INVALID_PHONE: m.reason_invalid_phone,
  ILLEGAL_TRANSITION: m.reason_illegal_transition,
  SIGNUP_DECLINED: m.reason_signup_declined,
  OUTSIDE_SLOT_DAYS: m.reason_outside_slot_days,
  REGISTRY_FIELDS: m.reason_registry_fields,
  OTHER_COUNTY: m.reason_other_county,
  UNKNOWN_COUNTY: m.reason_unknown_county,
  CLINICS_ONLY: m.reason_clinics_only,
  NOT_A_HUB: m.reason_not_a_hub,
  UNKNOWN_USER: m.reason_unknown_user,
  ALREADY_HELD: m.reason_already_held,
  NOT_STAFF: m.reason_not_staff,
  UNKNOWN_DOCUMENT: m.reason_unknown_document,
  INVALID_FILE_NAME: m.reason_invalid_file_name,
  TYPE_NOT_ALLOWED: m.reason_type_not_allowed,
  EXTENSION_MISMATCH: m.reason_extension_mismatch,
  CONTENT_MISMATCH: m.reason_content_mismatch,
  TOO_LARGE: m.reason_too_large,
  EMPTY: m.reason_empty,
  UNKNOWN_KIND: m.reason_unknown_kind,
  MISSING: m.reason_missing,
  NEXT_YEAR_EXISTS: m.reason_next_year_exists,
  OUTSIDE_YEAR: m.reason_outside_year,
  NOTICE_TOO_SHORT: m.reason_notice_too_short,
  NOT_STARTED: m.reason_not_started,
  INVALID_SLUG: m.reason_invalid_slug,
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
