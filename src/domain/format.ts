// Indonesian dates and durations as people read them on screens and letters (always WITA).
import { MONTH_NAMES, MSG, WEEKDAY_NAMES } from '../messages/domain';
import { dayKeyOf, dayKeyParts, weekdayOf, witaParts, type DayKey } from './time';

export { MONTH_NAMES, WEEKDAY_NAMES };

function toDay(value: DayKey | Date): DayKey {
  return value instanceof Date ? dayKeyOf(value) : value;
}

/** '30 November 2026' */
export function formatDay(value: DayKey | Date): string {
  const { year, month, day } = dayKeyParts(toDay(value));
  return `${day} ${MONTH_NAMES[month - 1]} ${year}`;
}

/** 'Senin, 30 November 2026' */
export function formatDayLong(value: DayKey | Date): string {
  const day = toDay(value);
  return `${WEEKDAY_NAMES[weekdayOf(day)]}, ${formatDay(day)}`;
}

/** '14.05 WITA' (Indonesian uses a dot between hours and minutes) */
export function formatTime(instant: Date): string {
  const p = witaParts(instant);
  return `${String(p.hour).padStart(2, '0')}.${String(p.minute).padStart(2, '0')} ${MSG.tzName}`;
}

/** '30 November 2026 pukul 14.05 WITA' */
export function formatDateTime(instant: Date): string {
  return `${formatDay(instant)} ${MSG.at} ${formatTime(instant)}`;
}

/** '3 hari kerja' */
export function formatWorkingDays(n: number): string {
  return MSG.workingDays(n);
}
