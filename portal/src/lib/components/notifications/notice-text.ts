import type { NotificationKind$options } from '$houdini';

import { moneyText } from '$lib/components/plans/format';
import { quarterTitle, reportStateLabels } from '$lib/components/reports/labels';
import { agreementStateLabel, licenceKindLabel } from '$lib/components/supervision/labels';
import { formatDay, todayIso } from '$lib/i18n/days';
import { toPersianDigits } from '$lib/i18n/numbers';
import { m } from '$lib/paraglide/messages';
import type { Locale } from '$lib/paraglide/runtime';

export interface NoticeLike {
  kind: NotificationKind$options;
  params: readonly { key: string; value: string }[];
}

/**
 * A notice in the reader's language. The API stores only the kind and its parameters (titles,
 * amounts), so a notice reads in whichever language the portal is in when it is opened.
 */
export function noticeText(notice: NoticeLike, locale: Locale): string {
  const param = (key: string) => notice.params.find((p) => p.key === key)?.value ?? '';
  const digits = (text: string) => (locale === 'fa' ? toPersianDigits(text) : text);
  // Cash arrives as whole rials in digits; goods as "quantity unit item".
  const amount = () => {
    const value = param('amount');
    return /^\d+$/.test(value) ? moneyText(value, locale) : digits(value);
  };
  const plan = param('plan');
  switch (notice.kind) {
    case 'NEW_PLEDGE':
      return m.notice_new_pledge({ plan, amount: amount() });
    case 'PLEDGE_CONFIRMED':
      return m.notice_pledge_confirmed({ plan });
    case 'RECEIPT_RECORDED':
      return m.notice_receipt_recorded({ plan, amount: amount() });
    case 'PLEDGE_CANCELLED':
      return m.notice_pledge_cancelled({ plan });
    case 'PLEDGE_OVERDUE':
      return m.notice_pledge_overdue({ plan, due: formatDay(param('due'), locale) });
    case 'NEW_SIGNUP':
      return m.notice_new_signup({ slot: param('slot'), task: param('task') });
    case 'SIGNUP_CONFIRMED':
      return m.notice_signup_confirmed({ slot: param('slot'), task: param('task') });
    case 'SIGNUP_DECLINED':
      return m.notice_signup_declined({ slot: param('slot'), task: param('task') });
    case 'HOURS_CONFIRMED':
      return m.notice_hours_confirmed({ hours: digits(param('hours')), task: param('task') });
    case 'AGREEMENT_CHANGED':
      return m.notice_agreement_changed({
        organisation: param('organisation'),
        year: digits(param('year')),
        state: agreementStateLabel(param('state')),
      });
    case 'LICENCE_EXPIRING': {
      const expiresOn = param('expiresOn');
      const args = {
        organisation: param('organisation'),
        kind: licenceKindLabel(param('kind')),
        date: formatDay(expiresOn, locale),
      };
      // The notice is sent before the day; by the time it is read the licence may have run out.
      return expiresOn && expiresOn < todayIso() ? m.notice_licence_expired(args) : m.notice_licence_expiring(args);
    }
    case 'REPORT_OVERDUE':
      return m.notice_report_overdue({
        organisation: param('organisation'),
        quarter: quarterTitle(Number(param('quarter')), param('year'), locale),
        due: formatDay(param('dueOn'), locale),
      });
    case 'REPORT_CHANGED': {
      const quarter = quarterTitle(Number(param('quarter')), param('year'), locale);
      switch (param('state')) {
        case 'SUBMITTED':
          return m.notice_report_submitted({ quarter });
        case 'ACCEPTED':
          return m.notice_report_accepted({ quarter });
        case 'RETURNED':
          return m.notice_report_returned({ quarter });
        default: {
          const state = param('state');
          const label =
            state in reportStateLabels ? reportStateLabels[state as keyof typeof reportStateLabels]() : state;
          return m.notice_report_changed({ quarter, state: label });
        }
      }
    }
    case 'VISIT_OVERDUE':
      return m.notice_visit_overdue({
        organisation: param('organisation'),
        year: digits(param('year')),
        due: formatDay(param('dueOn'), locale),
      });
    default:
      return m.notice_unknown();
  }
}

const OFFICE_ROLES: readonly string[] = ['COUNTY_SUPERVISOR', 'PROVINCE_ADMIN'];

/**
 * Where a notice leads: a donor's own pledge in their list; an agreement, a quarterly report, or
 * (for licences, whose organisation the notice names but does not point to) the agreements list,
 * which both the organisation's staff and its supervisors can open. Given the reader's roles, a
 * supervisor's licence notice leads to the supervision dashboard instead, where expiring licences
 * are listed with their organisations.
 */
export function noticeHref(
  notice: NoticeLike & { subjectType: string; subjectId: string },
  roles: readonly { role: string }[] = [],
): string | null {
  const param = (key: string) => notice.params.find((p) => p.key === key)?.value ?? '';
  const quarter = () => (/^[1-4]$/.test(param('quarter')) ? param('quarter') : null);
  switch (notice.kind) {
    case 'PLEDGE_CONFIRMED':
    case 'RECEIPT_RECORDED':
    case 'PLEDGE_OVERDUE':
      return notice.subjectType === 'Pledge' ? `/pledges#pledge-${notice.subjectId}` : null;
    case 'AGREEMENT_CHANGED':
    case 'VISIT_OVERDUE':
      return `/agreements/${notice.subjectId}`;
    case 'REPORT_OVERDUE': {
      const q = quarter();
      return q ? `/agreements/${notice.subjectId}/reports/${q}` : `/agreements/${notice.subjectId}`;
    }
    case 'REPORT_CHANGED': {
      const agreementId = param('agreementId');
      const q = quarter();
      if (!agreementId) return null;
      return q ? `/agreements/${agreementId}/reports/${q}` : `/agreements/${agreementId}`;
    }
    case 'LICENCE_EXPIRING':
      // The organisation's own page lists its licences for staff and supervisors alike.
      if (/^[a-z0-9-]+$/.test(param('slug'))) return `/organisations/${param('slug')}`;
      return roles.some((r) => OFFICE_ROLES.includes(r.role)) ? '/supervision' : '/agreements';
    default:
      return null;
  }
}

/** The words of a notice's link: what it opens. */
export function noticeLinkText(notice: NoticeLike): string {
  switch (notice.kind) {
    case 'AGREEMENT_CHANGED':
    case 'VISIT_OVERDUE':
      return m.notice_open_agreement();
    case 'REPORT_OVERDUE':
    case 'REPORT_CHANGED':
      return m.notice_open_report();
    case 'LICENCE_EXPIRING':
      return m.notice_open_licences();
    default:
      return m.notice_open();
  }
}
