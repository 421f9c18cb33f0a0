/**
 * Ticket ids of reports: `LP-` and five characters, short enough to read aloud over
 * the phone and type on any keyboard. The alphabet leaves out 0/O and 1/I, which look
 * alike; input is read case-insensitively, with or without the dash or the prefix.
 */

/** What every ticket starts with (*laporan*). */
export const TICKET_PREFIX = 'LP-';
/** The characters after the prefix: digits and capitals without 0, O, 1 and I (32 of them). */
export const TICKET_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
/** Characters after the prefix: 32^5 ≈ 33.5 million tickets. */
export const TICKET_LENGTH = 5;

/** A uniform random whole number in [0, `maxExclusive`); injected so tests can fix it. */
export type RandomInt = (maxExclusive: number) => number;

const TYPED_TICKET = new RegExp(`^(?:LP)?([${TICKET_ALPHABET}]{${TICKET_LENGTH}})$`);

/** A new random ticket id, e.g. `LP-7KQ3M`; uniqueness is the database's job (retry on clash). */
export function newTicket(random: RandomInt): string {
  let code = '';
  for (let i = 0; i < TICKET_LENGTH; i++) {
    code += TICKET_ALPHABET.charAt(random(TICKET_ALPHABET.length));
  }
  return `${TICKET_PREFIX}${code}`;
}

/**
 * The ticket a person typed, in its stored form, or undefined when it is not one:
 * "lp-7kq3m", "LP 7KQ3M", "lp7kq3m" and "7kq3m" all read as `LP-7KQ3M`.
 */
export function parseTicket(input: string): string | undefined {
  const compact = input.toUpperCase().replace(/[\s\-_.#:]/g, '');
  const match = TYPED_TICKET.exec(compact);
  return match ? `${TICKET_PREFIX}${match[1]}` : undefined;
}
