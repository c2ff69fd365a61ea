// Which days are working days for the agency (SOP "Waktu Penyelesaian": hari kerja), and office hours.
import {
  addDays,
  calendarDaysBetween,
  msOfWitaDay,
  parseClock,
  parseDayKey,
  weekdayOf,
  dayKeyOf,
  type DayKey,
} from './time';

export type HolidayKind = 'nasional' | 'cuti_bersama' | 'hari_suci_bali';
export const HOLIDAY_KINDS: readonly HolidayKind[] = ['nasional', 'cuti_bersama', 'hari_suci_bali'];

export interface Holiday {
  date: DayKey;
  name: string;
  kind: HolidayKind;
  /** The decree or circular the date comes from, so staff can check it. */
  source: string;
}

export interface CalendarSettings {
  /** Working weekdays, 0 = Sunday … 6 = Saturday; the agency works Monday (1) to Friday (5). */
  workDays: number[];
  officeStart: string;
  officeEnd: string;
  /** Each kind can be turned off, e.g. if the Governor's circular does not apply to the agency. */
  enabledKinds: Record<HolidayKind, boolean>;
}

export const DEFAULT_CALENDAR_SETTINGS: CalendarSettings = {
  workDays: [1, 2, 3, 4, 5],
  officeStart: '08:00',
  officeEnd: '16:00',
  enabledKinds: { nasional: true, cuti_bersama: true, hari_suci_bali: true },
};

export { DEFAULT_HOLIDAYS } from './holidays';

/** Days since 1970-01-01 (a Thursday) of a day key: day arithmetic without Date objects in the loops. */
function dayNumber(day: DayKey): number {
  return calendarDaysBetween('1970-01-01', day);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
function weekdayOfNumber(n: number): number {
  return (((n + 4) % 7) + 7) % 7;
}

/** Index of the first element ≥ value in a sorted array. */
function firstAtLeast(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** No gap between working days is this long; a longer search means the settings are broken. */
const MAX_SEARCH_DAYS = 400;

export class WorkingCalendar {
  private readonly byDay = new Map<DayKey, Holiday[]>();
  /** Sorted day numbers of the enabled holidays that fall on a working weekday: what workingDaysBetween subtracts. */
  private readonly holidayNumbers: number[];
  private readonly workDays: ReadonlySet<number>;
  private readonly startMinutes: number;
  private readonly endMinutes: number;
  readonly settings: CalendarSettings;

  constructor(holidays: Holiday[], settings: CalendarSettings = DEFAULT_CALENDAR_SETTINGS) {
    const days = settings.workDays.filter((d) => Number.isInteger(d) && d >= 0 && d <= 6);
    if (days.length === 0) throw new RangeError('WorkingCalendar: no working weekday configured');
    const start = parseClock(settings.officeStart);
    const end = parseClock(settings.officeEnd);
    if (start === null || end === null || start >= end) {
      throw new RangeError(`WorkingCalendar: invalid office hours ${settings.officeStart}-${settings.officeEnd}`);
    }
    this.settings = settings;
    this.workDays = new Set(days);
    this.startMinutes = start;
    this.endMinutes = end;
    for (const h of holidays) {
      const day = parseDayKey(h.date);
      // Malformed rows and disabled kinds simply do not count; the settings check reports them.
      if (day === null || !settings.enabledKinds[h.kind]) continue;
      const list = this.byDay.get(day) ?? [];
      list.push({ ...h, date: day });
      this.byDay.set(day, list);
    }
    this.holidayNumbers = [...this.byDay.keys()]
      .map(dayNumber)
      .filter((n) => this.workDays.has(weekdayOfNumber(n)))
      .sort((x, y) => x - y);
  }

  /** All enabled holidays on the day (two can coincide, e.g. Natal and Saraswati 2027). */
  holidaysOn(day: DayKey): Holiday[] {
    return this.byDay.get(day) ?? [];
  }

  holidayOn(day: DayKey): Holiday | undefined {
    return this.holidaysOn(day)[0];
  }

  isWorkingDay(day: DayKey): boolean {
    return this.workDays.has(weekdayOf(day)) && !this.byDay.has(day);
  }

  /** The first working day strictly after `day`. */
  nextWorkingDay(day: DayKey): DayKey {
    return this.scan(addDays(day, 1), 1);
  }

  workingDayOnOrAfter(day: DayKey): DayKey {
    return this.scan(day, 1);
  }

  workingDayOnOrBefore(day: DayKey): DayKey {
    return this.scan(day, -1);
  }

  /** The n-th working day after `day` (before it when n < 0); n = 0 gives `day` itself. */
  addWorkingDays(day: DayKey, n: number): DayKey {
    if (!Number.isInteger(n)) throw new RangeError('addWorkingDays: n must be an integer');
    const step = n < 0 ? -1 : 1;
    let current = day;
    for (let left = Math.abs(n); left > 0; left--) current = this.scan(addDays(current, step), step);
    return current;
  }

  /**
   * Working days after `from` up to and including `to`; negative when `to` is before `from`. Counted by arithmetic
   * (whole weeks, then the remainder, minus holidays on working weekdays found by binary search), not day by day:
   * the daily run asks this for every open complaint of the register.
   */
  workingDaysBetween(from: DayKey, to: DayKey): number {
    const a = dayNumber(from);
    const b = dayNumber(to);
    if (a === b) return 0;
    const [lo, hi, sign] = a < b ? [a + 1, b, 1] : [b + 1, a, -1];
    return sign * (this.workWeekdaysIn(lo, hi) - this.holidaysIn(lo, hi));
  }

  /** Days in [lo, hi] (day numbers) whose weekday is a working weekday. */
  private workWeekdaysIn(lo: number, hi: number): number {
    const length = hi - lo + 1;
    const weeks = Math.floor(length / 7);
    let count = weeks * this.workDays.size;
    for (let d = lo + weeks * 7; d <= hi; d++) if (this.workDays.has(weekdayOfNumber(d))) count++;
    return count;
  }

  /** Enabled holidays in [lo, hi] that fall on a working weekday (each day once). */
  private holidaysIn(lo: number, hi: number): number {
    return firstAtLeast(this.holidayNumbers, hi + 1) - firstAtLeast(this.holidayNumbers, lo);
  }

  /** True on a working day between office start (inclusive) and office end (exclusive), WITA. */
  isOfficeHours(instant: Date): boolean {
    if (!this.isWorkingDay(dayKeyOf(instant))) return false;
    const minutes = msOfWitaDay(instant) / 60000;
    return minutes >= this.startMinutes && minutes < this.endMinutes;
  }

  /** True when the instant is at or after the end of office hours of its own WITA day. */
  isAfterOfficeEnd(instant: Date): boolean {
    return msOfWitaDay(instant) >= this.endMinutes * 60000;
  }

  private scan(from: DayKey, step: 1 | -1): DayKey {
    let d = from;
    for (let i = 0; i < MAX_SEARCH_DAYS; i++) {
      if (this.isWorkingDay(d)) return d;
      d = addDays(d, step);
    }
    throw new RangeError(`WorkingCalendar: no working day within ${MAX_SEARCH_DAYS} days of ${from}`);
  }
}
