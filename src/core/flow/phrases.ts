/** Whole phrases people type besides answers: greetings and thanks, and mobile numbers. */
import { normalize } from './parse.js';

/** Greetings and thanks, as whole phrases; a name or a word of address may follow. */
const SMALL_TALK: [RegExp, 'greeting' | 'thanks' | 'salam'][] = [
  [/^(assalamu ?'?alaikum|assalamualaikum|asalamualaikum|salam|ass?ww?b?)\b/u, 'salam'],
  [
    /^(terima ?kasih|makasih|makasi|mksh|trims|trimakasih|thanks|thank you|thx|tq|tengkyu|matur (suwun|nuwun)|suwun|hatur nuhun|nuhun)\b/u,
    'thanks',
  ],
  [
    /^(halo|hallo|helo|hello|hai|hi|hey|hei|pagi|siang|sore|malam|selamat (pagi|siang|sore|malam)|met (pagi|siang|sore|malam)|good (morning|afternoon|evening)|permisi|punten|sugeng (enjing|siang|sonten|dalu)|sampurasun)\b/u,
    'greeting',
  ],
];

/**
 * Small talk: "halo", "selamat pagi", "terima kasih", "makasih", "matur nuwun", "hatur
 * nuhun", "assalamualaikum", with at most two words after ("terima kasih banyak pak").
 */
export function parseSmallTalk(input: string): 'greeting' | 'thanks' | 'salam' | undefined {
  const text = normalize(input)
    .replace(/[!.,🙏👋😊]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  for (const [pattern, kind] of SMALL_TALK) {
    const match = pattern.exec(text);
    if (!match) continue;
    const rest = text.slice(match[0].length).trim();
    if (rest.split(' ').filter((w) => w.length > 0).length <= 2) return kind;
  }
  return undefined;
}

/**
 * An Indonesian mobile number in one form, "+62812…": typed as 08…, 62… or +62…, with
 * spaces, dots, dashes or brackets between the digits, 10 to 13 digits written from the 0
 * (08 and 8 to 11 more). Undefined for anything else ("08123", a landline, letters).
 */
export function parseIndonesianMobile(input: string): string | undefined {
  const text = input.trim().replace(/[\s.\-()]/g, '');
  const match = /^(?:\+62|62|0)(8\d{8,11})$/.exec(text);
  return match?.[1] ? `+62${match[1]}` : undefined;
}
