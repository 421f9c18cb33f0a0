/** Time zone dates are shown in: WIB, where most people and the programme team live. */
export const DISPLAY_TIME_ZONE = 'Asia/Jakarta';

const DATE_FORMAT = new Intl.DateTimeFormat('en-GB', {
  timeZone: DISPLAY_TIME_ZONE,
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
});

/** A date as people in Indonesia write it, in WIB: "02/03/2026". */
export function formatDate(date: Date): string {
  return DATE_FORMAT.format(date);
}
