/**
 * Calendar dates as 'YYYY-MM-DD' strings.
 *
 * Legal deadlines are counted in whole calendar days, never in instants: a Date object would carry
 * a time zone and a daylight-saving change could move a deadline by one day. All arithmetic here is
 * integer arithmetic on a day count (proleptic Gregorian calendar, the same as UTC dates), so the
 * result does not depend on the machine's time zone.
 */
import { AppError } from '../api/errors';

/** A calendar date 'YYYY-MM-DD' (no time, no zone). Produce it with `parseIsoDate` at boundaries. */
export type IsoDate = string;

export interface DateParts {
  year: number;
  /** 1 to 12 */
  month: number;
  /** 1 to 31 */
  day: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Dates typed by hand outside this range are almost certainly typos (0224, 2924). */
const PLAUSIBLE_MIN_YEAR = 1900;
const PLAUSIBLE_MAX_YEAR = 2199;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function splitIsoDate(value: string): DateParts | undefined {
  const match = ISO_DATE.exec(value);
  if (!match) return undefined;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return undefined;
  }
  return { year, month, day };
}

/** True for a real calendar date written 'YYYY-MM-DD' (so '2023-02-29' is false). */
export function isIsoDate(value: unknown): value is IsoDate {
  return typeof value === 'string' && splitIsoDate(value) !== undefined;
}

function describe(value: unknown): string {
  if (typeof value !== 'string') return '';
  const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value;
  return ` « ${shown} »`;
}

/**
 * Validates a date coming from the user or from storage. Also refuses years outside 1900-2199,
 * which in this app can only be typing mistakes.
 */
export function parseIsoDate(value: unknown, field?: string, what = 'La date'): IsoDate {
  const parts = typeof value === 'string' ? splitIsoDate(value) : undefined;
  if (!parts) {
    throw new AppError(
      'INVALID_INPUT',
      `${what}${describe(value)} n’est pas une date valide. Saisissez-la au format AAAA-MM-JJ ` +
        '(par exemple 2024-03-15).',
      field,
    );
  }
  if (parts.year < PLAUSIBLE_MIN_YEAR || parts.year > PLAUSIBLE_MAX_YEAR) {
    throw new AppError(
      'INVALID_INPUT',
      `${what}${describe(value)} a une année invraisemblable. Vérifiez l’année saisie.`,
      field,
    );
  }
  return value as IsoDate;
}

export function dateParts(date: IsoDate): DateParts {
  const parts = splitIsoDate(date);
  if (!parts) {
    throw new AppError(
      'INVALID_INPUT',
      `La date${describe(date)} n’est pas une date valide (format attendu : AAAA-MM-JJ).`,
    );
  }
  return parts;
}

export function toIsoDate(year: number, month: number, day: number): IsoDate {
  const text =
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-` +
    String(day).padStart(2, '0');
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) {
    throw new AppError(
      'INVALID_INPUT',
      'Date impossible : jour, mois et année doivent être entiers.',
    );
  }
  dateParts(text);
  return text;
}

// Day count since 1970-01-01 and back, after Howard Hinnant's "days_from_civil" algorithms: exact
// for every Gregorian date, with no Date object and therefore no time zone involved.
function toDayNumber({ year, month, day }: DateParts): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

function fromDayNumber(dayNumber: number): IsoDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36524) -
      Math.floor(dayOfEra / 146096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return toIsoDate(year, month, day);
}

function assertWholeNumber(n: number, what: string): void {
  if (!Number.isInteger(n)) {
    throw new AppError('INVALID_INPUT', `Le nombre de ${what} doit être un entier.`);
  }
}

export function addDays(date: IsoDate, days: number): IsoDate {
  assertWholeNumber(days, 'jours');
  return fromDayNumber(toDayNumber(dateParts(date)) + days);
}

/**
 * Counts months "de quantième à quantième" (CPC art. 641, Cass. crim. 12 Nov 2014): the same day
 * number n months later, or the last day of the target month when it is shorter
 * (31 Jan + 1 month = 28 or 29 Feb; 30 Nov + 3 months = 28 or 29 Feb).
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  assertWholeNumber(months, 'mois');
  const { year, month, day } = dateParts(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return toIsoDate(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** 29 Feb + 1 year = 28 Feb (last day of the shorter month), as for months. */
export function addYears(date: IsoDate, years: number): IsoDate {
  assertWholeNumber(years, 'années');
  return addMonths(date, years * 12);
}

/** Days from `from` to `to`: positive when `to` is later, negative when earlier. */
export function diffDays(from: IsoDate, to: IsoDate): number {
  return toDayNumber(dateParts(to)) - toDayNumber(dateParts(from));
}

/** ISO strings sort as dates, but going through the parser refuses malformed input. */
export function compareIsoDates(a: IsoDate, b: IsoDate): number {
  return Math.sign(diffDays(b, a));
}

export function latestDate(dates: readonly IsoDate[]): IsoDate | undefined {
  return dates.reduce<IsoDate | undefined>(
    (latest, d) => (latest === undefined || compareIsoDates(d, latest) > 0 ? d : latest),
    undefined,
  );
}

/** 0 = Sunday … 6 = Saturday, as Date#getUTCDay. */
export function weekday(date: IsoDate): number {
  // 1970-01-01 was a Thursday (4).
  return (((toDayNumber(dateParts(date)) + 4) % 7) + 7) % 7;
}

// French public holidays (jours fériés), Code du travail art. L3133-1, as observed in metropolitan
// France. Alsace-Moselle (Bas-Rhin, Haut-Rhin, Moselle) adds Good Friday and 26 December (art.
// L3134-13), and overseas départements add the abolition of slavery day.
// Limitation: we do not add these local days. Working days only feed notes and the recommended
// date, never a legal end, so a missing local holiday cannot push a deadline later.
// Limitation: the current list is applied to every year, including years before a holiday existed.

export interface PublicHoliday {
  date: IsoDate;
  name: string;
}

/** Easter Sunday, Gregorian computus (anonymous algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): IsoDate {
  assertWholeNumber(year, 'années');
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
  return toIsoDate(year, month, day);
}

export function frenchPublicHolidays(year: number): PublicHoliday[] {
  const easter = easterSunday(year);
  const fixed = (month: number, day: number, name: string): PublicHoliday => ({
    date: toIsoDate(year, month, day),
    name,
  });
  return [
    fixed(1, 1, 'Jour de l’an'),
    { date: addDays(easter, 1), name: 'Lundi de Pâques' },
    fixed(5, 1, 'Fête du Travail'),
    fixed(5, 8, 'Victoire 1945'),
    { date: addDays(easter, 39), name: 'Ascension' },
    { date: addDays(easter, 50), name: 'Lundi de Pentecôte' },
    fixed(7, 14, 'Fête nationale'),
    fixed(8, 15, 'Assomption'),
    fixed(11, 1, 'Toussaint'),
    fixed(11, 11, 'Armistice 1918'),
    fixed(12, 25, 'Noël'),
  ].sort((x, y) => compareIsoDates(x.date, y.date));
}

export function publicHolidayName(date: IsoDate): string | undefined {
  return frenchPublicHolidays(dateParts(date).year).find((h) => h.date === date)?.name;
}

export function isPublicHoliday(date: IsoDate): boolean {
  return publicHolidayName(date) !== undefined;
}

/** Working day in the sense of Regulation 1182/71: not a Saturday, Sunday or public holiday. */
export function isWorkingDay(date: IsoDate): boolean {
  const day = weekday(date);
  return day !== 0 && day !== 6 && !isPublicHoliday(date);
}

/** The first working day strictly after `date`. */
export function nextWorkingDay(date: IsoDate): IsoDate {
  return workingDayOnOrAfter(addDays(date, 1));
}

export function workingDayOnOrAfter(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

export function workingDayOnOrBefore(date: IsoDate): IsoDate {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, -1);
  return day;
}

const MONTHS_FR =
  'janvier février mars avril mai juin juillet août septembre octobre novembre décembre'.split(' ');
const WEEKDAYS_FR = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

export function weekdayNameFr(date: IsoDate): string {
  return WEEKDAYS_FR[weekday(date)] ?? '';
}

/**
 * '23 novembre 2011', or 'mercredi 23 novembre 2011' with `weekday`. The first of the month is
 * written '1er', as French typography requires. Fixed tables rather than Intl, so the output does
 * not depend on the ICU data of the runtime.
 */
export function formatDateFr(date: IsoDate, options: { weekday?: boolean } = {}): string {
  const { year, month, day } = dateParts(date);
  const text = `${day === 1 ? '1er' : String(day)} ${MONTHS_FR[month - 1] ?? ''} ${year}`;
  return options.weekday ? `${weekdayNameFr(date)} ${text}` : text;
}

/** The calendar date of an instant in a time zone: "today" for the cabinet is Paris time. */
export function isoDateInTimeZone(instant: Date, timeZone = 'Europe/Paris'): IsoDate {
  if (Number.isNaN(instant.getTime())) {
    throw new AppError('INVALID_INPUT', 'Horodatage invalide : impossible d’en déduire une date.');
  }
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(instant);
  const get = (type: string): number => Number(parts.find((p) => p.type === type)?.value);
  return toIsoDate(get('year'), get('month'), get('day'));
}
