/**
 * Times of training sessions: instants stored as `timestamptz`, shown and typed as wall
 * times in the session's zone. Indonesia keeps no daylight saving time, so each zone is a
 * fixed offset (WIB +7, WITA +8, WIT +9, DOMAIN.md §7), which makes the conversion exact.
 */
import { type Text, t } from '../../core/messages.js';
import { IANA_ZONES, type IndonesianZone } from '../time-zones.js';

/** Hours ahead of UTC of each zone. */
const ZONE_OFFSET_HOURS: Record<IndonesianZone, number> = { WIB: 7, WITA: 8, WIT: 9 };
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** The Indonesian zone of an IANA name; WIB for one outside Indonesia's three. */
export function zoneOfIana(timeZone: string): IndonesianZone {
  const found = (Object.keys(IANA_ZONES) as IndonesianZone[]).find(
    (zone) => IANA_ZONES[zone] === timeZone,
  );
  return found ?? 'WIB';
}

/** A wall time in a zone: what people read and type. */
export interface WallTime {
  year: number;
  /** 1-12. */
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** The wall time of `instant` in `timeZone`. */
export function wallTimeOf(instant: Date, timeZone: string): WallTime & { weekday: number } {
  const shifted = new Date(instant.getTime() + ZONE_OFFSET_HOURS[zoneOfIana(timeZone)] * HOUR_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant of a wall time in `timeZone`. */
export function instantOf(wall: WallTime, timeZone: string): Date {
  const utc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return new Date(utc - ZONE_OFFSET_HOURS[zoneOfIana(timeZone)] * HOUR_MS);
}

/** `hour:minute` on the day before `instant`'s day, in `timeZone` (the evening reminder). */
export function dayBeforeAt(
  instant: Date,
  timeZone: string,
  at: { hour: number; minute: number },
): Date {
  const wall = wallTimeOf(new Date(instant.getTime() - DAY_MS), timeZone);
  return instantOf({ ...wall, hour: at.hour, minute: at.minute }, timeZone);
}

const WEEKDAYS = ['0', '1', '2', '3', '4', '5', '6'] as const;
const MONTHS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12'] as const;

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * "Selasa, 1 Desember 2026 pukul 09.00 WITA" (English: "Tuesday, 1 December 2026 at 09:00
 * WITA"), as a text resolved in the reader's language.
 */
export function whenText(instant: Date, timeZone: string): Text {
  const wall = wallTimeOf(instant, timeZone);
  return t('training:time.when', {
    weekday: t(`training:time.weekdays.${WEEKDAYS[wall.weekday] ?? '0'}`),
    day: wall.day,
    month: t(`training:time.months.${MONTHS[wall.month - 1] ?? '1'}`),
    year: wall.year,
    hour: pad(wall.hour),
    minute: pad(wall.minute),
    zone: zoneOfIana(timeZone),
  });
}

/** "09.00" (English "09:00") in the zone: the end of a session, shown after its start. */
export function clockText(instant: Date, timeZone: string): Text {
  const wall = wallTimeOf(instant, timeZone);
  return t('training:time.clock', {
    hour: pad(wall.hour),
    minute: pad(wall.minute),
    zone: zoneOfIana(timeZone),
  });
}

const MONTH_WORDS: Record<string, number> = {
  jan: 1,
  januari: 1,
  january: 1,
  feb: 2,
  februari: 2,
  february: 2,
  peb: 2,
  mar: 3,
  maret: 3,
  march: 3,
  apr: 4,
  april: 4,
  mei: 5,
  may: 5,
  jun: 6,
  juni: 6,
  june: 6,
  jul: 7,
  juli: 7,
  july: 7,
  agu: 8,
  agt: 8,
  agustus: 8,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  okt: 10,
  oktober: 10,
  oct: 10,
  october: 10,
  nov: 11,
  nopember: 11,
  november: 11,
  des: 12,
  desember: 12,
  dec: 12,
  december: 12,
};

const NUMERIC_DATE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const WORD_DATE = /^(\d{1,2}) ([a-z]+) (\d{4})$/;
const TIME = /^(\d{1,2})(?:[.:](\d{2}))?$/;

/**
 * Reads a date and a time as people type them: "1/12/2026 09.00", "01-12-2026 9:00",
 * "2026-12-01 09:00", "1 Desember 2026 pukul 9", "Selasa, 1 des 2026 jam 09.30". Undefined
 * when it is not one for sure (an impossible day, no time).
 */
export function parseWallTime(input: string): WallTime | undefined {
  const words = input
    .toLowerCase()
    .replace(/,/g, ' ')
    .replace(/\b(pukul|pkl|jam|at|hari|wib|wita|wit)\b\.?/g, ' ')
    .replace(/\b(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad)\b/g, ' ')
    .replace(/\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/g, ' ')
    .trim()
    .split(/\s+/);
  const time = TIME.exec(words.at(-1) ?? '');
  if (!time || words.length < 2) return undefined;
  const date = dateOf(words.slice(0, -1).join(' '));
  if (!date) return undefined;
  const hour = Number(time[1]);
  const minute = Number(time[2] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  return { ...date, hour, minute };
}

function dateOf(text: string): { year: number; month: number; day: number } | undefined {
  let parts: [number, number, number] | undefined;
  const numeric = NUMERIC_DATE.exec(text);
  const iso = ISO_DATE.exec(text);
  const word = WORD_DATE.exec(text);
  if (numeric) parts = [Number(numeric[3]), Number(numeric[2]), Number(numeric[1])];
  else if (iso) parts = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  else if (word && MONTH_WORDS[word[2] ?? '']) {
    parts = [Number(word[3]), MONTH_WORDS[word[2] ?? ''] ?? 0, Number(word[1])];
  }
  if (!parts) return undefined;
  const [year, month, day] = parts;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  return { year, month, day };
}
