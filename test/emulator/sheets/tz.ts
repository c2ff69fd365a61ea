// Wall-clock arithmetic in a named time zone (the spreadsheet's), independent of the host TZ, and Sheets' serial days.
import { zonedParts } from '../tz';

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  ms: number;
  weekday: number; // 0 = Sunday
}

/** Offset of `timeZone` from UTC at instant `ms`, in ms, to the second (Asia/Makassar: +8 h; before 1932 its LMT). */
export function offsetMs(timeZone: string, ms: number): number {
  const whole = Math.floor(ms / 1000) * 1000;
  const p = zonedParts(whole, timeZone);
  // Date.UTC maps years 0-99 to 1900-1999; no spreadsheet date here is that old.
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

export function toWall(timeZone: string, ms: number): WallTime {
  const shifted = new Date(ms + offsetMs(timeZone, ms));
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    ms: shifted.getUTCMilliseconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant at which the wall clock of `timeZone` shows the given time. */
export function fromWall(
  timeZone: string,
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): number {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  let guess = wall - offsetMs(timeZone, wall);
  guess = wall - offsetMs(timeZone, guess); // second pass settles zones whose offset changed in between
  return guess;
}

const DAY_MS = 86_400_000;
/** Sheets' serial day 0 is 1899-12-30 (wall time in the spreadsheet's zone). */
const EPOCH_SERIAL = 25_569;

export function serialFromMs(timeZone: string, ms: number): number {
  return (ms + offsetMs(timeZone, ms)) / DAY_MS + EPOCH_SERIAL;
}

export function msFromSerial(timeZone: string, serial: number): number {
  const wall = Math.round((serial - EPOCH_SERIAL) * DAY_MS);
  const w = new Date(wall);
  return fromWall(
    timeZone,
    w.getUTCFullYear(),
    w.getUTCMonth() + 1,
    w.getUTCDate(),
    w.getUTCHours(),
    w.getUTCMinutes(),
    w.getUTCSeconds(),
    w.getUTCMilliseconds(),
  );
}

export function isValidDay(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}
