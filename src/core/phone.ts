/** Indonesia's country calling code. */
export const INDONESIA_CALLING_CODE = '62';

/**
 * An Indonesian phone number as digits with the country code: "0812-34" and "+62 812 34"
 * → "6281234". Only a leading 0 is replaced; other digits are kept as written.
 */
export function internationalDigits(phone: string): string {
  const digits = phone.replace(/\D/g, '');
  return digits.startsWith('0') ? `${INDONESIA_CALLING_CODE}${digits.slice(1)}` : digits;
}

/** The digits after the country code or the leading 0: "+62 812-34" and "0812-34" → "81234". */
export function nationalDigits(phone: string): string {
  const digits = internationalDigits(phone);
  return digits.startsWith(INDONESIA_CALLING_CODE)
    ? digits.slice(INDONESIA_CALLING_CODE.length)
    : digits;
}
