/**
 * Today's Jalali day in Tehran from ICU's Persian calendar, independent of the jalaali-js code the
 * API and portal use, so tests do not check the code against itself.
 */
export function jalaliToday(now: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-US-u-ca-persian-nu-latn', {
    timeZone: 'Asia/Tehran',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const get = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${get('year')}/${get('month')}/${get('day')}`;
}
