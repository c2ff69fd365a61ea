// WITA (UTC+8, no daylight saving) wall-clock arithmetic on instants, independent of the host time zone.

/** A calendar day in WITA, written 'YYYY-MM-DD'. */
export type DayKey = string;

/** WITA is a fixed offset, so shifting by 8 hours and reading UTC fields gives the wall clock. */
export const WITA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

export interface WitaParts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

export function witaParts(instant: Date): WitaParts {
  const t = instant.getTime();
  if (Number.isNaN(t)) throw new RangeError('witaParts: invalid date');
  const d = new Date(t + WITA_OFFSET_MS);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    weekday: d.getUTCDay(),
  };
}

export function dayKeyOf(instant: Date): DayKey {
  const p = witaParts(instant);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** Milliseconds since 00:00 WITA of the instant's own day. */
export function msOfWitaDay(instant: Date): number {
  const shifted = instant.getTime() + WITA_OFFSET_MS;
  return ((shifted % DAY_MS) + DAY_MS) % DAY_MS;
}

/** Splits a DayKey already known to be valid; throws on malformed input so bugs surface early. */
function splitDay(day: DayKey): [number, number, number] {
  const parsed = parseDayKey(day);
  if (parsed === null) throw new RangeError(`Invalid DayKey: ${day}`);
  return [Number(parsed.slice(0, 4)), Number(parsed.slice(5, 7)), Number(parsed.slice(8, 10))];
}

/** Strict 'YYYY-MM-DD' with a real calendar date (years 1900-2999); anything else is null. */
export function parseDayKey(s: string): DayKey | null {
  if (typeof s !== 'string') return null;
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  if (y < 1900 || y > 2999 || mo < 1 || mo > 12 || d < 1) return null;
  if (d > daysInMonth(y, mo)) return null;
  return `${m[1]}-${m[2]}-${m[3]}`;
}

export function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** The instant at the given WITA wall time of `day`. */
export function instantAt(day: DayKey, hour = 0, minute = 0, second = 0, ms = 0): Date {
  const [y, mo, d] = splitDay(day);
  return new Date(Date.UTC(y, mo - 1, d, hour, minute, second, ms) - WITA_OFFSET_MS);
}

/** The last millisecond of `day` in WITA: a deadline day ends here. */
export function endOfDay(day: DayKey): Date {
  return instantAt(day, 23, 59, 59, 999);
}

export function addDays(day: DayKey, n: number): DayKey {
  const [y, mo, d] = splitDay(day);
  const t = new Date(Date.UTC(y, mo - 1, d + n));
  return `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

export function weekdayOf(day: DayKey): number {
  const [y, mo, d] = splitDay(day);
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDay();
}

/** Zero-padded keys sort as text, so string comparison is date comparison. */
export function compareDayKeys(a: DayKey, b: DayKey): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Whole calendar days from a to b (negative when b is earlier). */
export function calendarDaysBetween(a: DayKey, b: DayKey): number {
  const [ya, ma, da] = splitDay(a);
  const [yb, mb, db] = splitDay(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / DAY_MS);
}

/** ISO 8601 with the WITA offset, e.g. '2026-11-30T14:05:00+08:00'. */
export function toIsoWita(instant: Date): string {
  const p = witaParts(instant);
  return `${dayKeyOf(instant)}T${pad(p.hour)}:${pad(p.minute)}:${pad(p.second)}+08:00`;
}

/** 'HH:MM' to minutes after midnight, or null when malformed. */
export function parseClock(s: string): number | null {
  const m = /^(\d{1,2}):(\d{2})$/.exec(s.trim());
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 24 || min > 59 || (h === 24 && min !== 0)) return null;
  return h * 60 + min;
}

export function dayKeyParts(day: DayKey): { year: number; month: number; day: number } {
  const [year, month, d] = splitDay(day);
  return { year, month, day: d };
}
