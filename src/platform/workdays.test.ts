import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addCalendarDays,
  addWorkingDays,
  dutchPublicHolidays,
  easterSunday,
  endOfLocalDay,
  isPublicHoliday,
  isWorkingDay,
  localDate,
  workingDaysBetween,
} from './workdays';

/** The wall-clock time of a moment in Amsterdam, e.g. `2026-03-30 23:59:59.999`. */
const amsterdam = (d: Date) =>
  new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    fractionalSecondDigits: 3,
    hourCycle: 'h23',
  })
    .format(d)
    .replace(',', '.');

describe('Easter and the public holidays', () => {
  it('computes Easter Sunday', () => {
    expect(easterSunday(2024)).toBe('2024-03-31');
    expect(easterSunday(2025)).toBe('2025-04-20');
    expect(easterSunday(2026)).toBe('2026-04-05');
    expect(easterSunday(2027)).toBe('2027-03-28');
    // Edge years: the earliest and latest possible dates.
    expect(easterSunday(1818)).toBe('1818-03-22');
    expect(easterSunday(2285)).toBe('2285-03-22');
    expect(easterSunday(2038)).toBe('2038-04-25');
    expect(easterSunday(2000)).toBe('2000-04-23');
  });

  it('lists the holidays of 2026 in date order', () => {
    expect(dutchPublicHolidays(2026)).toEqual([
      { date: '2026-01-01', name: 'Nieuwjaarsdag' },
      { date: '2026-04-03', name: 'Goede Vrijdag' },
      { date: '2026-04-05', name: 'Eerste Paasdag' },
      { date: '2026-04-06', name: 'Tweede Paasdag' },
      { date: '2026-04-27', name: 'Koningsdag' },
      { date: '2026-05-05', name: 'Bevrijdingsdag' },
      { date: '2026-05-14', name: 'Hemelvaartsdag' },
      { date: '2026-05-24', name: 'Eerste Pinksterdag' },
      { date: '2026-05-25', name: 'Tweede Pinksterdag' },
      { date: '2026-12-25', name: 'Eerste Kerstdag' },
      { date: '2026-12-26', name: 'Tweede Kerstdag' },
    ]);
  });

  it('moves Koningsdag to the 26th when the 27th is a Sunday', () => {
    expect(dutchPublicHolidays(2025).find((h) => h.name === 'Koningsdag')?.date).toBe('2025-04-26');
    expect(dutchPublicHolidays(2031).find((h) => h.name === 'Koningsdag')?.date).toBe('2031-04-26');
    expect(dutchPublicHolidays(2024).find((h) => h.name === 'Koningsdag')?.date).toBe('2024-04-27');
    expect(dutchPublicHolidays(2006).find((h) => h.name === 'Koninginnedag')?.date).toBe('2006-04-29');
  });

  it('keeps Bevrijdingsdag every year, also outside lustrum years, even on Hemelvaartsdag', () => {
    expect(isPublicHoliday('2026-05-05')).toBe(true);
    expect(isPublicHoliday('2025-05-05')).toBe(true);
    const holidays2016 = dutchPublicHolidays(2016).filter((h) => h.date === '2016-05-05');
    expect(holidays2016.map((h) => h.name).sort()).toEqual(['Bevrijdingsdag', 'Hemelvaartsdag']);
  });

  it('returns copies the caller may change', () => {
    dutchPublicHolidays(2026)[0].date = '2026-06-01';
    expect(dutchPublicHolidays(2026)[0].date).toBe('2026-01-01');
  });
});

describe('isWorkingDay', () => {
  it('excludes weekends and holidays', () => {
    expect(isWorkingDay('2026-03-12')).toBe(true); // Thursday
    expect(isWorkingDay('2026-03-14')).toBe(false); // Saturday
    expect(isWorkingDay('2026-03-15')).toBe(false); // Sunday
    expect(isWorkingDay('2026-04-03')).toBe(false); // Goede Vrijdag
    expect(isWorkingDay('2026-04-06')).toBe(false); // Tweede Paasdag
    expect(isWorkingDay('2026-05-14')).toBe(false); // Hemelvaartsdag
    expect(isWorkingDay('2026-05-15')).toBe(true); // the Friday after
    expect(isWorkingDay('2026-12-25')).toBe(false);
  });

  it('refuses what is not a date', () => {
    expect(() => isWorkingDay('2026-02-30')).toThrow(RangeError);
    expect(() => isWorkingDay('12-03-2026')).toThrow(RangeError);
  });

  it('adds calendar days across month and year ends', () => {
    expect(addCalendarDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addCalendarDays('2028-03-01', -1)).toBe('2028-02-29');
  });
});

describe('addWorkingDays', () => {
  it('skips Christmas, the weekend and New Year from Thursday 2026-12-24', () => {
    const due = addWorkingDays(new Date('2026-12-24T10:00:00+01:00'), 5);
    // 28, 29, 30, 31 December and Monday 4 January (1 January is a holiday).
    expect(due.toISOString()).toBe('2027-01-04T22:59:59.999Z');
    expect(amsterdam(due)).toBe('2027-01-04 23:59:59.999');
  });

  it('ends at 23:59:59.999 local time across the change to summer time', () => {
    const due = addWorkingDays(new Date('2026-03-27T09:00:00+01:00'), 1); // Friday → Monday
    expect(due.toISOString()).toBe('2026-03-30T21:59:59.999Z');
    expect(amsterdam(due)).toBe('2026-03-30 23:59:59.999');
    expect(addWorkingDays(new Date('2026-03-25T09:00:00+01:00'), 3).toISOString()).toBe('2026-03-30T21:59:59.999Z');
  });

  it('ends at 23:59:59.999 local time across the change to winter time', () => {
    const due = addWorkingDays(new Date('2026-10-23T16:00:00+02:00'), 1); // Friday → Monday
    expect(due.toISOString()).toBe('2026-10-26T22:59:59.999Z');
    expect(amsterdam(due)).toBe('2026-10-26 23:59:59.999');
  });

  it('counts from the local date, not the UTC date', () => {
    // 23:30 UTC on Tuesday is 00:30 on Wednesday in Amsterdam.
    const start = new Date('2026-03-24T23:30:00Z');
    expect(localDate(start)).toBe('2026-03-25');
    expect(amsterdam(addWorkingDays(start, 1))).toBe('2026-03-26 23:59:59.999');
  });

  it('with 0 days ends the same day if that is a working day, else the next working day', () => {
    expect(amsterdam(addWorkingDays(new Date('2026-12-24T10:00:00+01:00'), 0))).toBe('2026-12-24 23:59:59.999');
    expect(amsterdam(addWorkingDays(new Date('2026-12-25T10:00:00+01:00'), 0))).toBe('2026-12-28 23:59:59.999');
    expect(amsterdam(addWorkingDays(new Date('2026-04-04T10:00:00+02:00'), 0))).toBe('2026-04-07 23:59:59.999');
  });

  it('starting on a weekend counts from the following Monday', () => {
    expect(amsterdam(addWorkingDays(new Date('2026-03-14T12:00:00+01:00'), 1))).toBe('2026-03-16 23:59:59.999');
  });

  it('works in another time zone', () => {
    const due = addWorkingDays(new Date('2026-03-06T12:00:00Z'), 1, 'Asia/Kolkata');
    expect(due.toISOString()).toBe('2026-03-09T18:29:59.999Z');
    expect(endOfLocalDay('2026-03-08', 'America/New_York').toISOString()).toBe('2026-03-09T03:59:59.999Z'); // DST starts that day
  });

  it('gives the end of a DST change day in Amsterdam', () => {
    expect(endOfLocalDay('2026-03-29').toISOString()).toBe('2026-03-29T21:59:59.999Z');
    expect(endOfLocalDay('2026-10-25').toISOString()).toBe('2026-10-25T22:59:59.999Z');
  });

  it('refuses negative or fractional days and invalid dates', () => {
    expect(() => addWorkingDays(new Date(), -1)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date(), 1.5)).toThrow(RangeError);
    expect(() => addWorkingDays(new Date('nonsense'), 1)).toThrow(RangeError);
  });
});

describe('workingDaysBetween', () => {
  it('counts the working days after the start up to and including the end', () => {
    const start = new Date('2026-12-24T10:00:00+01:00');
    expect(workingDaysBetween(start, new Date('2027-01-04T09:00:00+01:00'))).toBe(5);
    expect(workingDaysBetween(start, start)).toBe(0);
    expect(workingDaysBetween(new Date('2027-01-04T09:00:00+01:00'), start)).toBe(-5);
  });

  it('is the inverse of addWorkingDays', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2020-01-01T00:00:00Z'), max: new Date('2035-12-31T00:00:00Z'), noInvalidDate: true }),
        fc.integer({ min: 1, max: 60 }),
        (start, days) => {
          const due = addWorkingDays(start, days);
          expect(workingDaysBetween(start, due)).toBe(days);
          expect(isWorkingDay(localDate(due))).toBe(true);
          expect(amsterdam(due).slice(11)).toBe('23:59:59.999');
        },
      ),
      { numRuns: 300 },
    );
  });
});
