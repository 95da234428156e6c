import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../shared/api/errors';
import {
  addDays,
  addMonths,
  addYears,
  diffDays,
  easterSunday,
  formatDateFr,
  frenchPublicHolidays,
  isIsoDate,
  isoDateInTimeZone,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDay,
  parseIsoDate,
  publicHolidayName,
  weekday,
  workingDayOnOrAfter,
  workingDayOnOrBefore,
} from '../../../shared/deadlines/dates';

function errorOf(fn: () => unknown): AppError {
  try {
    fn();
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected an AppError');
}

describe('parseIsoDate / isIsoDate', () => {
  it.each(['2024-02-29', '2000-02-29', '1900-01-01', '2199-12-31', '2025-12-31'])(
    'accepts %s',
    (value) => {
      expect(isIsoDate(value)).toBe(true);
      expect(parseIsoDate(value)).toBe(value);
    },
  );

  it.each([
    '2023-02-29', // not a leap year
    '1900-02-29', // century, not a leap year
    '2024-04-31',
    '2024-13-01',
    '2024-00-10',
    '2024-01-00',
    '2024-1-05',
    '24-01-05',
    '2024-01-05T00:00',
    ' 2024-01-05',
    '05/01/2024',
    '',
  ])('refuses %j with INVALID_INPUT naming the field', (value) => {
    expect(isIsoDate(value)).toBe(false);
    const error = errorOf(() => parseIsoDate(value, 'firstPosted.date'));
    expect(error.code).toBe('INVALID_INPUT');
    expect(error.field).toBe('firstPosted.date');
    expect(error.message).toMatch(/AAAA-MM-JJ/);
  });

  it.each([42, null, undefined, new Date(0)])('refuses non-strings (%j)', (value) => {
    expect(isIsoDate(value)).toBe(false);
    expect(() => parseIsoDate(value)).toThrow(AppError);
  });

  it('refuses implausible years typed by mistake, though they are real dates', () => {
    expect(isIsoDate('0224-05-01')).toBe(true);
    expect(errorOf(() => parseIsoDate('0224-05-01', 'discovered')).message).toMatch(/année/);
    expect(() => parseIsoDate('2924-05-01')).toThrow(AppError);
  });

  it('arithmetic refuses malformed dates instead of returning NaN strings', () => {
    expect(() => addDays('2024-02-30', 1)).toThrow(AppError);
    expect(() => addMonths('not a date', 1)).toThrow(AppError);
    expect(() => addDays('2024-01-01', 1.5)).toThrow(AppError);
  });
});

describe('addMonths / addYears (de quantième à quantième)', () => {
  it.each([
    ['2011-08-23', 3, '2011-11-23'], // Cass. crim. 12 Nov 2014: not 22 November
    ['2023-01-31', 1, '2023-02-28'],
    ['2024-01-31', 1, '2024-02-29'], // leap year
    ['2023-11-30', 3, '2024-02-29'],
    ['2024-11-30', 3, '2025-02-28'],
    ['2025-11-29', 3, '2026-02-28'],
    ['2024-11-15', 3, '2025-02-15'], // year boundary
    ['2024-12-31', 3, '2025-03-31'],
    ['2025-03-31', 1, '2025-04-30'],
    ['2025-05-31', 1, '2025-06-30'],
    ['2025-08-31', 3, '2025-11-30'],
    ['2024-12-30', 3, '2025-03-30'], // lands on the March DST Sunday
    ['2025-07-26', 3, '2025-10-26'], // lands on the October DST Sunday
    ['2025-03-30', 1, '2025-04-30'], // starts on a DST day
    ['2025-03-31', -1, '2025-02-28'],
    ['2024-03-15', -12, '2023-03-15'],
    ['2020-02-29', 60, '2025-02-28'], // five years from a leap day
    ['2019-08-31', 60, '2024-08-31'],
    ['2025-01-15', 0, '2025-01-15'],
  ])('%s + %i months = %s', (start, months, expected) => {
    expect(addMonths(start, months)).toBe(expected);
  });

  it.each([
    ['2024-02-29', 1, '2025-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2023-03-01', 1, '2024-03-01'],
    ['2024-02-28', 1, '2025-02-28'],
    ['2024-12-31', 1, '2025-12-31'],
  ])('%s + %i years = %s', (start, years, expected) => {
    expect(addYears(start, years)).toBe(expected);
  });
});

describe('addDays / diffDays / weekday', () => {
  it.each([
    ['2025-03-29', 1, '2025-03-30'],
    ['2025-03-29', 2, '2025-03-31'],
    ['2025-10-25', 2, '2025-10-27'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2023-02-28', 1, '2023-03-01'],
    ['2024-12-31', 1, '2025-01-01'],
    ['2025-01-01', -1, '2024-12-31'],
    ['2000-02-28', 2, '2000-03-01'],
    ['1900-02-28', 1, '1900-03-01'],
  ])('%s + %i days = %s', (start, days, expected) => {
    expect(addDays(start, days)).toBe(expected);
  });

  it.each([
    ['2025-03-29', '2025-03-31', 2], // across the spring DST change: still whole days
    ['2025-10-25', '2025-10-27', 2],
    ['2024-01-01', '2025-01-01', 366],
    ['2025-01-01', '2026-01-01', 365],
    ['2025-03-31', '2025-03-29', -2],
    ['2011-08-23', '2011-11-23', 92],
    ['2025-06-01', '2025-06-01', 0],
  ])('diffDays(%s, %s) = %i', (from, to, expected) => {
    expect(diffDays(from, to)).toBe(expected);
  });

  it.each([
    ['1970-01-01', 4],
    ['1900-01-01', 1],
    ['2000-02-29', 2],
    ['2011-11-23', 3],
    ['2025-03-30', 0],
    ['2025-04-05', 6],
    ['2026-11-23', 1],
  ])('weekday(%s) = %i', (date, expected) => {
    expect(weekday(date)).toBe(expected);
  });
});

describe('French public holidays', () => {
  it.each([
    [2011, '2011-04-24'],
    [2019, '2019-04-21'],
    [2024, '2024-03-31'],
    [2025, '2025-04-20'],
    [2026, '2026-04-05'],
    [2038, '2038-04-25'],
    [2285, '2285-03-22'], // earliest possible date
    [1943, '1943-04-25'], // latest possible date
  ])('Easter %i is %s', (year, expected) => {
    expect(easterSunday(year)).toBe(expected);
  });

  it.each([
    [2024, '2024-04-01', '2024-05-09', '2024-05-20'],
    [2025, '2025-04-21', '2025-05-29', '2025-06-09'],
    [2026, '2026-04-06', '2026-05-14', '2026-05-25'],
    [2027, '2027-03-29', '2027-05-06', '2027-05-17'],
  ])('%i: Easter Monday %s, Ascension %s, Whit Monday %s', (year, monday, ascension, whit) => {
    expect(publicHolidayName(monday)).toBe('Lundi de Pâques');
    expect(publicHolidayName(ascension)).toBe('Ascension');
    expect(publicHolidayName(whit)).toBe('Lundi de Pentecôte');
    expect(frenchPublicHolidays(year)).toHaveLength(11);
  });

  it('lists the eleven national days in date order, without the Alsace-Moselle ones', () => {
    const dates = frenchPublicHolidays(2025).map((h) => h.date);
    expect(dates).toEqual([
      '2025-01-01',
      '2025-04-21',
      '2025-05-01',
      '2025-05-08',
      '2025-05-29',
      '2025-06-09',
      '2025-07-14',
      '2025-08-15',
      '2025-11-01',
      '2025-11-11',
      '2025-12-25',
    ]);
    expect(isPublicHoliday('2025-04-18')).toBe(false); // Good Friday
    expect(isPublicHoliday('2025-12-26')).toBe(false);
    expect(isPublicHoliday('2025-04-20')).toBe(false); // Easter Sunday is a Sunday, not listed
  });

  it('tells working days from weekends and holidays', () => {
    expect(isWorkingDay('2025-07-14')).toBe(false);
    expect(isWorkingDay('2025-07-15')).toBe(true);
    expect(isWorkingDay('2025-04-05')).toBe(false);
    expect(isWorkingDay('2025-04-06')).toBe(false);
    expect(nextWorkingDay('2025-04-04')).toBe('2025-04-07');
    expect(nextWorkingDay('2025-05-07')).toBe('2025-05-09'); // 8 May is a holiday
    expect(nextWorkingDay('2024-12-31')).toBe('2025-01-02');
    expect(workingDayOnOrAfter('2025-07-15')).toBe('2025-07-15');
    expect(workingDayOnOrAfter('2025-12-25')).toBe('2025-12-26');
    expect(workingDayOnOrBefore('2025-06-09')).toBe('2025-06-06');
    expect(workingDayOnOrBefore('2026-04-06')).toBe('2026-04-03');
  });
});

describe('formatDateFr', () => {
  it.each([
    ['2011-11-23', {}, '23 novembre 2011'],
    ['2011-11-23', { weekday: true }, 'mercredi 23 novembre 2011'],
    ['2026-11-23', { weekday: true }, 'lundi 23 novembre 2026'],
    ['2025-08-01', { weekday: true }, 'vendredi 1er août 2025'],
    ['2024-02-29', {}, '29 février 2024'],
    ['2025-12-31', { weekday: true }, 'mercredi 31 décembre 2025'],
  ])('%s %j → %s', (date, options, expected) => {
    expect(formatDateFr(date, options)).toBe(expected);
  });

  it('refuses a malformed date', () => {
    expect(() => formatDateFr('2025-02-30')).toThrow(AppError);
  });
});

describe('time zones', () => {
  const originalTz = process.env.TZ;
  afterEach(() => {
    if (originalTz === undefined) delete process.env.TZ;
    else process.env.TZ = originalTz;
    vi.resetModules();
  });

  it('gives the cabinet its Paris calendar date around DST changes', () => {
    expect(isoDateInTimeZone(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-30');
    expect(isoDateInTimeZone(new Date('2025-03-29T22:30:00Z'))).toBe('2025-03-29');
    expect(isoDateInTimeZone(new Date('2025-10-25T22:30:00Z'))).toBe('2025-10-26');
    expect(isoDateInTimeZone(new Date('2025-10-25T21:30:00Z'))).toBe('2025-10-25');
    expect(isoDateInTimeZone(new Date('2025-03-29T23:30:00Z'), 'Pacific/Auckland')).toBe(
      '2025-03-30',
    );
    expect(() => isoDateInTimeZone(new Date('nope'))).toThrow(AppError);
  });

  it.each(['Europe/Paris', 'Pacific/Auckland', 'America/Los_Angeles'])(
    'computes the same dates with TZ=%s',
    async (tz) => {
      process.env.TZ = tz;
      vi.resetModules();
      // The zone switch is live: the process really runs in a non-UTC zone.
      expect(new Date('2025-01-15T12:00:00Z').getTimezoneOffset()).not.toBe(0);
      const dates = await import('../../../shared/deadlines/dates');
      expect(dates.addMonths('2024-12-30', 3)).toBe('2025-03-30');
      expect(dates.addMonths('2025-07-26', 3)).toBe('2025-10-26');
      expect(dates.addDays('2025-03-29', 2)).toBe('2025-03-31');
      expect(dates.addDays('2025-10-26', 1)).toBe('2025-10-27');
      expect(dates.diffDays('2025-03-29', '2025-03-31')).toBe(2);
      expect(dates.weekday('2025-03-30')).toBe(0);
      expect(dates.easterSunday(2025)).toBe('2025-04-20');
      expect(dates.isoDateInTimeZone(new Date('2025-03-29T23:30:00Z'))).toBe('2025-03-30');
    },
  );
});
