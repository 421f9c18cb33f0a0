/**
 * Working days in Indonesia, as service levels count them (DOMAIN.md §4.3): Monday to
 * Friday, less the national holidays (the `date-holidays` package's public holidays of
 * Indonesia) and the cuti bersama days the government adds each year (configured, since no
 * package knows them in advance). Days are counted in the village's own time zone.
 */
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';

/** A calendar day as people in one place see it: `YYYY-MM-DD`. */
export type LocalDate = string;

/** The hour (local time) work starts: a deadline that passed is acted on from then. */
export const WORKDAY_START_HOUR = 8;

const DAY_MS = 86_400_000;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The national holidays of one year, as local dates. */
export type HolidaySource = (year: number) => readonly LocalDate[];

const require = createRequire(import.meta.url);

/**
 * Indonesia's public holidays of a year, from the `date-holidays` package. The package
 * (about 300 ms of CPU and 20 MB to load) is loaded at the first lookup, not at start-up.
 */
export function nationalHolidays(): HolidaySource {
  let calendar: HolidaysClass | undefined;
  return (year) => {
    if (!calendar) {
      const Holidays: typeof HolidaysClass = require('date-holidays');
      calendar = new Holidays('ID', { types: ['public'] });
    }
    return calendar.getHolidays(year).map((holiday) => holiday.date.slice(0, 10));
  };
}

/** What working days are, for one deployment. */
export interface WorkingCalendar {
  /** True for a weekday that is neither a national holiday nor a cuti bersama day. */
  isWorkingDay(day: LocalDate): boolean;
  /**
   * When a deadline of `days` working days, counted from the local day of `from`, has
   * passed and work resumes: {@link WORKDAY_START_HOUR} on the first working day after
   * the `days` working days that follow `from`'s own day (which is not counted). Filed on
   * Thursday with Friday a holiday, 3 working days are Monday to Wednesday: due Thursday
   * 08:00 local time.
   */
  dueAfter(from: Date, days: number, timeZone: string): Date;
}

/**
 * Builds the calendar. `cutiBersama` are extra days off (`YYYY-MM-DD`); `holidays`
 * defaults to the national holidays of {@link nationalHolidays}, looked up once a year.
 */
export function createWorkingCalendar(options: {
  cutiBersama?: readonly LocalDate[];
  holidays?: HolidaySource;
}): WorkingCalendar {
  const source = options.holidays ?? nationalHolidays();
  const extra = new Set(options.cutiBersama ?? []);
  const years = new Map<number, ReadonlySet<LocalDate>>();

  function holidaysOf(year: number): ReadonlySet<LocalDate> {
    let days = years.get(year);
    if (!days) {
      days = new Set(source(year));
      years.set(year, days);
    }
    return days;
  }

  function isWorkingDay(day: LocalDate): boolean {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday === 0 || weekday === 6) return false;
    return !extra.has(day) && !holidaysOf(Number(day.slice(0, 4))).has(day);
  }

  return {
    isWorkingDay,
    dueAfter(from, days, timeZone) {
      let day = localDateOf(from, timeZone);
      for (let counted = 0; counted < days; ) {
        day = nextDay(day);
        if (isWorkingDay(day)) counted += 1;
      }
      do day = nextDay(day);
      while (!isWorkingDay(day));
      return instantAt(day, WORKDAY_START_HOUR, timeZone);
    },
  };
}

/** True for a well-formed `YYYY-MM-DD` that names a real day. */
export function isLocalDate(value: string): boolean {
  if (!LOCAL_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

const dateFormats = new Map<string, Intl.DateTimeFormat>();
const clockFormats = new Map<string, Intl.DateTimeFormat>();

function formatOf(cache: Map<string, Intl.DateTimeFormat>, timeZone: string, clock: boolean) {
  let format = cache.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(clock ? { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' } : {}),
    });
    cache.set(timeZone, format);
  }
  return format;
}

/** The local calendar day of an instant in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  return formatOf(dateFormats, timeZone, false).format(instant);
}

/** The day after `day`. */
function nextDay(day: LocalDate): LocalDate {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
}

/** How far `timeZone`'s wall clock is ahead of UTC at `instant`, in milliseconds. */
function offsetMs(instant: number, timeZone: string): number {
  const parts = Object.fromEntries(
    formatOf(clockFormats, timeZone, true)
      .formatToParts(instant)
      .map((part) => [part.type, Number(part.value)]),
  );
  const wall = Date.UTC(
    parts.year ?? 0,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wall - Math.floor(instant / 1000) * 1000;
}

/** The instant the wall clock of `timeZone` shows `hour`:00 on `day`. */
export function instantAt(day: LocalDate, hour: number, timeZone: string): Date {
  const wall = new Date(`${day}T00:00:00Z`).getTime() + hour * 3_600_000;
  let instant = wall - offsetMs(wall, timeZone);
  // Once more at the first guess: right across an offset change (none in Indonesia today).
  instant = wall - offsetMs(instant, timeZone);
  return new Date(instant);
}
