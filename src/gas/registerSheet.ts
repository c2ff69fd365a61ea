// The register sheet as a RegisterPort: whole-column reads and one-row batched writes, never a call per row. Columns
// are found by header (registerLayout.ts): a row is read in one call across the span of Dumas's columns, and written
// in one call per run of adjacent Dumas columns, so a column a person inserted keeps its content.
import type { Complaint } from '../domain/complaint';
import { parseSequence } from '../domain/numbering';
import { witaParts } from '../domain/time';
import type { RegisterKeys, RegisterPort, StoredComplaint } from '../ports';
import {
  REGISTER_WIDTH,
  ROW_FORMATS,
  complaintToRow,
  indexOfKey,
  responseIdOf,
  rowToComplaint,
} from './registerColumns';
import { RegisterLayout } from './registerLayout';
import type { RegisterView } from './registerView';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows added at once when the grid is full, so growth costs one call per hundreds of complaints. */
const GROW_BY = 500;

/**
 * How far back from the end intake looks for a form response already registered. A response is registered
 * within minutes of its submission (the trigger, or the next reconcile, which checks the whole column itself),
 * and rows are only ever appended, so its row is among the last few.
 */
export const RECENT_ROWS = 200;

/**
 * The last registration number issued in each year (Script Properties, `dumas.lastRegNumber.<year>`), so a register
 * sorted by hand, or a letter of last year registered late, never reissues a number.
 */
export const LAST_NUMBER_PREFIX = 'dumas.lastRegNumber.';

/**
 * Row minus sequence of the last number appended in each year (Script Properties, `dumas.regRowOffset.<year>`).
 * Rows are appended in number order, so a number's row is almost always its sequence plus its year's offset: find
 * reads that one row instead of the whole number column (1.5 s at 50,000 rows). A register sorted by hand, a late
 * letter of last year or rows deleted by hand make the guess miss, and the column is read as before.
 */
export const ROW_OFFSET_PREFIX = 'dumas.regRowOffset.';

/** A row `row` of the grid, growing the grid first when the row lies past its end (`getRange` refuses it then). */
export function rowRange(
  sheet: Sheet,
  row: number,
  width: number,
  rows = 1,
  column = 1,
): GoogleAppsScript.Spreadsheet.Range {
  try {
    return sheet.getRange(row, column, rows, width);
  } catch {
    // Past the grid: add rows (one call per hundreds of appends) rather than ask the grid's size every time.
    sheet.insertRowsAfter(row - 1, Math.max(GROW_BY, rows));
    return sheet.getRange(row, column, rows, width);
  }
}

/** Rows of Dumas's cells (canonical order) read in one call across the span of its columns. */
export function readRows(sheet: Sheet, layout: RegisterLayout, first: number, count: number): unknown[][] {
  const span = layout.span;
  return sheet
    .getRange(first, span.first, count, span.indexes.length)
    .getValues()
    .map((cells) => layout.toCanonical(span, cells, new Array<unknown>(REGISTER_WIDTH).fill('')));
}

/**
 * Canonical rows written from `first`, one setValues per run of adjacent Dumas columns (formats first when given, so
 * text columns are plain text before the values land). Columns Dumas does not own are never written.
 */
export function writeRows(
  sheet: Sheet,
  layout: RegisterLayout,
  first: number,
  rows: readonly (readonly unknown[])[],
  indexes: readonly number[] = RegisterLayout.ALL,
  formats?: readonly string[],
): void {
  for (const run of layout.runs(indexes)) {
    const range = rowRange(sheet, first, run.indexes.length, rows.length, run.first);
    if (formats) range.setNumberFormats(rows.map(() => layout.fromCanonical(run, formats) as string[]));
    range.setValues(rows.map((r) => layout.fromCanonical(run, r)));
  }
}

export class RegisterSheet implements RegisterPort {
  /** Registration numbers read this execution (find), in row order from row 2. */
  private numbers: string[] | null = null;
  /** The row keys() found free, for the append that follows it under the same lock. */
  private appendAt: number | null = null;
  /** Each year's row offset (ROW_OFFSET_PREFIX), read once per execution when a guess is first tried. */
  private offsets: Map<number, number> | null = null;

  constructor(
    private readonly sheet: Sheet,
    /** The register's layout, read once per execution (GasContext.registerLayout). */
    private readonly layout: () => RegisterLayout,
    /** The registration number's pattern (settings), to read a number's year and sequence. */
    private readonly pattern: () => string,
    /** The office's register view (split deployment): each row written is projected there too. */
    private readonly view: RegisterView | null = null,
  ) {}

  private lastRow(): number {
    return this.sheet.getLastRow();
  }

  /**
   * The numbers and response ids of the last RECENT_ROWS rows, plus the last number issued: numbering takes the
   * highest of them, and a response registered moments ago is found. Call under the lock, right before append.
   */
  keys(): RegisterKeys {
    const last = this.lastRow();
    this.appendAt = last + 1;
    const first = Math.max(2, last - RECENT_ROWS + 1);
    const regNumbers: string[] = [];
    const responseIds: string[] = [];
    if (last >= first) {
      const n = last - first + 1;
      const column = (key: 'regNumber' | 'responseId') =>
        this.sheet
          .getRange(first, this.layout().column(indexOfKey(key)), n, 1)
          .getValues()
          .map((r) => String(r[0]));
      regNumbers.push(...column('regNumber'));
      responseIds.push(...column('responseId'));
    }
    const props = PropertiesService.getScriptProperties().getProperties();
    for (const [key, issued] of Object.entries(props)) {
      if (!key.startsWith(LAST_NUMBER_PREFIX)) continue;
      regNumbers.push(issued);
      responseIds.push('');
    }
    return { regNumbers, responseIds };
  }

  loadAll(): StoredComplaint[] {
    const last = this.lastRow();
    if (last < 2) return [];
    const values = readRows(this.sheet, this.layout(), 2, last - 1);
    const out: StoredComplaint[] = [];
    values.forEach((row, i) => {
      if (String(row[0]).trim() === '') return; // a blank row left by hand
      out.push({ row: i + 2, complaint: rowToComplaint(row), responseId: responseIdOf(row) });
    });
    return out;
  }

  /**
   * One complaint by registration number, or null. The number column is read once per execution; the row is read
   * whole each time and must still hold that number (a row moved by hand meanwhile makes it look again).
   */
  find(regNumber: string): StoredComplaint | null {
    if (this.numbers === null) {
      const guessed = this.atGuessedRow(regNumber);
      if (guessed) return guessed;
    }
    let fresh = false;
    if (this.numbers === null) {
      this.numbers = this.readNumbers();
      fresh = true;
    }
    for (;;) {
      const index = this.numbers.indexOf(regNumber);
      if (index >= 0) {
        const row = index + 2;
        const values = readRows(this.sheet, this.layout(), row, 1)[0];
        if (String(values[0]) === regNumber) {
          return { row, complaint: rowToComplaint(values), responseId: responseIdOf(values) };
        }
      }
      if (fresh) return null;
      this.numbers = this.readNumbers(); // moved or registered since the column was read: look again, once
      fresh = true;
    }
  }

  /** The complaint at the row its year's offset points to, when that row holds the number; else null. */
  private atGuessedRow(regNumber: string): StoredComplaint | null {
    if (this.offsets === null) {
      this.offsets = new Map();
      const props = PropertiesService.getScriptProperties().getProperties();
      for (const [key, value] of Object.entries(props)) {
        if (key.startsWith(ROW_OFFSET_PREFIX))
          this.offsets.set(Number(key.slice(ROW_OFFSET_PREFIX.length)), Number(value));
      }
    }
    for (const [year, offset] of this.offsets) {
      const seq = parseSequence(this.pattern(), regNumber, year);
      if (seq === null || !Number.isInteger(seq + offset) || seq + offset < 2) continue;
      const row = seq + offset;
      let values: unknown[];
      try {
        values = readRows(this.sheet, this.layout(), row, 1)[0];
      } catch {
        return null; // past the grid (rows deleted by hand), or a failed read: the column read below decides
      }
      return String(values[0]) === regNumber
        ? { row, complaint: rowToComplaint(values), responseId: responseIdOf(values) }
        : null;
    }
    return null;
  }

  private readNumbers(): string[] {
    const last = this.lastRow();
    if (last < 2) return [];
    return this.sheet
      .getRange(2, this.layout().column(indexOfKey('regNumber')), last - 1, 1)
      .getValues()
      .map((r) => String(r[0]));
  }

  append(complaint: Complaint, responseId: string): number {
    const row = this.appendAt ?? this.lastRow() + 1;
    this.appendAt = null;
    this.writeRow(row, complaint, responseId);
    if (this.numbers !== null) this.numbers[row - 2] = complaint.regNumber;
    const year = witaParts(complaint.receivedAt).year;
    const seq = parseSequence(this.pattern(), complaint.regNumber, year);
    PropertiesService.getScriptProperties().setProperties({
      [`${LAST_NUMBER_PREFIX}${year}`]: complaint.regNumber,
      ...(seq === null ? {} : { [`${ROW_OFFSET_PREFIX}${year}`]: String(row - seq) }),
    });
    if (seq !== null) this.offsets?.set(year, row - seq);
    return row;
  }

  write(stored: StoredComplaint): void {
    this.writeRow(stored.row, stored.complaint, stored.responseId);
  }

  /** Formats first, so text columns are plain text (`@`) before the values land: nothing typed becomes a formula. */
  private writeRow(row: number, complaint: Complaint, responseId: string): void {
    const cells = complaintToRow(complaint, responseId);
    writeRows(this.sheet, this.layout(), row, [cells], RegisterLayout.ALL, ROW_FORMATS);
    this.view?.write(row, [cells]);
  }
}
