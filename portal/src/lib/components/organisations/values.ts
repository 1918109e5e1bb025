import { normaliseDigits } from '$lib/i18n/numbers';

/** The API's rule for an organisation's address name (CreateOrganisationInput.slug). */
export function validSlug(slug: string): boolean {
  return /^[a-z0-9][a-z0-9-]{1,60}$/.test(slug.trim());
}

export interface ContactValues {
  nameFa: string;
  nameEn: string;
  phone: string;
  email: string;
  address: string;
}

/** Contact fields as the API takes them: trimmed, and null where left empty. */
export function contactValues(values: ContactValues) {
  const orNull = (text: string) => (text.trim() === '' ? null : text.trim());
  return {
    nameFa: values.nameFa.trim(),
    nameEn: values.nameEn.trim(),
    phone: orNull(normaliseDigits(values.phone)),
    email: orNull(values.email),
    address: orNull(values.address),
  };
}
