import {
  isClearYes,
  isUnsure,
  matchLabel,
  matchOption,
  normalize,
  parseNumber,
  parseOptionNumber,
  parseOptionNumbers,
  parseYesNo,
} from '../flow/parse.js';
import { parseIndonesianMobile, parseSmallTalk } from '../flow/phrases.js';
import { parseQuantity } from '../flow/quantity.js';
import type { ChoiceOption, NumberUnit, PromptStep, StepContext } from '../flow/types.js';
import {
  type InboundPayload,
  type Json,
  type Text,
  type TextKey,
  type TextParam,
  t,
} from '../messages.js';
import { DONE_WORDS, SKIP_WORDS } from './globals.js';
import { alternativesOf, boundOf, NEXT_PAGE_NUMBER, optionsOf, pageOf } from './prompt.js';

/** What an input means at a question. */
export type Reading =
  /** `notice` is said before going on (a pin far from Indonesia is kept, with a word). */
  | { type: 'answer'; value: Json; label?: Text; notice?: Text }
  | { type: 'invalid'; error: Text }
  | { type: 'next_page' }
  /** A greeting or thanks where an answer was expected: a friendly word, the question again. */
  | { type: 'small_talk'; reply: Text }
  /** A photo added to a question that takes several; the question stays open. */
  | { type: 'more_photos'; value: Json[] };

/** Everything a reader needs besides the input. */
export interface ReadContext {
  step: PromptStep;
  ctx: StepContext;
  page: number;
  /** Photos already collected at this question. */
  collected: Json[];
  /** Resolves a text in the person's language, to match typed option labels. */
  translate: (text: Text) => string;
}

/** Reads `payload` as an answer to `rc.step`. Never throws on user input. */
export function readAnswer(payload: InboundPayload, rc: ReadContext): Reading {
  const { step } = rc;
  if (payload.type === 'photo') {
    return step.kind === 'photo'
      ? readPhoto(payload.mediaId, rc)
      : invalid('common:unexpected.photo');
  }
  if (payload.type === 'location') {
    return step.kind === 'location' ? readPin(payload) : invalid('common:unexpected.location');
  }
  if (payload.type === 'choice') return readOptionNumber(payload.number, rc);
  if (payload.type !== 'text') return invalid('common:invalid.generic');
  const reading = readText(payload.text, rc);
  if (reading.type !== 'invalid') return reading;
  const talk = parseSmallTalk(payload.text);
  return talk ? { type: 'small_talk', reply: t(`common:small_talk.${talk}`) } : reading;
}

/**
 * Indonesia's extent with a margin, in degrees: a pin outside is kept (the person may be
 * abroad, or the place at sea) but the person hears it is far away.
 */
export const INDONESIA_BOUNDS = { south: -11, north: 6, west: 95, east: 141 } as const;

/** A shared pin: impossible coordinates are asked again, ones outside Indonesia noted. */
function readPin(pin: Extract<InboundPayload, { type: 'location' }>): Reading {
  const { latitude, longitude } = pin;
  const possible =
    Number.isFinite(latitude) &&
    Number.isFinite(longitude) &&
    Math.abs(latitude) <= 90 &&
    Math.abs(longitude) <= 180;
  if (!possible) return invalid('common:invalid.location_range');
  const value: Record<string, Json> = { latitude, longitude };
  if (pin.label) value.label = pin.label;
  const b = INDONESIA_BOUNDS;
  const inside =
    latitude >= b.south && latitude <= b.north && longitude >= b.west && longitude <= b.east;
  return inside
    ? { type: 'answer', value }
    : { type: 'answer', value, notice: t('common:location.outside_indonesia') };
}

function readText(text: string, rc: ReadContext): Reading {
  const { step } = rc;
  switch (step.kind) {
    case 'text':
      return step.format === 'phone'
        ? readPhone(text)
        : readFreeText(text, step.min ?? 1, step.max ?? 1000);
    case 'number':
      return readNumber(text, rc);
    case 'yesno':
      return readYesNo(text, rc);
    case 'choice':
      return readChoice(text, rc);
    case 'multi':
      return readMulti(text, rc);
    case 'photo':
      return readPhotoWord(text, rc);
    case 'location':
      return readLocationText(text, step.allowText === true, step.optional === true);
  }
}

function invalid(key: TextKey, params?: Record<string, TextParam>): Reading {
  return { type: 'invalid', error: t(key, params) };
}

function yesNoAnswer(yes: boolean): Reading {
  return { type: 'answer', value: yes, label: t(yes ? 'common:yes' : 'common:no') };
}

function readFreeText(text: string, min: number, max: number): Reading {
  const value = text.trim().replace(/\s+/g, ' ');
  if (value.length < min) return invalid('common:invalid.text_short', { min });
  if (value.length > max) return invalid('common:invalid.text_long', { max, length: value.length });
  return { type: 'answer', value };
}

/** An Indonesian mobile number, saved as "+62…". */
function readPhone(text: string): Reading {
  const value = parseIndonesianMobile(text);
  return value ? { type: 'answer', value } : invalid('common:invalid.phone');
}

/**
 * The option whose label the person typed (a whole label, or words of one: see
 * {@link matchOption}), the doubtful one when they typed doubt, or a question naming the two
 * options that match equally. `wholeOnly` accepts whole labels only.
 */
function namedOption(
  text: string,
  options: ChoiceOption[],
  rc: ReadContext,
  wholeOnly = false,
): Reading | undefined {
  const labels = options.map((o) => rc.translate(o.label));
  const match: ReturnType<typeof matchOption> = wholeOnly
    ? indexMatch(matchLabel(text, labels))
    : matchOption(text, labels);
  if (match && 'tie' in match) {
    const [a, b] = match.tie;
    return invalid('common:invalid.which', { a: labels[a] ?? '', b: labels[b] ?? '' });
  }
  const option =
    (match ? options[match.index] : undefined) ??
    (isUnsure(text) ? options.find((o) => o.unsure) : undefined);
  return option ? chosen(option) : undefined;
}

function indexMatch(index: number | undefined): ReturnType<typeof matchOption> {
  return index === undefined ? undefined : { index };
}

function chosen(option: ChoiceOption): Reading {
  return { type: 'answer', value: option.value, label: option.label };
}

/**
 * Yes or no in people's words at a question shown as options, by the option that `means`
 * it. A destructive step takes only a clear yes ("ya", "iya", "yes"); any no is a no.
 */
function yesNoOption(
  text: string,
  options: ChoiceOption[],
  destructive: boolean,
): Reading | undefined {
  const yes = parseYesNo(text);
  if (yes === undefined) return undefined;
  if (yes && destructive && !isClearYes(text)) return undefined;
  const option = options.find((o) => o.means === (yes ? 'yes' : 'no'));
  return option ? chosen(option) : undefined;
}

/** An alternative's own label wins over ya/tidak: "Tidak ada anak sekolah" is not "tidak". */
function readYesNo(text: string, rc: ReadContext): Reading {
  const alternatives = alternativesOf(rc.step, rc.ctx);
  const whole = namedOption(text, alternatives, rc, true);
  if (whole) return whole;
  const yes = parseYesNo(text);
  if (yes !== undefined) return yesNoAnswer(yes);
  const number = parseOptionNumber(text);
  if (number !== undefined && alternatives.length > 0) {
    return readOptionNumber(number, rc);
  }
  return namedOption(text, alternatives, rc) ?? invalid('common:invalid.yesno');
}

function readNumber(text: string, rc: ReadContext): Reading {
  if (rc.step.kind !== 'number') return invalid('common:invalid.generic');
  const unit = typeof rc.step.unit === 'function' ? rc.step.unit(rc.ctx) : rc.step.unit;
  const value = unit ? parseQuantity(text, unit) : parseNumber(text);
  const low = boundOf(rc.step.min, rc.ctx) ?? 0;
  const high = boundOf(rc.step.max, rc.ctx) ?? 1_000_000_000;
  const example = Math.min(high, Math.max(low, low === 0 ? 15 : low + 1));
  if (value === undefined) {
    return (
      namedOption(text, alternativesOf(rc.step, rc.ctx), rc) ??
      (unit
        ? invalid(`common:invalid.unit.${unit}`)
        : invalid('common:invalid.number', { example }))
    );
  }
  if (unit && value > high)
    return invalid(`common:invalid.unit.${unit}_max`, { max: amountText(high, unit) });
  if (unit && value < low)
    return invalid(`common:invalid.unit.${unit}_min`, { min: amountText(low, unit) });
  if (value < low || value > high) {
    return invalid('common:invalid.number_range', { min: low, max: high, example });
  }
  return { type: 'answer', value };
}

/** An amount as people say it: 1440 minutes is "24 jam", 2000 meters "2 km", rupiah with dots. */
export function amountText(value: number, unit: NumberUnit): Text {
  if (unit === 'minutes' && value >= 60 && value % 60 === 0) {
    return t('common:units.hours', { count: value / 60 });
  }
  if (unit === 'minutes') return t('common:units.minutes', { count: value });
  if (unit === 'meters' && value >= 1000 && value % 100 === 0) {
    return t('common:units.km', { count: String(value / 1000).replace('.', ',') });
  }
  if (unit === 'meters') return t('common:units.meters', { count: value });
  return t('common:units.rupiah', { amount: value.toLocaleString('de-DE') });
}

function readOptionNumber(number: number, rc: ReadContext): Reading {
  if (rc.step.kind === 'yesno' || rc.step.kind === 'number') {
    return readNamedNumber(number, rc);
  }
  const options = optionsOf(rc.step, rc.ctx);
  const { shown, paged } = pageOf(options, rc.page);
  if (paged && number === NEXT_PAGE_NUMBER) return { type: 'next_page' };
  const option = shown[number - 1];
  if (!option || number < 1) {
    return noSuchOption(paged ? NEXT_PAGE_NUMBER : shown.length);
  }
  if (rc.step.kind !== 'multi') return { type: 'answer', value: option.value, label: option.label };
  const min = rc.step.minSelected ?? 1;
  if (min > 1) return invalid('common:invalid.multi_min', { min });
  return { type: 'answer', value: [option.value], label: option.label };
}

/**
 * Option `number` of a yes/no step (1 ya, 2 tidak, then its alternatives) or, pressed as
 * a button, of a number step's alternatives.
 */
function readNamedNumber(number: number, rc: ReadContext): Reading {
  const alternatives = alternativesOf(rc.step, rc.ctx);
  const first = rc.step.kind === 'yesno' ? 3 : 1;
  if (rc.step.kind === 'yesno' && (number === 1 || number === 2)) {
    return yesNoAnswer(number === 1);
  }
  const option = number >= first ? alternatives[number - first] : undefined;
  if (option) return { type: 'answer', value: option.value, label: option.label };
  return noSuchOption(first - 1 + alternatives.length);
}

/** "That option doesn't exist", with the numbers there are: "Ketik 1 atau 2" for two. */
function noSuchOption(count: number): Reading {
  if (count === 1) return invalid('common:invalid.choice_one');
  if (count === 2) return invalid('common:invalid.choice_two');
  return invalid('common:invalid.choice', { count });
}

/**
 * A choice: its number, its whole label, yes/no by the options that mean them, then words
 * of a label. A destructive choice skips the words: "jangan hapus data saya" is no yes.
 */
function readChoice(text: string, rc: ReadContext): Reading {
  const number = parseOptionNumber(text);
  if (number !== undefined) return readOptionNumber(number, rc);
  const options = optionsOf(rc.step, rc.ctx);
  const destructive = rc.step.kind === 'choice' && rc.step.destructive === true;
  const named =
    namedOption(text, options, rc, true) ??
    yesNoOption(text, options, destructive) ??
    (destructive ? undefined : namedOption(text, options, rc));
  if (named) return named;
  if (destructive && parseYesNo(text) === true) return clearYesNeeded(options);
  const { shown, paged } = pageOf(options, rc.page);
  return noSuchOption(paged ? NEXT_PAGE_NUMBER : shown.length);
}

/**
 * A yes that is not clear enough for a step that cannot be undone ("ok", "sip"): said so,
 * with the number of the yes option and the clear word that chooses it.
 */
function clearYesNeeded(options: ChoiceOption[]): Reading {
  const number = options.findIndex((o) => o.means === 'yes') + 1;
  return invalid('common:invalid.clear_yes', { number });
}

function readMulti(text: string, rc: ReadContext): Reading {
  const options = optionsOf(rc.step, rc.ctx);
  const chosen = pickSeveral(text, options, rc.translate);
  const min = rc.step.kind === 'multi' ? (rc.step.minSelected ?? 1) : 1;
  if (!chosen) return invalid('common:invalid.multi', { count: options.length });
  if (chosen.length < min) return invalid('common:invalid.multi_min', { min });
  return {
    type: 'answer',
    value: chosen.map((o) => o.value),
    label: t('common:list', { items: chosen.map((o) => o.label) }),
  };
}

function pickSeveral(
  text: string,
  options: ChoiceOption[],
  translate: (text: Text) => string,
): ChoiceOption[] | undefined {
  const numbers = parseOptionNumbers(text);
  if (numbers) {
    const picked = numbers.map((n) => options[n - 1]);
    return picked.every((o) => o !== undefined) ? (picked as ChoiceOption[]) : undefined;
  }
  const labels = options.map((o) => translate(o.label));
  const picked = text.split(/\s*[,;]\s*|\s+(?:dan|and)\s+/u).map((part) => {
    const match = matchOption(part, labels);
    return match && 'index' in match ? match.index : undefined;
  });
  if (picked.some((i) => i === undefined)) return undefined;
  return [...new Set(picked as number[])].map((i) => options[i] as ChoiceOption);
}

function readPhoto(mediaId: string, rc: ReadContext): Reading {
  const max = rc.step.kind === 'photo' ? (rc.step.max ?? 1) : 1;
  const value = [...rc.collected, mediaId];
  return value.length >= max ? { type: 'answer', value } : { type: 'more_photos', value };
}

function readPhotoWord(text: string, rc: ReadContext): Reading {
  const word = normalize(text);
  const min = rc.step.kind === 'photo' ? (rc.step.min ?? 1) : 1;
  const finishing = DONE_WORDS.has(word) || (min === 0 && SKIP_WORDS.has(word));
  if (finishing && rc.collected.length >= min) return { type: 'answer', value: rc.collected };
  if (finishing) return invalid('common:invalid.photo_min', { min });
  return invalid(min === 0 ? 'common:invalid.photo_optional' : 'common:invalid.photo');
}

function readLocationText(text: string, allowText: boolean, optional: boolean): Reading {
  const value = text.trim();
  if (optional && SKIP_WORDS.has(normalize(value))) return { type: 'answer', value: null };
  if (allowText && value.length >= 3 && value.length <= 200) {
    return { type: 'answer', value: { text: value } };
  }
  return invalid(allowText ? 'common:invalid.location_text' : 'common:invalid.location');
}
