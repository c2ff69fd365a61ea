// Reading the audit log back: one complaint's rows for its history, in three calls whatever the log's size.
import type { StepEvent } from '../domain/forecast';
import type { AuditEntry } from '../ports';
import { AUDIT_HEADERS } from './auditSheet';
import { cellText } from '../lib/cells';
import { REG_NUMBER_HEADER } from '../messages/sheets';

const REG_COLUMN = AUDIT_HEADERS.indexOf(REG_NUMBER_HEADER) + 1;

function toDate(value: unknown): Date {
  if (Object.prototype.toString.call(value) === '[object Date]') return value as Date;
  const d = new Date(String(value));
  return Number.isNaN(d.getTime()) ? new Date(0) : d;
}

export function rowToEntry(row: readonly unknown[]): AuditEntry {
  const text = (i: number): string => (row[i] === null || row[i] === undefined ? '' : cellText(row[i]));
  return {
    at: toDate(row[0]),
    actor: text(1),
    role: text(2),
    action: text(3),
    regNumber: text(4),
    before: text(5),
    after: text(6),
    note: text(7),
  };
}

/**
 * The rows of `regNumber`: the registration-number column is read once, then only the block from the
 * complaint's first to its last row (a complaint's rows lie close together in time, so the block is small).
 * `lastRow`, when this execution already knows it (its own append: AuditSheet.lastRowWritten), saves asking.
 */
export function auditEntriesFor(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  regNumber: string,
  lastRow: number | null = null,
): AuditEntry[] {
  const last = lastRow ?? sheet.getLastRow();
  if (last < 2 || regNumber === '') return [];
  const numbers = sheet.getRange(2, REG_COLUMN, last - 1, 1).getValues();
  const hits: number[] = [];
  numbers.forEach((r, i) => {
    if (String(r[0]) === regNumber) hits.push(i);
  });
  if (hits.length === 0) return [];
  const first = hits[0];
  const block = sheet.getRange(first + 2, 1, hits[hits.length - 1] - first + 1, AUDIT_HEADERS.length).getValues();
  return hits.map((i) => rowToEntry(block[i - first]));
}

/** How far back the forecast reads the log: enough for months of steps, bounded whatever the log's size. */
export const STEP_EVENT_ROWS = 20_000;

/**
 * The forecast's view of the log: time, action and number of the last STEP_EVENT_ROWS rows, in one read of those
 * five narrow columns (the before/after JSON is never read).
 */
export function recentStepEvents(sheet: GoogleAppsScript.Spreadsheet.Sheet): StepEvent[] {
  const last = sheet.getLastRow();
  if (last < 2) return [];
  const first = Math.max(2, last - STEP_EVENT_ROWS + 1);
  return sheet
    .getRange(first, 1, last - first + 1, REG_COLUMN)
    .getValues()
    .map((r) => ({ at: toDate(r[0]), action: cellText(r[3]), regNumber: cellText(r[4]).trim() }));
}
