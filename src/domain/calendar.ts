// Which days are working days for the agency (SOP "Waktu Penyelesaian": hari kerja), and office hours.
import { addDays, compareDayKeys, msOfWitaDay, parseClock, parseDayKey, weekdayOf, dayKeyOf, type DayKey } from './time';

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

/** No gap between working days is this long; a longer search means the settings are broken. */
const MAX_SEARCH_DAYS = 400;

export class WorkingCalendar {
  private readonly byDay = new Map<DayKey, Holiday[]>();
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

  /** Working days after `from` up to and including `to`; negative when `to` is before `from`. */
  workingDaysBetween(from: DayKey, to: DayKey): number {
    const order = compareDayKeys(from, to);
    if (order === 0) return 0;
    const [lo, hi, sign] = order < 0 ? [from, to, 1] : [to, from, -1];
    let count = 0;
    for (let d = addDays(lo, 1); compareDayKeys(d, hi) <= 0; d = addDays(d, 1)) {
      if (this.isWorkingDay(d)) count++;
    }
    return sign * count;
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
