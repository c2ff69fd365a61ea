// The settlement deadline (SOP "Waktu Penyelesaian"): 5 working days normally, 1 month in the special case.
import type { WorkingCalendar } from './calendar';
import { compareDayKeys, dayKeyOf, dayKeyParts, daysInMonth, type DayKey } from './time';

export const WORKING_DAYS_LIMIT = 5;
/** The special case's deadline, in calendar months from receipt. */
export const SPECIAL_CASE_MONTHS = 1;

/**
 * Day 0 of the count. A complaint received on a working day before office end counts from that day;
 * one received after office end, on a weekend or on a holiday counts from the next working day,
 * because nobody was there to take it in.
 */
export function effectiveReceiptDay(receivedAt: Date, cal: WorkingCalendar): DayKey {
  const day = dayKeyOf(receivedAt);
  if (cal.isWorkingDay(day) && !cal.isAfterOfficeEnd(receivedAt)) return day;
  return cal.nextWorkingDay(day);
}

/** The 5th working day after day 0; the complaint is on time until the end of that day (23:59:59 WITA). */
export function normalDeadline(receivedAt: Date, cal: WorkingCalendar): DayKey {
  return cal.addWorkingDays(effectiveReceiptDay(receivedAt, cal), WORKING_DAYS_LIMIT);
}

/**
 * The special case (responsible official away): SPECIAL_CASE_MONTHS (one) calendar month counted from the date the complaint
 * was received (WITA), same day of the month clamped to the month's end (31 Jan → 28/29 Feb), then moved
 * back to the last working day on or before it. Never earlier than the normal deadline.
 */
export function specialDeadline(receivedAt: Date, cal: WorkingCalendar): DayKey {
  const { year, month, day } = dayKeyParts(dayKeyOf(receivedAt));
  const months = year * 12 + (month - 1) + SPECIAL_CASE_MONTHS;
  const nextYear = Math.floor(months / 12);
  const nextMonth = (months % 12) + 1;
  const clamped = Math.min(day, daysInMonth(nextYear, nextMonth));
  const raw = `${String(nextYear).padStart(4, '0')}-${String(nextMonth).padStart(2, '0')}-${String(clamped).padStart(2, '0')}`;
  const special = cal.workingDayOnOrBefore(raw);
  const normal = normalDeadline(receivedAt, cal);
  return compareDayKeys(special, normal) < 0 ? normal : special;
}

export type DeadlineState =
  'open_on_track' | 'due_next_working_day' | 'due_today' | 'overdue' | 'settled_on_time' | 'settled_late';

export interface DeadlineFacts {
  state: DeadlineState;
  /** Working days after today up to the deadline (0 when due today or past). */
  workingDaysLeft: number;
  /** Working days after the deadline up to today (open) or the closing day (settled); 0 when not late. */
  workingDaysLate: number;
  /** Working days from day 0 to the closing day; null while open. */
  workingDaysTaken: number | null;
}

export function workingDaysTaken(receivedAt: Date, closedAt: Date, cal: WorkingCalendar): number {
  // Answered on the spot on a Saturday: day 0 is Monday, so the raw count is negative; it took no working day.
  return Math.max(0, cal.workingDaysBetween(effectiveReceiptDay(receivedAt, cal), dayKeyOf(closedAt)));
}

export function isOnTime(deadline: DayKey, closedAt: Date): boolean {
  return compareDayKeys(dayKeyOf(closedAt), deadline) <= 0;
}

export function deadlineFacts(
  c: { deadline: DayKey; closedAt: Date | null; receivedAt: Date },
  now: Date,
  cal: WorkingCalendar,
): DeadlineFacts {
  if (c.closedAt) {
    const closedDay = dayKeyOf(c.closedAt);
    const onTime = isOnTime(c.deadline, c.closedAt);
    return {
      state: onTime ? 'settled_on_time' : 'settled_late',
      workingDaysLeft: 0,
      workingDaysLate: onTime ? 0 : Math.max(0, cal.workingDaysBetween(c.deadline, closedDay)),
      workingDaysTaken: workingDaysTaken(c.receivedAt, c.closedAt, cal),
    };
  }
  const today = dayKeyOf(now);
  const order = compareDayKeys(today, c.deadline);
  if (order > 0) {
    return {
      state: 'overdue',
      workingDaysLeft: 0,
      workingDaysLate: cal.workingDaysBetween(c.deadline, today),
      workingDaysTaken: null,
    };
  }
  if (order === 0) return { state: 'due_today', workingDaysLeft: 0, workingDaysLate: 0, workingDaysTaken: null };
  const left = cal.workingDaysBetween(today, c.deadline);
  return {
    state: left <= 1 ? 'due_next_working_day' : 'open_on_track',
    workingDaysLeft: left,
    workingDaysLate: 0,
    workingDaysTaken: null,
  };
}
