/**
 * A time typed by a person, read in their zone: "14:30", "jam 7", "besok 08.00",
 * "5/12 07:30", "5/12/2026 7:30", "2026-12-05 07:30". Indonesia keeps no daylight saving,
 * so each zone is a fixed offset from UTC.
 */
import type { IndonesianZone } from './time-zones.js';

/** Hours ahead of UTC of each zone. */
export const ZONE_OFFSET_HOURS: Record<IndonesianZone, number> = { WIB: 7, WITA: 8, WIT: 9 };

const HOUR_MS = 60 * 60_000;
const DAY_MS = 24 * HOUR_MS;

const TODAY = new Set(['hari ini', 'today', 'nanti']);
const TOMORROW = new Set(['besok', 'tomorrow', 'besuk']);
const AFTER_TOMORROW = new Set(['lusa']);
/** Words around a time that say nothing more. */
const FILLER = /\b(jam|pukul|pkl|at|tanggal|tgl|on|wib|wita|wit)\b\.?/g;

/** The wall-clock parts of an instant in a zone. */
function wallOf(at: Date, zone: IndonesianZone) {
  const shifted = new Date(at.getTime() + ZONE_OFFSET_HOURS[zone] * HOUR_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

/** The instant of a wall-clock time in a zone; undefined for a day that does not exist. */
function instantOf(
  parts: { year: number; month: number; day: number; hour: number; minute: number },
  zone: IndonesianZone,
): Date | undefined {
  const utc = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  const check = new Date(utc);
  if (check.getUTCDate() !== parts.day || check.getUTCMonth() !== parts.month - 1) return undefined;
  return new Date(utc - ZONE_OFFSET_HOURS[zone] * HOUR_MS);
}

/** Reads "H", "H:MM" or "H.MM" at the end of the text; the rest is the day. */
function splitTime(text: string): { day: string; hour: number; minute: number } | undefined {
  const match = /(?:^|\s)(\d{1,2})(?:[:.](\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2] ?? 0);
  if (hour > 23 || minute > 59) return undefined;
  return { day: text.slice(0, match.index).trim(), hour, minute };
}

/** The date a day part names, relative to today in the zone. */
function dateOf(day: string, today: { year: number; month: number; day: number }) {
  const plus = (days: number) => {
    const d = new Date(Date.UTC(today.year, today.month - 1, today.day) + days * DAY_MS);
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
  };
  if (day === '' || TODAY.has(day)) return { ...plus(0), explicit: false };
  if (TOMORROW.has(day)) return { ...plus(1), explicit: true };
  if (AFTER_TOMORROW.has(day)) return { ...plus(2), explicit: true };
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(day);
  if (iso)
    return { year: Number(iso[1]), month: Number(iso[2]), day: Number(iso[3]), explicit: true };
  const dm = /^(\d{1,2})[/-](\d{1,2})(?:[/-](\d{4}))?$/.exec(day);
  if (!dm) return undefined;
  return {
    year: dm[3] ? Number(dm[3]) : today.year,
    month: Number(dm[2]),
    day: Number(dm[1]),
    explicit: true,
  };
}

/**
 * The instant a typed local time names, strictly after `now` and at most `maxAheadMs`
 * ahead; undefined when it cannot be read or is out of that range. A time alone that has
 * passed today is tomorrow's.
 */
export function parseLocalTime(
  text: string,
  options: { now: Date; zone: IndonesianZone; maxAheadMs: number },
): Date | undefined {
  const cleaned = text.toLowerCase().replace(FILLER, ' ').replace(/\s+/g, ' ').trim();
  const time = splitTime(cleaned);
  if (!time) return undefined;
  const today = wallOf(options.now, options.zone);
  const date = dateOf(time.day, today);
  if (!date) return undefined;
  let at = instantOf({ ...date, hour: time.hour, minute: time.minute }, options.zone);
  if (at && at <= options.now && !date.explicit) at = new Date(at.getTime() + DAY_MS);
  if (!at || at <= options.now) return undefined;
  if (at.getTime() - options.now.getTime() > options.maxAheadMs) return undefined;
  return at;
}

/** "05/12/2026 07:30 WIB": an instant as shown in a zone. */
export function formatLocalTime(at: Date, zone: IndonesianZone): string {
  const w = wallOf(at, zone);
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(w.day)}/${two(w.month)}/${w.year} ${two(w.hour)}:${two(w.minute)} ${zone}`;
}
