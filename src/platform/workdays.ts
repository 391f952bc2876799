/**
 * Dutch working days, for answer deadlines ("within N working days"). Calendar dates are
 * `YYYY-MM-DD` strings and computed in UTC so no local time zone can shift them; moments are
 * `Date`s, converted to the local date of a time zone (Europe/Amsterdam) with
 * Intl.DateTimeFormat, so deadlines stay right across the DST changes.
 *
 * Which days are holidays is a choice, made here on the side of the resident (a later deadline):
 * - Goede Vrijdag is not a general day off by law, but many municipalities close; it counts as a holiday.
 * - Bevrijdingsdag (5 May) is a national holiday every year; many collective agreements give the day
 *   off only in lustrum years (2025, 2030, …). It counts as a holiday every year.
 * Koningsdag follows the rules since 2014 (27 April, 26 April when the 27th is a Sunday); earlier
 * years have Koninginnedag (30 April, 29 April when the 30th is a Sunday, the rule since 1980).
 */

export interface PublicHoliday {
  /** YYYY-MM-DD */
  date: string;
  name: string;
}

export const AMSTERDAM = 'Europe/Amsterdam';
const DAY_MS = 86_400_000;
const DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** The YYYY-MM-DD of a UTC midnight timestamp. */
const formatUtcDate = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
};

/** The UTC midnight timestamp of a YYYY-MM-DD date; throws a RangeError for anything else. */
function parseDate(date: string): number {
  const m = DATE_PATTERN.exec(date);
  if (!m) throw new RangeError(`Not a YYYY-MM-DD date: ${date}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (formatUtcDate(ms) !== date) throw new RangeError(`Not an existing date: ${date}`);
  return ms;
}

/** `date` plus `days` calendar days (negative for earlier). */
export const addCalendarDays = (date: string, days: number) => formatUtcDate(parseDate(date) + days * DAY_MS);

/** Day of the week of a YYYY-MM-DD date: 0 = Sunday … 6 = Saturday. */
export const dayOfWeek = (date: string) => new Date(parseDate(date)).getUTCDay();

/** Easter Sunday (YYYY-MM-DD) of a Gregorian year, by the anonymous algorithm (Meeus/Jones/Butcher). */
export function easterSunday(year: number): string {
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const holidayCache = new Map<number, readonly PublicHoliday[]>();
const holidayDates = new Map<number, Set<string>>();

/** The Dutch public holidays of a year, sorted by date (two may fall on one date, e.g. 5 May and Hemelvaart). */
export function dutchPublicHolidays(year: number): PublicHoliday[] {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) throw new RangeError(`Not a supported year: ${year}`);
  let holidays = holidayCache.get(year);
  if (!holidays) {
    const y = pad(year, 4);
    const easter = easterSunday(year);
    const kingsDay = year >= 2014
      ? { date: dayOfWeek(`${y}-04-27`) === 0 ? `${y}-04-26` : `${y}-04-27`, name: 'Koningsdag' }
      : { date: dayOfWeek(`${y}-04-30`) === 0 ? `${y}-04-29` : `${y}-04-30`, name: 'Koninginnedag' };
    holidays = [
      { date: `${y}-01-01`, name: 'Nieuwjaarsdag' },
      { date: addCalendarDays(easter, -2), name: 'Goede Vrijdag' },
      { date: easter, name: 'Eerste Paasdag' },
      { date: addCalendarDays(easter, 1), name: 'Tweede Paasdag' },
      kingsDay,
      { date: `${y}-05-05`, name: 'Bevrijdingsdag' },
      { date: addCalendarDays(easter, 39), name: 'Hemelvaartsdag' },
      { date: addCalendarDays(easter, 49), name: 'Eerste Pinksterdag' },
      { date: addCalendarDays(easter, 50), name: 'Tweede Pinksterdag' },
      { date: `${y}-12-25`, name: 'Eerste Kerstdag' },
      { date: `${y}-12-26`, name: 'Tweede Kerstdag' },
    ].sort((p, q) => (p.date < q.date ? -1 : p.date > q.date ? 1 : 0));
    holidayCache.set(year, holidays);
  }
  return holidays.map((h) => ({ ...h }));
}

/** Whether a YYYY-MM-DD date is a Dutch public holiday (as chosen above). */
export function isPublicHoliday(date: string): boolean {
  parseDate(date);
  const year = Number(date.slice(0, 4));
  let dates = holidayDates.get(year);
  if (!dates) {
    dates = new Set(dutchPublicHolidays(year).map((h) => h.date));
    holidayDates.set(year, dates);
  }
  return dates.has(date);
}

/** Whether a YYYY-MM-DD date is a working day: Monday to Friday and not a public holiday. */
export function isWorkingDay(date: string): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6 && !isPublicHoliday(date);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock fields of a moment in a time zone. */
function wallClock(moment: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatterFor(timeZone).formatToParts(moment)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year, month: parts.month, day: parts.day, hour: parts.hour % 24, minute: parts.minute, second: parts.second };
}

/** The offset of a time zone from UTC at a moment, in milliseconds (+3_600_000 for CET). */
function offsetAt(moment: number, timeZone: string): number {
  const w = wallClock(moment, timeZone);
  const wholeSeconds = moment - (((moment % 1000) + 1000) % 1000);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - wholeSeconds;
}

/** The local calendar date (YYYY-MM-DD) of a moment in a time zone. */
export function localDate(moment: Date, timeZone = AMSTERDAM): string {
  if (Number.isNaN(moment.getTime())) throw new RangeError('Invalid date');
  const w = wallClock(moment.getTime(), timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** The last moment (23:59:59.999 local time) of a YYYY-MM-DD date in a time zone. */
export function endOfLocalDay(date: string, timeZone = AMSTERDAM): Date {
  const wall = parseDate(date) + DAY_MS - 1; // the wall-clock time, read as if it were UTC
  // Subtract the offset; a second round settles it when the first guess falls on the other side of a DST change.
  let moment = wall - offsetAt(wall, timeZone);
  moment = wall - offsetAt(moment, timeZone);
  return new Date(moment);
}

/** The first working day on or after a YYYY-MM-DD date. */
function nextWorkingDayFrom(date: string): string {
  let d = date;
  while (!isWorkingDay(d)) d = addCalendarDays(d, 1);
  return d;
}

/**
 * The due moment of "within `days` working days" from `start`: counting begins the working day
 * after `start`'s local date, weekends and holidays are skipped, and the answer is due at the
 * end (23:59:59.999 local) of the last counted day. With 0 days: the end of the start day if that
 * is a working day, else of the next working day. Holidays are Dutch whatever the time zone.
 */
export function addWorkingDays(start: Date, days: number, timeZone = AMSTERDAM): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Working days must be a whole number ≥ 0, not ${days}`);
  let date = localDate(start, timeZone);
  if (days === 0) return endOfLocalDay(nextWorkingDayFrom(date), timeZone);
  for (let counted = 0; counted < days; ) {
    date = addCalendarDays(date, 1);
    if (isWorkingDay(date)) counted++;
  }
  return endOfLocalDay(date, timeZone);
}

/**
 * The number of working days after `from`'s local date up to and including `to`'s local date;
 * negative when `to` lies before `from`. For n ≥ 1, `workingDaysBetween(s, addWorkingDays(s, n)) === n`.
 */
export function workingDaysBetween(from: Date, to: Date, timeZone = AMSTERDAM): number {
  const first = localDate(from, timeZone);
  const last = localDate(to, timeZone);
  if (last < first) return -workingDaysBetween(to, from, timeZone);
  let count = 0;
  for (let d = addCalendarDays(first, 1); d <= last; d = addCalendarDays(d, 1)) if (isWorkingDay(d)) count++;
  return count;
}
