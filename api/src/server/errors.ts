import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { REFUSED_MESSAGE } from './hardening.js';

/**
 * Stable error codes. Clients switch on `extensions.code`; the message is for people and comes in
 * Persian or English (`Accept-Language`), both listed here so the portal and API agree.
 */
export const errorMessages = {
  BAD_USER_INPUT: { fa: 'ورودی نامعتبر است.', en: 'The input is not valid.' },
  UNAUTHENTICATED: { fa: 'برای این کار باید وارد شوید.', en: 'You need to sign in to do this.' },
  FORBIDDEN: { fa: 'شما اجازهٔ این کار را ندارید.', en: 'You are not allowed to do this.' },
  NOT_FOUND: { fa: 'مورد درخواستی پیدا نشد.', en: 'The requested item was not found.' },
  CONFLICT: {
    fa: 'این مورد در این فاصله توسط کس دیگری تغییر کرده است.',
    en: 'Someone else changed this item in the meantime.',
  },
  INVALID_CREDENTIALS: { fa: 'ایمیل یا گذرواژه درست نیست.', en: 'The email or password is not correct.' },
  RATE_LIMITED: {
    fa: 'تلاش‌های ناموفق زیادی انجام شد. لطفاً کمی بعد دوباره تلاش کنید.',
    en: 'Too many failed attempts. Please try again a little later.',
  },
  EMAIL_TAKEN: { fa: 'با این ایمیل قبلاً حساب ساخته شده است.', en: 'An account with this email already exists.' },
  WEAK_PASSWORD: {
    fa: 'گذرواژه باید دست‌کم ۱۰ نویسه داشته باشد.',
    en: 'The password must be at least 10 characters long.',
  },
  QUERY_REFUSED: {
    fa: 'این درخواست بیش از حد بزرگ یا پیچیده است.',
    en: 'This request is too large or too complex.',
  },
  GRAPHQL_PARSE_FAILED: { fa: 'درخواست قابل خواندن نیست.', en: 'The request could not be read.' },
  GRAPHQL_VALIDATION_FAILED: {
    fa: 'درخواست با طرح API سازگار نیست.',
    en: 'The request does not match the API schema.',
  },
  BAD_REQUEST: { fa: 'درخواست نامعتبر است.', en: 'The request is not valid.' },
  WORKSHOP_PAUSED: {
    fa: 'ویرایش نقشه در این کارگاه موقتاً متوقف شده است.',
    en: 'Map editing is paused in this workshop.',
  },
  VOTING_CLOSED: {
    fa: 'رأی‌گیری این نیازسنجی بسته شده و رتبه‌بندی آن نهایی است.',
    en: 'Voting on this assessment is closed and its ranking is final.',
  },
  ALREADY_VOTED: {
    fa: 'شما در این رأی‌گیری پیش‌تر رأی داده‌اید؛ هر نفر یک بار رأی می‌دهد.',
    en: 'You have already voted in this session; everyone votes once.',
  },
  FILE_TOO_LARGE: {
    fa: 'حجم پرونده بیش از حد مجاز است.',
    en: 'The file is larger than allowed.',
  },
  FILE_TYPE_NOT_ALLOWED: {
    fa: 'این نوع پرونده پذیرفته نیست. فقط PDF، JPEG، PNG، DOCX و XLSX.',
    en: 'This type of file is not accepted. Only PDF, JPEG, PNG, DOCX and XLSX.',
  },
  DOCUMENT_IN_USE: {
    fa: 'این سند پیوست توافق‌نامه‌ای است که ارسال شده و نمی‌توان آن را حذف کرد.',
    en: 'This document belongs to a submitted agreement and cannot be deleted.',
  },
  ILLEGAL_TRANSITION: {
    fa: 'این کار در وضعیت فعلی ممکن نیست.',
    en: 'This cannot be done in the current state.',
  },
  CHECKLIST_INCOMPLETE: {
    fa: 'مدارک لازم کامل نیست؛ فهرست مدارک را ببینید.',
    en: 'The required documents are not complete; see the checklist.',
  },
  YEAR_NOT_STARTED: {
    fa: 'سال این توافق‌نامه هنوز آغاز نشده است.',
    en: 'The year of this agreement has not started yet.',
  },
  QUARTER_NOT_ENDED: {
    fa: 'گزارش فصل پس از پایان فصل ارسال می‌شود.',
    en: 'A quarterly report is submitted after the quarter ends.',
  },
  INTERNAL: { fa: 'خطای داخلی رخ داد. لطفاً دوباره تلاش کنید.', en: 'Something went wrong. Please try again.' },
} as const;

export type ErrorCode = keyof typeof errorMessages;
export type Lang = 'fa' | 'en';

export interface FieldProblem {
  field: string;
  /** A stable reason code, e.g. TOO_SHORT, INVALID_EMAIL. */
  reason: string;
}

/** An error the client is meant to see; anything else is reported as INTERNAL. */
export class AppError extends GraphQLError {
  constructor(
    public readonly code: ErrorCode,
    options: { detail?: string; fields?: FieldProblem[]; current?: unknown } = {},
  ) {
    super(errorMessages[code].en, {
      extensions: {
        code,
        ...(options.fields ? { fields: options.fields } : {}),
        // CONFLICT carries the record as it is now, so the client can reapply or discard.
        ...(options.current !== undefined ? { current: options.current } : {}),
      },
    });
    if (options.detail) this.extensions.detail = options.detail;
  }
}

export const badInput = (fields: FieldProblem[]) => new AppError('BAD_USER_INPUT', { fields });
export const notFound = () => new AppError('NOT_FOUND');
export const forbidden = () => new AppError('FORBIDDEN');
export const unauthenticated = () => new AppError('UNAUTHENTICATED');

export function pickLang(acceptLanguage: string | undefined): Lang {
  if (!acceptLanguage) return 'fa';
  const first = acceptLanguage.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'fa';
}

const knownCodes = new Set(Object.keys(errorMessages));

/** Apollo-generated codes mapped onto ours. */
const apolloCodes: Record<string, ErrorCode> = {
  GRAPHQL_PARSE_FAILED: 'GRAPHQL_PARSE_FAILED',
  GRAPHQL_VALIDATION_FAILED: 'GRAPHQL_VALIDATION_FAILED',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  BAD_REQUEST: 'BAD_REQUEST',
  PERSISTED_QUERY_NOT_SUPPORTED: 'BAD_REQUEST',
  OPERATION_RESOLUTION_FAILURE: 'BAD_REQUEST',
  BAD_GATEWAY: 'INTERNAL',
  INTERNAL_SERVER_ERROR: 'INTERNAL',
};

/**
 * The single place where errors become what clients see: a stable code, a message in the caller's
 * language, never a stack trace or SQL.
 */
export function formatError(lang: Lang, formatted: GraphQLFormattedError, raw: unknown): GraphQLFormattedError {
  const original = unwrapResolverError(raw);
  let code: ErrorCode;
  const extensions: Record<string, unknown> = {};
  if (refusedByArmor(raw)) {
    code = 'QUERY_REFUSED';
  } else if (original instanceof AppError) {
    code = original.code;
    if (original.extensions.fields) extensions.fields = original.extensions.fields;
    if (original.extensions.current !== undefined) extensions.current = original.extensions.current;
  } else if (isArgumentValidationError(original)) {
    // Before the generic branch: type-graphql's validation error is a GraphQLError with a code too.
    code = 'BAD_USER_INPUT';
    extensions.fields = validationFields(original);
  } else if (original instanceof GraphQLError && typeof original.extensions?.code === 'string') {
    const ext = original.extensions.code;
    code = knownCodes.has(ext) ? (ext as ErrorCode) : (apolloCodes[ext] ?? 'INTERNAL');
  } else {
    const ext = formatted.extensions?.code;
    code = typeof ext === 'string' && apolloCodes[ext] ? apolloCodes[ext] : 'INTERNAL';
  }
  if (code === 'INTERNAL') {
    console.error('[graphql] internal error', raw);
  }
  // Parse and validation messages from graphql-js are safe and useful to developers; armor's are not.
  const keepDetail =
    (code === 'GRAPHQL_PARSE_FAILED' || code === 'GRAPHQL_VALIDATION_FAILED') && lang === 'en'
      ? formatted.message
      : undefined;
  return {
    message: errorMessages[code][lang],
    locations: formatted.locations,
    path: formatted.path,
    extensions: { code, ...extensions, ...(keepDetail ? { detail: keepDetail } : {}) },
  };
}

/** Query-limit refusals carry armor's fixed message (hardening.ts) or the parser's token limit. */
function refusedByArmor(raw: unknown): boolean {
  const message = (raw as { message?: unknown })?.message;
  return (
    typeof message === 'string' && (message.includes(REFUSED_MESSAGE) || /more th[ae]t? \d+ tokens/i.test(message))
  );
}

interface ValidationItem {
  property: string;
  constraints?: Record<string, string>;
  children?: ValidationItem[];
}

interface ValidationLike {
  extensions?: { validationErrors?: ValidationItem[] };
}

function isArgumentValidationError(err: unknown): err is ValidationLike {
  return (
    typeof err === 'object' &&
    err !== null &&
    (err as { constructor?: { name?: string } }).constructor?.name === 'ArgumentValidationError'
  );
}

/** One problem per failing field; fields of a nested input object are named by their own name. */
function validationFields(err: ValidationLike): FieldProblem[] {
  const flatten = (items: ValidationItem[]): FieldProblem[] =>
    items.flatMap((v) => [
      ...(v.constraints
        ? [{ field: v.property, reason: Object.keys(v.constraints)[0]?.toUpperCase() ?? 'INVALID' }]
        : []),
      ...flatten(v.children ?? []),
    ]);
  return flatten(err.extensions?.validationErrors ?? []);
}
