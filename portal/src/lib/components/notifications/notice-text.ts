import type { NotificationKind$options } from '$houdini';

import { moneyText } from '$lib/components/plans/format';
import { formatDay } from '$lib/i18n/days';
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
    default:
      return m.notice_unknown();
  }
}

/** Where a notice about a donor's own pledge leads: that pledge in their list. */
export function noticeHref(notice: NoticeLike & { subjectType: string; subjectId: string }): string | null {
  const own: readonly NotificationKind$options[] = ['PLEDGE_CONFIRMED', 'RECEIPT_RECORDED', 'PLEDGE_OVERDUE'];
  return notice.subjectType === 'Pledge' && own.includes(notice.kind) ? `/pledges#pledge-${notice.subjectId}` : null;
}
