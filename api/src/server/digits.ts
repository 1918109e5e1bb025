/** Persian (۰-۹) and Arabic-Indic (٠-٩) digits to Latin, so numbers typed either way mean the same. */
export function normaliseDigits(s: string): string {
  return s
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660));
}
