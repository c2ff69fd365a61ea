// The office's register view (split deployment): the vault's register projected without identity
// (domain/registerView.ts), row for row: the view's row r is the vault's row r, so the shell can pass a selected
// view row to the core. Written only by the core, right after each register write, in one batch per run of rows
// (number formats, then values: two calls). A failed view write never fails the register write: its rows go to a
// repair journal in Script Properties, re-projected by the daily run (and by setup).
import { redactForLog } from '../domain/privacy';
import { cellText } from '../lib/cells';
import type { ComplaintField } from '../domain/complaint';
import { projectForView, VIEW_HIDDEN_FIELDS } from '../domain/registerView';
import {
  REGISTER_COLUMNS,
  REGISTER_WIDTH,
  ROW_FORMATS,
  complaintToRow,
  indexOfKey,
  rowToComplaint,
} from './registerColumns';
import type { RegisterReader } from './registerReads';
import { rowRange } from './registerSheet';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** The view's columns: the register's, in its canonical order, without the identity ones and the response id. */
const VIEW_INDEXES: readonly number[] = REGISTER_COLUMNS.flatMap((c, i) =>
  VIEW_HIDDEN_FIELDS.includes(c.field) ? [] : [i],
);
export const VIEW_HEADERS: readonly string[] = VIEW_INDEXES.map((i) => REGISTER_COLUMNS[i].header);
export const VIEW_WIDTH = VIEW_INDEXES.length;
export const VIEW_FORMATS: readonly string[] = VIEW_INDEXES.map((i) => ROW_FORMATS[i]);

/** Rows whose view write failed, waiting for the next repair (row numbers only: no identity). */
export const VIEW_REPAIR_KEY = 'dumas.viewRepair';

/** A canonical register row (cells as Dumas writes or reads them) as the view's cells. */
export function viewCells(row: readonly unknown[]): unknown[] {
  if (cellText(row[indexOfKey('regNumber')]).trim() === '') return new Array<unknown>(VIEW_WIDTH).fill('');
  const cells = complaintToRow(projectForView(rowToComplaint(row)));
  return VIEW_INDEXES.map((i) => cells[i]);
}

function journal(): number[] {
  try {
    const v = JSON.parse(PropertiesService.getScriptProperties().getProperty(VIEW_REPAIR_KEY) ?? '[]') as unknown;
    return Array.isArray(v) ? v.filter((r): r is number => Number.isInteger(r) && (r as number) >= 2) : [];
  } catch {
    return [];
  }
}

export class RegisterView {
  constructor(private readonly sheet: Sheet) {}

  /**
   * Canonical rows from `first`, projected: formats first (text stays text, nothing typed becomes a formula), then
   * values. A failure is journalled for repair and never thrown: the vault's row, already written, is the truth.
   */
  write(first: number, rows: readonly (readonly unknown[])[]): void {
    if (rows.length === 0) return;
    try {
      this.writeNow(first, rows);
    } catch (error) {
      this.remember(first, rows.length, error);
    }
  }

  private writeNow(first: number, rows: readonly (readonly unknown[])[]): void {
    rowRange(this.sheet, first, VIEW_WIDTH, rows.length)
      .setNumberFormats(rows.map(() => [...VIEW_FORMATS]))
      .setValues(rows.map(viewCells));
  }

  private remember(first: number, count: number, error: unknown): void {
    const rows = Array.from({ length: count }, (_, i) => first + i);
    try {
      const all = [...new Set([...journal(), ...rows])].sort((a, b) => a - b);
      PropertiesService.getScriptProperties().setProperty(VIEW_REPAIR_KEY, JSON.stringify(all));
      console.error(`register view: rows ${rows.join(',')} not written, journalled for repair`);
    } catch {
      // Even the journal failed: setup's full re-projection (and the next write of the row) repairs it.
      console.error(`register view: rows ${rows.join(',')} not written nor journalled`);
    }
    console.error(`register view: ${error instanceof Error ? redactForLog(error.message) : ''}`);
  }

  /**
   * The journalled rows re-projected from the vault (the daily run; setup), and the rows past the view's end (an
   * append whose execution stopped between the vault's write and the view's). Returns how many rows were written.
   * The journal is cleared only after the rows are written; a row journalled meanwhile stays for the next repair.
   */
  repair(reader: RegisterReader): number {
    reader.forget(); // rows added since the reader first looked must be read, not taken for blank
    const journalled = journal();
    const last = reader.lastRow();
    const viewLast = this.sheet.getLastRow();
    const tail = Array.from(
      { length: Math.max(0, last - Math.max(viewLast, 1)) },
      (_, i) => Math.max(viewLast, 1) + 1 + i,
    );
    const pending = [...new Set([...journalled, ...tail])];
    if (pending.length === 0) return 0;
    const raw = reader.rows(pending, [...REGISTER_COLUMNS.map((c) => c.field), 'responseId']);
    for (const run of runsOf(pending)) {
      const rows = run.map((r) => raw.get(r) ?? new Array<unknown>(REGISTER_WIDTH).fill(''));
      this.writeNow(run[0], rows);
    }
    if (journalled.length > 0) {
      const left = journal().filter((r) => !journalled.includes(r));
      const props = PropertiesService.getScriptProperties();
      if (left.length === 0) props.deleteProperty(VIEW_REPAIR_KEY);
      else props.setProperty(VIEW_REPAIR_KEY, JSON.stringify(left));
    }
    return pending.length;
  }

  /** Every register row re-projected (setup: a new view, or one whose length differs from the register's). */
  rebuild(register: Sheet, reader: RegisterReader): number {
    const last = register.getLastRow();
    if (last < 2) return 0;
    const raw = reader.columns([...REGISTER_COLUMNS.map((c) => c.field), 'responseId']);
    const rows = Array.from({ length: last - 1 }, (_, i) => raw.get(i + 2) ?? []);
    this.writeNow(2, rows);
    const extra = this.sheet.getLastRow() - last;
    if (extra > 0) this.sheet.getRange(last + 1, 1, extra, VIEW_WIDTH).clearContent();
    PropertiesService.getScriptProperties().deleteProperty(VIEW_REPAIR_KEY);
    return last - 1;
  }
}

/** Sorted rows as runs of consecutive rows. */
function runsOf(rows: readonly number[]): number[][] {
  const out: number[][] = [];
  for (const r of [...new Set(rows)].sort((a, b) => a - b)) {
    const last = out[out.length - 1];
    if (last && r === last[last.length - 1] + 1) last.push(r);
    else out.push([r]);
  }
  return out;
}

/** A field's column in the view (1-based). */
export function viewColumnOf(field: ComplaintField): number {
  const i = VIEW_INDEXES.indexOf(indexOfKey(field));
  if (i < 0) throw new Error(`the register view has no column for ${field}`);
  return i + 1;
}
