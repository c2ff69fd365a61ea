// What a cell holds, and how Sheets parses a written string (USER_ENTERED, en_US locale).
import { fromWall, isValidDay } from './tz';

/** A date-time value as Sheets stores it: an instant (epoch ms), shown in the spreadsheet's zone. */
export interface DateValue {
  readonly date: number;
}
export type Scalar = string | number | boolean | DateValue;

export function isDateValue(v: unknown): v is DateValue {
  return typeof v === 'object' && v !== null && typeof (v as DateValue).date === 'number';
}

/** True for a Date of any realm (the bundle's SimDate or the host's). */
export function isDate(v: unknown): v is Date {
  return Object.prototype.toString.call(v) === '[object Date]';
}

export type Parsed =
  | { kind: 'empty' }
  | { kind: 'formula'; formula: string }
  /** `autoFormat`: the number format Sheets gives a General cell when it recognises the input. */
  | { kind: 'value'; value: Scalar; autoFormat?: string };

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/; // en_US thousands separators: "1,234.5"

function parseNumber(text: string): { value: number; autoFormat?: string } | null {
  if (NUMBER.test(text)) return { value: Number(text) };
  if (GROUPED.test(text)) return { value: Number(text.replace(/,/g, '')), autoFormat: '#,##0' };
  const pct = /^(.*)%$/.exec(text);
  if (pct && NUMBER.test(pct[1].trim())) {
    const digits = pct[1].includes('.') ? pct[1].split('.')[1].length : 0;
    return { value: Number(pct[1].trim()) / 100, autoFormat: digits > 0 ? `0.${'0'.repeat(digits)}%` : '0%' };
  }
  return null;
}

function parseTime(text: string): { h: number; m: number; s: number; withSeconds: boolean } | null {
  const t = /^(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([AaPp][Mm]))?$/.exec(text);
  if (!t) return null;
  let h = Number(t[1]);
  const m = Number(t[2]);
  const s = t[3] === undefined ? 0 : Number(t[3]);
  if (t[4]) {
    if (h < 1 || h > 12) return null;
    h = (h % 12) + (t[4].toLowerCase() === 'pm' ? 12 : 0);
  }
  if (h > 23 || m > 59 || s > 59) return null;
  return { h, m, s, withSeconds: t[3] !== undefined };
}

/** Date forms an en_US spreadsheet recognises: yyyy-mm-dd, yyyy/mm/dd, m/d/yyyy, m/d/yy, each with an optional time. */
function parseDate(text: string, timeZone: string): { value: DateValue; autoFormat: string } | null {
  const m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[ T]+(.+))?$/.exec(text);
  const us = m ? null : /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:\s+(.+))?$/.exec(text);
  let year: number;
  let month: number;
  let day: number;
  let timeText: string | undefined;
  let dateFormat: string;
  if (m) {
    [year, month, day, timeText] = [Number(m[1]), Number(m[2]), Number(m[3]), m[4]];
    dateFormat = 'yyyy-mm-dd';
  } else if (us) {
    [month, day, year, timeText] = [Number(us[1]), Number(us[2]), Number(us[3]), us[4]];
    if (us[3].length === 2) year += year < 30 ? 2000 : 1900; // Sheets' two-digit year pivot
    dateFormat = 'M/d/yyyy';
  } else {
    return null;
  }
  if (!isValidDay(year, month, day)) return null; // "30/11/2026" is not a date in en_US: it stays text
  let h = 0;
  let min = 0;
  let s = 0;
  let format = dateFormat;
  if (timeText !== undefined) {
    const t = parseTime(timeText.trim());
    if (!t) return null;
    ({ h, m: min, s } = t);
    format = `${dateFormat} H:mm${t.withSeconds ? ':ss' : ''}`;
  }
  return { value: { date: fromWall(timeZone, year, month, day, h, min, s) }, autoFormat: format };
}

/**
 * Parses a string as if a person typed it into a General cell (what setValue/setValues/appendRow do).
 * Choices where Sheets is hard to pin down (documented in README): surrounding spaces are ignored for
 * number/date/boolean detection but kept when the text stays text; a string starting with `+` or `-`
 * that is not a number is read as a formula (Sheets answers #ERROR! or #NAME?); "1,5" stays text.
 */
export function parseUserEntered(input: string, timeZone: string): Parsed {
  if (input === '') return { kind: 'empty' };
  if (input.startsWith("'")) return input.length === 1 ? { kind: 'empty' } : { kind: 'value', value: input.slice(1) };
  if (input.startsWith('=') && input.length > 1) return { kind: 'formula', formula: input };
  const text = input.trim();
  if (text === '') return { kind: 'value', value: input };
  const num = parseNumber(text);
  if (num) return { kind: 'value', value: num.value, ...(num.autoFormat ? { autoFormat: num.autoFormat } : {}) };
  const upper = text.toUpperCase();
  if (upper === 'TRUE' || upper === 'FALSE') return { kind: 'value', value: upper === 'TRUE' };
  const date = parseDate(text, timeZone);
  if (date) return { kind: 'value', value: date.value, autoFormat: date.autoFormat };
  const time = parseTime(text);
  if (time) {
    // A bare time is a time of day on Sheets' day zero, 1899-12-30.
    return {
      kind: 'value',
      value: { date: fromWall(timeZone, 1899, 12, 30, time.h, time.m, time.s) },
      autoFormat: time.withSeconds ? 'H:mm:ss' : 'H:mm',
    };
  }
  if ((text.startsWith('+') || text.startsWith('-')) && text.length > 1)
    return { kind: 'formula', formula: `=${text}` };
  return { kind: 'value', value: input };
}
