// One cell: what it stores, how a script's write changes it, and what getValue/getDisplayValue return.
import {
  autoDateFormat,
  formatDate,
  formatGeneralNumber,
  formatNumber,
  isDateFormat,
  isGeneral,
  isText,
} from './format';
import { FormulaError } from './formula';
import { msFromSerial, serialFromMs } from './tz';
import type { DataValidation } from './rules';
import { isDate, isDateValue, parseUserEntered, type Scalar } from './values';
import { jsString } from '../core/text';

export interface Cell {
  value: Scalar | null; // null when empty or when the cell holds a formula
  formula?: string;
  format?: string; // number format; undefined = General ("Automatic")
  background?: string;
  fontColor?: string;
  fontWeight?: string;
  wrap?: boolean;
  hAlign?: string;
  note?: string;
  validation?: DataValidation;
}

export function hasContent(cell: Cell | undefined): boolean {
  return cell !== undefined && (cell.value !== null || cell.formula !== undefined);
}

export function isBlankCell(cell: Cell): boolean {
  return (
    !hasContent(cell) &&
    Object.keys(cell).every((k) => k === 'value' || (cell as unknown as Record<string, unknown>)[k] === undefined)
  );
}

export function clearContent(cell: Cell): void {
  cell.value = null;
  delete cell.formula;
}

/** Sheets' limit for one cell (Google Sheets size limits: 50,000 characters a cell). */
export const CELL_CHAR_LIMIT = 50_000;
export const CELL_TOO_LONG = `Exception: Your input contains more than the maximum of ${CELL_CHAR_LIMIT} characters in a single cell.`;

/** Refuses a value whose text would exceed the cell limit (checked before anything of the write lands). */
export function checkCellSize(input: unknown): void {
  if (typeof input === 'string' && input.length > CELL_CHAR_LIMIT) throw new Error(CELL_TOO_LONG);
}

/**
 * Applies a script write (setValue/setValues/appendRow: USER_ENTERED). Strings are parsed like typed
 * text unless the cell is formatted as plain text `@`, where they are kept exactly as given.
 * A recognised date, percent or grouped number gives a General cell its matching format, as Sheets does.
 */
export function writeInput(cell: Cell, input: unknown, timeZone: string): void {
  clearContent(cell);
  if (input === null || input === undefined) return;
  if (isDate(input)) {
    const ms = input.getTime();
    if (Number.isNaN(ms)) {
      cell.value = 'Invalid Date';
      return;
    }
    cell.value = { date: ms };
    if (isGeneral(cell.format)) cell.format = autoDateFormat(ms, timeZone);
    return;
  }
  if (typeof input === 'number') {
    cell.value = Number.isFinite(input) ? input : String(input);
    return;
  }
  if (typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const text = jsString(input);
  if (isText(cell.format)) {
    if (text !== '') cell.value = text;
    return;
  }
  const parsed = parseUserEntered(text, timeZone);
  if (parsed.kind === 'formula') cell.formula = parsed.formula;
  else if (parsed.kind === 'value') {
    cell.value = parsed.value;
    if (parsed.autoFormat && isGeneral(cell.format)) cell.format = parsed.autoFormat;
  }
}

/** The value a cell holds for reading (formula already computed), before the format is applied. */
export type Computed = Scalar | null | FormulaError;

/** What getValues returns for a computed value under `format` (`makeDate` builds the bundle's Date). */
export function outputValue(
  v: Computed,
  format: string | undefined,
  timeZone: string,
  makeDate: (ms: number) => Date,
): unknown {
  if (v instanceof FormulaError) return v.code;
  if (v === null) return '';
  const dateFormat = isDateFormat(format);
  if (isDateValue(v)) {
    // A date is a number with a date format: under a numeric format (or General) it reads as its serial.
    if (dateFormat || isText(format)) return makeDate(v.date);
    return serialFromMs(timeZone, v.date);
  }
  if (typeof v === 'number' && dateFormat) return makeDate(msFromSerial(timeZone, v));
  return v;
}

/** What getDisplayValues returns: the text Sheets shows. */
export function displayValue(v: Computed, format: string | undefined, timeZone: string): string {
  if (v instanceof FormulaError) return v.code;
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (isDateValue(v)) {
    if (isDateFormat(format)) return formatDate(v.date, format as string, timeZone);
    if (isText(format)) return formatDate(v.date, autoDateFormat(v.date, timeZone), timeZone);
    const serial = serialFromMs(timeZone, v.date);
    return isGeneral(format) ? formatGeneralNumber(serial) : formatNumber(serial, format as string);
  }
  if (isDateFormat(format)) return formatDate(msFromSerial(timeZone, v), format as string, timeZone);
  if (isGeneral(format) || isText(format)) return formatGeneralNumber(v);
  return formatNumber(v, format as string);
}
